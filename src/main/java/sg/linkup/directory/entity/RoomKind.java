package sg.linkup.directory.entity;

public enum RoomKind {
    /** A private room for a face-to-face session. */
    INTERVIEW_ROOM,
    /** Has video-conferencing equipment: the client joins an advisor who sits at the agency. */
    VIDEO_ROOM;

    /** Whether a session in this mode can take place in a room of this kind. */
    public boolean suits(SessionMode mode) {
        return switch (mode) {
            case IN_PERSON -> true;
            case VIDEO_AT_SSO -> this == VIDEO_ROOM;
            case VIDEO_REMOTE -> false;
        };
    }

    /** Lower is offered first: in-person sessions take interview rooms before the scarcer video rooms. */
    public int preferenceFor(SessionMode mode) {
        return mode == SessionMode.IN_PERSON && this == VIDEO_ROOM ? 1 : 0;
    }
}
