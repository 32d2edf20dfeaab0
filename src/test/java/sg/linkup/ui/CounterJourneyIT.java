package sg.linkup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A counter officer at an SSO, in a real browser against the deployed WAR: signing in, finding a client by the
 * mobile number they read out, registering a new one, correcting details, fixing a number texts cannot reach,
 * signing out. Every state is checked with axe-core (WCAG 2.1 A/AA, zero findings) and photographed under
 * target/screenshots/.
 */
class CounterJourneyIT extends DeployedApp {

    @Test
    void counterSignsInFindsRegistersAndCorrectsClientsThenSignsOut() throws IOException {
        Setup setup = new Setup(deployment);
        long office = setup.office("SSO@Kallang");
        String counter = setup.staff("COUNTER_STAFF", office);
        String known = Setup.mobile();
        setup.client(office, "Nur Aisyah binte Rahman", "+65" + known, "123A");
        long unreachable = setup.client(office, "Tan Ah Kow", "+65" + Setup.mobile(), null);
        setup.smsFailed(unreachable, "INVALID_NUMBER");

        try (Browser browser = new Browser(deployment, "counter-journey")) {
            browser.open("").atHeading("Sign in to Linkup").check("sign-in");

            browser.type("username", counter).type("password", "not-my-password-1").click("sign-in");
            assertTrue(browser.text(By.cssSelector(".error-summary")).contains("username or password is not correct"),
                    "a wrong password is said in words");
            assertEquals("error-summary", browser.focusReaches("error-summary"), "focus moves to what went wrong");
            assertEquals(counter, browser.valueOf("username"), "the username is kept");
            browser.check("wrong-password");

            browser.type("password", Setup.PASSWORD).enter("password");
            browser.atHeading("Find a client").check("find-a-client");
            assertEquals(List.of("Clients", "Today's board", "Waitlist"), navigation(browser),
                    "counter staff see only the screens that exist");

            // Stored as +65XXXXXXXX; read out by the client as "XXXX XXXX".
            String spoken = known.substring(0, 4) + " " + known.substring(4);
            browser.type("find", spoken).enter("find");
            String found = browser.text(By.id("results-caption"));
            assertTrue(found.startsWith("1 client found for mobile number"), found);
            String table = browser.text(By.id("results-table"));
            assertTrue(table.contains("Nur Aisyah binte Rahman") && table.contains("+65 ****" + known.substring(4)),
                    table);
            assertFalse(table.contains(known), "the full number is not shown in a list");
            browser.check("found-by-mobile");

            String newcomer = Setup.mobile();
            browser.type("find", newcomer).enter("find");
            assertTrue(browser.text(By.id("results-caption")).startsWith("No client found"));
            browser.check("nobody-found");
            browser.clickLink("Register this client").atHeading("Register a new client");
            assertEquals(newcomer, browser.valueOf("mobile"), "the number searched for is carried over");
            browser.type("name", "Lim Mei Ling").type("mobile", "6123 4567").type("partialNric", "S1234567D");
            browser.click("save");
            String summary = browser.text(By.cssSelector(".error-summary"));
            assertTrue(summary.contains("a landline cannot receive texts"), summary);
            assertEquals("error-summary", browser.focusReaches("error-summary"), "focus moves to the summary");
            assertTrue(browser.fieldError("mobile").contains("landline"), "the message is repeated at the field");
            assertEquals("Lim Mei Ling", browser.valueOf("name"), "nothing typed is lost");
            browser.check("register-refused");
            browser.clickLink("Enter a mobile number (a landline cannot receive texts)");
            assertEquals("mobile", browser.focusReaches("mobile"), "the summary's link takes the officer to the field");

            // The API names the first value object it refuses; the full NRIC is the next one.
            browser.type("mobile", "+65 " + newcomer).click("save");
            summary = browser.text(By.cssSelector(".error-summary"));
            assertTrue(summary.contains("never the full NRIC"), summary);
            assertTrue(browser.fieldError("partialNric").contains("last three digits"));
            assertFalse(summary.contains("S1234567D"), "the full NRIC is not echoed in the message");
            browser.check("register-refused-nric");
            browser.type("partialNric", "567d").click("save");
            browser.atHeading("Lim Mei Ling");
            assertTrue(browser.text(By.tagName("main")).contains("Client registered."));
            browser.check("registered");

            browser.click("edit").atHeading("Change details: Lim Mei Ling");
            browser.type("email", "not-an-email").click("save");
            assertTrue(browser.fieldError("email").contains("email address"));
            browser.check("edit-refused");
            browser.type("email", "mei.ling@example.com").click("save");
            browser.atHeading("Lim Mei Ling");
            assertTrue(browser.text(By.tagName("main")).contains("mei.ling@example.com"));
            browser.check("edited");

            browser.clickLink("Clients").atHeading("Find a client");
            browser.clickLink("Clients whose texts are failing");
            assertTrue(browser.text(By.id("results-table")).contains("Number not valid"));
            browser.check("texts-failing");
            browser.clickLink("Tan Ah Kow").atHeading("Tan Ah Kow");
            assertTrue(browser.text(By.id("sms-problem")).contains("refused as not valid"));
            browser.check("sms-problem");
            browser.clickLink("Correct the mobile number").atHeading("Change details: Tan Ah Kow");
            assertEquals("mobile", browser.focusReaches("mobile"), "straight to the number to correct");
            browser.type("mobile", Setup.mobile()).click("save");
            browser.atHeading("Tan Ah Kow");
            assertEquals(0, browser.count(By.id("sms-problem")), "a corrected number clears the problem");
            assertTrue(browser.text(By.tagName("main")).contains("Texts OK"));
            browser.check("sms-fixed");

            browser.click("sign-out").atHeading("Sign in to Linkup");
            assertTrue(browser.text(By.tagName("main")).contains("You have signed out."));
            browser.check("signed-out");
            browser.open("#/clients").atHeading("Sign in to Linkup");

            assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no failed module, no script error");
            browser.assertAccessible();
            System.out.printf("CounterJourneyIT: %d states checked with axe-core, 0 violations%n", browser.checks());
        }
    }

    @Test
    void theOfficialMastheadIsAbsentByDefault() throws IOException {
        assertFalse(new Setup(deployment).get("api/ui-settings").getBoolean("officialMasthead"));
        try (Browser browser = new Browser(deployment, "masthead")) {
            browser.open("").atHeading("Sign in to Linkup").check("no-masthead");
            assertEquals(0L, browser.script("return document.querySelectorAll('sgds-masthead').length;"));
            browser.assertAccessible();
            firstLoad(browser);
        }
    }

    @Test
    void theShellAndItsModulesAreServedWithCspLongCachingAndGzip() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI base = URI.create(deployment.toString().replaceAll("/+$", "") + "/");

        HttpResponse<byte[]> index = get(http, base, "", "gzip, deflate, br");
        assertEquals(200, index.statusCode());
        assertEquals("gzip", header(index, "Content-Encoding"));
        assertEquals("no-cache", header(index, "Cache-Control"), "index.html names the hashed paths: always revalidated");
        assertTrue(header(index, "Content-Security-Policy").startsWith("default-src 'self'"));
        String html = gunzip(index.body());
        assertFalse(html.contains("<style") || html.contains(" style=") || Pattern.compile("<script>").matcher(html).find(),
                "no inline script or style");
        Matcher module = Pattern.compile("src=\"(assets/app-[0-9a-f]{12}/main\\.js)\"").matcher(html);
        assertTrue(module.find(), html);

        HttpResponse<byte[]> main = get(http, base, module.group(1), "gzip");
        assertEquals(200, main.statusCode());
        assertEquals("gzip", header(main, "Content-Encoding"));
        assertEquals("public, max-age=31536000, immutable", header(main, "Cache-Control"));
        assertTrue(header(main, "Content-Type").startsWith("text/javascript"));
        assertTrue(header(main, "Content-Security-Policy").startsWith("default-src 'self'"));
        assertTrue(gunzip(main.body()).contains("import"));

        HttpResponse<byte[]> plain = get(http, base, module.group(1), null);
        assertNull(header(plain, "Content-Encoding"), "no gzip for a client that did not ask");
        assertEquals("public, max-age=31536000, immutable", header(plain, "Cache-Control"));

        HttpResponse<byte[]> refused = get(http, base, module.group(1), "gzip;q=0, identity");
        assertNull(header(refused, "Content-Encoding"));

        HttpResponse<byte[]> font = get(http, base, "assets/vendor/inter-5.3.0/files/inter-latin-wght-normal.woff2", "gzip");
        assertEquals("font/woff2", header(font, "Content-Type"));
        assertNull(header(font, "Content-Encoding"), "woff2 is compressed already");

        HttpResponse<byte[]> missing = get(http, base, "assets/app-000000000000/main.js", "gzip");
        assertEquals(404, missing.statusCode());
        assertEquals("no-store", header(missing, "Cache-Control"), "a 404 is never cached for a year");

        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(base).header("Accept-Encoding", "gzip")
                .header("If-None-Match", header(index, "ETag")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, again.statusCode(), "an unchanged index.html costs a 304");
    }

    private static List<String> navigation(Browser browser) {
        @SuppressWarnings("unchecked")
        List<String> links = (List<String>) browser.script(
                "return [...document.querySelectorAll('sgds-mainnav-item a')].map(a => a.textContent.trim());");
        return links;
    }

    /** What a first visit to the sign-in page transfers (compressed), written to target/ui-first-load.txt. */
    private static void firstLoad(Browser browser) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> load = (Map<String, Object>) browser.script("""
                const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
                return { files: entries.length,
                         transferred: entries.reduce((sum, e) => sum + e.transferSize, 0),
                         decoded: entries.reduce((sum, e) => sum + e.decodedBodySize, 0) };""");
        assertNotNull(load);
        String line = "First load of the sign-in page: %s files, %s bytes transferred (headers included), %s bytes unpacked%n"
                .formatted(load.get("files"), load.get("transferred"), load.get("decoded"));
        System.out.print(line);
        Files.writeString(Path.of("target", "ui-first-load.txt"), line);
    }

    private static HttpResponse<byte[]> get(HttpClient http, URI base, String path, String acceptEncoding)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String gunzip(byte[] body) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
