package sg.linkup.booking.control;

import sg.linkup.audit.entity.AuditEvent.Actor;

/**
 * Fired synchronously inside the transaction that changed a booking, so that whatever observes it (the
 * notification outbox) commits or rolls back with the change itself. Work that must see the change committed
 * observes it {@code AFTER_SUCCESS} instead ({@link FreedSlots}: a freed slot goes to the waitlist).
 */
public record BookingChanged(long bookingId, Change change, Actor actor) {

    public enum Change {
        /** Booked, directly or from a hold. */
        BOOKED,
        /** Moved to another time, advisor, room or office; the calendar sequence went up. */
        RESCHEDULED,
        CANCELLED,
        /** A waitlist offer: the booking is a hold waiting for the client's YES. */
        OFFERED,
        /** A hold let go before it was booked (by the counter, or a waitlist offer declined or lapsed). */
        RELEASED
    }

    /** Actors of this role are clients themselves (answering by SMS): they learn of the change from the reply. */
    public static final String CLIENT_ROLE = "CLIENT";

    public boolean byClient() {
        return CLIENT_ROLE.equals(actor.role());
    }
}
