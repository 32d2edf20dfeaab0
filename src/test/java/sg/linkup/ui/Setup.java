package sg.linkup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What exists before an officer sits down: an office, their account, a client or two — made through the API as
 * the bootstrap admin of arquillian.xml, the way an administrator would.
 */
public final class Setup {

    public static final String PASSWORD = "a-long-enough-pass-1";
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            "it-admin:correct-horse-battery-1".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    public Setup(URL deployment) {
        this.base = URI.create(deployment.toString().replaceAll("/+$", "") + "/");
    }

    long office(String name) {
        String code = "UI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return created("api/offices", """
                {"code":"%s","name":"%s","address":"1 Tampines Walk","postalCode":"528523",
                 "latitude":1.3521,"longitude":103.9448,"openingHours":[{"day":"MONDAY","opens":"08:30","closes":"17:30"}]}"""
                .formatted(code, name));
    }

    /** An SSO open every day from 08:00 to 22:00 with one video room, at these coordinates. */
    public long openOffice(String name, double latitude, double longitude) {
        String code = "UI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String hours = java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(day -> "{\"day\":\"%s\",\"opens\":\"08:00\",\"closes\":\"22:00\"}".formatted(day))
                .collect(java.util.stream.Collectors.joining(","));
        long office = created("api/offices", """
                {"code":"%s","name":"%s","address":"1 Test Walk","postalCode":"528523",
                 "latitude":%s,"longitude":%s,"openingHours":[%s]}""".formatted(code, name, latitude, longitude, hours));
        created("api/rooms", "{\"officeId\":%d,\"name\":\"Video room 1\",\"kind\":\"VIDEO_ROOM\"}".formatted(office));
        return office;
    }

    /**
     * An employment agency with one service in every mode, and one advisor free for it every day 08:00–22:00, in
     * person at this office (an IN_PERSON rule names where the advisor sits).
     */
    public long service(String english, String malay, long office) {
        String agencyCode = "UI" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long agency = created("api/agencies", """
                {"code":"%s","name":"Workforce Agency %s","domain":"EMPLOYMENT","baseAddress":"1 Agency Road",
                 "baseLatitude":1.2966,"baseLongitude":103.8520}""".formatted(agencyCode, agencyCode));
        long service = created("api/services", """
                {"agencyId":%d,"code":"%s","name":{"en":"%s","zh":"职业辅导","ms":"%s","ta":"தொழில் வழிகாட்டல்"},
                 "durationMinutes":45,"allowedModes":["IN_PERSON","VIDEO_AT_SSO","VIDEO_REMOTE"],
                 "bufferBeforeMinutes":0,"bufferAfterMinutes":15,"minNoticeMinutes":60,"horizonDays":60}"""
                .formatted(agency, agencyCode, english, malay));
        long advisor = created("api/advisors", """
                {"agencyId":%d,"displayName":"Siti Rahmat","email":"siti.%s@example.com","languages":["EN","MS"],
                 "serviceIds":[%d]}""".formatted(agency, agencyCode.toLowerCase(), service));
        created("api/advisors/" + advisor + "/rules", """
                {"rrule":"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU","startTime":"08:00","endTime":"22:00","validFrom":"%s",
                 "modes":["IN_PERSON","VIDEO_AT_SSO","VIDEO_REMOTE"],"officeId":%d}"""
                .formatted(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Singapore")), office));
        return service;
    }

    /** A client who reads their texts in Malay. */
    public long malayClient(long office, String name, String mobile) {
        return created("api/clients", """
                {"name":"%s","mobile":"%s","preferredLanguage":"MS","smsConsent":true,"officeId":%d}"""
                .formatted(name, mobile, office));
    }

    /** A member of staff of one office; answers the username. */
    public String staff(String role, long office) {
        String username = "ui." + UUID.randomUUID().toString().substring(0, 8);
        created("api/staff", """
                {"username":"%s","displayName":"UI %s","role":"%s","officeIds":[%d],"password":"%s"}"""
                .formatted(username, role, role, office, PASSWORD));
        return username;
    }

    /** An administrator (admins are scoped to no office); answers the username. */
    String admin() {
        String username = "ui.admin." + UUID.randomUUID().toString().substring(0, 8);
        created("api/staff", """
                {"username":"%s","displayName":"UI admin","role":"ADMIN","password":"%s"}""".formatted(username, PASSWORD));
        return username;
    }

    // --- partner agencies: an agency, its partner account and an advisor without availability yet ---

    /** An employment agency of this name; answers its id. */
    long agency(String name) {
        String code = "PA" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        return created("api/agencies", """
                {"code":"%s","name":"%s","domain":"EMPLOYMENT","baseAddress":"1 Agency Road",
                 "baseLatitude":1.2966,"baseLongitude":103.8520}""".formatted(code, name));
    }

    /** A 45-minute service of the agency in every mode, an hour's notice, 60 days ahead. */
    long serviceOf(long agency, String english) {
        String code = "PS" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        return created("api/services", """
                {"agencyId":%d,"code":"%s","name":{"en":"%s","zh":"%s","ms":"%s","ta":"%s"},
                 "durationMinutes":45,"allowedModes":["IN_PERSON","VIDEO_AT_SSO","VIDEO_REMOTE"],
                 "bufferBeforeMinutes":0,"bufferAfterMinutes":15,"minNoticeMinutes":60,"horizonDays":60}"""
                .formatted(agency, code, english, english, english, english));
    }

    /** An advisor of the agency who offers the service and has no availability yet. */
    long newAdvisor(long agency, long service, String name) {
        return created("api/advisors", """
                {"agencyId":%d,"displayName":"%s","email":"%s@example.org","languages":["EN","MS"],"serviceIds":[%d]}"""
                .formatted(agency, name, "adv." + UUID.randomUUID().toString().substring(0, 8), service));
    }

    /** Someone else changes an advisor's availability rule (no If-Match: the last writer wins). */
    void changeRule(long advisor, long rule, String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("api/advisors/" + advisor + "/rules/" + rule))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, response.statusCode(), response::body);
    }

    /** A partner agency's member of staff; answers the username. */
    String partner(long agency) {
        String username = "ui.partner." + UUID.randomUUID().toString().substring(0, 8);
        created("api/staff", """
                {"username":"%s","displayName":"UI partner","role":"PARTNER","officeIds":[],"agencyId":%d,"password":"%s"}"""
                .formatted(username, agency, PASSWORD));
        return username;
    }

    /** An advisor of the agency who offers nothing yet. */
    long advisor(long agency, String name) {
        return created("api/advisors", """
                {"agencyId":%d,"displayName":"%s","email":"%s@example.org","languages":["EN"],"serviceIds":[]}"""
                .formatted(agency, name, "ui." + UUID.randomUUID().toString().substring(0, 8)));
    }

    /** The id of the one record of a listing whose text field has this value (e.g. an office by its code). */
    long idOf(String listing, String field, String value) {
        return get(listing + (listing.contains("?") ? "&" : "?") + "size=200").getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(item -> value.equals(item.getString(field)))
                .mapToLong(item -> item.getJsonNumber("id").longValue()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + listing));
    }

    /** A colleague changes a record meanwhile: read it, replace some text of it, PUT it back at the version read. */
    void changeMeanwhile(String path, String from, String to) {
        HttpResponse<String> current = send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", ADMIN).GET());
        assertEquals(200, current.statusCode(), current::body);
        String changed = current.body().replace(from, to);
        if (changed.equals(current.body())) {
            throw new AssertionError(path + " holds no " + from + ": " + current.body());
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .header("If-Match", current.headers().firstValue("ETag").orElseThrow())
                .PUT(HttpRequest.BodyPublishers.ofString(changed)));
        assertEquals(200, response.statusCode(), response::body);
    }

    long client(long office, String name, String mobile, String partialNric) {
        return created("api/clients", """
                {"name":"%s","mobile":"%s","preferredLanguage":"EN","smsConsent":true,"officeId":%d%s}"""
                .formatted(name, mobile, office, partialNric == null ? "" : ",\"partialNric\":\"" + partialNric + "\""));
    }

    /**
     * What the SMS provider's refusal leaves behind (NotificationIT proves that path); written straight into the
     * test database, as no API may set it.
     */
    void smsFailed(long client, String problem) {
        try (var connection = DriverManager.getConnection(System.getenv("LINKUP_DB_URL"), "root", "dev-only");
             var update = connection.prepareStatement(
                     "UPDATE client SET sms_problem = ?, sms_problem_at = UTC_TIMESTAMP(6) WHERE id = ?")) {
            update.setString(1, problem);
            update.setLong(2, client);
            assertEquals(1, update.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An office open 00:00–23:55 every day, so that "today" has hours whenever a test runs. */
    long allDayOffice(String name) {
        String code = "UI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String hours = java.util.stream.Stream.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
                        "SUNDAY").map(d -> "{\"day\":\"" + d + "\",\"opens\":\"00:00\",\"closes\":\"23:55\"}")
                .collect(java.util.stream.Collectors.joining(","));
        return created("api/offices", """
                {"code":"%s","name":"%s","address":"1 Tampines Walk","postalCode":"528523",
                 "latitude":1.3521,"longitude":103.9448,"openingHours":[%s]}""".formatted(code, name, hours));
    }

    long room(long office, String name) {
        return created("api/rooms", "{\"officeId\":%d,\"name\":\"%s\",\"kind\":\"INTERVIEW_ROOM\"}"
                .formatted(office, name));
    }

    long agency() {
        String code = "UA" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        return created("api/agencies", """
                {"code":"%s","name":"Agency %s","domain":"EMPLOYMENT","baseAddress":"1 Agency Road",
                 "baseLatitude":1.2966,"baseLongitude":103.8520}""".formatted(code, code));
    }

    /** A 30-minute service that may start at once (no notice), in person or by video from home. */
    long walkInService(long agency, String name) {
        String code = "US" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        return created("api/services", """
                {"agencyId":%d,"code":"%s","name":{"en":"%s","zh":"%s","ms":"%s","ta":"%s"},
                 "durationMinutes":30,"allowedModes":["IN_PERSON","VIDEO_REMOTE"],"bufferBeforeMinutes":0,
                 "bufferAfterMinutes":0,"minNoticeMinutes":0,"horizonDays":30}"""
                .formatted(agency, code, name, name, name, name));
    }

    /** An advisor who sits at the office all day, every day (FREQ=DAILY from yesterday). */
    long advisor(long agency, long service, long office, String name) {
        return advisorAllDay(agency, service, office, name, "\"IN_PERSON\",\"VIDEO_REMOTE\"");
    }

    /** An advisor who sees clients only in person at this office, all day, every day: bookable nowhere else. */
    long inPersonAdvisor(long agency, long service, long office, String name) {
        return advisorAllDay(agency, service, office, name, "\"IN_PERSON\"");
    }

    private long advisorAllDay(long agency, long service, long office, String name, String modes) {
        long advisor = created("api/advisors", """
                {"agencyId":%d,"displayName":"%s","email":"%s@example.org","languages":["EN"],"serviceIds":[%d]}"""
                .formatted(agency, name, "ui." + UUID.randomUUID().toString().substring(0, 8), service));
        created("api/advisors/" + advisor + "/rules", """
                {"rrule":"FREQ=DAILY","startTime":"00:00","endTime":"23:55","validFrom":"%s",
                 "modes":[%s],"officeId":%d}"""
                .formatted(java.time.LocalDate.now(SINGAPORE).minusDays(1), modes, office));
        return advisor;
    }

    /** The next free session today, booked as an admin at the counter would (POST /api/bookings/walk-in). */
    JsonObject walkIn(long service, long office, long client, String mode) {
        HttpResponse<String> response = post("api/bookings/walk-in", """
                {"serviceId":%d,"officeId":%d,"clientId":%d,"mode":"%s"}""".formatted(service, office, client, mode));
        assertEquals(201, response.statusCode(), response::body);
        return json(response.body());
    }

    /** Someone else acting on a booking (check-in, cancel) at the version it has now. */
    JsonObject act(long booking, String action, String body) {
        HttpResponse<String> current = send(HttpRequest.newBuilder(base.resolve("api/bookings/" + booking))
                .header("Authorization", ADMIN).GET());
        assertEquals(200, current.statusCode(), current::body);
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("api/bookings/" + booking + "/" + action))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .header("If-Match", current.headers().firstValue("ETag").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, response.statusCode(), response::body);
        return json(response.body());
    }

    /**
     * A booking earlier today, which the API refuses (it books only ahead): written into the test database as
     * BookingIT does, in a status the day has given it (NO_SHOW, COMPLETED).
     */
    long pastBooking(long service, long office, long advisor, long room, long client, String status,
                     java.time.Instant start) {
        try (var connection = DriverManager.getConnection(System.getenv("LINKUP_DB_URL"), "root", "dev-only");
             var insert = connection.prepareStatement("""
                     INSERT INTO booking (status, service_id, office_id, session_mode, advisor_id, room_id, client_id,
                       starts_at, ends_at, created_by, created_at) VALUES (?, ?, ?, 'IN_PERSON', ?, ?, ?, ?, ?, 'it', ?)""",
                     java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, status);
            insert.setLong(2, service);
            insert.setLong(3, office);
            insert.setLong(4, advisor);
            insert.setLong(5, room);
            insert.setLong(6, client);
            insert.setTimestamp(7, java.sql.Timestamp.from(start));
            insert.setTimestamp(8, java.sql.Timestamp.from(start.plusSeconds(30 * 60)));
            insert.setTimestamp(9, java.sql.Timestamp.from(java.time.Instant.now()));
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static final java.time.ZoneId SINGAPORE = java.time.ZoneId.of("Asia/Singapore");

    /** The no-show sweep, now (the scheduler does it every minute): every past booking nobody checked in. */
    void sweepNoShows() {
        HttpResponse<String> response = post("api/bookings/no-shows", "");
        assertEquals(200, response.statusCode(), response::body);
    }

    /**
     * Rows written straight into the booking table pass by the reports' daily roll-ups: this asks for a rebuild from
     * the tables at the next report request (V7's report_state, as the contract of issue 16 says).
     */
    void rebuildReports() {
        try (var connection = DriverManager.getConnection(System.getenv("LINKUP_DB_URL"), "root", "dev-only");
             var update = connection.prepareStatement("UPDATE report_state SET rolled_through = NULL WHERE id = 1")) {
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // The rebuild runs in the background; reports answer 503 until it is done. Wait here, so that the
        // screen's first report is the rebuilt one (a person would see "try again in a minute").
        for (int i = 0; i < 240; i++) {
            HttpResponse<String> reply = send(HttpRequest.newBuilder(base.resolve("api/reports/sessions"))
                    .header("Authorization", ADMIN).GET());
            if (reply.statusCode() == 200) {
                return;
            }
            assertEquals(503, reply.statusCode(), reply::body);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the report roll-ups were not rebuilt within two minutes");
    }

    private HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", ADMIN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonObject get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", ADMIN).GET());
        assertEquals(200, response.statusCode(), response::body);
        return json(response.body());
    }

    /** Four letters, so that each run's client is found alone by name ("Siti Nurhaliza Qwer"). */
    static String suffix() {
        var random = ThreadLocalRandom.current();
        return "" + (char) ('A' + random.nextInt(26)) + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26))
                + (char) ('a' + random.nextInt(26));
    }

    /** A Singapore mobile number nobody else in the test database has, as eight digits. */
    public static String mobile() {
        var random = ThreadLocalRandom.current();
        return "9" + random.nextInt(9) + "%06d".formatted(random.nextInt(1_000_000));  // 99… is not allocated
    }

    // --- bookings: a catalogue to book in, through the API as an administrator would set it up ---

    /** An SSO open on weekdays with one interview room, an agency with a 45-minute service, and a working day. */
    record Catalogue(long office, long room, long agency, long service, LocalDate day) {
        /** The day at a Singapore time, as the API takes it. */
        String at(String time) {
            return day.atTime(LocalTime.parse(time)).atZone(SINGAPORE).toOffsetDateTime().toString();
        }
    }

    Catalogue catalogue(String officeName) {
        String code = "UI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long office = created("api/offices", """
                {"code":"%s","name":"%s","address":"1 Tampines Walk","postalCode":"528523",
                 "latitude":1.3521,"longitude":103.9448,"openingHours":[%s]}"""
                .formatted(code, officeName, Stream.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")
                        .map(d -> "{\"day\":\"" + d + "\",\"opens\":\"08:30\",\"closes\":\"17:30\"}")
                        .collect(Collectors.joining(","))));
        long room = created("api/rooms", "{\"officeId\":%d,\"name\":\"Interview room 1\",\"kind\":\"INTERVIEW_ROOM\"}"
                .formatted(office));
        String agencyCode = "AG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long agency = created("api/agencies", """
                {"code":"%s","name":"Employment agency","domain":"EMPLOYMENT","baseAddress":"1 Agency Road",
                 "baseLatitude":1.2966,"baseLongitude":103.8520}""".formatted(agencyCode));
        long service = created("api/services", """
                {"agencyId":%d,"code":"%s",
                 "name":{"en":"Career coaching","zh":"职业辅导","ms":"Bimbingan kerjaya","ta":"தொழில் வழிகாட்டல்"},
                 "durationMinutes":45,"allowedModes":["IN_PERSON","VIDEO_AT_SSO","VIDEO_REMOTE"],
                 "bufferBeforeMinutes":0,"bufferAfterMinutes":15,"minNoticeMinutes":120,"horizonDays":60}"""
                .formatted(agency, "SVC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()));
        return new Catalogue(office, room, agency, service, workingDay());
    }

    /** An advisor of the catalogue's agency, free in person at its office on its day between two times. */
    long advisor(Catalogue c, String displayName, String from, String to) {
        long advisor = created("api/advisors", """
                {"agencyId":%d,"displayName":"%s","email":"%s@example.org","languages":["EN"],"serviceIds":[%d]}"""
                .formatted(c.agency(), displayName, UUID.randomUUID().toString().substring(0, 8), c.service()));
        String byDay = c.day().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).substring(0, 2)
                .toUpperCase(Locale.ROOT);
        created("api/advisors/" + advisor + "/rules", """
                {"rrule":"FREQ=WEEKLY;BYDAY=%s","startTime":"%s","endTime":"%s","validFrom":"%s",
                 "modes":["IN_PERSON"],"officeId":%d}""".formatted(byDay, from, to, LocalDate.now(SINGAPORE), c.office()));
        return advisor;
    }

    /** Books the client in person with the advisor at a time of the catalogue's day; answers the booking id. */
    long book(Catalogue c, long advisor, long client, String time) {
        return created("api/bookings", """
                {"serviceId":%d,"officeId":%d,"mode":"IN_PERSON","start":"%s","advisorId":%d,"roomId":%d,"clientId":%d,
                 "referralNote":"Referred by the family service centre; needs help with a CV"}"""
                .formatted(c.service(), c.office(), c.at(time), advisor, c.room(), client));
    }

    /** A booking made through the API, with what it was made of. */
    record Booked(Catalogue sso, long advisor, long client, long booking) {
    }

    /** A fresh SSO's catalogue, an advisor free 09:00–12:00 on its day, and a new client booked with them at 09:00. */
    Booked bookedAtNine(String office, String advisorName, String clientName) {
        Catalogue sso = catalogue(office);
        long advisor = advisor(sso, advisorName, "09:00", "12:00");
        long client = client(sso.office(), clientName, "+65" + mobile(), null);
        return new Booked(sso, advisor, client, book(sso, advisor, client, "09:00"));
    }

    /** Someone else moves the booking (no If-Match: the last writer wins, as booking changes allow). */
    void reschedule(Catalogue c, long booking, long advisor, String time) {
        HttpResponse<String> response = post("api/bookings/" + booking + "/reschedule", """
                {"start":"%s","advisorId":%d,"roomId":%d,"mode":"IN_PERSON"}""".formatted(c.at(time), advisor, c.room()));
        assertEquals(200, response.statusCode(), response::body);
    }

    /** Someone else moves the booking to a time given in full (ISO with offset), with no If-Match. */
    void rescheduleTo(long booking, long advisor, long room, String start) {
        HttpResponse<String> response = post("api/bookings/" + booking + "/reschedule", """
                {"start":"%s","advisorId":%d,"roomId":%d,"mode":"IN_PERSON"}""".formatted(start, advisor, room));
        assertEquals(200, response.statusCode(), response::body);
    }

    void cancel(long booking, String reason) {
        HttpResponse<String> response = post("api/bookings/" + booking + "/cancel", "{\"reason\":\"" + reason + "\"}");
        assertEquals(200, response.statusCode(), response::body);
    }

    /**
     * The entry once it has an offer. The waitlist sweep is off in the ITs, so an offer comes from the change
     * that freed the slot (as in BookingIT).
     */
    JsonObject awaitOffer(long entry) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            JsonObject found = get("api/waitlist/" + entry);
            if (found.getString("status").equals("OFFERED")) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no offer for waitlist entry " + entry);
    }

    /** Puts the client on the waitlist for the catalogue's service at its office, on its day; answers the entry id. */
    long waitlist(Catalogue c, long client, boolean urgent) {
        return created("api/waitlist", """
                {"clientId":%d,"serviceId":%d,"officeIds":[%d],"firstDay":"%s","lastDay":"%s","urgent":%s}"""
                .formatted(client, c.service(), c.office(), c.day(), c.day(), urgent));
    }

    /** A waitlist entry's status now (WAITING, OFFERED, DECLINED, WITHDRAWN, ACCEPTED). */
    String waitlistStatus(long entry) {
        return get("api/waitlist/" + entry).getString("status");
    }

    /** The waitlist entry of a client (as an admin sees the list). */
    long waitlistEntryOf(long client) {
        return get("api/waitlist?size=200").getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(e -> e.getJsonNumber("clientId").longValue() == client)
                .mapToLong(e -> e.getJsonNumber("id").longValue()).max()
                .orElseThrow(() -> new AssertionError("client " + client + " is not on the waitlist"));
    }

    // --- partner agencies: their accounts, and what they may and may not do through the API ---

    /** A request as this member of staff (HTTP Basic, as the API takes besides the browser's session). */
    HttpResponse<String> as(String username, String method, String path, String ifMatch, String body) {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** A JSON array the API answers an administrator, e.g. a booking's messages or an advisor's blackouts. */
    jakarta.json.JsonArray list(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", ADMIN).GET());
        assertEquals(200, response.statusCode(), response::body);
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    /** A weekday 8–20 days ahead that is no public holiday. */
    private LocalDate workingDay() {
        LocalDate candidate = LocalDate.now(SINGAPORE).plusDays(8);
        String holidays = send(HttpRequest.newBuilder(base.resolve("api/holidays?year=" + candidate.getYear()))
                .header("Authorization", ADMIN).GET()).body()
                + send(HttpRequest.newBuilder(base.resolve("api/holidays?year=" + (candidate.getYear() + 1)))
                .header("Authorization", ADMIN).GET()).body();
        while (candidate.getDayOfWeek() == DayOfWeek.SATURDAY || candidate.getDayOfWeek() == DayOfWeek.SUNDAY
                || holidays.contains(candidate.toString())) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    private long created(String path, String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, response.statusCode(), () -> path + ": " + response.body());
        return json(response.body()).getJsonNumber("id").longValue();
    }

    // --- partner agencies: an agency with an advisor, its sessions, and its staff ---

    /** An agency with a 30-minute service and one advisor free all day, every day, at an SSO with an interview room. */
    record Partner(long office, long room, long agency, long service, long advisor) {
    }

    Partner partnerAgency(String officeName, String advisorName) {
        long office = allDayOffice(officeName);
        long room = room(office, "Interview room 2");
        long agency = agency();
        long service = walkInService(agency, "Career coaching");
        return new Partner(office, room, agency, service, advisor(agency, service, office, advisorName));
    }

    /** A session with the agency's advisor at a Singapore time; a room only for IN_PERSON. Answers the booking id. */
    long session(Partner p, long client, String mode, java.time.LocalDateTime start, String referralNote,
                 boolean consentToShare) {
        String room = mode.equals("IN_PERSON") ? ",\"roomId\":" + p.room() : "";
        return created("api/bookings", """
                {"serviceId":%d,"officeId":%d,"mode":"%s","start":"%s","advisorId":%d%s,"clientId":%d,
                 "referralNote":"%s","consentToShare":%s}"""
                .formatted(p.service(), p.office(), mode, start.atZone(SINGAPORE).toOffsetDateTime(), p.advisor(),
                        room, client, referralNote, consentToShare));
    }

    /** A GET as a member of staff's script would send it (HTTP Basic), or with any Authorization header. */
    HttpResponse<String> getAs(String username, String path) {
        return getWith("Basic " + Base64.getEncoder().encodeToString((username + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8)), path);
    }

    HttpResponse<String> getWith(String authorization, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization).GET());
    }

    /** A member of staff of one office with a name of their own (to be found on screen); answers the username. */
    public String staff(String role, long office, String displayName) {
        String username = "ui." + UUID.randomUUID().toString().substring(0, 8);
        created("api/staff", """
                {"username":"%s","displayName":"%s","role":"%s","officeIds":[%d],"password":"%s"}"""
                .formatted(username, displayName, role, office, PASSWORD));
        return username;
    }

    /** Whether the day is a public holiday in Linkup's calendar (no session is offered then). */
    boolean isPublicHoliday(LocalDate day) {
        return send(HttpRequest.newBuilder(base.resolve("api/holidays?year=" + day.getYear()))
                .header("Authorization", ADMIN).GET()).body().contains("\"" + day + "\"");
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
