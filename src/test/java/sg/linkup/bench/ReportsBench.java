package sg.linkup.bench;

import static sg.linkup.bench.BenchSql.count;
import static sg.linkup.bench.BenchSql.holidays;
import static sg.linkup.bench.BenchSql.seconds;
import static sg.linkup.bench.BenchSql.single;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16's "fast at scale": every report for a year's range (the last 12 whole months) over HTTP, first with
 * about 250,000 bookings (that year, the next 30 days and nothing before), then again after history before the
 * range brings the total to 500,000 (run with {@code mvn -Pbench verify -Dit.test=ReportsBench}).
 *
 * <p>The data set is the slot-search benchmark's ({@link BenchCatalogue}: 24 SSOs, 300 advisors, one agency with 5
 * services; {@link BookingHistory}'s ledger, with past weeks filled to 75 % instead of 95 % so that the year and the
 * coming month come to ~250k) plus the {@code booking} and {@code notification} rows the service would have left
 * ({@link BookingRecords}). Rows written by SQL bypass the roll-ups ({@code report_cell}: one row per period, SSO,
 * service and mode), so after each fill the benchmark sets {@code report_state.rolled_through} to NULL and times
 * the one request that rebuilds them.
 *
 * <p>Callers: an admin (everything, groupBy OFFICE), a supervisor of one SSO (groupBy SERVICE) and a partner of the
 * agency (groupBy OFFICE), monthly; plus the admin's sessions by WEEK and as CSV; first-free-slot separately. Each
 * series: unmeasured requests first, then {@link #MEASURED} requests, the series in turns, one at a time, each
 * with the browser's {@code Accept-Encoding: gzip}. A benchmark, not a test: it asserts only that every report
 * answered and that the year's figures did not change when history was added before it. Output:
 * {@code target/bench/reports.txt}.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsBench {

    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
    private static final int WARM_UP = 10;
    private static final int MEASURED = 60;
    private static final int FIRST_FREE_SLOT_MEASURED = 50;
    private static final int LARGE = 500_000;
    private static final double PAST_FILL = 0.75;
    private static final long SEED = 20_261_206L;
    private static final double TARGET_P95 = 300;
    private static final List<String> REPORTS = List.of("sessions", "lead-times", "utilisation", "sms", "travel");
    private static final Pattern SERVER_TIMING = Pattern.compile("([\\w-]+)(?:;desc=\"[^\"]*\")?;dur=([0-9.]+)");
    private static final Pattern GENERATED_AT = Pattern.compile("\"generatedAt\"\\s*:\\s*\"[^\"]*\"");
    private static final String ADMIN_USER = "it-admin";
    private static final String ADMIN_PASSWORD = "correct-horse-battery-1";
    private static final String STAFF_PASSWORD = "a-long-enough-pass-1";
    private static final Path OUT = Path.of("target", "bench");

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    @ArquillianResource
    URL deployment;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final StringBuilder report = new StringBuilder();
    private final List<String> refused = new ArrayList<>();
    private final Map<String, String> yearFigures = new LinkedHashMap<>();
    private final List<String> changedFigures = new ArrayList<>();
    private int compared;
    private LocalDate from;
    private LocalDate to;

    /** Who asks, with their session cookie. */
    record Caller(String name, String cookie) {
    }

    /** One series: a report asked the same way each time; groupBy may fall back to NONE if the API refuses it. */
    static final class Series {
        final String label;
        final Caller caller;
        final String name;
        final String period;
        final boolean csv;
        String groupBy;
        String status = "ok";

        Series(String label, Caller caller, String name, String groupBy, String period, boolean csv) {
            this.label = label;
            this.caller = caller;
            this.name = name;
            this.groupBy = groupBy;
            this.period = period;
            this.csv = csv;
        }
    }

    /** One answer: round trip, bytes on the wire and decoded, and the server's own timings if it sent any. */
    record Answer(int status, double millis, int wireBytes, String body, Map<String, Double> serverTiming) {
    }

    /** What one series measured at one size. */
    record Measured(Series series, Latencies http, double meanWireBytes, double meanBodyBytes,
                    Map<String, Latencies> server, double machineBusyPercent) {
    }

    @Test
    void reportsAnswerFromTheRollUpsWhateverTheHistory() throws Exception {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(SINGAPORE);
        from = today.withDayOfMonth(1).minusMonths(12);
        to = today.withDayOfMonth(1).minusDays(1);
        Map<String, List<Measured>> bySize = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(System.getenv("LINKUP_DB_URL")
                + "&rewriteBatchedStatements=true", "root", "")) {
            print("Reports benchmark, " + Instant.now() + ", today " + today + " (Singapore); range " + from + " – "
                    + to + "; MariaDB " + single(db, "SELECT VERSION()") + ", client JVM " + Runtime.version() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores");

            // The ITs' database lives on in target/it-mariadb/data between runs; the figures need an empty one.
            assertEquals("0", single(db, "SELECT COUNT(*) FROM booking"), "ReportsBench needs a fresh database: "
                    + "delete target/it-mariadb/data (the ITs' data directory outlives a run) and run it again");
            long t = System.nanoTime();
            BenchCatalogue catalogue = BenchCatalogue.create(db, new Random(SEED), today);
            BookingRecords records = BookingRecords.create(db, catalogue.offices, new Random(SEED + 2),
                    Instant.now());
            print(String.format(Locale.ROOT, "Catalogue: %d offices, %d rooms, %d agency, %d services, %d advisors, "
                            + "%,d clients — %.1f s", count(db, "office"), count(db, "room"),
                    count(db, "partner_agency"), count(db, "service"), count(db, "advisor"), count(db, "client"),
                    seconds(t)));

            BookingHistory history = new BookingHistory(catalogue, holidays(db), today, new Random(SEED + 1),
                    PAST_FILL, records);
            t = System.nanoTime();
            int future = history.addFuture(db);
            int year = history.addPastThrough(db, from);
            analyze(db);
            print(String.format(Locale.ROOT, "Filled the next %d days (%,d bookings) and every working day back to "
                            + "%s (%,d) — %.1f s", BookingHistory.FUTURE_DAYS, future, from, year, seconds(t)));
            printData(db, history, records);

            // The fills leave the connection in one transaction after another; what follows must not hold locks.
            db.setAutoCommit(true);
            long agency = Long.parseLong(single(db, "SELECT id FROM partner_agency WHERE code = 'BENCH-WSG'"));
            BenchCatalogue.Office office = catalogue.offices.get(0);
            List<Series> series = series(
                    new Caller("admin", signIn(ADMIN_USER, ADMIN_PASSWORD)),
                    new Caller("supervisor", signIn(staff("SUPERVISOR", "[" + office.id() + "]", null),
                            STAFF_PASSWORD)),
                    new Caller("partner", signIn(staff("PARTNER", "[]", agency), STAFF_PASSWORD)));
            print("Supervisor of office " + office.id() + " (" + single(db, "SELECT name FROM office WHERE id = "
                    + office.id()) + "); partner of agency " + agency + " (the data set's only agency, so the "
                    + "partner's scope holds every session)");

            String small = String.format(Locale.ROOT, "%dk", history.bookings() / 1000);
            rebuild(db, series.get(0), small);
            bySize.put(small, measure(series, small));
            explain(db, series, small);

            t = System.nanoTime();
            LocalDate before = history.earliestDay();
            int added = history.addPast(db, LARGE - history.bookings());
            db.setAutoCommit(true);
            analyze(db);
            print("");
            print(String.format(Locale.ROOT, "Added %,d bookings before %s, back to %s — %.1f s", added, before,
                    history.earliestDay(), seconds(t)));
            printData(db, history, records);
            String large = String.format(Locale.ROOT, "%dk", history.bookings() / 1000);
            rebuild(db, series.get(0), large);
            bySize.put(large, measure(series, large));
            explain(db, series, large);
        }
        printTable(bySize);
        print(String.format(Locale.ROOT, "Whole benchmark (after Payara was up): %.0f s", seconds(started)));
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("reports.txt"), report);

        assertEquals(List.of(), refused, "reports that did not answer");
        assertEquals(List.of(), changedFigures, "a year's figures changed when history before it was added");
    }

    private List<Series> series(Caller admin, Caller supervisor, Caller partner) {
        List<Series> series = new ArrayList<>();
        for (String name : REPORTS) {
            series.add(new Series("admin " + name, admin, name, "OFFICE", "MONTH", false));
            series.add(new Series("supervisor " + name, supervisor, name, "SERVICE", "MONTH", false));
            series.add(new Series("partner " + name, partner, name, "OFFICE", "MONTH", false));
        }
        series.add(new Series("admin sessions WEEK", admin, "sessions", "OFFICE", "WEEK", false));
        series.add(new Series("admin sessions CSV", admin, "sessions", "OFFICE", "MONTH", true));
        // The floor under every report: a signed-in GET that reads nothing (who is signed in), same HTTP and auth.
        series.add(new Series("admin GET api/session (floor)", admin, null, null, null, false));
        for (Caller caller : List.of(admin, supervisor, partner)) {
            series.add(new Series(caller.name() + " first-free-slot", caller, "first-free-slot", "NONE", null,
                    false));
        }
        return series;
    }

    // --- measuring ---

    /**
     * Roll-ups rebuilt from the booking and notification tables, timed from {@code rolled_through = NULL} until
     * the rebuild has committed. The first report request starts it in the background and answers 503 (the node's
     * own sweep may start it first); the benchmark then watches report_state rather than asking again, since each
     * refused request queues one more catch-up behind the rebuild's lock.
     */
    private void rebuild(Connection db, Series first, String size) throws SQLException, InterruptedException {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE report_state SET rolled_through = NULL WHERE id = 1");
        }
        long started = System.nanoTime();
        Answer asked = ask(first, Duration.ofMinutes(5));
        long deadline = started + Duration.ofMinutes(30).toNanos();
        while (single(db, "SELECT rolled_through IS NULL FROM report_state WHERE id = 1").equals("1")
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        double took = seconds(started);
        Answer after = ask(first, Duration.ofMinutes(5));
        print(String.format(Locale.ROOT, "Roll-up rebuild at %s: %.1f s from rolled_through = NULL to the rebuilt "
                        + "cells committed (the request that started it answered %d in %.0f ms; the next %s: %d in "
                        + "%.0f ms)", size, took, asked.status(), asked.millis(), first.label, after.status(),
                after.millis()));
        if (after.status() != 200) {
            refused.add("after the rebuild at " + size + ": " + first.label + " → " + after.status());
        }
        print("  report_cell rows by period kind: " + grouped(db, "SELECT period_kind, COUNT(*) FROM report_cell "
                + "GROUP BY 1 ORDER BY 1") + "; monthly in the range " + single(db, "SELECT COUNT(*) FROM report_cell "
                + "WHERE period_kind = 'M' AND period_start BETWEEN '" + from + "' AND '" + to + "'")
                + ", mean tally " + single(db, "SELECT ROUND(AVG(LENGTH(tally))) FROM report_cell") + " bytes; "
                + "report_booking " + String.format(Locale.ROOT, "%,d", count(db, "report_booking")) + " rows");
    }

    private List<Measured> measure(List<Series> all, String size) {
        print("");
        print("== " + size + " bookings: " + WARM_UP + " unmeasured requests per series, then " + MEASURED
                + " per series in turns (first-free-slot: " + FIRST_FREE_SLOT_MEASURED + " after the others) ==");
        List<Series> rollUps = all.stream().filter(s -> !"first-free-slot".equals(s.name)).toList();
        List<Series> slots = all.stream().filter(s -> "first-free-slot".equals(s.name)).toList();
        long t = System.nanoTime();
        for (Series s : all) {
            warmUp(s);
        }
        print(String.format(Locale.ROOT, "warm-up %.1f s", seconds(t)));
        List<Measured> measured = new ArrayList<>();
        measured.addAll(run(rollUps, MEASURED, size));
        measured.addAll(run(slots, FIRST_FREE_SLOT_MEASURED, size));
        print("series                             groupBy  |     p50     p95     p99      max | bytes gzip / decoded");
        for (Measured m : measured) {
            print(String.format(Locale.ROOT, "%-34s %-8s | %s | %,.0f / %,.0f", m.series().label, m.series().groupBy,
                    m.http().columns(), m.meanWireBytes(), m.meanBodyBytes()));
        }
        return measured;
    }

    /** The first answer decides the groupBy (NONE if the API refuses the asked one) and is kept for comparing. */
    private void warmUp(Series s) {
        if (!s.status.equals("ok")) {
            return;
        }
        Answer first = ask(s, Duration.ofMinutes(5));
        if (first.status() == 400 && s.groupBy != null && !s.groupBy.equals("NONE")) {
            print("  " + s.label + ": groupBy " + s.groupBy + " refused (" + first.status() + ": "
                    + abbreviate(first.body()) + "), using NONE");
            s.groupBy = "NONE";
            first = ask(s, Duration.ofMinutes(5));
        }
        if (first.status() != 200) {
            s.status = "HTTP " + first.status();
            refused.add(s.label + " → " + first.status() + " " + abbreviate(first.body(), 100));
            print("  " + s.label + ": HTTP " + first.status() + " " + abbreviate(first.body()));
            return;
        }
        if (s.name != null && !s.name.equals("first-free-slot") && !s.csv) {
            String figures = GENERATED_AT.matcher(first.body()).replaceAll("");
            String earlier = yearFigures.putIfAbsent(s.label, figures);
            if (earlier != null) {
                compared++;
            }
            if (earlier != null && !earlier.equals(figures)) {
                changedFigures.add(s.label);
                print("  " + s.label + ": the year's figures CHANGED after adding earlier history");
            }
        }
        for (int i = 1; i < WARM_UP; i++) {
            ask(s, Duration.ofMinutes(5));
        }
    }

    /** {@code n} requests of every answering series, the series in turns. */
    private List<Measured> run(List<Series> series, int n, String size) {
        List<Series> answering = series.stream().filter(s -> s.status.equals("ok")).toList();
        double[][] millis = new double[answering.size()][n];
        long[] wire = new long[answering.size()];
        long[] body = new long[answering.size()];
        List<Map<String, List<Double>>> server = new ArrayList<>();
        answering.forEach(s -> server.add(new TreeMap<>()));
        MachineLoad load = MachineLoad.start();
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < answering.size(); k++) {
                Answer answer = ask(answering.get(k), Duration.ofMinutes(1));
                if (answer.status() != 200) {
                    refused.add(answering.get(k).label + " at " + size + " → " + answer.status());
                }
                millis[k][i] = answer.millis();
                wire[k] += answer.wireBytes();
                body[k] += answer.body().getBytes(StandardCharsets.UTF_8).length;
                Map<String, List<Double>> timings = server.get(k);
                answer.serverTiming().forEach((name, dur) -> timings.computeIfAbsent(name, x -> new ArrayList<>())
                        .add(dur));
            }
        }
        double busy = load.busyPercent();
        print(String.format(Locale.ROOT, "measured %d × %d requests in %.1f s, machine CPU %.0f %% busy",
                answering.size(), n, seconds(t), busy));
        List<Measured> measured = new ArrayList<>();
        for (int k = 0; k < answering.size(); k++) {
            Map<String, Latencies> timings = new TreeMap<>();
            server.get(k).forEach((name, values) -> timings.put(name,
                    Latencies.of(values.stream().mapToDouble(Double::doubleValue).toArray())));
            measured.add(new Measured(answering.get(k), Latencies.of(millis[k]), (double) wire[k] / n,
                    (double) body[k] / n, timings, busy));
            raw(fileName(size + " " + answering.get(k).label), millis[k]);
        }
        return measured;
    }

    private Answer ask(Series s, Duration timeout) {
        StringBuilder query = new StringBuilder(s.name == null ? "api/session"
                : "api/reports/" + s.name + "?groupBy=" + s.groupBy);
        if (s.name != null && s.period != null) {
            query.append("&from=").append(from).append("&to=").append(to).append("&period=").append(s.period);
        }
        if (s.csv) {
            query.append("&format=csv");
        }
        HttpRequest request = HttpRequest.newBuilder(base().resolve(query.toString())).timeout(timeout)
                .header("Cookie", s.caller.cookie()).header("Accept-Encoding", "gzip")
                .header("Accept", s.csv ? "text/csv" : "application/json").GET().build();
        try {
            long started = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            boolean gzip = response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase)
                    .orElse(false);
            String body = new String(gzip ? new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes()
                    : bytes, StandardCharsets.UTF_8);
            double millis = (System.nanoTime() - started) / 1e6;
            Map<String, Double> timings = new LinkedHashMap<>();
            for (String header : response.headers().allValues("Server-Timing")) {
                Matcher m = SERVER_TIMING.matcher(header);
                while (m.find()) {
                    timings.put(m.group(1), Double.parseDouble(m.group(2)));
                }
            }
            return new Answer(response.statusCode(), millis, bytes.length, body, timings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- what the database does ---

    /**
     * The statements Payara sends for one request of each report (MariaDB's general log), with the median time of
     * re-running each over JDBC, and the plan of those that read the roll-up tables.
     */
    private void explain(Connection db, List<Series> series, String size) throws SQLException {
        print("");
        print("What the database is asked at " + size + " (general log, one request of each admin series; literals "
                + "shown as ?; median of re-running each over JDBC from here):");
        long own = Long.parseLong(single(db, "SELECT CONNECTION_ID()"));
        for (Series s : series) {
            if (!s.caller.name().equals("admin") || !s.status.equals("ok") || s.csv || s.name == null) {
                continue;
            }
            Path log = OUT.resolve("general-reports-" + fileName(size + " " + s.label) + ".log");
            double[] millis = new double[1];
            List<QueryPlans.Logged> logged = QueryPlans.capture(db, log.toAbsolutePath(),
                    () -> millis[0] = ask(s, Duration.ofMinutes(1)).millis());
            List<String> selects = logged.stream().filter(l -> l.connection() != own).map(QueryPlans.Logged::sql)
                    .filter(q -> q.stripLeading().regionMatches(true, 0, "SELECT", 0, 6)).toList();
            long all = logged.stream().filter(l -> l.connection() != own).count();
            print(String.format(Locale.ROOT, "%s (%.0f ms with the log on): %d statements, %d SELECTs",
                    s.label, millis[0], all, selects.size()));
            double total = 0;
            for (Map.Entry<String, Integer> shape : QueryPlans.shapes(selects).entrySet()) {
                String example = selects.stream().filter(q -> QueryPlans.shape(q).equals(shape.getKey()))
                        .findFirst().orElseThrow();
                QueryPlans.Cost cost = QueryPlans.cost(db, example, 9);
                total += cost.medianMillis() * shape.getValue();
                print(String.format(Locale.ROOT, "  %d × [%.2f ms, %d rows] %s", shape.getValue(),
                        cost.medianMillis(), cost.rows(), abbreviate(QueryPlans.abbreviated(shape.getKey()), 400)));
                if (shape.getKey().contains("report_")) {
                    print(QueryPlans.analyze(db, example));
                }
            }
            print(String.format(Locale.ROOT, "  together %.1f ms over JDBC", total));
        }
    }

    // --- setting up ---

    private URI base() {
        return URI.create(deployment.toString().replaceAll("/+$", "") + "/");
    }

    /** A member of staff made through the API by the bootstrap admin; answers the username. */
    private String staff(String role, String offices, Long agency) throws IOException, InterruptedException {
        String username = "bench." + role.toLowerCase(Locale.ROOT) + "." + UUID.randomUUID().toString().substring(0, 6);
        String body = "{\"username\":\"" + username + "\",\"displayName\":\"Bench " + role + "\",\"role\":\"" + role
                + "\",\"officeIds\":" + offices + (agency == null ? "" : ",\"agencyId\":" + agency)
                + ",\"password\":\"" + STAFF_PASSWORD + "\"}";
        String basic = java.util.Base64.getEncoder().encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base().resolve("api/staff"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response::body);
        return username;
    }

    /** Signed in once, as a browser would be; a GET needs no CSRF token. */
    private String signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base().resolve("api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return SignInCookies.of(response);
    }

    /** Fresh statistics after a bulk load, as InnoDB would have after its own background recalculation. */
    private static void analyze(Connection db) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("ANALYZE TABLE occupancy, booking, notification, client");
        }
    }

    // --- printing ---

    private void printData(Connection db, BookingHistory history, BookingRecords records) throws SQLException {
        print(String.format(Locale.ROOT, "  now %,d bookings from %s to %s (%,d in the range), %,d notification rows, "
                        + "%,d occupancy rows", history.bookings(), history.earliestDay(),
                LocalDate.now(SINGAPORE).plusDays(BookingHistory.FUTURE_DAYS - 1),
                Long.parseLong(single(db, "SELECT COUNT(*) FROM booking WHERE starts_at >= '" + from
                        + "' - INTERVAL 8 HOUR AND starts_at < '" + to.plusDays(1) + "' - INTERVAL 8 HOUR")),
                records.notificationRows(), count(db, "occupancy")));
        print("  bookings by status: " + grouped(db, "SELECT CONCAT(status, COALESCE(CONCAT('/', outcome), ''), "
                + "COALESCE(CONCAT('/', cancelled_by), '')), COUNT(*) FROM booking GROUP BY 1 ORDER BY 2 DESC"));
        print("  by mode: " + grouped(db, "SELECT session_mode, COUNT(*) FROM booking GROUP BY 1 ORDER BY 2 DESC")
                + "; confirmed by SMS: " + single(db, "SELECT COUNT(*) FROM booking WHERE client_confirmed_at "
                + "IS NOT NULL"));
        print("  notifications: " + grouped(db, "SELECT CONCAT(kind, ' ', status, COALESCE(CONCAT(' ', delivery), "
                + "'')), COUNT(*) FROM notification GROUP BY 1 ORDER BY 2 DESC"));
    }

    private static String grouped(Connection db, String sql) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                parts.add(String.format(Locale.ROOT, "%s %,d", rows.getString(1), rows.getLong(2)));
            }
        }
        return String.join(", ", parts);
    }

    private void printTable(Map<String, List<Measured>> bySize) {
        List<String> sizes = new ArrayList<>(bySize.keySet());
        print("");
        print("Reports over HTTP, " + from + " – " + to + ", one request at a time (ms; bytes: gzip on the wire / "
                + "decoded)");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-30s %-8s", "series", "groupBy"));
        for (String size : sizes) {
            header.append(String.format(Locale.ROOT, " | %-5s p50     p95     p99      max", size));
        }
        print(header + " | p95 ratio | bytes");
        List<Measured> first = bySize.get(sizes.get(0));
        for (Measured m : first) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-30s %-8s", m.series().label,
                    m.series().groupBy));
            Measured last = m;
            for (String size : sizes) {
                Measured at = bySize.get(size).stream().filter(x -> x.series() == m.series()).findFirst()
                        .orElse(null);
                line.append(at == null ? " | (no answer)" : " | " + at.http().columns());
                last = at == null ? last : at;
            }
            line.append(String.format(Locale.ROOT, " | %8.2f× | %,.0f / %,.0f", last.http().p95() / m.http().p95(),
                    last.meanWireBytes(), last.meanBodyBytes()));
            print(line.toString());
            for (String size : sizes) {
                bySize.get(size).stream().filter(x -> x.series() == m.series()).findFirst()
                        .ifPresent(at -> at.server().forEach((name, l) -> print(String.format(Locale.ROOT,
                                "      %s Server-Timing %s: p50 %.2f p95 %.2f", size, name, l.p50(), l.p95()))));
            }
        }
        print("(machine CPU busy during the series: " + sizes.stream().map(size -> size + " " + bySize.get(size)
                .stream().map(m -> String.format(Locale.ROOT, "%.0f %%", m.machineBusyPercent())).distinct().toList())
                .toList() + "; this benchmark alone keeps about one core of " + Runtime.getRuntime()
                .availableProcessors() + " busy)");
        print("");
        String largest = sizes.get(sizes.size() - 1);
        List<Measured> missed = bySize.get(largest).stream().filter(m -> m.http().p95() > TARGET_P95).toList();
        print(String.format(Locale.ROOT, "Target p95 ≤ %.0f ms over HTTP at %s: %s", TARGET_P95, largest,
                bySize.get(largest).isEmpty() ? "nothing measured"
                        : missed.isEmpty() ? "met by every series" : "MISSED by " + missed.stream()
                        .map(m -> m.series().label + String.format(Locale.ROOT, " (%.0f ms)", m.http().p95()))
                        .toList()));
        print("Year's figures (JSON, without generatedAt) unchanged by the earlier history: " + compared
                + " series compared, " + (changedFigures.isEmpty() ? "all the same" : "CHANGED: " + changedFigures));
        if (!refused.isEmpty()) {
            print("Did not answer: " + refused);
        }
    }

    private static void raw(String name, double[] millis) {
        StringBuilder csv = new StringBuilder("request,http_ms\n");
        for (int i = 0; i < millis.length; i++) {
            csv.append(String.format(Locale.ROOT, "%d,%.3f%n", i, millis[i]));
        }
        try {
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve("raw-reports-" + name + ".csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(String label) {
        return label.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", "");
    }

    private static String abbreviate(String text) {
        return abbreviate(text, 200);
    }

    private static String abbreviate(String text, int most) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= most ? line : line.substring(0, most) + "…";
    }

    private void print(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }
}
