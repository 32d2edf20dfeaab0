package sg.linkup.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import sg.linkup.booking.control.WaitlistScheduler;

/**
 * Answers a client's text message: YES / C / STOP / START / anything else. Vendor-neutral: the provider's
 * webhook hands over the sender's number and the text, and wraps the answer in its own reply format. The work
 * is one transaction ({@link ClientReplies}); a slot the client gave up is offered to the waitlist once that
 * transaction has committed.
 */
@ApplicationScoped
public class SmsConversation {

    @Inject
    ClientReplies replies;

    @Inject
    WaitlistScheduler waitlist;

    /** The reply text to send back, or null to answer nothing. {@code from} is the sender's E.164 number. */
    public String answer(String from, String text) {
        ClientReplies.Answer answer = replies.handle(from, text);
        if (answer.freedService() != null) {
            waitlist.slotFreed(answer.freedService());
        }
        return answer.text();
    }
}
