package sg.linkup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Today's board at an SSO, in a real browser: the counter officer sees the day's sessions in their rooms with
 * their status in words, checks a client in, is told when someone else got there first, books a walk-in; the
 * supervisor sees the same board with nothing to press, and it follows a change made elsewhere without a reload.
 * The office is open all day and the advisors work every day, so "today" has sessions whenever the test runs
 * (until about 23:00 Singapore time, when no walk-in fits before closing). axe-core on every state, screenshots
 * under target/screenshots/board-journey/.
 */
class BoardJourneyIT extends DeployedApp {

    @Test
    void counterChecksInAndBooksAWalkInSupervisorWatchesTheBoardFollowChanges() throws IOException {
        Setup setup = new Setup(deployment);
        // The board and walk-ins are about today: on a public holiday, or in the last stretch before midnight when
        // no session fits before closing, there is no today to book (BookingIT checks the walk-in's 409 then).
        LocalDate today = LocalDate.now(Setup.SINGAPORE);
        Assumptions.assumeTrue(java.time.LocalTime.now(Setup.SINGAPORE).isBefore(java.time.LocalTime.of(22, 30))
                && !setup.isPublicHoliday(today), "no walk-in fits today at this hour or on this holiday");
        long office = setup.allDayOffice("SSO@Tampines");
        long room1 = setup.room(office, "Interview room 1");
        setup.room(office, "Interview room 2");
        long agency = setup.agency();
        long service = setup.walkInService(agency, "Career coaching");
        long rahim = setup.advisor(agency, service, office, "Rahim Hassan");
        setup.advisor(agency, service, office, "Priya Nair");
        String counter = setup.staff("COUNTER_STAFF", office);
        String supervisor = setup.staff("SUPERVISOR", office);
        long aisyah = setup.client(office, "Aisyah Rahman", "+65" + Setup.mobile(), null);
        long boon = setup.client(office, "Boon Huat Tan", "+65" + Setup.mobile(), null);
        long kumar = setup.client(office, "Kumar Pillai", "+65" + Setup.mobile(), null);
        long grace = setup.client(office, "Grace Lee", "+65" + Setup.mobile(), null);
        setup.client(office, "Farid Ismail", "+65" + Setup.mobile(), null);
        // Another agency's "Career coaching", seen only in person at another SSO: no walk-in here can take it.
        long elsewhere = setup.allDayOffice("SSO@Woodlands");
        setup.room(elsewhere, "Interview room 1");
        long otherAgency = setup.agency();
        long notHere = setup.walkInService(otherAgency, "Career coaching");
        setup.inPersonAdvisor(otherAgency, notHere, elsewhere, "Tan Ah Kow");

        long aisyahSession = id(setup.walkIn(service, office, aisyah, "IN_PERSON"));
        long boonSession = id(setup.walkIn(service, office, boon, "IN_PERSON"));
        long kumarSession = id(setup.walkIn(service, office, kumar, "VIDEO_REMOTE"));
        Instant midnight = LocalDate.now(Setup.SINGAPORE).atStartOfDay(Setup.SINGAPORE).toInstant();
        Instant earlier = Instant.now().minusSeconds(2 * 3600);
        long graceSession = setup.pastBooking(service, office, rahim, room1, grace, "NO_SHOW",
                earlier.isBefore(midnight) ? midnight : earlier);

        try (Browser browser = new Browser(deployment, "board-journey")) {
            browser.signIn(counter);
            browser.clickLink("Today's board").atHeading("Today's board");
            awaitSession(browser, aisyahSession, "BOOKED");
            assertTrue(String.valueOf(browser.script("return document.querySelector('#board-table caption').textContent;"))
                    .startsWith("Sessions today by room and hour (Singapore time): 4 sessions"), "the table has a caption");
            assertTrue(session(browser, aisyahSession).contains("Aisyah") && session(browser, aisyahSession).contains("Booked")
                    && session(browser, aisyahSession).contains("Career coaching"), session(browser, aisyahSession));
            assertTrue(browser.text(By.id("row-video")).contains("Kumar"), "video from home has its own row");
            assertTrue(session(browser, graceSession).contains("No-show"), "status in words");
            assertTrue(browser.text(By.cssSelector("#row-room-" + room1)).contains("Grace"), "a session sits in its room");
            browser.check("board");

            browser.click("b-check-in-" + aisyahSession);
            awaitSession(browser, aisyahSession, "CHECKED_IN");
            assertTrue(session(browser, aisyahSession).contains("Checked in"));
            assertEquals("b-session-" + aisyahSession, browser.focusReaches("b-session-" + aisyahSession),
                    "focus stays on the session just checked in");
            browser.check("checked-in");

            // Someone else checks Boon in just after a refresh, before this board has seen it.
            int refreshes = refreshes(browser);
            browser.until(20, "the board refreshes itself", "return Number(document.getElementById('board-updated')"
                    + ".dataset.refreshes) > arguments[0];", refreshes);
            setup.act(boonSession, "check-in", "");
            browser.click("b-check-in-" + boonSession);
            assertTrue(browser.text(By.id("board-messages")).contains("Someone else changed this booking"));
            awaitSession(browser, boonSession, "CHECKED_IN");
            browser.check("changed-by-someone-else");

            browser.click("walk-in-book");
            String summary = browser.text(By.cssSelector(".error-summary"));
            assertTrue(summary.contains("Find and choose the client") && summary.contains("Choose a service"), summary);
            browser.check("walk-in-refused");
            browser.type("walk-in-find", "Farid").click("walk-in-search");
            browser.await(By.cssSelector("#walk-in-clients input[type=radio]"));
            // By value: other tests' services are called "Career coaching" too, and the first such option is not ours.
            Select services = new Select(browser.await(By.id("walk-in-service")));
            assertEquals(0, browser.count(By.cssSelector("#walk-in-service option[value='" + notHere + "']")),
                    "a service nobody can take at this SSO is not offered");
            String ours = browser.text(By.cssSelector("#walk-in-service option[value='" + service + "']"));
            assertTrue(ours.matches("Career coaching \\(Agency UA\\w+\\)"), "each service says its agency: " + ours);
            services.selectByValue(String.valueOf(service));
            new Select(browser.await(By.id("walk-in-mode"))).selectByVisibleText("Video call from home");
            browser.click("walk-in-book");
            String outcome = browser.text(By.id("walk-in-outcome"));
            assertTrue(outcome.contains("Walk-in booked") && outcome.contains("Farid Ismail"), outcome);
            browser.until(10, "the walk-in appears on the board", "return [...document.querySelectorAll("
                    + "'#row-video .board-session')].some(s => s.textContent.includes('Farid'));");
            browser.check("walk-in-booked");

            browser.width(320);
            browser.until(5, "the list view shows at 320 px",
                    "return getComputedStyle(document.getElementById('board-list')).display === 'block';");
            assertTrue(browser.text(By.id("board-list")).contains("Farid"));
            assertEquals(Boolean.FALSE, browser.script("return document.documentElement.scrollWidth > "
                    + "document.documentElement.clientWidth;"), "no sideways scrolling at 320 px");
            browser.script("document.getElementById('board-list').scrollIntoView();");
            browser.check("narrow");

            assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no script error");
            browser.assertAccessible();
            System.out.printf("BoardJourneyIT (counter): %d states checked with axe-core, 0 violations%n", browser.checks());
        }

        try (Browser browser = new Browser(deployment, "board-journey-supervisor")) {
            browser.signIn(supervisor);
            browser.clickLink("Today's board").atHeading("Today's board");
            awaitSession(browser, kumarSession, "BOOKED");
            assertEquals(0, browser.count(By.cssSelector("main sgds-button, main button, main form")),
                    "a supervisor has nothing to press that changes a booking");
            browser.check("supervisor-board");

            setup.act(kumarSession, "cancel", "{\"reason\":\"Found a job\"}");
            browser.until(40, "the board follows a cancellation without a reload",
                    "return !document.querySelector('#board-table [data-booking=\"' + arguments[0] + '\"]');", kumarSession);
            assertTrue(browser.text(By.cssSelector(".board-caption")).contains("1 cancelled not shown"));
            assertTrue(String.valueOf(browser.script("return document.getElementById('board-live').textContent;"))
                    .contains("Kumar"), "the change is announced politely");
            browser.check("supervisor-after-cancel");

            assertEquals(List.of(), browser.consoleErrors());
            browser.assertAccessible();
            System.out.printf("BoardJourneyIT (supervisor): %d states checked with axe-core, 0 violations%n",
                    browser.checks());
        }
    }

    private static void awaitSession(Browser browser, long booking, String status) {
        browser.until(20, "booking " + booking + " shows as " + status,
                "return !!document.querySelector('#board-table [data-booking=\"' + arguments[0] + '\"][data-status=\"'"
                        + " + arguments[1] + '\"]');", booking, status);
    }

    private static String session(Browser browser, long booking) {
        return browser.text(By.cssSelector("#board-table [data-booking=\"" + booking + "\"]"));
    }

    private static int refreshes(Browser browser) {
        return Integer.parseInt(String.valueOf(browser.script(
                "return document.getElementById('board-updated').dataset.refreshes;")));
    }

    private static long id(jakarta.json.JsonObject json) {
        return json.getJsonNumber("id").longValue();
    }
}
