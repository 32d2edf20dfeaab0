package sg.linkup.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalogue is served from memory (CatalogueCache), and a change made through the API is used by the very next
 * search and the very next booking — each one warmed the cache with the old catalogue first. One node is enough:
 * every request reads the database's change stamp itself, so a second node would do exactly what this one does.
 */
@ExtendWith(SharedApp.class)
class CatalogueChangeIT {

    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
    /** Every catalogue table, by the start of its name; a new table called so must stamp its changes too. */
    private static final List<String> CATALOGUE_PREFIXES = List.of("office", "room", "partner_agency", "service",
            "advisor", "availability_rule", "blackout", "public_holiday");

    /** The shared server's address, set by {@link SharedApp}. */
    URL deployment;

    private Api api;
    private long office;
    private long agency;
    private long service;
    private long advisor;
    private long rule;
    private LocalDate day;

    @BeforeEach
    void setUp() {
        api = new Api(deployment);
        day = BookingIT.workingDay(api);
        office = api.post("api/offices", CatalogueIT.office(unique("SSO"), "SSO@Change")).id();
        agency = api.post("api/agencies", CatalogueIT.agency(unique("AG"), "EMPLOYMENT", null)).id();
        service = api.post("api/services", CatalogueIT.service(agency, unique("SVC"))).id();
        advisor = api.post("api/advisors", CatalogueIT.advisor(agency, unique("a").toLowerCase(Locale.ROOT)
                + "@example.org", List.of(service))).id();
        var created = api.post(rules(), ruleJson("09:00", "12:00"));
        assertEquals(201, created.status(), created::toString);
        rule = created.id();
        // Warm: what follows must not be served from what these searches put in memory.
        assertEquals("09:00", starts().get(0));
    }

    @Test
    void aChangedRuleIsUsedByTheVeryNextSearchAndBooking() {
        var changed = api.put(rules() + "/" + rule, ruleJson("14:00", "16:00"));
        assertEquals(200, changed.status(), changed::toString);

        assertEquals(List.of("14:00", "14:15", "14:30", "14:45", "15:00", "15:15"), starts());
        assertRefused(book("09:00"));
        assertEquals(201, book("14:00").status());
    }

    @Test
    void anOfficeClosureIsUsedByTheVeryNextSearchAndBooking() {
        var closed = api.post("api/offices/" + office + "/closures",
                "{\"firstDay\":\"%s\",\"lastDay\":\"%s\",\"reason\":\"Flooded\"}".formatted(day, day));
        assertEquals(201, closed.status(), closed::toString);

        assertEquals(List.of(), starts());
        assertRefused(book("09:00"));

        assertEquals(204, api.delete("api/offices/" + office + "/closures/" + closed.id()).status());
        assertEquals("09:00", starts().get(0));
        assertEquals(201, book("09:00").status());
    }

    @Test
    void anAdvisorsLeaveIsUsedByTheVeryNextSearchAndBooking() {
        var leave = api.post("api/advisors/" + advisor + "/blackouts",
                AvailabilityIT.blackout(day + "T09:00", day + "T10:00", "Dentist"));
        assertEquals(201, leave.status(), leave::toString);

        assertEquals("10:00", starts().get(0));
        assertRefused(book("09:00"));
        assertEquals(201, book("10:00").status());
    }

    @Test
    void anAgencyClosureIsUsedByTheVeryNextSearchAndBooking() {
        var closure = api.post("api/agencies/" + agency + "/closures",
                AvailabilityIT.blackout(day.toString(), day.toString(), "Staff retreat"));
        assertEquals(201, closure.status(), closure::toString);

        assertEquals(List.of(), starts());
        assertRefused(book("09:00"));
    }

    @Test
    void aServicesNewLengthIsUsedByTheVeryNextSearchAndBooking() {
        var longer = api.put("api/services/" + service, CatalogueIT.service(agency, code())
                .replace("\"durationMinutes\":45", "\"durationMinutes\":90"));
        assertEquals(200, longer.status(), longer::toString);

        List<JsonObject> slots = slots();
        assertEquals("10:30", time(slots.get(slots.size() - 1)), "a 90-minute session ends by 12:00");
        assertEquals(Duration.ofMinutes(90), length(slots.get(0)));
        assertRefused(book("10:45"));
        var booked = book("10:30");
        assertEquals(201, booked.status(), booked::toString);
        assertEquals(Duration.ofMinutes(90), length(booked.json()));
    }

    @Test
    void aDeactivatedAdvisorIsUsedByTheVeryNextSearchAndBooking() {
        assertEquals(200, api.post("api/advisors/" + advisor + "/deactivate", "").status());

        assertEquals(List.of(), starts());
        assertRefused(book("09:00"));
    }

    /** A writer that bypasses the application (an operator's SQL) is seen as well: the database stamps it. */
    @Test
    void aChangeMadeInSqlIsUsedByTheVeryNextSearch() throws SQLException {
        try (Connection db = BookingIT.db(); Statement statement = db.createStatement()) {
            assertEquals(1, statement.executeUpdate("UPDATE availability_rule SET start_time = '13:00:00', "
                    + "end_time = '14:00:00' WHERE id = " + rule));
        }

        assertEquals(List.of("13:00", "13:15"), starts());
    }

    /**
     * The race the booking's own check must win: the booking read the catalogue before a rule change committed
     * (the change was still open, so invisible), and it commits after. The change here is held open in SQL until
     * the booking waits on it, then committed: the booking sees it before it commits and refuses the slot the
     * rule no longer offers.
     */
    @Test
    void aRuleChangeCommittedWhileABookingIsCheckedIsSeenBeforeTheBookingCommits() throws Exception {
        assertEquals(409, bookWhileOpen("UPDATE availability_rule SET start_time = '14:00:00', end_time = "
                + "'16:00:00' WHERE id = " + rule, "09:00").status());
        assertEquals("14:00", starts().get(0));
    }

    /** The same race with a change that leaves the slot offered (a renamed office): the booking stands. */
    @Test
    void aChangeThatLeavesTheSlotOfferedLetsTheWaitingBookingThrough() throws Exception {
        var booked = bookWhileOpen("UPDATE office SET name = 'SSO@Renamed' WHERE id = " + office, "09:00");
        assertEquals(201, booked.status(), booked::toString);
        assertFalse(starts().contains("09:00"), "09:00 is taken by the booking that went through");
    }

    /**
     * Runs {@code change} in an open transaction (its trigger then holds the catalogue stamp), books at
     * {@code time} meanwhile, commits the change once the booking waits for the stamp (or has answered without
     * waiting, which fails the callers' expectations), and returns the booking's answer.
     */
    private Api.Reply bookWhileOpen(String change, String time) throws Exception {
        try (Connection db = BookingIT.db(); Connection watch = BookingIT.db();
             Statement statement = db.createStatement(); Statement waits = watch.createStatement()) {
            db.setAutoCommit(false);
            assertEquals(1, statement.executeUpdate(change));
            CompletableFuture<Api.Reply> booking = CompletableFuture.supplyAsync(() -> book(time));
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            boolean waiting = false;
            while (!waiting && !booking.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                try (ResultSet rows = waits.executeQuery("SELECT COUNT(*) FROM information_schema.INNODB_TRX "
                        + "WHERE trx_state = 'LOCK WAIT'")) {
                    rows.next();
                    waiting = rows.getLong(1) > 0;
                }
            }
            db.commit();
            assertTrue(waiting, "the booking waited for the open catalogue change");
            return booking.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyCatalogueTableStampsItsInsertsUpdatesAndDeletes() throws SQLException {
        Map<String, Set<String>> events = new HashMap<>();
        List<String> catalogueTables = new ArrayList<>();
        try (Connection db = BookingIT.db(); Statement statement = db.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT event_object_table, event_manipulation, "
                    + "action_statement FROM information_schema.TRIGGERS WHERE trigger_schema = DATABASE()")) {
                while (rows.next()) {
                    if (rows.getString(3).contains("catalogue_stamp")) {
                        events.computeIfAbsent(rows.getString(1), t -> new TreeSet<>()).add(rows.getString(2));
                    }
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.TABLES "
                    + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    String table = rows.getString(1).toLowerCase(Locale.ROOT);
                    if (CATALOGUE_PREFIXES.stream().anyMatch(table::startsWith)) {
                        catalogueTables.add(table);
                    }
                }
            }
        }
        assertTrue(catalogueTables.size() >= 15, catalogueTables::toString);
        for (String table : catalogueTables) {
            assertEquals(Set.of("DELETE", "INSERT", "UPDATE"), events.getOrDefault(table, Set.of()),
                    table + " changes the catalogue, so every change to it must move catalogue_stamp");
        }
    }

    @Test
    void aRolledBackChangeLeavesAStampNoCommitWillEverHave() throws SQLException {
        try (Connection db = BookingIT.db(); Statement statement = db.createStatement()) {
            String before = stamp(statement);
            db.setAutoCommit(false);
            statement.executeUpdate("UPDATE office SET name = 'SSO@Renamed' WHERE id = " + office);
            String uncommitted = stamp(statement);
            db.rollback();
            assertEquals(before, stamp(statement));
            statement.executeUpdate("UPDATE office SET name = 'SSO@Renamed again' WHERE id = " + office);
            db.commit();
            String after = stamp(statement);

            assertNotEquals(before, uncommitted);
            assertNotEquals(uncommitted, after, "a value handed out once is never handed out again");
            assertNotEquals(before, after);
        }
    }

    // --- helpers ---

    private static String stamp(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT stamp FROM catalogue_stamp WHERE id = 1")) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    private String code() {
        return api.get("api/services/" + service).json().getString("code");
    }

    private String rules() {
        return "api/advisors/" + advisor + "/rules";
    }

    private String ruleJson(String start, String end) {
        return AvailabilityIT.rule(BookingIT.byDay(day), start, end, office, "IN_PERSON", "VIDEO_REMOTE");
    }

    private List<JsonObject> slots() {
        var reply = api.get("api/slots?service=" + service + "&office=" + office + "&mode=VIDEO_REMOTE&from=" + day
                + "&to=" + day + "&limit=500");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("slots").stream().map(JsonObject.class::cast).toList();
    }

    private List<String> starts() {
        return slots().stream().map(CatalogueChangeIT::time).toList();
    }

    private static String time(JsonObject slot) {
        return slot.getString("start").substring(11, 16);
    }

    private static Duration length(JsonObject slotOrBooking) {
        return Duration.between(OffsetDateTime.parse(slotOrBooking.getString("start")),
                OffsetDateTime.parse(slotOrBooking.getString("end")));
    }

    /** Books a fresh client of the office, video from home, with the advisor named, at a Singapore time. */
    private Api.Reply book(String time) {
        long client = api.post("api/clients", CatalogueIT.client(office, "Client", CatalogueIT.mobile(), null)).id();
        return api.post("api/bookings", """
                {"serviceId":%d,"officeId":%d,"mode":"VIDEO_REMOTE","start":"%s","advisorId":%d,"clientId":%d}"""
                .formatted(service, office, day.atTime(LocalTime.parse(time)).atZone(SINGAPORE).toOffsetDateTime(),
                        advisor, client));
    }

    private static void assertRefused(Api.Reply reply) {
        assertEquals(409, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
