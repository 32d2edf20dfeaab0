package sg.linkup.bench;

import static sg.linkup.bench.BenchSql.count;
import static sg.linkup.bench.BenchSql.holidays;
import static sg.linkup.bench.BenchSql.seconds;
import static sg.linkup.bench.BenchSql.single;

import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import sg.linkup.bench.CounterOfficer.Kind;

/**
 * Issue 17's load run: a bounded mixed load of counter officers against the cluster {@code bench/cluster.sh}
 * started (its state directory gives the ports, pids and the bench admin), through its load balancer. Run by
 * {@code bench/load.sh}; a benchmark, not a test — it prints figures and asserts nothing about time.
 *
 * <ol>
 *   <li>Data set (once per database): the slot-search benchmark's catalogue ({@link BenchCatalogue}: 24 SSOs, 60
 *       rooms, one agency with 5 services, 300 advisors), 20,000 clients and 50,000 bookings with their
 *       outbox rows ({@link BookingRecords}, {@link BookingHistory}: the next 30 days ~40 % booked, the rest
 *       history).</li>
 *   <li>N counter officers (COUNTER_STAFF of one SSO each, made through the API, N/24 per SSO), each signed in
 *       through the load balancer; {@link CounterOfficer} says the mix.</li>
 *   <li>Warm-up with the same mix, unmeasured; then each node's heap after a full GC and its
 *       {@code /metrics?scope=application}; then the measured window; then the same readings again.</li>
 * </ol>
 * Prints requests per second, p50/p95/p99 per kind of request, every status, errors (any answer that is not 2xx
 * other than a 409 to a booking or a move, which is the expected outcome of a lost race), which node answered,
 * the CPU each process used, the heap, the metrics' deltas, and a SQL count of overlapping live ledger rows.
 *
 * <p>Settings (system properties): {@code load.state} (the cluster's state directory), {@code load.counters}
 * (48), {@code load.seconds} (600), {@code load.warmup} (120), {@code load.think-ms} (0: closed loop, each
 * officer sends its next request as soon as the last one answered), {@code load.out}
 * ({@code target/bench/load.txt}).
 */
final class ClusterLoad implements CounterOfficer.Run {

    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
    private static final long SEED = 20_261_206L;
    private static final int HISTORY = 50_000;
    private static final List<Kind> KINDS = List.of(Kind.values());

    private final Path state;
    private final int counters;
    private final int seconds;
    private final int warmup;
    private final long thinkMillis;
    private final Path out;
    private final Map<String, String> ports;
    private final StringBuilder report = new StringBuilder();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final LocalDate today = LocalDate.now(SINGAPORE);
    private List<Long> offices;
    private long mainService;
    private List<Long> otherServices;
    private volatile boolean running;
    private volatile long measuredFrom = Long.MAX_VALUE;
    private volatile long measuredTo = Long.MAX_VALUE;

    private ClusterLoad() throws IOException {
        state = Path.of(required("load.state"));
        counters = Integer.getInteger("load.counters", 48);
        seconds = Integer.getInteger("load.seconds", 600);
        warmup = Integer.getInteger("load.warmup", 120);
        thinkMillis = Long.getLong("load.think-ms", 0);
        out = Path.of(System.getProperty("load.out", "target/bench/load.txt"));
        ports = new LinkedHashMap<>();
        for (String line : Files.readAllLines(state.resolve("ports"))) {
            String[] pair = line.split("=", 2);
            if (pair.length == 2) {
                ports.put(pair[0].strip(), pair[1].strip());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        new ClusterLoad().run();
    }

    private void run() throws Exception {
        int nodes = Integer.parseInt(ports.getOrDefault("NODES", "2"));
        URI lb = URI.create("http://127.0.0.1:" + ports.get("LB_PORT") + "/");
        print("Load run, " + Instant.now() + ", today " + today + " (Singapore); " + nodes + " node(s) behind HAProxy "
                + lb + (ports.getOrDefault("LB_STICKY", "0").equals("1") ? " (sticky: LB_NODE cookie)"
                : " (round-robin, not sticky)") + "; " + counters + " counter officers, "
                + (thinkMillis == 0 ? "closed loop without think time" : "think time " + thinkMillis / 2 + "–"
                + (thinkMillis * 3 / 2) + " ms") + "; warm-up " + warmup + " s, measured " + seconds + " s");
        print("Machine: " + Runtime.getRuntime().availableProcessors() + " cores; load average at start "
                + loadAverage());

        try (Connection db = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + ports.get("DB_PORT")
                + "/linkup?sslMode=DISABLED&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&rewriteBatchedStatements=true", "root", "")) {
            seed(db);
            readCatalogue(db);
            long bookingsBefore = count(db, "booking");
            long lastBookingBefore = Long.parseLong(single(db, "SELECT COALESCE(MAX(id), 0) FROM booking"));

            retentionSweep(lb);
            List<CounterOfficer> officers = officers(db, lb);
            Map<String, Long> pids = pids(nodes);
            print("");
            print("Heap after a full GC, before the warm-up: " + describe(heaps(nodes, pids)));

            runFor(officers, warmup, false);
            Map<String, NodeHeap> heapStart = heaps(nodes, pids);
            print("Heap after a full GC, after the warm-up (start): " + describe(heapStart));
            Map<String, OpenMetrics> metricsStart = metrics(nodes);
            String loadBefore = loadAverage();

            long haproxyLogFrom = Files.size(state.resolve("haproxy.log"));
            MachineLoad machine = MachineLoad.start();
            ProcessCpu cpu = ProcessCpu.start(pids);
            long started = System.nanoTime();
            runFor(officers, seconds, true);
            double elapsed = seconds(started);
            double busy = machine.busyPercent();
            Map<String, Double> cores = cpu.cores();
            String loadAfter = loadAverage();
            Map<String, OpenMetrics> metricsEnd = metrics(nodes);
            Map<String, NodeHeap> heapEnd = heaps(nodes, pids);

            long requests = results(officers, elapsed);
            haproxyEvents(haproxyLogFrom);
            print("");
            print(String.format(Locale.ROOT, "Machine: %.0f %% of both cores busy during the window; load average "
                    + "before %s, after %s", busy, loadBefore, loadAfter));
            printCpu(cores, busy, elapsed, requests);
            printHeaps(heapStart, heapEnd);
            print("");
            printMetrics(metricsStart, metricsEnd);
            print("");
            printLedger(db, bookingsBefore, lastBookingBefore);
        } finally {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
            System.out.println("Written to " + out);
        }
    }

    // --- the data set ---

    private void seed(Connection db) throws SQLException {
        if (!single(db, "SELECT COUNT(*) FROM office WHERE code = 'BENCH-01'").equals("0")) {
            print("Data set already there (a previous run on this database): " + dataSet(db));
            return;
        }
        long t = System.nanoTime();
        BenchCatalogue catalogue = BenchCatalogue.create(db, new Random(SEED), today);
        BookingRecords records = BookingRecords.create(db, catalogue.offices, new Random(SEED + 2), Instant.now());
        BookingHistory history = new BookingHistory(catalogue, holidays(db), today, new Random(SEED + 1),
                BookingHistory.PAST_FILL, records);
        history.addFuture(db);
        history.addPast(db, HISTORY - history.bookings());
        db.setAutoCommit(true);
        try (Statement statement = db.createStatement()) {
            // BookingRecords registers every client three years ago, and most have no session in this history:
            // the retention sweep (hourly, the first five minutes after a node starts) would anonymise them in the
            // middle of a run, and a booking for one is then refused. A year ago keeps them all current.
            statement.executeUpdate("UPDATE client SET registered_at = UTC_TIMESTAMP(6) - INTERVAL 365 DAY WHERE id >= "
                    + BookingRecords.FIRST_CLIENT);
            statement.execute("ANALYZE TABLE occupancy, booking, notification, client");
        }
        print(String.format(Locale.ROOT, "Data set written by JDBC in %.1f s (future %d days %.0f %% of advisor "
                        + "time booked, history back to %s): %s", seconds(t), BookingHistory.FUTURE_DAYS,
                100 * history.futureUtilisation(), history.earliestDay(), dataSet(db)));
    }

    private static String dataSet(Connection db) throws SQLException {
        return String.format(Locale.ROOT, "%d offices, %d rooms, %d services, %d advisors, %,d clients, %,d "
                        + "bookings, %,d occupancy rows, %,d outbox rows", count(db, "office"), count(db, "room"),
                count(db, "service"), count(db, "advisor"), count(db, "client"), count(db, "booking"),
                count(db, "occupancy"), count(db, "notification"));
    }

    private void readCatalogue(Connection db) throws SQLException {
        offices = longs(db, "SELECT id FROM office WHERE code LIKE 'BENCH-%' ORDER BY code");
        List<Long> services = longs(db, "SELECT id FROM service WHERE code LIKE 'BENCH-%' ORDER BY id");
        mainService = Long.parseLong(single(db, "SELECT id FROM service WHERE code = 'BENCH-JOB'"));
        otherServices = services.stream().filter(s -> s != mainService).toList();
    }

    /**
     * One retention sweep before anything is measured, as a node does hourly: it purges the generated history's
     * outbox rows older than 90 days, work that would otherwise fall into whichever window the hour strikes in.
     */
    private void retentionSweep(URI lb) throws IOException, InterruptedException {
        long t = System.nanoTime();
        HttpResponse<String> swept = http.send(HttpRequest.newBuilder(lb.resolve("api/retention/sweep"))
                .header("Authorization", admin()).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        print(String.format(Locale.ROOT, "Retention sweep before the run: %d %s (%.1f s)", swept.statusCode(),
                swept.body().length() > 200 ? swept.body().substring(0, 200) : swept.body(), seconds(t)));
    }

    private String admin() throws IOException {
        return "Basic " + Base64.getEncoder().encodeToString(("bench-admin:" + Files.readString(
                state.resolve("admin-password")).strip()).getBytes(StandardCharsets.UTF_8));
    }

    // --- the officers ---

    private List<CounterOfficer> officers(Connection db, URI lb) throws Exception {
        String admin = admin();
        String run = Long.toString(System.currentTimeMillis() / 1000, 36);
        Map<Long, List<Long>> clients = new TreeMap<>();
        Map<Long, List<Long>> bookings = new TreeMap<>();
        List<CounterOfficer> officers = new ArrayList<>();
        long t = System.nanoTime();
        for (int i = 0; i < counters; i++) {
            long office = offices.get(i % offices.size());
            String username = String.format(Locale.ROOT, "load.%s.%02d", run, i + 1);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(lb.resolve("api/staff"))
                    .header("Authorization", admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("username", username)
                            .add("displayName", "Load counter " + (i + 1)).add("role", "COUNTER_STAFF")
                            .add("officeIds", Json.createArrayBuilder().add(office))
                            .add("password", CounterOfficer.password()).build().toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("POST api/staff: " + created.statusCode() + " " + created.body());
            }
            List<Long> own = clients.computeIfAbsent(office, o -> longs(db,
                    "SELECT id FROM client WHERE office_id = " + o + " AND active ORDER BY id"));
            List<Long> known = bookings.computeIfAbsent(office, o -> longs(db, "SELECT b.id FROM booking b JOIN "
                    + "client c ON c.id = b.client_id WHERE c.office_id = " + o + " ORDER BY RAND(" + SEED
                    + ") LIMIT 500"));
            CounterOfficer officer = new CounterOfficer(username, office, http, lb, this, SEED + 100 + i, own,
                    known, thinkMillis);
            officer.signIn();
            officers.add(officer);
        }
        print(String.format(Locale.ROOT, "%d counter officers (COUNTER_STAFF, %s…), %d per SSO, made and signed "
                        + "in through the load balancer in %.1f s", counters, officers.get(0).username,
                Math.max(1, counters / offices.size()), seconds(t)));
        return officers;
    }

    private void runFor(List<CounterOfficer> officers, int forSeconds, boolean measure) throws InterruptedException {
        running = true;
        long now = System.nanoTime();
        if (measure) {
            measuredFrom = now;
            measuredTo = now + forSeconds * 1_000_000_000L;
        }
        List<Thread> threads = new ArrayList<>();
        for (CounterOfficer officer : officers) {
            Thread thread = new Thread(officer, officer.username);
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(forSeconds * 1000L);
        running = false;
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(90).toMillis());
        }
        measuredFrom = Long.MAX_VALUE;
        measuredTo = Long.MAX_VALUE;
    }

    @Override
    public boolean running() {
        return running;
    }

    @Override
    public boolean measured(long begun, long ended) {
        return begun >= measuredFrom && ended <= measuredTo;
    }

    @Override
    public LocalDate today() {
        return today;
    }

    @Override
    public List<Long> offices() {
        return offices;
    }

    @Override
    public long mainService() {
        return mainService;
    }

    @Override
    public List<Long> otherServices() {
        return otherServices;
    }

    // --- the figures ---

    /** Prints the window's figures; answers how many requests were measured. */
    private long results(List<CounterOfficer> officers, double elapsed) {
        Map<Kind, List<double[]>> series = new LinkedHashMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> nodes = new TreeMap<>();
        Map<String, String> samples = new TreeMap<>();
        for (CounterOfficer officer : officers) {
            for (Kind kind : KINDS) {
                series.computeIfAbsent(kind, k -> new ArrayList<>()).add(officer.tally.series(kind));
            }
            officer.tally.statuses.forEach((key, n) -> statuses.merge(key, n, Integer::sum));
            officer.tally.nodes.forEach((key, n) -> nodes.merge(key, n, Integer::sum));
            officer.tally.errorSamples.forEach(samples::putIfAbsent);
        }
        print("");
        print(String.format(Locale.ROOT, "Measured window: %.1f s. Requests that began and ended in it:", elapsed));
        print("kind           requests    per s     p50 ms   p95 ms   p99 ms    max ms   answers");
        long total = 0;
        long errors = 0;
        long conflicts = 0;
        List<double[]> all = new ArrayList<>();
        for (Kind kind : KINDS) {
            double[] millis = series.get(kind).stream().flatMapToDouble(java.util.Arrays::stream).toArray();
            all.add(millis);
            StringBuilder answers = new StringBuilder();
            for (var status : statuses.entrySet()) {
                if (status.getKey().startsWith(kind + " ")) {
                    int code = Integer.parseInt(status.getKey().substring(kind.toString().length() + 1));
                    answers.append(' ').append(code).append('×').append(status.getValue());
                    boolean conflict = code == 409 && (kind == Kind.BOOK || kind == Kind.RESCHEDULE);
                    if (conflict) {
                        conflicts += status.getValue();
                    } else if (code / 100 != 2) {
                        errors += status.getValue();
                    }
                }
            }
            total += millis.length;
            print(line(kind.toString(), millis, elapsed) + "  " + answers.toString().strip());
        }
        print(line("all", all.stream().flatMapToDouble(java.util.Arrays::stream).toArray(), elapsed));
        print(String.format(Locale.ROOT, "Errors (not 2xx, other than 409 to a booking or a move; -1 = no answer): "
                + "%d of %,d requests (%.3f %%); expected 409s: %d", errors, total,
                total == 0 ? 0 : 100.0 * errors / total, conflicts));
        samples.values().forEach(s -> print("  first " + s));
        print("Answered by (X-Linkup-Node): " + nodes);
        return total;
    }

    private static String line(String label, double[] millis, double elapsed) {
        if (millis.length == 0) {
            return String.format(Locale.ROOT, "%-13s %9d", label, 0);
        }
        Latencies l = Latencies.of(millis);
        return String.format(Locale.ROOT, "%-13s %9d %8.1f %s", label, l.count(), l.count() / elapsed, l.columns());
    }

    private void printCpu(Map<String, Double> cores, double busy, double elapsed, long requests) {
        StringBuilder perProcess = new StringBuilder("CPU during the window (cores):");
        cores.forEach((name, c) -> perProcess.append(String.format(Locale.ROOT, " %s %.2f", name, c)));
        double ours = cores.values().stream().mapToDouble(Double::doubleValue).sum();
        double busyCores = Runtime.getRuntime().availableProcessors() * busy / 100;
        print(perProcess + String.format(Locale.ROOT, "; together %.2f of the %.2f cores busy, the rest (%.2f) other "
                + "processes on the machine", ours, busyCores, Math.max(0, busyCores - ours)));
        if (requests == 0) {
            return;
        }
        // CPU time per request moves far less than the rate with what else shares the machine: it says what a
        // request costs, and so what two quiet cores could carry.
        double nodeCores = cores.entrySet().stream().filter(c -> c.getKey().startsWith("node"))
                .mapToDouble(Map.Entry::getValue).sum();
        double serverCores = nodeCores + cores.get("mariadb") + cores.get("haproxy");
        double perRequest = 1000 * elapsed / requests;
        print(String.format(Locale.ROOT, "CPU per request: %.1f ms in the node(s), %.1f ms in MariaDB, %.1f ms in "
                        + "HAProxy, %.1f ms in this driver; the servers' %.1f ms would let 2 cores carry about %.0f "
                        + "requests/s of this mix with nothing else running", nodeCores * perRequest,
                cores.get("mariadb") * perRequest, cores.get("haproxy") * perRequest, cores.get("driver") * perRequest,
                serverCores * perRequest, 2 * requests / (serverCores * elapsed)));
    }

    private void printHeaps(Map<String, NodeHeap> start, Map<String, NodeHeap> end) {
        print("Heap after a full GC — start: " + describe(start));
        print("                      end:   " + describe(end));
        start.forEach((node, before) -> print(String.format(Locale.ROOT, "  %s: %+,.1f MB; grown most: %s", node,
                (end.get(node).usedKb() - before.usedKb()) / 1024.0,
                String.join(", ", end.get(node).grownSince(before, 6)))));
    }

    private void printMetrics(Map<String, OpenMetrics> start, Map<String, OpenMetrics> end) {
        for (var node : end.entrySet()) {
            print("/metrics?scope=application of " + node.getKey() + ", end against start:");
            OpenMetrics before = start.get(node.getKey());
            if (node.getValue() == null || before == null) {
                print("  (not readable)");
            } else {
                node.getValue().changesSince(before).forEach(this::print);
            }
        }
    }

    /** What the run left in the database, and whether any booking it made overlaps another in the ledger. */
    private void printLedger(Connection db, long bookingsBefore, long lastBookingBefore) throws SQLException {
        db.setAutoCommit(true);
        // The generated history draws each booking's client at random, so it holds a few clients booked twice at
        // once; the pairs that matter are those with a booking this run made (or moved).
        String pairs = "FROM occupancy a JOIN occupancy b ON a.resource_kind = b.resource_kind AND a.resource_id = "
                + "b.resource_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at WHERE "
                + "(a.expires_at IS NULL OR a.expires_at > UTC_TIMESTAMP(6)) AND (b.expires_at IS NULL OR "
                + "b.expires_at > UTC_TIMESTAMP(6))";
        print(String.format(Locale.ROOT, "SQL: %,d bookings before the warm-up, %,d after the run (%s created since, "
                        + "%s of them still BOOKED); overlapping live ledger pairs with a booking made since: %s "
                        + "(whole ledger, by kind: %s)", bookingsBefore, count(db, "booking"),
                single(db, "SELECT COUNT(*) FROM booking WHERE id > " + lastBookingBefore),
                single(db, "SELECT COUNT(*) FROM booking WHERE status = 'BOOKED' AND id > " + lastBookingBefore),
                single(db, "SELECT COUNT(*) " + pairs + " AND (a.booking_id > " + lastBookingBefore
                        + " OR b.booking_id > " + lastBookingBefore + ")"),
                single(db, "SELECT COALESCE(GROUP_CONCAT(CONCAT(kind, ' ', n)), 'none') FROM (SELECT "
                        + "a.resource_kind kind, COUNT(*) n " + pairs + " GROUP BY a.resource_kind) k")));
    }

    /** What HAProxy said during the window: a node taken out (failed health checks) and back. */
    private void haproxyEvents(long from) throws IOException {
        byte[] log = Files.readAllBytes(state.resolve("haproxy.log"));
        List<String> events = new String(log, (int) Math.min(from, log.length), (int) Math.max(0, log.length - from),
                StandardCharsets.UTF_8).lines().filter(l -> l.contains(" is DOWN") || l.contains(" is UP")).toList();
        print(String.format(Locale.ROOT, "Load balancer during the window: %d × a node taken out, %d × back in",
                events.stream().filter(l -> l.contains(" is DOWN")).count(),
                events.stream().filter(l -> l.contains(" is UP")).count()));
        events.stream().limit(6).forEach(e -> print("  " + e.replaceFirst("^\\[WARNING\\]\\s+\\(\\d+\\) : ", "")));
    }

    // --- the nodes ---

    private Map<String, Long> pids(int nodes) throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (int n = 1; n <= nodes; n++) {
            pids.put("node" + n, pid("node" + n));
        }
        pids.put("mariadb", pid("mariadb"));
        pids.put("haproxy", pid("haproxy"));
        pids.put("driver", ProcessCpu.self());
        return pids;
    }

    private long pid(String name) throws IOException {
        return Long.parseLong(Files.readString(state.resolve(name + ".pid")).strip());
    }

    private static Map<String, NodeHeap> heaps(int nodes, Map<String, Long> pids)
            throws IOException, InterruptedException {
        Map<String, NodeHeap> heaps = new LinkedHashMap<>();
        for (int n = 1; n <= nodes; n++) {
            heaps.put("node" + n, NodeHeap.afterFullGc(pids.get("node" + n)));
        }
        return heaps;
    }

    private static String describe(Map<String, NodeHeap> heaps) {
        StringBuilder text = new StringBuilder();
        heaps.forEach((node, heap) -> text.append(text.isEmpty() ? "" : "; ").append(node).append(' ')
                .append(heap.describe()));
        return text.toString();
    }

    /**
     * Each node's application metrics, asked of the node itself as a scraper would (the LB does not route them):
     * over the node's HTTPS listener as the bench admin when the cluster protects them as production does, plain
     * HTTP otherwise. Null where unreadable.
     */
    private Map<String, OpenMetrics> metrics(int nodes) throws IOException, InterruptedException {
        boolean protect = "1".equals(ports.get("PROTECT_METRICS"));
        String admin = admin();
        Map<String, OpenMetrics> metrics = new LinkedHashMap<>();
        for (int n = 1; n <= nodes; n++) {
            URI uri = URI.create(protect ? "https://localhost:" + ports.get("NODE" + n + "_TLS_PORT")
                    + "/metrics?scope=application" : "http://127.0.0.1:" + ports.get("NODE" + n + "_PORT")
                    + "/metrics?scope=application");
            try {
                HttpResponse<String> response = (protect ? selfSignedTls() : http).send(HttpRequest.newBuilder(uri)
                        .header("Accept", "text/plain").header("Authorization", admin)
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                metrics.put("node" + n, response.statusCode() == 200 ? OpenMetrics.parse(response.body()) : null);
                if (response.statusCode() != 200) {
                    print("  " + uri + " answered " + response.statusCode());
                }
            } catch (IOException e) {
                print("  " + uri + ": " + e);
                metrics.put("node" + n, null);
            }
        }
        return metrics;
    }

    /**
     * A client that accepts the node's own self-signed certificate (Payara Micro's default; a bench on loopback,
     * as {@code curl -k} in cluster.sh). bench/load.sh also turns off the JDK client's host name check for it.
     */
    private static HttpClient selfSignedTls() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- small things ---

    private static List<Long> longs(Connection db, String sql) {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return ids;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + property + " is required");
        }
        return value;
    }

    private void print(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }
}
