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
import sg.linkup.reporting.entity.Measure;
import sg.linkup.reporting.entity.Period;
import sg.linkup.reporting.entity.Report;
import sg.linkup.reporting.entity.ReportTally;
import sg.linkup.reporting.entity.ReportCube;
import sg.linkup.reporting.entity.ReportCube.Amount;

/**
 * Builds a report from the roll-ups (caught up first, so a report shows every committed change) and publishes
 * it through the months' one "&lt; 5" pattern ({@link ReportCube}, {@link Suppression}): no figure about fewer
 * than five clients, and none that any combination of reports could give away.
 */
@ApplicationScoped
public class Reports {

    public static final int MOST_DAYS = 731;
    private static final String SMALL_CELL_NOTE = "Figures about fewer than 5 clients show as “< 5”, and so do others "
            + "wherever the first could otherwise be worked out from totals, in this report or any other: every report "
            + "hides the same figures.";

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
    Suppression suppression;

    @Inject
    Clock clock;

    /**
     * Reports cut figures by SSO, by service and by mode, but not by all three at once, and weeks only by SSO and
     * agency: finer cells than that are mostly about fewer than 5 clients, and protecting them would hide most of
     * the figures people read (README, "Small cells"). A supervisor's report is always about their SSOs.
     */
    public static void requireOffered(Query query, Scope scope) {
        if (query.kind() == Kind.FIRST_FREE_SLOT) {
            return;  // counts no client
        }
        boolean byService = query.service() != null || query.groupBy() == GroupBy.SERVICE;
        boolean byMode = query.mode() != null || query.groupBy() == GroupBy.MODE;
        boolean bySso = query.office() != null || scope.offices() != null || query.groupBy() == GroupBy.OFFICE;
        if (query.period() == Period.WEEK && (byService || byMode)) {
            throw new InvalidInput(query.groupBy() == GroupBy.SERVICE || query.groupBy() == GroupBy.MODE ? "groupBy"
                    : query.service() != null ? "service" : "mode",
                    "weekly reports are by SSO and agency; choose MONTH to see a service or a mode");
        }
        if (byService && byMode && bySso) {
            throw new InvalidInput(query.groupBy() == GroupBy.MODE ? "groupBy" : "mode",
                    "a report is cut by at most two of SSO, service and mode"
                            + (scope.offices() != null ? " (yours are always by your SSO)" : ""));
        }
    }

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
            // Figures and pattern from the same committed state: a catch-up between them shows as a new version.
            // The patterns' version is read before the figures and compared with one read after them.
            for (int attempt = 1; ; attempt++) {
                Suppression.Patterns patterns = suppression.months(db, names, from, to);
                Made report = build(db, query, scope, names, from, to, offices, services, patterns);
                if (patterns.version().equals(suppression.version(db, from, to))) {
                    return publish(query, report, patterns);
                }
                if (attempt == 3) {
                    throw new sg.linkup.platform.NotReady("the figures changed three times while this report was made; "
                            + "try again in a moment", 2);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("report query failed", e);
        }
    }

    /** A report made but not yet published: its table, reference line and notes. */
    private record Made(Table table, Report.Reference reference, List<String> notes) {
    }

    private Made build(Connection db, Query query, Scope scope, Names names, LocalDate from, LocalDate to,
                       Set<Long> offices, Set<Long> services, Suppression.Patterns patterns) throws SQLException {
        {
            Table table = new Table(query, names, from, to, offices, services);
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
                        && query.service() == null && query.mode() == null, patterns);
                case UTILISATION -> utilisation(table, scope, query, offices, services);
                default -> throw new IllegalStateException(query.kind().name());
            }
            List<String> notes = new ArrayList<>(List.of(SMALL_CELL_NOTE,
                    (query.period() == Period.MONTH ? "Periods are whole months"
                            : "Periods are weeks (Monday to Sunday), cut at month ends so that they add up to months")
                            + "; the range was widened to " + from + " – " + to + "."));
            if (query.kind() == Kind.TRAVEL) {
                notes.add("Travel saved: for each attended session, the round trip the client would have made to the "
                        + "partner's own office, less the round trip to the SSO (none from home); from the client's "
                        + "own SSO, by public transport. Method and parameters: README, “Client travel saved: the method”.");
            }
            return new Made(table, reference, notes);
        }
    }

    private Report publish(Query query, Made made, Suppression.Patterns patterns) {
        return made.table().publish(query.kind(), made.reference(), made.notes(), clock.instant(), patterns.cubes());
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
            table.column(SESSION_COLUMNS[i][0], SESSION_COLUMNS[i][1], "sessions", t -> Fig.count(t, m));
        }
        table.column("noShowRate", "No-show rate", "percent", null);
        table.column("noShowRateConfirmed", "No-show rate, confirmed by SMS", "percent", null);
        table.column("noShowRateUnconfirmed", "No-show rate, not confirmed", "percent", null);
        table.fill();
        for (Table.Line line : table.lines) {
            Map<String, Fig> c = line.cells;
            rate(line, "noShowRate", line.tally, Measure.NO_SHOWS, Measure.ATTENDED, c.get("noShows"),
                    c.get("attended"));
            // The two rates and the totals pin the confirmed and unconfirmed halves, so the halves are figures of
            // the pattern as if shown, and both rates hide when any of the four is hidden.
            Fig noShowsConfirmed = Fig.count(line.tally, Measure.NO_SHOWS_CONFIRMED);
            Fig attendedConfirmed = Fig.count(line.tally, Measure.ATTENDED_CONFIRMED);
            Fig noShowsUnconfirmed = Fig.count(line.tally, Measure.NO_SHOWS_UNCONFIRMED);
            Fig attendedUnconfirmed = Fig.count(line.tally, Measure.ATTENDED_UNCONFIRMED);
            rate(line, "noShowRateConfirmed", line.tally, Measure.NO_SHOWS_CONFIRMED, Measure.ATTENDED_CONFIRMED,
                    noShowsConfirmed, attendedConfirmed, noShowsUnconfirmed, attendedUnconfirmed);
            rate(line, "noShowRateUnconfirmed", line.tally, Measure.NO_SHOWS_UNCONFIRMED,
                    Measure.ATTENDED_UNCONFIRMED, noShowsUnconfirmed, attendedUnconfirmed, noShowsConfirmed,
                    attendedConfirmed);
        }
    }

    /** no-shows / (attended + no-shows), as a percentage; not applicable when nobody was due. */
    private static void rate(Table.Line line, String key, ReportTally t, Measure part, Measure other, Fig... inputs) {
        int due = t.count(part) + t.count(other);
        // Nobody due: no rate — but "< 5" when its counts are hidden, or the blank would say they are zero.
        line.cells.put(key, due == 0 ? Fig.notApplicable(inputs)
                : Fig.derived(Math.round(1000.0 * t.count(part) / due) / 10.0, inputs));
    }

    private static void leadTimes(Table table) {
        table.column("sessions", "Sessions", "sessions", t -> Fig.count(t, Measure.BOOKED));
        table.column("leadMedianDays", "Booked ahead: median", "days", null);
        table.column("leadP90Days", "Booked ahead: 90th percentile", "days", null);
        table.fill();
        for (Table.Line line : table.lines) {
            for (String[] p : new String[][] {{"leadMedianDays", "50"}, {"leadP90Days", "90"}}) {
                Integer days = line.tally.leadPercentile(Double.parseDouble(p[1]));
                line.cells.put(p[0], days == null ? Fig.notApplicable(line.cells.get("sessions"))
                        : Fig.derived(days, line.cells.get("sessions")));
            }
        }
    }

    private static void travelSaved(Table table) {
        table.column("sessions", "Sessions attended", "sessions", t -> Fig.count(t, Measure.ATTENDED));
        table.column("kmSaved", "Kilometres saved", "km", null);
        table.column("hoursSaved", "Hours saved", "hours", null);
        table.fill();
        for (Table.Line line : table.lines) {
            // Travel is worked out per attended session: with the sessions hidden, so is what they saved.
            Fig sessions = line.cells.get("sessions");
            line.cells.put("kmSaved", Fig.amount(round1(line.tally.kmSaved()), Amount.KM_SAVED, sessions));
            line.cells.put("hoursSaved", Fig.amount(round1(line.tally.hoursSaved()), Amount.HOURS_SAVED, sessions));
        }
    }

    private void sms(Connection db, Table table, Set<Long> offices, boolean optOutsApply,
                     Suppression.Patterns patterns) throws SQLException {
        table.column("smsSent", "SMS sent", "messages", t -> Fig.count(t, Measure.SMS_SENT));
        table.column("smsDelivered", "SMS delivered", "messages", t -> Fig.count(t, Measure.SMS_DELIVERED));
        table.column("smsFailed", "SMS failed", "messages", t -> Fig.count(t, Measure.SMS_FAILED));
        // Every reason of the months, every SSO's: a column left out for having none here would say "zero" where
        // the pattern may hide one.
        Set<String> reasons = new TreeSet<>();
        patterns.cubes().values().forEach(cube -> reasons.addAll(cube.reasons()));
        for (String reason : reasons) {
            table.column("failed:" + reason, "Failed: " + describe(reason), "messages",
                    t -> new Fig(t.failures().getOrDefault(reason, 0), "failed:" + reason, null, false));
        }
        table.column("invitationsSent", "Invitations sent", "messages", t -> Fig.count(t, Measure.INVITATIONS_SENT));
        table.column("invitationsFailed", "Invitations failed", "messages",
                t -> Fig.count(t, Measure.INVITATIONS_FAILED));
        boolean optOuts = optOutsApply && (table.query.groupBy() == GroupBy.NONE
                || table.query.groupBy() == GroupBy.OFFICE);
        table.column("optedOut", "Clients who opted out", "clients", null);
        // Read first: an SSO with opt-outs and no session in the range still gets its line.
        Map<String, ReportTally> optedOut = optOuts ? optedOut(db, table, offices) : Map.of();
        table.fill();
        if (optOuts) {
            for (Table.Line line : table.lines) {
                ReportTally t = optedOut.getOrDefault(key(line.periodKey, line.groupKey), new ReportTally());
                line.cells.put("optedOut", new Fig(t.count(Measure.BOOKED), null, null, true));
            }
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
        table.column("advisorBookedHours", "Advisors: booked hours", "hours", null);
        table.column("advisorAvailableHours", "Advisors: available hours", "hours", null);
        table.column("advisorUtilisation", "Advisors: utilisation", "percent", null);
        table.column("roomBookedHours", "Rooms: booked hours", "hours", null);
        table.column("roomOpenHours", "Rooms: open hours", "hours", null);
        table.column("roomUtilisation", "Rooms: utilisation", "percent", null);
        table.fill();
        for (Table.Line line : table.lines) {
            if (advisors) {
                hours(line, "advisor", "AvailableHours", Amount.ADVISOR_HOURS, line.tally.advisorMinutes(),
                        line.sum(advisorHours));
            }
            if (rooms) {
                hours(line, "room", "OpenHours", Amount.ROOM_HOURS, line.tally.roomMinutes(), line.sum(roomHours));
            }
        }
    }

    /**
     * Booked hours, the hours offered and the share booked. The booked hours are the sessions kept × their
     * length, so they hide with the sessions kept; the hours offered count no client.
     */
    private static void hours(Table.Line line, String who, String offeredKey, Amount amount, long bookedMinutes,
                              double offered) {
        Fig booked = Fig.amount(round1(bookedMinutes / 60.0), amount, Fig.count(line.tally, Measure.KEPT));
        line.cells.put(who + "BookedHours", booked);
        line.cells.put(who + offeredKey, Fig.derived(round1(offered)));
        ratio(line, who + "Utilisation", booked, offered, bookedMinutes / 60.0);
    }

    private static Set<Long> agencies(Scope scope, Query query) {
        Long only = scope.agency() != null ? scope.agency() : query.agency();
        return only == null ? null : Set.of(only);
    }

    /** booked ÷ available as a percentage; hidden with the booked hours (the available hours count no client). */
    private static void ratio(Table.Line line, String key, Fig booked, double of, double used) {
        if (of <= 0) {
            return;
        }
        line.cells.put(key, Fig.derived(Math.round(1000.0 * used / of) / 10.0, booked));
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

        /** What a month's pattern depends on besides its cells: which agency each service belongs to. */
        String signature() {
            return new TreeMap<>(agencyOfService).toString();
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

    /**
     * A figure on a line, and what hides it: a count of the months' pattern, hours or kilometres worked out from
     * counts ({@link Amount}), the clients who opted out, or other figures it is worked out from (a rate hides
     * with its counts). A line whose place is one cell of the pattern takes that cell's answer; any other line
     * (a range of periods, a supervisor's several SSOs) is a sum of cells, and hides a figure when any cell does —
     * shown, it could only repeat what those cells already show.
     */
    static final class Fig {
        final double value;
        final String count;
        final Amount amount;
        final boolean optOuts;
        final List<Fig> inputs;
        private Shown shown;

        Fig(double value, String count, Amount amount, boolean optOuts, Fig... inputs) {
            this.value = value;
            this.count = count;
            this.amount = amount;
            this.optOuts = optOuts;
            this.inputs = List.of(inputs);
        }

        static Fig count(ReportTally t, Measure m) {
            return new Fig(t.count(m), m.name(), null, false);
        }

        static Fig amount(double value, Amount amount, Fig... inputs) {
            return new Fig(value, null, amount, false, inputs);
        }

        /** No figure ("–", nothing to count) — unless an input is hidden: then "&lt; 5", like the input. */
        static Fig notApplicable(Fig... inputs) {
            return new Fig(Double.NaN, null, null, false, inputs);
        }

        /** A figure hidden only with its inputs: with none, a figure about no client (a room's open hours). */
        static Fig derived(double value, Fig... inputs) {
            return new Fig(value, null, null, false, inputs);
        }

        /** Shown, "&lt; 5", or not given this finely ("–"). */
        Shown shown(List<Place> places) {
            if (shown == null) {
                Shown s = Shown.YES;
                for (Place p : places) {
                    String figure = count != null ? count : amount != null ? amount.name() : null;
                    if (figure != null && !p.cube.offered(figure, p.time, p.office, p.service, p.mode)) {
                        s = Shown.NOT_OFFERED;
                        break;
                    }
                    boolean h = count != null ? p.cube.hidden(count, p.time, p.office, p.service, p.mode)
                            : amount != null ? p.cube.hidden(amount, p.time, p.office, p.service, p.mode)
                            : optOuts && p.cube.optOutsHidden(p.time, p.office);
                    if (h) {
                        s = Shown.HIDDEN;
                    }
                }
                for (Fig input : inputs) {
                    Shown i = input.shown(places);
                    if (i == Shown.NOT_OFFERED || i == Shown.HIDDEN && s == Shown.YES) {
                        s = i;
                    }
                }
                shown = s;
            }
            return shown;
        }
    }

    enum Shown { YES, HIDDEN, NOT_OFFERED }

    /** One cell of a month's pattern that a line covers. */
    record Place(ReportCube cube, int time, int office, int service, int mode) {
    }

    /** Tallies by (period, group) with their totals, turned into figures column by column. */
    static final class Table {
        interface FigOf {
            Fig make(ReportTally tally);
        }

        record Col(String key, String label, String unit, FigOf of) {
        }

        final class Line {
            final String periodKey;
            final String groupKey;
            final LocalDate periodStart;
            final ReportTally tally;
            final Map<String, Fig> cells = new LinkedHashMap<>();

            Line(String periodKey, LocalDate periodStart, String groupKey, ReportTally tally) {
                this.periodKey = periodKey;
                this.periodStart = periodStart;
                this.groupKey = groupKey;
                this.tally = tally;
            }

            /** A per-(period, group id) capacity figure summed over what this line covers. */
            double sum(Map<LocalDate, Map<Long, Double>> byPeriod) {
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
        /** What the report covers: null = every SSO / every service. */
        final Set<Long> offices;
        final Set<Long> services;
        final List<Col> columns = new ArrayList<>();
        final List<LocalDate> periodStarts;
        final TreeMap<LocalDate, Map<String, ReportTally>> tallies = new TreeMap<>();
        final List<Line> lines = new ArrayList<>();
        final Set<String> groupKeys = new TreeSet<>();

        Table(Query query, Names names, LocalDate from, LocalDate to, Set<Long> offices, Set<Long> services) {
            this.query = query;
            this.names = names;
            this.from = from;
            this.to = to;
            this.offices = offices;
            this.services = services;
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


        /** A column; of makes its figure from a line's tally, or (null) the report puts figures in later. */
        void column(String key, String label, String unit, FigOf of) {
            columns.add(new Col(key, label, unit, of));
        }

        /**
         * Every active SSO, service, agency or mode in view is a group, with sessions or not: a group left out for
         * having none would say "zero" where the pattern may hide a figure (a total − the groups shown would then
         * give away a hidden one). The months' patterns are over the same SSOs and services.
         */
        private void addActiveGroups() {
            switch (query.groupBy()) {
                case OFFICE -> names.activeOffices.stream().filter(o -> offices == null || offices.contains(o))
                        .forEach(o -> groupKeys.add(String.valueOf(o)));
                case SERVICE -> names.activeServices.stream().filter(s -> services == null || services.contains(s))
                        .forEach(s -> groupKeys.add(String.valueOf(s)));
                case AGENCY -> names.activeServices.stream().filter(s -> services == null || services.contains(s))
                        .forEach(s -> groupKeys.add(String.valueOf(names.agencyOfService.get(s))));
                case MODE -> {
                    for (SessionMode m : SessionMode.values()) {
                        if (query.mode() == null || query.mode() == m) {
                            groupKeys.add(m.name());
                        }
                    }
                }
                case NONE -> { }
            }
        }

        /** Makes the lines (every period × group, then the totals) and their figures for the columns so far. */
        void fill() {
            boolean grouped = query.groupBy() != GroupBy.NONE;
            addActiveGroups();
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
                    if (col.of() != null) {  // columns without one get their figures later, or stay n/a
                        line.cells.put(col.key(), col.of().make(line.tally));
                    }
                }
            }
        }

        /** The cells of the months' patterns that a line adds up. */
        List<Place> places(Line line, Map<LocalDate, ReportCube> cubes) {
            List<LocalDate> periods = line.periodStart != null ? List.of(line.periodStart) : periodStarts;
            GroupBy by = query.groupBy();
            boolean ofGroup = line.groupKey != null;
            Set<Long> lineOffices = ofGroup && by == GroupBy.OFFICE
                    ? Set.of(Long.parseLong(line.groupKey)) : offices;
            Set<Long> lineServices = services;
            if (ofGroup && (by == GroupBy.SERVICE || by == GroupBy.AGENCY)) {
                Set<Long> group = new TreeSet<>();
                names.agencyOfService.forEach((s, a) -> {
                    if (by == GroupBy.SERVICE ? s == Long.parseLong(line.groupKey)
                            : a == Long.parseLong(line.groupKey)) {
                        group.add(s);
                    }
                });
                if (lineServices != null) {
                    group.retainAll(lineServices);
                }
                lineServices = group;
            }
            SessionMode mode = ofGroup && by == GroupBy.MODE ? SessionMode.valueOf(line.groupKey) : query.mode();
            List<Place> places = new ArrayList<>();
            for (LocalDate start : periods) {
                ReportCube cube = cubes.get(start.withDayOfMonth(1));
                int time = cube.time(query.period(), start);
                int m = cube.mode(mode);
                List<Integer> serviceNodes = serviceNodes(cube, lineServices);
                for (Long office : lineOffices == null ? java.util.Collections.<Long>singletonList(null) : lineOffices) {
                    int o = cube.office(office);
                    for (int s : serviceNodes) {
                        if (o != ReportCube.ABSENT && s != ReportCube.ABSENT) {  // absent: all zero, shown
                            places.add(new Place(cube, time, o, s, m));
                        }
                    }
                }
            }
            return places;
        }

        /** A set of services as cells: every service (null), whole agencies where it holds all of one, services. */
        private List<Integer> serviceNodes(ReportCube cube, Set<Long> in) {
            if (in == null) {
                return List.of(cube.service(null));
            }
            Map<Long, Set<Long>> byAgency = new TreeMap<>();
            names.agencyOfService.forEach((s, a) -> byAgency.computeIfAbsent(a, k -> new TreeSet<>()).add(s));
            List<Integer> nodes = new ArrayList<>();
            Set<Long> left = new TreeSet<>(in);
            byAgency.forEach((agency, all) -> {
                if (in.containsAll(all)) {
                    nodes.add(cube.agency(agency));
                    left.removeAll(all);
                }
            });
            left.forEach(s -> nodes.add(cube.service(s)));
            return nodes;
        }

        Report publish(Kind kind, Report.Reference reference, List<String> notes, Instant now,
                       Map<LocalDate, ReportCube> cubes) {
            List<Report.Row> rows = new ArrayList<>();
            boolean notOffered = false;
            for (Line line : lines) {
                List<Place> places = places(line, cubes);
                Map<String, Object> values = new LinkedHashMap<>();
                List<String> suppressed = new ArrayList<>();
                for (Col col : columns) {
                    Fig fig = line.cells.get(col.key());
                    Shown shown = fig == null ? Shown.NOT_OFFERED : fig.shown(places);
                    if (shown == Shown.NOT_OFFERED) {
                        values.put(col.key(), null);
                        notOffered |= fig != null;
                    } else if (shown == Shown.HIDDEN) {
                        values.put(col.key(), null);
                        suppressed.add(col.key());
                    } else if (Double.isNaN(fig.value)) {
                        values.put(col.key(), null);  // not applicable, and nothing it comes from is hidden
                    } else {
                        double v = fig.value;
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
            if (notOffered) {
                notes = new ArrayList<>(notes);
                notes.add("“–” here: outcomes, who cancelled, SMS confirmation, SMS failure reasons and sessions not "
                        + "yet held are given by SSO and agency, not by service or mode.");
            }
            return new Report(kind.path, kind.title, from, to, query.period(), query.groupBy().name(),
                    filters(query), cols, periods, groups, rows, reference, notes, now);
        }
    }
}
