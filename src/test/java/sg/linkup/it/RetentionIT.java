package sg.linkup.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention with the default periods (730 days for clients, 90 for messages, 2557 for the audit trail) and a batch
 * of 5 (arquillian.xml), so that a sweep takes many transactions: the past is written into the tables as the
 * service would have left it, then two sweeps run at once through the admin endpoint, and the rows say exactly what
 * was removed and what was kept. The database is shared with the other ITs, none of which leaves data this old.
 */
@ExtendWith(SharedApp.class)
class RetentionIT {

    /** The shared server's address, set by {@link SharedApp}. */
    URL deployment;

    Api admin;
    long office;
    long room;
    long service;
    long advisor;
    final Instant now = Instant.now();

    @BeforeEach
    void catalogue() {
        admin = new Api(deployment);
        office = created("api/offices", CatalogueIT.office(unique("RT"), "SSO@Retention"));
        room = created("api/rooms", CatalogueIT.room(office, "Interview R", "INTERVIEW_ROOM"));
        long agency = created("api/agencies", CatalogueIT.agency(unique("RTA"), "EMPLOYMENT", null));
        service = created("api/services", CatalogueIT.service(agency, unique("RTS")));
        advisor = created("api/advisors", CatalogueIT.advisor(agency, unique("rt").toLowerCase(Locale.ROOT)
                + "@example.org", List.of(service)));
    }

    @Test
    void twoSweepsAtOnceAnonymiseInactiveClientsPurgeOldMessagesAndDeleteOldAuditLinesEachOnce() throws Exception {
        // Due: a client last seen 800 days ago, with notes on their session and a text (recent, but theirs), and
        // twelve registered 1,000 days ago and never booked.
        long gone = client("Tan Ah Kow", "123A", 1000);
        long goneSession = BookingRows.insert(service, office, advisor, room, gone, "CHECKED_IN", daysAgo(800));
        sql("UPDATE booking SET status = 'COMPLETED', outcome = 'ATTENDED', referral_note = 'Lost his job in May',"
                + " outcome_note = 'Lives with his sister now' WHERE id = ?", goneSession);
        long goneText = message(goneSession, gone, "SMS", "CONFIRMATION", "SENT", null, null, daysAgo(5));
        List<Long> neverBooked = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            neverBooked.add(client("Never Booked " + i, null, 1000));
        }
        // Kept: a session 100 days ago, an open waitlist entry, a registration today, a session to come.
        long recent = client("Recent Client", null, 1000);
        long recentSession = BookingRows.insert(service, office, advisor, room, recent, "CHECKED_IN", daysAgo(100));
        long waiting = client("Waiting Client", null, 1000);
        BookingRows.insert(service, office, advisor, room, waiting, "CHECKED_IN", daysAgo(800));
        sql("INSERT INTO waitlist_entry (client_id, service_id, first_day, last_day, urgent, status, created_by, "
                + "created_at) VALUES (?, ?, ?, ?, FALSE, 'WAITING', 'it', ?)", waiting, service,
                LocalDate.now().plusDays(1), LocalDate.now().plusDays(30), Timestamp.from(now));
        long fresh = client("Fresh Client", null, 0);
        long upcoming = client("Upcoming Client", null, 1000);
        long upcomingSession = BookingRows.insert(service, office, advisor, room, upcoming, "BOOKED",
                now.plus(Duration.ofDays(200)));

        // The outbox: three final rows unchanged for over 90 days go; a recent one, a pending one and an
        // invitation to a session still to come stay.
        long delivered = message(recentSession, recent, "SMS", "REMINDER", "SENT", "UNDELIVERED",
                "provider error 30005", daysAgo(100));
        long refused = message(recentSession, recent, "SMS", "CONFIRMATION", "FAILED", null,
                "INVALID_NUMBER (provider code 21211)", daysAgo(95));
        long oldInvite = message(recentSession, recent, "EMAIL", "INVITE", "SENT", null, null, daysAgo(100));
        long newText = message(recentSession, recent, "SMS", "RESCHEDULED", "SENT", "DELIVERED", null, daysAgo(10));
        long pending = message(upcomingSession, upcoming, "SMS", "REMINDER", "PENDING", null, null, daysAgo(100));
        long farInvite = message(upcomingSession, upcoming, "EMAIL", "INVITE", "SENT", null, null, daysAgo(100));

        String marker = unique("it-old");
        for (int i = 0; i < 7; i++) {
            audit(marker, daysAgo(3000));
        }
        long youngerAudit = audit(marker, daysAgo(2000));

        List<List<Object>> reportsSawBefore = whatReportsRead();

        // Two nodes' sweeps at once (one endpoint, two threads: the claims are the same rows in one database).
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<JsonObject>> sweeps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sweeps.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return sweep();
            }));
        }
        start.countDown();
        Map<String, Integer> done = new HashMap<>();
        for (CompletableFuture<JsonObject> sweep : sweeps) {
            JsonObject swept = sweep.get();
            System.out.println("RetentionIT: one of the two sweeps did " + swept);  // how they shared the rows
            for (String part : List.of("clientsAnonymised", "messagesPurged", "auditEventsDeleted")) {
                done.merge(part, swept.getInt(part), Integer::sum);
            }
        }
        assertEquals(13, done.get("clientsAnonymised"), () -> "each due client once: " + done);
        assertEquals(3, done.get("messagesPurged"), () -> "each old row once (the anonymised client's text goes "
                + "with them, counted in their audit line): " + done);
        assertEquals(7, done.get("auditEventsDeleted"), () -> "each old line once: " + done);

        // The clients: identifying columns gone, the row and what reports count kept; one audit line each.
        Map<String, Object> row = row("SELECT name, mobile, email, partial_nric, active, anonymised_at, office_id, "
                + "registered_at, preferred_language FROM client WHERE id = ?", gone);
        for (String column : List.of("name", "mobile", "email", "partial_nric")) {
            assertNull(row.get(column), () -> column + " of an anonymised client: " + row);
        }
        assertEquals(false, row.get("active"));
        assertNotNull(row.get("anonymised_at"));
        assertEquals(office, ((Number) row.get("office_id")).longValue());
        assertEquals("MS", row.get("preferred_language"));
        for (long client : concat(List.of(gone), neverBooked)) {
            List<Map<String, Object>> lines = rows("SELECT actor, detail FROM audit_event WHERE action = "
                    + "'CLIENT_ANONYMISED' AND subject_type = 'Client' AND subject_id = ?", client);
            assertEquals(1, lines.size(), () -> "client " + client + ": " + lines);
            assertEquals("system", lines.get(0).get("actor"));
            assertFalse(((String) lines.get(0).get("detail")).matches(".*(Tan|Never|\\+65|123A).*"),
                    () -> "nothing personal in the audit line: " + lines);
        }
        assertEquals(1, rows("SELECT 1 FROM audit_event WHERE action = 'CLIENT_ANONYMISED' AND subject_id = ? "
                + "AND detail LIKE '%notes of 1 bookings and 1 messages%'", gone).size(), "what went with them");
        for (long kept : List.of(recent, waiting, fresh, upcoming)) {
            Map<String, Object> client = row("SELECT name, mobile, anonymised_at FROM client WHERE id = ?", kept);
            assertNull(client.get("anonymised_at"), () -> "client " + kept + " is kept: " + client);
            assertNotNull(client.get("name"));
            assertNotNull(client.get("mobile"));
        }

        // Their session is still there for the statistics, without the words typed about them.
        Map<String, Object> session = row("SELECT status, outcome, client_id, office_id, starts_at, referral_note, "
                + "outcome_note FROM booking WHERE id = ?", goneSession);
        assertEquals("COMPLETED", session.get("status"));
        assertEquals("ATTENDED", session.get("outcome"));
        assertEquals(gone, ((Number) session.get("client_id")).longValue());
        assertNull(session.get("referral_note"));
        assertNull(session.get("outcome_note"));
        assertEquals(1, rows("SELECT 1 FROM booking WHERE client_id = ?", gone).size());

        // The outbox: recipient and text gone, the provider's code, status, delivery and id kept.
        for (long purged : List.of(goneText, delivered, refused, oldInvite)) {
            Map<String, Object> n = row("SELECT recipient, body, purged_at, provider_id, status FROM notification "
                    + "WHERE id = ?", purged);
            assertNull(n.get("recipient"), () -> purged + ": " + n);
            assertNull(n.get("body"), () -> purged + ": " + n);
            assertNotNull(n.get("purged_at"), () -> purged + ": " + n);
            assertEquals("SM" + purged, n.get("provider_id"), "late delivery reports still find it");
        }
        Map<String, Object> undelivered = row("SELECT status, delivery, last_error FROM notification WHERE id = ?",
                delivered);
        assertEquals(Map.of("status", "SENT", "delivery", "UNDELIVERED", "last_error", "provider error 30005"),
                undelivered);
        assertNull(row("SELECT last_error FROM notification WHERE id = ?", refused).get("last_error"),
                "error words without a provider error code go whole");
        for (long kept : List.of(newText, pending, farInvite)) {
            Map<String, Object> n = row("SELECT recipient, body, purged_at FROM notification WHERE id = ?", kept);
            assertNotNull(n.get("recipient"), () -> kept + ": " + n);
            assertNotNull(n.get("body"), () -> kept + ": " + n);
            assertNull(n.get("purged_at"), () -> kept + ": " + n);
        }

        // The audit trail: older than 2557 days gone, the rest kept, and the deletion itself recorded.
        assertEquals(List.of(youngerAudit), rows("SELECT id FROM audit_event WHERE action = ?", marker).stream()
                .map(r -> ((Number) r.get("id")).longValue()).toList());
        assertFalse(rows("SELECT 1 FROM audit_event WHERE action = 'AUDIT_EXPIRED' AND occurred_at > ?",
                Timestamp.from(now.minusSeconds(60))).isEmpty());

        // The reports read the same as before, and a sweep after it finds nothing left to do.
        assertEquals(reportsSawBefore, whatReportsRead());
        JsonObject again = sweep();
        assertEquals(0, again.getInt("clientsAnonymised"), again::toString);
        assertEquals(0, again.getInt("messagesPurged"), again::toString);
        assertEquals(0, again.getInt("auditEventsDeleted"), again::toString);
    }

    @Test
    void anAnonymisedClientReadsAsSuchAndCannotBeFoundBookedOrChanged() throws SQLException {
        String mobile = CatalogueIT.mobile();
        long gone = created("api/clients", CatalogueIT.client(office, "Lim Bee Hoon", mobile, "456B"));
        sql("UPDATE client SET registered_at = ? WHERE id = ?", Timestamp.from(daysAgo(1000)), gone);
        sweep();

        Api.Reply read = admin.get("api/clients/" + gone);
        assertEquals(200, read.status(), read::toString);
        JsonObject client = read.json();
        assertNotNull(client.getString("anonymisedAt", null), client::toString);
        for (String field : List.of("name", "mobile", "email", "partialNric")) {
            assertTrue(!client.containsKey(field) || client.isNull(field), () -> field + ": " + client);
        }
        assertFalse(client.getBoolean("active"));

        for (String search : List.of("mobile=" + mobile, "q=bee", "nric=456B")) {
            Api.Reply found = admin.get("api/clients?size=200&" + search);
            assertEquals(200, found.status(), found::toString);
            assertFalse(found.body().contains("\"id\":" + gone + ","), () -> search + " finds nobody: " + found);
        }
        Api.Reply change = admin.put("api/clients/" + gone,
                CatalogueIT.client(office, "Lim Bee Hoon", mobile, "456B"));
        assertEquals(409, change.status(), change::toString);
        assertEquals(409, admin.post("api/clients/" + gone + "/activate", "").status());
        assertNull(row("SELECT name FROM client WHERE id = ?", gone).get("name"), "nothing came back");

        Instant start = now.plus(Duration.ofDays(3));
        Api.Reply hold = admin.post("api/holds", """
                {"serviceId":%d,"officeId":%d,"mode":"IN_PERSON","start":"%s","clientId":%d}"""
                .formatted(service, office, start, gone));
        assertEquals(400, hold.status(), hold::toString);
        assertEquals("clientId", hold.json().getJsonArray("violations").getJsonObject(0).getString("field"));
        Api.Reply wait = admin.post("api/waitlist", """
                {"clientId":%d,"serviceId":%d,"officeIds":[%d],"firstDay":"%s","lastDay":"%s"}"""
                .formatted(gone, service, office, LocalDate.now().plusDays(1), LocalDate.now().plusDays(20)));
        assertEquals(400, wait.status(), wait::toString);
        assertTrue(rows("SELECT 1 FROM waitlist_entry WHERE client_id = ?", gone).isEmpty());
    }

    // --- the past, written as the service would have left it ---

    private Instant daysAgo(long days) {
        return now.minus(Duration.ofDays(days));
    }

    /** A client registered through the API, then moved back in time by {@code daysAgo}; with an e-mail address. */
    private long client(String name, String nric, long daysAgo) throws SQLException {
        long id = created("api/clients", CatalogueIT.client(office, name, CatalogueIT.mobile(), nric));
        sql("UPDATE client SET email = ?, registered_at = ? WHERE id = ?",
                name.replace(' ', '.').toLowerCase(Locale.ROOT) + "@mail.example.org",
                Timestamp.from(daysAgo(daysAgo)), id);
        return id;
    }

    /** An outbox row last changed at {@code changed}, with the client's address and a text; provider id "SM" + id. */
    private long message(long booking, long client, String channel, String kind, String status, String delivery,
                         String error, Instant changed) throws SQLException {
        long id;
        try (Connection db = db();
             var insert = db.prepareStatement("INSERT INTO notification (booking_id, client_id, kind, channel, "
                     + "recipient, language, due_at, status, body, delivery, last_error, created_at, sent_at, "
                     + "updated_at) SELECT ?, id, ?, ?, IF(? = 'SMS', mobile, email), 'EN', ?, ?, "
                     + "'Linkup: your session at SSO@Retention', ?, ?, ?, ?, ? FROM client WHERE id = ?",
                     Statement.RETURN_GENERATED_KEYS)) {
            Timestamp at = Timestamp.from(changed);
            insert.setLong(1, booking);
            insert.setString(2, kind);
            insert.setString(3, channel);
            insert.setString(4, channel);
            insert.setTimestamp(5, status.equals("PENDING") ? Timestamp.from(now.plus(Duration.ofDays(199))) : at);
            insert.setString(6, status);
            insert.setString(7, delivery);
            insert.setString(8, error);
            insert.setTimestamp(9, at);
            insert.setTimestamp(10, status.equals("SENT") ? at : null);
            insert.setTimestamp(11, at);
            insert.setLong(12, client);
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        if (!status.equals("PENDING")) {
            sql("UPDATE notification SET provider_id = ? WHERE id = ?", "SM" + id, id);
        }
        return id;
    }

    private long audit(String action, Instant at) throws SQLException {
        try (Connection db = db();
             var insert = db.prepareStatement("INSERT INTO audit_event (occurred_at, actor, action, subject_type, "
                     + "subject_id) VALUES (?, 'it', ?, 'Client', 1)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setTimestamp(1, Timestamp.from(at));
            insert.setString(2, action);
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * Every value the report roll-ups (ReportRollups.recompute) and the opt-out count (Reports) read about this
     * SSO's sessions, their messages and clients — the provider's code as the roll-ups extract it (no code, whether
     * from other words or from none, is the same to them).
     */
    private List<List<Object>> whatReportsRead() throws SQLException {
        List<List<Object>> seen = new ArrayList<>();
        seen.addAll(values("SELECT b.id, b.status, b.service_id, b.session_mode, b.client_id, b.starts_at, "
                + "b.ends_at, b.created_at, b.outcome, b.cancelled_by, b.client_confirmed_at, b.room_id, "
                + "c.office_id FROM booking b JOIN client c ON c.id = b.client_id WHERE b.office_id = ? "
                + "ORDER BY b.id", office));
        seen.addAll(values("SELECT n.id, n.booking_id, n.channel, n.status, n.delivery, n.kind, "
                + "NULLIF(REGEXP_SUBSTR(n.last_error, 'provider error [A-Za-z0-9_-]{1,20}'), ''), n.updated_at "
                + "FROM notification n "
                + "JOIN booking b ON b.id = n.booking_id WHERE b.office_id = ? ORDER BY n.id", office));
        seen.addAll(values("SELECT id, office_id, sms_problem, sms_problem_at FROM client WHERE office_id = ? "
                + "ORDER BY id", office));
        return seen;
    }

    // --- plumbing ---

    private JsonObject sweep() {
        Api.Reply swept = admin.post("api/retention/sweep", "");
        assertEquals(200, swept.status(), swept::toString);
        return swept.json();
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(System.getenv("LINKUP_DB_URL"), "root", "");
    }

    private static void sql(String statement, Object... parameters) throws SQLException {
        try (Connection db = db(); var s = db.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static List<Map<String, Object>> rows(String query, Object... parameters) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection db = db(); var s = db.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int c = 1; c <= r.getMetaData().getColumnCount(); c++) {
                        row.put(r.getMetaData().getColumnLabel(c), r.getObject(c));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static Map<String, Object> row(String query, Object... parameters) throws SQLException {
        List<Map<String, Object>> rows = rows(query, parameters);
        assertEquals(1, rows.size(), () -> query + ": " + rows);
        return rows.get(0);
    }

    private static List<List<Object>> values(String query, Object... parameters) throws SQLException {
        List<List<Object>> values = new ArrayList<>();
        try (Connection db = db(); var s = db.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= r.getMetaData().getColumnCount(); c++) {
                        row.add(r.getObject(c));
                    }
                    values.add(row);
                }
            }
        }
        return values;
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private long created(String path, String body) {
        Api.Reply reply = admin.post(path, body);
        assertEquals(201, reply.status(), () -> path + " " + reply);
        return reply.id();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
