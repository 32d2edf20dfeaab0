package sg.linkup.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One simulated counter officer of {@link ClusterLoad}: signed in once through the load balancer (session cookie,
 * CSRF token, and the balancer's own cookie when it pins clients to a node), then, one request after another
 * with no think time unless asked, a mix drawn per step:
 * <ul>
 *   <li>80 % a slot search (its own SSO 7 times in 10, else any; the main service 6 times in 10, else another
 *       of the five; 14 days from one of the next 7);</li>
 *   <li>10 % a booking of a slot that its last search returned (one of the first ten), for a client of its
 *       SSO — a 409 (someone else was quicker, or that client is busy then) is an expected answer;</li>
 *   <li>10 % reads and changes: read a booking (3.5 %), read a client (2.5 %; an audited staff read), cancel one
 *       of its own bookings (2 %), or reschedule one (2 %: its alternatives, then the move to one of them).</li>
 * </ul>
 * Every request is timed and classified; {@link #record} decides whether it falls in the measured window.
 */
final class CounterOfficer implements Runnable {

    /** What a request was, for the per-kind figures. */
    enum Kind { SEARCH, BOOK, READ_BOOKING, READ_CLIENT, CANCEL, ALTERNATIVES, RESCHEDULE, SIGN_IN }

    /** Where the mix comes from: the catalogue as the database holds it, and the run's clock. */
    interface Run {
        boolean running();

        /** Whether a request begun and ended at these {@link System#nanoTime} instants is measured. */
        boolean measured(long begun, long ended);

        LocalDate today();

        List<Long> offices();

        long mainService();

        List<Long> otherServices();
    }

    /** One request's outcome. {@code status} -1: no answer (timeout, refused connection). */
    record Answer(int status, String body, String node) {
    }

    /** Figures of one officer, merged by the run. */
    static final class Tally {
        final Map<Kind, double[]> millis = new LinkedHashMap<>();
        final Map<Kind, Integer> counts = new LinkedHashMap<>();
        /** "KIND status" → how many, for every answer in the window. */
        final Map<String, Integer> statuses = new LinkedHashMap<>();
        final Map<String, Integer> nodes = new LinkedHashMap<>();
        /** "KIND status" → the first such answer, for every unexpected one. */
        final Map<String, String> errorSamples = new LinkedHashMap<>();

        void add(Kind kind, double ms, int status, String node, String errorSample) {
            int n = counts.merge(kind, 1, Integer::sum);
            double[] series = millis.computeIfAbsent(kind, k -> new double[1024]);
            if (n > series.length) {
                series = java.util.Arrays.copyOf(series, series.length * 2);
                millis.put(kind, series);
            }
            series[n - 1] = ms;
            statuses.merge(kind + " " + status, 1, Integer::sum);
            if (node != null) {
                nodes.merge(node, 1, Integer::sum);
            }
            if (errorSample != null) {
                errorSamples.putIfAbsent(kind + " " + status, errorSample);
            }
        }

        double[] series(Kind kind) {
            return java.util.Arrays.copyOf(millis.getOrDefault(kind, new double[0]), counts.getOrDefault(kind, 0));
        }
    }

    private static final String PASSWORD_FIELD = "password";
    private static final String PASSWORD = "load-counter-pass-1";

    final String username;
    final long office;
    final Tally tally = new Tally();
    private final HttpClient http;
    private final URI base;
    private final Run run;
    private final Random random;
    private final List<Long> clients;
    private final List<Long> knownBookings;
    private final long thinkMillis;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final List<Long> ownBookings = new ArrayList<>();
    private String csrf;
    private JsonArray lastSlots = JsonValue.EMPTY_JSON_ARRAY;
    private long lastService;
    private int unexpected;

    CounterOfficer(String username, long office, HttpClient http, URI base, Run run, long seed, List<Long> clients,
                   List<Long> knownBookings, long thinkMillis) {
        this.username = username;
        this.office = office;
        this.http = http;
        this.base = base;
        this.run = run;
        this.random = new Random(seed);
        this.clients = clients;
        this.knownBookings = knownBookings;
        this.thinkMillis = thinkMillis;
    }

    /** The password every load officer is made with (test-only, local bench). */
    static String password() {
        return PASSWORD;
    }

    /** Signs in as a browser would; the answer carries the CSRF token every change must repeat. */
    void signIn() throws InterruptedException {
        Answer answer = send(Kind.SIGN_IN, HttpRequest.newBuilder(base.resolve("api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("username", username)
                        .add(PASSWORD_FIELD, PASSWORD).build().toString())));
        if (answer.status() != 200) {
            throw new IllegalStateException(username + " could not sign in: " + answer.status() + " "
                    + answer.body());
        }
        csrf = json(answer.body()).getString("csrfToken");
    }

    @Override
    public void run() {
        while (run.running()) {
            try {
                step();
                if (thinkMillis > 0) {
                    Thread.sleep(thinkMillis / 2 + random.nextLong(thinkMillis + 1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The request itself was recorded; a driver fault must not end the officer's day silently.
                if (unexpected++ < 3) {
                    System.err.println(username + ": " + e);
                }
            }
        }
    }

    private void step() throws InterruptedException {
        double draw = random.nextDouble();
        if (draw < 0.80 || lastSlots.isEmpty()) {
            search();
        } else if (draw < 0.90) {
            book();
        } else if (draw < 0.935) {
            readBooking();
        } else if (draw < 0.96) {
            send(Kind.READ_CLIENT, get("api/clients/" + pick(clients)));
        } else if (draw < 0.98) {
            cancel();
        } else {
            reschedule();
        }
    }

    private void search() throws InterruptedException {
        long officeSearched = random.nextDouble() < 0.7 ? office : pick(run.offices());
        long service = random.nextDouble() < 0.6 ? run.mainService() : pick(run.otherServices());
        LocalDate from = run.today().plusDays(random.nextInt(7));
        Answer answer = send(Kind.SEARCH, get(String.format(Locale.ROOT, "api/slots?service=%d&office=%d&from=%s&to=%s",
                service, officeSearched, from, from.plusDays(13))));
        if (answer.status() == 200) {
            lastSlots = json(answer.body()).getJsonArray("slots");
            lastService = service;
        }
    }

    private void book() throws InterruptedException {
        JsonObject slot = lastSlots.getJsonObject(random.nextInt(Math.min(10, lastSlots.size())));
        var body = Json.createObjectBuilder().add("serviceId", lastService)
                .add("officeId", slot.getJsonObject("office").getJsonNumber("id").longValue())
                .add("mode", slot.getString("mode")).add("start", slot.getString("start"))
                .add("advisorId", slot.getJsonObject("advisor").getJsonNumber("id").longValue())
                .add("clientId", pick(clients));
        if (slot.get("room") instanceof JsonObject room) {
            body.add("roomId", room.getJsonNumber("id").longValue());
        }
        Answer answer = send(Kind.BOOK, change("api/bookings", body.build().toString())
                .header("Idempotency-Key", UUID.randomUUID().toString()));
        if (answer.status() == 201) {
            ownBookings.add(json(answer.body()).getJsonNumber("id").longValue());
        }
    }

    private void readBooking() throws InterruptedException {
        long id = !ownBookings.isEmpty() && random.nextBoolean() ? pick(ownBookings) : pick(knownBookings);
        send(Kind.READ_BOOKING, get("api/bookings/" + id));
    }

    private void cancel() throws InterruptedException {
        if (ownBookings.isEmpty()) {
            readBooking();
            return;
        }
        long id = ownBookings.remove(random.nextInt(ownBookings.size()));
        send(Kind.CANCEL, change("api/bookings/" + id + "/cancel", "{\"reason\":\"Client asked at the counter\"}"));
    }

    private void reschedule() throws InterruptedException {
        if (ownBookings.isEmpty()) {
            readBooking();
            return;
        }
        long id = pick(ownBookings);
        Answer alternatives = send(Kind.ALTERNATIVES, get("api/bookings/" + id + "/alternatives"));
        if (alternatives.status() != 200) {
            return;
        }
        JsonArray slots = Json.createReader(new StringReader(alternatives.body())).readArray();
        if (slots.isEmpty()) {
            return;
        }
        JsonObject slot = slots.getJsonObject(random.nextInt(slots.size()));
        var body = Json.createObjectBuilder().add("start", slot.getString("start")).add("mode", slot.getString("mode"))
                .add("officeId", slot.getJsonObject("office").getJsonNumber("id").longValue())
                .add("advisorId", slot.getJsonObject("advisor").getJsonNumber("id").longValue());
        if (slot.get("room") instanceof JsonObject room) {
            body.add("roomId", room.getJsonNumber("id").longValue());
        }
        send(Kind.RESCHEDULE, change("api/bookings/" + id + "/reschedule", body.build().toString()));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json").GET();
    }

    private HttpRequest.Builder change(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /** Sends with the officer's cookies, times it, and records it if it falls in the measured window. */
    private Answer send(Kind kind, HttpRequest.Builder request) throws InterruptedException {
        request.timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpRequest built = request.build();
        long begun = System.nanoTime();
        Answer answer;
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            keepCookies(response);
            answer = new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("X-Linkup-Node").orElse(null));
        } catch (java.io.IOException e) {
            answer = new Answer(-1, e.toString(), null);
        }
        long ended = System.nanoTime();
        record(kind, begun, ended, answer, built);
        if (answer.status() == 401 && kind != Kind.SIGN_IN) {
            // Signed out: the session lived on a node the balancer no longer sends this officer to (it took that
            // node out after failed health checks). The 401 stays an error; the officer signs in again, as the
            // screen would send them to do, and the run goes on.
            signIn();
        }
        return answer;
    }

    private void record(Kind kind, long begun, long ended, Answer answer, HttpRequest request) {
        if (!run.measured(begun, ended)) {
            return;
        }
        boolean expected = answer.status() / 100 == 2
                || (answer.status() == 409 && (kind == Kind.BOOK || kind == Kind.RESCHEDULE));
        String sample = expected ? null : String.format(Locale.ROOT, "%s %s %s → %d %s", username,
                request.method(), request.uri().getRawPath(), answer.status(), abbreviate(answer.body()));
        tally.add(kind, (ended - begun) / 1e6, answer.status(), answer.node(), sample);
    }

    private void keepCookies(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() <= 240 ? flat : flat.substring(0, 240) + "…";
    }
}
