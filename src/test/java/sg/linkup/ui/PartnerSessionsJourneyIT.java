package sg.linkup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A partner agency's officer with a week of sessions, in Chromium against the deployed WAR: the week calendar by
 * advisor and day; a session whose client consented to share the referral note (shown) and one whose client did not
 * (withheld, in words), a video session's link; starting and completing that one with "referred on" and a note; an
 * advisor's calendar subscription link made, copied, fetched and revoked; an API token issued (shown once) and
 * revoked; and a partner of another agency who opens the session's address and finds nothing. Every state is checked
 * with axe-core (WCAG 2.1 A/AA, zero findings) and photographed under target/screenshots/partner-sessions/.
 */
class PartnerSessionsJourneyIT extends DeployedApp {

    private static final String CONSENTED_NOTE = "Needs help with a CV for warehouse jobs";
    private static final String WITHHELD_NOTE = "Debt counselling at the family service centre";

    @Test
    void partnerRunsTheWeeksSessionsCalendarFeedsAndTokens() throws IOException, InterruptedException {
        Setup setup = new Setup(deployment);
        Setup.Partner wsg = setup.partnerAgency("SSO@Woodlands", "Mei Ling Goh");
        String danaMobile = Setup.mobile();
        long dana = setup.client(wsg.office(), "Dana Tan " + Setup.suffix(), "+65" + danaMobile, "567D");
        long eli = setup.client(wsg.office(), "Eli Lim " + Setup.suffix(), "+65" + Setup.mobile(), null);
        LocalDate today = LocalDate.now(Setup.SINGAPORE);
        LocalDate first = workingDay(setup, today.plusDays(1));
        LocalDate second = workingDay(setup, first.plusWeeks(1));
        long consented = setup.session(wsg, dana, "IN_PERSON", first.atTime(10, 0), CONSENTED_NOTE, true);
        long withheld = setup.session(wsg, eli, "VIDEO_REMOTE", second.atTime(11, 0), WITHHELD_NOTE, false);
        String partner = setup.partner(wsg.agency());

        try (Browser browser = new Browser(deployment, "partner-sessions")) {
            browser.allowClipboard();
            browser.signIn(partner, "Sessions");
            String thisWeek = browser.awaitText("week-title", "Week of");
            assertTrue(browser.text(By.cssSelector("#week-table th.today")).contains("(today)"),
                    "today's column says so in words");
            assertTrue(browser.text(By.id("week-table")).contains("Mei Ling Goh"), "the advisor has a row");
            browser.check("week");

            nextWeeks(browser, weeksBetween(today, first));
            String firstLink = browser.text(By.id("session-" + consented));
            assertTrue(firstLink.contains("10:00") && firstLink.contains("Dana"), firstLink);
            assertTrue(browser.text(By.id("week-table")).contains("In person at the SSO"));
            assertEquals(0, browser.count(By.id("session-" + withheld)), "the other session is a week later");
            browser.check("week-with-session");
            browser.width(320);
            browser.until(5, "the week stacks day by day at 320 px",
                    "return getComputedStyle(document.getElementById('week-table')).display === 'block';");
            assertEquals(Boolean.FALSE, browser.script("return document.documentElement.scrollWidth > "
                    + "document.documentElement.clientWidth;"), "no sideways scrolling at 320 px");
            browser.script("document.getElementById('session-" + consented + "').scrollIntoView({block: 'center'});");
            browser.check("week-narrow");
            browser.width(1280);

            browser.click("session-" + consented);
            browser.atHeading("Session with Dana");
            assertEquals(CONSENTED_NOTE, browser.text(By.id("referral-note")), "the client consented: the note shows");
            String details = browser.text(By.id("session-details"));
            assertTrue(details.contains("Career coaching") && details.contains("Mei Ling Goh") && details.contains("10:00")
                    && details.contains("SSO@Woodlands, Interview room 2") && details.contains("Booked"), details);
            assertNoContactDetails(browser.text(By.tagName("main")), danaMobile);
            assertEquals(0, browser.count(By.id("start")), "an in-person session starts after the SSO's check-in");
            assertTrue(browser.text(By.id("wait-for-check-in")).contains("The SSO checks the client in"));
            assertEquals(0, browser.count(By.id("video-link")), "no video link in person");
            browser.check("session-consented");

            browser.clickLink("Back to the week");
            browser.awaitText("week-title", "Week of");
            nextWeeks(browser, weeksBetween(first, second));
            browser.await(By.id("session-" + withheld));
            assertTrue(browser.text(By.id("session-" + withheld)).contains("11:00"));
            browser.click("session-" + withheld);
            browser.atHeading("Session with Eli");
            assertEquals("The client did not consent to share the referral note", browser.text(By.id("referral-note")));
            assertFalse(browser.text(By.tagName("main")).contains("Debt counselling"), "the note is not on the page");
            assertTrue(browser.text(By.id("session-details")).contains("Video call from home"));
            String video = browser.await(By.id("video-link")).getAttribute("href");
            assertTrue(video != null && video.startsWith("http"), "a video link to start the call: " + video);
            browser.check("session-video-note-withheld");

            setup.act(withheld, "start", "");  // the advisor's colleague starts it meanwhile
            browser.click("start");
            String stale = browser.awaitText("outcome", "Someone else changed this session since you opened it");
            assertTrue(stale.contains("It now reads: In progress") && stale.contains("You chose: start the session"),
                    stale);
            assertEquals("In progress", browser.text(By.id("status")), "the session shown is the fresh one");
            assertEquals(0, browser.count(By.id("start")), "nothing left to start");
            browser.check("session-started-meanwhile");
            browser.await(By.id("outcome-REFERRED_ON")).click();
            browser.click("complete");
            assertTrue(browser.text(By.cssSelector(".error-summary"))
                    .contains("Say in the note where the client was referred on to"));
            browser.check("complete-referred-on-without-note");
            browser.type("outcome-note", "Referred to the CDC debt clinic at Woodlands");
            browser.click("complete");
            browser.awaitText("outcome", "Session completed");
            assertEquals("Completed", browser.text(By.id("status")));
            assertEquals("Referred on: Referred to the CDC debt clinic at Woodlands",
                    browser.text(By.id("outcome-recorded")));
            assertEquals(0, browser.count(By.id("complete")), "a completed session has nothing more to record");
            browser.check("session-completed");

            // Calendar feed: make the link, copy it, fetch it as a calendar program would, revoke it.
            long advisor = wsg.advisor();
            browser.open("#/calendar-feeds").atHeading("Calendar feeds");
            assertEquals("No subscription link.", browser.text(By.id("feed-state-" + advisor)));
            browser.check("calendar-feeds");
            browser.click("create-feed-" + advisor);
            String url = (String) browser.await(By.id("feed-url-" + advisor)).getDomProperty("value");
            assertTrue(url.matches("http://.+/calendar/.+\\.ics"), url);
            browser.click("feed-url-" + advisor + "-copy");
            browser.awaitText("feed-url-" + advisor + "-said", "Copied");
            assertEquals(url, browser.script("return navigator.clipboard.readText();"), "the link is on the clipboard");
            assertTrue(browser.text(By.id("feed-state-" + advisor)).startsWith("Subscription link working since"));
            browser.check("calendar-feed-copied");
            HttpResponse<String> feed = fetch(setup, url);
            assertEquals(200, feed.statusCode());
            assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
            assertTrue(feed.body().contains("BEGIN:VCALENDAR"), feed.body());

            browser.click("revoke-feed-" + advisor);
            browser.awaitText("feed-panel-" + advisor, "Revoke Mei Ling Goh\u2019s link?");
            browser.check("calendar-feed-revoke-confirm");
            browser.click("confirm-revoke-feed-" + advisor);
            browser.awaitText("outcome", "Link revoked");
            assertEquals("No subscription link.", browser.text(By.id("feed-state-" + advisor)));
            assertEquals(0, browser.count(By.id("feed-url-" + advisor)), "the link is gone from the page");
            browser.check("calendar-feed-revoked");
            int gone = fetch(setup, url).statusCode();
            assertTrue(gone == 404 || gone == 410, "a revoked link answers " + gone);

            // API token: issued and shown once, then revoked after a confirmation.
            browser.open("#/api-tokens").atHeading("API tokens");
            assertEquals("No tokens yet.", browser.text(By.id("no-tokens")));
            browser.check("api-tokens");
            browser.type("token-name", "Rostering system");
            browser.click("issue-token");
            browser.awaitText("token-issued", "This is the only time the token is shown");
            String secret = (String) browser.await(By.id("token-secret")).getDomProperty("value");
            assertTrue(secret.startsWith("lk_"), secret);
            String listed = browser.awaitText("tokens-table", "Rostering system");
            assertTrue(listed.contains("Working") && !listed.contains(secret), listed);
            browser.check("api-token-issued");
            String bearer = "Bearer " + secret;
            assertEquals(200, setup.getWith(bearer, "api/bookings?agency=" + wsg.agency()).statusCode(),
                    "the token works");

            browser.open("#/calendar-feeds").atHeading("Calendar feeds");
            browser.open("#/api-tokens").atHeading("API tokens");
            browser.awaitText("tokens-table", "Rostering system");
            assertFalse(browser.text(By.tagName("main")).contains(secret), "shown once: not after coming back");
            String revoke = (String) browser.script(
                    "return document.querySelector('#tokens-table [id^=\"revoke-token-\"]').id;");
            browser.click(revoke);
            browser.awaitText("token-panel", "Revoke the token for Rostering system?");
            browser.check("api-token-revoke-confirm");
            browser.click("confirm-revoke-token");
            browser.awaitText("outcome", "Token revoked");
            assertTrue(browser.awaitText("tokens-table", "Revoked").contains("Revoked"));
            assertEquals(0, browser.count(By.id(revoke)), "a revoked token has nothing left to revoke");
            browser.check("api-token-revoked");
            assertEquals(401, setup.getWith(bearer, "api/bookings?agency=" + wsg.agency()).statusCode(),
                    "the revoked token stops working");

            assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no failed module, no script error");
            browser.assertAccessible();
            System.out.printf("PartnerSessionsJourneyIT: %d states checked with axe-core, 0 violations (week of %s)%n",
                    browser.checks(), thisWeek);
        }

        // A partner of another agency, given the session's address, finds a page that says nothing about it.
        String stranger = setup.partner(setup.agency());
        try (Browser browser = new Browser(deployment, "partner-sessions-other-agency")) {
            browser.signIn(stranger, "Sessions");
            browser.open("#/sessions/" + withheld).atHeading("Page not found");
            String shown = browser.text(By.tagName("main"));
            assertFalse(shown.contains("Eli") || shown.contains("Woodlands") || shown.contains("Mei Ling"), shown);
            browser.check("other-agency-not-found");
            assertEquals(List.of(), browser.consoleErrors());
            browser.assertAccessible();
        }

        // An administrator belongs to no agency: the same screens ask which one first.
        String admin = setup.admin();
        try (Browser browser = new Browser(deployment, "partner-sessions-admin")) {
            browser.signIn(admin);
            browser.open("#/sessions").atHeading("Sessions");
            assertTrue(browser.text(By.id("choose-agency")).contains("Choose the agency"));
            assertEquals(0, browser.count(By.id("week-table")), "no week before an agency is chosen");
            browser.check("admin-choose-agency");
            browser.open("#/sessions?agency=" + wsg.agency() + "&week=" + second).atHeading("Sessions");
            String week = browser.awaitText("week-table", "Eli");
            assertTrue(week.contains("Mei Ling Goh") && week.contains("Completed"), week);
            browser.check("admin-week");
            assertEquals(List.of(), browser.consoleErrors());
            browser.assertAccessible();
        }
    }

    @Test
    void aWeekOfTheAgencysSessionsIsOneCallScopedToTheAgency() {
        Setup setup = new Setup(deployment);
        Setup.Partner clc = setup.partnerAgency("SSO@Jurong", "Arjun Nair");
        long client = setup.client(clc.office(), "Hana Ong " + Setup.suffix(), "+65" + Setup.mobile(), null);
        LocalDate monday = LocalDate.now(Setup.SINGAPORE).plusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (setup.isPublicHoliday(monday) || setup.isPublicHoliday(monday.plusDays(6))
                || setup.isPublicHoliday(monday.plusWeeks(1))) {
            monday = monday.plusWeeks(1);  // no session is offered on a public holiday
        }
        LocalDate sunday = monday.plusDays(6);
        long onMonday = setup.session(clc, client, "IN_PERSON", monday.atTime(LocalTime.of(9, 0)), "note", false);
        long onSunday = setup.session(clc, client, "VIDEO_REMOTE", sunday.atTime(LocalTime.of(21, 0)), "note", false);
        long nextMonday = setup.session(clc, client, "IN_PERSON", monday.plusWeeks(1).atTime(9, 0), "note", false);
        String partner = setup.partner(clc.agency());
        String week = "api/bookings?agency=" + clc.agency() + "&from=" + monday + "&to=" + sunday;

        String own = setup.getAs(partner, week).body();
        assertTrue(own.contains("\"id\":" + onMonday + ",") && own.contains("\"id\":" + onSunday + ","),
                "Monday 09:00 and Sunday 21:00 Singapore time are in the week: " + own);
        assertFalse(own.contains("\"id\":" + nextMonday + ","), "the next Monday is not: " + own);
        assertTrue(own.contains("\"total\":2"), own);

        String stranger = setup.partner(setup.agency());
        String theirs = setup.getAs(stranger, week).body();
        assertTrue(theirs.contains("\"items\":[]") && theirs.contains("\"total\":0"),
                "another agency's partner sees none of them: " + theirs);

        HttpResponse<String> backwards = setup.getAs(partner, "api/bookings?from=" + sunday + "&to=" + monday);
        assertEquals(400, backwards.statusCode());
        assertTrue(backwards.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(backwards.body().contains("\"to\""), backwards.body());
        HttpResponse<String> notADay = setup.getAs(partner, "api/bookings?from=next-monday");
        assertEquals(400, notADay.statusCode());
        assertTrue(notADay.body().contains("\"from\""), notADay.body());
    }

    /** The day, or the next one that is no public holiday (no session is offered then). */
    private static LocalDate workingDay(Setup setup, LocalDate day) {
        return setup.isPublicHoliday(day) ? workingDay(setup, day.plusDays(1)) : day;
    }

    /** Clicks "Next week" until the week of the day shows. */
    private static void nextWeeks(Browser browser, long weeks) {
        for (long i = 0; i < weeks; i++) {
            String before = browser.text(By.id("week-title"));
            browser.click("next-week");
            browser.until(15, "the next week", "return document.getElementById('week-title')?.textContent !== arguments[0];",
                    before);
        }
    }

    private static long weeksBetween(LocalDate today, LocalDate day) {
        return ChronoUnit.WEEKS.between(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /** Neither the NRIC's last characters nor the mobile number, in any form, is on a partner's page. */
    private static void assertNoContactDetails(String page, String mobile) {
        assertFalse(page.contains("567D"), "no NRIC: " + page);
        assertFalse(page.contains(mobile) || page.contains(mobile.substring(4)), "no mobile: " + page);
    }

    private static HttpResponse<String> fetch(Setup setup, String url) {
        return setup.send(HttpRequest.newBuilder(URI.create(url)).GET());
    }
}
