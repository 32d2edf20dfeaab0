package sg.linkup.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import sg.linkup.ui.Browser;
import sg.linkup.ui.Setup;

/**
 * Issue 14's web UI figures, in headless Chromium against the WAR on Payara Micro and MariaDB (the ITs' container
 * settings):
 * <ul>
 *   <li><b>first load of the booking screen, cold cache</b>: each run in a new browser with a new, empty profile
 *       (no HTTP cache, no code cache, no open connection); the session cookie is set through CDP before the first
 *       navigation, so nothing is fetched before the measured load. Measured in the page from navigation start
 *       ({@code performance.timeOrigin}) to the first animation frame in which the screen is usable: the heading
 *       "Book a session: …", the need list, every custom element defined and no font loading. Then "choose the need"
 *       → the first free time drawn (the officer's own choosing left out). Bytes: the Resource Timing
 *       {@code transferSize} of the document and of every resource (modules, SGDS, font, API calls; headers
 *       included), cross-checked against CDP's {@code Network.loadingFinished} {@code encodedDataLength} from
 *       chromedriver's performance log (which also sees the favicon request the page does not make itself).</li>
 *   <li><b>warm load</b>: the same load in a browser that has loaded the app before (about:blank, then the screen).</li>
 *   <li><b>confirm → confirmation shown</b>: in the warm browser, a fresh free time is held, "Continue", then the
 *       click on "Confirm booking" (the click event's time stamp) to the first frame with the "Booked" heading.
 *       The ITs' {@code hold-seconds=3} holds here too; the hold is taken and confirmed by the driver within about
 *       half a second, and every run says whether the hold had lapsed when Confirm was clicked.</li>
 * </ul>
 * A benchmark, not a test: it prints its figures and writes them to {@code target/bench/ui.txt}; it asserts no
 * timing. {@code mvn -B -o -Pbench verify -Dit.test=UiBench}.
 */
@ExtendWith(ArquillianExtension.class)
class UiBench {

    private static final int RUNS = 20;
    private static final int WARM_UP = 3;
    private static final Path OUT = Path.of("target", "bench");

    /** Runs in every new document before the page's own scripts: notes the first frame the screen is usable. */
    private static final String OBSERVE_LOAD = """
            (() => {
              const bench = window.__bench = { usable: null, times: null };
              const usable = () => {
                const h1 = document.querySelector('main h1');
                return h1 !== null && h1.textContent.startsWith('Book a session') && document.getElementById('domain') !== null
                  && document.querySelector(':not(:defined)') === null && document.fonts.status === 'loaded';
              };
              const tick = () => { if (usable()) { bench.usable = performance.now(); } else { requestAnimationFrame(tick); } };
              requestAnimationFrame(tick);
            })();""";

    /** Chooses the need (and the service, if the screen did not take the only one) and notes the first free time drawn. */
    private static final String CHOOSE = """
            const bench = window.__bench;
            const domain = document.getElementById('domain');
            bench.chose = performance.now();
            domain.value = 'EMPLOYMENT';
            domain.dispatchEvent(new Event('change', { bubbles: true }));
            const service = document.getElementById('service');
            if (service.value !== arguments[0]) {
              service.value = arguments[0];
              service.dispatchEvent(new Event('change', { bubbles: true }));
            }
            const tick = () => { if (document.querySelector('.time-button')) { bench.times = performance.now(); } else { requestAnimationFrame(tick); } };
            requestAnimationFrame(tick);""";

    /** What the page fetched so far, by Resource Timing: [url, type, transferSize, encodedBodySize, decodedBodySize, start, end]. */
    private static final String RESOURCES = """
            return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
              .map(e => [e.name, e.initiatorType, e.transferSize, e.encodedBodySize, e.decodedBodySize,
                         e.startTime, e.responseEnd]);""";

    /** The document's own milestones, ms from navigation start. */
    private static final String MILESTONES = """
            const n = performance.getEntriesByType('navigation')[0];
            return { 'document received': n.responseEnd, 'DOMContentLoaded': n.domContentLoadedEventEnd,
                     'load event': n.loadEventEnd };""";

    /** Notes the click on Confirm and the first frame that shows the confirmation. */
    private static final String OBSERVE_CONFIRM = """
            const bench = window.__bench;
            bench.click = null; bench.booked = null;
            document.addEventListener('click', event => {
              if (bench.click === null && event.composedPath().some(node => node.id === 'confirm')) { bench.click = event.timeStamp; }
            }, true);
            const tick = () => {
              const heading = document.getElementById('booked-heading');
              if (heading !== null && heading.textContent === 'Booked' && document.getElementById('booked') !== null) {
                bench.booked = performance.now();
              } else { requestAnimationFrame(tick); }
            };
            requestAnimationFrame(tick);""";

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    @ArquillianResource
    URL deployment;

    private String base;

    @Test
    void bookingScreenLoadAndConfirm() throws Exception {
        base = deployment.toString().replaceFirst("^http://[^/:]+", "http://localhost").replaceAll("/+$", "") + "/";
        Setup setup = new Setup(deployment);
        long office = setup.openOffice("SSO@Bench Kallang", 1.3117, 103.8711);
        long service = setup.service("Career coaching", "Bimbingan kerjaya", office);
        String counter = setup.staff("COUNTER_STAFF", office);
        List<Long> clients = new ArrayList<>();
        for (int i = 0; i < RUNS + WARM_UP + 1; i++) {
            clients.add(setup.malayClient(office, "Bench Client " + i, "+65" + Setup.mobile()));
        }
        String cookie = signIn(counter);
        StringBuilder report = new StringBuilder();
        MachineLoad load = MachineLoad.start();

        // --- cold: a new browser and profile per run ---
        List<Load> cold = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            try (Chromium browser = new Chromium(cookie)) {
                Load measured = browser.load(clients.get(0), service);
                if (i >= WARM_UP) {
                    cold.add(measured);
                }
            }
        }
        double coldBusy = load.busyPercent();

        // --- warm: one browser that has loaded the app; each run also books, timing confirm → confirmation ---
        List<Load> warm = new ArrayList<>();
        List<Confirm> confirms = new ArrayList<>();
        MachineLoad warmLoad = MachineLoad.start();
        try (Chromium browser = new Chromium(cookie)) {
            browser.load(clients.get(0), service);  // fills the cache
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                Load measured = browser.load(clients.get(i + 1), service);
                Confirm confirm = browser.confirm();
                if (i >= WARM_UP) {
                    warm.add(measured);
                    confirms.add(confirm);
                }
            }
        }
        double warmBusy = warmLoad.busyPercent();

        report.append(String.format(Locale.ROOT, "Web UI, booking screen: %d measured runs each after %d unmeasured; "
                + "headless Chromium %s; machine busy %.0f %% (cold runs), %.0f %% (warm runs) of %d cores%n",
                RUNS, WARM_UP, Chromium.version, coldBusy, warmBusy, Runtime.getRuntime().availableProcessors()));
        report.append(String.format(Locale.ROOT, "%-52s %8s %8s %8s%n", "ms", "median", "p95", "max"));
        row(report, "cold: navigation -> screen usable", cold.stream().mapToDouble(Load::usable).toArray());
        row(report, "cold: choose need -> free times shown", cold.stream().mapToDouble(Load::times).toArray());
        row(report, "cold: navigation -> free times (no choosing time)",
                cold.stream().mapToDouble(l -> l.usable() + l.times()).toArray());
        row(report, "warm: navigation -> screen usable", warm.stream().mapToDouble(Load::usable).toArray());
        row(report, "warm: choose need -> free times shown", warm.stream().mapToDouble(Load::times).toArray());
        row(report, "confirm click -> confirmation shown", confirms.stream().mapToDouble(Confirm::ms).toArray());
        row(report, "  of which POST api/bookings (request -> response)",
                confirms.stream().mapToDouble(Confirm::post).toArray());
        long lapsed = confirms.stream().filter(Confirm::lapsed).count();
        report.append(String.format(Locale.ROOT, "holds lapsed before Confirm: %d of %d (time from holding to Confirm: "
                        + "median %.0f ms, max %.0f ms; hold-seconds=3)%n", lapsed, confirms.size(),
                Latencies.of(confirms.stream().mapToDouble(Confirm::heldFor).toArray()).p50(),
                Latencies.of(confirms.stream().mapToDouble(Confirm::heldFor).toArray()).max()));
        report.append(String.format(Locale.ROOT, "%-52s %8s %8s %8s %10s%n", "bytes (until free times shown)",
                "requests", "transfer", "encoded", "decoded"));
        bytes(report, "cold (Resource Timing transferSize)", median(cold), false);
        bytes(report, "  cold, of which before the need is chosen", median(cold), true);
        bytes(report, "warm (Resource Timing transferSize)", median(warm), false);
        Load sample = median(cold);
        report.append(String.format(Locale.ROOT, "cold, CDP Network.loadingFinished: %d requests, %d bytes "
                + "encodedDataLength (headers included)%n", sample.cdpRequests(), sample.cdpBytes()));
        Load warmSample = median(warm);
        report.append(String.format(Locale.ROOT, "warm, CDP Network.loadingFinished: %d requests, %d bytes%n",
                warmSample.cdpRequests(), warmSample.cdpBytes()));
        report.append("cold load, one run (the one with the median time to usable), in the order requested; ms from navigation start:\n");
        report.append(String.format(Locale.ROOT, "  %-62s %-10s %9s %9s %9s %7s %7s%n", "url", "type", "transfer",
                "encoded", "decoded", "start", "end"));
        sample.resources().stream().sorted(Comparator.comparingDouble(Resource::start))
                .forEach(r -> report.append(String.format(Locale.ROOT, "  %-62s %-10s %9d %9d %9d %7.0f %7.0f%n",
                        r.shortName(base), r.type(), r.transfer(), r.encoded(), r.decoded(), r.start(), r.end())));
        sample.milestones().forEach((name, at) -> report.append(String.format(Locale.ROOT, "  %-20s %7.0f ms%n", name,
                ((Number) at).doubleValue())));
        System.out.print(report);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("ui.txt"), report);
    }

    /** The run with the median time to a usable screen, for the bytes and the waterfall. */
    private static Load median(List<Load> loads) {
        return loads.stream().sorted(Comparator.comparingDouble(Load::usable)).toList().get(loads.size() / 2);
    }

    private static void row(StringBuilder report, String name, double[] millis) {
        Latencies l = Latencies.of(millis);
        report.append(String.format(Locale.ROOT, "%-52s %8.0f %8.0f %8.0f%n", name, l.p50(), l.p95(), l.max()));
    }

    private static void bytes(StringBuilder report, String name, Load all, boolean beforeChoosing) {
        double chose = ((Number) all.milestones().get("need chosen")).doubleValue();
        Load load = new Load(all.usable(), all.times(), all.resources().stream()
                .filter(r -> !beforeChoosing || r.start() < chose).toList(), 0, 0, all.milestones());
        long transfer = load.resources().stream().mapToLong(Resource::transfer).sum();
        long encoded = load.resources().stream().mapToLong(Resource::encoded).sum();
        long decoded = load.resources().stream().mapToLong(Resource::decoded).sum();
        long fetched = load.resources().stream().filter(r -> r.transfer() > 0).count();
        report.append(String.format(Locale.ROOT, "%-52s %8s %8d %8d %10d%n", name,
                load.resources().size() + " (" + fetched + " net)", transfer, encoded, decoded));
    }

    /** POST api/session as the officer; answers the session cookie "name=value". */
    private String signIn(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "api/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, Setup.PASSWORD))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IllegalStateException("sign-in: " + response.statusCode() + " " + response.body());
        }
        return SignInCookies.of(response);
    }

    record Resource(String url, String type, long transfer, long encoded, long decoded, double start, double end) {
        String shortName(String base) {
            String name = url.startsWith(base) ? url.substring(base.length()) : url;
            name = name.isEmpty() ? "(document)" : name;
            return name.length() > 62 ? "…" + name.substring(name.length() - 61) : name;
        }
    }

    record Load(double usable, double times, List<Resource> resources, int cdpRequests, long cdpBytes,
                Map<String, Object> milestones) {
    }

    record Confirm(double ms, double post, boolean lapsed, double heldFor) {
    }

    /** A headless Chromium as the browser ITs start it, plus the performance log (CDP network events). */
    private final class Chromium implements AutoCloseable {

        static String version = "?";
        private final ChromeDriver driver;
        private final Path profile;

        Chromium(String cookie) throws IOException {
            profile = Files.createTempDirectory("chromium-bench");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(Browser.CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(Browser.DRIVER)).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            version = String.valueOf(driver.getCapabilities().getBrowserVersion());
            String[] nameValue = cookie.split("=", 2);
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setCookie", Map.of("name", nameValue[0], "value", nameValue[1],
                    "url", base, "httpOnly", true, "sameSite", "Strict"));
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVE_LOAD));
        }

        /** Opens the booking screen for the client (from about:blank: a full load) and waits for the free times. */
        Load load(long client, long service) {
            driver.get("about:blank");
            driver.manage().logs().get(LogType.PERFORMANCE);  // what came before is not this load's
            driver.get(base + "#/book?client=" + client);
            Number usable = until("the booking screen to be usable", "return window.__bench && window.__bench.usable;");
            script(CHOOSE, String.valueOf(service));
            Number times = until("free times", "return window.__bench.times;");
            double chose = ((Number) script("return window.__bench.chose;")).doubleValue();
            @SuppressWarnings("unchecked")
            Map<String, Object> milestones = new LinkedHashMap<>((Map<String, Object>) script(MILESTONES));
            List<Resource> resources = new ArrayList<>();
            for (Object entry : (List<?>) script(RESOURCES)) {
                List<?> e = (List<?>) entry;
                resources.add(new Resource((String) e.get(0), (String) e.get(1), ((Number) e.get(2)).longValue(),
                        ((Number) e.get(3)).longValue(), ((Number) e.get(4)).longValue(),
                        ((Number) e.get(5)).doubleValue(), ((Number) e.get(6)).doubleValue()));
            }
            sleep(300);  // the last loadingFinished events reach the log
            Map<String, Long> finished = new LinkedHashMap<>();
            Map<String, String> urls = new HashMap<>();
            Json json = new Json();
            for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
                Map<String, Object> message = json.toType(entry.getMessage(), Json.MAP_TYPE);
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) message.get("message");
                @SuppressWarnings("unchecked")
                Map<String, Object> params = (Map<String, Object>) inner.get("params");
                String method = (String) inner.get("method");
                if ("Network.requestWillBeSent".equals(method)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> request = (Map<String, Object>) params.get("request");
                    urls.put((String) params.get("requestId"), (String) request.get("url"));
                } else if ("Network.loadingFinished".equals(method)) {
                    finished.put((String) params.get("requestId"), ((Number) params.get("encodedDataLength")).longValue());
                }
            }
            finished.keySet().removeIf(id -> !urls.containsKey(id) || urls.get(id).startsWith("data:"));
            milestones.put("screen usable", usable);
            milestones.put("need chosen", chose);
            milestones.put("free times shown", times);
            return new Load(usable.doubleValue(), times.doubleValue() - chose, resources, finished.size(),
                    finished.values().stream().mapToLong(Long::longValue).sum(), milestones);
        }

        /** Holds the first free time, continues, and clicks Confirm: the click to the confirmation shown. */
        Confirm confirm() {
            driver.findElement(By.cssSelector(".time-button")).click();
            long held = System.nanoTime();
            await(By.id("held"));
            await(By.id("continue")).click();
            await(By.id("check-heading"));
            script(OBSERVE_CONFIRM);
            boolean lapsed = !driver.findElements(By.id("hold-lapsed")).isEmpty();
            await(By.id("confirm")).click();
            double heldFor = (System.nanoTime() - held) / 1e6;
            until("the confirmation", "return window.__bench.booked;");
            double click = ((Number) script("return window.__bench.click;")).doubleValue();
            double booked = ((Number) script("return window.__bench.booked;")).doubleValue();
            Number post = (Number) script("""
                    const posts = performance.getEntriesByType('resource')
                      .filter(e => e.initiatorType === 'fetch' && e.name.endsWith('api/bookings') && e.startTime >= arguments[0]);
                    return posts.length ? posts[posts.length - 1].responseEnd - posts[posts.length - 1].startTime : -1;""",
                    click);
            return new Confirm(booked - click, post.doubleValue(), lapsed, heldFor);
        }

        private org.openqa.selenium.WebElement await(By by) {
            return new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
                var found = d.findElements(by);
                return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
            });
        }

        private Number until(String what, String script) {
            return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(20))
                    .withMessage(() -> what + "; the page shows: " + driver.findElement(By.tagName("body")).getText())
                    .until(d -> (Number) ((JavascriptExecutor) d).executeScript(script));
        }

        private Object script(String script, Object... arguments) {
            return ((JavascriptExecutor) driver).executeScript(script, arguments);
        }

        @Override
        public void close() throws IOException {
            driver.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
