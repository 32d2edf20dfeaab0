package sg.linkup.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploys the built WAR on Payara Micro against a real MariaDB and drives the catalogue over HTTP, as a
 * counter officer's browser or a partner's script would. Each test makes its own records (unique codes),
 * so the tests do not depend on each other's order.
 */
@ExtendWith(SharedApp.class)
class CatalogueIT {

    /** The shared server's address, set by {@link SharedApp}. */
    URL deployment;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(deployment);
    }

    // --- offices: the whole life of a record ---

    @Test
    void answersAreGzippedForBrowsersThatAcceptIt() {
        Api.Reply plain = api.get("api/offices?size=200");
        Api.Reply zipped = api.getAcceptingGzip("api/offices?size=200");
        assertEquals(200, zipped.status(), zipped.toString());
        assertEquals(null, plain.header("Content-Encoding"), "a client that does not ask gets plain JSON");
        assertEquals("gzip", zipped.header("Content-Encoding"));
        assertTrue(zipped.header("Vary").contains("Accept-Encoding"), "caches keep the two apart");
        assertEquals(plain.json(), zipped.json(), "the same answer, unzipped");
    }

    @Test
    void officeCanBeCreatedReadUpdatedAndDeactivated() {
        String code = unique("TPN");
        var created = api.post("api/offices", office(code, "SSO@Tampines"));
        assertEquals(201, created.status(), created::toString);
        assertNotNull(created.location());
        long id = created.id();

        var read = api.get("api/offices/" + id).json();
        assertEquals(code, read.getString("code"));
        assertEquals("SSO@Tampines", read.getString("name"));
        assertEquals(5, read.getJsonArray("openingHours").size());
        assertTrue(read.getBoolean("active"));

        var updated = api.put("api/offices/" + id, office(code, "SSO@Tampines Hub")
                .replace("\"closes\":\"17:30\"}]", "\"closes\":\"17:30\"},{\"day\":\"SATURDAY\",\"opens\":\"08:30\",\"closes\":\"12:30\"}]"));
        assertEquals(200, updated.status(), updated::toString);
        var reread = api.get("api/offices/" + id).json();
        assertEquals("SSO@Tampines Hub", reread.getString("name"));
        assertEquals(6, reread.getJsonArray("openingHours").size());

        var deactivated = api.post("api/offices/" + id + "/deactivate", "");
        assertEquals(200, deactivated.status(), deactivated::toString);
        assertFalse(api.get("api/offices/" + id).json().getBoolean("active"));
        var inactive = api.get("api/offices?active=false&q=" + code).json();
        assertEquals(1, inactive.getInt("total"));
        assertEquals(id, inactive.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(0, api.get("api/offices?active=true&q=" + code).json().getInt("total"));
    }

    @Test
    void duplicateOfficeCodeIsAConflictFromTheDatabase() {
        String code = unique("DUP");
        assertEquals(201, api.post("api/offices", office(code, "First")).status());
        var second = api.post("api/offices", office(code.toLowerCase(), "Second"));
        assertEquals(409, second.status(), second::toString);
        assertTrue(second.isProblem(), second::toString);
        assertEquals("urn:linkup:problem:duplicate", second.json().getString("type"));
        assertEquals(1, api.get("api/offices?q=" + code).json().getInt("total"));
    }

    @Test
    void concurrentCreatesOfOneCodeYieldExactlyOneOffice() throws Exception {
        String code = unique("RACE");
        List<Callable<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(() -> api.post("api/offices", office(code, "Racer")).status());
        }
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (var future : pool.invokeAll(racers)) {
                statuses.add(future.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, api.get("api/offices?q=" + code).json().getInt("total"));
    }

    @Test
    void invalidFieldsAreNamedInTheProblem() {
        var reply = api.post("api/offices", """
                {"code":"%s","name":"","address":"1 Street","postalCode":"12345",
                 "latitude":1.35,"longitude":103.9,"openingHours":[]}""".formatted(unique("BAD")));
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.isProblem());
        assertEquals(List.of("name", "postalCode"), fields(reply.json()));
    }

    @Test
    void domainRulesAreValidationErrorsToo() {
        var closesBeforeOpening = api.post("api/offices", office(unique("HRS"), "Backwards")
                .replace("\"closes\":\"17:30\"", "\"closes\":\"07:30\""));
        assertEquals(400, closesBeforeOpening.status(), closesBeforeOpening::toString);
        assertEquals(List.of("openingHours"), fields(closesBeforeOpening.json()));

        var outsideSingapore = api.post("api/offices", office(unique("GEO"), "Elsewhere")
                .replace("\"latitude\":1.3521", "\"latitude\":51.5"));
        assertEquals(400, outsideSingapore.status(), outsideSingapore::toString);
        assertEquals(List.of("latitude"), fields(outsideSingapore.json()));
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        var truncated = api.post("api/offices", "{\"code\": \"X\", ");
        assertEquals(400, truncated.status(), truncated::toString);
        assertTrue(truncated.isProblem(), truncated::toString);

        var wrongType = api.post("api/offices", office(unique("TYP"), "Typed")
                .replace("\"latitude\":1.3521", "\"latitude\":\"north\""));
        assertEquals(400, wrongType.status(), wrongType::toString);
        assertTrue(wrongType.isProblem());

        var unknownEnum = api.post("api/rooms", "{\"officeId\":1,\"name\":\"R\",\"kind\":\"BALLROOM\"}");
        assertEquals(400, unknownEnum.status(), unknownEnum::toString);

        var empty = api.post("api/offices", "");
        assertEquals(400, empty.status(), empty::toString);
        assertTrue(empty.isProblem());
    }

    @Test
    void unknownIdsAndPathsAreNotFound() {
        var office = api.get("api/offices/987654321");
        assertEquals(404, office.status());
        assertTrue(office.isProblem());
        assertEquals("urn:linkup:problem:not-found", office.json().getString("type"));
        assertEquals(404, api.get("api/clients/987654321").status());
        assertEquals(404, api.post("api/advisors/987654321/deactivate", "").status());
        var path = api.get("api/no-such-thing");
        assertEquals(404, path.status());
        assertTrue(path.isProblem(), path::toString);
    }

    @Test
    void wrongMediaTypesAndOversizedBodiesAreRefused() {
        var plain = api.send(api.json("api/offices").setHeader("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertEquals(415, plain.status(), plain::toString);
        assertTrue(plain.isProblem());

        var html = api.send(api.json("api/offices").setHeader("Accept", "text/html").GET());
        assertEquals(406, html.status(), html::toString);

        // The IT runs with linkup.http.max-body-bytes=4096 (arquillian.xml).
        String code = unique("BIG");
        var big = api.post("api/offices", office(code, "x".repeat(5000)));
        assertEquals(413, big.status(), big::toString);
        assertTrue(big.isProblem());
        var chunked = api.send(api.json("api/offices").POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(office(code, "y".repeat(5000)).getBytes()))));
        assertEquals(413, chunked.status(), chunked::toString);
        assertEquals(0, api.get("api/offices?q=" + code).json().getInt("total"));
    }

    @Test
    void badPagingParametersAreNamed() {
        var size = api.get("api/offices?size=0");
        assertEquals(400, size.status());
        assertEquals(List.of("size"), fields(size.json()));
        var page = api.get("api/offices?page=abc");
        assertEquals(400, page.status(), page::toString);
        assertEquals(List.of("page"), fields(page.json()));
    }

    // --- closures, rooms, agencies, services, advisors ---

    @Test
    void officeClosuresCanBeAddedListedAndWithdrawn() {
        long office = api.post("api/offices", office(unique("CLS"), "Closing")).id();
        var backwards = api.post("api/offices/" + office + "/closures",
                "{\"firstDay\":\"2026-12-24\",\"lastDay\":\"2026-12-20\",\"reason\":\"Renovation\"}");
        assertEquals(400, backwards.status(), backwards::toString);
        assertEquals(List.of("lastDay"), fields(backwards.json()));

        var closure = api.post("api/offices/" + office + "/closures",
                "{\"firstDay\":\"2026-12-21\",\"lastDay\":\"2026-12-23\",\"reason\":\"Renovation\"}");
        assertEquals(201, closure.status(), closure::toString);
        var listed = api.get("api/offices/" + office + "/closures");
        assertEquals(1, listed.structure().asJsonArray().size());
        assertEquals(204, api.delete("api/offices/" + office + "/closures/" + closure.id()).status());
        assertEquals(0, api.get("api/offices/" + office + "/closures").structure().asJsonArray().size());
        assertEquals(404, api.delete("api/offices/" + office + "/closures/" + closure.id()).status());
    }

    @Test
    void roomsBelongToOneOfficeAndHaveUniqueNamesThere() {
        long office = api.post("api/offices", office(unique("RMS"), "Rooms")).id();
        var video = api.post("api/rooms", room(office, "Video Room A", "VIDEO_ROOM"));
        assertEquals(201, video.status(), video::toString);
        assertEquals(201, api.post("api/rooms", room(office, "Interview Room 1", "INTERVIEW_ROOM")).status());
        assertEquals(409, api.post("api/rooms", room(office, "Video Room A", "INTERVIEW_ROOM")).status());

        var unknownOffice = api.post("api/rooms", room(987654321L, "Nowhere", "VIDEO_ROOM"));
        assertEquals(400, unknownOffice.status());
        assertEquals(List.of("officeId"), fields(unknownOffice.json()));

        var videoRooms = api.get("api/rooms?office=" + office + "&kind=VIDEO_ROOM").json();
        assertEquals(1, videoRooms.getInt("total"));
        assertEquals("Video Room A", videoRooms.getJsonArray("items").getJsonObject(0).getString("name"));
        assertEquals(400, api.get("api/rooms?kind=BALLROOM").status());
    }

    @Test
    void legalAgenciesAreAlwaysSensitive() {
        var byDefault = api.post("api/agencies", agency(unique("LAB"), "LEGAL", null));
        assertEquals(201, byDefault.status(), byDefault::toString);
        assertTrue(byDefault.json().getBoolean("sensitive"));

        var refused = api.post("api/agencies", agency(unique("LAB"), "LEGAL", false));
        assertEquals(400, refused.status());
        assertEquals(List.of("sensitive"), fields(refused.json()));

        var employment = api.post("api/agencies", agency(unique("WSG"), "EMPLOYMENT", null));
        assertFalse(employment.json().getBoolean("sensitive"));
    }

    @Test
    void advisorsOfferOnlyTheirOwnAgencysServicesAndAFailedRequestStoresNothing() {
        long wsg = api.post("api/agencies", agency(unique("WSG"), "EMPLOYMENT", null)).id();
        long hdb = api.post("api/agencies", agency(unique("HDB"), "HOUSING", null)).id();
        var coaching = api.post("api/services", service(wsg, unique("COACH")));
        assertEquals(201, coaching.status(), coaching::toString);
        JsonObject coachingJson = coaching.json();
        assertEquals("职业辅导", coachingJson.getJsonObject("name").getString("zh"));
        long rental = api.post("api/services", service(hdb, unique("RENT"))).id();

        var wrongAgency = api.post("api/advisors", advisor(wsg, unique("tan") + "@wsg.example.sg",
                List.of(coaching.id(), rental)));
        assertEquals(400, wrongAgency.status(), wrongAgency::toString);
        assertEquals(List.of("serviceIds"), fields(wrongAgency.json()));
        assertEquals(0, api.get("api/advisors?agency=" + wsg).json().getInt("total"));

        String email = unique("lim") + "@wsg.example.sg";
        var advisor = api.post("api/advisors", advisor(wsg, email, List.of(coaching.id())));
        assertEquals(201, advisor.status(), advisor::toString);
        assertEquals(409, api.post("api/advisors", advisor(wsg, email, List.of())).status());

        assertEquals(1, api.get("api/advisors?service=" + coaching.id() + "&language=TA").json().getInt("total"));
        assertEquals(0, api.get("api/advisors?service=" + coaching.id() + "&language=ZH").json().getInt("total"));
        assertEquals(1, api.get("api/services?agency=" + wsg + "&mode=VIDEO_REMOTE").json().getInt("total"));

        var badTerms = api.post("api/services", service(wsg, unique("ODD")).replace("\"durationMinutes\":45",
                "\"durationMinutes\":47"));
        assertEquals(400, badTerms.status(), badTerms::toString);
        assertEquals(List.of("durationMinutes"), fields(badTerms.json()));
    }

    @Test
    void anOfficeListsOnlyTheServicesThatCanBeBookedThere() {
        long here = api.post("api/offices", office(unique("HR"), "SSO@Here")).id();
        long there = api.post("api/offices", office(unique("TH"), "SSO@There")).id();
        assertEquals(201, api.post("api/rooms", room(here, "Interview 1", "INTERVIEW_ROOM")).status());
        assertEquals(201, api.post("api/rooms", room(there, "Interview 1", "INTERVIEW_ROOM")).status());
        long agency = api.post("api/agencies", agency(unique("AG"), "EMPLOYMENT", null)).id();
        long inPersonHere = serviceWithRule(agency, here, "IN_PERSON");
        long fromHome = serviceWithRule(agency, null, "VIDEO_REMOTE");
        long inPersonThere = serviceWithRule(agency, there, "IN_PERSON");
        long videoRoomNeeded = serviceWithRule(agency, null, "VIDEO_AT_SSO");
        long nobodyOffersIt = api.post("api/services", service(agency, unique("SV"))).id();

        assertEquals(List.of(inPersonHere, fromHome), servicesAt(here, agency),
                "in person with an advisor sitting here, and video from home");
        assertEquals(List.of(), servicesAt(here, agency).stream()
                .filter(List.of(inPersonThere, videoRoomNeeded, nobodyOffersIt)::contains).toList());

        assertEquals(201, api.post("api/rooms", room(here, "Video 1", "VIDEO_ROOM")).status());
        assertEquals(List.of(inPersonHere, fromHome, videoRoomNeeded), servicesAt(here, agency),
                "with a video room here, the advisor elsewhere can take a video session from this SSO");
        assertEquals(List.of(fromHome, inPersonThere), servicesAt(there, agency));
        assertEquals(0, api.get("api/services?office=999999999").json().getInt("total"), "an unknown office has none");
    }

    /** A service (codes ordered as created) whose one advisor has a weekly rule in one mode (in person at an office). */
    private long serviceWithRule(long agency, Long office, String mode) {
        long service = api.post("api/services", service(agency, "S" + System.nanoTime())).id();
        long advisor = api.post("api/advisors", advisor(agency, unique("b").toLowerCase(java.util.Locale.ROOT)
                + "@example.org", List.of(service))).id();
        var rule = api.post("api/advisors/" + advisor + "/rules", AvailabilityIT.rule("MO", "09:00", "12:00", office,
                mode));
        assertEquals(201, rule.status(), rule::toString);
        return service;
    }

    private List<Long> servicesAt(long office, long agency) {
        return api.get("api/services?size=200&office=" + office + "&agency=" + agency).json().getJsonArray("items")
                .stream().map(s -> s.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    // --- clients: privacy rules ---

    @Test
    void aFullNricIsRefusedWithoutBeingEchoedAndNothingIsStored() {
        String name = "Nric Tester " + UUID.randomUUID().toString().substring(0, 8);
        long office = api.post("api/offices", office(unique("NRC"), "SSO@Nric")).id();
        var reply = api.post("api/clients", client(office, name, "9123 4567", "S1234567D"));
        assertEquals(400, reply.status(), reply::toString);
        assertEquals(List.of("partialNric"), fields(reply.json()));
        assertFalse(reply.body().contains("1234567"), reply::toString);
        assertEquals(0, api.get("api/clients?q=" + name.replace(" ", "%20")).json().getInt("total"));
    }

    @Test
    void clientsAreFoundByMobileInAnyFormOrByPartialNric() {
        String name = "Siti Binte Test " + UUID.randomUUID().toString().substring(0, 8);
        String mobile = mobile();
        long office = api.post("api/offices", office(unique("MOB"), "SSO@Mobile")).id();
        var created = api.post("api/clients",
                client(office, name, mobile.substring(0, 4) + " " + mobile.substring(4), "567d"));
        assertEquals(201, created.status(), created::toString);
        JsonObject client = created.json();
        assertEquals("+65" + mobile, client.getString("mobile"));
        assertEquals("567D", client.getString("partialNric"));

        // The instant round-trips through DATETIME(6) unchanged.
        assertEquals(client.getString("registeredAt"),
                api.get("api/clients/" + created.id()).json().getString("registeredAt"));

        var byMobile = api.get("api/clients?mobile=%2B65" + mobile).json();
        assertTrue(ids(byMobile).contains(created.id()), byMobile::toString);
        var byNric = api.get("api/clients?nric=567D&q=" + name.replace(" ", "%20")).json();
        assertEquals(List.of(created.id()), ids(byNric));

        var notMobile = api.post("api/clients", client(office, name, "6123 4567", null));
        assertEquals(400, notMobile.status(), notMobile::toString);
        assertEquals(List.of("mobile"), fields(notMobile.json()));
        assertEquals(400, api.get("api/clients?nric=S1234567D").status());
    }

    // --- lost updates: If-Match on every PUT ---

    @Test
    void anOfficePutWithAStaleIfMatchIs412AndChangesNothing() {
        String code = unique("ETG");
        long id = api.post("api/offices", office(code, "SSO@Etag")).id();
        var read = api.get("api/offices/" + id);
        String etag = read.header("ETag");
        assertNotNull(etag, read::toString);

        // Only the opening hours change: the version must still move on.
        String withSaturday = office(code, "SSO@Etag").replace("\"closes\":\"17:30\"}]",
                "\"closes\":\"17:30\"},{\"day\":\"SATURDAY\",\"opens\":\"08:30\",\"closes\":\"12:30\"}]");
        var first = putIfMatch("api/offices/" + id, etag, withSaturday);
        assertEquals(200, first.status(), first::toString);
        assertNotEquals(etag, first.header("ETag"));

        var stale = putIfMatch("api/offices/" + id, etag, office(code, "SSO@Overwritten"));
        assertStale(stale);
        var after = api.get("api/offices/" + id);
        assertEquals("SSO@Etag", after.json().getString("name"));
        assertEquals(6, after.json().getJsonArray("openingHours").size());
        assertEquals(first.header("ETag"), after.header("ETag"));

        var withoutIfMatch = api.put("api/offices/" + id, office(code, "SSO@Etag Hub"));
        assertEquals(200, withoutIfMatch.status(), "a PUT without If-Match still replaces the record");
    }

    @Test
    void aBlackoutPutWithAStaleIfMatchIs412AndChangesNothing() {
        long agency = api.post("api/agencies", agency(unique("BLK"), "EMPLOYMENT", null)).id();
        long advisor = api.post("api/advisors", advisor(agency, unique("leave").toLowerCase() + "@example.org",
                List.of())).id();
        String blackouts = "api/advisors/" + advisor + "/blackouts";
        var created = api.post(blackouts, blackout(30, "Annual leave"));
        assertEquals(201, created.status(), created::toString);
        String etag = created.header("ETag");
        assertNotNull(etag, created::toString);
        String one = blackouts + "/" + created.id();
        assertEquals(etag, api.get(one).header("ETag"));

        var moved = putIfMatch(one, etag, blackout(31, "Annual leave"));
        assertEquals(200, moved.status(), moved::toString);
        assertNotEquals(etag, moved.header("ETag"));

        assertStale(putIfMatch(one, etag, blackout(40, "Training")));
        var after = api.get(one);
        assertEquals("Annual leave", after.json().getString("reason"));
        assertEquals(moved.json().getString("start"), after.json().getString("start"));
        assertEquals(moved.header("ETag"), after.header("ETag"));
    }

    @Test
    void anAgencyClosurePutWithAStaleIfMatchIs412AndChangesNothing() {
        long agency = api.post("api/agencies", agency(unique("CLO"), "EMPLOYMENT", null)).id();
        String closures = "api/agencies/" + agency + "/closures";
        var created = api.post(closures, blackout(30, "Staff retreat"));
        assertEquals(201, created.status(), created::toString);
        String one = closures + "/" + created.id();
        String etag = api.get(one).header("ETag");
        assertEquals(created.header("ETag"), etag);

        var reworded = putIfMatch(one, etag, blackout(30, "Staff retreat (all day)"));
        assertEquals(200, reworded.status(), reworded::toString);

        assertStale(putIfMatch(one, etag, blackout(45, "Office move")));
        var after = api.get(one);
        assertEquals("Staff retreat (all day)", after.json().getString("reason"));
        assertEquals(reworded.json().getString("end"), after.json().getString("end"));
        assertEquals(reworded.header("ETag"), after.header("ETag"));
    }

    // --- bad text and bad numbers ---

    @Test
    void aClientNameWithANulCharacterIs400NamingNameAndNothingIsStored() throws SQLException {
        long office = api.post("api/offices", office(unique("NUL"), "SSO@Nul")).id();

        var nul = api.post("api/clients", client(office, "Tan\\u0000Ah Kow", mobile(), null));
        assertEquals(400, nul.status(), nul::toString);
        assertTrue(nul.isProblem(), nul::toString);
        assertEquals(List.of("name"), fields(nul.json()));
        var loneSurrogate = api.post("api/clients", client(office, "Tan \\ud83d Ah Kow", mobile(), null));
        assertEquals(400, loneSurrogate.status(), loneSurrogate::toString);
        assertEquals(List.of("name"), fields(loneSurrogate.json()));
        assertEquals(0, rows("SELECT COUNT(*) FROM client WHERE office_id = ?", office));

        var tamil = api.post("api/clients", client(office, "முருகன் 😀", mobile(), null));
        assertEquals(201, tamil.status(), tamil::toString);
        assertEquals("முருகன் 😀", tamil.json().getString("name"));
        var tab = api.put("api/clients/" + tamil.id(), client(office, "முருகன்\\tKumar", mobile(), null));
        assertEquals(400, tab.status(), tab::toString);
        assertEquals(List.of("name"), fields(tab.json()));
        assertEquals("முருகன் 😀", api.get("api/clients/" + tamil.id()).json().getString("name"));
    }

    @Test
    void aServiceIdTooLargeForItsFieldIs400NamingServiceId() {
        long office = api.post("api/offices", office(unique("BIG"), "SSO@Big")).id();
        long client = api.post("api/clients", client(office, "Big Number", mobile(), null)).id();

        for (String path : List.of("api/bookings", "api/holds")) {
            var reply = api.post(path, """
                    {"serviceId":99999999999999999999999,"officeId":%d,"mode":"IN_PERSON",
                     "start":"2030-01-07T10:00:00+08:00","clientId":%d}""".formatted(office, client));
            assertEquals(400, reply.status(), reply::toString);
            assertTrue(reply.isProblem(), reply::toString);
            assertEquals(List.of("serviceId"), fields(reply.json()), reply::toString);
        }
    }

    // --- operability ---

    @Test
    void readinessOpenApiAndMetricsAreServed() {
        var ready = api.get("/health/ready");
        assertEquals(200, ready.status(), ready::toString);
        assertEquals("UP", ready.json().getString("status"));
        assertTrue(ready.body().contains("database"), ready::toString);

        var openapi = api.send(api.json("/openapi").GET());
        assertEquals(200, openapi.status());
        JsonObject paths = openapi.json().getJsonObject("paths");
        for (String path : List.of("/api/offices", "/api/offices/{id}", "/api/rooms", "/api/agencies",
                "/api/services", "/api/advisors", "/api/clients", "/api/offices/{id}/closures", "/api/slots",
                "/api/advisors/{advisorId}/rules", "/api/advisors/{advisorId}/blackouts/impact",
                "/api/agencies/{agencyId}/closures", "/api/holidays")) {
            assertTrue(paths.containsKey(path), () -> path + " missing from " + paths.keySet());
        }
        assertTrue(openapi.json().getJsonObject("components").getJsonObject("schemas").containsKey("Problem"));
        assertTrue(paths.getJsonObject("/api/offices").getJsonObject("post").getJsonObject("responses")
                .containsKey("409"));
        JsonObject officePut = paths.getJsonObject("/api/offices/{id}").getJsonObject("put").getJsonObject("responses");
        assertTrue(officePut.containsKey("412"), officePut::toString);
        assertTrue(officePut.getJsonObject("200").getJsonObject("content").getJsonObject("application/json")
                .toString().contains("openingHours"), "an answer with an ETag still documents its body: " + officePut);

        List<String> operationIds = paths.values().stream()
                .flatMap(item -> item.asJsonObject().values().stream())
                .map(op -> op.asJsonObject().getString("operationId"))
                .toList();
        assertEquals(operationIds.size(), new java.util.HashSet<>(operationIds).size(), operationIds::toString);

        assertEquals(200, api.get("/metrics").status());
        var application = api.get("/metrics?scope=application");
        assertTrue(application.body().contains("linkup_waitlist_offer_failures_total"), application::toString);
    }

    @Test
    void demoDataIsNotLoadedOutsideTheDevRun() {
        assertEquals(0, api.get("api/offices?q=SSO-AMK").json().getInt("total"));
    }

    // --- helpers ---

    private Api.Reply putIfMatch(String path, String etag, String json) {
        return api.send(api.json(path).header("If-Match", etag).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static void assertStale(Api.Reply reply) {
        assertEquals(412, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
        assertEquals("urn:linkup:problem:stale-version", reply.json().getString("type"));
    }

    /** A whole day some days ahead, so that no test's blackout depends on today's date. */
    private static String blackout(int daysAhead, String reason) {
        String day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Singapore")).plusDays(daysAhead).toString();
        return AvailabilityIT.blackout(day, day, reason);
    }

    private static long rows(String sql, long parameter) throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getenv("LINKUP_DB_URL"), "root", "");
             var query = db.prepareStatement(sql)) {
            query.setLong(1, parameter);
            try (var result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static List<String> fields(JsonObject problem) {
        return problem.getJsonArray("violations").stream()
                .map(v -> v.asJsonObject().getString("field"))
                .sorted()
                .collect(Collectors.toList());
    }

    private static List<Long> ids(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(i -> i.asJsonObject().getJsonNumber("id").longValue())
                .toList();
    }

    static String office(String code, String name) {
        return """
                {"code":"%s","name":"%s","address":"1 Tampines Walk","postalCode":"528523",
                 "latitude":1.3521,"longitude":103.9448,
                 "openingHours":[%s]}""".formatted(code, name,
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                        .map(d -> "{\"day\":\"" + d + "\",\"opens\":\"08:30\",\"closes\":\"17:30\"}")
                        .collect(Collectors.joining(",")));
    }

    static String room(long office, String name, String kind) {
        return "{\"officeId\":%d,\"name\":\"%s\",\"kind\":\"%s\"}".formatted(office, name, kind);
    }

    static String agency(String code, String domain, Boolean sensitive) {
        return """
                {"code":"%s","name":"Agency %s","domain":"%s",%s"baseAddress":"1 Agency Road",
                 "baseLatitude":1.2966,"baseLongitude":103.8520}"""
                .formatted(code, code, domain, sensitive == null ? "" : "\"sensitive\":" + sensitive + ",");
    }

    static String service(long agency, String code) {
        return """
                {"agencyId":%d,"code":"%s",
                 "name":{"en":"Career coaching","zh":"职业辅导","ms":"Bimbingan kerjaya","ta":"தொழில் வழிகாட்டல்"},
                 "durationMinutes":45,"allowedModes":["IN_PERSON","VIDEO_AT_SSO","VIDEO_REMOTE"],
                 "bufferBeforeMinutes":0,"bufferAfterMinutes":15,"minNoticeMinutes":120,"horizonDays":60}"""
                .formatted(agency, code);
    }

    static String advisor(long agency, String email, List<Long> services) {
        return """
                {"agencyId":%d,"displayName":"Advisor","email":"%s","languages":["EN","TA"],"serviceIds":%s}"""
                .formatted(agency, email, services.toString());
    }

    /** A random Singapore mobile number that libphonenumber accepts: 90–98 are mobile blocks, 99 is not. */
    static String mobile() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "9" + random.nextInt(9) + String.format("%06d", random.nextInt(1_000_000));
    }

    static String client(long office, String name, String mobile, String nric) {
        return """
                {"name":"%s","mobile":"%s","preferredLanguage":"MS","smsConsent":true,"officeId":%d%s}"""
                .formatted(name, mobile, office, nric == null ? "" : ",\"partialNric\":\"" + nric + "\"");
    }
}
