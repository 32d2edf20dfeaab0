package sg.linkup.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No wrong door: counter staff of office A book their client into a session at office B; staff of B see the
 * booking and check the client in, staff of a third office C see nothing of it, and partners see it as before —
 * by their agency's advisors, wherever the session is held.
 */
@ExtendWith(SharedApp.class)
class CrossOfficeIT {

    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
    private static final String PASSWORD = "a-long-enough-pass-1";

    /** The shared server's address, set by {@link SharedApp}. */
    URL deployment;

    Api admin;
    long officeA;
    long officeB;
    long officeC;
    long roomB;
    long agencyX;
    long service;
    long advisor;
    long remoteAdvisor;
    long clientA;
    LocalDate day;
    Api counterA;
    Api counterB;
    Api counterC;
    Api supervisorB;
    Api supervisorC;
    Api partnerX;
    Api partnerY;

    @BeforeEach
    void setUp() {
        admin = new Api(deployment);
        officeA = created("api/offices", CatalogueIT.office(unique("XA"), "SSO@Home"));
        officeB = created("api/offices", CatalogueIT.office(unique("XB"), "SSO@Nearer"));
        officeC = created("api/offices", CatalogueIT.office(unique("XC"), "SSO@Elsewhere"));
        roomB = created("api/rooms", CatalogueIT.room(officeB, "Interview B", "INTERVIEW_ROOM"));
        agencyX = created("api/agencies", CatalogueIT.agency(unique("AGX"), "EMPLOYMENT", null));
        long agencyY = created("api/agencies", CatalogueIT.agency(unique("AGY"), "EMPLOYMENT", null));
        service = created("api/services", CatalogueIT.service(agencyX, unique("SVC")));
        day = BookingIT.workingDay(admin);
        // Advisors sit at office B only: office A has nothing to offer that day.
        advisor = created("api/advisors", CatalogueIT.advisor(agencyX, unique("b").toLowerCase(Locale.ROOT)
                + "@example.org", List.of(service)));
        created("api/advisors/" + advisor + "/rules", AvailabilityIT.rule(BookingIT.byDay(day), "09:00", "12:00",
                officeB, "IN_PERSON"));
        remoteAdvisor = created("api/advisors", CatalogueIT.advisor(agencyX, unique("r").toLowerCase(Locale.ROOT)
                + "@example.org", List.of(service)));
        created("api/advisors/" + remoteAdvisor + "/rules", AvailabilityIT.rule(BookingIT.byDay(day), "09:00",
                "12:00", null, "VIDEO_REMOTE"));
        clientA = created("api/clients", CatalogueIT.client(officeA, "Siti Home", CatalogueIT.mobile(), null));
        counterA = signedIn("COUNTER_STAFF", officeA, null);
        counterB = signedIn("COUNTER_STAFF", officeB, null);
        counterC = signedIn("COUNTER_STAFF", officeC, null);
        supervisorB = signedIn("SUPERVISOR", officeB, null);
        supervisorC = signedIn("SUPERVISOR", officeC, null);
        partnerX = signedIn("PARTNER", null, agencyX);
        partnerY = signedIn("PARTNER", null, agencyY);
    }

    @Test
    void aCounterSearchesHoldsAndBooksItsClientAtAnyOfficeAndBothOfficesSeeTheBooking() {
        var slots = counterA.get("api/slots?service=" + service + "&office=" + officeC + "," + officeB + "&client="
                + clientA + "&mode=IN_PERSON&from=" + day + "&to=" + day);
        assertEquals(200, slots.status(), "any active office may be searched: " + slots);
        List<JsonObject> found = slots.json().getJsonArray("slots").stream().map(JsonObject.class::cast).toList();
        assertFalse(found.isEmpty(), slots::toString);
        assertTrue(found.stream().allMatch(s -> s.getJsonObject("office").getJsonNumber("id").longValue() == officeB),
                slots::toString);
        assertTrue(found.stream().anyMatch(s -> s.getString("start").startsWith(day + "T09:00")), slots::toString);

        var hold = counterA.post("api/holds", slot(officeB, "IN_PERSON", "09:00", advisor, clientA));
        assertEquals(201, hold.status(), hold::toString);
        assertEquals(officeB, hold.json().getJsonNumber("officeId").longValue(), "held at office B");
        assertEquals(officeA, hold.json().getJsonObject("client").getJsonNumber("officeId").longValue(),
                "the client stays office A's");
        var held = counterA.post("api/bookings", "{\"holdId\":" + hold.id() + "}");
        assertEquals(201, held.status(), held::toString);
        assertEquals("BOOKED", held.json().getString("status"));

        var direct = counterA.post("api/bookings", slot(officeB, "IN_PERSON", "10:00", advisor, clientA));
        assertEquals(201, direct.status(), direct::toString);
        assertEquals(officeB, direct.json().getJsonNumber("officeId").longValue());

        String newClient = CatalogueIT.client(officeA, "Ahmad New", CatalogueIT.mobile(), null);
        var registered = counterA.post("api/bookings", slot(officeB, "VIDEO_REMOTE", "09:00", remoteAdvisor, null)
                .replace("}", ",\"client\":" + newClient + "}"));
        assertEquals(201, registered.status(), registered::toString);
        assertEquals(officeA, registered.json().getJsonObject("client").getJsonNumber("officeId").longValue(),
                "a new client is registered at the counter's own office");
        var elsewhere = counterA.post("api/bookings", slot(officeB, "VIDEO_REMOTE", "10:00", remoteAdvisor, null)
                .replace("}", ",\"client\":" + CatalogueIT.client(officeB, "Not Yours", CatalogueIT.mobile(), null)
                        + "}"));
        assertEquals(400, elsewhere.status(), "a client is registered only at the caller's offices: " + elsewhere);

        List<Long> ours = List.of(held.id(), direct.id(), registered.id());
        for (Api staff : List.of(counterA, counterB, supervisorB, partnerX)) {
            List<Long> listed = ids(staff.get("api/bookings?day=" + day + "&size=200"));
            assertTrue(listed.containsAll(ours), () -> "listed: " + listed);
            for (long id : ours) {
                for (String part : List.of("", "/history", "/notifications", "/alternatives")) {
                    var reply = staff.get("api/bookings/" + id + part);
                    assertEquals(200, reply.status(), () -> "booking " + id + part + ": " + reply);
                }
            }
        }
        assertFalse(counterB.get("api/bookings/" + held.id() + "/notifications").structure().asJsonArray().isEmpty(),
                "office B sees the messages about the booking");
        assertEquals(Set.copyOf(ours), Set.copyOf(ids(counterA.get("api/bookings?office=" + officeB + "&day=" + day))),
                "filtered by where the session is held");
        for (JsonObject booking : items(counterB.get("api/bookings?size=200"))) {
            assertTrue(booking.getJsonNumber("officeId").longValue() == officeB
                    || booking.getJsonObject("client").getJsonNumber("officeId").longValue() == officeB,
                    () -> "neither held at nor a client of office B: " + booking);
        }

        for (Api stranger : List.of(counterC, supervisorC, partnerY)) {
            List<Long> listed = ids(stranger.get("api/bookings?size=200"));
            assertTrue(listed.stream().noneMatch(ours::contains), () -> "a third office lists " + listed);
            assertEquals(0, ids(stranger.get("api/bookings?client=" + clientA)).size());
            for (long id : ours) {
                for (String part : List.of("", "/history", "/notifications", "/alternatives")) {
                    assertEquals(404, stranger.get("api/bookings/" + id + part).status(), id + part);
                }
            }
        }
        assertEquals(404, counterC.post("api/bookings/" + direct.id() + "/cancel", "{\"reason\":\"No\"}").status());
        assertEquals(404, counterC.post("api/bookings/" + direct.id() + "/reschedule",
                "{\"start\":\"" + at("11:00") + "\"}").status());

        // The client record stays with office A: office B sees the booking's client reference, not the record.
        assertEquals(404, counterB.get("api/clients/" + clientA).status());
        JsonObject client = counterB.get("api/bookings/" + direct.id()).json().getJsonObject("client");
        assertEquals("Siti", client.getString("firstName"));
        assertFalse(counterB.get("api/bookings/" + direct.id()).body().contains("+65"), "no phone number");

        // Supervisors read; they change nothing.
        assertEquals(403, supervisorB.post("api/bookings/" + direct.id() + "/cancel", "{\"reason\":\"No\"}").status());

        var moved = counterB.post("api/bookings/" + direct.id() + "/reschedule", "{\"start\":\"" + at("11:00") + "\"}");
        assertEquals(200, moved.status(), "the session's office reschedules: " + moved);
        assertEquals(officeB, moved.json().getJsonNumber("officeId").longValue());
        var cancelled = counterA.post("api/bookings/" + direct.id() + "/cancel", "{\"reason\":\"Found a job\"}");
        assertEquals(200, cancelled.status(), "the client's office cancels: " + cancelled);
    }

    @Test
    void theSessionsOfficeChecksTheClientInAndAThirdOfficeCannot() throws Exception {
        long soon = insertBooking(officeB, roomB, clientA, Instant.now().plusSeconds(1800));
        assertEquals(404, counterC.post("api/bookings/" + soon + "/check-in", "").status());
        assertEquals(403, supervisorB.post("api/bookings/" + soon + "/check-in", "").status());
        var checkedIn = counterB.post("api/bookings/" + soon + "/check-in", "");
        assertEquals(200, checkedIn.status(), checkedIn::toString);
        assertEquals("CHECKED_IN", checkedIn.json().getString("status"));
        assertEquals(List.of("BOOKING_CHECKED_IN"), counterA.get("api/bookings/" + soon + "/history").structure()
                .asJsonArray().stream().map(e -> e.asJsonObject().getString("action")).toList(),
                "the client's office reads what the session's office did");
    }

    @Test
    void walkInsAndTheWaitlistTakeAnyActiveOfficeButNoInactiveOne() {
        long closed = created("api/offices", CatalogueIT.office(unique("XD"), "SSO@Closed"));
        assertEquals(200, admin.post("api/offices/" + closed + "/deactivate", "").status());
        long nobodyOffers = created("api/services", CatalogueIT.service(agencyX, unique("NONE")));

        var walkIn = counterA.post("api/bookings/walk-in", "{\"serviceId\":" + nobodyOffers + ",\"officeId\":"
                + officeB + ",\"clientId\":" + clientA + "}");
        assertEquals(409, walkIn.status(), "past the office check, nothing is free today: " + walkIn);
        var atClosed = counterA.post("api/bookings/walk-in", "{\"serviceId\":" + nobodyOffers + ",\"officeId\":"
                + closed + ",\"clientId\":" + clientA + "}");
        assertEquals(400, atClosed.status(), atClosed::toString);
        assertEquals(400, counterA.get("api/slots?service=" + service + "&office=" + closed).status());
        assertEquals(400, counterA.post("api/holds", slot(closed, "IN_PERSON", "09:00", advisor, clientA)).status());

        String wait = "{\"clientId\":" + clientA + ",\"serviceId\":" + service + ",\"officeIds\":[%s],\"firstDay\":\""
                + day + "\",\"lastDay\":\"" + day + "\",\"urgent\":false}";
        var waiting = counterA.post("api/waitlist", wait.formatted(officeB + "," + officeC));
        assertEquals(201, waiting.status(), waiting::toString);
        assertEquals(400, counterA.post("api/waitlist", wait.formatted(closed)).status());
        assertEquals(404, counterB.get("api/waitlist/" + waiting.id()).status(),
                "the waitlist entry stays with the client's office");
    }

    // --- helpers ---

    private String slot(long office, String mode, String start, long advisorId, Long client) {
        return "{\"serviceId\":" + service + ",\"officeId\":" + office + ",\"mode\":\"" + mode + "\",\"start\":\""
                + at(start) + "\",\"advisorId\":" + advisorId + (client == null ? "" : ",\"clientId\":" + client)
                + "}";
    }

    private Api signedIn(String role, Long office, Long agency) {
        String username = "x" + UUID.randomUUID().toString().substring(0, 8);
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

    private static List<JsonObject> items(Api.Reply page) {
        assertEquals(200, page.status(), page::toString);
        return page.json().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    }

    private static List<Long> ids(Api.Reply page) {
        return items(page).stream().map(b -> b.getJsonNumber("id").longValue()).toList();
    }

    private String at(String time) {
        return day.atTime(LocalTime.parse(time)).atZone(SINGAPORE).toOffsetDateTime().toString();
    }

    /** A booking starting soon, as no API books: check-in opens two hours before the start. */
    private long insertBooking(long office, long room, long client, Instant start) {
        return BookingRows.insert(service, office, advisor, room, client, "BOOKED", start);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
