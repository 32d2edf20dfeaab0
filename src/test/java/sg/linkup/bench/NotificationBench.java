package sg.linkup.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.spi.CDI;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import sg.linkup.notification.calendar.InviteMail;
import sg.linkup.notification.control.Dispatcher;
import sg.linkup.notification.control.DueReminders;
import sg.linkup.notification.control.Messages;
import sg.linkup.notification.control.NotificationMetrics;
import sg.linkup.notification.control.Outbox;
import sg.linkup.notification.control.OutboxWorker;
import sg.linkup.notification.sms.SmsChannel;
import sg.linkup.notification.sms.twilio.FakeTwilio;

/**
 * The figure: 10,000 due reminders through the real Twilio SDK to a fake Twilio that answers after
 * 50 ms, sent by one node (target ≤ 30 s); then 10,000 more by two nodes at once, counting duplicates at the fake.
 * Everything runs inside the deployment, through the production path: the outbox claim, rendering from the
 * booking, {@link SmsChannel} (Fault Tolerance) and the configured {@code TwilioSms}, whose base URL (the
 * failsafe-reserved port) the fake listens on. The node's own dispatcher is switched off in the bench profile.
 * Figures go to {@code target/bench/notifications.txt}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationBench {

    private static final int MESSAGES = 10_000;
    private static final int WARM_UP = 2_000;
    private static final Duration ANSWER_AFTER = Duration.ofMillis(50);
    private static final Path OUT = Path.of("target", "bench");

    @Deployment
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")))
                .addClasses(FakeTwilio.class, FakeTwilio.Message.class, FakeTwilio.Received.class,
                        FakeTwilio.Reply.class, DueReminders.class);
    }

    /** Inside Payara: both runs; the figures are handed to the client side through a scratch table. */
    @Test
    @Order(1)
    void sendTenThousandReminders() throws Exception {
        DataSource db = InitialContext.doLookup("java:app/jdbc/linkup");
        ManagedThreadFactory threads = InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
        Messages messages = CDI.current().select(Messages.class).get();
        Outbox outbox = CDI.current().select(Outbox.class).get();
        SmsChannel channel = CDI.current().select(SmsChannel.class).get();
        InviteMail mail = CDI.current().select(InviteMail.class).get();
        OutboxWorker.Settings settings = CDI.current().select(Dispatcher.class).get().settings();
        NotificationMetrics metrics = CDI.current().select(NotificationMetrics.class).get();
        int port = URI.create(System.getenv("LINKUP_TWILIO_API_BASE_URL")).getPort();
        StringBuilder report = new StringBuilder();
        List<String> wrong = new ArrayList<>();
        try (FakeTwilio fake = new FakeTwilio().start(port)) {
            fake.delay(ANSWER_AFTER);
            report.append(String.format(Locale.ROOT, "Dispatcher settings: batch %d, %d sender threads, lease %d s; "
                    + "fake Twilio answers after %d ms; %d unmeasured messages first%n", settings.batch(),
                    settings.concurrency(), settings.lease().toSeconds(), ANSWER_AFTER.toMillis(), WARM_UP));
            // A node in service is warm: one unmeasured round first, so the JIT has compiled the path.
            warmUp(db, fake, messages, outbox, channel, mail, settings, metrics, threads);
            for (int nodes : List.of(1, 2)) {
                fake.reset();
                long booking = booking(db);  // one per run, so each run counts only its own rows
                insert(db, booking, MESSAGES);
                List<OutboxWorker> dispatchers = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    dispatchers.add(new OutboxWorker("bench-" + nodes + "-" + i, messages, outbox, channel, mail,
                            settings, metrics));
                }
                long started = System.nanoTime();
                run(dispatchers, threads, db, booking);
                double seconds = (System.nanoTime() - started) / 1e9;
                long sent = count(db, booking, "status = 'SENT'");
                long accepted = fake.accepted().size();
                long posts = fake.received().size();
                report.append(String.format(Locale.ROOT, "%d node%s: %d reminders in %.1f s = %.0f/s; sent %d, "
                                + "fake accepted %d (POSTs %d), duplicates %d; most in flight at the fake %d; by "
                                + "node: %s%n", nodes, nodes == 1 ? "" : "s", MESSAGES, seconds, MESSAGES / seconds,
                        sent, accepted, posts, accepted - sent, fake.maxInFlight(), byNode(db, booking)));
                if (sent != MESSAGES || accepted != MESSAGES) {
                    wrong.add(nodes + " node(s): " + sent + " recorded sent, " + accepted + " accepted by the fake");
                }
            }
        }
        try (Connection c = db.getConnection(); Statement statement = c.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_handover (name VARCHAR(80) PRIMARY KEY, value TEXT)");
            try (PreparedStatement store = c.prepareStatement(
                    "REPLACE INTO bench_handover (name, value) VALUES ('notifications', ?)")) {
                store.setString(1, report.toString());
                store.executeUpdate();
            }
        }
        // Figures are not judged, correctness is: every message sent, and each exactly once.
        assertEquals(List.of(), wrong, report::toString);
    }

    @Test
    @Order(2)
    @RunAsClient
    void report() throws SQLException, IOException {
        String report;
        try (Connection db = DriverManager.getConnection(System.getenv("LINKUP_DB_URL"), "root", "");
             PreparedStatement read = db.prepareStatement(
                     "SELECT value FROM bench_handover WHERE name = 'notifications'");
             ResultSet rows = read.executeQuery()) {
            report = rows.next() ? rows.getString(1) : null;
        }
        assertNotNull(report, "the in-process run left its figures");
        String text = "== Notifications: " + MESSAGES + " due reminders, real Twilio SDK, fake Twilio ==\n" + report;
        System.out.println(text);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("notifications.txt"), text, StandardCharsets.UTF_8);
    }

    private static void warmUp(DataSource db, FakeTwilio fake, Messages messages, Outbox outbox, SmsChannel channel,
                               InviteMail mail, OutboxWorker.Settings settings, NotificationMetrics metrics,
                               ManagedThreadFactory threads)
            throws Exception {
        long booking = booking(db);
        insert(db, booking, WARM_UP);
        run(List.of(new OutboxWorker("bench-warm-up", messages, outbox, channel, mail, settings, metrics)), threads,
                db, booking);
        fake.reset();
    }

    /** Drains with every node at once until nothing of the run is open. */
    private static void run(List<OutboxWorker> dispatchers, ManagedThreadFactory threads, DataSource db, long booking)
            throws Exception {
        ExecutorService drivers = Executors.newFixedThreadPool(dispatchers.size(), threads);
        try {
            dispatchers.forEach(d -> d.start(threads, Duration.ZERO));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (count(db, booking, "status IN ('PENDING', 'SENDING')") > 0 && Instant.now().isBefore(deadline)) {
                List<Future<?>> rounds = new ArrayList<>();
                for (OutboxWorker dispatcher : dispatchers) {
                    rounds.add(drivers.submit(dispatcher::drain));
                }
                for (Future<?> round : rounds) {
                    round.get();
                }
                for (OutboxWorker dispatcher : dispatchers) {
                    dispatcher.awaitIdle();
                }
            }
        } finally {
            dispatchers.forEach(OutboxWorker::stop);
            drivers.shutdown();
        }
    }

    /** A client who may be texted, booked ten days ahead at an office of its own (rows as the service writes them). */
    private static long booking(DataSource db) throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        try (Connection c = db.getConnection()) {
            long office = insert(c, "INSERT INTO office (code, name, address, postal_code, latitude, longitude) "
                    + "VALUES ('NB-" + tag + "', 'SSO@Bench', '1 Bench Road', '000001', 1.30, 103.80)");
            long agency = insert(c, "INSERT INTO partner_agency (code, name, domain, is_sensitive, base_address, "
                    + "base_latitude, base_longitude) VALUES ('NB-" + tag + "', 'Bench Partner', 'EMPLOYMENT', FALSE, "
                    + "'1 Bench Road', 1.30, 103.80)");
            long service = insert(c, "INSERT INTO service (agency_id, code, name_en, name_zh, name_ms, name_ta, "
                    + "duration_minutes, buffer_before_minutes, buffer_after_minutes, min_notice_minutes, horizon_days) "
                    + "VALUES (" + agency + ", 'NB-" + tag + "', 'Coaching', '辅导', 'Bimbingan', 'வழிகாட்டல்', 45, 0, "
                    + "0, 0, 60)");
            long advisor = insert(c, "INSERT INTO advisor (agency_id, display_name, email) VALUES (" + agency
                    + ", 'Bench Advisor', 'nb-" + tag.toLowerCase(Locale.ROOT) + "@example.org')");
            long client = insert(c, "INSERT INTO client (name, mobile, preferred_language, sms_consent, "
                    + "registered_at, office_id) VALUES ('Bench Client', '+6591234567', 'EN', TRUE, UTC_TIMESTAMP(), "
                    + office + ")");
            return insert(c, "INSERT INTO booking (status, service_id, office_id, session_mode, advisor_id, "
                    + "client_id, starts_at, ends_at, created_by, created_at) VALUES ('BOOKED', " + service + ", "
                    + office + ", 'VIDEO_REMOTE', " + advisor + ", " + client + ", "
                    + "TIMESTAMP(UTC_DATE() + INTERVAL 10 DAY, '02:00:00'), "
                    + "TIMESTAMP(UTC_DATE() + INTERVAL 10 DAY, '02:45:00'), 'bench', UTC_TIMESTAMP())");
        }
    }

    private static void insert(DataSource db, long booking, int n) throws SQLException {
        try (Connection c = db.getConnection()) {
            DueReminders.insert(c, booking, n);
        }
    }

    private static long count(DataSource db, long booking, String condition) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement count = c.prepareStatement(
                "SELECT COUNT(*) FROM notification WHERE booking_id = ? AND kind = 'REMINDER' AND " + condition)) {
            count.setLong(1, booking);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String byNode(DataSource db, long booking) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement rows = c.prepareStatement("""
                SELECT claimed_by, COUNT(*) FROM notification WHERE booking_id = ? AND kind = 'REMINDER'
                AND status = 'SENT' GROUP BY claimed_by ORDER BY claimed_by""")) {
            rows.setLong(1, booking);
            List<String> parts = new ArrayList<>();
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    parts.add(rs.getString(1) + " " + rs.getLong(2));
                }
            }
            return String.join(", ", parts);
        }
    }

    private static long insert(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
