package sg.linkup.notification.sms.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import sg.linkup.notification.control.ClientReplies;
import sg.linkup.notification.control.Deliveries;
import sg.linkup.notification.sms.DeliveryReport;

/** The webhook resource's logic, called directly; the HTTP round trip is the Arquillian IT's. */
class TwilioWebhooksTest {

    static final String PUBLIC_ORIGIN = "https://linkup.example.gov.sg";
    static final String STATUS_PATH = "/api/webhooks/twilio/status";
    static final String INBOUND_PATH = "/api/webhooks/twilio/inbound";
    static final String CLIENT = "+6591234567";

    final FakeTwilio twilio = new FakeTwilio();
    final List<DeliveryReport> recorded = new ArrayList<>();
    final List<String> asked = new ArrayList<>();
    String answer;
    TwilioWebhooks webhooks;

    @BeforeEach
    void wire() {
        webhooks = new TwilioWebhooks();
        webhooks.signatures = new TwilioSignatures(FakeTwilio.AUTH_TOKEN);
        webhooks.deliveries = new Deliveries() {
            @Override
            public boolean record(DeliveryReport report) {
                return recorded.add(report);
            }
        };
        webhooks.replies = new ClientReplies() {
            @Override
            public String answer(String from, String text) {
                asked.add(from + " " + text);
                return answer;
            }
        };
        // Behind the load balancer: Payara sees plain http on its own host and port.
        webhooks.webhookBaseUrl = Optional.of(PUBLIC_ORIGIN);
    }

    void receivedAt(String requestUri) {
        webhooks.uriInfo = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(),
                new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getRequestUri")) {
                        return URI.create(requestUri);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static MultivaluedMap<String, String> form(Map<String, String> fields) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        fields.forEach(form::add);
        return form;
    }

    Map<String, String> delivered() {
        var message = new FakeTwilio.Message("SM0123456789abcdef0123456789abcdef", CLIENT, null,
                FakeTwilio.MESSAGING_SERVICE_SID, "…", null, "accepted", 0, null);
        return twilio.statusCallbackForm(message, "delivered", null);
    }

    @Test
    void aSignedStatusCallbackIsRecorded() {
        receivedAt("http://10.0.3.7:8080" + STATUS_PATH);
        Map<String, String> fields = delivered();

        webhooks.status(twilio.sign(PUBLIC_ORIGIN + STATUS_PATH, fields), form(fields));

        assertEquals(List.of(new DeliveryReport("SM0123456789abcdef0123456789abcdef",
                DeliveryReport.Status.DELIVERED, null)), recorded);
    }

    @Test
    void aFailedDeliveryKeepsTwiliosErrorCode() {
        receivedAt("http://10.0.3.7:8080" + STATUS_PATH);
        var message = new FakeTwilio.Message("SMffffffffffffffffffffffffffffffff", CLIENT, FakeTwilio.FROM, null,
                "…", null, "queued", 1, null);
        Map<String, String> fields = twilio.statusCallbackForm(message, "undelivered", "30003");

        webhooks.status(twilio.sign(PUBLIC_ORIGIN + STATUS_PATH, fields), form(fields));

        assertEquals(List.of(new DeliveryReport("SMffffffffffffffffffffffffffffffff",
                DeliveryReport.Status.UNDELIVERED, "30003")), recorded);
    }

    @Test
    void aStatusCallbackWithoutSignatureIsRefusedAndNothingIsRecorded() {
        receivedAt("http://10.0.3.7:8080" + STATUS_PATH);

        UnverifiedWebhook refused = assertThrows(UnverifiedWebhook.class,
                () -> webhooks.status(null, form(delivered())));

        assertEquals(403, refused.status());
        assertTrue(recorded.isEmpty());
    }

    @Test
    void aTamperedStatusCallbackIsRefused() {
        receivedAt("http://10.0.3.7:8080" + STATUS_PATH);
        Map<String, String> fields = delivered();
        String signature = twilio.sign(PUBLIC_ORIGIN + STATUS_PATH, fields);
        MultivaluedMap<String, String> tampered = form(fields);
        tampered.putSingle("MessageStatus", "failed");

        assertThrows(UnverifiedWebhook.class, () -> webhooks.status(signature, tampered));
        assertTrue(recorded.isEmpty());
    }

    @Test
    void anExtraPostedParameterBreaksTheSignature() {
        receivedAt("http://10.0.3.7:8080" + STATUS_PATH);
        Map<String, String> fields = delivered();
        String signature = twilio.sign(PUBLIC_ORIGIN + STATUS_PATH, fields);
        MultivaluedMap<String, String> extended = form(fields);
        extended.add("ErrorCode", "30003");

        assertThrows(UnverifiedWebhook.class, () -> webhooks.status(signature, extended));
    }

    @Test
    void aRepeatedParameterIsRefused() {
        receivedAt("http://10.0.3.7:8080" + STATUS_PATH);
        Map<String, String> fields = delivered();
        String signature = twilio.sign(PUBLIC_ORIGIN + STATUS_PATH, fields);
        MultivaluedMap<String, String> repeated = form(fields);
        repeated.add("MessageStatus", "failed");

        assertThrows(UnverifiedWebhook.class, () -> webhooks.status(signature, repeated));
        assertTrue(recorded.isEmpty());
    }

    @Test
    void aSignatureForTheInternalUrlIsRefusedWhenAPublicOriginIsConfigured() {
        receivedAt("http://10.0.3.7:8080" + STATUS_PATH);
        Map<String, String> fields = delivered();

        assertThrows(UnverifiedWebhook.class,
                () -> webhooks.status(twilio.sign("http://10.0.3.7:8080" + STATUS_PATH, fields), form(fields)));
    }

    @Test
    void withoutAPublicOriginTheUrlAsReceivedIsSigned() {
        webhooks.webhookBaseUrl = Optional.empty();
        String url = "http://localhost:8080" + STATUS_PATH + "?office=7";
        receivedAt(url);
        Map<String, String> fields = delivered();

        webhooks.status(twilio.sign(url, fields), form(fields));

        assertEquals(1, recorded.size());
    }

    @Test
    void aClientsReplyIsAnsweredInTwiml() {
        receivedAt("http://10.0.3.7:8080" + INBOUND_PATH);
        answer = "Your session on 4 Mar is cancelled. <Linkup> & SSO";
        Map<String, String> fields = twilio.inboundForm(CLIENT, FakeTwilio.FROM, "C");

        String twiml = webhooks.inbound(twilio.sign(PUBLIC_ORIGIN + INBOUND_PATH, fields), form(fields));

        assertEquals(List.of(CLIENT + " C"), asked);
        assertTrue(twiml.endsWith("<Response><Message>Your session on 4 Mar is cancelled. &lt;Linkup&gt; &amp; SSO"
                + "</Message></Response>"), twiml);
    }

    @Test
    void nothingToSayIsAnEmptyResponse() {
        receivedAt("http://10.0.3.7:8080" + INBOUND_PATH);
        answer = null;
        Map<String, String> fields = twilio.inboundForm(CLIENT, FakeTwilio.FROM, "hello?");

        String twiml = webhooks.inbound(twilio.sign(PUBLIC_ORIGIN + INBOUND_PATH, fields), form(fields));

        assertTrue(twiml.endsWith("<Response/>"), twiml);
    }

    @Test
    void anUnsignedInboundMessageReachesNoConversation() {
        receivedAt("http://10.0.3.7:8080" + INBOUND_PATH);
        Map<String, String> fields = twilio.inboundForm(CLIENT, FakeTwilio.FROM, "STOP");

        assertThrows(UnverifiedWebhook.class,
                () -> webhooks.inbound(FakeTwilio.signature("guessed", PUBLIC_ORIGIN + INBOUND_PATH, fields),
                        form(fields)));
        assertTrue(asked.isEmpty());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "accepted,    QUEUED",
        "scheduled,   QUEUED",
        "queued,      QUEUED",
        "sending,     QUEUED",
        "sent,        SENT",
        "delivered,   DELIVERED",
        "read,        DELIVERED",
        "undelivered, UNDELIVERED",
        "failed,      FAILED",
        "canceled,    FAILED",
        "DELIVERED,   DELIVERED",
    })
    void twiliosStatusInLinkupsWords(String twilioStatus, DeliveryReport.Status expected) {
        assertEquals(Optional.of(expected), TwilioWebhooks.deliveryStatus(twilioStatus));
    }

    @ParameterizedTest
    @ValueSource(strings = {"receiving", "received", "partially_delivered", "teleported", ""})
    void statusesThatSayNothingAboutDeliveryAreIgnored(String twilioStatus) {
        assertEquals(Optional.empty(), TwilioWebhooks.deliveryStatus(twilioStatus));
    }

    @Test
    void aSignedCallbackWithAnUnknownStatusRecordsNothing() {
        receivedAt("http://10.0.3.7:8080" + STATUS_PATH);
        var message = new FakeTwilio.Message("SM0123456789abcdef0123456789abcdef", CLIENT, null,
                FakeTwilio.MESSAGING_SERVICE_SID, "…", null, "accepted", 0, null);
        Map<String, String> fields = twilio.statusCallbackForm(message, "partially_delivered", null);

        webhooks.status(twilio.sign(PUBLIC_ORIGIN + STATUS_PATH, fields), form(fields));

        assertTrue(recorded.isEmpty());
    }

    @Test
    void thePublicOriginReplacesSchemeHostAndPortOnly() {
        URI received = URI.create("http://10.0.3.7:8080/api/webhooks/twilio/status?office=7&x=a%20b");
        assertEquals("https://linkup.example.gov.sg/api/webhooks/twilio/status?office=7&x=a%20b",
                TwilioWebhooks.signedUrl(Optional.of("https://linkup.example.gov.sg/ "), received));
        assertEquals(received.toString(), TwilioWebhooks.signedUrl(Optional.of(" "), received));
        assertEquals(received.toString(), TwilioWebhooks.signedUrl(Optional.empty(), received));
    }
}
