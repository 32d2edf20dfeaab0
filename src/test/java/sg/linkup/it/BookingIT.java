package sg.linkup.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The booking lifecycle over HTTP on a real MariaDB: contention (many requests for one advisor, room or client
 * at once), idempotent retries, hold expiry, rescheduling, illegal transitions, and the no-show sweep run by two
 * "nodes" at once. Bookings in the past are written straight into the table, as no API makes them.
 */
@ExtendWith(SharedApp.class)
class BookingIT {

    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

    /** The shared server's address, set by {@link SharedApp}. */
    URL deployment;

    Api api;
    long office;
    long interviewRoom;
    long videoRoom;
    long agency;
    long service;
    String serviceCode;
    String officeCode;
    LocalDate day;

    @BeforeEach
    void setUp() {
        api = new Api(deployment);
        officeCode = unique("BK");
        office = api.post("api/offices", CatalogueIT.office(officeCode, "SSO@Booking")).id();
        interviewRoom = api.post("api/rooms", CatalogueIT.room(office, "Interview 1", "INTERVIEW_ROOM")).id();
        videoRoom = api.post("api/rooms", CatalogueIT.room(office, "Video 1", "VIDEO_ROOM")).id();
        agency = api.post("api/agencies", CatalogueIT.agency(unique("AG"), "EMPLOYMENT", null)).id();
        serviceCode = unique("SVC");
        service = api.post("api/services", CatalogueIT.service(agency, serviceCode)).id();
        day = workingDay(api);
    }

    // --- no double booking, ever ---

    @Test
    void thirtyTwoRequestsForOneSlotGiveOneBookingAndThirtyOneConflicts() throws Exception {
        long advisor = advisor();
        List<Long> clients = clients(32);
        List<Api.Reply> replies = concurrently(32, i -> book(advisor, interviewRoom, clients.get(i), "IN_PERSON",
                "09:00", null));
        assertOneWinner(replies, "ADVISOR");
        assertNoOverlapsInTheLedger();
    }

    @Test
    void overlappingIntervalsOfOneRoomGiveOneBooking() throws Exception {
        List<Long> advisors = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            advisors.add(advisor());
        }
        List<Long> clients = clients(16);
        String[] starts = {"09:00", "09:15", "09:30", "09:45"};
        // Sessions of 45 min + 15 min buffer: any two of these starts overlap in the one interview room.
        List<Api.Reply> replies = concurrently(16, i -> book(advisors.get(i), interviewRoom, clients.get(i),
                "IN_PERSON", starts[i % 4], null));
        assertOneWinner(replies, "ROOM");
        assertNoOverlapsInTheLedger();
    }

    @Test
    void overlappingIntervalsOfOneClientGiveOneBooking() throws Exception {
        List<Long> advisors = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            advisors.add(advisor());
        }
        long client = clients(1).get(0);
        String[] starts = {"10:00", "10:15", "10:30"};
        List<Api.Reply> replies = concurrently(16, i -> book(advisors.get(i), null, client, "VIDEO_REMOTE",
                starts[i % 3], null));
        assertOneWinner(replies, "CLIENT");
        assertNoOverlapsInTheLedger();
    }

    // --- idempotency, holds, reschedule ---

    @Test
    void aRetriedBookingWithTheSameIdempotencyKeyIsTheSameBooking() throws Exception {
        long advisor = advisor();
        long client = clients(1).get(0);
        String key = UUID.randomUUID().toString();
        var first = book(advisor, interviewRoom, client, "IN_PERSON", "09:00", key);
        assertEquals(201, first.status(), first::toString);
        var retry = book(advisor, interviewRoom, client, "IN_PERSON", "09:00", key);
        assertEquals(200, retry.status(), retry::toString);
        assertEquals(first.id(), retry.id());

        String racing = UUID.randomUUID().toString();
        List<Api.Reply> replies = concurrently(8, i -> book(advisor, interviewRoom, client, "IN_PERSON", "10:00",
                racing));
        Set<Long> ids = replies.stream().map(Api.Reply::id).collect(Collectors.toSet());
        assertEquals(1, ids.size(), replies::toString);
        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies::toString);
        assertEquals(2, api.get("api/bookings?advisor=" + advisor).json().getInt("total"));
    }

    @Test
    void aRetriedHoldWithTheSameIdempotencyKeyIsTheSameHold() throws Exception {
        long advisor = advisor();
        long client = clients(1).get(0);
        String key = UUID.randomUUID().toString();
        var first = hold(advisor, client, "09:00", key);
        assertEquals(201, first.status(), first::toString);
        var retry = hold(advisor, client, "09:00", key);
        assertEquals(200, retry.status(), retry::toString);
        assertEquals(first.id(), retry.id());

        String racing = UUID.randomUUID().toString();
        List<Api.Reply> replies = concurrently(8, i -> hold(advisor, client, "10:00", racing));
        assertEquals(Set.of(201, 200), replies.stream().map(Api.Reply::status).collect(Collectors.toSet()),
                replies::toString);
        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies::toString);
        assertEquals(1, replies.stream().map(Api.Reply::id).distinct().count(), replies::toString);

        var tooLong = hold(advisor, client, "11:00", "k".repeat(101));
        assertEquals(400, tooLong.status(), tooLong::toString);
        assertTrue(tooLong.isProblem(), tooLong::toString);
        assertEquals("Idempotency-Key", tooLong.json().getJsonArray("violations").getJsonObject(0)
                .getString("field"));
        assertEquals(2, api.get("api/bookings?advisor=" + advisor).json().getInt("total"),
                "a refused key stores nothing");

        var booked = book(advisor, interviewRoom, client, "IN_PERSON", "11:00", key);
        assertEquals(201, booked.status(), () -> "a booking's key never finds a hold: " + booked);
        assertNotEquals(first.id(), booked.id());
    }

    @Test
    void aHoldKeepsTheSlotUntilItLapsesOrIsReleasedWithoutAnyJob() throws Exception {
        long advisor = advisor();
        long client = clients(1).get(0);
        var hold = api.post("api/holds", request(advisor, interviewRoom, client, "IN_PERSON", "09:00", null));
        assertEquals(201, hold.status(), hold::toString);
        assertEquals("HELD", hold.json().getString("status"));
        assertFalse(starts(advisor).contains("09:00"), "held");

        Thread.sleep(3_500);  // linkup.booking.hold-seconds=3 in arquillian.xml
        assertTrue(starts(advisor).contains("09:00"), "a lapsed hold frees the slot by itself");

        var booked = api.post("api/bookings", "{\"holdId\":" + hold.id() + ",\"referralNote\":\"Needs a job\"}");
        assertEquals(201, booked.status(), "a lapsed hold is still booked when nobody took the slot: " + booked);
        assertEquals("BOOKED", booked.json().getString("status"));
        assertFalse(starts(advisor).contains("09:00"));

        var second = api.post("api/holds", request(advisor, interviewRoom, clients(1).get(0), "IN_PERSON", "10:00",
                null));
        assertEquals(204, api.delete("api/holds/" + second.id()).status());
        assertTrue(starts(advisor).contains("10:00"), "released at once");
        var confirmReleased = api.post("api/bookings", "{\"holdId\":" + second.id() + "}");
        assertEquals(409, confirmReleased.status(), confirmReleased::toString);
    }

    /**
     * The interleaving the review found, forced instead of waited for: this node still sees the hold running
     * (its booking row says so) while its ledger rows have lapsed — as when the hold lapses between the check
     * and the commit, or another node's clock runs ahead. Another client books the advisor and room meanwhile.
     * Confirming the hold must not revive its rows over that booking.
     */
    @Test
    void aHoldConfirmedAsItLapsesNeverRevivesOverAnotherBooking() throws Exception {
        long advisor = advisor();
        List<Long> clients = clients(2);
        var hold = api.post("api/holds", request(advisor, interviewRoom, clients.get(0), "IN_PERSON", "09:00", null));
        assertEquals(201, hold.status(), hold::toString);
        // The booking row keeps saying "running" for ten minutes whatever the ITs' 3-second hold time, so this
        // node takes the hold for running however slow the machine; only its ledger rows have lapsed.
        try (Connection db = db(); var lapse = db.prepareStatement(
                "UPDATE occupancy SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE booking_id = ?");
             var running = db.prepareStatement(
                "UPDATE booking SET hold_expires_at = UTC_TIMESTAMP(6) + INTERVAL 10 MINUTE WHERE id = ?")) {
            lapse.setLong(1, hold.id());
            assertEquals(3, lapse.executeUpdate(), "advisor, room and client rows");
            running.setLong(1, hold.id());
            assertEquals(1, running.executeUpdate());
        }
        var other = book(advisor, interviewRoom, clients.get(1), "IN_PERSON", "09:00", null);
        assertEquals(201, other.status(), "the lapsed rows no longer hold the slot: " + other);

        var confirmed = api.post("api/bookings", "{\"holdId\":" + hold.id() + "}");
        assertEquals(409, confirmed.status(), confirmed::toString);
        assertTrue(confirmed.isProblem());
        assertTrue(confirmed.json().getString("type").endsWith("slot-taken"), confirmed::toString);
        assertFalse(confirmed.json().getJsonArray("alternatives").isEmpty(), "other times offered: " + confirmed);
        assertEquals("HELD", api.get("api/bookings/" + hold.id()).json().getString("status"), "nothing changed");
        assertEquals(0, liveRowsOf(hold.id()), "the hold's rows stay lapsed");
        assertNoOverlapsInTheLedger();
    }

    // A lapsed hold is booked only where a new booking could be; each reason below refuses it.

    @Test
    void aLapsedHoldIsNotBookedIntoThePast() throws Exception {
        long hold = lapsedHold(advisor());
        try (Connection db = db()) {
            for (String table : List.of("booking", "occupancy")) {
                try (var move = db.prepareStatement("UPDATE " + table + " SET starts_at = UTC_TIMESTAMP(6) - INTERVAL 2 "
                        + "HOUR, ends_at = UTC_TIMESTAMP(6) - INTERVAL 1 HOUR WHERE " + (table.equals("booking")
                        ? "id" : "booking_id") + " = ?")) {
                    move.setLong(1, hold);
                    assertTrue(move.executeUpdate() > 0);
                }
            }
        }
        assertLapsedHoldRefused(hold, false);
    }

    @Test
    void aLapsedHoldIsNotBookedInsideTheMinimumNotice() throws Exception {
        long hold = lapsedHold(advisor());
        assertEquals(200, api.put("api/services/" + service, CatalogueIT.service(agency, serviceCode)
                .replace("\"minNoticeMinutes\":120", "\"minNoticeMinutes\":" + 30 * 24 * 60)).status());
        assertLapsedHoldRefused(hold, false);
    }

    @Test
    void aLapsedHoldIsNotBookedBeyondTheHorizon() throws Exception {
        long hold = lapsedHold(advisor());
        assertEquals(200, api.put("api/services/" + service, CatalogueIT.service(agency, serviceCode)
                .replace("\"horizonDays\":60", "\"horizonDays\":3")).status());
        assertLapsedHoldRefused(hold, false);
    }

    @Test
    void aLapsedHoldIsNotBookedAgainstARuleEditedSince() throws Exception {
        long advisor = advisor();
        long hold = lapsedHold(advisor);
        long rule = api.get("api/advisors/" + advisor + "/rules").structure().asJsonArray().getJsonObject(0)
                .getJsonNumber("id").longValue();
        var edited = api.put("api/advisors/" + advisor + "/rules/" + rule, AvailabilityIT.rule(byDay(day), "10:00",
                "12:00", office, "IN_PERSON", "VIDEO_AT_SSO", "VIDEO_REMOTE"));
        assertEquals(200, edited.status(), edited::toString);
        assertLapsedHoldRefused(hold, true);
    }

    @Test
    void aLapsedHoldIsNotBookedOutsideOpeningHours() throws Exception {
        long hold = lapsedHold(advisor());
        var later = api.put("api/offices/" + office, CatalogueIT.office(officeCode, "SSO@Booking")
                .replace("\"opens\":\"08:30\"", "\"opens\":\"09:30\""));
        assertEquals(200, later.status(), later::toString);
        assertLapsedHoldRefused(hold, true);
    }

    @Test
    void aLapsedHoldIsNotBookedOnAnOfficeClosure() throws Exception {
        long hold = lapsedHold(advisor());
        assertEquals(201, api.post("api/offices/" + office + "/closures",
                "{\"firstDay\":\"%s\",\"lastDay\":\"%s\",\"reason\":\"Renovation\"}".formatted(day, day)).status());
        assertLapsedHoldRefused(hold, false);
    }

    @Test
    void aLapsedHoldIsNotBookedOnAnAgencyClosure() throws Exception {
        long hold = lapsedHold(advisor());
        assertEquals(201, api.post("api/agencies/" + agency + "/closures",
                AvailabilityIT.blackout(day.toString(), day.toString(), "Staff retreat")).status());
        assertLapsedHoldRefused(hold, false);
    }

    @Test
    void aLapsedHoldIsNotBookedIntoTheAdvisorsLeave() throws Exception {
        long advisor = advisor();
        long hold = lapsedHold(advisor);
        assertEquals(201, api.post("api/advisors/" + advisor + "/blackouts",
                AvailabilityIT.blackout(at("09:00"), at("09:30"), "Medical appointment")).status());
        assertLapsedHoldRefused(hold, true);
    }

    @Test
    void aLapsedHoldIsNotBookedOnAPublicHoliday() throws Exception {
        long hold = lapsedHold(advisor());
        var before = api.get("api/holidays?year=" + day.getYear()).structure().asJsonArray().stream()
                .map(JsonObject.class::cast).map(h -> new String[] {h.getString("day"), h.getString("name")}).toList();
        try {
            assertEquals(200, importHolidays(AvailabilityIT.calendar(before, day)).status());
            assertLapsedHoldRefused(hold, false);
        } finally {
            assertEquals(200, importHolidays(AvailabilityIT.calendar(before, null)).status());
        }
    }

    @Test
    void rescheduleKeepsTheBookingFreesTheOldTimeAndHonoursIfMatch() throws Exception {
        long advisor = advisor();
        long client = clients(1).get(0);
        var booked = book(advisor, interviewRoom, client, "IN_PERSON", "09:00", null);
        long id = booked.id();
        String etag = booked.header("ETag");
        assertEquals("\"" + booked.json().getJsonNumber("version").longValue() + "\"", etag, booked::toString);

        var moved = api.send(api.json("api/bookings/" + id + "/reschedule").header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString("{\"start\":\"" + at("10:30") + "\"}")));
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(id, moved.id());
        assertEquals(1, moved.json().getInt("sequence"));
        assertTrue(moved.json().getString("start").contains("T10:30"));
        assertTrue(starts(advisor).contains("09:00"), "the old time is free again");
        assertFalse(starts(advisor).contains("10:30"));
        assertNotEquals(etag, moved.header("ETag"));

        var stale = api.send(api.json("api/bookings/" + id + "/cancel").header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Client asked\"}")));
        assertEquals(412, stale.status(), stale::toString);
        assertTrue(stale.isProblem());
        assertEquals("BOOKED", api.get("api/bookings/" + id).json().getString("status"), "nothing changed");

        List<String> history = api.get("api/bookings/" + id + "/history").structure().asJsonArray().stream()
                .map(e -> e.asJsonObject().getString("action")).toList();
        assertEquals(List.of("BOOKING_BOOKED", "BOOKING_RESCHEDULED"), history);
    }

    @Test
    void aRequestForATakenSlotIsAConflictWithAlternatives() throws Exception {
        long advisor = advisor();
        assertEquals(201, book(advisor, interviewRoom, clients(1).get(0), "IN_PERSON", "09:00", null).status());
        var lost = book(advisor, interviewRoom, clients(1).get(0), "IN_PERSON", "09:00", null);
        assertEquals(409, lost.status(), lost::toString);
        assertTrue(lost.isProblem());
        var alternatives = lost.json().getJsonArray("alternatives");
        assertFalse(alternatives.isEmpty(), lost::toString);
        assertEquals(at("10:00"), alternatives.getJsonObject(0).getString("start"),
                "the advisor is free again after the session and its 15-minute buffer");
    }

    @Test
    void aHoldOnATakenSlotIsAConflictWithAlternativesToo() throws Exception {
        long advisor = advisor();
        assertEquals(201, book(advisor, interviewRoom, clients(1).get(0), "IN_PERSON", "09:00", null).status());
        var lost = hold(advisor, clients(1).get(0), "09:00", UUID.randomUUID().toString());
        assertEquals(409, lost.status(), lost::toString);
        assertTrue(lost.isProblem(), lost::toString);
        String type = lost.json().getString("type");  // slot-unavailable: a hold first asks slot search
        assertTrue(type.endsWith("slot-taken") || type.endsWith("slot-unavailable"), lost::toString);
        var alternatives = lost.json().getJsonArray("alternatives");
        assertFalse(alternatives.isEmpty(), () -> "the counter is offered other times: " + lost);
        assertEquals(at("10:00"), alternatives.getJsonObject(0).getString("start"), lost::toString);
        assertEquals(advisor, alternatives.getJsonObject(0).getJsonNumber("advisorId").longValue());
    }

    // --- the rest of the life ---

    @Test
    void aSessionIsCheckedInStartedAndCompletedAndEveryIllegalStepIsRefused() throws Exception {
        long advisor = advisor();
        long client = clients(1).get(0);
        long soon = insertBooking(advisor, client, "BOOKED", Instant.now().plusSeconds(1800));
        assertEquals(409, post("api/bookings/" + soon + "/start", "").status(), "not checked in yet");
        assertEquals(409, post("api/bookings/" + soon + "/complete", "{\"outcome\":\"ATTENDED\"}").status());
        assertEquals(200, post("api/bookings/" + soon + "/check-in", "").status());
        assertEquals(409, post("api/bookings/" + soon + "/check-in", "").status(), "twice");
        assertEquals(200, post("api/bookings/" + soon + "/start", "").status());
        var referred = post("api/bookings/" + soon + "/complete", "{\"outcome\":\"REFERRED_ON\"}");
        assertEquals(400, referred.status(), "REFERRED_ON needs a note: " + referred);
        var done = post("api/bookings/" + soon + "/complete",
                "{\"outcome\":\"REFERRED_ON\",\"note\":\"Referred to HDB for rental flat\"}");
        assertEquals(200, done.status(), done::toString);
        assertEquals("COMPLETED", done.json().getString("status"));
        assertEquals(409, post("api/bookings/" + soon + "/cancel", "{\"reason\":\"Too late\"}").status(),
                "cancel a completed one");

        var booked = book(advisor, interviewRoom, client, "IN_PERSON", "11:00", null);
        long id = booked.id();
        assertEquals(400, post("api/bookings/" + id + "/cancel", "{}").status(), "a reason is required");
        assertEquals(200, post("api/bookings/" + id + "/cancel", "{\"reason\":\"Client unwell\"}").status());
        assertTrue(starts(advisor).contains("11:00"), "cancel frees the slot");
        for (String illegal : List.of("check-in", "start", "cancel", "reschedule")) {
            var reply = post("api/bookings/" + id + "/" + illegal, illegal.equals("cancel")
                    ? "{\"reason\":\"again\"}" : illegal.equals("reschedule") ? "{\"start\":\"" + at("12:00") + "\"}" : "");
            assertEquals(409, reply.status(), illegal + " a cancelled booking: " + reply);
            assertTrue(reply.isProblem());
        }
    }

    @Test
    void twoNoShowSweepsAtOnceMarkEachBookingExactlyOnce() throws Exception {
        long advisor = advisor();
        List<Long> clients = clients(40);
        Set<Long> past = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            past.add(insertBooking(advisor, clients.get(i), "BOOKED", Instant.now().minusSeconds(3600 + i * 60L)));
        }
        long checkedIn = insertBooking(advisor, clients.get(0), "CHECKED_IN", Instant.now().minusSeconds(3600));
        List<Api.Reply> sweeps = concurrently(2, i -> post("api/bookings/no-shows", ""));
        List<Long> marked = new ArrayList<>();
        for (Api.Reply sweep : sweeps) {
            assertEquals(200, sweep.status(), sweep::toString);
            sweep.structure().asJsonArray().forEach(v -> marked.add(((jakarta.json.JsonNumber) v).longValue()));
        }
        assertTrue(marked.containsAll(past), "every past booking marked");
        assertEquals(new HashSet<>(marked).size(), marked.size(), "none marked by both sweeps");
        assertFalse(marked.contains(checkedIn), "a checked-in client is no no-show");
        for (long id : past) {
            assertEquals("NO_SHOW", api.get("api/bookings/" + id).json().getString("status"));
            assertEquals(1, api.get("api/bookings/" + id + "/history").structure().asJsonArray().size());
        }
    }

    @Test
    void videoSessionsGetAnUnguessableMeetingLinkAndPartnersSeeNotesOnlyWithConsent() throws Exception {
        long advisor = advisor();
        long client = clients(1).get(0);
        var booked = api.post("api/bookings", request(advisor, videoRoom, client, "VIDEO_AT_SSO", "09:00", null)
                .replace("}", ",\"referralNote\":\"Lost job in March\",\"consentToShare\":false}"));
        assertEquals(201, booked.status(), booked::toString);
        String link = booked.json().getString("videoLink");
        assertTrue(link.matches("https://meet\\.jit\\.si/linkup-[a-z2-7]{26,}"), link);
        assertEquals("Lost job in March", booked.json().getString("referralNote"), "SSO staff see their note");
        assertFalse(booked.body().contains("+65"), "no phone number in a booking");

        String partner = "p" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, api.post("api/staff", """
                {"username":"%s","displayName":"Partner","role":"PARTNER","agencyId":%d,"password":"a-long-enough-pass-1"}"""
                .formatted(partner, agency)).status());
        var seen = api.as(partner, "a-long-enough-pass-1").get("api/bookings/" + booked.id());
        assertEquals(200, seen.status(), seen::toString);
        assertFalse(seen.json().containsKey("referralNote") && !seen.json().isNull("referralNote"),
                "no consent, no note for the partner: " + seen);
        assertEquals(1, api.as(partner, "a-long-enough-pass-1").get("api/bookings?day=" + day).json().getInt("total"));
    }

    @Test
    void aWalkInGetsTheNextFreeSessionTodayOrAClearNo() {
        // Open all day, every day, so the answer does not depend on when the test runs.
        String allWeek = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
                .stream().map(d -> "{\"day\":\"" + d + "\",\"opens\":\"00:00\",\"closes\":\"23:55\"}")
                .collect(Collectors.joining(","));
        var reopened = api.put("api/offices/" + office, CatalogueIT.office(unique("AD"), "SSO@AllDay")
                .replaceAll("\"openingHours\":\\[.*\\]", "\"openingHours\":[" + allWeek + "]"));
        assertEquals(200, reopened.status(), reopened::toString);
        String everyDay = "{\"rrule\":\"FREQ=DAILY\",\"startTime\":\"00:00\",\"endTime\":\"23:55\",\"validFrom\":\""
                + LocalDate.now(SINGAPORE).minusDays(1) + "\",\"modes\":[\"VIDEO_REMOTE\"]}";
        long other = api.post("api/advisors", CatalogueIT.advisor(agency, unique("w").toLowerCase(Locale.ROOT)
                + "@example.org", List.of(walkInService()))).id();
        assertEquals(201, api.post("api/advisors/" + other + "/rules", everyDay).status());
        long client = clients(1).get(0);
        // What is left today is asked of the slot search first — the walk-in's own question — so the expectation
        // holds at any hour (late at night the last 30-minute session may still fit before 23:55) and on holidays.
        String today = LocalDate.now(SINGAPORE).toString();
        var left = api.get("api/slots?service=" + walkInService + "&office=" + office + "&mode=VIDEO_REMOTE&client="
                + client + "&to=" + LocalDate.now(SINGAPORE).plusDays(1) + "&limit=5");
        assertEquals(200, left.status(), left::toString);
        List<String> startsToday = left.json().getJsonArray("slots").stream().map(JsonObject.class::cast)
                .map(slot -> slot.getString("start")).filter(start -> start.startsWith(today)).toList();
        var walkIn = api.post("api/bookings/walk-in", "{\"serviceId\":" + walkInService + ",\"officeId\":" + office
                + ",\"clientId\":" + client + "}");
        // Only when every time left today starts within two minutes may it have passed between the two calls.
        boolean borderline = !startsToday.isEmpty() && startsToday.stream().allMatch(start ->
                Duration.between(Instant.now(), OffsetDateTime.parse(start).toInstant()).toMinutes() < 2);
        if (startsToday.isEmpty() || (borderline && walkIn.status() == 409)) {
            assertEquals(409, walkIn.status(), walkIn::toString);
        } else {
            assertEquals(201, walkIn.status(), walkIn::toString);
            String start = walkIn.json().getString("start");
            assertEquals(today, start.substring(0, 10));
            assertTrue(start.compareTo(startsToday.get(0)) >= 0, start + " is the first time left, or a later one");
            assertEquals("VIDEO_REMOTE", walkIn.json().getString("mode"));
        }
    }

    @Test
    void aFreedSlotIsOfferedToTheUrgentClientFirstWhoCanTakeIt() throws Exception {
        long advisor = advisorWithOneSlot();
        List<Long> clients = clients(3);
        var taken = book(advisor, interviewRoom, clients.get(0), "IN_PERSON", "09:00", null);
        assertEquals(201, taken.status(), taken::toString);

        long normal = joinWaitlist(clients.get(1), false);
        long urgent = joinWaitlist(clients.get(2), true);
        assertEquals("WAITING", api.get("api/waitlist/" + urgent).json().getString("status"));

        assertEquals(200, post("api/bookings/" + taken.id() + "/cancel", "{\"reason\":\"Found a job\"}").status());
        JsonObject offered = awaitOffer(urgent);
        assertTrue(offered != null, "the urgent client got an offer");
        assertEquals("WAITING", api.get("api/waitlist/" + normal).json().getString("status"),
                "the earlier but not urgent client waits");
        var hold = api.get("api/bookings/" + offered.getJsonNumber("offerBookingId").longValue()).json();
        assertEquals("HELD", hold.getString("status"));
        assertEquals(clients.get(2).longValue(), hold.getJsonObject("client").getJsonNumber("id").longValue());
        assertTrue(hold.getString("start").contains("T09:00"));

        var accepted = post("api/waitlist/" + urgent + "/accept", "");
        assertEquals(200, accepted.status(), accepted::toString);
        assertEquals("BOOKED", accepted.json().getString("status"));
        assertEquals("ACCEPTED", api.get("api/waitlist/" + urgent).json().getString("status"));
        assertEquals(409, post("api/waitlist/" + normal + "/accept", "").status(), "no offer to accept");
    }

    /** Letting a hold go frees its slot like a cancellation does, and so offers it on. */
    @Test
    void aReleasedHoldIsOfferedToTheWaitlistAtOnce() throws Exception {
        long advisor = advisorWithOneSlot();
        List<Long> clients = clients(2);
        var hold = api.post("api/holds", request(advisor, interviewRoom, clients.get(0), "IN_PERSON", "09:00", null));
        assertEquals(201, hold.status(), hold::toString);
        long waiting = joinWaitlist(clients.get(1), false);

        assertEquals(204, api.delete("api/holds/" + hold.id()).status());
        JsonObject offered = awaitOffer(waiting);
        assertTrue(offered != null, "the waiting client got an offer for the released slot");
        var offer = api.get("api/bookings/" + offered.getJsonNumber("offerBookingId").longValue()).json();
        assertEquals("HELD", offer.getString("status"));
        assertEquals(clients.get(1).longValue(), offer.getJsonObject("client").getJsonNumber("id").longValue());
        assertTrue(offer.getString("start").contains("T09:00"), offer::toString);
    }

    /** An advisor with one 45-minute slot on the test day: 09:00–09:45. */
    private long advisorWithOneSlot() {
        long advisor = api.post("api/advisors", CatalogueIT.advisor(agency, unique("wl").toLowerCase(Locale.ROOT)
                + "@example.org", List.of(service))).id();
        assertEquals(201, api.post("api/advisors/" + advisor + "/rules",
                AvailabilityIT.rule(byDay(day), "09:00", "09:45", office, "IN_PERSON")).status());
        return advisor;
    }

    /**
     * The entry once it has an offer, or null after ten seconds. The waitlist sweep is off in the ITs
     * ({@code linkup.waitlist.sweep-seconds=0}), so an offer here was made by the change that freed the slot.
     */
    private JsonObject awaitOffer(long entry) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            JsonObject found = api.get("api/waitlist/" + entry).json();
            if (found.getString("status").equals("OFFERED")) {
                return found;
            }
            Thread.sleep(200);
        }
        return null;
    }

    private long joinWaitlist(long client, boolean urgent) {
        var reply = api.post("api/waitlist", """
                {"clientId":%d,"serviceId":%d,"officeIds":[%d],"firstDay":"%s","lastDay":"%s","urgent":%s}"""
                .formatted(client, service, office, day, day, urgent));
        assertEquals(201, reply.status(), reply::toString);
        return reply.id();
    }

    // --- what an operator sees ---

    /**
     * A slot search, a booking, a booking of the slot just taken (a 409), a hold and the confirmation text each move
     * their figure in /metrics by exactly what happened (the texts: at least, as other tests' may go out too).
     */
    @Test
    void bookingsHoldsConflictsSearchesAndSendsAreCountedInMetrics() throws Exception {
        NotificationFakes.start();  // the confirmation text goes to the fake Twilio, and is taken
        long advisor = advisor();
        List<Long> clients = clients(2);
        OpenMetrics before = metrics();

        var search = api.get("api/slots?service=" + service + "&office=" + office + "&from=" + day + "&to=" + day);
        assertEquals(200, search.status(), search::toString);
        var booked = book(advisor, interviewRoom, clients.get(0), "IN_PERSON", "09:00", null);
        assertEquals(201, booked.status(), booked::toString);
        var lost = book(advisor, interviewRoom, clients.get(1), "IN_PERSON", "09:00", null);
        assertEquals(409, lost.status(), lost::toString);
        assertEquals("urn:linkup:problem:slot-unavailable", lost.json().getString("type"),
                "one after the other, the search no longer offers the slot: " + lost);
        assertEquals(201, hold(advisor, clients.get(1), "10:00", UUID.randomUUID().toString()).status());

        OpenMetrics after = metrics();
        assertEquals(1, moved(before, after, "linkup_bookings_total", "outcome", "booked"));
        assertEquals(1, moved(before, after, "linkup_bookings_total", "outcome", "slot_unavailable"));
        assertEquals(0, moved(before, after, "linkup_bookings_total", "outcome", "failed"));
        assertEquals(1, moved(before, after, "linkup_holds_total", "outcome", "held"));
        assertEquals(2, moved(before, after, "linkup_bookings_duration_seconds_count"));
        assertEquals(1, moved(before, after, "linkup_holds_duration_seconds_count"));
        assertEquals(1, moved(before, after, "linkup_slot_search_duration_seconds_count"));
        assertEquals(1, moved(before, after, "linkup_http_conflicts_total", "endpoint", "bookings", "type",
                "slot-unavailable", "taken", "none"));
        assertTrue(after.has("linkup_outbox_depth", "state", "due"), "the outbox gauges are there");
        assertTrue(after.has("linkup_outbox_oldest_due_age_seconds"), "the outbox gauges are there");

        // The outbox is shared with every IT class that ran before in this database, and the dispatcher takes the
        // oldest due rows first: after a long run the backlog (texts to numbers no fake answers, retrying) can
        // stand ahead of this one for minutes. The confirmation is moved to the head of the queue, so the wait is
        // for this node's next pass, not for everyone else's history.
        try (Connection db = db(); var first = db.prepareStatement("UPDATE notification SET due_at = "
                + "'2000-01-01 00:00:00' WHERE booking_id = ? AND channel = 'SMS' AND status = 'PENDING'")) {
            first.setLong(1, booked.id());
            first.executeUpdate();  // 0 when the dispatcher already took it, which is as good
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        OpenMetrics sent = after;
        while (moved(before, sent, "linkup_notification_sends_total", "channel", "sms", "outcome", "sent",
                "error", "none") < 1 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            sent = metrics();
        }
        String row = outboxRow(booked.id());
        assertTrue(moved(before, sent, "linkup_notification_sends_total", "channel", "sms", "outcome", "sent",
                "error", "none") >= 1, () -> "the confirmation text was sent and counted; its row: " + row);
        assertTrue(moved(before, sent, "linkup_sweeps_total", "sweep", "outbox", "outcome", "done") >= 1,
                "this node's dispatcher passes are counted");
        assertTrue(moved(before, sent, "linkup_sweep_items_total", "sweep", "outbox") >= 1,
                "the claimed text is counted as the outbox sweep's item");
    }

    /** The booking's SMS rows as the outbox holds them: what a failed wait for a send is explained by. */
    private static String outboxRow(long booking) throws SQLException {
        try (Connection db = db(); var read = db.prepareStatement("SELECT kind, status, attempts, due_at, last_error "
                + "FROM notification WHERE booking_id = ? AND channel = 'SMS'")) {
            read.setLong(1, booking);
            StringBuilder rows = new StringBuilder();
            try (var result = read.executeQuery()) {
                while (result.next()) {
                    rows.append(String.format("[%s %s attempts=%d due=%s error=%s]", result.getString(1),
                            result.getString(2), result.getInt(3), result.getString(4), result.getString(5)));
                }
            }
            return rows.length() == 0 ? "none" : rows.toString();
        }
    }

    private OpenMetrics metrics() {
        var reply = api.anonymous().get("/metrics?scope=application");
        assertEquals(200, reply.status(), "open in the test run, as in the dev run: " + reply);
        return OpenMetrics.parse(reply.body());
    }

    private static long moved(OpenMetrics before, OpenMetrics after, String name, String... labels) {
        return Math.round(after.value(name, labels) - before.value(name, labels));
    }

    // --- helpers ---

    private Long walkInService;

    private long walkInService() {
        if (walkInService == null) {
            walkInService = api.post("api/services", """
                    {"agencyId":%d,"code":"%s",
                     "name":{"en":"Job search","zh":"求职","ms":"Cari kerja","ta":"வேலை தேடல்"},
                     "durationMinutes":30,"allowedModes":["VIDEO_REMOTE"],"bufferBeforeMinutes":0,
                     "bufferAfterMinutes":0,"minNoticeMinutes":0,"horizonDays":30}"""
                    .formatted(agency, unique("WLK"))).id();
        }
        return walkInService;
    }

    /** A hold at 09:00 that has lapsed: its expiry moved into the past on the booking and its ledger rows. */
    private long lapsedHold(long advisor) throws SQLException {
        var hold = api.post("api/holds", request(advisor, interviewRoom, clients(1).get(0), "IN_PERSON", "09:00",
                null));
        assertEquals(201, hold.status(), hold::toString);
        try (Connection db = db(); var lapse = db.prepareStatement("UPDATE booking SET hold_expires_at = "
                + "UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = ?"); var rows = db.prepareStatement("UPDATE "
                + "occupancy SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE booking_id = ?")) {
            lapse.setLong(1, hold.id());
            rows.setLong(1, hold.id());
            assertEquals(1, lapse.executeUpdate());
            assertEquals(3, rows.executeUpdate());
        }
        return hold.id();
    }

    /** 409 slot-unavailable (with other times when the day still has some), and the hold is left as it was. */
    private void assertLapsedHoldRefused(long hold, boolean alternativesThatDay) throws SQLException {
        var confirmed = api.post("api/bookings", "{\"holdId\":" + hold + "}");
        assertEquals(409, confirmed.status(), confirmed::toString);
        assertTrue(confirmed.isProblem(), confirmed::toString);
        assertTrue(confirmed.json().getString("type").endsWith("slot-unavailable"), confirmed::toString);
        var alternatives = confirmed.json().getJsonArray("alternatives");
        if (alternativesThatDay) {
            assertFalse(alternatives.isEmpty(), confirmed::toString);
            assertTrue(alternatives.getJsonObject(0).getString("start").startsWith(day.toString()), confirmed::toString);
        }
        assertEquals("HELD", api.get("api/bookings/" + hold).json().getString("status"), "nothing changed");
        assertEquals(0, liveRowsOf(hold));
    }

    private Api.Reply importHolidays(String ics) {
        return api.send(api.request("api/holidays").header("Content-Type", "text/calendar")
                .PUT(HttpRequest.BodyPublishers.ofString(ics)));
    }

    private static long liveRowsOf(long booking) throws SQLException {
        try (Connection db = db(); var count = db.prepareStatement("SELECT COUNT(*) FROM occupancy WHERE booking_id = ? "
                + "AND (expires_at IS NULL OR expires_at > UTC_TIMESTAMP(6))")) {
            count.setLong(1, booking);
            try (var rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void assertOneWinner(List<Api.Reply> replies, String resource) {
        List<Integer> statuses = replies.stream().map(Api.Reply::status).sorted().toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(replies.size() - 1, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        for (Api.Reply reply : replies) {
            if (reply.status() == 409) {
                assertTrue(reply.isProblem(), reply::toString);
                String type = reply.json().getString("type");
                assertTrue(type.endsWith("slot-taken") || type.endsWith("slot-unavailable"), reply::toString);
                if (type.endsWith("slot-taken")) {
                    assertEquals(resource, reply.json().getString("resource"), reply::toString);
                }
            }
        }
    }

    /** Counted by SQL, as the issue asks: no two live rows of one resource overlap, anywhere. */
    private void assertNoOverlapsInTheLedger() throws SQLException {
        try (Connection db = db(); var count = db.prepareStatement("""
                SELECT COUNT(*) FROM occupancy a JOIN occupancy b
                  ON a.resource_kind = b.resource_kind AND a.resource_id = b.resource_id AND a.id < b.id
                 AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
                 JOIN booking ba ON ba.id = a.booking_id JOIN booking bb ON bb.id = b.booking_id
                WHERE (a.expires_at IS NULL OR a.expires_at > UTC_TIMESTAMP(6))
                  AND (b.expires_at IS NULL OR b.expires_at > UTC_TIMESTAMP(6))""");
             var rs = count.executeQuery()) {
            rs.next();
            assertEquals(0, rs.getLong(1), "double bookings in the ledger");
        }
    }

    private List<Api.Reply> concurrently(int n, IntFunction<Api.Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Api.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(() -> call.apply(index));
            }
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> future : pool.invokeAll(calls)) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdown();
        }
    }

    private Api.Reply book(long advisor, Long room, long client, String mode, String start, String key) {
        HttpRequest.Builder request = api.json("api/bookings");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return api.send(request.POST(HttpRequest.BodyPublishers.ofString(
                request(advisor, room, client, mode, start, null))));
    }

    private Api.Reply hold(long advisor, long client, String start, String key) {
        HttpRequest.Builder request = api.json("api/holds").header("Idempotency-Key", key);
        return api.send(request.POST(HttpRequest.BodyPublishers.ofString(
                request(advisor, interviewRoom, client, "IN_PERSON", start, null))));
    }

    private String request(long advisor, Long room, long client, String mode, String start, String extra) {
        return """
                {"serviceId":%d,"officeId":%d,"mode":"%s","start":"%s","advisorId":%d,%s"clientId":%d}"""
                .formatted(service, office, mode, at(start), advisor, room == null ? "" : "\"roomId\":" + room + ",",
                        client);
    }

    private Api.Reply post(String path, String body) {
        return api.post(path, body);
    }

    /** An advisor of the agency offering the service, available on the test day 09:00–12:00 in all modes. */
    private long advisor() {
        long advisor = api.post("api/advisors", CatalogueIT.advisor(agency, unique("a").toLowerCase(Locale.ROOT)
                + "@example.org", List.of(service))).id();
        var rule = api.post("api/advisors/" + advisor + "/rules", AvailabilityIT.rule(byDay(day), "09:00", "12:00",
                office, "IN_PERSON", "VIDEO_AT_SSO", "VIDEO_REMOTE"));
        assertEquals(201, rule.status(), rule::toString);
        return advisor;
    }

    private List<Long> clients(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var reply = api.post("api/clients", CatalogueIT.client(office, "Client " + i, CatalogueIT.mobile(), null));
            assertEquals(201, reply.status(), reply::toString);
            ids.add(reply.id());
        }
        return ids;
    }

    private List<String> starts(long advisor) {
        return api.get("api/slots?service=" + service + "&office=" + office + "&mode=IN_PERSON&from=" + day + "&to="
                        + day + "&limit=500&candidates=true").json().getJsonArray("slots").stream()
                .map(JsonObject.class::cast)
                .filter(s -> s.getJsonObject("candidates").getJsonArray("advisors").stream()
                        .anyMatch(a -> a.asJsonObject().getJsonNumber("id").longValue() == advisor))
                .map(s -> s.getString("start").substring(11, 16))
                .toList();
    }

    /** A booking row as the service would have written it long ago (no API books the past). */
    private long insertBooking(long advisor, long client, String status, Instant start) {
        return BookingRows.insert(service, office, advisor, interviewRoom, client, status, start);
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(System.getenv("LINKUP_DB_URL"), "root", "");
    }

    private String at(String time) {
        return day.atTime(LocalTime.parse(time)).atZone(SINGAPORE).toOffsetDateTime().toString();
    }

    /** The RRULE BYDAY code of the day, e.g. TU. */
    static String byDay(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH).substring(0, 2)
                .toUpperCase(Locale.ROOT);
    }

    /** A weekday 8–20 days ahead that is no public holiday. */
    static LocalDate workingDay(Api api) {
        LocalDate candidate = LocalDate.now(SINGAPORE).plusDays(8);
        String holidays = api.get("api/holidays?year=" + candidate.getYear()).body()
                + api.get("api/holidays?year=" + (candidate.getYear() + 1)).body();
        while (candidate.getDayOfWeek() == DayOfWeek.SATURDAY || candidate.getDayOfWeek() == DayOfWeek.SUNDAY
                || holidays.contains(candidate.toString())) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

}
