package sg.linkup.notification.sms.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's Messages API on localhost, for tests and benchmarks: {@code POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json} with HTTP Basic auth (account SID and auth token), form
 * parameters {@code To}, {@code Body}, {@code MessagingServiceSid} or {@code From}, {@code StatusCallback}, answered
 * 201 with a Message resource as Twilio writes it, or with Twilio's error JSON
 * ({@code {"code":21211,"message":…,"more_info":…,"status":400}}); and {@code GET} of the same URL, the Messages
 * list ({@code To}, {@code From}, {@code PageSize}; first page only, newest first), as Linkup looks up a text
 * whose sending node died ({@link #lookups} counts those calls).
 *
 * <p>Scriptable: {@link #enqueue} canned answers that the next requests get in order (a 500 then a normal 201,
 * a 21211, a 429…); {@link #delay} before every answer; {@link #unsubscribe} a number as if it had replied STOP.
 * It serves many requests at once (128 threads unless told otherwise) and counts how many were in flight.
 * {@link #sign} makes the {@code X-Twilio-Signature} Twilio would put on a webhook call, so tests can call
 * Linkup's webhooks as Twilio does; {@link #statusCallbackForm} and {@link #inboundForm} give Twilio's fields.
 *
 * <pre>{@code
 * try (FakeTwilio twilio = new FakeTwilio().start()) {
 *     twilio.enqueue(FakeTwilio.Reply.error(500, 20500, "Internal Server Error"), FakeTwilio.Reply.created());
 *     // point linkup.twilio.api-base-url at twilio.baseUrl(), use FakeTwilio.ACCOUNT_SID / AUTH_TOKEN
 *     twilio.accepted();   // the messages it took
 * }
 * }</pre>
 */
public final class FakeTwilio implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "f00dfeedf00dfeedf00dfeedf00dfeed";
    public static final String MESSAGING_SERVICE_SID = "MG0123456789abcdef0123456789abcdef";
    /** The Twilio number Linkup sends from when no Messaging Service is used; inbound messages arrive on it. */
    public static final String FROM = "+6531380000";
    public static final String API_VERSION = "2010-04-01";

    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
    private static final int MAX_BODY = 1600;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String accountSid;
    private final String authToken;
    private final int threads;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final Map<String, ConcurrentLinkedQueue<Reply>> scriptFor = new ConcurrentHashMap<>();
    private final List<Message> accepted = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> unsubscribed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    private HttpServer server;
    private ExecutorService executor;

    /** With {@link #ACCOUNT_SID} and {@link #AUTH_TOKEN}, serving up to 128 requests at once. */
    public FakeTwilio() {
        this(ACCOUNT_SID, AUTH_TOKEN, 128);
    }

    public FakeTwilio(String accountSid, String authToken, int threads) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.threads = threads;
    }

    /** Listens on a free port of the loopback interface. */
    public FakeTwilio start() {
        return start(0);
    }

    public synchronized FakeTwilio start(int port) {
        if (server != null) {
            throw new IllegalStateException("already started on port " + port());
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
        AtomicInteger number = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "fake-twilio-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What {@code linkup.twilio.api-base-url} should say, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    public String accountSid() {
        return accountSid;
    }

    public String authToken() {
        return authToken;
    }

    /**
     * Canned answers for the next requests to the Messages endpoint (sends and lists), in order; then normal
     * service resumes.
     */
    public FakeTwilio enqueue(Reply... replies) {
        Collections.addAll(script, replies);
        return this;
    }

    /**
     * Canned answers for the next messages to {@code to} only, in order. A test sharing the fake with other
     * senders (an integration test's earlier bookings still retrying) scripts its own recipient's answers, so
     * no stray request takes them.
     */
    public FakeTwilio enqueueFor(String to, Reply... replies) {
        Collections.addAll(scriptFor.computeIfAbsent(to, key -> new ConcurrentLinkedQueue<>()), replies);
        return this;
    }

    /** How long every request waits before it is answered (the benchmark uses 50 ms, like a real round trip). */
    public FakeTwilio delay(Duration wait) {
        this.delay = wait;
        return this;
    }

    /** Answers messages to {@code to} with 21610, as Twilio does after the recipient replied STOP. */
    public FakeTwilio unsubscribe(String to) {
        unsubscribed.add(to);
        return this;
    }

    /** The messages answered 201, in the order they were taken. */
    public List<Message> accepted() {
        return List.copyOf(accepted);
    }

    /** Every request that reached the fake, answered or refused, in order of arrival. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The most requests that were being answered at the same moment. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Forgets messages, requests, script, opt-outs and the in-flight high-water mark; keeps the delay. */
    public void reset() {
        script.clear();
        scriptFor.clear();
        accepted.clear();
        received.clear();
        unsubscribed.clear();
        maxInFlight.set(inFlight.get());
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    /** The {@code X-Twilio-Signature} Twilio would send with a webhook call to {@code url} with these fields. */
    public String sign(String url, Map<String, String> formParams) {
        return signature(authToken, url, formParams);
    }

    /**
     * Twilio's webhook signature, computed here independently of the SDK: the full URL, then each form parameter
     * name immediately followed by its value, names sorted; HMAC-SHA1 with the auth token; base64.
     */
    public static String signature(String authToken, String url, Map<String, String> formParams) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(formParams).forEach((name, value) -> signed.append(name).append(value == null ? "" : value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields Twilio posts to a message's StatusCallback; {@code errorCode} only for failed/undelivered. */
    public Map<String, String> statusCallbackForm(Message message, String status, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", accountSid);
        form.put("ApiVersion", API_VERSION);
        form.put("From", message.from() != null ? message.from() : FROM);
        if (message.messagingServiceSid() != null) {
            form.put("MessagingServiceSid", message.messagingServiceSid());
        }
        form.put("MessageSid", message.sid());
        form.put("MessageStatus", status);
        form.put("SmsSid", message.sid());
        form.put("SmsStatus", status);
        form.put("To", message.to());
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return form;
    }

    /** The fields Twilio posts to the incoming-message webhook when {@code from} texts {@code body} to {@code to}. */
    public Map<String, String> inboundForm(String from, String to, String body) {
        String sid = "SM" + hex(16);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "SG");
        form.put("ToState", "");
        form.put("SmsMessageSid", sid);
        form.put("NumMedia", "0");
        form.put("ToCity", "");
        form.put("FromZip", "");
        form.put("SmsSid", sid);
        form.put("FromState", "");
        form.put("SmsStatus", "received");
        form.put("FromCity", "");
        form.put("Body", body);
        form.put("FromCountry", "SG");
        form.put("To", to);
        form.put("MessagingServiceSid", MESSAGING_SERVICE_SID);
        form.put("ToZip", "");
        form.put("NumSegments", Integer.toString(segments(body)));
        form.put("MessageSid", sid);
        form.put("AccountSid", accountSid);
        form.put("From", from);
        form.put("ApiVersion", API_VERSION);
        return form;
    }

    /** A message the fake took. {@code from} is null when it was sent through a Messaging Service. */
    public record Message(String sid, String to, String from, String messagingServiceSid, String body,
                          String statusCallback, String status, int segments, ZonedDateTime created) {
    }

    /** One request as it arrived: what the SDK put on the wire. */
    public record Received(String method, String path, String authorization, String userAgent, String contentType,
                           Map<String, List<String>> form) {

        /** The first value of form parameter {@code name}, or null. */
        public String param(String name) {
            List<String> values = form.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** A canned answer. */
    public static final class Reply {

        private final int status;
        private final String contentType;
        private final String body;

        private Reply(int status, String contentType, String body) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }

        /** Serve this request normally (validate, take the message, 201). */
        public static Reply created() {
            return new Reply(201, null, null);
        }

        /** Twilio's error JSON with this HTTP status and Twilio error code; the message is not taken. */
        public static Reply error(int httpStatus, int code, String message) {
            return new Reply(httpStatus, "application/json", errorJson(httpStatus, code, message));
        }

        /** Any answer, e.g. a load balancer's HTML 502; the message is not taken. */
        public static Reply raw(int httpStatus, String contentType, String body) {
            return new Reply(httpStatus, contentType, body);
        }

        /** Close the connection without answering; the message is not taken. */
        public static Reply hangUp() {
            return new Reply(-1, null, null);
        }
    }

    // ---- serving

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            // A GET's parameters are its query; Received shows them as its form.
            Map<String, List<String>> form = "GET".equals(exchange.getRequestMethod()) ? query(exchange)
                    : form(exchange);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("User-Agent"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), form));
            pause();
            Matcher messages = MESSAGES.matcher(exchange.getRequestURI().getPath());
            boolean list = "GET".equals(exchange.getRequestMethod());
            if (!(list || "POST".equals(exchange.getRequestMethod())) || !messages.matches()) {
                String path = exchange.getRequestURI().getPath();
                respond(exchange, 404, errorJson(404, 20404, "The requested resource " + path + " was not found"));
                return;
            }
            Queue<Reply> own = scriptFor.get(String.valueOf(first(form, "To")));
            Reply canned = own == null || own.isEmpty() ? script.poll() : own.poll();
            if (canned != null && canned.status == -1) {
                exchange.close();
                return;
            }
            if (canned != null && canned.body != null) {
                respond(exchange, canned.status, canned.contentType, canned.body);
                return;
            }
            if (list) {
                listMessages(exchange, messages.group(1), form);
            } else {
                createMessage(exchange, messages.group(1), form);
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, errorJson(500, 20500, "Internal Server Error"));
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private void createMessage(HttpExchange exchange, String pathAccount, Map<String, List<String>> form)
            throws IOException {
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            respond(exchange, 401, errorJson(401, 20003, "Authenticate"));
            return;
        }
        if (!accountSid.equals(pathAccount)) {
            respond(exchange, 404, errorJson(404, 20404,
                    "The requested resource " + exchange.getRequestURI().getPath() + " was not found"));
            return;
        }
        String to = first(form, "To");
        String body = first(form, "Body");
        String from = first(form, "From");
        String service = first(form, "MessagingServiceSid");
        String refusal = null;
        int code = 0;
        if (to == null) {
            code = 21604;
            refusal = "A 'To' phone number is required.";
        } else if (from == null && service == null) {
            code = 21603;
            refusal = "A 'From' phone number is required.";
        } else if (body == null && first(form, "MediaUrl") == null && first(form, "ContentSid") == null) {
            code = 21602;
            refusal = "Message body is required.";
        } else if (!E164.matcher(to).matches()) {
            code = 21211;
            refusal = "The 'To' number " + to + " is not a valid phone number.";
        } else if (body != null && body.length() > MAX_BODY) {
            code = 21617;
            refusal = "The concatenated message body exceeds the 1600 character limit.";
        } else if (unsubscribed.contains(to)) {
            code = 21610;
            refusal = "Attempt to send to unsubscribed recipient";
        }
        if (refusal != null) {
            respond(exchange, 400, errorJson(400, code, refusal));
            return;
        }
        // Through a Messaging Service Twilio answers before it has picked a sender: no from, 0 segments, accepted.
        boolean viaService = service != null;
        Message message = new Message("SM" + hex(16), to, viaService ? null : from, service, body,
                first(form, "StatusCallback"), viaService ? "accepted" : "queued",
                viaService ? 0 : segments(body), ZonedDateTime.now(ZoneOffset.UTC).withNano(0));
        accepted.add(message);
        respond(exchange, 201, messageJson(message));
    }

    /**
     * {@code GET …/Messages.json?To=…&PageSize=…}: the first page of the messages it took, newest first (Twilio
     * sorts by DateSent; the fake sends nothing, so every message is still queued and ordered by creation).
     * Filters {@code To} and {@code From}; the {@code DateSent} filters are refused, as no message here has one.
     */
    private void listMessages(HttpExchange exchange, String pathAccount, Map<String, List<String>> query)
            throws IOException {
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            respond(exchange, 401, errorJson(401, 20003, "Authenticate"));
            return;
        }
        if (!accountSid.equals(pathAccount)) {
            respond(exchange, 404, errorJson(404, 20404,
                    "The requested resource " + exchange.getRequestURI().getPath() + " was not found"));
            return;
        }
        if (query.keySet().stream().anyMatch(name -> name.startsWith("DateSent"))) {
            throw new UnsupportedOperationException("the fake keeps no DateSent");
        }
        String to = first(query, "To");
        String from = first(query, "From");
        int pageSize = first(query, "PageSize") == null ? 50 : Integer.parseInt(first(query, "PageSize"));
        List<Message> newestFirst = new ArrayList<>(accepted);
        Collections.reverse(newestFirst);
        List<Map<String, Object>> page = newestFirst.stream()
                .filter(m -> to == null || to.equals(m.to()))
                .filter(m -> from == null || from.equals(m.from()))
                .limit(pageSize)
                .map(this::messageFields)
                .toList();
        String uri = "/" + API_VERSION + "/Accounts/" + accountSid + "/Messages.json";
        String filter = (to == null ? "" : "&To=" + URLEncoder.encode(to, StandardCharsets.UTF_8))
                + (from == null ? "" : "&From=" + URLEncoder.encode(from, StandardCharsets.UTF_8));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("end", Math.max(0, page.size() - 1));
        json.put("first_page_uri", uri + "?PageSize=" + pageSize + filter + "&Page=0");
        json.put("messages", page);
        json.put("next_page_uri", null);
        json.put("page", 0);
        json.put("page_size", pageSize);
        json.put("previous_page_uri", null);
        json.put("start", 0);
        json.put("uri", uri + "?PageSize=" + pageSize + filter + "&Page=0");
        respond(exchange, 200, write(json));
    }

    /** The list calls it answered (any status), e.g. to count what looking messages up costs. */
    public long lookups() {
        return received.stream().filter(r -> "GET".equals(r.method()) && MESSAGES.matcher(r.path()).matches())
                .count();
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                    StandardCharsets.UTF_8);
            return credentials.equals(accountSid + ":" + authToken);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String messageJson(Message message) {
        return write(messageFields(message));
    }

    private Map<String, Object> messageFields(Message message) {
        String uri = "/" + API_VERSION + "/Accounts/" + accountSid + "/Messages/" + message.sid();
        String created = RFC_2822.format(message.created());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("api_version", API_VERSION);
        json.put("body", message.body());
        json.put("date_created", created);
        json.put("date_sent", null);
        json.put("date_updated", created);
        json.put("direction", "outbound-api");
        json.put("error_code", null);
        json.put("error_message", null);
        json.put("from", message.from());
        json.put("messaging_service_sid", message.messagingServiceSid());
        json.put("num_media", "0");
        json.put("num_segments", Integer.toString(message.segments()));
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("sid", message.sid());
        json.put("status", message.status());
        json.put("subresource_uris", Map.of("media", uri + "/Media.json"));
        json.put("to", message.to());
        json.put("uri", uri + ".json");
        return json;
    }

    static String errorJson(int httpStatus, int code, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        json.put("message", message);
        json.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        json.put("status", httpStatus);
        return write(json);
    }

    private void pause() {
        Duration wait = delay;
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        respond(exchange, status, "application/json", json);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Twilio-Request-Id", "RQ" + hex(16));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, List<String>> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        return pairs(raw == null ? "" : raw);
    }

    private static Map<String, List<String>> form(HttpExchange exchange) throws IOException {
        return pairs(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> pairs(String text) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return form;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String write(Map<String, Object> json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    // GSM 03.38: the basic set costs one septet, the extension set two; anything else makes the message UCS-2.
    private static final String GSM7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "^{}\\[~]|€\f";

    /** SMS segments for {@code body}: 160 septets in one, 153 each when split; in UCS-2, 70 and 67. */
    static int segments(String body) {
        if (body == null || body.isEmpty()) {
            return 1;
        }
        int septets = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (GSM7.indexOf(c) >= 0) {
                septets++;
            } else if (GSM7_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                int units = body.length();
                return units <= 70 ? 1 : (units + 66) / 67;
            }
        }
        return septets <= 160 ? 1 : (septets + 152) / 153;
    }
}
