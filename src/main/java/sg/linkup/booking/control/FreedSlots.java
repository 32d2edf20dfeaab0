package sg.linkup.booking.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every change that frees a slot — a cancellation, a reschedule, a released hold, whoever asked for it — offers
 * the slot to the waitlist, without a call each caller must remember. Only once the change has committed: one
 * that rolled back freed nothing, and the offer's own search must see the slot free. Not an observer on
 * {@link WaitlistScheduler} itself: a singleton's lock would keep the committing request waiting while offers
 * run there.
 */
@ApplicationScoped
public class FreedSlots {

    private static final Set<BookingChanged.Change> FREEING = EnumSet.of(BookingChanged.Change.CANCELLED,
            BookingChanged.Change.RESCHEDULED, BookingChanged.Change.RELEASED);

    @Inject
    WaitlistScheduler waitlist;

    void offerToWaitlist(@Observes(during = TransactionPhase.AFTER_SUCCESS) BookingChanged change) {
        if (FREEING.contains(change.change())) {
            waitlist.slotFreedBy(change.bookingId());
        }
    }
}
