package sg.linkup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A partner agency keeps an advisor's availability in a real browser: the agency's advisors with their languages and
 * services; a weekly in-person block at an SSO and a video block, each with the preview of the next two weeks' open
 * sessions changing as the form is filled in; a third block that overlaps the first, refused in words; a change of a
 * block someone else changed meanwhile (412: the new state said, the typed change kept), a withdrawal; then a counter
 * officer books one of the new sessions; a partner of another agency opening the advisor's page finds nothing; and an
 * administrator finds the advisor under the agency filter.
 * Every state is checked with axe-core and photographed under target/screenshots/partner-availability/.
 */
class PartnerAvailabilityJourneyIT extends DeployedApp {

    private static final String JOURNEY = "partner-availability/";
    private static final Pattern SESSIONS = Pattern.compile("(\\d+) open sessions? .* (\\d+) of them from this block");

    @Test
    void partnerSetsAWeeklyInPersonAndVideoBlockThenACounterBooksOneOfItsSessions() throws IOException {
        Setup setup = new Setup(deployment);
        String sso = "SSO@Woodlands " + suffix();
        long office = setup.openOffice(sso, 1.4360, 103.7865);
        setup.room(office, "Interview room 1");
        String agencyName = "Workforce Agency " + suffix();
        long agency = setup.agency(agencyName);
        long service = setup.serviceOf(agency, "Career coaching " + suffix());
        String advisorName = "Nurul Huda " + suffix();
        long advisor = setup.newAdvisor(agency, service, advisorName);
        String partner = setup.partner(agency);
        String outsider = setup.partner(setup.agency("Family Service Centre " + suffix()));
        String counter = setup.staff("COUNTER_STAFF", office);
        String clientName = "Tan Ah Kow " + suffix();
        long client = setup.client(office, clientName, "+65" + Setup.mobile(), null);

        try (Browser browser = new Browser(deployment, JOURNEY + "partner")) {
            // A partner lands on the week's sessions, their daily work; the advisors are one click away.
            signIn(browser, partner, "Sessions");
            browser.open("#/advisors").atHeading("Advisors");
            String advisors = browser.text(By.id("advisors-table"));
            assertTrue(advisors.contains(advisorName) && advisors.contains("English, Malay")
                    && advisors.contains("Career coaching"), advisors);
            assertEquals(1, browser.count(By.cssSelector("#advisors-table a")), "only the agency's own advisor");
            browser.check("partner-advisors");

            browser.clickLink(advisorName).atHeading("Availability: " + advisorName);
            assertTrue(browser.text(By.id("no-blocks")).contains("No availability yet"));
            browser.check("partner-availability-empty");

            // An in-person block every day, 09:00–12:00 at the SSO: the preview fills in as the form does.
            browser.click("add-block");
            browser.await(By.id("block-form"));
            assertTrue(browser.text(By.id("preview-status")).contains("once the block is complete"));
            assertEquals(0, browser.count(By.id("preview-table")), "no preview of half a block");
            everyDay(browser);
            browser.type("startTime", "09:00").type("endTime", "12:00");
            browser.await(By.id("mode-IN_PERSON")).click();
            new Select(browser.await(By.id("officeId"))).selectByVisibleText(sso);
            String preview = awaitText(browser, "preview-status", "from this block");
            int morning = fromThisBlock(preview);
            assertTrue(morning > 0, preview);
            String table = browser.text(By.id("preview-table"));
            assertTrue(table.contains("This block In person at " + sso + ": 09:00, 09:15"), table);
            browser.check("partner-block-preview");

            browser.type("endTime", "10:00");  // a shorter morning: fewer sessions, at once
            String shorter = awaitChange(browser, "preview-status", preview);
            assertTrue(fromThisBlock(shorter) < morning, shorter + " after " + preview);
            browser.type("endTime", "12:00");
            awaitText(browser, "preview-status", morning + " of them from this block");
            browser.click("save-block");
            awaitText(browser, "outcome", "Block saved");
            String saved = browser.text(By.id("block-list"));
            assertTrue(saved.contains("Every day, 09:00\u201312:00") && saved.contains("In person at " + sso), saved);
            browser.check("partner-block-saved");

            // A video block in the afternoons: the preview shows it beside the saved morning block.
            browser.click("add-block");
            browser.await(By.id("block-form"));
            everyDay(browser);
            browser.type("startTime", "14:00").type("endTime", "17:00");
            browser.await(By.id("mode-VIDEO_AT_SSO")).click();
            awaitText(browser, "preview-status", "from this block");
            String both = browser.text(By.id("preview-table"));
            assertTrue(both.contains("This block Video, client at an SSO: 14:00") && both.contains("Other blocks In person at "
                    + sso), both);
            browser.check("partner-video-preview");
            browser.click("save-block");
            awaitText(browser, "outcome", "Block saved");
            // The message comes first, the list is read again after it: wait for it rather than count at once.
            browser.until(15, "both blocks listed", "return document.querySelectorAll('#block-list li').length === 2;");
            assertEquals(2, browser.count(By.cssSelector("#block-list li")));
            browser.check("partner-two-blocks");

            // A block over the first one: the preview warns, and saving is refused in words.
            browser.click("add-block");
            browser.await(By.id("block-form"));
            browser.await(By.id("day-MONDAY")).click();
            browser.type("startTime", "11:00").type("endTime", "13:00");
            browser.await(By.id("mode-VIDEO_REMOTE")).click();
            String clash = awaitText(browser, "clash", "Cannot be saved like this");
            assertTrue(clash.contains("Every day, 09:00\u201312:00, In person at " + sso), clash);
            browser.check("partner-clash-preview");
            browser.click("save-block");
            String refused = awaitText(browser, "block-problems", "This block overlaps another one");
            assertTrue(refused.contains("It overlaps the block \u201cEvery day, 09:00\u201312:00, In person at " + sso
                    + "\u201d on Mon"), refused);
            assertFalse(refused.contains("rule "), "no rule numbers: " + refused);
            assertEquals("11:00", browser.valueOf("startTime"), "nothing typed is lost");
            browser.check("partner-overlap-refused");
            browser.click("cancel-block");
            assertEquals(2, browser.count(By.cssSelector("#block-list li")), "nothing stored");

            // A colleague shortens the morning block meanwhile: this page's change of it is refused, and kept.
            long morningRule = Long.parseLong(browser.await(By.cssSelector("#block-list li")).getAttribute("data-rule"));
            setup.changeRule(advisor, morningRule, """
                    {"weekdays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
                     "startTime":"09:00","endTime":"11:00","validFrom":"%s","modes":["IN_PERSON"],"officeId":%d}"""
                    .formatted(java.time.LocalDate.now(Setup.SINGAPORE), office));
            browser.click("change-" + morningRule);
            browser.await(By.id("block-form"));
            browser.type("endTime", "11:30");
            browser.click("save-block");
            String stale = awaitText(browser, "block-problems", "This block was changed by someone else");
            assertTrue(stale.contains("It now reads: Every day, 09:00\u201311:00"), stale);
            assertEquals("11:30", browser.valueOf("endTime"), "what the partner typed is kept");
            browser.check("partner-block-changed-meanwhile");
            browser.click("save-block");
            awaitText(browser, "outcome", "Block changed");
            assertTrue(browser.text(By.id("block-list")).contains("Every day, 09:00\u201311:30"));
            browser.check("partner-block-changed");

            // The morning block is withdrawn; the video block stays for the counter.
            browser.click("withdraw-" + morningRule);
            browser.await(By.id("withdraw-title"));
            browser.check("partner-withdraw-asked");
            browser.click("confirm-withdraw");
            awaitText(browser, "outcome", "Block withdrawn");
            browser.until(15, "one block left", "return document.querySelectorAll('#block-list li').length === 1;");
            String left = browser.text(By.id("block-list"));
            assertEquals(1, browser.count(By.cssSelector("#block-list li")), left);
            assertTrue(left.contains("Every day, 14:00\u201317:00") && !left.contains("In person"), left);
            browser.check("partner-block-withdrawn");

            assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no failed module, no script error");
            browser.assertAccessible();
        }

        try (Browser browser = new Browser(deployment, JOURNEY + "counter")) {
            browser.open("#/book?client=" + client).atHeading("Sign in to Linkup");
            browser.type("username", counter).type("password", Setup.PASSWORD).click("sign-in");
            browser.atHeading("Book a session: " + clientName);
            new Select(browser.await(By.id("domain"))).selectByValue("EMPLOYMENT");
            String option = "#service option[value='%d']".formatted(service);
            browser.until(15, "the service is offered", "return document.querySelector(arguments[0]) !== null;", option);
            new Select(browser.await(By.id("service"))).selectByValue(String.valueOf(service));
            WebElement time = browser.await(By.cssSelector(".time-button"));
            assertTrue(time.getText().contains(advisorName), time.getText());
            browser.check("partner-counter-sees-the-new-times");
            time.click();
            browser.await(By.id("held"));
            browser.click("continue");
            browser.await(By.id("check-heading"));
            browser.click("confirm").atHeading("Booked");
            assertTrue(browser.text(By.tagName("main")).contains(advisorName));
            browser.check("partner-counter-booked");
            browser.assertAccessible();
        }

        try (Browser browser = new Browser(deployment, JOURNEY + "outsider")) {
            browser.open("#/advisors/" + advisor).atHeading("Sign in to Linkup");
            browser.type("username", outsider).type("password", Setup.PASSWORD).click("sign-in");
            browser.atHeading("Page not found");
            String page = browser.text(By.tagName("main"));
            assertFalse(page.contains(advisorName) || page.contains(sso) || page.contains("09:00"), page);
            browser.check("partner-other-agency-not-found");
            browser.open("#/advisors").atHeading("Advisors");
            assertFalse(browser.text(By.tagName("main")).contains(advisorName), "another agency's advisor is not listed");
            browser.assertAccessible();
        }

        try (Browser browser = new Browser(deployment, JOURNEY + "admin")) {
            browser.open("#/advisors?agency=" + agency).atHeading("Sign in to Linkup");
            browser.type("username", "it-admin").type("password", "correct-horse-battery-1").click("sign-in");
            browser.atHeading("Advisors");
            assertEquals(agencyName, new Select(browser.await(By.id("agency-filter"))).getFirstSelectedOption().getText());
            String listed = browser.text(By.id("advisors-table"));
            assertTrue(listed.contains(advisorName) && listed.contains(agencyName), listed);
            browser.check("partner-admin-advisors-of-an-agency");
            browser.clickLink(advisorName).atHeading("Availability: " + advisorName);
            browser.until(15, "the kept block listed", "return document.querySelectorAll('#block-list li').length > 0;");
            assertEquals(1, browser.count(By.cssSelector("#block-list li")), "an admin sees the block the partner kept");
            browser.check("partner-admin-availability");
            browser.assertAccessible();
        }
    }

    private static void signIn(Browser browser, String username, String landing) {
        browser.open("").atHeading("Sign in to Linkup");
        browser.type("username", username).type("password", Setup.PASSWORD).click("sign-in");
        browser.atHeading(landing);
    }

    private static void everyDay(Browser browser) {
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            browser.await(By.id("day-" + day)).click();
        }
    }

    private static int fromThisBlock(String status) {
        Matcher m = SESSIONS.matcher(status);
        assertTrue(m.find(), status);
        return Integer.parseInt(m.group(2));
    }

    /** Waits for an element's text to contain the words; answers the whole text. */
    private static String awaitText(Browser browser, String id, String words) {
        String last = "";
        for (int i = 0; i < 75; i++) {
            last = read(browser, id);
            if (last.contains(words)) {
                return last;
            }
            sleep();
        }
        throw new AssertionError("#" + id + " should say '" + words + "' but says '" + last + "'");
    }

    /** Waits for an element's text to differ from what it said, and to be a finished answer. */
    private static String awaitChange(Browser browser, String id, String before) {
        String last = "";
        for (int i = 0; i < 75; i++) {
            last = read(browser, id);
            if (!last.equals(before) && last.contains("from this block")) {
                return last;
            }
            sleep();
        }
        throw new AssertionError("#" + id + " still says '" + last + "'");
    }

    private static String read(Browser browser, String id) {
        try {
            return browser.count(By.id(id)) == 0 ? "" : browser.text(By.id(id));
        } catch (StaleElementReferenceException | org.openqa.selenium.TimeoutException e) {
            return "";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String suffix() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "" + (char) ('A' + random.nextInt(26)) + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26));
    }
}
