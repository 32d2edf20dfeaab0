package sg.linkup.directory.entity;

/** How client and advisor meet. */
public enum SessionMode {
    /** The advisor is co-located at the SSO that day; client and advisor share a room. */
    IN_PERSON,
    /** The client sits in an SSO video room; the advisor joins from the agency's office. */
    VIDEO_AT_SSO,
    /** The client joins from their own device; no SSO room is needed. */
    VIDEO_REMOTE;

    public boolean needsRoom() {
        return this != VIDEO_REMOTE;
    }
}
