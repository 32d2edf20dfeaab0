package sg.linkup.notification.control;

import java.sql.Connection;
import java.sql.SQLException;

/** For tests and benchmarks that load the outbox: reminder rows written as the outbox writes them, due now. */
public final class DueReminders {

    private DueReminders() {
    }

    /**
     * {@code n} reminders of {@code booking} for its client and its current sequence, due a second ago, in one
     * transaction: every dispatcher sees all of them at once, as after a burst, not a few at a time as they are
     * written (a row-by-row autocommit on a slow disk let one node take nearly all before the others started).
     */
    public static void insert(Connection c, long booking, int n) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (var insert = c.prepareStatement("""
                INSERT INTO notification (booking_id, client_id, kind, channel, recipient, language,
                  booking_sequence, due_at, status, created_at, updated_at)
                SELECT b.id, b.client_id, 'REMINDER', 'SMS', cl.mobile, 'EN', b.ics_sequence,
                  UTC_TIMESTAMP(6) - INTERVAL 1 SECOND, 'PENDING', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
                FROM booking b JOIN client cl ON cl.id = b.client_id WHERE b.id = ?""")) {
            for (int i = 0; i < n; i++) {
                insert.setLong(1, booking);
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
