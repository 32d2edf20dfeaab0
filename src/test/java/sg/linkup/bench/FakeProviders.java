package sg.linkup.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import sg.linkup.notification.sms.twilio.FakeTwilio;

/**
 * The test tree's fake Twilio (and a GreenMail SMTP sink for the invitations) as a process of its own, for the
 * two-node cluster of {@code bench/cluster.sh} ({@code FAKE_PROVIDERS=1}): both nodes send to it, and
 * {@code bench/faults.sh} counts at it what reached the provider — every accepted message once, so a text that
 * went twice shows as two. Not a test; started with the test classpath:
 *
 * <pre>java -cp target/test-classes:target/classes:&lt;test classpath&gt; sg.linkup.bench.FakeProviders
 *     TWILIO_PORT CONTROL_PORT SMTP_PORT DELAY_MILLIS</pre>
 *
 * The control port (loopback, plain JSON) answers {@code GET /stats} (accepted, requests, list calls, most in
 * flight), {@code GET /accepted?from=N} (the accepted messages from the N-th on, one JSON object a line, in the
 * order they were taken) and {@code POST /delay?millis=N} (how long Twilio takes to answer from now on).
 */
public final class FakeProviders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeProviders() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: FakeProviders TWILIO_PORT CONTROL_PORT SMTP_PORT DELAY_MILLIS");
            System.exit(64);
        }
        int twilioPort = Integer.parseInt(args[0]);
        int controlPort = Integer.parseInt(args[1]);
        int smtpPort = Integer.parseInt(args[2]);
        // Both nodes' 64 senders each, plus the list calls of a take-over, without queueing at the fake.
        FakeTwilio twilio = new FakeTwilio(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN, 256).start(twilioPort);
        twilio.delay(Duration.ofMillis(Long.parseLong(args[3])));
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        smtp.start();

        HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), controlPort),
                64);
        control.setExecutor(Executors.newFixedThreadPool(4));
        control.createContext("/stats", exchange -> {
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("accepted", twilio.accepted().size());
            stats.put("requests", twilio.received().size());
            stats.put("lookups", twilio.lookups());
            stats.put("maxInFlight", twilio.maxInFlight());
            respond(exchange, 200, JSON.writeValueAsString(stats) + "\n");
        });
        control.createContext("/accepted", exchange -> {
            int from = Integer.parseInt(param(exchange, "from", "0"));
            List<FakeTwilio.Message> accepted = twilio.accepted();
            StringBuilder lines = new StringBuilder();
            for (int i = from; i < accepted.size(); i++) {
                FakeTwilio.Message m = accepted.get(i);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("i", i);
                line.put("sid", m.sid());
                line.put("to", m.to());
                line.put("body", m.body());
                line.put("created", m.created().toString());
                lines.append(JSON.writeValueAsString(line)).append('\n');
            }
            respond(exchange, 200, lines.toString());
        });
        control.createContext("/delay", exchange -> {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"error\":\"POST /delay?millis=N\"}\n");
                return;
            }
            twilio.delay(Duration.ofMillis(Long.parseLong(param(exchange, "millis", "0"))));
            respond(exchange, 204, "");
        });
        control.start();
        System.out.println("FakeProviders: Twilio " + twilio.baseUrl() + " (answers after " + args[3]
                + " ms), SMTP 127.0.0.1:" + smtpPort + ", control http://127.0.0.1:" + controlPort);
        // Ends with the process (SIGTERM from cluster.sh stop): nothing here needs saving.
        new CountDownLatch(1).await();
    }

    private static String param(HttpExchange exchange, String name, String otherwise) {
        String query = exchange.getRequestURI().getQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return otherwise;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }
}
