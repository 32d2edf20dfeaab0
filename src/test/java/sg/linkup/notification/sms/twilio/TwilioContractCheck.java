package sg.linkup.notification.sms.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import sg.linkup.notification.sms.SmsFailure;
import sg.linkup.notification.sms.SmsSender.Receipt;
import sg.linkup.notification.sms.SmsSender.Sms;
import sg.linkup.notification.sms.twilio.FakeTwilio.Reply;
import sg.linkup.notification.sms.twilio.TwilioSms.Settings;

/**
 * Checks {@link TwilioSms} and {@link FakeTwilio} against Twilio's own OpenAPI description of the 2010-04-01 API
 * (the file {@code twilio_api_v2010.json} that {@code @twilio/cli-core} ships). Not a test: it needs Prism and
 * the spec, which {@code bench/twilio-contract.sh} installs, starts and passes in:
 *
 * <pre>java … TwilioContractCheck SPEC MOCK_URL PROXY_URL FAKE_PORT</pre>
 *
 * <ul>
 * <li>the real SDK, as {@link TwilioSms} configures it, against {@code prism mock --errors}: Prism refuses any
 * request the spec does not allow, and answers with the spec's example Message, which the SDK must read;</li>
 * <li>the same through {@code prism proxy --errors} to a {@link FakeTwilio} on {@code FAKE_PORT}: Prism checks
 * the request and the fake's answer against the spec;</li>
 * <li>the fake's 201 body against the {@code api.v2010.account.message} schema, key by key (Prism does not
 * complain about missing or extra properties), and its error body against Twilio's documented error fields;</li>
 * <li>the Messages list ({@code GET}, the outbox's lookup): the SDK reads the fake's list, the query it sent is
 * replayed through the mock and the proxy, and the fake's list and its messages are compared with the schemas.</li>
 * </ul>
 * Prints one line per finding and exits 1 if any check failed.
 */
public final class TwilioContractCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESSAGE_SCHEMA = "api.v2010.account.message";
    private static final String CLIENT = "+6591234567";
    private static final String BODY = "Linkup: your session at Bukit Merah SSO is on 4 Mar, 10:00. Reply C to cancel.";
    private static final String CALLBACK = "https://linkup.example.gov.sg/api/webhooks/twilio/status";
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    private final JsonNode spec;
    private final String mockUrl;
    private final String proxyUrl;
    private final FakeTwilio fake;
    private final HttpClient http = HttpClient.newHttpClient();
    private int failures;

    private TwilioContractCheck(JsonNode spec, String mockUrl, String proxyUrl, FakeTwilio fake) {
        this.spec = spec;
        this.mockUrl = mockUrl;
        this.proxyUrl = proxyUrl;
        this.fake = fake;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: TwilioContractCheck SPEC MOCK_URL PROXY_URL FAKE_PORT");
            System.exit(2);
        }
        JsonNode spec = JSON.readTree(new File(args[0]));
        int failed;
        try (FakeTwilio fake = new FakeTwilio().start(Integer.parseInt(args[3]))) {
            TwilioContractCheck check = new TwilioContractCheck(spec, args[1], args[2], fake);
            check.run();
            failed = check.failures;
        }
        System.out.println(failed == 0 ? "CONTRACT OK" : "CONTRACT FAILED: " + failed + " check(s)");
        System.exit(failed == 0 ? 0 : 1);
    }

    private void run() throws Exception {
        System.out.println("spec: " + spec.path("info").path("title").asText() + " "
                + spec.path("info").path("version").asText() + ", openapi " + spec.path("openapi").asText());

        sendThroughSdk("mock: SDK via Messaging Service with StatusCallback", mockUrl,
                FakeTwilio.MESSAGING_SERVICE_SID, null, CALLBACK);
        sendThroughSdk("mock: SDK with From, no StatusCallback", mockUrl, null, FakeTwilio.FROM, null);
        expectStatus("mock: control, a request without To is refused", mockUrl,
                Map.of("Body", BODY, "MessagingServiceSid", FakeTwilio.MESSAGING_SERVICE_SID), true, 422);
        expectStatus("mock: control, a request without credentials is refused", mockUrl,
                Map.of("To", CLIENT, "Body", BODY, "MessagingServiceSid", FakeTwilio.MESSAGING_SERVICE_SID), false, 401);

        sendThroughSdk("proxy to FakeTwilio: SDK via Messaging Service", proxyUrl,
                FakeTwilio.MESSAGING_SERVICE_SID, null, CALLBACK);
        sendThroughSdk("proxy to FakeTwilio: SDK with From", proxyUrl, null, FakeTwilio.FROM, CALLBACK);
        violations("proxy to FakeTwilio: 201 body, Messaging Service",
                Map.of("To", CLIENT, "Body", BODY, "MessagingServiceSid", FakeTwilio.MESSAGING_SERVICE_SID,
                        "StatusCallback", CALLBACK));
        violations("proxy to FakeTwilio: 201 body, From", Map.of("To", CLIENT, "Body", BODY, "From", FakeTwilio.FROM));
        fake.enqueue(Reply.error(400, 21211, "The 'To' number +6512 is not a valid phone number."));
        violations("proxy to FakeTwilio: 400 error body", Map.of("To", "+6512", "Body", BODY,
                "MessagingServiceSid", FakeTwilio.MESSAGING_SERVICE_SID));

        JsonNode schema = spec.path("components").path("schemas").path(MESSAGE_SCHEMA);
        JsonNode example = spec.path("paths").path("/2010-04-01/Accounts/{AccountSid}/Messages.json").path("post")
                .path("responses").path("201").path("content").path("application/json").path("examples")
                .path("create").path("value");
        compare("FakeTwilio 201 via Messaging Service vs schema " + MESSAGE_SCHEMA, schema, example,
                post(fake.baseUrl(), Map.of("To", CLIENT, "Body", BODY,
                        "MessagingServiceSid", FakeTwilio.MESSAGING_SERVICE_SID), true));
        compare("FakeTwilio 201 with From vs schema " + MESSAGE_SCHEMA, schema, example,
                post(fake.baseUrl(), Map.of("To", CLIENT, "Body", BODY, "From", FakeTwilio.FROM), true));
        errorBody();

        // The lookup of a text whose sending node died: GET of the same URL, filtered by To.
        // Twilio's lists (and the spec's own examples) carry relative page URIs, which Prism's format "uri" refuses:
        // through Prism the SDK gets a 500 for any list, even the mock's own example. So the SDK reads the fake
        // directly, and the request it made is replayed through Prism, which must find nothing else to refuse.
        findThroughSdk("FakeTwilio: SDK lookup, Messages list by To", fake.baseUrl());
        String query = sdkQuery();
        listViolations("mock: the SDK's list request " + query, mockUrl, query);
        listViolations("proxy to FakeTwilio: the SDK's list request and the fake's 200 list body", proxyUrl, query);
        JsonNode list = spec.path("paths").path("/2010-04-01/Accounts/{AccountSid}/Messages.json").path("get")
                .path("responses").path("200").path("content").path("application/json");
        HttpResponse<String> listed = get(fake.baseUrl(), query, true);
        compare("FakeTwilio 200 list vs its schema", resolve(list.path("schema")), firstExample(list), listed, 200);
        if (listed.statusCode() == 200) {
            JsonNode messages = JSON.readTree(listed.body()).path("messages");
            compare("FakeTwilio listed message vs schema " + MESSAGE_SCHEMA, schema, example,
                    messages.size() == 0 ? listed : withBody(listed, messages.get(0).toString()), 200);
        }
    }

    private void findThroughSdk(String name, String baseUrl) {
        TwilioSms sms = new TwilioSms(Settings.of(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN,
                FakeTwilio.MESSAGING_SERVICE_SID, null, URI.create(baseUrl)));
        try {
            pass(name, "read, found " + sms.findSent(CLIENT, BODY, java.time.Instant.now().minusSeconds(600)));
        } catch (SmsFailure e) {
            fail(name, e.kind() + " " + e.getMessage());
        } finally {
            sms.close();
        }
    }

    /** The query string of the last list request that reached the fake: what the SDK put on the wire. */
    private String sdkQuery() {
        List<FakeTwilio.Received> gets = fake.received().stream().filter(r -> "GET".equals(r.method())).toList();
        if (gets.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder();
        gets.get(gets.size() - 1).form().forEach((name, values) -> values.forEach(value -> query
                .append(query.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return query.toString();
    }

    /**
     * Prism's findings on a list request and its answer; the one known disagreement (relative page URIs against
     * {@code format: uri}, which Twilio's real answers and the spec's own examples share) is reported, not failed.
     */
    private void listViolations(String name, String baseUrl, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = get(baseUrl, query, true);
        JsonNode list = JSON.readTree(response.headers().firstValue("sl-violations").orElse("[]"));
        List<String> errors = new ArrayList<>();
        List<String> relativeUris = new ArrayList<>();
        for (JsonNode violation : list) {
            String text = violation.path("location") + " " + violation.path("message").asText();
            if (!"Error".equals(violation.path("severity").asText())) {
                continue;
            }
            if (violation.path("message").asText().endsWith("must match format \"uri\"")
                    && violation.path("location").toString().contains("uri")) {
                relativeUris.add(violation.path("location").path(violation.path("location").size() - 1).asText());
            } else {
                errors.add(text);
            }
        }
        boolean refused = response.statusCode() == 422 || response.statusCode() == 401;
        if (errors.isEmpty() && !refused) {
            pass(name, "no violations" + (relativeUris.isEmpty() ? ""
                    : " but the known one: relative " + relativeUris + " against format \"uri\""));
        } else {
            fail(name, "HTTP " + response.statusCode() + " violations: " + errors + " " + response.body());
        }
    }

    private static JsonNode firstExample(JsonNode content) {
        var examples = content.path("examples").elements();
        return examples.hasNext() ? examples.next().path("value") : JSON.createObjectNode();
    }

    private HttpResponse<String> get(String baseUrl, String query, boolean auth)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/2010-04-01/Accounts/"
                        + FakeTwilio.ACCOUNT_SID + "/Messages.json?" + query))
                .header("Accept", "application/json")
                .GET();
        if (auth) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (FakeTwilio.ACCOUNT_SID + ":" + FakeTwilio.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code response} with another body, to compare one listed message like a created one. */
    private static HttpResponse<String> withBody(HttpResponse<String> response, String body) {
        return new HttpResponse<>() {
            public int statusCode() { return response.statusCode(); }
            public HttpRequest request() { return response.request(); }
            public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
            public java.net.http.HttpHeaders headers() { return response.headers(); }
            public String body() { return body; }
            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return response.sslSession(); }
            public URI uri() { return response.uri(); }
            public HttpClient.Version version() { return response.version(); }
        };
    }

    private void sendThroughSdk(String name, String baseUrl, String service, String from, String callback) {
        Settings settings = Settings.of(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN, service, from,
                URI.create(baseUrl));
        TwilioSms sms = new TwilioSms(settings);
        try {
            Receipt receipt = sms.send(new Sms(CLIENT, BODY, callback));
            pass(name, "sid " + receipt.providerId() + ", status " + receipt.status());
        } catch (SmsFailure e) {
            fail(name, e.kind() + " " + e.getMessage());
        } finally {
            sms.close();
        }
    }

    private void expectStatus(String name, String baseUrl, Map<String, String> form, boolean auth, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = post(baseUrl, form, auth);
        if (response.statusCode() == expected) {
            pass(name, "HTTP " + response.statusCode());
        } else {
            fail(name, "HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /** Prism's findings on the request and on FakeTwilio's answer, from its {@code sl-violations} header. */
    private void violations(String name, Map<String, String> form) throws IOException, InterruptedException {
        HttpResponse<String> response = post(proxyUrl, form, true);
        String found = response.headers().firstValue("sl-violations").orElse("[]");
        JsonNode list = JSON.readTree(found);
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (JsonNode violation : list) {
            String text = violation.path("location") + " " + violation.path("message").asText();
            ("Error".equals(violation.path("severity").asText()) ? errors : warnings).add(text);
        }
        if (errors.isEmpty()) {
            pass(name, "HTTP " + response.statusCode() + (warnings.isEmpty() ? ", no violations"
                    : ", warnings: " + warnings));
        } else {
            fail(name, "HTTP " + response.statusCode() + " violations: " + errors + " warnings: " + warnings);
        }
    }

    /** Keys, types, nullability, patterns, enums, lengths and RFC 2822 dates, property by property. */
    private void compare(String name, JsonNode schema, JsonNode example, HttpResponse<String> response)
            throws IOException {
        compare(name, schema, example, response, 201);
    }

    private void compare(String name, JsonNode schema, JsonNode example, HttpResponse<String> response, int status)
            throws IOException {
        if (response.statusCode() != status) {
            fail(name, "FakeTwilio answered " + response.statusCode() + ": " + response.body());
            return;
        }
        JsonNode body = JSON.readTree(response.body());
        JsonNode properties = schema.path("properties");
        Set<String> specKeys = names(properties);
        Set<String> fakeKeys = names(body);
        Set<String> missing = new TreeSet<>(specKeys);
        missing.removeAll(fakeKeys);
        Set<String> extra = new TreeSet<>(fakeKeys);
        extra.removeAll(specKeys);
        Set<String> notInExample = new TreeSet<>(fakeKeys);
        notInExample.removeAll(names(example));
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing " + missing);
        }
        if (!extra.isEmpty()) {
            problems.add("not in the schema " + extra);
        }
        if (!notInExample.isEmpty()) {
            problems.add("not in the spec's example " + notInExample);
        }
        for (String key : fakeKeys) {
            JsonNode property = resolve(properties.path(key));
            if (!property.isMissingNode()) {
                problems.addAll(valueProblems(key, property, body.get(key)));
            }
        }
        if (problems.isEmpty()) {
            pass(name, specKeys.size() + " properties, all present with the schema's types: " + specKeys);
        } else {
            fail(name, String.join("; ", problems));
        }
    }

    private List<String> valueProblems(String key, JsonNode property, JsonNode value) {
        List<String> problems = new ArrayList<>();
        if (value == null || value.isNull()) {
            if (!property.path("nullable").asBoolean(false)) {
                problems.add(key + " is null but not nullable");
            }
            return problems;
        }
        String type = property.path("type").asText();
        boolean typeOk = switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> true;
        };
        if (!typeOk) {
            problems.add(key + " should be " + type + ", is " + value.getNodeType() + " " + value);
            return problems;
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (property.has("pattern") && !Pattern.compile(property.get("pattern").asText()).matcher(text).find()) {
                problems.add(key + " '" + text + "' does not match " + property.get("pattern").asText());
            }
            if (property.has("minLength") && text.length() < property.get("minLength").asInt()
                    || property.has("maxLength") && text.length() > property.get("maxLength").asInt()) {
                problems.add(key + " has length " + text.length());
            }
            if (property.has("enum")) {
                Set<String> allowed = new TreeSet<>();
                property.get("enum").forEach(v -> allowed.add(v.asText()));
                if (!allowed.contains(text)) {
                    problems.add(key + " '" + text + "' not in " + allowed);
                }
            }
            if ("date-time-rfc-2822".equals(property.path("format").asText())) {
                try {
                    ZonedDateTime.parse(text, RFC_2822);
                } catch (RuntimeException e) {
                    problems.add(key + " '" + text + "' is not an RFC 2822 date");
                }
            }
        }
        return problems;
    }

    /** Twilio documents errors as {code, message, more_info, status}; the v2010 spec declares no error body. */
    private void errorBody() throws IOException, InterruptedException {
        String name = "FakeTwilio error body vs Twilio's error fields (code, message, more_info, status)";
        boolean declared = spec.path("paths").path("/2010-04-01/Accounts/{AccountSid}/Messages.json").path("post")
                .path("responses").size() > 1;
        fake.enqueue(Reply.error(429, 20429, "Too Many Requests"));
        HttpResponse<String> response = post(fake.baseUrl(), Map.of("To", CLIENT, "Body", BODY,
                "MessagingServiceSid", FakeTwilio.MESSAGING_SERVICE_SID), true);
        HttpResponse<String> unauthorized = post(fake.baseUrl(), Map.of("To", CLIENT, "Body", BODY,
                "MessagingServiceSid", FakeTwilio.MESSAGING_SERVICE_SID), false);
        List<String> problems = new ArrayList<>();
        for (HttpResponse<String> error : List.of(response, unauthorized)) {
            JsonNode body = JSON.readTree(error.body());
            if (!body.path("code").isIntegralNumber()) {
                problems.add("code is not an integer in " + body);
            }
            if (!body.path("message").isTextual()) {
                problems.add("message is not a string in " + body);
            }
            if (!body.path("more_info").asText().equals("https://www.twilio.com/docs/errors/" + body.path("code"))) {
                problems.add("more_info does not point to the code's page in " + body);
            }
            if (body.path("status").asInt() != error.statusCode()) {
                problems.add("status is not the HTTP status " + error.statusCode() + " in " + body);
            }
            if (names(body).size() != 4) {
                problems.add("other fields than the four in " + body);
            }
        }
        String note = declared ? "" : " (the spec declares only 201 for CreateMessage, so no schema to compare)";
        if (problems.isEmpty()) {
            pass(name, response.body() + " and " + unauthorized.body() + note);
        } else {
            fail(name, String.join("; ", problems) + note);
        }
    }

    private HttpResponse<String> post(String baseUrl, Map<String, String> form, boolean auth)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : new LinkedHashMap<>(form).entrySet()) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/2010-04-01/Accounts/"
                        + FakeTwilio.ACCOUNT_SID + "/Messages.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (auth) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (FakeTwilio.ACCOUNT_SID + ":" + FakeTwilio.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode resolve(JsonNode property) {
        if (property.has("$ref")) {
            String ref = property.get("$ref").asText();
            return spec.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return property;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private void pass(String name, String detail) {
        System.out.println("PASS  " + name + ": " + detail);
    }

    private void fail(String name, String detail) {
        failures++;
        System.out.println("FAIL  " + name + ": " + detail);
    }
}
