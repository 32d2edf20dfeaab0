package sg.linkup.notification.sms.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.notification.sms.twilio.FakeTwilio.ACCOUNT_SID;
import static sg.linkup.notification.sms.twilio.FakeTwilio.AUTH_TOKEN;
import static sg.linkup.notification.sms.twilio.FakeTwilio.FROM;
import static sg.linkup.notification.sms.twilio.FakeTwilio.MESSAGING_SERVICE_SID;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sg.linkup.notification.sms.SmsFailure;
import sg.linkup.notification.sms.SmsSender.Receipt;
import sg.linkup.notification.sms.SmsSender.Sms;
import sg.linkup.notification.sms.twilio.FakeTwilio.Reply;
import sg.linkup.notification.sms.twilio.TwilioSms.Settings;

/** The real Twilio SDK against {@link FakeTwilio}: what goes on the wire, and what each answer becomes. */
class TwilioSmsTest {

    static final String CLIENT = "+6591234567";
    static final String BODY = "Linkup: your session at Bukit Merah SSO is on 4 Mar, 10:00. Reply C to cancel.";
    static final String CALLBACK = "https://linkup.example.gov.sg/api/webhooks/twilio/status";

    FakeTwilio twilio;
    TwilioSms sms;

    @BeforeEach
    void startTwilio() {
        twilio = new FakeTwilio().start();
    }

    @AfterEach
    void stop() {
        if (sms != null) {
            sms.close();
        }
        twilio.close();
    }

    Settings viaService() {
        return Settings.of(ACCOUNT_SID, AUTH_TOKEN, MESSAGING_SERVICE_SID, null, URI.create(twilio.baseUrl()));
    }

    TwilioSms sender(Settings settings) {
        sms = new TwilioSms(settings);
        return sms;
    }

    SmsFailure refused(Sms message) {
        return assertThrows(SmsFailure.class, () -> sms.send(message));
    }

    @Test
    void aMessageIsOneFormPostToTheAccountsMessagesWithBasicAuthAndItsSidComesBack() {
        Receipt receipt = sender(viaService()).send(new Sms(CLIENT, BODY, CALLBACK));

        assertEquals(1, twilio.received().size());
        FakeTwilio.Received post = twilio.received().get(0);
        assertEquals("POST", post.method());
        assertEquals("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json", post.path());
        assertEquals("Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN)
                .getBytes(StandardCharsets.UTF_8)), post.authorization());
        assertTrue(post.contentType().startsWith("application/x-www-form-urlencoded"), post.contentType());
        assertTrue(post.userAgent().startsWith("twilio-java/"), "the SDK's own user agent: " + post.userAgent());
        assertEquals(CLIENT, post.param("To"));
        assertEquals(BODY, post.param("Body"));
        assertEquals(MESSAGING_SERVICE_SID, post.param("MessagingServiceSid"));
        assertEquals(CALLBACK, post.param("StatusCallback"));
        assertNull(post.param("From"));

        assertEquals(1, twilio.accepted().size());
        assertEquals(twilio.accepted().get(0).sid(), receipt.providerId());
        assertTrue(receipt.providerId().matches("SM[0-9a-f]{32}"), receipt.providerId());
        assertEquals("accepted", receipt.status(), "Twilio's first status through a Messaging Service");
    }

    // --- looking up a text whose sending node died ---

    @Test
    void aTextTwilioAlreadyTookIsFoundByOneListCallFilteredByTo() {
        Instant claimed = Instant.now();
        Receipt earlier = sender(viaService()).send(new Sms(CLIENT, BODY, CALLBACK));
        sms.send(new Sms("+6598765432", BODY, CALLBACK));  // the same text to someone else
        int before = twilio.received().size();

        assertEquals(Optional.of(earlier.providerId()), sms.findSent(CLIENT, BODY, claimed));

        assertEquals(1, twilio.lookups(), "one list call");
        assertEquals(before + 1, twilio.received().size(), "and nothing else: no message sent");
        FakeTwilio.Received get = twilio.received().get(before);
        assertEquals("GET", get.method());
        assertEquals("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json", get.path());
        assertEquals(CLIENT, get.param("To"));
        assertEquals(Long.toString(TwilioSms.LOOKUP_PAGE), get.param("PageSize"));
        assertNull(get.param("DateSent>"), "a queued message has no DateSent: the lookup must not filter on it");
        assertEquals(2, twilio.accepted().size());
    }

    @Test
    void theNewestOfTwoIdenticalTextsIsTheOneFound() {
        Instant claimed = Instant.now();
        sender(viaService()).send(new Sms(CLIENT, BODY, CALLBACK));
        Receipt newer = sms.send(new Sms(CLIENT, BODY, CALLBACK));

        assertEquals(Optional.of(newer.providerId()), sms.findSent(CLIENT, BODY, claimed));
    }

    @Test
    void anotherTextToTheSameNumberIsNotTheOneLookedFor() {
        Instant claimed = Instant.now();
        sender(viaService()).send(new Sms(CLIENT, BODY.replace("10:00", "11:00"), CALLBACK));

        assertEquals(Optional.empty(), sms.findSent(CLIENT, BODY, claimed));
        assertEquals(1, twilio.lookups());
    }

    @Test
    void theSameTextTakenBeforeTheMessageWasDueIsNotThisOne() {
        sender(viaService()).send(new Sms(CLIENT, BODY, CALLBACK));

        // Twilio stamps whole seconds; anything before "since" less the allowed clock skew is an older message.
        Instant dueLater = Instant.now().plus(TwilioSms.CLOCK_SKEW).plusSeconds(5);
        assertEquals(Optional.empty(), sms.findSent(CLIENT, BODY, dueLater));
        assertTrue(sms.findSent(CLIENT, BODY, Instant.now().plus(TwilioSms.CLOCK_SKEW).minusSeconds(5)).isPresent(),
                "within the clock skew Twilio's stamp still counts");
    }

    @Test
    void aNumberTwilioNeverTextedHasNothingToFind() {
        assertEquals(Optional.empty(), sender(viaService()).findSent(CLIENT, BODY, Instant.now()));
        assertEquals(0, twilio.accepted().size());
    }

    @Test
    void aLookupTwilioCannotAnswerIsATransientFailureNotAnAnswer() {
        twilio.enqueue(Reply.error(503, 20503, "Service Unavailable"));
        sender(viaService());
        SmsFailure failure = assertThrows(SmsFailure.class, () -> sms.findSent(CLIENT, BODY, Instant.now()));
        assertEquals(SmsFailure.Kind.TRANSIENT, failure.kind());
        assertEquals(1, twilio.lookups(), "the SDK's own retries stay off for lookups too");
    }

    @Test
    void withoutAMessagingServiceTheFromNumberSends() {
        Receipt receipt = sender(Settings.of(ACCOUNT_SID, AUTH_TOKEN, null, FROM, URI.create(twilio.baseUrl())))
                .send(new Sms(CLIENT, BODY, CALLBACK));

        FakeTwilio.Received post = twilio.received().get(0);
        assertEquals(FROM, post.param("From"));
        assertNull(post.param("MessagingServiceSid"));
        assertEquals("queued", receipt.status());
        assertEquals(FROM, twilio.accepted().get(0).from());
    }

    @Test
    void aMessagingServiceWinsOverAFromNumber() {
        sender(Settings.of(ACCOUNT_SID, AUTH_TOKEN, MESSAGING_SERVICE_SID, FROM, URI.create(twilio.baseUrl())))
                .send(new Sms(CLIENT, BODY, null));

        assertEquals(MESSAGING_SERVICE_SID, twilio.received().get(0).param("MessagingServiceSid"));
        assertNull(twilio.received().get(0).param("From"));
    }

    @Test
    void noStatusCallbackIsSentWhenNoneIsAsked() {
        sender(viaService()).send(new Sms(CLIENT, BODY, null));

        assertFalse(twilio.received().get(0).form().containsKey("StatusCallback"));
    }

    @Test
    void aServerErrorIsOneAttemptAndTransient_soTheOutboxRetryMakesExactlyOneMessage() {
        twilio.enqueue(Reply.error(500, 20500, "Internal Server Error"), Reply.created());
        sender(viaService());

        SmsFailure failure = refused(new Sms(CLIENT, BODY, null));
        assertEquals(SmsFailure.Kind.TRANSIENT, failure.kind());
        assertEquals("20500", failure.code());
        assertEquals(1, twilio.received().size(), "the SDK's own retry of 5xx is switched off");

        Receipt receipt = sms.send(new Sms(CLIENT, BODY, null));
        assertEquals(2, twilio.received().size());
        assertEquals(1, twilio.accepted().size());
        assertEquals(twilio.accepted().get(0).sid(), receipt.providerId());
    }

    @Test
    void serviceUnavailableIsTransientAndNotRepeatedByTheHttpClient() {
        twilio.enqueue(Reply.error(503, 20503, "Service Unavailable"), Reply.created());
        sender(viaService());

        assertEquals(SmsFailure.Kind.TRANSIENT, refused(new Sms(CLIENT, BODY, null)).kind());
        assertEquals(1, twilio.received().size(), "Apache's retry of 503 is switched off too");
        assertEquals(0, twilio.accepted().size());
    }

    @Test
    void aProxysErrorPageWithoutTwiliosJsonIsTransient() {
        twilio.enqueue(Reply.raw(502, "text/html", "<html><body>502 Bad Gateway</body></html>"));

        SmsFailure failure = assertThrows(SmsFailure.class,
                () -> sender(viaService()).send(new Sms(CLIENT, BODY, null)));

        assertEquals(SmsFailure.Kind.TRANSIENT, failure.kind());
        assertTrue(failure.getMessage().contains("502"), failure.getMessage());
    }

    @Test
    void tooManyRequestsIsTransientAndNotRepeated() {
        twilio.enqueue(Reply.error(429, 20429, "Too Many Requests"), Reply.created());

        SmsFailure failure = assertThrows(SmsFailure.class,
                () -> sender(viaService()).send(new Sms(CLIENT, BODY, null)));

        assertEquals(SmsFailure.Kind.TRANSIENT, failure.kind());
        assertEquals("20429", failure.code());
        assertEquals(1, twilio.received().size());
    }

    @Test
    void aNumberTwilioCallsInvalidMustBeCorrectedAndIsNotRepeatedInTheFailure() {
        String impossible = "+6591234567890123";

        SmsFailure failure = assertThrows(SmsFailure.class,
                () -> sender(viaService()).send(new Sms(impossible, BODY, null)));

        assertEquals(SmsFailure.Kind.INVALID_NUMBER, failure.kind());
        assertEquals("21211", failure.code());
        assertFalse(failure.getMessage().contains(impossible), failure.getMessage());
        assertTrue(failure.getMessage().contains("+65 ****0123"), failure.getMessage());
        assertNull(failure.getCause(), "Twilio's exception repeats the full number");
    }

    @Test
    void aNumberThatIsNotMobileMustBeCorrected() {
        twilio.enqueue(Reply.error(400, 21614, "'To' number is not a valid mobile number"));

        SmsFailure failure = assertThrows(SmsFailure.class,
                () -> sender(viaService()).send(new Sms(CLIENT, BODY, null)));

        assertEquals(SmsFailure.Kind.INVALID_NUMBER, failure.kind());
        assertEquals("21614", failure.code());
    }

    @Test
    void aFullSenderQueueAtTwilioIsTriedAgainLater() {
        twilio.enqueue(Reply.error(400, 21611,
                "This 'From' number has exceeded the maximum number of queued messages"));

        SmsFailure failure = assertThrows(SmsFailure.class,
                () -> sender(viaService()).send(new Sms(CLIENT, BODY, null)));

        assertEquals(SmsFailure.Kind.TRANSIENT, failure.kind());
        assertEquals("21611", failure.code());
    }

    @Test
    void aClientWhoRepliedStopIsUnsubscribed() {
        twilio.unsubscribe(CLIENT);

        SmsFailure failure = assertThrows(SmsFailure.class,
                () -> sender(viaService()).send(new Sms(CLIENT, BODY, null)));

        assertEquals(SmsFailure.Kind.UNSUBSCRIBED, failure.kind());
        assertEquals("21610", failure.code());
        assertEquals(0, twilio.accepted().size());
    }

    @Test
    void aWrongAuthTokenIsRejected() {
        Settings wrong = Settings.of(ACCOUNT_SID, "0000dead0000dead0000dead0000dead", MESSAGING_SERVICE_SID, null,
                URI.create(twilio.baseUrl()));

        SmsFailure failure = assertThrows(SmsFailure.class, () -> sender(wrong).send(new Sms(CLIENT, BODY, null)));

        assertEquals(SmsFailure.Kind.REJECTED, failure.kind());
        assertEquals("20003", failure.code());
        assertEquals(0, twilio.accepted().size());
    }

    @Test
    void noServerListeningIsTransient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Settings nowhere = Settings.of(ACCOUNT_SID, AUTH_TOKEN, MESSAGING_SERVICE_SID, null,
                URI.create("http://127.0.0.1:" + closedPort));

        SmsFailure failure = assertThrows(SmsFailure.class, () -> sender(nowhere).send(new Sms(CLIENT, BODY, null)));

        assertEquals(SmsFailure.Kind.TRANSIENT, failure.kind());
        assertNull(failure.code());
    }

    @Test
    void noAnswerWithinTheTimeoutIsTransient() {
        twilio.delay(Duration.ofSeconds(3));
        sender(viaService().withTimeout(Duration.ofMillis(300)));

        SmsFailure failure = refused(new Sms(CLIENT, BODY, null));

        assertEquals(SmsFailure.Kind.TRANSIENT, failure.kind());
        assertNull(failure.code(), "no answer, so no Twilio code");
        // The fake takes the message only when it answers, 3 s in: nothing taken yet means we did not wait for it.
        assertTrue(twilio.accepted().isEmpty(), "gave up before Twilio answered");
    }

    @Test
    void aConnectionClosedWithoutAnswerIsTransient() {
        twilio.enqueue(Reply.hangUp());

        SmsFailure failure = assertThrows(SmsFailure.class,
                () -> sender(viaService()).send(new Sms(CLIENT, BODY, null)));

        assertEquals(SmsFailure.Kind.TRANSIENT, failure.kind());
        assertEquals(1, twilio.received().size(), "a POST is not repeated on a broken connection");
    }

    @Test
    void sixtyFourConcurrentSendsAreOnTheWireAtTheSameTime() throws Exception {
        // Long enough that even a busy machine starts many before the first is answered, unless the pool queues them.
        twilio.delay(Duration.ofMillis(500));
        sender(viaService());
        int senders = 64;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Receipt>> receipts = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                String to = "+659000" + String.format("%04d", i);
                Callable<Receipt> send = () -> {
                    go.await();
                    return sms.send(new Sms(to, BODY, CALLBACK));
                };
                receipts.add(pool.submit(send));
            }
            go.countDown();
            var sids = new HashSet<String>();
            for (Future<Receipt> receipt : receipts) {
                sids.add(receipt.get().providerId());
            }
            assertEquals(senders, sids.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(senders, twilio.accepted().size());
        assertTrue(twilio.maxInFlight() > 10, "at most " + twilio.maxInFlight() + " requests were in flight");
    }

    @Test
    void logLinesShowNeitherTheNumberNorTheBody() {
        List<String> lines = new ArrayList<>();
        Logger logger = Logger.getLogger("sg.linkup.notification.sms");
        Level level = logger.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage() + (record.getThrown() == null ? "" : record.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        try {
            sender(viaService()).send(new Sms(CLIENT, BODY, CALLBACK));
            twilio.unsubscribe(CLIENT);
            assertThrows(SmsFailure.class, () -> sms.send(new Sms(CLIENT, BODY, CALLBACK)));
            assertThrows(SmsFailure.class, () -> sms.send(new Sms("+6591234567890123", BODY, CALLBACK)));
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(level);
        }
        assertTrue(lines.size() >= 3, "sent and refused messages are logged: " + lines);
        for (String line : lines) {
            assertFalse(line.contains("91234567"), line);
            assertFalse(line.contains("Bukit Merah"), line);
        }
        assertTrue(lines.stream().anyMatch(line -> line.contains("+65 ****4567")), lines.toString());
    }

    @ParameterizedTest(name = "HTTP {0}, Twilio code {1} → {2}")
    @CsvSource(nullValues = "none", value = {
        "400,   21211, INVALID_NUMBER",   // invalid 'To' number
        "400,   21614, INVALID_NUMBER",   // 'To' is not a mobile number
        "400,   21610, UNSUBSCRIBED",     // the recipient replied STOP
        "429,   20429, TRANSIENT",        // too many requests
        "429,   none,  TRANSIENT",
        "500,   20500, TRANSIENT",
        "502,   none,  TRANSIENT",
        "503,   20503, TRANSIENT",
        "none,  none,  TRANSIENT",        // no answer: refused, reset, timed out
        "401,   20003, REJECTED",         // wrong credentials: configuration
        "400,   21408, REJECTED",         // the account may not send to that country: configuration
        "400,   21612, REJECTED",         // Twilio cannot connect this To and From now; the sender may be at fault
        "400,   21606, REJECTED",         // the From number cannot send SMS
        "400,   21617, REJECTED",         // body over 1600 characters
        "404,   20404, REJECTED",
    })
    void twiliosAnswerBecomesAFailureKind(Integer httpStatus, Integer code, SmsFailure.Kind expected) {
        assertEquals(expected, TwilioSms.kind(httpStatus, code));
    }

    @Test
    void numbersInTwiliosMessagesAreMasked() {
        assertEquals("The 'To' number +65 ****4567 is not a valid phone number.",
                TwilioSms.masked("The 'To' number +6591234567 is not a valid phone number."));
        assertEquals("see https://www.twilio.com/docs/errors/21211", TwilioSms.masked(
                "see https://www.twilio.com/docs/errors/21211"));
    }

    @Test
    void eachMissingSettingIsNamed() {
        URI base = URI.create("https://api.twilio.com");
        assertMessageNames("linkup.twilio.account-sid",
                () -> Settings.of(null, AUTH_TOKEN, MESSAGING_SERVICE_SID, null, base));
        assertMessageNames("linkup.twilio.auth-token",
                () -> Settings.of(ACCOUNT_SID, " ", MESSAGING_SERVICE_SID, null, base));
        assertMessageNames("linkup.twilio.messaging-service-sid",
                () -> Settings.of(ACCOUNT_SID, AUTH_TOKEN, null, null, base));
        assertMessageNames("linkup.twilio.from", () -> Settings.of(ACCOUNT_SID, AUTH_TOKEN, null, null, base));
        assertMessageNames("linkup.twilio.api-base-url",
                () -> Settings.of(ACCOUNT_SID, AUTH_TOKEN, null, FROM, URI.create("ftp://files.example")));
        assertMessageNames("linkup.twilio.max-connections", () -> Settings.of(ACCOUNT_SID, AUTH_TOKEN, null, FROM,
                base).withMaxConnections(0));
        assertMessageNames("linkup.twilio.timeout-millis", () -> Settings.of(ACCOUNT_SID, AUTH_TOKEN, null, FROM,
                base).withTimeout(Duration.ZERO));
    }

    @Test
    void fromConfigurationBlankValuesCountAsUnsetAndCreationFails() {
        TwilioSms configured = new TwilioSms();
        configured.accountSid = Optional.of(ACCOUNT_SID);
        configured.authToken = Optional.of("   ");
        configured.messagingServiceSid = Optional.of(MESSAGING_SERVICE_SID);
        configured.from = Optional.empty();
        configured.apiBaseUrl = twilio.baseUrl();
        configured.maxConnections = 64;
        configured.timeoutMillis = 10_000;

        assertMessageNames("linkup.twilio.auth-token", configured::init);
    }

    @Test
    void fromConfigurationItSendsAfterCreation() {
        TwilioSms configured = new TwilioSms();
        configured.accountSid = Optional.of(ACCOUNT_SID);
        configured.authToken = Optional.of(AUTH_TOKEN);
        configured.messagingServiceSid = Optional.empty();
        configured.from = Optional.of(FROM);
        configured.apiBaseUrl = twilio.baseUrl() + "/";
        configured.maxConnections = 64;
        configured.timeoutMillis = 10_000;
        configured.init();
        sms = configured;

        configured.send(new Sms(CLIENT, BODY, null));
        assertEquals(1, twilio.accepted().size());
    }

    @Test
    void settingsNeverPrintTheAuthToken() {
        Settings settings = viaService();
        assertFalse(settings.toString().contains(AUTH_TOKEN), settings.toString());
        assertFalse(sender(settings).toString().contains(AUTH_TOKEN));
    }

    private static void assertMessageNames(String property, Runnable creation) {
        IllegalStateException e = assertThrows(IllegalStateException.class, creation::run);
        assertTrue(e.getMessage().contains(property), e.getMessage());
    }
}
