package sg.linkup.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Availability and slot search over HTTP against the deployed WAR and a real MariaDB. Bookings do not exist
 * yet as an API, so occupied time is written straight into the occupancy ledger's table, as a booking will.
 * Each test builds its own office, agency, service and advisor, and works on a weekday 1–3 weeks ahead that
 * is not a public holiday.
 */
@ExtendWith(SharedApp.class)
class AvailabilityIT {

    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

    /** The shared server's address, set by {@link SharedApp}. */
    URL deployment;

    Api api;
    Setting at;

    /** One office with an interview room and a video room, one advisor, one 45-minute service. */
    record Setting(long office, long interviewRoom, long videoRoom, long agency, long service, long advisor,
                   LocalDate day) {
    }

    @BeforeEach
    void setUp() {
        api = new Api(deployment);
        at = setting();
    }

    // --- rules ---

    @Test
    void overlappingRulesOfOneAdvisorAreRefusedAndTouchingOnesAreNot() {
        String weekday = byDay(at.day);
        var first = api.post(rules(at.advisor), rule(weekday, "09:00", "12:00", at.office, "IN_PERSON"));
        assertEquals(201, first.status(), first::toString);

        var overlapping = api.post(rules(at.advisor), rule(weekday, "11:00", "14:00", null, "VIDEO_AT_SSO"));
        assertEquals(409, overlapping.status(), overlapping::toString);
        assertTrue(overlapping.isProblem());
        assertTrue(overlapping.json().getString("detail").contains("overlaps availability rule " + first.id()),
                overlapping::toString);

        var touching = api.post(rules(at.advisor), rule(weekday, "12:00", "15:00", null, "VIDEO_AT_SSO"));
        assertEquals(201, touching.status(), touching::toString);
        assertEquals(2, api.get(rules(at.advisor)).structure().asJsonArray().size());

        assertEquals(204, api.delete(rules(at.advisor) + "/" + touching.id()).status());
        assertEquals(1, api.get(rules(at.advisor)).structure().asJsonArray().size());
    }

    @Test
    void aRuleGivenAsDaysAndWeeksIsStoredAsItsRruleAndAnsweredAsBoth() {
        var created = api.post(rules(at.advisor), """
                {"weekdays":["THURSDAY","MONDAY"],"everyWeeks":2,"startTime":"09:00","endTime":"12:00",
                 "validFrom":"%s","modes":["VIDEO_AT_SSO"]}""".formatted(LocalDate.now(SINGAPORE)));
        assertEquals(201, created.status(), created::toString);
        JsonObject rule = created.json();
        assertEquals("FREQ=WEEKLY;BYDAY=MO,TH;INTERVAL=2", rule.getString("rrule"));
        assertEquals(List.of("MONDAY", "THURSDAY"), rule.getJsonArray("weekdays").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(2, rule.getInt("everyWeeks"));

        var monthly = api.post(rules(at.advisor), rule("MO", "13:00", "14:00", null, "VIDEO_AT_SSO")
                .replace("FREQ=WEEKLY;BYDAY=MO", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1"));
        assertEquals(201, monthly.status(), monthly::toString);
        assertTrue(absent(monthly.json(), "weekdays"),
                "a rule the form cannot say has no weekdays: " + monthly);
    }

    @Test
    void aRuleWithBothAnRruleAndDaysOrNeitherIsRefused() {
        String both = rule("MO", "09:00", "12:00", null, "VIDEO_AT_SSO").replace("{", "{\"weekdays\":[\"MONDAY\"],");
        var refused = api.post(rules(at.advisor), both);
        assertEquals(400, refused.status(), refused::toString);
        assertEquals(List.of("rrule"), fields(refused.json()));
        assertTrue(refused.json().getJsonArray("violations").getJsonObject(0).getString("message").contains("not both"));

        String neither = rule("MO", "09:00", "12:00", null, "VIDEO_AT_SSO").replace("\"rrule\":\"FREQ=WEEKLY;BYDAY=MO\",", "");
        assertEquals(List.of("weekdays"), fields(api.post(rules(at.advisor), neither).json()));
        assertEquals(List.of("everyWeeks"), fields(api.post(rules(at.advisor), neither.replace("{",
                "{\"weekdays\":[\"MONDAY\"],\"everyWeeks\":0,")).json()));
        assertEquals(0, api.get(rules(at.advisor)).structure().asJsonArray().size(), "nothing stored");
    }

    @Test
    void anOverlapNamesTheOtherRuleAndTheDate() {
        String weekday = byDay(at.day);
        long first = api.post(rules(at.advisor), rule(weekday, "09:00", "12:00", at.office, "IN_PERSON")).id();
        var overlapping = api.post(rules(at.advisor), rule(weekday, "11:00", "14:00", null, "VIDEO_AT_SSO"));
        assertEquals(409, overlapping.status(), overlapping::toString);
        assertEquals(first, overlapping.json().getJsonNumber("ruleId").longValue());
        assertTrue(overlapping.json().getString("date").matches("\\d{4}-\\d\\d-\\d\\d"), overlapping::toString);
    }

    @Test
    void theWithdrawalOfARuleChangedMeanwhileIsRefused() {
        var created = api.post(rules(at.advisor), rule("MO", "09:00", "12:00", null, "VIDEO_AT_SSO"));
        String path = rules(at.advisor) + "/" + created.id();
        String seen = created.header("ETag");
        assertEquals(200, api.send(api.json(path).header("If-Match", seen)
                .PUT(HttpRequest.BodyPublishers.ofString(rule("TU", "09:00", "12:00", null, "VIDEO_AT_SSO"))))
                .status());
        assertEquals(412, api.send(api.request(path).header("If-Match", seen).DELETE()).status());
        assertEquals(200, api.get(path).status(), "still there");
    }

    @Test
    void thePreviewShowsTheSessionsAnUnsavedRuleWouldOpenAndItsClashWithoutStoringIt() {
        long kept = api.post(rules(at.advisor), """
                {"weekdays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"startTime":"14:00","endTime":"16:00",
                 "validFrom":"%s","modes":["VIDEO_AT_SSO"]}""".formatted(LocalDate.now(SINGAPORE))).id();
        String draft = """
                {"weekdays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"everyWeeks":1,"startTime":"09:00",
                 "endTime":"10:30","validFrom":"%s","modes":["IN_PERSON"],"officeId":%d}"""
                .formatted(LocalDate.now(SINGAPORE), at.office);

        var preview = api.post(rules(at.advisor) + "/preview", draft);
        assertEquals(200, preview.status(), preview::toString);
        JsonObject answer = preview.json();
        assertEquals(at.service, answer.getJsonObject("service").getJsonNumber("id").longValue());
        assertEquals(14, answer.getJsonArray("days").size(), "every day of the fortnight, empty ones too");
        List<JsonObject> sessions = answer.getJsonArray("days").stream()
                .flatMap(d -> d.asJsonObject().getJsonArray("sessions").stream()).map(JsonObject.class::cast).toList();
        List<JsonObject> drafted = sessions.stream().filter(s -> s.getBoolean("thisRule")).toList();
        assertTrue(!drafted.isEmpty(), "the draft opens in-person sessions: " + answer);
        for (JsonObject session : drafted) {
            assertEquals("IN_PERSON", session.getString("mode"));
            assertEquals(at.office, session.getJsonObject("office").getJsonNumber("id").longValue());
            String time = session.getString("start").substring(11, 16);
            assertTrue(List.of("09:00", "09:15", "09:30", "09:45").contains(time), time);
        }
        assertTrue(sessions.stream().anyMatch(s -> !s.getBoolean("thisRule") && s.getString("mode").equals("VIDEO_AT_SSO")),
                "the saved rule's sessions are there too: " + answer);
        assertTrue(absent(answer, "clash"), answer::toString);
        assertEquals(1, api.get(rules(at.advisor)).structure().asJsonArray().size(), "nothing stored");

        var clashing = api.post(rules(at.advisor) + "/preview", draft.replace("10:30", "15:00"));
        assertEquals(200, clashing.status(), clashing::toString);
        JsonObject clash = clashing.json().getJsonObject("clash");
        assertEquals(kept, clash.getJsonNumber("ruleId").longValue());
        assertTrue(clash.getString("startTime").startsWith("14:00"), clash::toString);

        var replacing = api.post(rules(at.advisor) + "/preview?replacing=" + kept, draft.replace("10:30", "15:00"));
        assertTrue(absent(replacing.json(), "clash"), "the rule being edited does not clash with itself");

        var refused = api.post(rules(at.advisor) + "/preview", draft.replace("\"MONDAY\",", "").replace(
                "[\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]", "[]"));
        assertEquals(400, refused.status(), refused::toString);
        assertEquals(List.of("weekdays"), fields(refused.json()));
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        assertEquals(List.of("rrule"), fields(api.post(rules(at.advisor),
                rule(null, "09:00", "12:00", at.office, "IN_PERSON").replace("\"FREQ=WEEKLY;BYDAY=null\"",
                        "\"FREQ=SOMETIMES\"")).json()));
        assertEquals(List.of("office"), fields(api.post(rules(at.advisor),
                rule("MO", "09:00", "12:00", null, "IN_PERSON")).json()));
        assertEquals(List.of("endTime"), fields(api.post(rules(at.advisor),
                rule("MO", "12:00", "09:00", at.office, "IN_PERSON")).json()));
        assertEquals(List.of("officeId"), fields(api.post(rules(at.advisor),
                rule("MO", "09:00", "12:00", 987654321L, "IN_PERSON")).json()));
        assertEquals(404, api.post(rules(987654321L), rule("MO", "09:00", "12:00", at.office, "IN_PERSON")).status());
        assertEquals(0, api.get(rules(at.advisor)).structure().asJsonArray().size(), "nothing stored");
    }

    // --- slot search ---

    @Test
    void inPersonSlotsFillTheRuleOnTheGridInTheInterviewRoomFirst() {
        addRule("09:00", "12:00", at.office, "IN_PERSON", "VIDEO_AT_SSO");

        var reply = api.get(slots("IN_PERSON"));
        assertEquals(200, reply.status(), reply::toString);
        assertNotNull(reply.header("Server-Timing"));
        List<JsonObject> found = slotList(reply.json());
        // 45-minute sessions on a 15-minute grid inside 09:00–12:00: 09:00 … 11:15.
        assertEquals(List.of("09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45", "11:00",
                "11:15"), starts(found));
        JsonObject first = found.get(0);
        assertEquals(at.interviewRoom, first.getJsonObject("room").getJsonNumber("id").longValue());
        assertEquals(at.advisor, first.getJsonObject("advisor").getJsonNumber("id").longValue());
        assertTrue(first.getString("start").endsWith("+08:00"), "shown in Singapore time");
    }

    @Test
    void bookedTimeAndLiveHoldsAreNotOfferedButExpiredHoldsAre() throws SQLException {
        addRule("09:00", "12:00", at.office, "IN_PERSON", "VIDEO_AT_SSO");
        // A booking of the advisor 10:00–11:00 (its rows include buffers, as the ledger writes them).
        occupy("ADVISOR", at.advisor, "10:00", "11:00", 900_001, null);
        // The interview room is held until tomorrow; the video room's hold lapsed a minute ago.
        occupy("ROOM", at.interviewRoom, "09:00", "12:00", 900_002, Instant.now().plusSeconds(86_400));
        occupy("ROOM", at.videoRoom, "09:00", "12:00", 900_003, Instant.now().minusSeconds(60));

        List<JsonObject> found = slotList(api.get(slots("IN_PERSON")).json());
        // A session at t occupies the advisor for [t, t+45+15 buffer): only 09:00 ends by 10:00; from 11:00 on.
        assertEquals(List.of("09:00", "11:00", "11:15"), starts(found));
        for (JsonObject slot : found) {
            assertEquals(at.videoRoom, slot.getJsonObject("room").getJsonNumber("id").longValue(),
                    "the held interview room is not offered");
        }
    }

    @Test
    void theClientsOwnSessionsAreLeftOut() throws SQLException {
        addRule("09:00", "12:00", at.office, "IN_PERSON");
        long client = api.post("api/clients", CatalogueIT.client(at.office, "Siti", "+65 " + CatalogueIT.mobile(), null)).id();
        occupy("CLIENT", client, "09:30", "10:15", 900_010, null);

        List<JsonObject> found = slotList(api.get(slots("IN_PERSON") + "&client=" + client).json());
        assertEquals(List.of("10:15", "10:30", "10:45", "11:00", "11:15"), starts(found));
    }

    @Test
    void videoAtSsoNeedsAVideoRoomAndRemoteNeedsNone() {
        addRule("14:00", "15:00", null, "VIDEO_AT_SSO", "VIDEO_REMOTE");

        List<JsonObject> found = slotList(api.get(slots(null)).json());
        // Per start: VIDEO_AT_SSO first (the default), then VIDEO_REMOTE; no IN_PERSON (the rule is video only).
        assertEquals(List.of("14:00 VIDEO_AT_SSO", "14:00 VIDEO_REMOTE", "14:15 VIDEO_AT_SSO", "14:15 VIDEO_REMOTE"),
                found.stream().map(s -> time(s) + " " + s.getString("mode")).toList());
        assertEquals(at.videoRoom, found.get(0).getJsonObject("room").getJsonNumber("id").longValue());
        assertTrue(!found.get(1).containsKey("room") || found.get(1).isNull("room"), "no room for VIDEO_REMOTE");
    }

    @Test
    void severalOfficesGiveTheEarliestSessionAtAnyOfThem() {
        long second = api.post("api/offices", CatalogueIT.office(unique("SSO"), "SSO@Second")).id();
        long secondRoom = api.post("api/rooms", CatalogueIT.room(second, "Video 1", "VIDEO_ROOM")).id();
        addRule("09:00", "10:00", null, "VIDEO_AT_SSO");
        // The only video room of the first office is taken 09:00–09:15, so 09:00 is offered at the second office
        // only; from 09:15 both offices can, the first one asked first.
        occupyQuietly("ROOM", at.videoRoom, "09:00", "09:15", 900_020);

        var reply = api.get("api/slots?service=" + at.service + "&office=" + at.office + "," + second
                + "&mode=VIDEO_AT_SSO&from=" + at.day + "&to=" + at.day);
        List<JsonObject> found = slotList(reply.json());
        assertEquals("09:00", time(found.get(0)));
        assertEquals(second, found.get(0).getJsonObject("office").getJsonNumber("id").longValue());
        assertEquals(secondRoom, found.get(0).getJsonObject("room").getJsonNumber("id").longValue());
        assertEquals(List.of("09:00", "09:15", "09:15"), starts(found), reply::toString);
        assertEquals(at.office, found.get(1).getJsonObject("office").getJsonNumber("id").longValue());
    }

    @Test
    void leaveAndAgencyClosuresRemoveSlotsAndShowTheBookingsTheyHit() throws SQLException {
        addRule("09:00", "12:00", at.office, "IN_PERSON");
        occupy("ADVISOR", at.advisor, "09:00", "10:00", 900_030, null);

        String leave = blackout(at.day + "T10:00", at.day + "T12:00", "Medical appointment");
        var preview = api.post("api/advisors/" + at.advisor + "/blackouts/impact", leave);
        assertEquals(200, preview.status(), preview::toString);
        assertTrue(preview.json().getJsonArray("collisions").isEmpty(), "the 09:00 booking ends at 10:00");
        assertEquals(0, api.get("api/advisors/" + at.advisor + "/blackouts").structure().asJsonArray().size(),
                "a preview stores nothing");

        var wider = api.post("api/advisors/" + at.advisor + "/blackouts/impact",
                blackout(at.day.toString(), at.day.toString(), "Annual leave"));
        assertEquals(900_030, wider.json().getJsonArray("collisions").getJsonObject(0).getInt("bookingId"));

        var stored = api.post("api/advisors/" + at.advisor + "/blackouts", leave);
        assertEquals(201, stored.status(), stored::toString);
        assertEquals(List.of(), starts(slotList(api.get(slots("IN_PERSON")).json())),
                "09:00 is booked and 10:00–12:00 is leave");

        var moved = api.put("api/advisors/" + at.advisor + "/blackouts/" + stored.id(),
                blackout(at.day + "T11:30", at.day + "T12:00", "Medical appointment"));
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(List.of("10:00", "10:15", "10:30"), starts(slotList(api.get(slots("IN_PERSON")).json())),
                "a session with its 15-minute buffer must end by 11:30");
        assertEquals(404, api.put("api/agencies/" + at.agency + "/closures/" + stored.id(),
                blackout(at.day.toString(), at.day.toString(), "Not a closure")).status(), "leave is no closure");

        assertEquals(204, api.delete("api/advisors/" + at.advisor + "/blackouts/" + stored.id()).status());
        assertEquals(List.of("10:00", "10:15", "10:30", "10:45", "11:00", "11:15"),
                starts(slotList(api.get(slots("IN_PERSON")).json())), "free again after the leave is withdrawn");

        var closure = api.post("api/agencies/" + at.agency + "/closures",
                blackout(at.day.toString(), at.day.toString(), "Staff retreat"));
        assertEquals(201, closure.status(), closure::toString);
        assertEquals(1, closure.json().getJsonArray("collisions").size());
        assertEquals(List.of(), starts(slotList(api.get(slots("IN_PERSON")).json())));
    }

    @Test
    void officeClosuresAndPublicHolidaysHaveNoSlots() {
        addRule("09:00", "12:00", at.office, "IN_PERSON");
        var closed = api.post("api/offices/" + at.office + "/closures",
                "{\"firstDay\":\"%s\",\"lastDay\":\"%s\",\"reason\":\"Renovation\"}".formatted(at.day, at.day));
        assertEquals(201, closed.status(), closed::toString);
        assertEquals(0, slotList(api.get(slots("IN_PERSON")).json()).size());
        api.delete("api/offices/" + at.office + "/closures/" + closed.id());
        assertEquals(10, slotList(api.get(slots("IN_PERSON")).json()).size());

        int year = at.day.getYear();
        var before = api.get("api/holidays?year=" + year).structure().asJsonArray();
        String withOurDay = calendar(before.stream().map(JsonObject.class::cast)
                .map(h -> new String[] {h.getString("day"), h.getString("name")}).toList(), at.day);
        var imported = api.send(api.request("api/holidays")
                .header("Content-Type", "text/calendar").PUT(HttpRequest.BodyPublishers.ofString(withOurDay)));
        assertEquals(200, imported.status(), imported::toString);
        try {
            assertEquals(before.size() + 1, imported.json().getInt("days"));
            assertEquals(0, slotList(api.get(slots("IN_PERSON")).json()).size(), "a public holiday");
        } finally {
            String original = calendar(before.stream().map(JsonObject.class::cast)
                    .map(h -> new String[] {h.getString("day"), h.getString("name")}).toList(), null);
            api.send(api.request("api/holidays")
                    .header("Content-Type", "text/calendar").PUT(HttpRequest.BodyPublishers.ofString(original)));
        }
        assertEquals(before.size(), api.get("api/holidays?year=" + year).structure().asJsonArray().size());
    }

    @Test
    void theBuiltInHolidayCalendarCoversThreeYears() {
        for (int year = 2025; year <= 2027; year++) {
            var holidays = api.get("api/holidays?year=" + year).structure().asJsonArray();
            assertTrue(holidays.size() >= 10, year + ": " + holidays);
        }
        var days = api.get("api/holidays?year=2026").structure().asJsonArray().stream()
                .map(h -> h.asJsonObject().getString("day")).collect(Collectors.toSet());
        assertTrue(days.containsAll(Set.of("2026-08-10", "2026-02-17", "2026-12-25")), days::toString);
    }

    @Test
    void badSearchesAreRefusedNamingTheParameter() {
        String base = "api/slots?office=" + at.office;
        assertEquals(List.of("service"), fields(api.get(base).json()));
        assertEquals(List.of("service"), fields(api.get(base + "&service=987654321").json()));
        String ok = base + "&service=" + at.service;
        assertEquals(List.of("office"), fields(api.get("api/slots?service=" + at.service).json()));
        assertEquals(List.of("office"), fields(api.get("api/slots?service=" + at.service + "&office=x").json()));
        assertEquals(List.of("to"), fields(api.get(ok + "&from=" + at.day + "&to=" + at.day.minusDays(2)).json()));
        assertEquals(List.of("to"), fields(api.get(ok + "&to=" + LocalDate.now(SINGAPORE).plusDays(90)).json()));
        assertEquals(List.of("from"), fields(api.get(ok + "&from=" + LocalDate.now(SINGAPORE).plusDays(90)).json()));
        assertEquals(List.of("from"), fields(api.get(ok + "&from=next-tuesday").json()));
        assertEquals(List.of("mode"), fields(api.get(ok + "&mode=TELEPATHY").json()));
        assertEquals(List.of("language"), fields(api.get(ok + "&language=FR").json()));
        assertEquals(List.of("limit"), fields(api.get(ok + "&limit=0").json()));
        assertEquals(List.of("service"), fields(api.get(ok.replace("service=", "service=abc")).json()));

        long onlyInPerson = api.post("api/services", """
                {"agencyId":%d,"code":"%s",
                 "name":{"en":"Rental flat","zh":"租赁组屋","ms":"Flat sewa","ta":"வாடகை வீடு"},
                 "durationMinutes":30,"allowedModes":["IN_PERSON"],"bufferBeforeMinutes":0,
                 "bufferAfterMinutes":0,"minNoticeMinutes":0,"horizonDays":30}"""
                .formatted(at.agency, unique("HDB"))).id();
        var wrongMode = api.get(base + "&service=" + onlyInPerson + "&mode=VIDEO_REMOTE");
        assertEquals(400, wrongMode.status());
        assertTrue(wrongMode.isProblem());
        assertEquals(List.of("mode"), fields(wrongMode.json()));
    }

    // --- helpers ---

    private Setting setting() {
        long office = api.post("api/offices", CatalogueIT.office(unique("SSO"), "SSO@Test")).id();
        long interview = api.post("api/rooms", CatalogueIT.room(office, "Interview 1", "INTERVIEW_ROOM")).id();
        long video = api.post("api/rooms", CatalogueIT.room(office, "Video 1", "VIDEO_ROOM")).id();
        long agency = api.post("api/agencies", CatalogueIT.agency(unique("AG"), "EMPLOYMENT", null)).id();
        long service = api.post("api/services", CatalogueIT.service(agency, unique("SVC"))).id();
        long advisor = api.post("api/advisors", CatalogueIT.advisor(agency, unique("a").toLowerCase() + "@example.org",
                List.of(service))).id();
        return new Setting(office, interview, video, agency, service, advisor, workingDay());
    }

    /** A weekday 8–20 days ahead that is no public holiday (the service books 60 days ahead). */
    private LocalDate workingDay() {
        LocalDate day = LocalDate.now(SINGAPORE).plusDays(8);
        Set<String> holidays = api.get("api/holidays?year=" + day.getYear()).structure().asJsonArray().stream()
                .map(h -> h.asJsonObject().getString("day")).collect(Collectors.toSet());
        holidays.addAll(api.get("api/holidays?year=" + (day.getYear() + 1)).structure().asJsonArray().stream()
                .map(h -> h.asJsonObject().getString("day")).collect(Collectors.toSet()));
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || holidays.contains(day.toString())) {
            day = day.plusDays(1);
        }
        return day;
    }

    private void addRule(String start, String end, Long office, String... modes) {
        var reply = api.post(rules(at.advisor), rule(byDay(at.day), start, end, office, modes));
        assertEquals(201, reply.status(), reply::toString);
    }

    private String slots(String mode) {
        return "api/slots?service=" + at.service + "&office=" + at.office + (mode == null ? "" : "&mode=" + mode)
                + "&from=" + at.day + "&to=" + at.day + "&limit=500";
    }

    private static String rules(long advisor) {
        return "api/advisors/" + advisor + "/rules";
    }

    static String rule(String byDay, String start, String end, Long office, String... modes) {
        return """
                {"rrule":"FREQ=WEEKLY;BYDAY=%s","startTime":"%s","endTime":"%s","validFrom":"%s",
                 "modes":[%s]%s}""".formatted(byDay, start, end, LocalDate.now(SINGAPORE),
                List.of(modes).stream().map(m -> "\"" + m + "\"").collect(Collectors.joining(",")),
                office == null ? "" : ",\"officeId\":" + office);
    }

    static String blackout(String start, String end, String reason) {
        return "{\"start\":\"%s\",\"end\":\"%s\",\"reason\":\"%s\"}".formatted(start, end, reason);
    }

    private static String byDay(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
                .substring(0, 2).toUpperCase(Locale.ROOT);
    }

    /** Writes an occupancy row as the ledger would: Singapore times on the test day. */
    private void occupy(String resource, long id, String from, String to, long booking, Instant expires)
            throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getenv("LINKUP_DB_URL"), "root", "");
             var insert = db.prepareStatement("INSERT INTO occupancy (resource_kind, resource_id, starts_at, "
                     + "ends_at, booking_id, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, resource);
            insert.setLong(2, id);
            insert.setTimestamp(3, Timestamp.from(at(from)));
            insert.setTimestamp(4, Timestamp.from(at(to)));
            insert.setLong(5, booking);
            insert.setTimestamp(6, expires == null ? null : Timestamp.from(expires));
            insert.executeUpdate();
        }
    }

    private void occupyQuietly(String resource, long id, String from, String to, long booking) {
        try {
            occupy(resource, id, from, to, booking, null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant at(String time) {
        return at.day.atTime(LocalTime.parse(time)).atZone(SINGAPORE).toInstant();
    }

    static String calendar(List<String[]> holidays, LocalDate extra) {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Linkup//IT//EN\r\n");
        var days = new java.util.ArrayList<>(holidays);
        if (extra != null) {
            days.add(new String[] {extra.toString(), "Test holiday"});
        }
        for (String[] h : days) {
            LocalDate day = LocalDate.parse(h[0]);
            ics.append("BEGIN:VEVENT\r\nUID:").append(day).append("@it\r\nDTSTAMP:20261123T000000Z\r\n")
                    .append("DTSTART;VALUE=DATE:").append(day.format(DateTimeFormatter.BASIC_ISO_DATE))
                    .append("\r\nDTEND;VALUE=DATE:").append(day.plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE))
                    .append("\r\nSUMMARY:").append(h[1].replace(",", "\\,")).append("\r\nEND:VEVENT\r\n");
        }
        return ics.append("END:VCALENDAR\r\n").toString();
    }

    private static List<JsonObject> slotList(JsonObject result) {
        return result.getJsonArray("slots").stream().map(JsonObject.class::cast).toList();
    }

    private static List<String> starts(List<JsonObject> slots) {
        return slots.stream().map(AvailabilityIT::time).toList();
    }

    private static String time(JsonObject slot) {
        return slot.getString("start").substring(11, 16);
    }

    /** Null or left out, as JSON-B leaves out null members. */
    private static boolean absent(JsonObject json, String member) {
        return !json.containsKey(member) || json.isNull(member);
    }

    private static List<String> fields(JsonObject problem) {
        return problem.getJsonArray("violations").stream()
                .map(v -> v.asJsonObject().getString("field")).sorted().toList();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
