package sg.linkup.reporting.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;
import sg.linkup.reporting.entity.Measure;
import sg.linkup.reporting.entity.Period;
import sg.linkup.reporting.entity.ReportCube;
import sg.linkup.reporting.entity.ReportTally;

/**
 * The months' "&lt; 5" patterns ({@link ReportCube}), worked out from every SSO's weekly cells and kept on this
 * node until report_month says a month's cells changed (or the SSOs, services or opt-outs did).
 */
@ApplicationScoped
public class Suppression {

    private static final Logger LOG = Logger.getLogger(Suppression.class.getName());

    /** Two years of months and a little: a report asks for at most 731 days. */
    private static final int MOST_KEPT = 30;

    private record Kept(String version, ReportCube cube, long usedAt) {
    }

    private final Map<LocalDate, Kept> kept = new ConcurrentHashMap<>();
    private final Map<LocalDate, Object> building = new ConcurrentHashMap<>();

    /**
     * What the months' patterns depend on, as one text: each month's stamp (new with every change to its weekly
     * cells) and its opt-outs. A report reads it after its figures and compares it with {@link Patterns#version()},
     * read before them: the database answers each statement from what is committed then, so a catch-up committing
     * in between would otherwise show one state's figures through another state's pattern.
     */
    String version(Connection db, LocalDate from, LocalDate to) throws SQLException {
        LocalDate first = from.withDayOfMonth(1);
        LocalDate afterLast = to.withDayOfMonth(1).plusMonths(1);
        return version(stamps(db, first, afterLast), optedOut(db, first, afterLast), first, afterLast);
    }

    private static String version(Map<LocalDate, String> stamps,
                                  Map<LocalDate, Map<LocalDate, Map<Long, ReportTally>>> optedOut,
                                  LocalDate first, LocalDate afterLast) {
        StringBuilder v = new StringBuilder();
        for (LocalDate month = first; month.isBefore(afterLast); month = month.plusMonths(1)) {
            v.append(month).append('=').append(stamps.get(month)).append('/')
                    .append(signature(optedOut.getOrDefault(month, Map.of()))).append(';');
        }
        return v.toString();
    }

    /** The months' patterns and the {@link #version} they were read at. */
    record Patterns(Map<LocalDate, ReportCube> cubes, String version) {
    }

    /** The patterns of every month touching [from, to], read inside the report's transaction. */
    Patterns months(Connection db, Reports.Names names, LocalDate from, LocalDate to) throws SQLException {
        LocalDate first = from.withDayOfMonth(1);
        LocalDate afterLast = to.withDayOfMonth(1).plusMonths(1);
        Map<LocalDate, String> stamps = stamps(db, first, afterLast);
        Map<LocalDate, Map<LocalDate, Map<Long, ReportTally>>> optedOut = optedOut(db, first, afterLast);
        String catalogue = names.signature();
        Map<LocalDate, ReportCube> cubes = new TreeMap<>();
        boolean moved = false;
        for (LocalDate month = first; month.isBefore(afterLast); month = month.plusMonths(1)) {
            Map<LocalDate, Map<Long, ReportTally>> outs = optedOut.getOrDefault(month, Map.of());
            String version = stamps.get(month) + "|" + catalogue + "|" + signature(outs);
            Kept k = kept.get(month);
            if (k == null || !k.version().equals(version)) {
                // One node works a month out once, however many reports ask for it at the same moment.
                synchronized (building.computeIfAbsent(month, m -> new Object())) {
                    k = kept.get(month);
                    if (k == null || !k.version().equals(version)) {
                        k = build(db, names, month, version, outs);
                        if (!Objects.equals(stamps.get(month), stamp(db, month))) {
                            // Its cells changed while they were read: a pattern of neither state. Not kept, and
                            // the report starts again.
                            kept.remove(month, k);
                            moved = true;
                        }
                    }
                }
            } else {
                kept.replace(month, k, new Kept(k.version(), k.cube(), System.nanoTime()));
            }
            cubes.put(month, k.cube());
        }
        String version = version(stamps, optedOut, first, afterLast);
        return new Patterns(cubes, moved ? "moved while read: " + version : version);
    }

    private Kept build(Connection db, Reports.Names names, LocalDate month, String version,
                       Map<LocalDate, Map<Long, ReportTally>> outs) throws SQLException {
        long started = System.nanoTime();
        Map<ReportCube.Base, ReportTally> cells = cells(db, month);
        // The SSOs and services with figures this month, and only those: the others' zeros could not hide
        // anything (anyone may know them), and a new SSO or service then leaves past months' patterns as they were.
        Set<Long> offices = new TreeSet<>();
        Map<Long, Long> services = new TreeMap<>();
        cells.keySet().forEach(b -> {
            offices.add(b.office());
            services.put(b.service(), names.agencyOfService.get(b.service()));
        });
        outs.values().forEach(byOffice -> offices.addAll(byOffice.keySet()));
        ReportCube cube = new ReportCube(month, new ArrayList<>(offices), services, cells, outs);
        long ms = (System.nanoTime() - started) / 1_000_000;
        LOG.fine(() -> "Small-cell pattern of " + month + ": " + cube.hiddenCount() + " cells hidden, " + ms + " ms");
        if (cube.unprotectable() > 0) {
            LOG.warning(() -> "Small-cell pattern of " + month + ": " + cube.unprotectable() + " cells protected "
                    + "only with a zero someone may know from elsewhere (no other box was found)");
        }
        Kept k = new Kept(version, cube, System.nanoTime());
        kept.put(month, k);
        trim();
        return k;
    }

    private static String stamp(Connection db, LocalDate month) throws SQLException {
        return stamps(db, month, month.plusMonths(1)).get(month);
    }

    private static Map<LocalDate, String> stamps(Connection db, LocalDate first, LocalDate afterLast)
            throws SQLException {
        Map<LocalDate, String> stamps = new HashMap<>();
        try (PreparedStatement read = db.prepareStatement(
                "SELECT month_start, stamp FROM report_month WHERE month_start >= ? AND month_start < ?")) {
            read.setObject(1, first);
            read.setObject(2, afterLast);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    stamps.put(rows.getObject(1, LocalDate.class), rows.getString(2));
                }
            }
        }
        return stamps;
    }

    private void trim() {
        while (kept.size() > MOST_KEPT) {
            kept.entrySet().stream().min((a, b) -> Long.compare(a.getValue().usedAt(), b.getValue().usedAt()))
                    .ifPresent(e -> kept.remove(e.getKey(), e.getValue()));
        }
    }

    private static Map<ReportCube.Base, ReportTally> cells(Connection db, LocalDate month) throws SQLException {
        Map<ReportCube.Base, ReportTally> cells = new HashMap<>();
        try (PreparedStatement read = db.prepareStatement("SELECT period_start, office_id, service_id, session_mode, "
                + "tally FROM report_cell WHERE period_kind = ? AND period_start >= ? AND period_start < ?")) {
            read.setString(1, Period.WEEK.code());
            read.setObject(2, month);
            read.setObject(3, month.plusMonths(1));
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    cells.put(new ReportCube.Base(rows.getObject(1, LocalDate.class), rows.getLong(2), rows.getLong(3),
                            SessionMode.valueOf(rows.getString(4))), ReportTally.decode(rows.getString(5)));
                }
            }
        }
        return cells;
    }

    /** Clients who replied STOP, by month, week and their SSO: few rows, read per report. */
    private static Map<LocalDate, Map<LocalDate, Map<Long, ReportTally>>> optedOut(Connection db, LocalDate first,
                                                                                  LocalDate afterLast)
            throws SQLException {
        Map<LocalDate, Map<LocalDate, Map<Long, ReportTally>>> byMonth = new HashMap<>();
        try (PreparedStatement read = db.prepareStatement("SELECT id, office_id, sms_problem_at FROM client "
                + "WHERE sms_problem = 'OPTED_OUT' AND sms_problem_at >= ? AND sms_problem_at < ? "
                + "AND office_id IS NOT NULL")) {
            read.setTimestamp(1, Timestamp.from(Clocks.at(first, LocalTime.MIDNIGHT)));
            read.setTimestamp(2, Timestamp.from(Clocks.at(afterLast, LocalTime.MIDNIGHT)));
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    LocalDate day = Clocks.dateIn(rows.getTimestamp(3).toInstant());
                    byMonth.computeIfAbsent(day.withDayOfMonth(1), k -> new TreeMap<>())
                            .computeIfAbsent(Period.WEEK.startOf(day), k -> new TreeMap<>())
                            .computeIfAbsent(rows.getLong(2), k -> new ReportTally())
                            .count(Measure.BOOKED, rows.getLong(1));
                }
            }
        }
        return byMonth;
    }

    private static String signature(Map<LocalDate, Map<Long, ReportTally>> outs) {
        StringBuilder s = new StringBuilder();
        outs.forEach((week, byOffice) -> byOffice.forEach((office, t) -> s.append(week).append(':').append(office)
                .append('=').append(t.count(Measure.BOOKED)).append('/').append(t.clients(Measure.BOOKED).encode())
                .append(';')));
        return s.toString();
    }
}
