package sg.linkup.availability.entity;

/** The three things a session occupies; each may be in one session at a time. */
public enum Resource {
    ADVISOR("advisor", null),
    ROOM("room", null),
    /** An anonymised client (README, Retention) is nobody who can be booked any more. */
    CLIENT("client", "anonymised_at IS NULL");

    private final String table;
    private final String bookableWhen;

    Resource(String table, String bookableWhen) {
        this.table = table;
        this.bookableWhen = bookableWhen;
    }

    /** The catalogue table whose row is locked while this resource's occupancy is checked and written. */
    public String table() {
        return table;
    }

    /**
     * The SQL condition a row must meet to be booked, or null: checked in the same statement that locks it, so
     * a change committed while the lock was awaited is seen.
     */
    public String bookableWhen() {
        return bookableWhen;
    }
}
