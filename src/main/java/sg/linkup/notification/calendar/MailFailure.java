package sg.linkup.notification.calendar;

/**
 * Why an invite email did not go out, in Linkup's words: the dispatcher retries it later or flags it for
 * staff without knowing SMTP. Messages never hold a full recipient address.
 */
public class MailFailure extends RuntimeException {

    private final boolean mayRetry;

    /** Without the mail library's exception as cause: its message and address lists hold full addresses. */
    public MailFailure(boolean mayRetry, String message) {
        super(message);
        this.mayRetry = mayRetry;
    }

    /**
     * True when the same message may go through later (no connection, timeout, a 4xx reply, refused login);
     * false when the recipient or the message itself was refused (malformed address, a 5xx reply to it).
     */
    public boolean mayRetry() {
        return mayRetry;
    }
}
