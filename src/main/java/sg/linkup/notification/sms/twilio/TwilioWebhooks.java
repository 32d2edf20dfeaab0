package sg.linkup.notification.sms.twilio;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Message;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.notification.control.ClientReplies;
import sg.linkup.notification.control.Deliveries;
import sg.linkup.notification.sms.DeliveryReport;

/**
 * Where Twilio calls Linkup: delivery reports for the messages it sent ({@code StatusCallback}) and clients'
 * replies to them (the number's or Messaging Service's incoming-message webhook). Twilio signs in, not with a
 * session or a token, so the web.xml constraint leaves {@code /api/webhooks/*} open; every call must carry
 * Twilio's signature over the URL it called and all its form parameters, or it is refused with 403 before
 * anything is recorded or answered.
 */
@Path("webhooks/twilio")
@RequestScoped
@PermitAll
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Tag(name = "Webhooks", description = "Calls from the SMS provider, signed by it")
public class TwilioWebhooks {

    static final String SIGNATURE = "X-Twilio-Signature";
    private static final Logger LOG = Logger.getLogger(TwilioWebhooks.class.getName());

    @Inject
    TwilioSignatures signatures;

    @Inject
    Deliveries deliveries;

    @Inject
    ClientReplies replies;

    /** Linkup's public origin when a proxy or load balancer stands in front, e.g. https://linkup.example.gov.sg. */
    @Inject
    @ConfigProperty(name = "linkup.twilio.webhook-base-url")
    Optional<String> webhookBaseUrl;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("status")
    @Operation(summary = "Twilio reports a message's delivery status",
            description = "Form fields MessageSid, MessageStatus, ErrorCode; signed in X-Twilio-Signature. "
                    + "204 when taken, 403 when the signature is missing or wrong")
    public void status(@HeaderParam(SIGNATURE) String signature, MultivaluedMap<String, String> form) {
        verify(signature, form);
        report(form).ifPresent(deliveries::record);
    }

    @POST
    @Path("inbound")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "A client texts Linkup's number",
            description = "Form fields From, Body; signed in X-Twilio-Signature. Answers TwiML with the reply, "
                    + "if any; 403 when the signature is missing or wrong")
    public String inbound(@HeaderParam(SIGNATURE) String signature, MultivaluedMap<String, String> form) {
        verify(signature, form);
        return twiml(replies.answer(form.getFirst("From"), form.getFirst("Body")));
    }

    private void verify(String signature, MultivaluedMap<String, String> form) {
        String url = signedUrl(webhookBaseUrl, uriInfo.getRequestUri());
        Map<String, String> params = singleValued(form);
        if (params == null || !signatures.isValid(url, params, signature)) {
            LOG.warning(() -> "Refused a Twilio webhook call to " + url + (signature == null ? " without a signature"
                    : " with a signature that does not match; behind a proxy, linkup.twilio.webhook-base-url "
                    + "must be the origin Twilio calls"));
            throw new UnverifiedWebhook();
        }
    }

    /**
     * The URL Twilio signed: the configured public origin with the path and query as received, or, without
     * one, the request URI as received.
     */
    static String signedUrl(Optional<String> webhookBaseUrl, URI requestUri) {
        Optional<String> base = webhookBaseUrl.map(String::strip).filter(b -> !b.isEmpty());
        if (base.isEmpty()) {
            return requestUri.toString();
        }
        String query = requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery();
        return base.get().replaceAll("/+$", "") + requestUri.getRawPath() + query;
    }

    /**
     * The form as the signature check takes it. Twilio never repeats a parameter; a repeated one cannot be
     * checked with the SDK's validator, so such a call is refused (null).
     */
    static Map<String, String> singleValued(MultivaluedMap<String, String> form) {
        Map<String, String> params = new HashMap<>();
        if (form == null) {
            return params;
        }
        for (Map.Entry<String, List<String>> entry : form.entrySet()) {
            List<String> values = entry.getValue();
            if (values != null && values.size() > 1) {
                return null;
            }
            params.put(entry.getKey(), values == null || values.isEmpty() ? "" : values.get(0));
        }
        return params;
    }

    /** A status callback in Linkup's terms; statuses that say nothing about delivery are ignored. */
    static Optional<DeliveryReport> report(MultivaluedMap<String, String> form) {
        String sid = Optional.ofNullable(form.getFirst("MessageSid")).orElse(form.getFirst("SmsSid"));
        if (sid == null || sid.isBlank()) {
            return Optional.empty();
        }
        String errorCode = form.getFirst("ErrorCode");
        return deliveryStatus(form.getFirst("MessageStatus"))
                .map(status -> new DeliveryReport(sid, status,
                        errorCode == null || errorCode.isBlank() ? null : errorCode.strip()));
    }

    /**
     * Twilio's message status in Linkup's words: still on its way, handed to the carrier, on the handset
     * (read is WhatsApp's delivered), or not delivered. Inbound, partial and unknown statuses are ignored.
     */
    static Optional<DeliveryReport.Status> deliveryStatus(String twilioStatus) {
        if (twilioStatus == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (twilioStatus.strip().toLowerCase(Locale.ROOT)) {
            case "accepted", "scheduled", "queued", "sending" -> DeliveryReport.Status.QUEUED;
            case "sent" -> DeliveryReport.Status.SENT;
            case "delivered", "read" -> DeliveryReport.Status.DELIVERED;
            case "undelivered" -> DeliveryReport.Status.UNDELIVERED;
            case "failed", "canceled" -> DeliveryReport.Status.FAILED;
            default -> null;
        });
    }

    /** {@code <Response><Message>reply</Message></Response>}, or {@code <Response/>} to answer nothing. */
    static String twiml(String reply) {
        var response = new MessagingResponse.Builder();
        if (reply != null && !reply.isBlank()) {
            response.message(new Message.Builder(reply).build());
        }
        return response.build().toXml();
    }
}
