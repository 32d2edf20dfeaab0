package sg.linkup.reporting.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import javax.sql.DataSource;
import sg.linkup.availability.control.SlotFinder.Slot;
import sg.linkup.availability.control.SlotSearch;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;
import sg.linkup.platform.Database;
import sg.linkup.platform.InvalidInput;
import sg.linkup.reporting.entity.ClientCount;
import sg.linkup.reporting.entity.Measure;
import sg.linkup.reporting.entity.Period;
import sg.linkup.reporting.entity.Report;
import sg.linkup.reporting.entity.ReportTally;
import sg.linkup.reporting.entity.SmallCells;
import sg.linkup.reporting.entity.SmallCells.Cell;

/**
 * Builds a report from the roll-ups (caught up first, so a report shows every committed change) and publishes
 * it through {@link SmallCells}: no figure about fewer than five clients, and none that a total gives away.
 */
@ApplicationScoped
public class Reports {

    public static final int MOST_DAYS = 731;
    private static final String SMALL_CELL_NOTE = "Figures about fewer than 5 clients show as “< 5”, and so does "
            + "another figure of the same row or column where the first could otherwise be worked out from a total.";

    public enum Kind {
        SESSIONS("sessions", "Sessions"), LEAD_TIMES("lead-times", "Lead times"),
        UTILISATION("utilisation", "Utilisation"), SMS("sms", "SMS and calendar invitations"),
        TRAVEL("travel", "Client travel saved"), FIRST_FREE_SLOT("first-free-slot", "First free slot");

        public final String path;
        public final String title;

        Kind(String path, String title) {
            this.path = path;
            this.title = title;
        }

        public static Kind of(String path) {
            for (Kind k : values()) {
                if (k.path.equals(path)) {
                    return k;
                }
            }
            return null;
        }
    }

    public enum GroupBy { NONE, OFFICE, AGENCY, SERVICE, MODE }

    /** What was asked; the boundary has checked it against the caller's scope. */
    public record Query(Kind kind, LocalDate from, LocalDate to, Period period, GroupBy groupBy, Long office,
                        Long agency, Long service, SessionMode mode) {
    }

    /** What the caller may see: null = no limit. */
    public record Scope(Set<Long> offices, Long agency) {
    }

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    ReportRollups rollups;

    @Inject
    Capacity capacity;

    @Inject
    TravelSettings travel;

    @Inject
    SlotSearch slots;

    @Inject
    Clock clock;

    @Transactional
    public Report run(Query query, Scope scope) {
        if (query.kind() != Kind.FIRST_FREE_SLOT) {
            rollups.catchUpForReport();
        }
        LocalDate from = query.period().startOf(query.from());
        LocalDate to = query.period().endOf(query.period().startOf(query.to()));
        try (Connection db = dataSource.getConnection()) {
            Names names = Names.read(db);
            Set<Long> offices = intersect(scope.offices(), query.office());
            Set<Long> services = services(names, scope.agency(), query.agency(), query.service());
            if (query.kind() == Kind.FIRST_FREE_SLOT) {
                return firstFreeSlots(query, names, offices, services);
            }
            Table table = new Table(query, names, from, to);
            readCells(db, table, offices, services);
            Report.Reference reference = null;
            switch (query.kind()) {
                case SESSIONS -> sessions(table);
                case LEAD_TIMES -> leadTimes(table);
                case TRAVEL -> {
                    travelSaved(table);
                    double perPeriod = Math.round(travel.referenceHoursPerYear() / query.period().perYear() * 10) / 10.0;
                    reference = new Report.Reference("hoursSaved", "Seed figure: about "
                            + Math.round(travel.referenceHoursPerYear()) + " hours a year", perPeriod);
                }
                case SMS -> sms(db, table, offices, scope.agency() == null && query.agency() == null
                        && query.service() == null && query.mode() == null);
                case UTILISATION -> utilisation(table, scope, query, offices, services);
                default -> throw new IllegalStateException(query.kind().name());
            }
            List<String> notes = new ArrayList<>(List.of(SMALL_CELL_NOTE,
                    "Periods are whole " + (query.period() == Period.MONTH ? "months" : "ISO weeks (Monday to Sunday)")
                            + "; the range was widened to " + from + " – " + to + "."));
            if (query.kind() == Kind.TRAVEL) {
                notes.add("Travel saved: for each attended session, the round trip the client would have made to the "
                        + "partner's own office, less the round trip to the SSO (none from home); from the client's "
                        + "own SSO, by public transport. Method and parameters: README, “Client travel saved: the method”.");
            }
            return table.publish(query.kind(), reference, notes, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("report query failed", e);
        }
    }

    private static Set<Long> intersect(Set<Long> scope, Long filter) {
        if (filter == null) {
            return scope;
        }
        return scope == null || scope.contains(filter) ? Set.of(filter) : Set.of();
    }

    private static Set<Long> services(Names names, Long scopeAgency, Long agency, Long service) {
        if (scopeAgency == null && agency == null && service == null) {
            return null;
        }
        Set<Long> ids = new TreeSet<>();
        names.agencyOfService.forEach((s, a) -> {
            if ((scopeAgency == null || scopeAgency.equals(a)) && (agency == null || agency.equals(a))
                    && (service == null || service.equals(s))) {
                ids.add(s);
            }
        });
        return ids;
    }

    private static void readCells(Connection db, Table table, Set<Long> offices, Set<Long> services)
            throws SQLException {
        if ((offices != null && offices.isEmpty()) || (services != null && services.isEmpty())) {
            return;
        }
        Query q = table.query;
        StringBuilder sql = new StringBuilder("SELECT period_start, office_id, service_id, session_mode, tally "
                + "FROM report_cell WHERE period_kind = ? AND period_start >= ? AND period_start <= ?");
        if (offices != null) {
            sql.append(" AND office_id IN (").append(String.join(", ", offices.stream().map(String::valueOf).toList()))
                    .append(')');
        }
        if (services != null) {
            sql.append(" AND service_id IN (").append(String.join(", ", services.stream().map(String::valueOf)
                    .toList())).append(')');
        }
        if (q.mode() != null) {
            sql.append(" AND session_mode = ?");
        }
        try (PreparedStatement read = db.prepareStatement(sql.toString())) {
            read.setString(1, q.period().code());
            read.setObject(2, table.from);
            read.setObject(3, table.to);
            if (q.mode() != null) {
                read.setString(4, q.mode().name());
            }
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    LocalDate start = rows.getObject(1, LocalDate.class);
                    long office = rows.getLong(2);
                    long service = rows.getLong(3);
                    String mode = rows.getString(4);
                    table.tally(start, table.groupKey(office, service, mode)).add(ReportTally.decode(rows.getString(5)));
                }
            }
        }
    }

    // ---- the reports ------------------------------------------------------------------------------------

    private static final Measure[] SESSION_COUNTS = {Measure.BOOKED, Measure.ATTENDED, Measure.COMPLETED_ATTENDED,
            Measure.COMPLETED_FOLLOW_UP, Measure.COMPLETED_REFERRED_ON, Measure.CANCELLED,
            Measure.CANCELLED_BY_COUNTER, Measure.CANCELLED_BY_PARTNER, Measure.CANCELLED_BY_CLIENT,
            Measure.NO_SHOWS, Measure.OPEN};
    private static final String[][] SESSION_COLUMNS = {{"booked", "Booked"}, {"attended", "Attended"},
            {"completedAttended", "Completed: attended"}, {"completedFollowUp", "Completed: follow-up needed"},
            {"completedReferredOn", "Completed: referred on"}, {"cancelled", "Cancelled"},
            {"cancelledByCounter", "Cancelled by SSO"}, {"cancelledByPartner", "Cancelled by partner"},
            {"cancelledByClient", "Cancelled by client (SMS)"}, {"noShows", "No-shows"},
            {"open", "Not yet held"}};

    private static void sessions(Table table) {
        for (int i = 0; i < SESSION_COUNTS.length; i++) {
            Measure m = SESSION_COUNTS[i];
            table.column(SESSION_COLUMNS[i][0], SESSION_COLUMNS[i][1], "sessions", true,
                    (t, cells) -> cells.add(t.count(m), t.clients(m)));
        }
        table.column("noShowRate", "No-show rate", "percent", false, null);
        table.column("noShowRateConfirmed", "No-show rate, confirmed by SMS", "percent", false, null);
        table.column("noShowRateUnconfirmed", "No-show rate, not confirmed", "percent", false, null);
        table.fill();
        for (Table.Line line : table.lines) {
            Map<String, Cell> c = line.cells;
            table.cells.sum(c.get("booked"), List.of(c.get("attended"), c.get("noShows"), c.get("cancelled"),
                    c.get("open")));
            table.cells.sum(c.get("cancelled"), List.of(c.get("cancelledByCounter"), c.get("cancelledByPartner"),
                    c.get("cancelledByClient")));
            rate(table, line, "noShowRate", line.tally, Measure.NO_SHOWS, Measure.ATTENDED, c.get("noShows"),
                    c.get("attended"));
            // Checked in without an outcome yet: not a column, but the rest of "attended" after the outcomes, so
            // it is declared — a small remainder hides an outcome too.
            Cell notCompleted = hidden(table, line.tally, Measure.ATTENDED_NOT_COMPLETED);
            table.cells.sum(c.get("attended"), List.of(c.get("completedAttended"), c.get("completedFollowUp"),
                    c.get("completedReferredOn"), notCompleted));
            // The confirmed and unconfirmed halves split attended and no-shows: both rates hide when any of the
            // four counts behind them is small, or one rate and the totals would pin the other half.
            Cell noShowsConfirmed = hidden(table, line.tally, Measure.NO_SHOWS_CONFIRMED);
            Cell attendedConfirmed = hidden(table, line.tally, Measure.ATTENDED_CONFIRMED);
            Cell noShowsUnconfirmed = hidden(table, line.tally, Measure.NO_SHOWS_UNCONFIRMED);
            Cell attendedUnconfirmed = hidden(table, line.tally, Measure.ATTENDED_UNCONFIRMED);
            table.cells.sum(c.get("noShows"), List.of(noShowsConfirmed, noShowsUnconfirmed));
            table.cells.sum(c.get("attended"), List.of(attendedConfirmed, attendedUnconfirmed));
            rate(table, line, "noShowRateConfirmed", line.tally, Measure.NO_SHOWS_CONFIRMED,
                    Measure.ATTENDED_CONFIRMED, noShowsConfirmed, attendedConfirmed, noShowsUnconfirmed,
                    attendedUnconfirmed);
            rate(table, line, "noShowRateUnconfirmed", line.tally, Measure.NO_SHOWS_UNCONFIRMED,
                    Measure.ATTENDED_UNCONFIRMED, noShowsUnconfirmed, attendedUnconfirmed, noShowsConfirmed,
                    attendedConfirmed);
        }
    }

    /** A count that is not published but feeds a published rate: the rate is hidden when it is small. */
    private static Cell hidden(Table table, ReportTally t, Measure m) {
        return table.cells.add(t.count(m), t.clients(m));
    }

    /** no-shows / (attended + no-shows), as a percentage; not applicable when nobody was due. */
    private static void rate(Table table, Table.Line line, String key, ReportTally t, Measure part, Measure other,
                             Cell... inputs) {
        int due = t.count(part) + t.count(other);
        if (due == 0) {
            return;
        }
        double value = Math.round(1000.0 * t.count(part) / due) / 10.0;
        Cell rate = table.cells.add(value, t.clients(part).plus(t.clients(other)));
        table.cells.derive(rate, inputs);
        line.cells.put(key, rate);
    }

    private static void leadTimes(Table table) {
        table.column("sessions", "Sessions", "sessions", true,
                (t, cells) -> cells.add(t.count(Measure.BOOKED), t.clients(Measure.BOOKED)));
        table.column("leadMedianDays", "Booked ahead: median", "days", false, null);
        table.column("leadP90Days", "Booked ahead: 90th percentile", "days", false, null);
        table.fill();
        for (Table.Line line : table.lines) {
            for (String[] p : new String[][] {{"leadMedianDays", "50"}, {"leadP90Days", "90"}}) {
                Integer days = line.tally.leadPercentile(Double.parseDouble(p[1]));
                if (days != null) {  // none: not applicable, no cell
                    Cell cell = table.cells.add(days, line.tally.clients(Measure.BOOKED));
                    table.cells.derive(cell, line.cells.get("sessions"));
                    line.cells.put(p[0], cell);
                }
            }
        }
    }

    private static void travelSaved(Table table) {
        table.column("sessions", "Sessions attended", "sessions", true,
                (t, cells) -> cells.add(t.count(Measure.ATTENDED), t.clients(Measure.ATTENDED)));
        table.column("kmSaved", "Kilometres saved", "km", true,
                (t, cells) -> cells.add(round1(t.kmSaved()), t.clients(Measure.ATTENDED)));
        table.column("hoursSaved", "Hours saved", "hours", true,
                (t, cells) -> cells.add(round1(t.hoursSaved()), t.clients(Measure.ATTENDED)));
        table.fill();
        for (Table.Line line : table.lines) {
            // Travel is worked out per attended session: with the sessions hidden, so is what they saved.
            table.cells.derive(line.cells.get("kmSaved"), line.cells.get("sessions"));
            table.cells.derive(line.cells.get("hoursSaved"), line.cells.get("sessions"));
        }
    }

    private void sms(Connection db, Table table, Set<Long> offices, boolean optOutsApply) throws SQLException {
        table.column("smsSent", "SMS sent", "messages", true,
                (t, cells) -> cells.add(t.count(Measure.SMS_SENT), t.clients(Measure.SMS_SENT)));
        table.column("smsDelivered", "SMS delivered", "messages", true,
                (t, cells) -> cells.add(t.count(Measure.SMS_DELIVERED), t.clients(Measure.SMS_DELIVERED)));
        table.column("smsFailed", "SMS failed", "messages", true,
                (t, cells) -> cells.add(t.count(Measure.SMS_FAILED), t.clients(Measure.SMS_FAILED)));
        Set<String> reasons = new TreeSet<>();
        table.allTallies().forEach(t -> reasons.addAll(t.failures().keySet()));
        for (String reason : reasons) {
            table.column("failed:" + reason, "Failed: " + describe(reason), "messages", true,
                    (t, cells) -> cells.add(t.failures().getOrDefault(reason, 0), t.failureClients(reason)));
        }
        table.column("invitationsSent", "Invitations sent", "messages", true,
                (t, cells) -> cells.add(t.count(Measure.INVITATIONS_SENT), t.clients(Measure.INVITATIONS_SENT)));
        table.column("invitationsFailed", "Invitations failed", "messages", true,
                (t, cells) -> cells.add(t.count(Measure.INVITATIONS_FAILED), t.clients(Measure.INVITATIONS_FAILED)));
        boolean optOuts = optOutsApply && (table.query.groupBy() == GroupBy.NONE
                || table.query.groupBy() == GroupBy.OFFICE);
        table.column("optedOut", "Clients who opted out", "clients", false, null);
        // Read first: an SSO with opt-outs and no session in the range still gets its line, so that the total
        // really is the sum of the lines shown (or it would give away what is missing).
        Map<String, ReportTally> optedOut = optOuts ? optedOut(db, table, offices) : Map.of();
        table.fill();
        for (Table.Line line : table.lines) {
            List<Cell> parts = new ArrayList<>();
            reasons.forEach(r -> parts.add(line.cells.get("failed:" + r)));
            if (!parts.isEmpty()) {
                table.cells.sum(line.cells.get("smsFailed"), parts);
            }
        }
        if (optOuts) {
            table.replace("optedOut", line -> {
                ReportTally t = optedOut.getOrDefault(key(line.periodKey, line.groupKey), new ReportTally());
                return table.cells.add(t.count(Measure.BOOKED), t.clients(Measure.BOOKED));
            });
        }
    }

    private static String key(String period, String group) {
        return (period == null ? "" : period) + "\u0000" + (group == null ? "" : group);
    }

    /**
     * Clients who replied STOP in each period, by their own SSO: counted from the clients themselves (a tally per
     * line, BOOKED standing for "one client").
     */
    private static Map<String, ReportTally> optedOut(Connection db, Table table, Set<Long> offices)
            throws SQLException {
        Map<String, ReportTally> byLine = new HashMap<>();
        if (offices != null && offices.isEmpty()) {
            return byLine;
        }
        String sql = "SELECT id, office_id, sms_problem_at FROM client WHERE sms_problem = 'OPTED_OUT' "
                + "AND sms_problem_at >= ? AND sms_problem_at < ?" + (offices == null ? "" : " AND office_id IN ("
                + String.join(", ", offices.stream().map(String::valueOf).toList()) + ")");
        boolean grouped = table.query.groupBy() == GroupBy.OFFICE;
        try (PreparedStatement read = db.prepareStatement(sql)) {
            read.setTimestamp(1, Timestamp.from(Clocks.at(table.from, LocalTime.MIDNIGHT)));
            read.setTimestamp(2, Timestamp.from(Clocks.at(table.to.plusDays(1), LocalTime.MIDNIGHT)));
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    if (rows.getObject(2) == null) {
                        continue; // a client of no SSO belongs to no line, so to no total either
                    }
                    String office = String.valueOf(rows.getLong(2));
                    if (grouped) {
                        table.groupKeys.add(office);
                    }
                    String period = table.query.period().key(table.query.period()
                            .startOf(Clocks.dateIn(rows.getTimestamp(3).toInstant())));
                    List<String> groups = new ArrayList<>();
                    groups.add(null);
                    if (grouped) {
                        groups.add(office);
                    }
                    for (String p : java.util.Arrays.asList(period, null)) {
                        for (String g : groups) {
                            byLine.computeIfAbsent(key(p, g), k -> new ReportTally()).count(Measure.BOOKED, id);
                        }
                    }
                }
            }
        }
        return byLine;
    }

    private static String describe(String reason) {
        return switch (reason) {
            case "NOT_SENT" -> "not sent (refused or out of attempts)";
            case "UNDELIVERED" -> "undelivered";
            case "FAILED" -> "failed at the carrier";
            default -> "provider error " + reason;
        };
    }

    private void utilisation(Table table, Scope scope, Query query, Set<Long> offices, Set<Long> services) {
        GroupBy by = query.groupBy();
        boolean advisors = by != GroupBy.OFFICE && scope.offices() == null && query.office() == null
                && query.service() == null && query.mode() == null;
        boolean rooms = by != GroupBy.AGENCY && scope.agency() == null && query.agency() == null
                && query.service() == null && query.mode() != SessionMode.VIDEO_REMOTE;
        Function<LocalDate, LocalDate> periodOf = query.period()::startOf;
        Map<LocalDate, Map<Long, Double>> advisorHours = advisors ? capacity.advisorHours(table.from, table.to,
                periodOf, agencies(scope, query)) : Map.of();
        Map<LocalDate, Map<Long, Double>> roomHours = rooms ? capacity.roomHours(table.from, table.to, periodOf,
                offices) : Map.of();
        table.column("advisorBookedHours", "Advisors: booked hours", "hours", advisors, !advisors ? null
                : (t, cells) -> cells.add(round1(t.advisorMinutes() / 60.0), t.clients(Measure.KEPT)));
        table.column("advisorAvailableHours", "Advisors: available hours", "hours", advisors, null);
        table.column("advisorUtilisation", "Advisors: utilisation", "percent", false, null);
        table.column("roomBookedHours", "Rooms: booked hours", "hours", rooms, !rooms ? null
                : (t, cells) -> cells.add(round1(t.roomMinutes() / 60.0), t.clients(Measure.KEPT_WITH_ROOM)));
        table.column("roomOpenHours", "Rooms: open hours", "hours", rooms, null);
        table.column("roomUtilisation", "Rooms: utilisation", "percent", false, null);
        table.fill();
        for (Table.Line line : table.lines) {
            if (advisors) {
                double available = line.sum(advisorHours, table);
                Cell a = table.cells.addWithoutClients(round1(available));
                line.cells.put("advisorAvailableHours", a);
                ratio(table, line, "advisorUtilisation", line.cells.get("advisorBookedHours"), a, available,
                        line.tally.advisorMinutes() / 60.0);
            }
            if (rooms) {
                double open = line.sum(roomHours, table);
                Cell o = table.cells.addWithoutClients(round1(open));
                line.cells.put("roomOpenHours", o);
                ratio(table, line, "roomUtilisation", line.cells.get("roomBookedHours"), o, open,
                        line.tally.roomMinutes() / 60.0);
            }
        }
        table.sumColumns(List.of("advisorAvailableHours", "roomOpenHours").stream()
                .filter(k -> k.startsWith("advisor") ? advisors : rooms).toList());
    }

    private static Set<Long> agencies(Scope scope, Query query) {
        Long only = scope.agency() != null ? scope.agency() : query.agency();
        return only == null ? null : Set.of(only);
    }

    private static void ratio(Table table, Table.Line line, String key, Cell booked, Cell available, double of,
                              double used) {
        if (of <= 0) {
            return;
        }
        Cell rate = table.cells.addWithoutClients(Math.round(1000.0 * used / of) / 10.0);
        table.cells.derive(rate, booked, available);
        line.cells.put(key, rate);
    }

    private Report firstFreeSlots(Query query, Names names, Set<Long> offices, Set<Long> services) {
        Instant now = clock.instant();
        List<Long> where = new ArrayList<>(offices == null ? names.activeOffices : offices);
        where.retainAll(names.activeOffices);
        List<Report.Group> groups = new ArrayList<>();
        List<Report.Row> rows = new ArrayList<>();
        Collection<Long> serviceIds = services == null ? names.activeServices : services;
        for (Long service : new TreeSet<>(serviceIds)) {
            if (!names.activeServices.contains(service) || where.isEmpty()) {
                continue;
            }
            Map<String, Object> cells = new LinkedHashMap<>();
            cells.put("daysToFirstSlot", null);
            cells.put("firstSlotAt", null);
            try {
                // The whole booking horizon, not the search's default fortnight: "none in 14 days" is the case
                // this report is for.
                Instant horizon = now.plus(Duration.ofDays(names.horizonDays.getOrDefault(service, 14)));
                Instant at = null;
                for (int i = 0; i < where.size(); i += SlotSearch.MAX_OFFICES) {
                    List<Slot> found = slots.search(SlotSearch.Query.of(service, where.subList(i,
                            Math.min(where.size(), i + SlotSearch.MAX_OFFICES)), query.mode(), now, horizon)
                            .first(1)).slots();
                    if (!found.isEmpty() && (at == null || found.get(0).session().start().isBefore(at))) {
                        at = found.get(0).session().start();
                    }
                }
                if (at != null) {
                    cells.put("daysToFirstSlot", Math.round(Duration.between(now, at).toMinutes() / 144.0) / 10.0);
                    cells.put("firstSlotAt", at.toString());
                }
            } catch (InvalidInput e) {
                continue; // the service is not offered in the asked mode
            }
            groups.add(new Report.Group(String.valueOf(service), names.service(service)));
            rows.add(new Report.Row(null, String.valueOf(service), cells, List.of()));
        }
        groups.sort(Comparator.comparing(Report.Group::label));
        return new Report(query.kind().path, query.kind().title, Clocks.dateIn(now), Clocks.dateIn(now), null,
                "SERVICE", filters(query), List.of(new Report.Column("daysToFirstSlot", "Days to the first free slot",
                "days"), new Report.Column("firstSlotAt", "First free slot", "instant")), List.of(), groups, rows,
                null, List.of("Searched now, within each service's booking horizon, at the SSOs in view; no client "
                + "is counted."), now);
    }

    static Map<String, Object> filters(Query q) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("office", q.office());
        f.put("agency", q.agency());
        f.put("service", q.service());
        f.put("mode", q.mode() == null ? null : q.mode().name());
        return f;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    // ---- names of offices, agencies, services ---------------------------------------------------------------

    /** Labels for groups, and which agency a service belongs to: a few dozen rows, read per report. */
    static final class Names {
        final Map<Long, String> offices = new HashMap<>();
        final Map<Long, String> agencies = new HashMap<>();
        final Map<Long, String> services = new HashMap<>();
        final Map<Long, Long> agencyOfService = new HashMap<>();
        final List<Long> activeOffices = new ArrayList<>();
        final Set<Long> activeServices = new TreeSet<>();
        final Map<Long, Integer> horizonDays = new HashMap<>();

        static Names read(Connection db) throws SQLException {
            Names n = new Names();
            try (PreparedStatement q = db.prepareStatement("SELECT id, name, active FROM office ORDER BY name");
                 ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    n.offices.put(r.getLong(1), r.getString(2));
                    if (r.getBoolean(3)) {
                        n.activeOffices.add(r.getLong(1));
                    }
                }
            }
            try (PreparedStatement q = db.prepareStatement("SELECT id, name FROM partner_agency");
                 ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    n.agencies.put(r.getLong(1), r.getString(2));
                }
            }
            try (PreparedStatement q = db.prepareStatement("SELECT id, name_en, agency_id, active, horizon_days "
                    + "FROM service");
                 ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    n.services.put(r.getLong(1), r.getString(2));
                    n.agencyOfService.put(r.getLong(1), r.getLong(3));
                    n.horizonDays.put(r.getLong(1), r.getInt(5));
                    if (r.getBoolean(4)) {
                        n.activeServices.add(r.getLong(1));
                    }
                }
            }
            return n;
        }

        /** A service's name, with its agency's when another agency has a service of the same name. */
        String service(long id) {
            String name = services.getOrDefault(id, "Service " + id);
            Long agency = agencyOfService.get(id);
            boolean shared = services.entrySet().stream().anyMatch(e -> e.getKey() != id
                    && e.getValue().equals(name) && !java.util.Objects.equals(agencyOfService.get(e.getKey()), agency));
            return shared && agency != null ? name + " (" + agencies.getOrDefault(agency, "agency " + agency) + ")"
                    : name;
        }

        String label(GroupBy by, String key) {
            return switch (by) {
                case OFFICE -> offices.getOrDefault(Long.parseLong(key), "SSO " + key);
                case AGENCY -> agencies.getOrDefault(Long.parseLong(key), "Agency " + key);
                case SERVICE -> service(Long.parseLong(key));
                case MODE -> switch (SessionMode.valueOf(key)) {
                    case IN_PERSON -> "In person at the SSO";
                    case VIDEO_AT_SSO -> "Video at the SSO";
                    case VIDEO_REMOTE -> "Video from home";
                };
                case NONE -> "All";
            };
        }
    }

    // ---- the table being published ------------------------------------------------------------------------

    /** Tallies by (period, group) with their totals, turned into cells column by column. */
    static final class Table {
        interface CellOf {
            Cell make(ReportTally tally, SmallCells cells);
        }

        record Col(String key, String label, String unit, boolean additive, CellOf of) {
        }

        final class Line {
            final String periodKey;
            final String groupKey;
            final LocalDate periodStart;
            final ReportTally tally;
            final Map<String, Cell> cells = new LinkedHashMap<>();

            Line(String periodKey, LocalDate periodStart, String groupKey, ReportTally tally) {
                this.periodKey = periodKey;
                this.periodStart = periodStart;
                this.groupKey = groupKey;
                this.tally = tally;
            }

            /** A per-(period, group id) capacity figure summed over what this line covers. */
            double sum(Map<LocalDate, Map<Long, Double>> byPeriod, Table table) {
                double total = 0;
                for (Map.Entry<LocalDate, Map<Long, Double>> p : byPeriod.entrySet()) {
                    if (periodStart != null && !periodStart.equals(p.getKey())) {
                        continue;
                    }
                    for (Map.Entry<Long, Double> g : p.getValue().entrySet()) {
                        if (groupKey == null || groupKey.equals(String.valueOf(g.getKey()))) {
                            total += g.getValue();
                        }
                    }
                }
                return total;
            }
        }

        final Query query;
        final Names names;
        final LocalDate from;
        final LocalDate to;
        final SmallCells cells = new SmallCells();
        final List<Col> columns = new ArrayList<>();
        final List<LocalDate> periodStarts;
        final TreeMap<LocalDate, Map<String, ReportTally>> tallies = new TreeMap<>();
        final List<Line> lines = new ArrayList<>();
        final Set<String> groupKeys = new TreeSet<>();

        Table(Query query, Names names, LocalDate from, LocalDate to) {
            this.query = query;
            this.names = names;
            this.from = from;
            this.to = to;
            this.periodStarts = query.period().starts(from, to);
        }

        String groupKey(long office, long service, String mode) {
            return switch (query.groupBy()) {
                case NONE -> null;
                case OFFICE -> String.valueOf(office);
                case SERVICE -> String.valueOf(service);
                case AGENCY -> String.valueOf(names.agencyOfService.get(service));
                case MODE -> mode;
            };
        }

        ReportTally tally(LocalDate start, String group) {
            if (group != null) {
                groupKeys.add(group);
            }
            return tallies.computeIfAbsent(start, k -> new HashMap<>())
                    .computeIfAbsent(group == null ? "" : group, k -> new ReportTally());
        }

        List<ReportTally> allTallies() {
            List<ReportTally> all = new ArrayList<>();
            tallies.values().forEach(m -> all.addAll(m.values()));
            return all;
        }

        void column(String key, String label, String unit, boolean additive, CellOf of) {
            columns.add(new Col(key, label, unit, additive, of));
        }

        /** Makes the lines (every period × group, then the totals) and their cells for the columns so far. */
        void fill() {
            boolean grouped = query.groupBy() != GroupBy.NONE;
            List<String> groups = new ArrayList<>(groupKeys);
            groups.sort(Comparator.comparing(k -> names.label(query.groupBy(), k)));
            Map<String, ReportTally> byGroup = new HashMap<>();
            ReportTally grand = new ReportTally();
            for (LocalDate start : periodStarts) {
                Map<String, ReportTally> of = tallies.getOrDefault(start, Map.of());
                ReportTally periodTotal = new ReportTally();
                String key = query.period().key(start);
                if (grouped) {
                    for (String g : groups) {
                        ReportTally t = of.getOrDefault(g, new ReportTally());
                        lines.add(new Line(key, start, g, t));
                        periodTotal.add(t);
                        byGroup.computeIfAbsent(g, k -> new ReportTally()).add(t);
                    }
                } else {
                    periodTotal.add(of.getOrDefault("", new ReportTally()));
                }
                lines.add(new Line(key, start, null, periodTotal));
                grand.add(periodTotal);
            }
            if (grouped) {
                for (String g : groups) {
                    lines.add(new Line(null, null, g, byGroup.getOrDefault(g, new ReportTally())));
                }
            }
            lines.add(new Line(null, null, null, grand));
            for (Line line : lines) {
                for (Col col : columns) {
                    if (col.of() != null) {  // columns without one get their cells later, or stay n/a
                        line.cells.put(col.key(), col.of().make(line.tally, cells));
                    }
                }
            }
            sumColumns(columns.stream().filter(c -> c.additive() && c.of() != null).map(Col::key).toList());
        }

        /** Row and column totals are sums of their parts: declared so that no part can be worked out. */
        void sumColumns(List<String> keys) {
            boolean grouped = query.groupBy() != GroupBy.NONE;
            for (String key : keys) {
                Map<String, List<Cell>> byPeriod = new LinkedHashMap<>();
                Map<String, List<Cell>> byGroup = new LinkedHashMap<>();
                Map<String, Cell> periodTotals = new LinkedHashMap<>();
                Map<String, Cell> groupTotals = new LinkedHashMap<>();
                Cell grand = null;
                for (Line line : lines) {
                    Cell cell = line.cells.get(key);
                    if (cell == null) {
                        continue;
                    }
                    if (line.periodKey != null && line.groupKey != null) {
                        byPeriod.computeIfAbsent(line.periodKey, k -> new ArrayList<>()).add(cell);
                        byGroup.computeIfAbsent(line.groupKey, k -> new ArrayList<>()).add(cell);
                    } else if (line.periodKey != null) {
                        periodTotals.put(line.periodKey, cell);
                    } else if (line.groupKey != null) {
                        groupTotals.put(line.groupKey, cell);
                    } else {
                        grand = cell;
                    }
                }
                if (grouped) {
                    byPeriod.forEach((p, parts) -> cells.sum(periodTotals.get(p), parts));
                    byGroup.forEach((g, parts) -> cells.sum(groupTotals.get(g), parts));
                    if (!groupTotals.isEmpty()) {
                        cells.sum(grand, new ArrayList<>(groupTotals.values()));
                    }
                }
                if (!periodTotals.isEmpty()) {
                    cells.sum(grand, new ArrayList<>(periodTotals.values()));
                }
            }
        }

        /** Puts a cell made elsewhere (from outside the roll-ups) in a column, and declares its totals. */
        void replace(String key, Function<Line, Cell> make) {
            for (Line line : lines) {
                line.cells.put(key, make.apply(line));
            }
            sumColumns(List.of(key));
        }

        Report publish(Kind kind, Report.Reference reference, List<String> notes, Instant now) {
            cells.apply();
            List<Report.Row> rows = new ArrayList<>();
            for (Line line : lines) {
                Map<String, Object> values = new LinkedHashMap<>();
                List<String> suppressed = new ArrayList<>();
                for (Col col : columns) {
                    Cell cell = line.cells.get(col.key());
                    if (cell == null) {
                        values.put(col.key(), null);
                    } else if (cell.suppressed()) {
                        values.put(col.key(), null);
                        suppressed.add(col.key());
                    } else {
                        double v = cell.value();
                        values.put(col.key(), v == Math.rint(v) && !"percent".equals(col.unit())
                                && !"hours".equals(col.unit()) && !"km".equals(col.unit()) && !"days".equals(col.unit())
                                ? (Object) (long) v : (Object) v);
                    }
                }
                rows.add(new Report.Row(line.periodKey, line.groupKey, values, suppressed));
            }
            List<Report.PeriodInfo> periods = periodStarts.stream().map(s -> new Report.PeriodInfo(
                    query.period().key(s), query.period().label(s), s, query.period().endOf(s))).toList();
            List<Report.Group> groups = new ArrayList<>();
            List<String> keys = new ArrayList<>(groupKeys);
            keys.sort(Comparator.comparing(k -> names.label(query.groupBy(), k)));
            keys.forEach(k -> groups.add(new Report.Group(k, names.label(query.groupBy(), k))));
            List<Report.Column> cols = columns.stream().map(c -> new Report.Column(c.key(), c.label(), c.unit()))
                    .toList();
            return new Report(kind.path, kind.title, from, to, query.period(), query.groupBy().name(),
                    filters(query), cols, periods, groups, rows, reference, notes, now);
        }
    }
}
