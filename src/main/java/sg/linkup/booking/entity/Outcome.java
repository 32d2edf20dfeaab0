package sg.linkup.booking.entity;

/** What came of a session, recorded by the partner: closes the loop with the SSO. */
public enum Outcome {
    ATTENDED, FOLLOW_UP_NEEDED, REFERRED_ON
}
