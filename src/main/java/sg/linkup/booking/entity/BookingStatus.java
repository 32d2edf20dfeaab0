package sg.linkup.booking.entity;

/** Where a booking is in its life. */
public enum BookingStatus {
    /** A counter officer is filling in details; the slot is kept until the hold expires. */
    HELD,
    /** A hold that was let go (or lapsed and was tidied up); it occupies nothing. */
    RELEASED,
    BOOKED,
    /** The client has arrived at the SSO counter. */
    CHECKED_IN,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED,
    /** Not checked in within the grace period after the start. */
    NO_SHOW;

    /** Whether the booking still occupies its advisor, room and client. */
    public boolean occupies() {
        return this == HELD || this == BOOKED || this == CHECKED_IN || this == IN_PROGRESS;
    }
}
