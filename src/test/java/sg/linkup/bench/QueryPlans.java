package sg.linkup.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the database does for slot search: the plan of the occupancy query, and the statements EclipseLink
 * really sends, read from MariaDB's general log (persistence.xml keeps EclipseLink's own SQL log off).
 */
final class QueryPlans {

    /** As {@code OccupancyLedger.MAX_SPAN}: a window search bounds starts_at from below by this much. */
    static final Duration MAX_SPAN = Duration.ofHours(12);

    private static final Pattern LOG_ENTRY = Pattern.compile(
            "^(?:\\d{6}\\s+\\d{1,2}:\\d{2}:\\d{2})?\\s+(\\d+)\\s+(Query|Execute|Prepare|Connect|Quit|Close stmt"
                    + "|Init DB|Field List|Statistics|Ping|Set option|Reset stmt|Long Data)\\t(.*)$");
    private static final Pattern TABLES = Pattern.compile("\\b(occupancy|availability_rule\\w*|blackout)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_LIST = Pattern.compile("IN \\((\\?(?:, ?\\?)*)\\)");

    private QueryPlans() {
    }

    /** The query shape of {@code OccupancyLedger.busy} for advisors, as EXPLAIN and ANALYZE see it. */
    static String explainAdvisorBusy(Connection db, List<Long> advisors, Instant start, Instant end, Instant now)
            throws SQLException {
        String sql = "SELECT resource_id, starts_at, ends_at FROM occupancy WHERE resource_kind = 'ADVISOR' "
                + "AND resource_id IN (" + advisors.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ") AND starts_at > ? AND starts_at < ? AND ends_at > ? AND (expires_at IS NULL OR expires_at > ?)";
        StringBuilder out = new StringBuilder();
        for (String verb : List.of("EXPLAIN", "ANALYZE")) {
            try (PreparedStatement statement = db.prepareStatement(verb + " " + sql)) {
                statement.setTimestamp(1, Timestamp.from(start.minus(MAX_SPAN)));
                statement.setTimestamp(2, Timestamp.from(end));
                statement.setTimestamp(3, Timestamp.from(start));
                statement.setTimestamp(4, Timestamp.from(now));
                try (ResultSet rows = statement.executeQuery()) {
                    out.append(verb).append(":\n").append(table(rows));
                }
            }
        }
        return out.toString();
    }

    /** EXPLAIN and ANALYZE of one statement exactly as it was sent. */
    static String analyze(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("ANALYZE " + sql)) {
            return table(rows);
        }
    }

    /** One statement from the general log, with the server's id of the connection that sent it. */
    record Logged(long connection, String sql) {
        boolean isSelectOnSearchTables() {
            return sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6) && TABLES.matcher(sql).find();
        }
    }

    /** Runs {@code requests} with MariaDB's general log on, and returns every statement it logged, in order. */
    static List<Logged> capture(Connection db, Path logFile, Runnable requests) throws SQLException {
        try {
            Files.createDirectories(logFile.getParent());
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Statement statement = db.createStatement()) {
            statement.execute("SET GLOBAL log_output = 'FILE'");
            statement.execute("SET GLOBAL general_log_file = '" + logFile.toAbsolutePath() + "'");
            statement.execute("SET GLOBAL general_log = 1");
            try {
                requests.run();
            } finally {
                statement.execute("SET GLOBAL general_log = 0");
            }
        }
        return statements(logFile);
    }

    /** Median time to run one statement over JDBC and read every row, and how many rows it returns. */
    record Cost(double medianMillis, int rows) {
    }

    static Cost cost(Connection db, String sql, int runs) throws SQLException {
        double[] millis = new double[runs];
        int count = 0;
        try (Statement statement = db.createStatement()) {
            for (int run = 0; run < runs; run++) {
                long started = System.nanoTime();
                count = 0;
                try (ResultSet rows = statement.executeQuery(sql)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            rows.getObject(c);
                        }
                        count++;
                    }
                }
                millis[run] = (System.nanoTime() - started) / 1e6;
            }
        }
        return new Cost(Latencies.of(Arrays.copyOfRange(millis, runs / 3, runs)).p50(), count);
    }

    /** Distinct statement shapes (literals as ?, IN lists counted) with how often each was sent. */
    static Map<String, Integer> shapes(List<String> statements) {
        Map<String, Integer> shapes = new LinkedHashMap<>();
        for (String sql : statements) {
            shapes.merge(shape(sql), 1, Integer::sum);
        }
        return shapes;
    }

    static String shape(String sql) {
        String shape = sql.replaceAll("'(?:[^'\\\\]|\\\\.)*'", "?").replaceAll("\\b\\d+(?:\\.\\d+)?\\b", "?");
        Matcher in = IN_LIST.matcher(shape);
        StringBuilder out = new StringBuilder();
        while (in.find()) {
            int n = in.group(1).split(",").length;
            in.appendReplacement(out, n == 1 ? "IN (?)" : "IN (?, … " + n + " values)");
        }
        return in.appendTail(out).toString();
    }

    /** A statement with long IN lists cut to their first and last values. */
    static String abbreviated(String sql) {
        Matcher in = Pattern.compile("IN \\(([^()]*)\\)").matcher(sql);
        StringBuilder out = new StringBuilder();
        while (in.find()) {
            String[] values = in.group(1).split(",\\s*");
            String shown = values.length <= 4 ? in.group(1) : values[0] + ", " + values[1] + ", … ("
                    + (values.length - 3) + " more) …, " + values[values.length - 1];
            in.appendReplacement(out, Matcher.quoteReplacement("IN (" + shown + ")"));
        }
        return in.appendTail(out).toString();
    }

    /** Query and Execute entries of a general log file; a statement may run over several lines. */
    private static List<Logged> statements(Path logFile) {
        List<String> lines;
        try {
            lines = Files.exists(logFile) ? Files.readAllLines(logFile) : Collections.emptyList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Logged> statements = new ArrayList<>();
        long connection = -1;
        StringBuilder current = null;
        for (String line : lines) {
            Matcher entry = LOG_ENTRY.matcher(line);
            if (entry.matches()) {
                if (current != null) {
                    statements.add(new Logged(connection, current.toString()));
                }
                connection = Long.parseLong(entry.group(1));
                current = entry.group(2).equals("Query") || entry.group(2).equals("Execute")
                        ? new StringBuilder(entry.group(3)) : null;
            } else if (current != null) {
                current.append('\n').append(line);
            }
        }
        if (current != null) {
            statements.add(new Logged(connection, current.toString()));
        }
        return statements;
    }

    private static String table(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[meta.getColumnCount()];
        for (int c = 1; c <= header.length; c++) {
            header[c - 1] = meta.getColumnLabel(c);
        }
        cells.add(header);
        while (rows.next()) {
            String[] row = new String[header.length];
            for (int c = 1; c <= header.length; c++) {
                row[c - 1] = String.valueOf(rows.getString(c));
            }
            cells.add(row);
        }
        int[] widths = new int[header.length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : cells) {
            out.append("  ");
            for (int c = 0; c < row.length; c++) {
                out.append(String.format(Locale.ROOT, "%-" + widths[c] + "s", row[c])).append(c + 1 < row.length
                        ? " | " : "");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
