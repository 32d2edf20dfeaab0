package sg.linkup.bench;

import static sg.linkup.bench.BenchSql.count;
import static sg.linkup.bench.BenchSql.holidays;
import static sg.linkup.bench.BenchSql.seconds;
import static sg.linkup.bench.BenchSql.single;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mysql.cj.jdbc.MysqlDataSource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import sg.linkup.audit.entity.AuditEvent;
import sg.linkup.booking.control.Bookings;
import sg.linkup.booking.entity.Booking;
import sg.linkup.directory.entity.SessionMode;

/**
 * Booking commits against what the database alone can commit (run with {@code mvn -Pbench verify}), in one run
 * and on one MariaDB:
 * <ol>
 *   <li>(a) the baseline: 16 threads, each with its own JDBC connection in autocommit, inserting rows with
 *       distinct keys into a scratch table with a unique key — one commit per row, as one booking is one commit;
 *       measured before and again after the bookings, to show drift on a shared machine;</li>
 *   <li>(b) bookings over HTTP: 16 counters, each signed in with its own session, POSTing {@code /api/bookings}
 *       for slots that cannot collide (each counter books only its own advisors, each booking a fresh client,
 *       VIDEO_REMOTE so that no room is shared) — JSON, sign-in, access checks and the resource around
 *       {@code Bookings.book};</li>
 *   <li>(b') the same commits in-process: {@code Bookings.book} called by 16 of Payara's managed threads, no HTTP.
 *       That part runs inside the deployment (Arquillian's servlet protocol) and hands its figures back through
 *       a scratch table.</li>
 *   <li>(c) the floor: the least a booking transaction that locks, checks and records must do, as hand-written
 *       JDBC on scratch tables (see {@code bareBookings}) — how close to (a) any implementation could get here.</li>
 * </ol>
 * Then it counts double bookings by SQL, reads what MariaDB was asked per booking from its general log, prints a
 * table and writes it to {@code target/bench/booking-commit.txt}. The issue's target: (b) at ≥ 50% of (a), with
 * no double booking. A benchmark, not a test: it asserts only that bookings succeeded and none collided.
 *
 * <p>The three methods run in order and share the catalogue through static fields (client side) and the scratch
 * tables {@code bench_plan} and {@code bench_handover} (between the two JVMs). The benchmarks of one run share one
 * throw-away database, so this one empties the tables benchmarks fill before it starts and again when it ends.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BookingCommitBench {

    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
    private static final long SEED = 20_261_124L;
    static final int THREADS = 16;
    /** Rows per thread, then rows in all: ~10 s at the 10,000 rows/s a 2-core machine manages. */
    private static final int BASELINE_WARM_UP = 500;
    private static final int BASELINE_ROWS = 96_000;
    /**
     * (c) per thread: warm-up, then measured. Each transaction is a booking's bare minimum, so it runs at a fraction
     * of (a)'s rate; 16 × 1,024 keeps it near (a)'s duration.
     */
    private static final int BARE_WARM_UP = 128;
    private static final int BARE_MEASURED = 1_024;
    /** (c): each thread books its own 16 advisors, an hour apart. */
    private static final int BARE_ADVISORS = 16;
    /**
     * Bookings per thread: warm-up, then measured; the same again in-process, then a few for the general log. With
     * 16 per thread the measured run still sped up by a quarter from its first half to its second; the report
     * prints both halves' rates, so any drift left stays visible.
     */
    static final int WARM_UP = 64;
    static final int MEASURED = 128;
    static final int ROUND = WARM_UP + MEASURED;
    static final int IN_PROCESS_FROM = ROUND;
    static final int CAPTURE_FROM = 2 * ROUND;
    static final int CAPTURED = 4;
    private static final int PER_THREAD = CAPTURE_FROM + CAPTURED;
    /** The main service's sessions on the advisors' video afternoons (14:00–17:00): 45 min + 15 min buffer. */
    private static final List<LocalTime> VIDEO_STARTS = List.of(LocalTime.of(14, 0), LocalTime.of(15, 0),
            LocalTime.of(16, 0));
    private static final Path OUT = Path.of("target", "bench");
    private static final List<String> STATUS = List.of("Questions", "Com_select", "Com_insert", "Com_update",
            "Com_commit", "Com_rollback", "Handler_commit", "Innodb_data_fsyncs", "Innodb_row_lock_waits");
    private static final Pattern DB_PORT = Pattern.compile("//[^:/]+:(\\d+)/");
    /**
     * What a benchmark fills. The benchmarks of one {@code mvn -Pbench verify} share its throw-away database and
     * run in no set order; the catalogue's codes are the same in each, so each must find the tables empty.
     */
    private static final List<String> BENCH_TABLES = List.of("notification", "calendar_feed", "occupancy", "booking",
            "waitlist_office",
            "waitlist_entry", "audit_event", "blackout", "availability_rule_exdate", "availability_rule_mode",
            "availability_rule", "client", "advisor_service", "advisor_language", "advisor", "service_mode",
            "service", "partner_agency", "room", "office_closure", "office_opening_hours", "office");

    // Client side, from one method to the next (JUnit makes a new instance per method).
    private static final StringBuilder REPORT = new StringBuilder();
    private static final List<Run> RUNS = new ArrayList<>();
    private static long started;
    private static int planned;
    private static String httpStatements = "";

    @Deployment
    static WebArchive war() {
        // Testable: the in-process part runs inside the deployment, and needs the bench helpers next to this class.
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")))
                .addClasses(Latencies.class, MachineLoad.class, ProcessCpu.class, QueryPlans.class,
                        BenchCatalogue.class, BenchSql.class);
    }

    @ArquillianResource
    URL deployment;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** One session a counter books: its advisor, the client's SSO, the client, the start. */
    record Planned(int thread, int seq, long service, long advisor, long office, long client, Instant start) {
    }

    /** A counter's browser session: the cookie, and the CSRF token every POST repeats. */
    record Session(String cookie, String csrfToken) {
    }

    /** What one thread does for each of its steps: null when it succeeded, else a short reason. */
    interface Worker {
        String perform(int step) throws Exception;
    }

    /** One measured run of 16 threads, with what the machine and MariaDB did meanwhile. */
    record Run(String label, String unit, int done, int failed, String firstFailure, double seconds,
               Latencies latencies, double firstHalfRate, double secondHalfRate, double machineBusy,
               Map<String, Double> cores, Map<String, Long> status) {

        double rate() {
            return done / seconds;
        }

        /** CPU milliseconds a process spent per unit done. */
        double cpuMillisPerUnit(String process) {
            return cores.getOrDefault(process, Double.NaN) * seconds * 1000 / done;
        }

        /** CPU milliseconds per unit of every process measured together. */
        double cpuMillisPerUnit() {
            return cores.values().stream().filter(c -> !c.isNaN()).mapToDouble(c -> c * seconds * 1000 / done).sum();
        }

        /** Cores the rest of the machine (kernel, Maven, anything else) kept busy meanwhile. */
        double otherCores() {
            return machineBusy / 100 * Runtime.getRuntime().availableProcessors()
                    - cores.values().stream().filter(c -> !c.isNaN()).mapToDouble(Double::doubleValue).sum();
        }

        double perUnit(String counter) {
            Long delta = status.get(counter);
            return delta == null ? Double.NaN : (double) delta / done;
        }

        String toProperties() {
            Properties p = new Properties();
            p.setProperty("label", label);
            p.setProperty("unit", unit);
            p.setProperty("done", String.valueOf(done));
            p.setProperty("failed", String.valueOf(failed));
            p.setProperty("firstFailure", firstFailure == null ? "" : firstFailure);
            p.setProperty("seconds", String.valueOf(seconds));
            p.setProperty("latency", latencies.count() + " " + latencies.p50() + " " + latencies.p95() + " "
                    + latencies.p99() + " " + latencies.max() + " " + latencies.mean());
            p.setProperty("halves", firstHalfRate + " " + secondHalfRate);
            p.setProperty("machineBusy", String.valueOf(machineBusy));
            cores.forEach((name, value) -> p.setProperty("cores." + name, String.valueOf(value)));
            status.forEach((name, value) -> p.setProperty("status." + name, String.valueOf(value)));
            StringWriter out = new StringWriter();
            try {
                p.store(out, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }

        static Run fromProperties(String text) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String[] l = p.getProperty("latency").split(" ");
            Map<String, Double> cores = new LinkedHashMap<>();
            Map<String, Long> status = new LinkedHashMap<>();
            for (String name : p.stringPropertyNames().stream().sorted().toList()) {
                if (name.startsWith("cores.")) {
                    cores.put(name.substring(6), Double.parseDouble(p.getProperty(name)));
                } else if (name.startsWith("status.")) {
                    status.put(name.substring(7), Long.parseLong(p.getProperty(name)));
                }
            }
            String failure = p.getProperty("firstFailure");
            String[] halves = p.getProperty("halves").split(" ");
            return new Run(p.getProperty("label"), p.getProperty("unit"), Integer.parseInt(p.getProperty("done")),
                    Integer.parseInt(p.getProperty("failed")), failure.isEmpty() ? null : failure,
                    Double.parseDouble(p.getProperty("seconds")),
                    new Latencies(Integer.parseInt(l[0]), Double.parseDouble(l[1]), Double.parseDouble(l[2]),
                            Double.parseDouble(l[3]), Double.parseDouble(l[4]), Double.parseDouble(l[5])),
                    Double.parseDouble(halves[0]), Double.parseDouble(halves[1]),
                    Double.parseDouble(p.getProperty("machineBusy")), cores, status);
        }
    }

    // --- 1: catalogue, baseline, bookings over HTTP (client side) ---

    @Test
    @Order(1)
    @RunAsClient
    void baselineThenBookingsOverHttp() throws Exception {
        started = System.nanoTime();
        LocalDate today = LocalDate.now(SINGAPORE);
        try (Connection db = connect()) {
            print("Booking-commit benchmark, " + Instant.now() + ", today " + today + " (Singapore); MariaDB "
                    + single(db, "SELECT VERSION()") + " (innodb_flush_log_at_trx_commit="
                    + single(db, "SELECT @@innodb_flush_log_at_trx_commit") + ", log_bin="
                    + single(db, "SELECT @@log_bin") + ", sync_binlog=" + single(db, "SELECT @@sync_binlog")
                    + ", buffer pool " + Long.parseLong(single(db, "SELECT @@innodb_buffer_pool_size")) / (1 << 20)
                    + " MiB), client JVM " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores");

            long t = System.nanoTime();
            clear(db);
            BenchCatalogue catalogue = BenchCatalogue.create(db, new Random(SEED), today);
            db.setAutoCommit(true);
            List<List<Planned>> plan = plan(db, catalogue, holidays(db), today);
            writeHandover(db, plan);
            print(String.format(Locale.ROOT, "Catalogue: %d offices, %d advisors (%d offer the booked service, "
                            + "split over the %d threads), %,d clients, one per planned booking — %.1f s",
                    count(db, "office"), count(db, "advisor"), catalogue.mainAdvisorIds().size(), THREADS,
                    count(db, "client"), seconds(t)));
            Map<String, Long> pids = processes(true);
            print("Processes whose CPU is read: " + pids);

            RUNS.add(baseline(db, "(a) JDBC insert, before", pids));
            RUNS.add(bareBookings(db, "(c) bare booking tx, JDBC", pids));

            List<Worker> counters = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                counters.add(new Counter(signIn(), plan.get(thread)));
            }
            print("");
            print("== (b) bookings over HTTP: " + THREADS + " counters, each its own session, advisors and "
                    + "clients; POST /api/bookings (VIDEO_REMOTE, named advisor, Idempotency-Key) ==");
            Run warmUp = measure("warm-up", "bookings", counters, 0, WARM_UP, db, pids,
                    Executors.defaultThreadFactory());
            print(String.format(Locale.ROOT, "warm-up: %d bookings in %.1f s, %d failed%s", warmUp.done(),
                    warmUp.seconds(), warmUp.failed(), failure(warmUp)));
            Run overHttp = measure("(b) booking over HTTP", "bookings", counters, WARM_UP, MEASURED, db, pids,
                    Executors.defaultThreadFactory());
            RUNS.add(overHttp);
            printRun(overHttp);

            long own = Long.parseLong(single(db, "SELECT CONNECTION_ID()"));
            Counter first = (Counter) counters.get(0);
            List<QueryPlans.Logged> logged = QueryPlans.capture(db,
                    OUT.resolve("general-booking-http.log").toAbsolutePath(), () -> {
                        for (int step = CAPTURE_FROM; step < CAPTURE_FROM + CAPTURED; step++) {
                            String failed = first.performUnchecked(step);
                            if (failed != null) {
                                throw new IllegalStateException("captured booking failed: " + failed);
                            }
                        }
                    });
            httpStatements = statementSummary(logged, own, CAPTURED);
        }
    }

    // --- 2: the same commits in-process (inside the deployment) ---

    @Test
    @Order(2)
    void bookingsInProcess() throws Exception {
        ManagedThreadFactory threads = InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
        Bookings bookings = CDI.current().select(Bookings.class).get();
        AuditEvent.Actor actor = new AuditEvent.Actor("it-admin", "ADMIN", "all");
        // The bench's own connection comes from outside Payara's pool: a pooled one held by this thread would be
        // shared with the transactions of the captured bookings, hiding their statements in the general log.
        MysqlDataSource outsideThePool = new MysqlDataSource();
        outsideThePool.setURL(System.getenv("LINKUP_DB_URL"));
        outsideThePool.setUser("root");
        outsideThePool.setPassword("");
        try (Connection db = outsideThePool.getConnection()) {
            List<List<Planned>> plan = readPlan(db);
            List<Worker> workers = new ArrayList<>();
            for (List<Planned> slots : plan) {
                workers.add(step -> {
                    Planned p = slots.get(step);
                    try {
                        bookings.book(new Bookings.Wanted(p.service(), p.office(), SessionMode.VIDEO_REMOTE,
                                        p.start(), p.advisor(), null, p.client()),
                                new Booking.Referral(null, false), actor, key("in-process", p));
                        return null;
                    } catch (RuntimeException e) {
                        return e.toString();
                    }
                });
            }
            Map<String, Long> pids = processes(false);
            measure("warm-up", "bookings", workers, IN_PROCESS_FROM, WARM_UP, db, pids, threads);
            Run run = measure("(b') booking in-process", "bookings", workers, IN_PROCESS_FROM + WARM_UP, MEASURED,
                    db, pids, threads);

            long own = Long.parseLong(single(db, "SELECT CONNECTION_ID()"));
            Worker second = workers.get(1);
            Path log = Path.of(read(db, "bench.dir").orElseThrow()).resolve("general-booking-in-process.log");
            List<QueryPlans.Logged> logged = QueryPlans.capture(db, log, () -> {
                for (int step = CAPTURE_FROM; step < CAPTURE_FROM + CAPTURED; step++) {
                    try {
                        String failed = second.perform(step);
                        if (failed != null) {
                            throw new IllegalStateException("captured booking failed: " + failed);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            store(db, "in-process.run", run.toProperties());
            store(db, "in-process.statements", statementSummary(logged, own, CAPTURED));
        }
    }

    // --- 3: baseline again, double bookings by SQL, the table (client side) ---

    @Test
    @Order(3)
    @RunAsClient
    void doubleBookingsCountedAndReport() throws Exception {
        try (Connection db = connect()) {
            try {
                countAndReport(db);
            } finally {
                // The next benchmark of this run finds the schema as Flyway and start-up made it.
                clear(db);
            }
        }
    }

    private void countAndReport(Connection db) throws Exception {
        Optional<Run> inProcess = read(db, "in-process.run").map(Run::fromProperties);
        print("");
        inProcess.ifPresentOrElse(run -> {
            print("== (b') bookings in-process: Bookings.book on " + THREADS + " managed threads in Payara ==");
            printRun(run);
            RUNS.add(run);
        }, () -> print("(b') in-process: no figures came back — see the failure of bookingsInProcess"));

        Map<String, Long> pids = processes(true);
        RUNS.add(baseline(db, "(a) JDBC insert, after", pids));

        long t = System.nanoTime();
        long overlaps = Long.parseLong(single(db, """
                SELECT COUNT(*) FROM occupancy a JOIN occupancy b
                  ON a.resource_kind = b.resource_kind AND a.resource_id = b.resource_id AND a.id < b.id
                 AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
                WHERE (a.expires_at IS NULL OR a.expires_at > UTC_TIMESTAMP(6))
                  AND (b.expires_at IS NULL OR b.expires_at > UTC_TIMESTAMP(6))"""));
        long repeated = Long.parseLong(single(db, """
                SELECT COUNT(*) FROM (SELECT advisor_id, starts_at FROM booking
                                      WHERE status NOT IN ('RELEASED', 'CANCELLED')
                                      GROUP BY advisor_id, starts_at HAVING COUNT(*) > 1) repeats"""));
        long booked = count(db, "booking");
        long ledgerRows = count(db, "occupancy");
        print("");
        print(String.format(Locale.ROOT, "Counted by SQL afterwards (%.1f s): %,d bookings, %,d occupancy rows; "
                        + "overlapping live occupancy pairs of one resource: %d; (advisor, start) booked more "
                        + "than once: %d", seconds(t), booked, ledgerRows, overlaps, repeated));

        printTable(inProcess.isPresent());
        print("");
        print("Statements MariaDB received per booking (general log, " + CAPTURED + " bookings one after "
                + "another, after the measured run):");
        print("-- over HTTP:");
        print(httpStatements);
        read(db, "in-process.statements").ifPresent(s -> {
            print("-- in-process:");
            print(s);
        });
        QueryPlans.Cost roundTrip = QueryPlans.cost(db, "SELECT 1", 101);
        print(String.format(Locale.ROOT, "One round trip (SELECT 1) takes %.3f ms from the bench JVM.",
                roundTrip.medianMillis()));
        print(String.format(Locale.ROOT, "Whole benchmark (after Payara was up): %.0f s", seconds(started)));
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("booking-commit.txt"), REPORT);

        Run overHttp = find("(b) booking over HTTP");
        assertEquals(0, overHttp.failed(), "bookings over HTTP that did not answer 201: "
                + overHttp.firstFailure());
        Run bare = find("(c) bare booking tx, JDBC");
        assertEquals(0, bare.failed(), "bare booking transactions that failed: " + bare.firstFailure());
        inProcess.ifPresent(run -> assertEquals(0, run.failed(), "in-process bookings that failed: "
                + run.firstFailure()));
        assertEquals(planned, booked, "every planned booking was made, once");
        assertEquals(0, overlaps, "double bookings in the ledger");
        assertEquals(0, repeated, "an advisor booked twice at one start");
    }

    // --- (a) the baseline ---

    /** 16 connections in autocommit, each inserting its own keys: one commit per row. */
    private Run baseline(Connection db, String label, Map<String, Long> pids) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_insert (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                    + "k VARCHAR(64) NOT NULL UNIQUE, payload VARCHAR(200)) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4");
            statement.execute("TRUNCATE TABLE bench_insert");
        }
        print("");
        print("== " + label + ": " + THREADS + " connections in autocommit, INSERT with distinct keys into "
                + "bench_insert (unique k) ==");
        return measureOnOwnConnections(label, "rows", BASELINE_WARM_UP, BASELINE_ROWS / THREADS, true, db, pids,
                (thread, own) -> {
                    PreparedStatement insert = own.prepareStatement(
                            "INSERT INTO bench_insert (k, payload) VALUES (?, ?)");
                    String prefix = "t" + thread + "-";
                    return step -> {
                        insert.setString(1, prefix + step);
                        insert.setString(2, "Bench row " + step + " of thread " + prefix
                                + " — about as long as an audit line of a booking");
                        return insert.executeUpdate() == 1 ? null : "not inserted";
                    };
                });
    }

    /** Makes one thread's worker on the connection it owns. */
    interface ConnectionWorker {
        Worker on(int thread, Connection own) throws SQLException;
    }

    /** Each of the 16 threads on a JDBC connection of its own (not the pool's): warm-up, then the measured run. */
    private static Run measureOnOwnConnections(String label, String unit, int warmUp, int measured,
                                               boolean autoCommit, Connection db, Map<String, Long> pids,
                                               ConnectionWorker workers) throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            List<Worker> perThread = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                Connection own = DriverManager.getConnection(System.getenv("LINKUP_DB_URL"), "root", "");
                connections.add(own);
                own.setAutoCommit(autoCommit);
                if (!autoCommit) {
                    own.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                perThread.add(workers.on(thread, own));
            }
            measure("warm-up", unit, perThread, 0, warmUp, db, pids, Executors.defaultThreadFactory());
            Run run = measure(label, unit, perThread, warmUp, measured, db, pids, Executors.defaultThreadFactory());
            printRun(run);
            return run;
        } finally {
            for (Connection own : connections) {
                own.close();
            }
        }
    }

    // --- (c) what any correct booking must do at least, by hand-written JDBC ---

    /**
     * The floor under any booking that keeps the product's rules, without Linkup: one transaction that locks the
     * advisor's and the client's rows, looks for an overlapping ledger row, and writes the booking, its two ledger
     * rows, one audit row and its four outbox rows (7 statements with the COMMIT; Linkup adds the slot check
     * against rules, hours, holidays and closures). On scratch tables shaped like the real ones; 16 threads,
     * distinct advisors and clients, so nothing collides. Shows how far from (a) a booking is before any
     * application code runs.
     */
    private Run bareBookings(Connection db, String label, Map<String, Long> pids) throws Exception {
        int perThread = BARE_WARM_UP + BARE_MEASURED;
        try (Statement statement = db.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_resource, bench_ledger, bench_row");
            // utf8mb4 like the real tables (the server's default here is latin1).
            statement.execute("CREATE TABLE bench_resource (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL) "
                    + "ENGINE = InnoDB DEFAULT CHARSET = utf8mb4");
            statement.execute("CREATE TABLE bench_ledger (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                    + "resource_id BIGINT NOT NULL, starts_at DATETIME(6) NOT NULL, ends_at DATETIME(6) NOT NULL, "
                    + "KEY ix_bench_ledger (resource_id, starts_at, ends_at)) "
                    + "ENGINE = InnoDB DEFAULT CHARSET = utf8mb4");
            statement.execute("CREATE TABLE bench_row (id BIGINT AUTO_INCREMENT PRIMARY KEY, k VARCHAR(64) NOT NULL "
                    + "UNIQUE, payload VARCHAR(200)) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4");
        }
        // Advisors: thread × 16; clients: one per transaction, from 1,000,000 up.
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO bench_resource (id, name) VALUES (?, ?)")) {
            for (long id = 0; id < THREADS * BARE_ADVISORS; id++) {
                insert.setLong(1, id);
                insert.setString(2, "advisor " + id);
                insert.addBatch();
            }
            for (long id = 0; id < (long) THREADS * perThread; id++) {
                insert.setLong(1, 1_000_000 + id);
                insert.setString(2, "client " + id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Instant day = Instant.parse("2030-01-07T01:00:00Z");
        print("");
        print("== " + label + ": " + THREADS + " connections, one transaction per booking: lock advisor + client "
                + "rows FOR UPDATE, overlap SELECT, INSERT booking, 2 ledger rows, audit, 4 outbox rows, COMMIT ==");
        try {
            return measureOnOwnConnections(label, "bookings", BARE_WARM_UP, BARE_MEASURED, false, db, pids,
                    (thread, own) -> bareBooker(thread, own, perThread, day));
        } finally {
            try (Statement statement = db.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS bench_resource, bench_ledger, bench_row");
            }
        }
    }

    /** One thread's bare booking transaction on its own connection: advisors of its own, a new client each time. */
    private static Worker bareBooker(int thread, Connection own, int perThread, Instant day) throws SQLException {
        PreparedStatement lock = own.prepareStatement(
                "SELECT id FROM bench_resource WHERE id IN (?, ?) ORDER BY id FOR UPDATE");
        PreparedStatement overlap = own.prepareStatement("SELECT COUNT(*) FROM bench_ledger "
                + "WHERE resource_id IN (?, ?) AND starts_at < ? AND ends_at > ?");
        PreparedStatement booking = own.prepareStatement("INSERT INTO bench_row (k, payload) VALUES (?, ?)");
        PreparedStatement ledger = own.prepareStatement("INSERT INTO bench_ledger (resource_id, starts_at, "
                + "ends_at) VALUES (?, ?, ?), (?, ?, ?)");
        PreparedStatement audit = own.prepareStatement("INSERT INTO bench_row (k, payload) VALUES (?, ?)");
        PreparedStatement outbox = own.prepareStatement(
                "INSERT INTO bench_row (k, payload) VALUES (?, ?), (?, ?), (?, ?), (?, ?)");
        return step -> {
            long advisor = (long) thread * BARE_ADVISORS + step % BARE_ADVISORS;
            long client = 1_000_000L + (long) thread * perThread + step;
            Timestamp start = Timestamp.from(day.plus(Duration.ofHours(step / BARE_ADVISORS)));
            Timestamp end = Timestamp.from(start.toInstant().plus(Duration.ofMinutes(45)));
            String key = "c" + thread + "-" + step;
            try {
                lock.setLong(1, advisor);
                lock.setLong(2, client);
                lock.executeQuery().close();
                overlap.setLong(1, advisor);
                overlap.setLong(2, client);
                overlap.setTimestamp(3, end);
                overlap.setTimestamp(4, start);
                try (ResultSet rs = overlap.executeQuery()) {
                    if (!rs.next() || rs.getLong(1) != 0) {
                        own.rollback();
                        return "overlap";
                    }
                }
                booking.setString(1, key + "-b");
                booking.setString(2, "booking of advisor " + advisor + " and client " + client);
                booking.executeUpdate();
                int i = 1;
                for (long resource : new long[] {advisor, client}) {
                    ledger.setLong(i++, resource);
                    ledger.setTimestamp(i++, start);
                    ledger.setTimestamp(i++, end);
                }
                ledger.executeUpdate();
                audit.setString(1, key + "-a");
                audit.setString(2, "BOOKED by a counter officer: — → BOOKED, about as long as an audit line");
                audit.executeUpdate();
                for (int m = 0; m < 4; m++) {
                    outbox.setString(2 * m + 1, key + "-n" + m);
                    outbox.setString(2 * m + 2, "SMS or invitation " + m + ", due at " + start);
                }
                outbox.executeUpdate();
                own.commit();
                return null;
            } catch (SQLException e) {
                own.rollback();
                throw e;
            }
        };
    }

    // --- (b) the counters over HTTP ---

    /** One counter officer: signed in once, booking its own planned sessions one after another. */
    private final class Counter implements Worker {
        private final Session session;
        private final List<Planned> slots;

        Counter(Session session, List<Planned> slots) {
            this.session = session;
            this.slots = slots;
        }

        @Override
        public String perform(int step) throws Exception {
            Planned p = slots.get(step);
            String body = String.format(Locale.ROOT, "{\"serviceId\":%d,\"officeId\":%d,\"mode\":\"VIDEO_REMOTE\","
                            + "\"start\":\"%s\",\"advisorId\":%d,\"clientId\":%d}", p.service(), p.office(),
                    p.start().atZone(SINGAPORE).toOffsetDateTime(), p.advisor(), p.client());
            HttpRequest request = HttpRequest.newBuilder(api("api/bookings")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Cookie", session.cookie())
                    .header("X-CSRF-Token", session.csrfToken())
                    .header("Idempotency-Key", key("http", p))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 201 ? null
                    : response.statusCode() + " " + abbreviate(response.body());
        }

        String performUnchecked(int step) {
            try {
                return perform(step);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The IT admin of arquillian.xml (test-only credentials) signed in as a browser would. */
    private Session signIn() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api("api/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"it-admin\",\"password\":\"correct-horse-battery-1\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        String cookie = SignInCookies.of(response);
        String csrf;
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            csrf = reader.readObject().getString("csrfToken");
        }
        return new Session(cookie, csrf);
    }

    private URI api(String path) {
        return URI.create(deployment.toString().replaceAll("/+$", "") + "/").resolve(path);
    }

    // --- running 16 threads ---

    /**
     * Runs steps [from, from + count) of every worker, each on its own thread, all released at once; times each
     * step, and reads machine load, the processes' CPU and MariaDB's counters around the whole.
     */
    static Run measure(String label, String unit, List<Worker> workers, int from, int count, Connection db,
                       Map<String, Long> pids, ThreadFactory threadFactory) throws Exception {
        int threads = workers.size();
        double[][] millis = new double[threads][count];
        long[][] finished = new long[threads][count];
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads, threadFactory);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < count; i++) {
                        long begun = System.nanoTime();
                        String failure;
                        try {
                            failure = workers.get(thread).perform(from + i);
                        } catch (Exception e) {
                            failure = e.toString();
                        }
                        finished[thread][i] = System.nanoTime();
                        millis[thread][i] = (finished[thread][i] - begun) / 1e6;
                        if (failure != null) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, failure);
                        }
                    }
                    return null;
                }));
            }
            ready.await();
            Map<String, Long> before = status(db);
            MachineLoad load = MachineLoad.start();
            ProcessCpu cpu = ProcessCpu.start(pids);
            long begun = System.nanoTime();
            go.countDown();
            for (Future<?> thread : running) {
                thread.get();
            }
            double seconds = (System.nanoTime() - begun) / 1e9;
            Map<String, Double> cores = cpu.cores();
            double busy = load.busyPercent();
            Map<String, Long> after = status(db);
            Map<String, Long> delta = new LinkedHashMap<>();
            after.forEach((name, value) -> delta.put(name, value - before.getOrDefault(name, 0L)));
            double[] all = new double[threads * count];
            for (int t = 0; t < threads; t++) {
                System.arraycopy(millis[t], 0, all, t * count, count);
            }
            int total = threads * count;
            long half = begun + (long) (seconds * 1e9 / 2);
            long inFirstHalf = Arrays.stream(finished).flatMapToLong(Arrays::stream)
                    .filter(at -> at <= half).count();
            return new Run(label, unit, total - failed.get(), failed.get(), firstFailure.get(), seconds,
                    Latencies.of(all), inFirstHalf / (seconds / 2), (total - inFirstHalf) / (seconds / 2), busy,
                    cores, delta);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Long> status(Connection db) throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
                     + String.join("', '", STATUS) + "')")) {
            while (rows.next()) {
                values.put(rows.getString(1), Long.parseLong(rows.getString(2)));
            }
        }
        return values;
    }

    /** This JVM, Payara (the JVM itself when in-process) and MariaDB, by pid, where found. */
    private static Map<String, Long> processes(boolean clientSide) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (clientSide) {
            pids.put("bench JVM", ProcessCpu.self());
            ProcessCpu.payaraStartedHere().ifPresent(pid -> pids.put("Payara", pid));
        } else {
            pids.put("Payara", ProcessCpu.self());
        }
        Matcher port = DB_PORT.matcher(System.getenv("LINKUP_DB_URL"));
        if (port.find()) {
            ProcessCpu.mariaDb(Integer.parseInt(port.group(1))).ifPresent(pid -> pids.put("MariaDB", pid));
        }
        return pids;
    }

    // --- the plan: slots that cannot collide ---

    /**
     * Every thread gets its own advisors of the main service (round robin) and books their video afternoons
     * (14:00, 15:00, 16:00 on working days from the day after tomorrow), each session for a new client of the
     * advisor's office: no two bookings of the benchmark share an advisor-time, a client or a room.
     */
    private static List<List<Planned>> plan(Connection db, BenchCatalogue catalogue, Set<LocalDate> holidays,
                                            LocalDate today) throws SQLException {
        List<BenchCatalogue.Advisor> advisors = catalogue.advisors.stream()
                .filter(a -> a.services().contains(catalogue.main)).toList();
        long firstClient = Long.parseLong(single(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM client"));
        Timestamp now = Timestamp.from(Instant.now());
        List<List<Planned>> plan = new ArrayList<>();
        try (PreparedStatement client = db.prepareStatement("INSERT INTO client (id, name, mobile, "
                + "preferred_language, sms_consent, partial_nric, registered_at, office_id) "
                + "VALUES (?, ?, ?, 'EN', TRUE, NULL, ?, ?)")) {
            long next = firstClient;
            for (int thread = 0; thread < THREADS; thread++) {
                List<BenchCatalogue.Advisor> own = new ArrayList<>();
                for (int i = thread; i < advisors.size(); i += THREADS) {
                    own.add(advisors.get(i));
                }
                List<Planned> slots = new ArrayList<>();
                for (LocalDate day = today.plusDays(2); slots.size() < PER_THREAD
                        && day.isBefore(today.plusDays(50)); day = day.plusDays(1)) {
                    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                            || holidays.contains(day)) {
                        continue;
                    }
                    for (LocalTime time : VIDEO_STARTS) {
                        for (BenchCatalogue.Advisor advisor : own) {
                            if (slots.size() == PER_THREAD) {
                                break;
                            }
                            long office = advisor.office().id();
                            long id = next++;
                            client.setLong(1, id);
                            client.setString(2, "Bench Client " + id);
                            client.setString(3, String.format(Locale.ROOT, "+659%d%06d", id % 9, id / 9 % 1_000_000));
                            client.setTimestamp(4, now);
                            client.setLong(5, office);
                            client.addBatch();
                            slots.add(new Planned(thread, slots.size(), catalogue.main.id(), advisor.id(), office,
                                    id, day.atTime(time).atZone(SINGAPORE).toInstant()));
                        }
                    }
                }
                if (slots.size() < PER_THREAD) {
                    throw new IllegalStateException("thread " + thread + " has " + own.size() + " advisors, room for "
                            + slots.size() + " of " + PER_THREAD + " bookings");
                }
                plan.add(List.copyOf(slots));
            }
            client.executeBatch();
        }
        // Made by the run: both rounds and the captured ones (one counter over HTTP, one thread in-process).
        planned = THREADS * 2 * ROUND + 2 * CAPTURED;
        return plan;
    }

    /** The plan and where the general log goes, for the in-process part running inside Payara. */
    private static void writeHandover(Connection db, List<List<Planned>> plan) throws SQLException, IOException {
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE bench_plan (thread INT NOT NULL, seq INT NOT NULL, service_id BIGINT "
                    + "NOT NULL, advisor_id BIGINT NOT NULL, office_id BIGINT NOT NULL, client_id BIGINT NOT NULL, "
                    + "starts_epoch BIGINT NOT NULL, PRIMARY KEY (thread, seq))");
            statement.execute("CREATE TABLE bench_handover (name VARCHAR(40) PRIMARY KEY, value MEDIUMTEXT)");
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO bench_plan VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (List<Planned> slots : plan) {
                for (Planned p : slots) {
                    insert.setInt(1, p.thread());
                    insert.setInt(2, p.seq());
                    insert.setLong(3, p.service());
                    insert.setLong(4, p.advisor());
                    insert.setLong(5, p.office());
                    insert.setLong(6, p.client());
                    insert.setLong(7, p.start().getEpochSecond());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        Files.createDirectories(OUT);
        store(db, "bench.dir", OUT.toAbsolutePath().toString());
    }

    private static List<List<Planned>> readPlan(Connection db) throws SQLException {
        List<List<Planned>> plan = new ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT thread, seq, service_id, advisor_id, office_id, "
                     + "client_id, starts_epoch FROM bench_plan ORDER BY thread, seq")) {
            while (rows.next()) {
                int thread = rows.getInt(1);
                if (plan.size() == thread) {
                    plan.add(new ArrayList<>());
                }
                plan.get(thread).add(new Planned(thread, rows.getInt(2), rows.getLong(3), rows.getLong(4),
                        rows.getLong(5), rows.getLong(6), Instant.ofEpochSecond(rows.getLong(7))));
            }
        }
        return plan;
    }

    private static void store(Connection db, String name, String value) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "REPLACE INTO bench_handover (name, value) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, value);
            insert.executeUpdate();
        }
    }

    private static Optional<String> read(Connection db, String name) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT value FROM bench_handover WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static String key(String run, Planned p) {
        return "bench-" + run + "-" + p.thread() + "-" + p.seq();
    }

    // --- what MariaDB was asked ---

    /** Statements of every connection but {@code own}, per booking, by kind and by shape. */
    static String statementSummary(List<QueryPlans.Logged> logged, long own, int bookings) {
        List<String> sent = logged.stream().filter(l -> l.connection() != own).map(QueryPlans.Logged::sql).toList();
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (String kind : List.of("SELECT … FOR UPDATE", "other SELECT", "INSERT", "UPDATE", "DELETE",
                "COMMIT/ROLLBACK", "SET / SELECT @@ (connection state)", "other")) {
            kinds.put(kind, 0);
        }
        for (String sql : sent) {
            String s = sql.strip().toUpperCase(Locale.ROOT);
            String kind = s.startsWith("SET ") || s.startsWith("SELECT @@") ? "SET / SELECT @@ (connection state)"
                    : s.startsWith("SELECT") && s.contains("FOR UPDATE") ? "SELECT … FOR UPDATE"
                    : s.startsWith("SELECT") ? "other SELECT"
                    : s.startsWith("INSERT") ? "INSERT"
                    : s.startsWith("UPDATE") ? "UPDATE"
                    : s.startsWith("DELETE") ? "DELETE"
                    : s.equals("COMMIT") || s.equals("ROLLBACK") ? "COMMIT/ROLLBACK" : "other";
            kinds.merge(kind, 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "  %.1f statements per booking:",
                (double) sent.size() / bookings));
        kinds.forEach((kind, n) -> {
            if (n > 0) {
                out.append(String.format(Locale.ROOT, " %s %.1f,", kind, (double) n / bookings));
            }
        });
        out.setLength(out.length() - 1);
        for (Map.Entry<String, Integer> shape : QueryPlans.shapes(sent).entrySet()) {
            out.append(String.format(Locale.ROOT, "%n  %4.1f × %s", (double) shape.getValue() / bookings,
                    abbreviate(QueryPlans.abbreviated(shape.getKey()).replaceAll("\\s+", " "))));
        }
        return out.toString();
    }

    // --- printing ---

    private static void printRun(Run run) {
        print(String.format(Locale.ROOT, "%s: %,d %s in %.1f s = %,.0f %s/s (first half of the time %,.0f/s, second "
                        + "half %,.0f/s), %d failed%s; latency ms p50 %.2f, p95 %.2f, p99 %.2f, max %.2f", run.label(),
                run.done(), run.unit(), run.seconds(), run.rate(), run.unit(), run.firstHalfRate(),
                run.secondHalfRate(), run.failed(), failure(run), run.latencies().p50(), run.latencies().p95(),
                run.latencies().p99(), run.latencies().max()));
    }

    private static String failure(Run run) {
        return run.firstFailure() == null ? "" : " (first: " + run.firstFailure() + ")";
    }

    private static void printTable(boolean withInProcess) {
        Run before = find("(a) JDBC insert, before");
        Run after = find("(a) JDBC insert, after");
        double baseline = (before.rate() + after.rate()) / 2;
        int cores = Runtime.getRuntime().availableProcessors();
        print("");
        print("Booking commits against the raw-JDBC baseline, " + THREADS + " threads each (" + BASELINE_ROWS
                + " rows / " + THREADS * MEASURED + " bookings measured after warm-up):");
        print("run                        units      ok fail      s    per s |     p50     p95     p99      max (ms) "
                + "| machine | cores busy: bench JVM  Payara  MariaDB  rest");
        for (Run run : RUNS) {
            print(String.format(Locale.ROOT, "%-26s %-8s %6d %4d %6.1f %8.0f | %s | %5.0f %%  |             %6s  %6s"
                            + "   %6s  %4.2f",
                    run.label(), run.unit(), run.done(), run.failed(), run.seconds(), run.rate(),
                    run.latencies().columns(), run.machineBusy(), number(run.cores().get("bench JVM"), 2),
                    number(run.cores().get("Payara"), 2), number(run.cores().get("MariaDB"), 2), run.otherCores()));
        }
        print("(machine: busy share of all " + cores + " cores; cores busy: CPU time / wall time of each process — the "
                + "bench JVM is the load generator, idle in-process where the load runs inside Payara — and rest: "
                + "the machine's busy cores not in those three: kernel, Maven, anything else)");
        print("");
        print("Per unit (row or booking): MariaDB's counters, and CPU milliseconds per process; ceiling: the rate "
                + cores + " cores allow at that CPU cost");
        print("run                        Questions  SELECT  INSERT  UPDATE  COMMIT  Handler_commit  fsyncs  "
                + "lock waits | CPU ms: bench JVM  Payara  MariaDB  all | ceiling/s");
        for (Run run : RUNS) {
            double all = run.cpuMillisPerUnit();
            print(String.format(Locale.ROOT, "%-26s %9.2f %7.2f %7.2f %7.2f %7.2f %15.2f %7.2f %11.3f |"
                            + "         %6s  %6s   %6s %5.2f | %9.0f",
                    run.label(), run.perUnit("Questions"), run.perUnit("Com_select"), run.perUnit("Com_insert"),
                    run.perUnit("Com_update"), run.perUnit("Com_commit"), run.perUnit("Handler_commit"),
                    run.perUnit("Innodb_data_fsyncs"), run.perUnit("Innodb_row_lock_waits"),
                    number(run.cpuMillisPerUnit("bench JVM"), 2), number(run.cpuMillisPerUnit("Payara"), 2),
                    number(run.cpuMillisPerUnit("MariaDB"), 2), all, cores * 1000 / all));
        }
        print("");
        Run overHttp = find("(b) booking over HTTP");
        print(String.format(Locale.ROOT, "Baseline (a): %,.0f rows/s before, %,.0f after, mean %,.0f rows/s.",
                before.rate(), after.rate(), baseline));
        print(String.format(Locale.ROOT, "Ratio (b) over HTTP / (a): %.1f %% — target ≥ 50 %%: %s; double bookings: "
                + "see the counts above", 100 * overHttp.rate() / baseline,
                overHttp.rate() >= baseline / 2 ? "met" : "MISSED"));
        Run bare = find("(c) bare booking tx, JDBC");
        print(String.format(Locale.ROOT, "Ratio (c) bare booking transaction by JDBC / (a): %.1f %% — the most any "
                + "booking that locks, checks and records could reach here; (b) is %.1f %% of (c)",
                100 * bare.rate() / baseline, 100 * overHttp.rate() / bare.rate()));
        if (withInProcess) {
            Run inProcess = find("(b') booking in-process");
            print(String.format(Locale.ROOT, "Ratio (b') in-process / (a): %.1f %% (the service layer without HTTP, "
                    + "JSON, sign-in and the resource's own reads)", 100 * inProcess.rate() / baseline));
        }
    }

    private static String number(Double value, int decimals) {
        return value == null || value.isNaN() ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static Run find(String label) {
        return RUNS.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    private static void print(String line) {
        System.out.println(line);
        REPORT.append(line).append('\n');
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    // --- database helpers ---

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("LINKUP_DB_URL") + "&rewriteBatchedStatements=true",
                "root", "");
    }

    /** Empties what benchmarks fill (staff, holidays and the migrations' history stay) and drops the scratch tables. */
    private static void clear(Connection db) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                for (String table : BENCH_TABLES) {
                    statement.execute("TRUNCATE TABLE " + table);
                }
            } finally {
                statement.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
            // TRUNCATE fires no trigger: tell the nodes' catalogue in memory that it changed (see V9).
            statement.execute("UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1");
            statement.execute("DROP TABLE IF EXISTS bench_plan, bench_handover, bench_insert, bench_resource, "
                    + "bench_ledger, bench_row");
        }
    }
}
