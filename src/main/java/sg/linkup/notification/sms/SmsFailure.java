package sg.linkup.notification.sms;

/**
 * Why a provider did not take a message, in Linkup's words: the sender maps its vendor's error codes to a
 * {@link Kind} at its edge, so the dispatcher decides "retry or flag" without knowing the vendor.
 */
public class SmsFailure extends RuntimeException {

    public enum Kind {
        /** Timeout, connection refused, 5xx, rate limit: the same message may go through later. */
        TRANSIENT,
        /** The number cannot receive SMS (not a valid mobile): counter staff must correct it. */
        INVALID_NUMBER,
        /** The recipient opted out (replied STOP): nothing may be sent until they opt in again. */
        UNSUBSCRIBED,
        /** Refused for another reason that retrying will not fix (bad sender configuration, body refused). */
        REJECTED;

        public boolean mayRetry() {
            return this == TRANSIENT;
        }
    }

    private final Kind kind;
    private final String code;

    /** {@code code} is the vendor's error code (e.g. Twilio's 21211), kept for the record; may be null. */
    public SmsFailure(Kind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
