package sg.linkup.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node started as production starts it (README "Operations endpoints"): with
 * {@code --postbootcommandfile config/post-boot-production.asadmin} and an HTTPS port. /metrics then answers only
 * a signed-in ADMIN over HTTPS, while the load balancer's health check and the API description stay open. The
 * other ITs run Payara as the dev run does, /metrics open. Not Arquillian: it needs Payara's own command line.
 */
class ProtectedMetricsIT {

    private static final Duration STARTUP = Duration.ofMinutes(10);
    private static final Path DIR = Path.of("target", "protected-metrics-it").toAbsolutePath();
    private static final String COUNTER_PASSWORD = "a-long-enough-pass-1";

    private static Process node;
    private static int httpPort;
    private static int httpsPort;
    private static HttpClient http;
    private static String counter;

    @BeforeAll
    static void startAProductionNode() throws Exception {
        httpPort = freePort();
        httpsPort = freePort();
        Files.createDirectories(DIR);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx512m", "-Duser.timezone=UTC", "-Djava.io.tmpdir=" + DIR,
                // The same database and bootstrap admin as the Arquillian nodes (arquillian.xml), sweeps off.
                "-Dlinkup.bootstrap.admin-username=" + Api.ADMIN,
                "-Dlinkup.bootstrap.admin-password=" + Api.ADMIN_PASSWORD,
                "-Dlinkup.password.pbkdf2-iterations=1024", "-Dlinkup.notify.poll-millis=0",
                "-Dlinkup.booking.no-show-sweep-seconds=0", "-Dlinkup.waitlist.sweep-seconds=0",
                "-Dlinkup.reports.rollup-sweep-seconds=0",
                "-jar", System.getProperty("payara.microJar"), "--deploy", System.getProperty("it.war"),
                "--contextroot", "/", "--port", String.valueOf(httpPort), "--sslport", String.valueOf(httpsPort),
                "--nocluster", "--rootdir", DIR.resolve("root-" + UUID.randomUUID()).toString(),
                "--postbootcommandfile", Path.of("config", "post-boot-production.asadmin").toAbsolutePath()
                        .toString()));
        node = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(DIR.resolve("payara.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(node::destroyForcibly));
        http = HttpClient.newBuilder().sslContext(trustingTheNodesOwnCertificate())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        awaitReady();

        var office = send(https("/api/offices"), Api.basic(Api.ADMIN, Api.ADMIN_PASSWORD),
                CatalogueIT.office("PM-" + UUID.randomUUID().toString().substring(0, 8), "SSO@Metrics"));
        assertEquals(201, office.statusCode(), office::body);
        counter = "m" + UUID.randomUUID().toString().substring(0, 8);
        var staff = send(https("/api/staff"), Api.basic(Api.ADMIN, Api.ADMIN_PASSWORD), """
                {"username":"%s","displayName":"Counter","role":"COUNTER_STAFF","officeIds":[%s],"password":"%s"}"""
                .formatted(counter, office.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""),
                        COUNTER_PASSWORD));
        assertEquals(201, staff.statusCode(), staff::body);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (node != null) {
            node.destroy();
            if (!node.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    @Test
    void anAnonymousCallerGetsAProblemNotTheMetrics() throws Exception {
        var metrics = send(https("/metrics"), null, null);
        assertEquals(401, metrics.statusCode(), metrics::body);
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                metrics::toString);
        assertEquals(401, send(https("/metrics?scope=application"), null, null).statusCode());
    }

    @Test
    void staffWhoAreNotAdminsAreRefused() throws Exception {
        var metrics = send(https("/metrics?scope=application"), Api.basic(counter, COUNTER_PASSWORD), null);
        assertEquals(403, metrics.statusCode(), metrics::body);
    }

    @Test
    void anAdminReadsThemOverHttps() throws Exception {
        var metrics = send(https("/metrics?scope=application"), Api.basic(Api.ADMIN, Api.ADMIN_PASSWORD), null);
        assertEquals(200, metrics.statusCode(), metrics::body);
        assertTrue(OpenMetrics.parse(metrics.body()).has("linkup_bookings_total", "outcome", "booked"),
                metrics::body);
    }

    @Test
    void plainHttpIsSentToHttpsAndServesNothing() throws Exception {
        var metrics = send(URI.create("http://localhost:" + httpPort + "/metrics"),
                Api.basic(Api.ADMIN, Api.ADMIN_PASSWORD), null);
        assertEquals(302, metrics.statusCode(), metrics::body);
        assertEquals("https://localhost:" + httpsPort + "/metrics",
                metrics.headers().firstValue("Location").orElse(null));
        assertTrue(!metrics.body().contains("linkup_"), metrics::body);
    }

    @Test
    void theHealthCheckAndTheApiDescriptionStayOpen() throws Exception {
        assertEquals(200, send(URI.create("http://localhost:" + httpPort + "/health/ready"), null, null)
                .statusCode(), "the load balancer's health check needs no credentials");
        var openapi = send(URI.create("http://localhost:" + httpPort + "/openapi"), null, null);
        assertEquals(200, openapi.statusCode(), openapi::body);
        assertTrue(openapi.body().contains("/api/bookings"), "the API description is public: it holds no data");
    }

    private static URI https(String path) {
        return URI.create("https://localhost:" + httpsPort + path);
    }

    private static HttpResponse<String> send(URI uri, String authorization, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitReady() throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                fail("Payara stopped while starting; see " + DIR.resolve("payara.log"));
            }
            try {
                if (send(URI.create("http://localhost:" + httpPort + "/health/ready"), null, null).statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        fail("Payara not ready after " + STARTUP + "; see " + DIR.resolve("payara.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Payara Micro's HTTPS listener has a self-signed certificate for localhost. This client trusts any certificate:
     * it talks only to the node this test started, on localhost.
     */
    private static SSLContext trustingTheNodesOwnCertificate() throws Exception {
        TrustManager trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        return context;
    }
}
