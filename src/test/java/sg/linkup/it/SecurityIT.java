package sg.linkup.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in, roles and scopes over HTTP against the deployed WAR. The authorisation matrix sends every operation
 * in the OpenAPI document as seven callers — anonymous, an admin, counter staff of office A and of office B, a
 * supervisor of office A, and partner staff of agency X and of agency Y — and checks each status; an operation
 * without a row fails it.
 */
@ExtendWith(SharedApp.class)
class SecurityIT {

    private static final String PASSWORD = "a-long-enough-pass-1";

    /** The shared server's address, set by {@link SharedApp}. */
    URL deployment;

    Api admin;

    @BeforeEach
    void connect() {
        admin = new Api(deployment);
    }

    // --- the authorisation matrix ---

    /** What the callers are: office A and agency X are "theirs" for counter A and partner X. */
    record World(long officeA, long officeB, long roomA, long agencyX, long agencyY, long serviceX, long advisorX,
                 long ruleX, long blackoutX, long closureX, long clientA, long staffTarget, long bookingA,
                 long emptyService, long remoteAdvisor, LocalDate remoteDay, long waitlistA, Api[] callers) {
    }

    /** One operation and the status each caller gets, in the order of {@link #CALLERS}. */
    record Row(String method, String template, Supplier<String> path, Supplier<String> body, int... expected) {
    }

    private static final String[] CALLERS = {"anonymous", "admin", "counter A", "counter B", "supervisor A",
            "partner X", "partner Y"};

    @Test
    void everyEndpointAnswersEachRoleAndScopeAsSpecified() {
        World w = world();
        List<Row> rows = matrix(w);

        Set<String> documented = operations();
        Set<String> covered = rows.stream().map(r -> r.method() + " " + r.template())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(covered);
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(documented);
        assertEquals(Set.of(), missing, "endpoints without a row in the authorisation matrix");
        assertEquals(Set.of(), stale, "rows for endpoints that no longer exist");

        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < CALLERS.length; i++) {
                Api.Reply reply = send(w.callers()[i], row.method(), row.path().get(), row.body().get());
                if (reply.status() != row.expected()[i]) {
                    wrong.add(row.method() + " " + row.template() + " as " + CALLERS[i] + ": expected "
                            + row.expected()[i] + ", got " + reply.status() + " " + abbreviated(reply.body()));
                }
                if (reply.status() >= 400) {
                    assertTrue(reply.isProblem(), () -> "not a problem: " + row.template() + " " + reply);
                }
            }
        }
        assertEquals(List.of(), wrong, () -> wrong.size() + " of " + rows.size() * CALLERS.length + " wrong");
    }

    private List<Row> matrix(World w) {
        String a = "/" + w.officeA();
        String x = "/" + w.agencyX();
        String ax = "api/advisors/" + w.advisorX();
        Supplier<String> none = () -> null;
        List<Row> rows = new ArrayList<>();
        // Catalogue: everyone signed in reads it; only admins change it.
        for (String things : List.of("offices", "rooms", "agencies", "services")) {
            long target = switch (things) {
                case "offices" -> w.officeA();
                case "rooms" -> w.roomA();
                case "agencies" -> w.agencyX();
                default -> w.serviceX();
            };
            Supplier<String> body = switch (things) {
                case "offices" -> () -> CatalogueIT.office(unique("OFF"), "SSO@Matrix");
                case "rooms" -> () -> CatalogueIT.room(w.officeA(), unique("Room"), "INTERVIEW_ROOM");
                case "agencies" -> () -> CatalogueIT.agency(unique("AG"), "EMPLOYMENT", null);
                default -> () -> CatalogueIT.service(w.agencyX(), unique("SVC"));
            };
            Supplier<String> same = switch (things) {
                case "offices" -> () -> CatalogueIT.office("OFF-A-" + w.officeA(), "SSO@A");
                case "rooms" -> () -> CatalogueIT.room(w.officeA(), "Room A", "INTERVIEW_ROOM");
                case "agencies" -> () -> CatalogueIT.agency("AG-X-" + w.agencyX(), "EMPLOYMENT", null);
                default -> () -> CatalogueIT.service(w.agencyX(), "SVC-X-" + w.serviceX());
            };
            rows.add(new Row("GET", "/api/" + things, () -> "api/" + things, none, 401, 200, 200, 200, 200, 200, 200));
            rows.add(new Row("POST", "/api/" + things, () -> "api/" + things, body, 401, 201, 403, 403, 403, 403, 403));
            rows.add(new Row("GET", "/api/" + things + "/{id}", () -> "api/" + things + "/" + target, none,
                    401, 200, 200, 200, 200, 200, 200));
            rows.add(new Row("PUT", "/api/" + things + "/{id}", () -> "api/" + things + "/" + target, same,
                    401, 200, 403, 403, 403, 403, 403));
            rows.add(new Row("POST", "/api/" + things + "/{id}/deactivate",
                    () -> "api/" + things + "/" + target + "/deactivate", none, 401, 200, 403, 403, 403, 403, 403));
            rows.add(new Row("POST", "/api/" + things + "/{id}/activate",
                    () -> "api/" + things + "/" + target + "/activate", none, 401, 200, 403, 403, 403, 403, 403));
        }
        rows.add(new Row("GET", "/api/offices/{id}/closures", () -> "api/offices" + a + "/closures", none,
                401, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", "/api/offices/{id}/closures", () -> "api/offices" + a + "/closures",
                () -> "{\"firstDay\":\"2030-01-02\",\"lastDay\":\"2030-01-02\",\"reason\":\"Matrix\"}",
                401, 201, 403, 403, 403, 403, 403));
        rows.add(new Row("DELETE", "/api/offices/{id}/closures/{closureId}",
                () -> "api/offices" + a + "/closures/" + officeClosure(w.officeA()), none,
                401, 204, 403, 403, 403, 403, 403));

        // Advisors: partners manage their own agency's; another agency's answer 404.
        rows.add(new Row("GET", "/api/advisors", () -> "api/advisors", none, 401, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", "/api/advisors", () -> "api/advisors",
                () -> CatalogueIT.advisor(w.agencyX(), unique("adv").toLowerCase(Locale.ROOT) + "@example.org",
                        List.of(w.serviceX())), 401, 201, 403, 403, 403, 201, 400));
        rows.add(new Row("GET", "/api/advisors/{id}", () -> ax, none, 401, 200, 200, 200, 200, 200, 404));
        rows.add(new Row("PUT", "/api/advisors/{id}", () -> ax,
                () -> CatalogueIT.advisor(w.agencyX(), "advisor-x-" + w.advisorX() + "@example.org",
                        List.of(w.serviceX())), 401, 200, 403, 403, 403, 200, 404));
        rows.add(new Row("POST", "/api/advisors/{id}/deactivate", () -> ax + "/deactivate", none,
                401, 200, 403, 403, 403, 200, 404));
        rows.add(new Row("POST", "/api/advisors/{id}/activate", () -> ax + "/activate", none,
                401, 200, 403, 403, 403, 200, 404));

        // Availability rules and blackouts of advisor X.
        rows.add(new Row("GET", "/api/advisors/{advisorId}/rules", () -> ax + "/rules", none,
                401, 200, 200, 200, 200, 200, 404));
        rows.add(new Row("POST", "/api/advisors/{advisorId}/rules", () -> "api/advisors/" + advisor(w) + "/rules",
                () -> AvailabilityIT.rule("MO", "09:00", "12:00", null, "VIDEO_AT_SSO"),
                401, 201, 403, 403, 403, 201, 404));
        rows.add(new Row("GET", "/api/advisors/{advisorId}/rules/{ruleId}", () -> ax + "/rules/" + w.ruleX(), none,
                401, 200, 200, 200, 200, 200, 404));
        rows.add(new Row("PUT", "/api/advisors/{advisorId}/rules/{ruleId}", () -> ax + "/rules/" + w.ruleX(),
                () -> AvailabilityIT.rule("TU", "09:00", "12:00", null, "VIDEO_AT_SSO"),
                401, 200, 403, 403, 403, 200, 404));
        rows.add(new Row("DELETE", "/api/advisors/{advisorId}/rules/{ruleId}", () -> ruleToDelete(w), none,
                401, 204, 403, 403, 403, 204, 404));
        rows.add(new Row("POST", "/api/advisors/{advisorId}/rules/preview", () -> ax + "/rules/preview",
                () -> AvailabilityIT.rule("MO", "09:00", "12:00", null, "VIDEO_AT_SSO"),
                401, 200, 403, 403, 403, 200, 404));
        rows.add(new Row("GET", "/api/advisors/{advisorId}/blackouts", () -> ax + "/blackouts", none,
                401, 200, 200, 200, 200, 200, 404));
        rows.add(new Row("POST", "/api/advisors/{advisorId}/blackouts", () -> ax + "/blackouts", SecurityIT::leave,
                401, 201, 403, 403, 403, 201, 404));
        rows.add(new Row("POST", "/api/advisors/{advisorId}/blackouts/impact", () -> ax + "/blackouts/impact",
                SecurityIT::leave, 401, 200, 403, 403, 403, 200, 404));
        rows.add(new Row("GET", "/api/advisors/{advisorId}/blackouts/{blackoutId}",
                () -> ax + "/blackouts/" + w.blackoutX(), none, 401, 200, 200, 200, 200, 200, 404));
        rows.add(new Row("PUT", "/api/advisors/{advisorId}/blackouts/{blackoutId}",
                () -> ax + "/blackouts/" + w.blackoutX(), SecurityIT::leave, 401, 200, 403, 403, 403, 200, 404));
        rows.add(new Row("DELETE", "/api/advisors/{advisorId}/blackouts/{blackoutId}",
                () -> ax + "/blackouts/" + created(ax + "/blackouts", leave()), none,
                401, 204, 403, 403, 403, 204, 404));

        // Advisor X's calendar subscription: the agency's partners and admins manage it.
        rows.add(new Row("GET", "/api/advisors/{advisorId}/calendar-feed", () -> ax + "/calendar-feed", none,
                401, 200, 403, 403, 403, 200, 404));
        rows.add(new Row("POST", "/api/advisors/{advisorId}/calendar-feed", () -> ax + "/calendar-feed", none,
                401, 201, 403, 403, 403, 201, 404));
        rows.add(new Row("DELETE", "/api/advisors/{advisorId}/calendar-feed", () -> ax + "/calendar-feed", none,
                401, 204, 403, 403, 403, 204, 404));

        // Twilio's webhooks: no sign-in, but nothing without Twilio's signature, whoever calls.
        for (String hook : List.of("status", "inbound")) {
            rows.add(new Row("POST", "/api/webhooks/twilio/" + hook, () -> "api/webhooks/twilio/" + hook, none,
                    403, 403, 403, 403, 403, 403, 403));
        }

        // Agency X's closures and API tokens.
        String closures = "api/agencies" + x + "/closures";
        rows.add(new Row("GET", "/api/agencies/{agencyId}/closures", () -> closures, none,
                401, 200, 200, 200, 200, 200, 404));
        rows.add(new Row("POST", "/api/agencies/{agencyId}/closures", () -> closures, SecurityIT::leave,
                401, 201, 403, 403, 403, 201, 404));
        rows.add(new Row("POST", "/api/agencies/{agencyId}/closures/impact", () -> closures + "/impact",
                SecurityIT::leave, 401, 200, 403, 403, 403, 200, 404));
        rows.add(new Row("GET", "/api/agencies/{agencyId}/closures/{closureId}", () -> closures + "/" + w.closureX(),
                none, 401, 200, 200, 200, 200, 200, 404));
        rows.add(new Row("PUT", "/api/agencies/{agencyId}/closures/{closureId}", () -> closures + "/" + w.closureX(),
                SecurityIT::leave, 401, 200, 403, 403, 403, 200, 404));
        rows.add(new Row("DELETE", "/api/agencies/{agencyId}/closures/{closureId}",
                () -> closures + "/" + created(closures, leave()), none, 401, 204, 403, 403, 403, 204, 404));
        String tokens = "api/agencies" + x + "/tokens";
        rows.add(new Row("GET", "/api/agencies/{agencyId}/tokens", () -> tokens, none,
                401, 200, 403, 403, 403, 200, 404));
        rows.add(new Row("POST", "/api/agencies/{agencyId}/tokens", () -> tokens, () -> "{\"name\":\"Matrix\"}",
                401, 201, 403, 403, 403, 201, 404));
        rows.add(new Row("DELETE", "/api/agencies/{agencyId}/tokens/{tokenId}",
                () -> tokens + "/" + created(tokens, "{\"name\":\"To revoke\"}"), none,
                401, 204, 403, 403, 403, 204, 404));

        // Clients: their office's counter staff; never partners.
        String ca = "api/clients/" + w.clientA();
        rows.add(new Row("GET", "/api/clients", () -> "api/clients", none, 401, 200, 200, 200, 200, 403, 403));
        rows.add(new Row("POST", "/api/clients", () -> "api/clients",
                () -> CatalogueIT.client(w.officeA(), "Matrix Client", mobile(), null),
                401, 201, 201, 400, 403, 403, 403));
        rows.add(new Row("GET", "/api/clients/{id}", () -> ca, none, 401, 200, 200, 404, 200, 403, 403));
        rows.add(new Row("PUT", "/api/clients/{id}", () -> ca,
                () -> CatalogueIT.client(w.officeA(), "Client A", "+65 9000 0001", null),
                401, 200, 200, 404, 403, 403, 403));
        rows.add(new Row("POST", "/api/clients/{id}/deactivate", () -> ca + "/deactivate", none,
                401, 200, 200, 404, 403, 403, 403));
        rows.add(new Row("POST", "/api/clients/{id}/activate", () -> ca + "/activate", none,
                401, 200, 200, 404, 403, 403, 403));

        // Holidays, slots.
        rows.add(new Row("GET", "/api/holidays", () -> "api/holidays?year=2026", none,
                401, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("PUT", "/api/holidays", () -> "api/holidays", SecurityIT::holidays2090,
                401, 200, 403, 403, 403, 403, 403));
        // Any active office, for any SSO staff: a client is served wherever suits them (no wrong door).
        rows.add(new Row("GET", "/api/slots", () -> "api/slots?service=" + w.serviceX() + "&office=" + w.officeA(),
                none, 401, 200, 200, 200, 200, 403, 403));

        // Bookings at office A with advisor X: counter A and partner X reach them, counter B and partner Y do not.
        String booking = "api/bookings/" + w.bookingA();
        rows.add(new Row("GET", "/api/bookings", () -> "api/bookings", none, 401, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", "/api/bookings", () -> "api/bookings", () -> freshSlot(w),
                401, 201, 201, 400, 403, 403, 403));
        rows.add(new Row("GET", "/api/bookings/{id}", () -> booking, none, 401, 200, 200, 404, 200, 200, 404));
        rows.add(new Row("GET", "/api/bookings/{id}/history", () -> booking + "/history", none,
                401, 200, 200, 404, 200, 200, 404));
        rows.add(new Row("GET", "/api/bookings/{id}/alternatives", () -> booking + "/alternatives", none,
                401, 200, 200, 404, 200, 200, 404));
        rows.add(new Row("GET", "/api/bookings/{id}/notifications", () -> booking + "/notifications", none,
                401, 200, 200, 404, 200, 200, 404));
        rows.add(new Row("POST", "/api/bookings/walk-in", () -> "api/bookings/walk-in",
                // A service nobody offers: the answer past the role and scope checks is "nothing free today".
                () -> "{\"serviceId\":" + w.emptyService() + ",\"officeId\":" + w.officeA() + ",\"clientId\":"
                        + w.clientA() + "}", 401, 409, 409, 400, 403, 403, 403));
        rows.add(new Row("POST", "/api/bookings/{id}/reschedule", () -> booking + "/reschedule",
                () -> "{\"start\":\"2030-01-01T03:00:00+08:00\"}", 401, 400, 400, 404, 403, 400, 404));
        rows.add(new Row("POST", "/api/bookings/{id}/cancel",
                () -> "api/bookings/" + insertBooking(w, "BOOKED") + "/cancel", () -> "{\"reason\":\"Matrix\"}",
                401, 200, 200, 404, 403, 200, 404));
        rows.add(new Row("POST", "/api/bookings/{id}/check-in",
                () -> "api/bookings/" + insertBooking(w, "BOOKED") + "/check-in", none,
                401, 200, 200, 404, 403, 403, 403));
        rows.add(new Row("POST", "/api/bookings/{id}/start",
                () -> "api/bookings/" + insertBooking(w, "CHECKED_IN") + "/start", none,
                401, 200, 403, 403, 403, 200, 404));
        rows.add(new Row("POST", "/api/bookings/{id}/complete",
                () -> "api/bookings/" + insertBooking(w, "IN_PROGRESS") + "/complete",
                () -> "{\"outcome\":\"ATTENDED\"}", 401, 200, 403, 403, 403, 200, 404));
        rows.add(new Row("POST", "/api/bookings/no-shows", () -> "api/bookings/no-shows", none,
                401, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/retention/sweep", () -> "api/retention/sweep", none,
                401, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/holds", () -> "api/holds", () -> freshSlot(w),
                401, 201, 201, 400, 403, 403, 403));
        rows.add(new Row("DELETE", "/api/holds/{id}", () -> "api/holds/" + insertBooking(w, "HELD"), none,
                401, 204, 204, 404, 403, 403, 403));

        // The waitlist of office A's clients.
        String entry = "api/waitlist/" + w.waitlistA();
        rows.add(new Row("GET", "/api/waitlist", () -> "api/waitlist", none, 401, 200, 200, 200, 200, 403, 403));
        rows.add(new Row("POST", "/api/waitlist", () -> "api/waitlist", () -> waitlistBody(w),
                401, 201, 201, 400, 403, 403, 403));
        rows.add(new Row("GET", "/api/waitlist/{id}", () -> entry, none, 401, 200, 200, 404, 200, 403, 403));
        rows.add(new Row("POST", "/api/waitlist/{id}/accept", () -> entry + "/accept", none,
                401, 409, 409, 404, 403, 403, 403));
        rows.add(new Row("POST", "/api/waitlist/{id}/decline", () -> entry + "/decline", none,
                401, 409, 409, 404, 403, 403, 403));
        rows.add(new Row("DELETE", "/api/waitlist/{id}",
                () -> "api/waitlist/" + admin.post("api/waitlist", waitlistBody(w)).id(), none,
                401, 204, 204, 404, 403, 403, 403));

        // Staff accounts and the audit trail: admins only.
        String target = "api/staff/" + w.staffTarget();
        rows.add(new Row("GET", "/api/staff", () -> "api/staff", none, 401, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/staff", () -> "api/staff",
                () -> staff(unique("u").toLowerCase(Locale.ROOT), "ADMIN", null, null),
                401, 201, 403, 403, 403, 403, 403));
        rows.add(new Row("GET", "/api/staff/{id}", () -> target, none, 401, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("PUT", "/api/staff/{id}", () -> target,
                () -> staff("target." + w.staffTarget(), "COUNTER_STAFF", w.officeB(), null),
                401, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/staff/{id}/password", () -> target + "/password",
                () -> "{\"password\":\"" + PASSWORD + "\"}", 401, 200, 403, 403, 403, 403, 403));
        for (String action : List.of("unlock", "disable", "enable")) {
            rows.add(new Row("POST", "/api/staff/{id}/" + action, () -> target + "/" + action, none,
                    401, 200, 403, 403, 403, 403, 403));
        }
        rows.add(new Row("GET", "/api/audit", () -> "api/audit", none, 401, 200, 403, 403, 403, 403, 403));
        // Reports: supervisors (their offices), partners (their agency, at any office), admins; never the counter.
        // First free slot reads no roll-up, so no rebuild answers 503 here (ReportsIT covers the others).
        rows.add(new Row("GET", "/api/reports/{name}", () -> "api/reports/first-free-slot?office=" + w.officeA(),
                none, 401, 200, 403, 403, 200, 200, 200));

        // Session: open to all; GET needs some identity, DELETE always succeeds.
        rows.add(new Row("GET", "/api/session", () -> "api/session", none, 401, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", "/api/session", () -> "api/session",
                // An unknown user: a wrong password for a real one would lock it out after three callers.
                () -> "{\"username\":\"no.such.user\",\"password\":\"wrong password here\"}",
                401, 401, 401, 401, 401, 401, 401));
        rows.add(new Row("DELETE", "/api/session", () -> "api/session", none, 204, 204, 204, 204, 204, 204, 204));
        // What the screens read before sign-in (official masthead, idle limit): open to everyone.
        rows.add(new Row("GET", "/api/ui-settings", () -> "api/ui-settings", none, 200, 200, 200, 200, 200, 200,
                200));
        return rows;
    }

    // --- what lists hold ---

    /**
     * A 200 to the right role says nothing about what the list holds: every list answers office B's staff and
     * agency Y's partner with records of their own (so the filter is not merely empty) and none of office A's or
     * agency X's, also when they ask for A's or X's records by a filter.
     */
    @Test
    void noListHoldsAnotherOfficesOrAnotherAgencysRecords() {
        World w = world();
        long roomB = created("api/rooms", CatalogueIT.room(w.officeB(), "Room B", "INTERVIEW_ROOM"));
        long clientB = created("api/clients", CatalogueIT.client(w.officeB(), "Client B", mobile(), null));
        long serviceY = created("api/services", CatalogueIT.service(w.agencyY(), unique("SVY")));
        long advisorY = created("api/advisors", CatalogueIT.advisor(w.agencyY(),
                unique("y").toLowerCase(Locale.ROOT) + "@example.org", List.of(serviceY)));
        long ruleY = created("api/advisors/" + advisorY + "/rules",
                AvailabilityIT.rule("WE", "09:00", "12:00", null, "VIDEO_AT_SSO"));
        long blackoutY = created("api/advisors/" + advisorY + "/blackouts", leave());
        long closureY = created("api/agencies/" + w.agencyY() + "/closures", leave());
        long tokenX = created("api/agencies/" + w.agencyX() + "/tokens", "{\"name\":\"X sync\"}");
        long tokenY = created("api/agencies/" + w.agencyY() + "/tokens", "{\"name\":\"Y sync\"}");
        long bookingB = insertBooking(serviceY, w.officeB(), advisorY, roomB, clientB, "BOOKED");
        long waitlistB = created("api/waitlist", waitlistBody(w).replace("\"clientId\":" + w.clientA(),
                "\"clientId\":" + clientB).replace("[" + w.officeA() + "]", "[" + w.officeB() + "]"));
        Api counterB = w.callers()[3];
        Api supervisorB = admin.as(account("SUPERVISOR", w.officeB(), null), PASSWORD);
        Api partnerY = w.callers()[6];

        for (Api staffB : List.of(counterB, supervisorB)) {
            List<JsonObject> bookings = items(staffB, "api/bookings");
            assertHolds(bookings, bookingB, "office B's bookings");
            assertNone(bookings, b -> b.getJsonNumber("officeId").longValue() != w.officeB()
                    && b.getJsonObject("client").getJsonNumber("officeId").longValue() != w.officeB(),
                    "bookings neither held at office B nor of its clients");
            assertNone(bookings, b -> b.getJsonNumber("id").longValue() == w.bookingA(), "office A's booking");
            for (String filter : List.of("office=" + w.officeA(), "client=" + w.clientA(),
                    "advisor=" + w.advisorX(), "agency=" + w.agencyX())) {
                assertEquals(0, total(staffB, "api/bookings?" + filter), "office A's bookings by " + filter);
            }

            List<JsonObject> clients = items(staffB, "api/clients");
            assertHolds(clients, clientB, "office B's clients");
            assertNone(clients, c -> c.getJsonNumber("officeId").longValue() != w.officeB(), "other offices' clients");
            for (String filter : List.of("office=" + w.officeA(), "mobile=%2B6590000001", "q=Client%20A")) {
                assertEquals(0, total(staffB, "api/clients?" + filter), "office A's clients by " + filter);
            }

            List<JsonObject> waiting = items(staffB, "api/waitlist");
            assertHolds(waiting, waitlistB, "office B's waitlist");
            assertNone(waiting, e -> e.getJsonNumber("clientId").longValue() != clientB, "other offices' clients");
            assertNone(items(staffB, "api/waitlist?service=" + w.serviceX()),
                    e -> e.getJsonNumber("clientId").longValue() != clientB, "office A's waits by service");

            // A client's busy times are for the client's own office to know.
            var slots = staffB.get("api/slots?service=" + w.serviceX() + "&office=" + w.officeA() + "&client="
                    + w.clientA());
            assertEquals(400, slots.status(), slots::toString);
        }

        List<JsonObject> advisors = items(partnerY, "api/advisors");
        assertHolds(advisors, advisorY, "agency Y's advisors");
        assertNone(advisors, a -> a.getJsonNumber("agencyId").longValue() != w.agencyY(), "other agencies' advisors");
        assertEquals(0, total(partnerY, "api/advisors?agency=" + w.agencyX()), "agency X's advisors by filter");
        assertEquals(0, total(partnerY, "api/advisors?service=" + w.serviceX()), "agency X's advisors by service");
        List<JsonObject> partnerBookings = items(partnerY, "api/bookings");
        assertHolds(partnerBookings, bookingB, "bookings with agency Y's advisors");
        assertNone(partnerBookings, b -> b.getJsonNumber("advisorId").longValue() != advisorY,
                "bookings with other agencies' advisors");
        for (String filter : List.of("agency=" + w.agencyX(), "advisor=" + w.advisorX(), "office=" + w.officeA(),
                "client=" + w.clientA())) {
            assertEquals(0, total(partnerY, "api/bookings?" + filter), "agency X's bookings by " + filter);
        }
        // Rules, blackouts, closures and tokens are listed per advisor or agency: X's paths answer Y with 404
        // (the matrix), and Y's own lists hold none of X's.
        assertEquals(List.of(ruleY), ids(array(partnerY, "api/advisors/" + advisorY + "/rules")));
        assertEquals(List.of(blackoutY), ids(array(partnerY, "api/advisors/" + advisorY + "/blackouts")));
        assertEquals(List.of(closureY), ids(array(partnerY, "api/agencies/" + w.agencyY() + "/closures")));
        assertEquals(List.of(tokenY), ids(array(partnerY, "api/agencies/" + w.agencyY() + "/tokens")));
        assertFalse(ids(array(admin, "api/agencies/" + w.agencyX() + "/tokens")).contains(tokenY));
        assertTrue(ids(array(admin, "api/agencies/" + w.agencyX() + "/tokens")).contains(tokenX));
        // Staff accounts and the audit trail are listed to admins only: nobody scoped gets a page of them at all.
        for (Api caller : List.of(counterB, supervisorB, partnerY)) {
            assertEquals(403, caller.get("api/staff").status());
            assertEquals(403, caller.get("api/audit").status());
        }
        // A booking's history, alternatives and notifications are read through the booking's own scope check.
        for (String part : List.of("", "/history", "/alternatives", "/notifications")) {
            assertEquals(404, counterB.get("api/bookings/" + w.bookingA() + part).status(), part);
            assertEquals(404, partnerY.get("api/bookings/" + w.bookingA() + part).status(), part);
        }

        // Not scoped by design: the catalogue every signed-in caller reads (offices, their closures, rooms,
        // agencies, services, advisors for SSO staff, holidays). It must hold nothing about clients or secrets.
        for (Api caller : List.of(counterB, supervisorB, partnerY)) {
            for (String path : List.of("api/offices", "api/offices/" + w.officeA() + "/closures", "api/rooms",
                    "api/agencies", "api/services", "api/advisors", "api/holidays")) {
                var reply = caller.get(path);
                assertEquals(200, reply.status(), path);
                for (String secret : List.of("\"client", "\"mobile\"", "\"partialNric\"", "\"token\"",
                        "\"referralNote\"", "\"password", "+6590000001")) {
                    assertFalse(reply.body().contains(secret), path + " holds " + secret);
                }
            }
        }
    }

    /** Every item of a paged list, page by page. */
    private static List<JsonObject> items(Api caller, String path) {
        List<JsonObject> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            var reply = caller.get(path + (path.contains("?") ? "&" : "?") + "size=200&page=" + page);
            assertEquals(200, reply.status(), () -> path + " " + reply);
            JsonObject json = reply.json();
            json.getJsonArray("items").forEach(i -> items.add(i.asJsonObject()));
            if (items.size() >= json.getInt("total") || json.getJsonArray("items").isEmpty()) {
                return items;
            }
        }
    }

    private static int total(Api caller, String path) {
        var reply = caller.get(path);
        assertEquals(200, reply.status(), () -> path + " " + reply);
        return reply.json().getInt("total");
    }

    private static List<JsonObject> array(Api caller, String path) {
        var reply = caller.get(path);
        assertEquals(200, reply.status(), () -> path + " " + reply);
        return reply.structure().asJsonArray().stream().map(JsonObject.class::cast).toList();
    }

    private static List<Long> ids(List<JsonObject> items) {
        return items.stream().map(i -> i.getJsonNumber("id").longValue()).toList();
    }

    private static void assertHolds(List<JsonObject> items, long id, String what) {
        assertTrue(ids(items).contains(id), () -> what + " should hold " + id + ": " + items);
    }

    private static void assertNone(List<JsonObject> items, java.util.function.Predicate<JsonObject> foreign,
                                   String what) {
        List<JsonObject> leaked = items.stream().filter(foreign).toList();
        assertEquals(List.of(), leaked, what);
    }

    // --- sign-in, lock-out, CSRF, cookies, tokens, logs ---

    @Test
    void aSessionSignInSetsAStrictHttpOnlySecureCookieAndStateChangesNeedTheCsrfToken() {
        String user = account("COUNTER_STAFF", office(), null);
        var signIn = admin.anonymous().send(admin.anonymous().json("api/session").POST(
                HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")));
        assertEquals(200, signIn.status(), signIn::toString);
        String cookie = signIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("LINKUP_SESSION=")).findFirst().orElse(null);
        assertNotNull(cookie, signIn::toString);
        assertTrue(cookie.startsWith("LINKUP_SESSION="), cookie);
        String lower = cookie.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("httponly"), cookie);
        assertTrue(lower.contains("secure"), cookie);
        assertTrue(lower.contains("samesite=strict"), cookie);
        // Everything the browser keeps from the sign-in: the session cookie and, with distributable sessions,
        // Payara's JSESSIONIDVERSION beside it (same Secure, HttpOnly, SameSite=Strict flags).
        for (String other : signIn.headers().allValues("Set-Cookie")) {
            String flags = other.toLowerCase(Locale.ROOT);
            assertTrue(flags.contains("httponly") && flags.contains("secure") && flags.contains("samesite=strict"),
                    other);
        }
        String session = String.join("; ", signIn.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';'))).toList());
        String csrf = signIn.json().getString("csrfToken");
        assertEquals("COUNTER_STAFF", signIn.json().getString("role"));

        Api browser = admin.anonymous();
        var read = browser.send(browser.request("api/offices").header("Cookie", session).GET());
        assertEquals(200, read.status(), () -> "the cookie alone is enough to read: " + session + " of "
                + signIn.headers().allValues("Set-Cookie"));

        String body = CatalogueIT.client(signIn.json().getJsonArray("officeIds").getJsonNumber(0).longValue(),
                "Csrf Test", mobile(), null);
        var noToken = browser.send(browser.json("api/clients").header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(403, noToken.status(), noToken::toString);
        assertTrue(noToken.isProblem());
        var wrongToken = browser.send(browser.json("api/clients").header("Cookie", session)
                .header("X-CSRF-Token", csrf + "x").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(403, wrongToken.status());
        assertEquals(0, admin.get("api/clients?q=Csrf%20Test").json().getInt("total"), "nothing stored");

        var withToken = browser.send(browser.json("api/clients").header("Cookie", session)
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, withToken.status(), withToken::toString);

        var signOut = browser.send(browser.request("api/session").header("Cookie", session)
                .header("X-CSRF-Token", csrf).DELETE());
        assertEquals(204, signOut.status());
        assertEquals(401, browser.send(browser.request("api/offices").header("Cookie", session).GET()).status(),
                "the session ends with sign-out");
    }

    @Test
    void anAccountLocksAfterThreeWrongPasswordsAndTheAttemptsAreAudited() {
        String user = account("ADMIN", null, null);
        Api wrong = admin.as(user, "not the password 1");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, wrong.get("api/offices").status());
        }
        var locked = admin.as(user, PASSWORD).get("api/offices");
        assertEquals(401, locked.status(), "even the right password is refused while locked");
        assertTrue(locked.isProblem());

        var audit = admin.get("api/audit?actor=" + user + "&action=SIGN_IN_FAILED").json();
        assertEquals(4, audit.getInt("total"), audit::toString);
        assertTrue(audit.toString().contains("now locked"), audit::toString);

        long id = admin.get("api/staff?q=" + user).json().getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
        assertEquals(200, admin.post("api/staff/" + id + "/unlock", "").status());
        assertEquals(200, admin.as(user, PASSWORD).get("api/offices").status(), "unlocked by an admin");
    }

    @Test
    void theAuditTrailIsSearchedBySingaporeDatesBothDaysIncluded() {
        String user = account("ADMIN", null, null);
        assertEquals(401, admin.as(user, "not the password 1").get("api/offices").status());
        String failed = "api/audit?actor=" + user + "&action=SIGN_IN_FAILED";
        var event = admin.get(failed).json().getJsonArray("items").getJsonObject(0);
        // The day the event happened on in Singapore, whatever the hour: the search must take that whole day.
        LocalDate day = java.time.Instant.parse(event.getString("occurredAt")).atZone(ZoneId.of("Asia/Singapore"))
                .toLocalDate();

        assertEquals(1, admin.get(failed + "&from=" + day + "&to=" + day).json().getInt("total"), "that day, both ends");
        assertEquals(1, admin.get(failed + "&from=" + day).json().getInt("total"), "from that day on");
        assertEquals(0, admin.get(failed + "&from=" + day.plusDays(1)).json().getInt("total"), "not from the next day");
        assertEquals(0, admin.get(failed + "&to=" + day.minusDays(1)).json().getInt("total"), "not up to the day before");

        var notADate = admin.get("api/audit?from=yesterday");
        assertEquals(400, notADate.status(), notADate::toString);
        assertTrue(notADate.isProblem());
        assertTrue(notADate.body().contains("\"from\""), notADate::toString);
        var backwards = admin.get("api/audit?from=" + day + "&to=" + day.minusDays(1));
        assertEquals(400, backwards.status(), backwards::toString);
        assertTrue(backwards.body().contains("on or after from"), backwards::toString);
    }

    @Test
    void badSignInInputGetsACleanProblem() {
        Api anonymous = admin.anonymous();
        var empty = anonymous.send(anonymous.json("api/session").POST(HttpRequest.BodyPublishers.ofString("")));
        assertEquals(400, empty.status(), empty::toString);
        assertTrue(empty.isProblem());
        var blank = anonymous.post("api/session", "{\"username\":\"\",\"password\":\"\"}");
        assertEquals(400, blank.status(), blank::toString);
        var malformed = anonymous.post("api/session", "{\"username\":");
        assertEquals(400, malformed.status());
        assertTrue(malformed.isProblem());
        var oversized = anonymous.post("api/session", "{\"username\":\"" + "a".repeat(5000) + "\",\"password\":\"x\"}");
        assertEquals(413, oversized.status(), oversized::toString);
        assertTrue(oversized.isProblem());
        var form = anonymous.send(anonymous.request("api/session").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("username=a&password=b")));
        assertEquals(415, form.status(), form::toString);
        assertTrue(form.isProblem());
        var garbageBasic = anonymous.send(anonymous.request("api/offices").header("Authorization", "Basic %%%").GET());
        assertEquals(401, garbageBasic.status());
        assertTrue(garbageBasic.isProblem());
    }

    @Test
    void aPartnerTokenWorksForItsAgencyOnlyUntilRevoked() {
        long agency = agency();
        long other = agency();
        var issued = admin.post("api/agencies/" + agency + "/tokens", "{\"name\":\"Roster sync\"}");
        assertEquals(201, issued.status(), issued::toString);
        String token = issued.json().getString("token");
        assertFalse(admin.get("api/agencies/" + agency + "/tokens").body().contains(token), "shown only once");

        Api system = admin.withToken(token);
        assertEquals(200, system.get("api/agencies/" + agency + "/closures").status());
        assertEquals(404, system.get("api/agencies/" + other + "/closures").status());
        assertEquals(403, system.get("api/clients").status());
        assertEquals(403, system.post("api/agencies/" + agency + "/tokens", "{\"name\":\"More\"}").status(),
                "a token cannot mint tokens");

        assertEquals(204, admin.delete("api/agencies/" + agency + "/tokens/" + issued.id()).status());
        assertEquals(401, system.get("api/agencies/" + agency + "/closures").status());
    }

    @Test
    void theWaitlistNamesItsClientsEachAnAuditedReadOfTheOfficesOwnClients() {
        long office = office();
        long elsewhere = office();
        long service = admin.post("api/services", CatalogueIT.service(agency(), unique("WL"))).id();
        long tan = admin.post("api/clients", CatalogueIT.client(office, "Tan Mei Ling", mobile(), null)).id();
        long raj = admin.post("api/clients", CatalogueIT.client(office, "Rajesh Kumar", mobile(), null)).id();
        long other = admin.post("api/clients", CatalogueIT.client(elsewhere, "Other Office", mobile(), null)).id();
        String day = LocalDate.now(ZoneId.of("Asia/Singapore")).plusDays(3).toString();
        for (long client : List.of(tan, raj, other)) {
            var joined = admin.post("api/waitlist", "{\"clientId\":" + client + ",\"serviceId\":" + service
                    + ",\"officeIds\":[" + office + "],\"firstDay\":\"" + day + "\",\"lastDay\":\"" + day + "\"}");
            assertEquals(201, joined.status(), joined::toString);
        }
        String counter = account("COUNTER_STAFF", office, null);

        var listed = admin.as(counter, PASSWORD).get("api/waitlist?service=" + service);
        assertEquals(200, listed.status(), listed::toString);
        List<String> names = listed.json().getJsonArray("items").stream()
                .map(e -> e.asJsonObject().getString("clientName")).toList();
        assertEquals(List.of("Tan Mei Ling", "Rajesh Kumar"), names, "the office's own clients, by name");

        var reads = admin.get("api/audit?actor=" + counter + "&action=CLIENT_NAME_READ").json().getJsonArray("items");
        assertEquals(java.util.Set.of(tan, raj), reads.stream()
                        .map(r -> r.asJsonObject().getJsonNumber("subjectId").longValue()).collect(Collectors.toSet()),
                () -> "one audit line per client named, on that client's trail: " + reads);
        assertEquals(1, admin.get("api/audit?subjectType=Client&subjectId=" + tan + "&action=CLIENT_NAME_READ")
                .json().getInt("total"), "who saw this client finds the waitlist read");
        assertEquals(0, admin.get("api/audit?actor=" + counter + "&action=CLIENT_CONTACT_READ").json()
                .getInt("total"), "no client was read one by one");
    }

    @Test
    void readingAClientsContactDetailsIsAudited() {
        long office = office();
        long client = admin.post("api/clients", CatalogueIT.client(office, "Audit Subject", mobile(), null)).id();
        String counter = account("COUNTER_STAFF", office, null);
        assertEquals(200, admin.as(counter, PASSWORD).get("api/clients/" + client).status());

        var trail = admin.get("api/audit?subjectType=Client&subjectId=" + client).json();
        List<String> actions = trail.getJsonArray("items").stream()
                .map(e -> e.asJsonObject().getString("action") + " by " + e.asJsonObject().getString("actor"))
                .toList();
        assertTrue(actions.contains("CLIENT_CONTACT_READ by " + counter), actions::toString);
        assertTrue(actions.contains("CLIENT_REGISTERED by " + Api.ADMIN), actions::toString);
        JsonObject read = trail.getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("actor").equals(counter)).findFirst().orElseThrow();
        assertEquals("COUNTER_STAFF", read.getString("role"));
        assertEquals("offices=" + office, read.getString("scope"));
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        // The application's own responses; /health, /openapi and /metrics are Payara's, headed at the proxy.
        for (Api.Reply reply : List.of(admin.get("api/offices"), admin.anonymous().get("api/offices"),
                admin.get("api/offices/987654321"), admin.as(Api.ADMIN, "wrong-password-123").get("api/offices"))) {
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply::toString);
            assertTrue(reply.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
            assertTrue(reply.header("Content-Security-Policy").startsWith("default-src 'self'; img-src 'self' data:;"),
                    "scripts and styles from the app's own origin only");
            assertEquals("no-referrer", reply.header("Referrer-Policy"));
            assertEquals("DENY", reply.header("X-Frame-Options"));
        }
    }

    @Test
    void theLogNeverShowsAFullPhoneNumberAPasswordOrAToken() throws IOException {
        long office = office();
        String number = mobile().replace(" ", "");
        admin.post("api/clients", CatalogueIT.client(office, "Log Subject", number, "482K"));
        admin.post("api/clients", CatalogueIT.client(office, "Log Subject", "+65 6123 4567", null));
        String secret = "a-password-nobody-logs-" + UUID.randomUUID();
        admin.as(Api.ADMIN, secret).get("api/offices");
        admin.anonymous().post("api/session", "{\"username\":\"nobody\",\"password\":\"" + secret + "\"}");
        long agency = agency();
        String token = admin.post("api/agencies/" + agency + "/tokens", "{\"name\":\"Log\"}").json().getString("token");
        admin.withToken(token).get("api/agencies/" + agency + "/closures");
        admin.withToken(token + "x").get("api/offices");

        // The shared server's log and console (target/it-payara-shared.log, .out) and any Arquillian server's
        // (target/it-payara.log); Payara Micro appends a rotation number: target/it-payara.log.0
        StringBuilder logs = new StringBuilder();
        try (var files = Files.list(Path.of("target"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("it-payara")
                    && Files.isRegularFile(f)).toList()) {
                logs.append(Files.readString(file));
            }
        }
        String text = logs.toString();
        assertTrue(text.contains("Payara Micro"), "the server's log was found in target/");
        assertFalse(text.contains("482K"), "partial NRIC in the log");
        String digits = number.substring(number.length() - 8);
        assertFalse(text.contains("+65" + digits), "full phone number in the log");
        assertFalse(text.contains(digits.substring(0, 4) + " " + digits.substring(4)), "phone number as typed");
        assertFalse(text.contains("+6561234567"), "the refused landline number in the log");
        assertFalse(text.contains(secret), "password in the log");
        assertFalse(text.contains(token.substring(3)), "API token in the log");
        assertFalse(text.contains(PASSWORD), "password in the log");
    }

    // --- helpers ---

    private World world() {
        long officeA = office();
        // Names that PUT can restore exactly: the row's PUT sends the same description back.
        admin.put("api/offices/" + officeA, CatalogueIT.office("OFF-A-" + officeA, "SSO@A"));
        long officeB = office();
        long roomA = admin.post("api/rooms", CatalogueIT.room(officeA, "Room A", "INTERVIEW_ROOM")).id();
        long agencyX = admin.post("api/agencies", CatalogueIT.agency(unique("AGX"), "EMPLOYMENT", null)).id();
        admin.put("api/agencies/" + agencyX, CatalogueIT.agency("AG-X-" + agencyX, "EMPLOYMENT", null));
        long agencyY = agency();
        long serviceX = admin.post("api/services", CatalogueIT.service(agencyX, unique("SVX"))).id();
        admin.put("api/services/" + serviceX, CatalogueIT.service(agencyX, "SVC-X-" + serviceX));
        long advisorX = admin.post("api/advisors", CatalogueIT.advisor(agencyX, unique("x") + "@example.org",
                List.of(serviceX))).id();
        admin.put("api/advisors/" + advisorX, CatalogueIT.advisor(agencyX, "advisor-x-" + advisorX + "@example.org",
                List.of(serviceX)));
        long ruleX = admin.post("api/advisors/" + advisorX + "/rules",
                AvailabilityIT.rule("TU", "09:00", "12:00", null, "VIDEO_AT_SSO")).id();
        long blackoutX = admin.post("api/advisors/" + advisorX + "/blackouts", leave()).id();
        long closureX = admin.post("api/agencies/" + agencyX + "/closures", leave()).id();
        long clientA = admin.post("api/clients", CatalogueIT.client(officeA, "Client A", "+65 9000 0001", null)).id();
        String target = "target." + UUID.randomUUID().toString().substring(0, 6);
        long staffTarget = admin.post("api/staff", staff(target, "COUNTER_STAFF", officeB, null)).id();
        admin.put("api/staff/" + staffTarget, staff("target." + staffTarget, "COUNTER_STAFF", officeB, null));
        long emptyService = admin.post("api/services", CatalogueIT.service(agencyX, unique("EMPTY"))).id();
        // An advisor of X on video all day on one weekday ahead: each booking row books the next free hour.
        long remoteAdvisor = admin.post("api/advisors", CatalogueIT.advisor(agencyX,
                unique("rem").toLowerCase(Locale.ROOT) + "@example.org", List.of(serviceX))).id();
        LocalDate remoteDay = LocalDate.now(ZoneId.of("Asia/Singapore")).plusDays(9);
        while (remoteDay.getDayOfWeek().getValue() > 5 || admin.get("api/holidays?year=" + remoteDay.getYear())
                .body().contains(remoteDay.toString())) {
            remoteDay = remoteDay.plusDays(1);
        }
        String weekday = remoteDay.getDayOfWeek().toString().substring(0, 2);
        var remoteRule = admin.post("api/advisors/" + remoteAdvisor + "/rules",
                "{\"rrule\":\"FREQ=WEEKLY;BYDAY=" + weekday + "\",\"startTime\":\"09:00\",\"endTime\":\"17:00\","
                        + "\"validFrom\":\"" + LocalDate.now(ZoneId.of("Asia/Singapore")) + "\",\"modes\":[\"VIDEO_REMOTE\"]}");
        assertEquals(201, remoteRule.status(), remoteRule::toString);
        World partial = new World(officeA, officeB, roomA, agencyX, agencyY, serviceX, advisorX, ruleX, blackoutX,
                closureX, clientA, staffTarget, 0, emptyService, remoteAdvisor, remoteDay, 0, null);
        long bookingA = insertBooking(partial, "BOOKED");
        long waitlistA = admin.post("api/waitlist", waitlistBody(partial)).id();
        Api[] callers = {admin.anonymous(), admin,
                admin.as(account("COUNTER_STAFF", officeA, null), PASSWORD),
                admin.as(account("COUNTER_STAFF", officeB, null), PASSWORD),
                admin.as(account("SUPERVISOR", officeA, null), PASSWORD),
                admin.as(account("PARTNER", null, agencyX), PASSWORD),
                admin.as(account("PARTNER", null, agencyY), PASSWORD)};
        return new World(officeA, officeB, roomA, agencyX, agencyY, serviceX, advisorX, ruleX, blackoutX, closureX,
                clientA, staffTarget, bookingA, emptyService, remoteAdvisor, remoteDay, waitlistA, callers);
    }

    /** A free VIDEO_REMOTE slot at office A for a new client, with a new advisor of X (a rule just for it). */
    private String freshSlot(World w) {
        long advisor = admin.post("api/advisors", CatalogueIT.advisor(w.agencyX(),
                unique("fresh").toLowerCase(Locale.ROOT) + "@example.org", List.of(w.serviceX()))).id();
        String weekday = w.remoteDay().getDayOfWeek().toString().substring(0, 2);
        assertEquals(201, admin.post("api/advisors/" + advisor + "/rules",
                "{\"rrule\":\"FREQ=WEEKLY;BYDAY=" + weekday + "\",\"startTime\":\"09:00\",\"endTime\":\"12:00\","
                        + "\"validFrom\":\"" + LocalDate.now(ZoneId.of("Asia/Singapore"))
                        + "\",\"modes\":[\"VIDEO_REMOTE\"]}").status());
        long client = admin.post("api/clients", CatalogueIT.client(w.officeA(), "Matrix Client", mobile(), null)).id();
        return "{\"serviceId\":" + w.serviceX() + ",\"officeId\":" + w.officeA() + ",\"mode\":\"VIDEO_REMOTE\","
                + "\"start\":\"" + w.remoteDay() + "T09:00:00+08:00\",\"advisorId\":" + advisor + ",\"clientId\":"
                + client + "}";
    }

    /** A booking row of office A and advisor X in the given state, starting in half an hour (written by SQL). */
    private long insertBooking(World w, String status) {
        return insertBooking(w.serviceX(), w.officeA(), w.advisorX(), w.roomA(), w.clientA(), status);
    }

    /** A booking row starting in half an hour: in person with a room, or by video from home without. */
    private static long insertBooking(long service, long office, long advisor, Long room, long client,
                                      String status) {
        return BookingRows.insert(service, office, advisor, room, client, status,
                java.time.Instant.now().plusSeconds(1800));
    }

    /** A wait for the day after the remote day, when no advisor of X works: it never gets an offer. */
    private String waitlistBody(World w) {
        String day = w.remoteDay().plusDays(1).toString();
        return "{\"clientId\":" + w.clientA() + ",\"serviceId\":" + w.serviceX() + ",\"officeIds\":[" + w.officeA()
                + "],\"firstDay\":\"" + day + "\",\"lastDay\":\"" + day + "\",\"urgent\":false}";
    }

    /** The documented operations, as "METHOD /path". */
    private Set<String> operations() {
        JsonObject paths = admin.send(admin.json("/openapi").GET()).json().getJsonObject("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet().forEach(method ->
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    private static Api.Reply send(Api api, String method, String path, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder request = body == null ? api.request(path)
                : body.startsWith("BEGIN:VCALENDAR") ? api.request(path).header("Content-Type", "text/calendar")
                : api.json(path);
        return api.send(request.method(method, publisher));
    }

    private String account(String role, Long office, Long agency) {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        var reply = admin.post("api/staff", staff(username, role, office, agency));
        assertEquals(201, reply.status(), reply::toString);
        return username;
    }

    private static String staff(String username, String role, Long office, Long agency) {
        return """
                {"username":"%s","displayName":"Test %s","role":"%s","officeIds":[%s],%s"password":"%s"}"""
                .formatted(username, role, role, office == null ? "" : office,
                        agency == null ? "" : "\"agencyId\":" + agency + ",", PASSWORD);
    }

    private long office() {
        return admin.post("api/offices", CatalogueIT.office(unique("OF"), "SSO@Test")).id();
    }

    private long agency() {
        return admin.post("api/agencies", CatalogueIT.agency(unique("AG"), "EMPLOYMENT", null)).id();
    }

    private String advisor(World w) {
        return String.valueOf(admin.post("api/advisors", CatalogueIT.advisor(w.agencyX(),
                unique("r").toLowerCase(Locale.ROOT) + "@example.org", List.of(w.serviceX()))).id());
    }

    private String ruleToDelete(World w) {
        String advisor = advisor(w);
        return "api/advisors/" + advisor + "/rules/"
                + created("api/advisors/" + advisor + "/rules", AvailabilityIT.rule("WE", "09:00", "12:00", null,
                "VIDEO_AT_SSO"));
    }

    private long officeClosure(long office) {
        return created("api/offices/" + office + "/closures",
                "{\"firstDay\":\"2031-01-02\",\"lastDay\":\"2031-01-02\",\"reason\":\"To delete\"}");
    }

    private long created(String path, String body) {
        var reply = admin.post(path, body);
        assertEquals(201, reply.status(), () -> path + " " + reply);
        return reply.id();
    }

    private static String leave() {
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Singapore")).plusDays(40);
        return AvailabilityIT.blackout(day.toString(), day.toString(), "Matrix leave");
    }

    private static String holidays2090() {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Linkup//IT//EN\r\nBEGIN:VEVENT\r\nUID:2090@it\r\n"
                + "DTSTAMP:20261123T000000Z\r\nDTSTART;VALUE=DATE:20900101\r\nSUMMARY:New Year's Day\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String mobile() {
        return "+65 " + CatalogueIT.mobile();
    }

    private static String abbreviated(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }
}
