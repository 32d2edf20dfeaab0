package sg.linkup.notification.sms.twilio;

import com.twilio.security.RequestValidator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells Twilio's webhook calls from forgeries: Twilio signs the URL it called plus the sorted form parameters
 * with the account's auth token (HMAC-SHA1, base64) in {@code X-Twilio-Signature}; the SDK's
 * {@link RequestValidator} recomputes it. Without an auth token nothing is valid.
 */
@ApplicationScoped
public class TwilioSignatures {

    private static final Logger LOG = Logger.getLogger(TwilioSignatures.class.getName());

    @Inject
    @ConfigProperty(name = "linkup.twilio.auth-token")
    Optional<String> authToken;

    /** Null when no auth token is configured. */
    private RequestValidator validator;

    /** For CDI; the token comes from MicroProfile Config in {@link #init()}. */
    protected TwilioSignatures() {
    }

    public TwilioSignatures(String authToken) {
        this.validator = validator(authToken);
    }

    @PostConstruct
    void init() {
        validator = validator(authToken.orElse(null));
        if (validator == null) {
            LOG.warning("linkup.twilio.auth-token is not set: every Twilio webhook call will be refused");
        }
    }

    /**
     * Whether {@code signatureHeader} is Twilio's signature of {@code url} (exactly as Twilio called it, query
     * included) and {@code formParams} (all of them, decoded). A missing or blank signature is not valid.
     */
    public boolean isValid(String url, Map<String, String> formParams, String signatureHeader) {
        if (validator == null || url == null || signatureHeader == null || signatureHeader.isBlank()) {
            return false;
        }
        return validator.validate(url, formParams == null ? Map.of() : formParams, signatureHeader.strip());
    }

    private static RequestValidator validator(String authToken) {
        return authToken == null || authToken.isBlank() ? null : new RequestValidator(authToken.strip());
    }
}
