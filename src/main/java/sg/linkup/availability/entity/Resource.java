package sg.linkup.availability.entity;

/** The three things a session occupies; each may be in one session at a time. */
public enum Resource {
    ADVISOR("advisor"), ROOM("room"), CLIENT("client");

    private final String table;

    Resource(String table) {
        this.table = table;
    }

    /** The catalogue table whose row is locked while this resource's occupancy is checked and written. */
    public String table() {
        return table;
    }
}
