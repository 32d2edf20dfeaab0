package sg.linkup.directory.entity;

public enum RoomKind {
    /** A private room for a face-to-face session. */
    INTERVIEW_ROOM,
    /** Has video-conferencing equipment: the client joins an advisor who sits at the agency. */
    VIDEO_ROOM
}
