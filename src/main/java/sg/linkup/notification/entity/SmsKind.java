package sg.linkup.notification.entity;

/**
 * Every SMS Linkup sends: the ones it starts about a booking or a waitlist offer, and the {@code REPLY_*}
 * answers to a client's own text (YES / C / STOP / START / anything else).
 */
public enum SmsKind {
    CONFIRMATION(Needs.APPOINTMENT_WITH_LINK),
    RESCHEDULED(Needs.APPOINTMENT_WITH_LINK),
    CANCELLED(Needs.APPOINTMENT),
    REMINDER(Needs.APPOINTMENT_WITH_LINK),
    /** A slot opened for a waitlisted client; they take it by replying YES within the offer time. */
    WAITLIST_OFFER(Needs.OFFER),
    REPLY_CONFIRMED(Needs.APPOINTMENT_WITH_LINK),
    /** Cancelled on the client's C; rebooking goes through the SSO. */
    REPLY_CANCELLED(Needs.APPOINTMENT),
    REPLY_STOPPED(Needs.NOTHING),
    REPLY_STARTED(Needs.NOTHING),
    /** Any text Linkup does not understand: lists the keywords. */
    REPLY_HELP(Needs.NOTHING),
    REPLY_NO_BOOKING(Needs.NOTHING),
    REPLY_OFFER_TAKEN(Needs.APPOINTMENT_WITH_LINK),
    /** The offer expired or someone else took the slot first. */
    REPLY_OFFER_GONE(Needs.NOTHING);

    private enum Needs { NOTHING, APPOINTMENT, APPOINTMENT_WITH_LINK, OFFER }

    private final Needs needs;

    SmsKind(Needs needs) {
        this.needs = needs;
    }

    /** Names the office and start time, so it needs those facts and its text may be shortened to fit. */
    public boolean namesAppointment() {
        return needs != Needs.NOTHING;
    }

    /**
     * Carries the video link of a video session. A cancelled session's link is of no use, and an offered
     * slot has no meeting yet.
     */
    public boolean carriesVideoLink() {
        return needs == Needs.APPOINTMENT_WITH_LINK;
    }

    /** Says how many minutes the client has to reply. */
    public boolean statesOfferMinutes() {
        return needs == Needs.OFFER;
    }
}
