package sg.linkup.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sg.linkup.directory.entity.Coordinates;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.reporting.entity.TravelModel;

/**
 * A known month of sessions at two SSOs, rolled up; then, through the API, the partner records outcomes and
 * cancels one, the counter cancels one, the sweep marks two no-shows — and the reports' exact figures for an
 * admin, a supervisor of each SSO and the partner, with the "< 5" rule and what the totals would give away.
 *
 * <p>Which other figures hide with a small one (so that no sum gives it away) is the months' one pattern over
 * every SSO's cells, other classes' included; so a figure here is checked as "exactly its value, or hidden", the
 * small ones must be hidden, the main ones must be shown, and no sum may have exactly one hidden figure.
 */
@ExtendWith(SharedApp.class)
class ReportsIT {

    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
    private static final String PASSWORD = "a-long-enough-pass-1";

    /** The shared server's address, set by {@link SharedApp}. */
    URL deployment;

    Api admin;
    long officeA;
    long officeB;
    long officeC;
    long roomA;
    long roomB;
    long agency;
    long service;
    long advisor;
    LocalDate month;
    final List<Long> arrived = new ArrayList<>();
    final List<Long> arrivedB = new ArrayList<>();
    final List<Long> due = new ArrayList<>();
    long byPartner;
    long byCounter;
    Api partner;

    @BeforeEach
    void setUp() throws SQLException {
        admin = new Api(deployment);
        officeA = created("api/offices", CatalogueIT.office(unique("RA"), "SSO@Reports A"));
        officeB = created("api/offices", CatalogueIT.office(unique("RB"), "SSO@Reports B"));
        // C has no session this month; D has five. With only A and B offering the service, B's figures would be the
        // all-SSO total − A's, so A's own figures or the total would have to hide (C's zeros cannot help: anyone
        // may know that C had none). D's figures, fewer than A's, are the ones hidden with B's, and A's stay shown —
        // what the assertions below expect.
        officeC = created("api/offices", CatalogueIT.office(unique("RC"), "SSO@Reports C"));
        long officeD = created("api/offices", CatalogueIT.office(unique("RD"), "SSO@Reports D"));
        long roomD = created("api/rooms", CatalogueIT.room(officeD, "Interview D", "INTERVIEW_ROOM"));
        roomA = created("api/rooms", CatalogueIT.room(officeA, "Interview A", "INTERVIEW_ROOM"));
        roomB = created("api/rooms", CatalogueIT.room(officeB, "Interview B", "INTERVIEW_ROOM"));
        agency = created("api/agencies", CatalogueIT.agency(unique("RAG"), "EMPLOYMENT", null));
        service = created("api/services", CatalogueIT.service(agency, unique("RSV")));
        advisor = created("api/advisors", CatalogueIT.advisor(agency, unique("r").toLowerCase(Locale.ROOT)
                + "@example.org", List.of(service)));
        month = LocalDate.now(SINGAPORE).withDayOfMonth(1).minusMonths(1);
        // Office A: 6 clients attended, 2 no-shows (one had confirmed by SMS), 1 cancelled by the partner, 1 to
        // be cancelled at the counter; office B: 2 attended. Each session its own client and hour.
        List<Long> clientsA = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clientsA.add(created("api/clients", CatalogueIT.client(officeA, "Report Client " + i,
                    CatalogueIT.mobile(), null)));
        }
        // The past cannot be booked through the API: the sessions are written as the service would have left
        // them (arrived, or still booked), and everything after that goes through the API below.
        int hour = 0;
        for (int i = 0; i < 6; i++) {
            arrived.add(insert(officeA, roomA, clientsA.get(i), "CHECKED_IN", false, hour++));
        }
        due.add(insert(officeA, roomA, clientsA.get(6), "BOOKED", true, hour++));
        due.add(insert(officeA, roomA, clientsA.get(7), "BOOKED", false, hour++));
        byPartner = insert(officeA, roomA, clientsA.get(8), "BOOKED", false, hour++);
        byCounter = insert(officeA, roomA, clientsA.get(9), "BOOKED", false, hour++);
        for (int i = 0; i < 2; i++) {
            long client = created("api/clients", CatalogueIT.client(officeB, "Report B " + i, CatalogueIT.mobile(),
                    null));
            arrivedB.add(insert(officeB, roomB, client, "CHECKED_IN", false, hour++));
        }
        for (int i = 0; i < 5; i++) {
            long client = created("api/clients", CatalogueIT.client(officeD, "Report D " + i, CatalogueIT.mobile(),
                    null));
            insert(officeD, roomD, client, "CHECKED_IN", false, hour++);
        }
        // Rows written by SQL leave no audit record: ask for a rebuild, as after a data load.
        sql("UPDATE report_state SET rolled_through = NULL WHERE id = 1");
        partner = signedIn("PARTNER", null, agency);
    }

    /** Outcomes recorded by the partner, cancels by both sides, no-shows by the sweep: all after the roll-up. */
    private void live() {
        String range = "&from=" + month + "&to=" + month.plusMonths(1).minusDays(1);
        JsonObject before = report(admin, "sessions?office=" + officeA + range);
        JsonObject row = periodRow(before, null);
        assertEquals(10, row.getJsonObject("cells").getInt("booked"), before::toString);
        // Four still booked (fewer than 5 clients) are hidden, and with them another part of booked, or booked −
        // the rest would show them.
        assertTrue(suppressed(row).contains("open"), before::toString);
        assertNoSumGivesAHiddenFigureAway(row);
        assertFigures(row, java.util.Map.of("booked", 10, "attended", 6, "completedAttended", 0, "noShows", 0,
                "cancelled", 0, "open", 4));
        for (long id : arrived) {
            ok(partner.post("api/bookings/" + id + "/complete", "{\"outcome\":\"ATTENDED\"}"));
        }
        for (long id : arrivedB) {
            ok(partner.post("api/bookings/" + id + "/complete", "{\"outcome\":\"FOLLOW_UP_NEEDED\"}"));
        }
        ok(partner.post("api/bookings/" + byPartner + "/cancel", "{\"reason\":\"advisor unwell\"}"));
        ok(admin.post("api/bookings/" + byCounter + "/cancel", "{\"reason\":\"client moved\"}"));
        Api.Reply swept = admin.post("api/bookings/no-shows", "");
        ok(swept);
        for (long id : due) {
            assertTrue(swept.body().contains(String.valueOf(id)), () -> id + " is a no-show: " + swept);
        }
    }

    private static void ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void sessionsReportCountsExactlyPerScopeAndHidesSmallCells() {
        live();

        String range = "&from=" + month + "&to=" + month.plusMonths(1).minusDays(1);
        JsonObject a = report(admin, "sessions?office=" + officeA + range);
        JsonObject rowA = periodRow(a, null);
        assertEquals(10, rowA.getJsonObject("cells").getInt("booked"));
        assertEquals(6, rowA.getJsonObject("cells").getInt("attended"));
        assertEquals(6, rowA.getJsonObject("cells").getInt("completedAttended"));
        for (String small : List.of("noShows", "cancelled", "cancelledByCounter", "cancelledByPartner")) {
            assertTrue(suppressed(rowA).contains(small), () -> small + " counts fewer than 5 clients: " + rowA);
        }
        // Cancels and no-shows are counted at once: none is left open (when that zero is shown at all).
        assertFigures(rowA, java.util.Map.of("booked", 10, "attended", 6, "completedAttended", 6,
                "completedFollowUp", 0, "completedReferredOn", 0, "cancelled", 2, "cancelledByCounter", 1,
                "cancelledByPartner", 1, "cancelledByClient", 0, "noShows", 2));
        assertFigures(rowA, java.util.Map.of("open", 0));
        assertNoSumGivesAHiddenFigureAway(rowA);
        assertTrue(suppressed(rowA).contains("noShowRate"), "a rate of two no-shows would show them: " + rowA);

        // Grouped by SSO: every SSO is a row, C's too (left out, it would say "none"); office B's 2 sessions are
        // hidden, and so is at least one other figure of the column, or total − the rest would give B away.
        JsonObject grouped = report(admin, "sessions?service=" + service + "&groupBy=OFFICE" + range);
        JsonObject total = periodRow(grouped, null);
        JsonObject groupA = periodRow(grouped, String.valueOf(officeA));
        assertTrue(suppressed(periodRow(grouped, String.valueOf(officeB))).contains("booked"), grouped::toString);
        periodRow(grouped, String.valueOf(officeC));
        long hiddenInColumn = grouped.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .filter(r -> !r.isNull("period") && suppressed(r).contains("booked")).count();
        assertTrue(hiddenInColumn >= 2, () -> "total − the SSOs shown would give B away: " + grouped);
        assertFigures(total, java.util.Map.of("booked", 17));
        assertFigures(groupA, java.util.Map.of("booked", 10));

        // A supervisor of B sees B only; asking for A is like asking for nothing that exists.
        Api supervisorB = signedIn("SUPERVISOR", officeB, null);
        JsonObject b = report(supervisorB, "sessions?service=" + service + range);
        assertTrue(suppressed(periodRow(b, null)).contains("booked"), b::toString);
        // By week (weeks cut at month ends, so they add up to the month): no week, and no total over the weeks,
        // shows B's two sessions either — the week and month figures are hidden by one pattern.
        JsonObject weeks = report(supervisorB, "sessions?period=WEEK" + range);
        for (JsonObject r : weeks.getJsonArray("rows").getValuesAs(JsonObject.class)) {
            assertTrue(suppressed(r).contains("booked") || r.getJsonObject("cells").getInt("booked") == 0,
                    () -> "a week shows B's sessions: " + r);
        }
        assertTrue(weeks.getJsonArray("periods").getValuesAs(JsonObject.class).stream()
                .allMatch(p -> !LocalDate.parse(p.getString("start")).isBefore(month)
                        && !LocalDate.parse(p.getString("end")).isAfter(month.plusMonths(1).minusDays(1))),
                () -> "weeks are cut at the month's ends: " + weeks.getJsonArray("periods"));
        assertEquals(404, supervisorB.get("api/reports/sessions?office=" + officeA).status());
        Api supervisorA = signedIn("SUPERVISOR", officeA, null);
        assertFigures(periodRow(report(supervisorA, "sessions?service=" + service + range), null),
                java.util.Map.of("booked", 10));
        // The partner sees its agency everywhere; another agency's partner nothing of it.
        assertFigures(periodRow(report(partner, "sessions?" + range.substring(1)), null),
                java.util.Map.of("booked", 17));
        long other = created("api/agencies", CatalogueIT.agency(unique("ROT"), "EMPLOYMENT", null));
        assertEquals(404, signedIn("PARTNER", null, other).get("api/reports/sessions?service=" + service).status());
        assertEquals(403, signedIn("COUNTER_STAFF", officeA, null).get("api/reports/sessions").status());

        // Bad input: a clear 400 problem.
        for (String bad : List.of("sessions?period=DAY", "sessions?from=2026-13-01", "sessions?office=abc",
                "sessions?from=2024-01-01&to=2026-12-31", "utilisation?groupBy=SERVICE", "sessions?format=xml",
                // Finer than any report cuts: weeks by service or mode, SSO × service × mode.
                "sessions?period=WEEK&groupBy=SERVICE", "sessions?period=WEEK&mode=VIDEO_REMOTE",
                "sessions?office=" + officeA + "&groupBy=SERVICE&mode=IN_PERSON")) {
            Api.Reply reply = admin.get("api/reports/" + bad);
            assertEquals(400, reply.status(), () -> bad + ": " + reply);
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
        }
        assertEquals(404, admin.get("api/reports/nonsense").status());

        // CSV: the same figures.
        Api.Reply csv = admin.get("api/reports/sessions?format=csv&office=" + officeA + range);
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.contentType().startsWith("text/csv"), csv::toString);
        String[] lines = csv.body().split("\r\n");
        assertTrue(lines[0].startsWith("Period,Group,Booked,Attended"), lines[0]);
        assertTrue(lines[1].startsWith(periodLabel() + ",All,10,6,6,"), lines[1]);
        assertEquals(suppressed(rowA).size(), lines[1].split("< 5", -1).length - 1, "the CSV hides what the JSON does");
        assertTrue(lines[1].contains("< 5"), lines[1]);
    }

    @Test
    void travelLeadTimesSmsAndRoomsAreExact() throws SQLException {
        live();
        String range = "&from=" + month + "&to=" + month.plusMonths(1).minusDays(1);
        JsonObject travel = report(admin, "travel?office=" + officeA + range);
        JsonObject row = periodRow(travel, null);
        assertEquals(6, row.getJsonObject("cells").getInt("sessions"));
        // CatalogueIT's offices all stand at 1.3521/103.9448 and agencies at 1.2966/103.8520; in person at the
        // client's own SSO: the partner's round trip less the short trip to the SSO (the default parameters).
        TravelModel model = new TravelModel(1.3, 25, 10, 5, 2);
        TravelModel.Saving one = model.saved(SessionMode.IN_PERSON, new Coordinates(1.3521, 103.9448),
                new Coordinates(1.3521, 103.9448), new Coordinates(1.2966, 103.8520));
        assertEquals(Math.round(6 * one.km() * 10) / 10.0, row.getJsonObject("cells").getJsonNumber("kmSaved")
                .doubleValue(), 0.05, travel::toString);
        assertEquals(Math.round(6 * one.hours() * 10) / 10.0, row.getJsonObject("cells")
                .getJsonNumber("hoursSaved").doubleValue(), 0.05, travel::toString);
        assertEquals("hoursSaved", travel.getJsonObject("reference").getString("column"));
        assertEquals(33.3, travel.getJsonObject("reference").getJsonNumber("perPeriod").doubleValue(), 0.001);

        JsonObject lead = report(admin, "lead-times?office=" + officeA + range);
        assertEquals(10, periodRow(lead, null).getJsonObject("cells").getInt("sessions"));
        assertEquals(7.0, periodRow(lead, null).getJsonObject("cells").getJsonNumber("leadMedianDays").doubleValue(),
                "every session was booked a week ahead: " + lead);
        assertEquals(7.0, periodRow(lead, null).getJsonObject("cells").getJsonNumber("leadP90Days").doubleValue());
        // Messages as the outbox leaves them: a delivered confirmation each, reminders of which five came back
        // undelivered with the provider's code 30005.
        for (int i = 0; i < arrived.size(); i++) {
            message(arrived.get(i), "CONFIRMATION", "DELIVERED", null);
            message(arrived.get(i), "REMINDER", i < 5 ? "UNDELIVERED" : "DELIVERED", i < 5 ? "30005" : null);
        }
        JsonObject sms = periodRow(report(admin, "sms?office=" + officeA + range), null);
        assertEquals(7, sms.getJsonObject("cells").getInt("smsDelivered"), sms::toString);
        assertEquals(5, sms.getJsonObject("cells").getInt("smsFailed"), sms::toString);
        assertEquals(5, sms.getJsonObject("cells").getInt("failed:30005"), sms::toString);

        // Rooms: 8 sessions of 45 minutes held (the cancelled ones free the room) in one room open 08:30–17:30
        // on the month's working days.
        JsonObject rooms = periodRow(report(admin, "utilisation?groupBy=OFFICE&office=" + officeA + range),
                String.valueOf(officeA));
        double open = 9.0 * workingDays();
        assertEquals(open, rooms.getJsonObject("cells").getJsonNumber("roomOpenHours").doubleValue(), 1e-9,
                "open hours count no client: always shown");
        // The booked hours are the sessions kept × 45 minutes: with A's sessions kept hidden (a box protecting a
        // small figure may move them), they hide too, and so does the utilisation worked out from them.
        if (suppressed(rooms).contains("roomBookedHours")) {
            assertTrue(suppressed(rooms).contains("roomUtilisation"), rooms::toString);
        } else {
            assertEquals(6.0, rooms.getJsonObject("cells").getJsonNumber("roomBookedHours").doubleValue(), 1e-9);
            assertEquals(Math.round(1000 * 6.0 / open) / 10.0, rooms.getJsonObject("cells")
                    .getJsonNumber("roomUtilisation").doubleValue(), 1e-9, rooms::toString);
        }
        assertTrue(rooms.getJsonObject("cells").isNull("advisorBookedHours"), "advisors are counted by agency");
        // First free slot: searched now over the service's horizon, at the SSOs in view.
        LocalDate day = BookingIT.workingDay(admin);
        created("api/advisors/" + advisor + "/rules", AvailabilityIT.rule(BookingIT.byDay(day), "09:00", "12:00",
                officeA, "IN_PERSON"));
        JsonObject first = report(admin, "first-free-slot?office=" + officeA);
        JsonObject slot = first.getJsonArray("rows").stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("group").equals(String.valueOf(service))).findFirst().orElseThrow();
        var at = Instant.parse(slot.getJsonObject("cells").getString("firstSlotAt")).atZone(SINGAPORE);
        assertEquals(day.getDayOfWeek(), at.getDayOfWeek(), first::toString);
        assertEquals(LocalTime.of(9, 0), at.toLocalTime(), first::toString);
        assertTrue(slot.getJsonObject("cells").getJsonNumber("daysToFirstSlot").doubleValue() <= 15, first::toString);
        assertEquals(404, signedIn("SUPERVISOR", officeB, null).get("api/reports/first-free-slot?office=" + officeA)
                .status());
        for (String name : List.of("sms", "utilisation", "first-free-slot")) {
            Api.Reply reply = admin.get("api/reports/" + name + "?office=" + officeA + range);
            assertEquals(200, reply.status(), () -> name + ": " + reply);
        }
    }

    private String periodLabel() {
        return month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) + " "
                + month.getYear();
    }

    /** A report; while the roll-ups are rebuilt (after setUp asked for it) the answer is 503 with Retry-After. */
    private static JsonObject report(Api api, String path) {
        Api.Reply reply = api.get("api/reports/" + path);
        for (int i = 0; i < 120 && reply.status() == 503; i++) {
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
            assertTrue(reply.headers().firstValue("Retry-After").isPresent(), reply::toString);
            sleep();
            reply = api.get("api/reports/" + path);
        }
        Api.Reply answered = reply;
        assertEquals(200, answered.status(), () -> path + ": " + answered);
        return answered.json();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The row of the first period for a group (null = all groups). */
    private JsonObject periodRow(JsonObject report, String group) {
        String period = month.toString().substring(0, 7);
        return report.getJsonArray("rows").stream().map(JsonObject.class::cast)
                .filter(r -> !r.isNull("period") && r.getString("period").equals(period))
                .filter(r -> group == null ? r.isNull("group") : !r.isNull("group") && r.getString("group")
                        .equals(group))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + period + "/" + group + ": " + report));
    }

    /** Each figure is exactly as expected, or hidden; hidden it must be when it counts 1 to 4 clients. */
    private static void assertFigures(JsonObject row, java.util.Map<String, Integer> expected) {
        expected.forEach((key, value) -> {
            if (suppressed(row).contains(key)) {
                return;
            }
            assertTrue(value == 0 || value >= 5, () -> key + " = " + value + " counts fewer than 5 clients and is "
                    + "shown: " + row);
            assertEquals(value, row.getJsonObject("cells").getInt(key), () -> key + ": " + row);
        });
    }

    /** The sums within a sessions row: none may have exactly one hidden figure (one subtraction would show it). */
    private static void assertNoSumGivesAHiddenFigureAway(JsonObject row) {
        for (List<String> sum : List.of(List.of("booked", "attended", "noShows", "cancelled", "open"),
                List.of("cancelled", "cancelledByCounter", "cancelledByPartner", "cancelledByClient"))) {
            long hidden = sum.stream().filter(suppressed(row)::contains).count();
            assertTrue(hidden != 1, () -> sum + " has one hidden figure: " + row);
        }
    }

    private static List<String> suppressed(JsonObject row) {
        return row.getJsonArray("suppressed").stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }

    private long insert(long office, long room, long client, String status, boolean confirmed, int hour)
            throws SQLException {
        Instant start = month.plusDays(9 + hour / 6).atTime(LocalTime.of(9 + hour % 6, 0)).atZone(SINGAPORE)
                .toInstant();
        try (Connection db = DriverManager.getConnection(System.getenv("LINKUP_DB_URL"), "root", "");
             var insert = db.prepareStatement("INSERT INTO booking (status, service_id, office_id, session_mode, "
                     + "advisor_id, room_id, client_id, starts_at, ends_at, checked_in_at, client_confirmed_at, "
                     + "created_by, created_at) VALUES (?, ?, ?, 'IN_PERSON', ?, ?, ?, ?, ?, ?, ?, 'it', ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, status);
            insert.setLong(2, service);
            insert.setLong(3, office);
            insert.setLong(4, advisor);
            insert.setLong(5, room);
            insert.setLong(6, client);
            insert.setTimestamp(7, Timestamp.from(start));
            insert.setTimestamp(8, Timestamp.from(start.plusSeconds(45 * 60)));
            insert.setTimestamp(9, status.equals("CHECKED_IN") ? Timestamp.from(start.minusSeconds(300)) : null);
            insert.setTimestamp(10, confirmed ? Timestamp.from(start.minusSeconds(86_400)) : null);
            insert.setTimestamp(11, Timestamp.from(start.minusSeconds(7 * 86_400)));
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void message(long booking, String kind, String delivery, String code) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection db = DriverManager.getConnection(System.getenv("LINKUP_DB_URL"), "root", "");
             var insert = db.prepareStatement("INSERT INTO notification (booking_id, client_id, kind, channel, "
                     + "recipient, language, due_at, status, delivery, last_error, created_at, sent_at, updated_at) "
                     + "SELECT id, client_id, ?, 'SMS', '+6591234567', 'EN', ?, 'SENT', ?, ?, ?, ?, ? FROM booking "
                     + "WHERE id = ?")) {
            insert.setString(1, kind);
            insert.setTimestamp(2, now);
            insert.setString(3, delivery);
            insert.setString(4, code == null ? null : "provider error " + code);
            insert.setTimestamp(5, now);
            insert.setTimestamp(6, now);
            insert.setTimestamp(7, now);
            insert.setLong(8, booking);
            insert.executeUpdate();
        }
    }

    /** Weekdays of the month that are not public holidays, as the service's calendar has them. */
    private int workingDays() throws SQLException {
        int days = 0;
        try (Connection db = DriverManager.getConnection(System.getenv("LINKUP_DB_URL"), "root", "");
             var holidays = db.prepareStatement("SELECT COUNT(*) FROM public_holiday WHERE day = ?")) {
            for (LocalDate d = month; d.getMonth() == month.getMonth(); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() >= 6) {
                    continue;
                }
                holidays.setObject(1, d);
                try (var rows = holidays.executeQuery()) {
                    rows.next();
                    days += rows.getInt(1) == 0 ? 1 : 0;
                }
            }
        }
        return days;
    }

    private static void sql(String statement) throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getenv("LINKUP_DB_URL"), "root", "");
             var s = db.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private Api signedIn(String role, Long office, Long agency) {
        String username = "r" + UUID.randomUUID().toString().substring(0, 8);
        created("api/staff", """
                {"username":"%s","displayName":"Test %s","role":"%s","officeIds":[%s],%s"password":"%s"}"""
                .formatted(username, role, role, office == null ? "" : office,
                        agency == null ? "" : "\"agencyId\":" + agency + ",", PASSWORD));
        return admin.as(username, PASSWORD);
    }

    private long created(String path, String body) {
        var reply = admin.post(path, body);
        assertEquals(201, reply.status(), () -> path + " " + reply);
        return reply.id();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
