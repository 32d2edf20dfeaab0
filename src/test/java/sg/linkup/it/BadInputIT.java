package sg.linkup.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input, generated from the running application's OpenAPI document: every documented operation gets malformed
 * bodies, missing and extra fields, wrong types, out-of-range numbers, oversized text and bodies, control
 * characters, unicode edge cases, unknown enum values, bad path and query parameters, and ids of another office's
 * or agency's records from staff limited to the first. Every refusal is a 4xx {@code application/problem+json}
 * (never a 5xx, never HTML) and leaves every table's row count as it was. A new endpoint is covered as soon as it
 * is in the document; only the operations in {@link #SPECIAL} are handled by hand, each with its reason.
 */
@ExtendWith(SharedApp.class)
class BadInputIT {

    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
    private static final String PASSWORD = "a-long-enough-pass-1";
    private static final long NO_SUCH_ID = 987_654_321L;

    /** Operations that cannot take generated JSON as they are, and what is done with them instead. */
    private static final Map<String, String> SPECIAL = Map.of(
            "POST /api/webhooks/twilio/status", "form-encoded and signed by Twilio: sent unsigned bad forms only",
            "POST /api/webhooks/twilio/inbound", "form-encoded and signed by Twilio: sent unsigned bad forms only",
            "PUT /api/holidays", "takes text/calendar, not JSON: sent broken and oversized calendars only",
            "POST /api/session", "sign-in: a refused sign-in is audited and counted against the name, so its rows"
                    + " may change; bodies are checked for status and type only",
            "DELETE /api/session", "sign-out takes no input; signing the probe out would end its session");

    /**
     * Tables that the application rewrites in the background, whatever the requests: the report roll-ups (a
     * cache of the bookings and the outbox, caught up every minute and before each report). A refused request
     * that wrote anything would show in the tables they are built from, which are counted.
     */
    private static final String DERIVED = "report_";

    /** The shared server's address, set by {@link SharedApp}. */
    URL deployment;

    Api admin;
    Api counterA;
    Api supervisorA;
    Api partnerX;
    final Map<String, Long> ours = new LinkedHashMap<>();
    final Map<String, Long> theirs = new LinkedHashMap<>();
    LocalDate day;
    Connection db;
    String countRows;
    long lastChanges = -1;
    Map<String, Long> lastCounts;
    int recounts;
    int countsReused;
    int refusedBeforeTheApplication;
    final List<String> failures = new ArrayList<>();
    int requests;

    @BeforeEach
    void setUp() throws SQLException {
        db = DriverManager.getConnection(System.getenv("LINKUP_DB_URL"), "root", "");
        long changesBefore = rowChanges();
        admin = new Api(deployment);
        day = BookingIT.workingDay(admin);
        long officeA = created("api/offices", CatalogueIT.office(unique("BA"), "SSO@Probe A"));
        long officeB = created("api/offices", CatalogueIT.office(unique("BB"), "SSO@Probe B"));
        long agencyX = created("api/agencies", CatalogueIT.agency(unique("BX"), "EMPLOYMENT", null));
        long agencyY = created("api/agencies", CatalogueIT.agency(unique("BY"), "HOUSING", null));
        long serviceX = created("api/services", CatalogueIT.service(agencyX, unique("SX")));
        long serviceY = created("api/services", CatalogueIT.service(agencyY, unique("SY")));
        long roomA = created("api/rooms", CatalogueIT.room(officeA, "Probe room A", "INTERVIEW_ROOM"));
        long roomB = created("api/rooms", CatalogueIT.room(officeB, "Probe room B", "INTERVIEW_ROOM"));
        long advisorX = created("api/advisors", CatalogueIT.advisor(agencyX, email("x"), List.of(serviceX)));
        long advisorY = created("api/advisors", CatalogueIT.advisor(agencyY, email("y"), List.of(serviceY)));
        long ruleX = created("api/advisors/" + advisorX + "/rules",
                AvailabilityIT.rule(BookingIT.byDay(day), "09:00", "12:00", officeA, "IN_PERSON"));
        long ruleY = created("api/advisors/" + advisorY + "/rules",
                AvailabilityIT.rule(BookingIT.byDay(day), "09:00", "12:00", officeB, "IN_PERSON"));
        long clientA = created("api/clients", CatalogueIT.client(officeA, "Probe Client", CatalogueIT.mobile(), null));
        long clientB = created("api/clients", CatalogueIT.client(officeB, "Other Client", CatalogueIT.mobile(), null));
        var soon = java.time.Instant.now().plus(java.time.Duration.ofDays(20));
        long bookingA = BookingRows.insert(serviceX, officeA, advisorX, roomA, clientA, "BOOKED", soon);
        long bookingB = BookingRows.insert(serviceY, officeB, advisorY, roomB, clientB, "BOOKED", soon);
        String username = "b" + UUID.randomUUID().toString().substring(0, 8);
        created("api/staff", staff(username, "COUNTER_STAFF", officeA, null));
        counterA = admin.as(username, PASSWORD);
        String supervisor = "v" + UUID.randomUUID().toString().substring(0, 8);
        created("api/staff", staff(supervisor, "SUPERVISOR", officeA, null));
        supervisorA = admin.as(supervisor, PASSWORD);
        String partner = "p" + UUID.randomUUID().toString().substring(0, 8);
        long staffX = created("api/staff", staff(partner, "PARTNER", null, agencyX));
        partnerX = admin.as(partner, PASSWORD);
        // Staff bodies are probed on an account of their own: a probe that changes it must not sign anyone out.
        long staffProbed = created("api/staff", staff("s" + UUID.randomUUID().toString().substring(0, 8),
                "COUNTER_STAFF", officeA, null));

        // Path ids by the collection they follow: ours are within counterA's office and partnerX's agency.
        ours.putAll(Map.of("offices", officeA, "agencies", agencyX, "services", serviceX, "rooms", roomA,
                "advisors", advisorX, "rules", ruleX, "clients", clientA, "bookings", bookingA, "staff", staffProbed));
        theirs.putAll(Map.of("offices", officeB, "agencies", agencyY, "services", serviceY, "rooms", roomB,
                "advisors", advisorY, "rules", ruleY, "clients", clientB, "bookings", bookingB, "staff", staffX));

        assertTrue(rowChanges() > changesBefore, "the server's row counters move when the API inserts rows");
        List<String> tables = new ArrayList<>();
        try (var rs = db.createStatement().executeQuery("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                if (!rs.getString(1).startsWith(DERIVED)) {
                    tables.add(rs.getString(1));
                }
            }
        }
        assertTrue(tables.size() > 20, "tables counted: " + tables);
        countRows = tables.stream().map(t -> "SELECT '" + t + "', COUNT(*) FROM `" + t + "`")
                .collect(Collectors.joining(" UNION ALL "));
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        db.close();
    }

    @Test
    void everyOperationRefusesGeneratedBadInputWithAProblemAndChangesNoRow() throws Exception {
        Api.Reply openapi = null;
        for (int attempt = 1; openapi == null; attempt++) {
            try {
                openapi = admin.send(admin.request("/openapi").header("Accept", "application/json").GET());
            } catch (java.io.UncheckedIOException slow) {
                // The first request builds the document by scanning the WAR: on a busy machine that took over 30 s.
                if (attempt == 4) {
                    throw slow;
                }
            }
        }
        long started = System.nanoTime();
        assertEquals(200, openapi.status(), openapi::toString);
        JsonObject document = openapi.json();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi-probed.json"), openapi.body());
        JsonObject paths = document.getJsonObject("paths");
        int operations = 0;
        for (var path : new TreeMap<>(paths).entrySet()) {
            for (var method : path.getValue().asJsonObject().entrySet()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
                    continue;
                }
                operations++;
                probe(document, method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        method.getValue().asJsonObject());
            }
        }
        System.out.println("BadInputIT: " + operations + " operations, " + requests + " bad requests in "
                + java.time.Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s, "
                + recounts + " row recounts, " + refusedBeforeTheApplication
                + " refused by Payara before the application (encoded NUL in the path)");
        assertTrue(operations > 50, "the document lists the API: " + operations);
        assertTrue(failures.isEmpty(), () -> failures.size() + " answers to bad input were wrong:\n"
                + String.join("\n", failures));
    }

    // --- one operation ---

    private void probe(JsonObject document, String method, String path, JsonObject operation) throws SQLException {
        String name = method + " " + path;
        if (name.equals("DELETE /api/session")) {
            return; // see SPECIAL
        }
        if (path.startsWith("/api/webhooks/")) {
            for (String form : List.of("", "%%%", "MessageSid=&MessageStatus=\u0000", "To=" + "9".repeat(70_000))) {
                expectRefused(name + " unsigned form", send(admin, method, path.substring(1), form,
                        "application/x-www-form-urlencoded"), true, true);
            }
            return;
        }
        JsonObject body = requestSchema(document, operation);
        List<JsonObject> parameters = parameters(operation);
        boolean rowsMayChange = name.equals("POST /api/session");
        Api caller = callerFor(method, path, parameters, body);

        // Bad path parameters, one at a time, the others valid.
        for (JsonObject parameter : parameters) {
            if (!"path".equals(parameter.getString("in"))) {
                continue;
            }
            for (String bad : List.of("abc", "-1", "0", "1.5", "99999999999999999999", "%F0%9F%98%80", "%00",
                    "%E2%80%AE1", "1%20OR%201=1", String.valueOf(NO_SUCH_ID))) {
                String target = fill(path, ours, Map.of(parameter.getString("name"), bad));
                expectRefused(name + " path " + parameter.getString("name") + "=" + bad,
                        send(caller, method, target + query(parameters, null, null), example(document, body)),
                        true, !rowsMayChange);
            }
        }
        // Another scope's ids, from staff limited to the first office or agency. Offices, rooms, agencies and
        // services are one catalogue that every role reads; clients and bookings belong to an office, advisors,
        // their bookings and an agency's closures and tokens to an agency.
        if (path.contains("{")) {
            for (Api scoped : List.of(counterA, supervisorA, partnerX)) {
                boolean read = method.equals("GET");
                boolean scopedFamily = scoped != partnerX
                        ? path.startsWith("/api/clients/") || path.startsWith("/api/bookings/")
                        : path.startsWith("/api/advisors/") || path.startsWith("/api/agencies/{agencyId}/")
                          || path.startsWith("/api/bookings/");
                if (read && !scopedFamily) {
                    continue;
                }
                String target = fill(path, theirs, Map.of());
                String who = scoped == counterA ? "counter A" : scoped == supervisorA ? "supervisor A" : "partner X";
                expectRefused(name + " another scope's ids as " + who,
                        send(scoped, method, target + query(parameters, null, null), example(document, body)),
                        true, true);
            }
        }
        String target = fill(path, ours, Map.of());
        // Bad query parameters, one at a time.
        for (JsonObject parameter : parameters) {
            if (!"query".equals(parameter.getString("in"))) {
                continue;
            }
            JsonObject schema = resolve(document, parameter.getJsonObject("schema"));
            for (var bad : badQueryValues(schema).entrySet()) {
                expectRefused(name + " query " + parameter.getString("name") + " " + bad.getKey(),
                        send(caller, method, target + query(parameters, parameter.getString("name"), bad.getValue()),
                                example(document, body)), bad.getKey().startsWith("!"), !rowsMayChange);
            }
        }
        String tail = query(parameters, null, null);
        if (name.equals("PUT /api/holidays")) {
            for (String calendar : List.of("", "BEGIN:VCALENDAR", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026-13-45"
                    + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "\u0000\u0001", "X".repeat(70_000))) {
                expectRefused(name + " calendar " + abbreviate(calendar), send(caller, method, target + tail,
                        calendar, "text/calendar"), true, true);
            }
            return;
        }
        if (body == null) {
            return;
        }
        // Another scope's ids inside the body, from scoped staff: whether that is refused depends on the field
        // (any SSO may be chosen for a booking; another office's client may not), but never a 5xx, and a refusal
        // leaves the rows as they were.
        if (caller != admin) {
            expectRefused(name + " another scope's ids in the body", send(caller, method, target + tail,
                    example(document, body, theirs)), false, !rowsMayChange);
        }
        // Bodies that are not this resource's JSON at all.
        for (String raw : List.of("", "{", "{\"a\":", "[1,2", "not json", "{\"x\":1}}", "null", "[]", "\"text\"",
                "123", "{'single':'quotes'}", "{\"a\":1,\"a\":2,", "[".repeat(5_000) + "]".repeat(5_000),
                "{\"pad\":\"" + "x".repeat(70_000) + "\"}")) {
            expectRefused(name + " body " + abbreviate(raw), send(caller, method, target + tail, raw), true,
                    !rowsMayChange);
        }
        expectRefused(name + " as text/plain", send(caller, method, target + tail,
                example(document, body), "text/plain"), true, !rowsMayChange);
        // Field by field: missing, null, wrong types, edges, unicode.
        JsonObject schema = body;
        JsonObject valid = Json.createReader(new java.io.StringReader(example(document, body))).readObject();
        if (!"object".equals(schema.getString("type", "object")) || schema.getJsonObject("properties") == null) {
            return;
        }
        JsonArray required = schema.getJsonArray("required");
        for (var property : schema.getJsonObject("properties").entrySet()) {
            String field = property.getKey();
            JsonObject fieldSchema = resolve(document, property.getValue().asJsonObject());
            boolean isRequired = required != null && required.contains(Json.createValue(field));
            expectRefused(name + " without " + field, send(caller, method, target + tail,
                    without(valid, field).toString()), isRequired, !rowsMayChange);
            for (var bad : badValues(fieldSchema).entrySet()) {
                String sent = with(valid, field, bad.getValue());
                expectRefused(name + " " + field + " " + bad.getKey(), send(caller, method, target + tail, sent),
                        bad.getKey().startsWith("!"), !rowsMayChange);
            }
        }
        expectRefused(name + " with unknown fields", send(caller, method, target + tail,
                with(valid, "unexpectedField\u0000", "{\"nested\":[1,{}]}")), false, !rowsMayChange);
    }

    /** The first of admin, counter A and partner X the operation does not refuse for their role. */
    private Api callerFor(String method, String path, List<JsonObject> parameters, JsonObject body) {
        if (body == null && !method.equals("GET")) {
            return admin;
        }
        String target = fill(path, ours, Map.of()) + query(parameters, null, null);
        for (Api api : List.of(admin, counterA, partnerX)) {
            if (send(api, method, target, body == null ? null : "{").reply().status() != 403) {
                return api;
            }
        }
        return admin;
    }

    // --- what must hold ---

    /** Judged by {@link BadInputVerdict#judge}; a failure is kept, and the run goes on to list them all. */
    private void expectRefused(String what, Counted reply, boolean mustRefuse, boolean rowsUnchanged) {
        requests++;
        if (BadInputVerdict.refusedBeforeTheApplication(reply.target(), reply.reply())) {
            refusedBeforeTheApplication++;
            return;
        }
        String failure = BadInputVerdict.judge(what, reply.reply(), mustRefuse, rowsUnchanged, reply.before(),
                reply.after());
        if (failure != null) {
            failures.add(failure);
        }
    }

    private record Counted(String target, Api.Reply reply, Map<String, Long> before, Map<String, Long> after) {
    }

    private Counted send(Api api, String method, String target, String body) {
        return send(api, method, target, body, "application/json");
    }

    private Counted send(Api api, String method, String target, String body, String contentType) {
        Map<String, Long> before = rows();
        HttpRequest.Builder request = api.request(target).header("Accept", "application/json");
        if (body != null && !method.equals("GET") && !method.equals("DELETE")) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        Api.Reply reply;
        try {
            reply = body != null && body.length() > 3_000 ? sendLarge(request.build(), body) : api.send(request);
        } catch (java.io.UncheckedIOException e) {
            // No answer at all (a hang or a dropped connection) is as wrong as a 5xx; say so and go on.
            reply = new Api.Reply(599, "", null, "no answer: " + e.getCause(), null);
        }
        return new Counted(target, reply, before, rows());
    }

    /**
     * A body over the server's limit through HttpURLConnection: the server answers 413 before reading it, and
     * java.net.http's client then waits for the rest of its upload to be read until it times out (seen here;
     * curl and browsers read the early answer).
     */
    private static Api.Reply sendLarge(HttpRequest request, String body) {
        try {
            var connection = (java.net.HttpURLConnection) request.uri().toURL().openConnection();
            connection.setRequestMethod(request.method());
            request.headers().map().forEach((name, values) -> values.forEach(v -> connection.addRequestProperty(name, v)));
            connection.setDoOutput(true);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            connection.setFixedLengthStreamingMode(bytes.length);
            try (var out = connection.getOutputStream()) {
                out.write(bytes);
            } catch (java.io.IOException refusedMidway) {
                // The server may close once it has answered; the answer is still there to read.
            }
            int status = connection.getResponseCode();
            var in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String type = connection.getContentType() == null ? "" : connection.getContentType();
            return new Api.Reply(status, type, null, text, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Every counted table's row count. Counting ~40 tables around each of ~5,000 requests took most of the run,
     * so the counts are taken again only when the server's insert or delete counter has moved since the last
     * count: no table's row count can change without one of them moving. The counter is read before the tables,
     * so a change that races the count only causes one more count. Every 100th time the tables are counted anyway
     * and must match, so that a counter that stopped counting fails the test instead of hiding changes.
     */
    private Map<String, Long> rows() {
        try {
            long changes = rowChanges();
            if (changes == lastChanges && ++countsReused % 100 != 0) {
                return lastCounts;
            }
            Map<String, Long> counts = new TreeMap<>();
            try (var rs = db.createStatement().executeQuery(countRows)) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            recounts++;
            if (changes == lastChanges && !counts.equals(lastCounts) && rowChanges() == lastChanges) {
                assertEquals(lastCounts, counts, "rows changed while the server's insert and delete counters stood");
            }
            lastChanges = changes;
            lastCounts = counts;
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Requests to insert or delete a row, server-wide, since the server started. MariaDB 11 has no InnoDB row
     * counters any more; its Handler_write and Handler_delete count every table's but temporary ones (those are
     * Handler_tmp_*), so this test's own counting and SHOW STATUS do not move them.
     */
    private long rowChanges() throws SQLException {
        try (var rs = db.createStatement().executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
                + "('Handler_write', 'Handler_delete')")) {
            long changes = 0;
            int found = 0;
            while (rs.next()) {
                changes += rs.getLong(2);
                found++;
            }
            assertEquals(2, found, "the server's row counters");
            return changes;
        }
    }

    // --- generated input ---

    /** Values for one field, keyed by what they are; a key starting with "!" is plainly wrong for the schema. */
    private static Map<String, String> badValues(JsonObject schema) {
        Map<String, String> bad = new LinkedHashMap<>();
        String type = schema.getString("type", "object");
        bad.put("null", "null");
        bad.put("!an object", "{\"a\":1}");
        switch (type) {
            case "string" -> {
                bad.put("!an array", "[\"a\"]");
                if (schema.containsKey("enum")) {
                    bad.put("!unknown enum value", "\"NOT_A_VALUE\"");
                    bad.put("!enum in lower case", quote(schema.getJsonArray("enum").getString(0)
                            .toLowerCase(Locale.ROOT) + "x"));
                }
                if (schema.containsKey("maxLength")) {
                    bad.put("!over maxLength", quote("x".repeat(schema.getInt("maxLength") + 1)));
                }
                String format = schema.getString("format", "");
                if (format.startsWith("date") || format.equals("time") || format.equals("local-time")) {
                    bad.put("!impossible " + format, quote(format.equals("date") ? "2026-02-30"
                            : format.contains("time") && !format.startsWith("date") ? "25:61"
                            : "2026-13-45T25:61:00+08:00"));
                    bad.put("!words for a " + format, "\"tomorrow morning\"");
                    bad.put("!year 99999", quote(format.equals("date") ? "+99999-01-01" : "+99999-01-01T09:00:00Z"));
                }
                bad.put("empty", "\"\"");
                bad.put("blank", "\"   \"");
                bad.put("oversized 20000 characters", quote("y".repeat(20_000)));
                bad.put("control characters", "\"a\\u0000b\\u0007c\\u001bd\\r\\n\"");
                bad.put("emoji", quote("👩‍👩‍👧‍👦 🇸🇬"));
                bad.put("combining marks", quote("Z\u0351\u0352\u0353a\u0301\u0301\u0301\u0301lgo"));
                bad.put("right-to-left", quote("\u202Eעברית عربي\u202C"));
                bad.put("lone surrogate", "\"a\\ud800b\"");
                bad.put("reversed surrogates", "\"\\udc00\\ud800\"");
                bad.put("zero-width and BOM", "\"\\u200b\\ufeff\\u2028\"");
                bad.put("a number", "12345");
            }
            case "integer", "number" -> {
                bad.put("!text", "\"abc\"");
                bad.put("!boolean", "true");
                bad.put("!above the long range", "99999999999999999999");
                bad.put("!1e400", "1e400");
                if ("integer".equals(type)) {
                    bad.put("!a fraction", "1.5");
                }
                bad.put("negative", "-1");
                bad.put("zero", "0");
                bad.put("long minimum", String.valueOf(Long.MIN_VALUE));
                if (schema.containsKey("minimum")) {
                    bad.put("!below minimum", schema.getJsonNumber("minimum").bigDecimalValue()
                            .subtract(java.math.BigDecimal.ONE).toPlainString());
                }
                if (schema.containsKey("maximum")) {
                    bad.put("!above maximum", schema.getJsonNumber("maximum").bigDecimalValue()
                            .add(java.math.BigDecimal.ONE).toPlainString());
                }
            }
            case "boolean" -> {
                bad.put("!text", "\"yes\"");
                bad.put("!number", "2");
            }
            case "array" -> {
                bad.put("!a string", "\"not a list\"");
                bad.put("with null", "[null]");
                bad.put("!with an object", "[{\"a\":1}]");
                bad.put("many elements", "[" + "1,".repeat(5_000) + "1]");
                bad.put("empty", "[]");
            }
            default -> {
                bad.put("!a string", "\"not an object\"");
                bad.put("!an array", "[1]");
                bad.put("empty", "{}");
            }
        }
        return bad;
    }

    private static Map<String, String> badQueryValues(JsonObject schema) {
        Map<String, String> bad = new LinkedHashMap<>();
        String type = schema == null ? "string" : schema.getString("type", "string");
        if (type.equals("integer") || type.equals("number")) {
            bad.put("!text", "abc");
            bad.put("!above the long range", "99999999999999999999");
            bad.put("negative", "-1");
        }
        if (schema != null && schema.containsKey("enum")) {
            bad.put("!unknown enum value", "NOT_A_VALUE");
        }
        if (schema != null && schema.getString("format", "").startsWith("date")) {
            bad.put("!impossible date", "2026-13-45");
        }
        bad.put("empty", "");
        bad.put("oversized", "q".repeat(4_000));
        bad.put("control characters", "%00%07%1B");
        bad.put("emoji", "%F0%9F%98%80");
        bad.put("lone surrogate", "%ED%A0%80");
        bad.put("right-to-left", "%E2%80%AEabc");
        bad.put("list of junk", "1,,x,-5");
        return bad;
    }

    /** A plausible body for the schema, with this test's own ids where the field names one. */
    private String example(JsonObject document, JsonObject schema) {
        return example(document, schema, ours);
    }

    /** The same, with the ids taken from {@code ids} (another scope's, to probe scoping in bodies). */
    private String example(JsonObject document, JsonObject schema, Map<String, Long> ids) {
        return schema == null ? null : value(document, schema, "", ids).toString();
    }

    private JsonValue value(JsonObject document, JsonObject raw, String field, Map<String, Long> ids) {
        JsonObject schema = resolve(document, raw);
        if (schema.containsKey("enum")) {
            return schema.getJsonArray("enum").get(0);
        }
        String lower = field.toLowerCase(Locale.ROOT);
        switch (schema.getString("type", "object")) {
            case "string" -> {
                String format = schema.getString("format", "");
                if (format.equals("date")) {
                    return Json.createValue(day.toString());
                }
                if (format.equals("date-time")) {
                    return Json.createValue(day.atTime(10, 0).atZone(SINGAPORE).toOffsetDateTime().toString());
                }
                if (lower.contains("time") || lower.equals("opens") || lower.equals("closes")) {
                    return Json.createValue("09:00");
                }
                if (lower.contains("email")) {
                    return Json.createValue(email("probe"));
                }
                if (lower.contains("mobile") || lower.contains("phone")) {
                    return Json.createValue(CatalogueIT.mobile());
                }
                return Json.createValue("Probe");
            }
            case "integer", "number" -> {
                Long id = idFor(field, ids);
                if (id != null) {
                    return Json.createValue(id);
                }
                return schema.containsKey("minimum") ? schema.getJsonNumber("minimum") : Json.createValue(1);
            }
            case "boolean" -> {
                return JsonValue.FALSE;
            }
            case "array" -> {
                JsonObject items = schema.getJsonObject("items");
                String singular = field.endsWith("s") ? field.substring(0, field.length() - 1) : field;
                return items == null ? JsonValue.EMPTY_JSON_ARRAY
                        : Json.createArrayBuilder().add(value(document, items, singular, ids)).build();
            }
            default -> {
                JsonObjectBuilder object = Json.createObjectBuilder();
                JsonObject properties = schema.getJsonObject("properties");
                if (properties != null) {
                    properties.forEach((name, property) ->
                            object.add(name, value(document, property.asJsonObject(), name, ids)));
                }
                return object.build();
            }
        }
    }

    /** "officeId", "officeIds" item → our office; an unknown id → one that does not exist. */
    private Long idFor(String field) {
        return idFor(field, ours);
    }

    private static Long idFor(String field, Map<String, Long> ids) {
        if (!field.endsWith("Id") && !field.equals("id")) {
            return null;
        }
        String kind = field.substring(0, Math.max(0, field.length() - 2)).toLowerCase(Locale.ROOT);
        for (var entry : ids.entrySet()) {
            if (entry.getKey().equals(kind + "s") || entry.getKey().equals(kind)
                    || (kind.equals("agency") && entry.getKey().equals("agencies"))) {
                return entry.getValue();
            }
        }
        return NO_SUCH_ID;
    }

    private static JsonObject requestSchema(JsonObject document, JsonObject operation) {
        JsonObject body = operation.getJsonObject("requestBody");
        if (body == null || body.getJsonObject("content") == null) {
            return null;
        }
        JsonObject content = body.getJsonObject("content");
        JsonObject json = content.getJsonObject("application/json");
        if (json == null || json.getJsonObject("schema") == null) {
            return content.isEmpty() ? null : Json.createObjectBuilder().add("type", "string").build();
        }
        return resolve(document, json.getJsonObject("schema"));
    }

    private static JsonObject resolve(JsonObject document, JsonObject schema) {
        if (schema == null) {
            return null;
        }
        JsonObject current = schema;
        for (int depth = 0; current.containsKey("$ref") && depth < 10; depth++) {
            String ref = current.getString("$ref");
            current = document.getJsonObject("components").getJsonObject("schemas")
                    .getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (current.containsKey("allOf") && current.getJsonArray("allOf").size() == 1) {
            return resolve(document, current.getJsonArray("allOf").getJsonObject(0));
        }
        return current;
    }

    private static List<JsonObject> parameters(JsonObject operation) {
        JsonArray parameters = operation.getJsonArray("parameters");
        return parameters == null ? List.of()
                : parameters.stream().map(JsonValue::asJsonObject).toList();
    }

    /** The path with each {parameter} replaced: by an override, or by the id of the collection it follows. */
    private static String fill(String path, Map<String, Long> ids, Map<String, String> overrides) {
        String[] segments = path.substring(1).split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (!segment.startsWith("{")) {
                continue;
            }
            String name = segment.substring(1, segment.length() - 1);
            if (overrides.containsKey(name)) {
                segments[i] = overrides.get(name);
                continue;
            }
            String collection = i > 0 ? segments[i - 1] : "";
            Long id = ids.get(collection);
            segments[i] = name.equals("name") ? "sessions" : String.valueOf(id == null ? NO_SUCH_ID : id);
        }
        return String.join("/", segments);
    }

    /** The operation's required query parameters with harmless values, and {@code bad} for one of them. */
    private String query(List<JsonObject> parameters, String badName, String badValue) {
        List<String> pairs = new ArrayList<>();
        for (JsonObject parameter : parameters) {
            if (!"query".equals(parameter.getString("in"))) {
                continue;
            }
            String name = parameter.getString("name");
            if (name.equals(badName)) {
                pairs.add(name + "=" + badValue);
            } else if (parameter.getBoolean("required", false)) {
                Long id = idFor(name + "Id");
                pairs.add(name + "=" + (id != null && id != NO_SUCH_ID ? id : day));
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static JsonObject without(JsonObject object, String field) {
        JsonObjectBuilder builder = Json.createObjectBuilder(object);
        builder.remove(field);
        return builder.build();
    }

    /** The object as JSON text with {@code field} set to a raw JSON fragment (which may be invalid on purpose). */
    private static String with(JsonObject object, String field, String rawValue) {
        String rest = without(object, field).toString();
        String pair = quote(field) + ":" + rawValue;
        return rest.equals("{}") ? "{" + pair + "}" : "{" + pair + "," + rest.substring(1);
    }

    private static String quote(String text) {
        return Json.createValue(text).toString();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…(" + flat.length() + ")" : flat;
    }

    private long created(String path, String body) {
        var reply = admin.post(path, body);
        assertEquals(201, reply.status(), () -> path + " " + reply);
        return reply.id();
    }

    private static String staff(String username, String role, Long office, Long agency) {
        return """
                {"username":"%s","displayName":"Probe %s","role":"%s","officeIds":[%s],%s"password":"%s"}"""
                .formatted(username, role, role, office == null ? "" : office,
                        agency == null ? "" : "\"agencyId\":" + agency + ",", PASSWORD);
    }

    private static String email(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
