package sg.linkup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * An administrator keeping the catalogue, in Chromium against the deployed WAR: an office with its opening hours
 * (refused first, then saved) and a closure, a room, a partner agency, a service named in four languages, an advisor;
 * a save over a colleague's change (412: what is saved now beside what was typed, nothing lost); a room taken out of
 * use, which the SSO's counter officer then no longer sees on today's board. A partner finds no catalogue, no other
 * agency's advisor, and only their own advisor's form. Every state is checked with axe-core (WCAG 2.1 A/AA, zero
 * findings) and photographed under target/screenshots/admin-catalogue-journey/ as admin-*.png.
 */
class AdminCatalogueJourneyIT extends DeployedApp {

    private static final String JOURNEY = "admin-catalogue-journey/";

    @Test
    void adminBuildsAnSsoWithItsAgencyServiceAndAdvisorAndTakesARoomOutOfUse() throws IOException {
        Setup setup = new Setup(deployment);
        String admin = setup.admin();
        String tag = letters();
        String officeCode = "T" + tag;
        String officeName = "SSO@Test " + tag;
        String agencyCode = "AG" + tag;
        String agencyName = "Workforce " + tag;
        String serviceCode = "SV" + tag;
        String service = "Job matching " + tag;
        String advisor = "Nurul Huda " + tag;
        LocalDate closed = LocalDate.now(Setup.SINGAPORE).plusDays(30);

        try (Browser browser = new Browser(deployment, JOURNEY + "catalogue")) {
            signIn(browser, admin, "Find a client");
            browser.clickLink("Catalogue").atHeading("Offices");
            assertEquals("page", browser.await(By.linkText("Offices")).getDomAttribute("aria-current"));
            browser.check("admin-offices");

            // An office, refused first: no name, a postal code of four digits.
            browser.click("add").atHeading("Add an office");
            browser.type("code", officeCode).type("address", "2 Test Avenue").type("postalCode", "5601")
                    .type("latitude", "1.3691").type("longitude", "103.8454");
            for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
                browser.type("hours-" + day, day.equals("SATURDAY") ? "08:30-13:00" : "07:30-12:30, 13:30-22:00");
            }
            browser.click("save");
            String summary = browser.text(By.cssSelector(".error-summary"));
            assertTrue(summary.contains("Enter the name") && summary.contains("Enter the postal code: six digits"), summary);
            assertEquals("Enter the postal code: six digits, for example 560123", browser.fieldError("postalCode"));
            assertEquals("error-summary", browser.focusReaches("error-summary"), "focus moves to what went wrong");
            assertEquals("07:30-12:30, 13:30-22:00", browser.valueOf("hours-MONDAY"), "nothing typed is lost");
            browser.check("admin-office-refused");

            browser.type("name", officeName).type("postalCode", "560123");
            saves(browser, "Office: " + officeName);
            assertTrue(browser.text(By.id("notice")).contains("The office is created"));
            assertEquals("07:30-12:30, 13:30-22:00", browser.valueOf("hours-WEDNESDAY"));
            assertEquals("08:30-13:00", browser.valueOf("hours-SATURDAY"));
            long office = setup.idOf("api/offices?q=" + officeCode, "code", officeCode);
            browser.check("admin-office-created");

            // A closure on whole days.
            browser.type("closure-first", closed.toString()).type("closure-last", closed.minusDays(1).toString())
                    .type("closure-reason", "Staff retreat").click("add-closure");
            assertTrue(browser.text(By.cssSelector("#closures .error-summary"))
                    .contains("The last day cannot be before the first day"));
            browser.type("closure-last", closed.plusDays(1).toString()).click("add-closure");
            String closures = awaitText(browser, "closure-list", "Staff retreat");
            assertTrue(closures.contains(closed.getDayOfMonth() + " "), closures);
            assertEquals(13, setup.get("api/offices/" + office).getJsonArray("openingHours").size(),
                    "six days of two intervals and a Saturday morning are saved");
            browser.script("document.getElementById('closures').scrollIntoView();");
            browser.check("admin-office-closure");

            // A video room at the new office, and (by the API) an interview room beside it.
            browser.clickLink("Rooms").atHeading("Rooms");
            browser.click("add").atHeading("Add a room");
            browser.await(By.cssSelector("#officeId option[value='" + office + "']")).click();
            browser.type("name", "Video room 1").click("kind-VIDEO_ROOM");
            browser.check("admin-room-form");
            saves(browser, "Rooms");
            assertTrue(browser.text(By.id("notice")).contains("Video room 1 is saved"));
            long videoRoom = setup.idOf("api/rooms?office=" + office, "name", "Video room 1");
            setup.room(office, "Interview room 2");
            browser.check("admin-rooms");

            // The partner agency, its service in four languages, an advisor.
            browser.clickLink("Partner agencies").atHeading("Partner agencies");
            browser.click("add").atHeading("Add a partner agency");
            browser.type("code", agencyCode).type("name", agencyName)
                    .type("baseAddress", "1 Agency Road").type("baseLatitude", "1.2966").type("baseLongitude", "103.8520");
            browser.await(By.cssSelector("#domain option[value='EMPLOYMENT']")).click();
            saves(browser, "Partner agencies");
            long agency = setup.idOf("api/agencies?q=" + agencyCode, "code", agencyCode);

            browser.clickLink("Services").atHeading("Services");
            browser.click("add").atHeading("Add a service");
            browser.await(By.cssSelector("#agencyId option[value='" + agency + "']")).click();
            browser.type("code", serviceCode).type("name-en", service).type("name-zh", "工作配对")
                    .type("name-ms", "Padanan kerja").type("name-ta", "வேலை பொருத்தம்")
                    .click("allowedModes-IN_PERSON").click("allowedModes-VIDEO_AT_SSO");
            assertEquals("45", browser.valueOf("durationMinutes"), "usual terms are filled in");
            browser.check("admin-service-form");
            saves(browser, "Services");
            long serviceId = setup.idOf("api/services?agency=" + agency, "code", serviceCode);
            JsonObject names = setup.get("api/services/" + serviceId).getJsonObject("name");
            assertEquals("工作配对", names.getString("zh"));
            assertEquals("வேலை பொருத்தம்", names.getString("ta"));
            String services = browser.text(By.id("results-table"));
            assertTrue(services.contains(service) && services.contains("In person, Video at the SSO"), services);

            browser.clickLink("Advisors").atHeading("Advisors");
            browser.click("add").atHeading("Add an advisor");
            browser.await(By.cssSelector("#agencyId option[value='" + agency + "']")).click();
            browser.await(By.id("serviceIds-" + serviceId)).click();
            browser.type("displayName", advisor).type("email", "nurul." + tag.toLowerCase() + "@example.org")
                    .click("languages-MS");
            saves(browser, "Advisors");
            String advisors = browser.text(By.id("results-table"));
            assertTrue(advisors.contains(advisor) && advisors.contains("English, Malay") && advisors.contains(service),
                    advisors);
            browser.check("admin-advisors");

            // A save over a colleague's change: refused, what is saved now shown beside what was typed.
            browser.clickLink("Services").atHeading("Services");
            browser.clickLink(service).atHeading("Service: " + service);
            setup.changeMeanwhile("api/services/" + serviceId, "\"durationMinutes\":45", "\"durationMinutes\":60");
            browser.type("name-ms", "Padanan pekerjaan").click("save");
            String stale = awaitText(browser, "outcome", "Someone else changed this service since you opened it");
            assertTrue(stale.contains("Length in minutes: saved now \u201c60\u201d, you typed \u201c45\u201d"), stale);
            assertTrue(stale.contains("Name in Malay: saved now \u201cPadanan kerja\u201d, you typed \u201cPadanan pekerjaan\u201d"),
                    stale);
            assertEquals("Padanan pekerjaan", browser.valueOf("name-ms"), "what was typed stays in the form");
            assertEquals("Padanan kerja", setup.get("api/services/" + serviceId).getJsonObject("name").getString("ms"),
                    "nothing was saved");
            browser.check("admin-service-stale");
            browser.clickLink("show the saved version in the form");
            assertEquals("60", browser.valueOf("durationMinutes"));
            browser.type("name-ms", "Padanan pekerjaan");
            saves(browser, "Services");
            JsonObject saved = setup.get("api/services/" + serviceId);
            assertEquals(60, saved.getInt("durationMinutes"), "the colleague's change is kept");
            assertEquals("Padanan pekerjaan", saved.getJsonObject("name").getString("ms"));

            // The video room taken out of use: marked inactive where it stands.
            browser.clickLink("Rooms").atHeading("Rooms");
            browser.await(By.cssSelector("#office option[value='" + office + "']")).click();
            browser.click("search");
            browser.await(By.id("row-" + videoRoom));
            browser.click("toggle-" + videoRoom);
            awaitText(browser, "notice", "Video room 1 is now inactive");
            String row = awaitText(browser, "row-" + videoRoom, "Inactive");
            assertTrue(row.contains("Activate"), row);
            assertFalse(setup.get("api/rooms/" + videoRoom).getBoolean("active"));
            assertEquals("toggle-" + videoRoom, browser.focusReaches("toggle-" + videoRoom),
                    "focus stays on the room's button, which now offers Activate");
            browser.script("document.getElementById('results-caption').scrollIntoView();");
            browser.check("admin-room-inactive");

            browser.click("sign-out").atHeading("Sign in to Linkup");
            String counter = setup.staff("COUNTER_STAFF", office);
            signIn(browser, counter, "Find a client");
            browser.clickLink("Today's board").atHeading("Today's board");
            String board = browser.text(By.id("board-table"));
            assertTrue(board.contains("Interview room 2"), board);
            assertFalse(board.contains("Video room 1"), "the inactive room is not on the counter's board: " + board);
            assertEquals(0, browser.count(By.linkText("Catalogue")), "counter staff have no catalogue");
            browser.check("admin-room-gone-from-board");

            assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no failed module, no script error");
            browser.assertAccessible();
            System.out.printf("AdminCatalogueJourneyIT catalogue: %d states checked with axe-core, 0 violations%n",
                    browser.checks());
        }
    }

    @Test
    void aPartnerFindsNoCatalogueAndOnlyTheirOwnAdvisors() throws IOException {
        Setup setup = new Setup(deployment);
        long own = setup.agency();
        long other = setup.agency();
        String ownName = "Mei Ling " + letters();
        String otherName = "Arjun Nair " + letters();
        long mine = setup.advisor(own, ownName);
        long theirs = setup.advisor(other, otherName);
        String partner = setup.partner(own);

        try (Browser browser = new Browser(deployment, JOURNEY + "partner")) {
            signIn(browser, partner, "Sessions");  // a partner lands on the week's sessions
            assertEquals(0, browser.count(By.linkText("Catalogue")), "no catalogue in a partner's navigation");

            browser.open("#/admin/offices").atHeading("You cannot use this page");
            String page = browser.text(By.tagName("main"));
            assertFalse(page.contains("SSO@") || page.contains("Add an office"), page);
            assertEquals(0, browser.count(By.id("results-table")));
            browser.check("admin-partner-refused");

            browser.open("#/advisors/" + theirs + "/edit").atHeading("Advisor not found");
            page = browser.text(By.tagName("main"));
            assertFalse(page.contains(otherName), page);
            browser.check("admin-partner-other-advisor");

            browser.open("#/advisors/" + mine + "/edit").atHeading("Advisor: " + ownName);
            assertEquals(0, browser.count(By.id("agencyId")), "a partner's advisor stays with the partner's agency");
            browser.click("languages-TA").click("save");
            browser.atHeading("Advisor: " + ownName);
            awaitText(browser, "notice", "Your changes are saved");
            assertEquals(2, setup.get("api/advisors/" + mine).getJsonArray("languages").size());
            browser.check("admin-partner-own-advisor");

            assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no failed module, no script error");
            browser.assertAccessible();
            System.out.printf("AdminCatalogueJourneyIT partner: %d states checked with axe-core, 0 violations%n",
                    browser.checks());
        }
    }

    private static void signIn(Browser browser, String username, String landing) {
        browser.open("").atHeading("Sign in to Linkup");
        browser.type("username", username).type("password", Setup.PASSWORD).click("sign-in");
        browser.atHeading(landing);
    }

    /** Saves the form and waits for the next page; a refusal fails the test with the words on the screen. */
    private static void saves(Browser browser, String heading) {
        browser.click("save");
        try {
            browser.until(15, "the page '" + heading + "' or a refusal, after saving",
                    "const h = document.querySelector('main h1'); return (!!h && h.textContent === arguments[0])"
                            + " || !!document.querySelector('.error-summary');", heading);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("after saving, neither '" + heading + "' nor a refusal; the page says: "
                    + browser.text(By.tagName("main")) + "; console: " + browser.consoleErrors(), e);
        }
        if (browser.count(By.cssSelector(".error-summary")) > 0) {
            throw new AssertionError("saving was refused: " + browser.text(By.cssSelector(".error-summary")));
        }
        browser.atHeading(heading);
    }

    /** Waits for an element's text (shadow content included) to contain the words; answers the whole text. */
    private static String awaitText(Browser browser, String id, String words) {
        String last = "";
        for (int i = 0; i < 50; i++) {
            try {
                // Only an element that shows is read: reading waits for one, and an empty message box shows nothing.
                boolean shows = Boolean.TRUE.equals(browser.script(
                        "const e = document.getElementById(arguments[0]); return !!e && e.offsetHeight > 0;", id));
                last = shows ? browser.text(By.id(id)) : "";
                if (last.contains(words)) {
                    return last;
                }
            } catch (StaleElementReferenceException | org.openqa.selenium.TimeoutException e) {
                // redrawn while read: read again
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("#" + id + " should say '" + words + "' but says '" + last + "'");
    }

    /** Upper-case letters only: codes and names unique to this run. */
    private static String letters() {
        var random = ThreadLocalRandom.current();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            text.append((char) ('A' + random.nextInt(26)));
        }
        return text.toString();
    }
}
