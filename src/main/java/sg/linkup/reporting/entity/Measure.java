package sg.linkup.reporting.entity;

/**
 * What a report counts about sessions and their messages. Each count keeps, next to it, the clients behind it
 * (capped at five: {@link ClientCount}) so that any published figure can be checked against the "< 5" rule.
 */
public enum Measure {
    BOOKED, ATTENDED, COMPLETED_ATTENDED, COMPLETED_FOLLOW_UP, COMPLETED_REFERRED_ON,
    CANCELLED, CANCELLED_BY_COUNTER, CANCELLED_BY_PARTNER, CANCELLED_BY_CLIENT,
    NO_SHOWS,
    /** Booked and not yet held (or held but not yet checked in or marked a no-show). */
    OPEN,
    /** Attended / no-shows among sessions the client had confirmed by SMS, and among those not confirmed. */
    ATTENDED_CONFIRMED, NO_SHOWS_CONFIRMED, ATTENDED_UNCONFIRMED, NO_SHOWS_UNCONFIRMED,
    SMS_SENT, SMS_DELIVERED, SMS_FAILED, INVITATIONS_SENT, INVITATIONS_FAILED,
    /** Checked in or in progress, no outcome yet: the rest of ATTENDED after the three outcomes. */
    ATTENDED_NOT_COMPLETED,
    /** Sessions that kept their advisor (every one not cancelled), and those of them that kept a room. */
    KEPT, KEPT_WITH_ROOM;

    private static final Measure[] ALL = values();

    public static Measure of(int ordinal) {
        return ALL[ordinal];
    }
}
