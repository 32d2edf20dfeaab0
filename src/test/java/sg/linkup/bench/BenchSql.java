package sg.linkup.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** Small JDBC reads both benchmarks need. */
final class BenchSql {

    private BenchSql() {
    }

    static Set<LocalDate> holidays(Connection db) throws SQLException {
        Set<LocalDate> days = new HashSet<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT day FROM public_holiday")) {
            while (rows.next()) {
                days.add(rows.getObject(1, LocalDate.class));
            }
        }
        return days;
    }

    static long count(Connection db, String table) throws SQLException {
        return Long.parseLong(single(db, "SELECT COUNT(*) FROM " + table));
    }

    static String single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
