package sg.linkup.booking.entity;

/** Who cancelled a session: reports split cancellations by it (does the SMS reply work? do partners cancel?). */
public enum CancelledBy {
    /** SSO staff at the counter, or an administrator. */
    COUNTER,
    /** The partner agency, for its advisor. */
    PARTNER,
    /** The client, answering an SMS. */
    CLIENT
}
