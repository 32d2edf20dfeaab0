package sg.linkup.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Booking rows written straight into the table, as the service would have written them: no API books the past,
 * or a session starting within the minimum notice, which check-in, no-show and scope tests need.
 */
final class BookingRows {

    private BookingRows() {
    }

    /** A 45-minute session in person in {@code room}, or by video from home when there is no room. */
    static long insert(long service, long office, long advisor, Long room, long client, String status,
                       Instant start) {
        try (Connection db = DriverManager.getConnection(System.getenv("LINKUP_DB_URL"), "root", "");
             var insert = db.prepareStatement("INSERT INTO booking (status, service_id, office_id, session_mode, "
                     + "advisor_id, room_id, client_id, starts_at, ends_at, hold_expires_at, created_by, created_at) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'it', ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, status);
            insert.setLong(2, service);
            insert.setLong(3, office);
            insert.setString(4, room == null ? "VIDEO_REMOTE" : "IN_PERSON");
            insert.setLong(5, advisor);
            insert.setObject(6, room);
            insert.setLong(7, client);
            insert.setTimestamp(8, Timestamp.from(start));
            insert.setTimestamp(9, Timestamp.from(start.plusSeconds(45 * 60)));
            insert.setTimestamp(10, status.equals("HELD") ? Timestamp.from(start) : null);
            insert.setTimestamp(11, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
