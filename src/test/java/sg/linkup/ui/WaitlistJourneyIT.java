package sg.linkup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The waitlist at the counter, in Chromium against the deployed WAR: a client turns down the time offered to them
 * (after a "are you sure?" step that can be left without changing anything), the time goes to the next client, and
 * another client is taken off the list. Every state is checked with axe-core (WCAG 2.1 A/AA, zero findings) and
 * photographed under target/screenshots/waitlist-journey/.
 */
class WaitlistJourneyIT extends DeployedApp {

    @Test
    void counterDeclinesAnOfferForOneClientAndTakesAnotherOffTheList() throws Exception {
        Setup setup = new Setup(deployment);
        Setup.Catalogue sso = setup.catalogue("SSO@Yishun");
        String counter = setup.staff("COUNTER_STAFF", sso.office());
        long advisor = setup.advisor(sso, "Farhan Ali", "09:00", "09:45");  // one slot that day
        long taken = setup.book(sso, advisor, setup.client(sso.office(), "Wong Kai Ming " + Setup.suffix(),
                "+65" + Setup.mobile(), null), "09:00");
        String urgentName = "Lakshmi Devi " + Setup.suffix();
        String nextName = "Hafiz Rahman " + Setup.suffix();
        String leavingName = "Joyce Tan " + Setup.suffix();
        long urgent = setup.waitlist(sso, setup.client(sso.office(), urgentName, "+65" + Setup.mobile(), null), true);
        long next = setup.waitlist(sso, setup.client(sso.office(), nextName, "+65" + Setup.mobile(), null), false);
        long leaving = setup.waitlist(sso, setup.client(sso.office(), leavingName, "+65" + Setup.mobile(), null), false);
        setup.cancel(taken, "Moved away");  // the slot frees up and is offered to the urgent client first
        setup.awaitOffer(urgent);

        try (Browser browser = new Browser(deployment, "waitlist-journey")) {
            browser.signIn(counter);
            browser.clickLink("Waitlist").atHeading("Waitlist");
            browser.await(By.id("decline-" + urgent));
            assertTrue(row(browser, urgentName).contains("Offer open"), row(browser, urgentName));
            assertTrue(row(browser, nextName).contains("Waiting"), row(browser, nextName));
            assertEquals(0, browser.count(By.id("decline-" + next)), "only an open offer can be declined");
            browser.check("waitlist-offer-open");

            browser.click("decline-" + urgent);
            String asked = browser.text(By.id("decline-confirm"));
            assertTrue(asked.contains(urgentName + " turns down the offer?") && asked.contains("goes to the next client waiting")
                    && asked.contains("leaves the waitlist"), asked);
            assertEquals("decline-confirm-title", browser.focusReaches("decline-confirm-title"), "focus moves to the question");
            browser.check("waitlist-decline-confirm");

            browser.click("wl-keep");
            assertEquals(0, browser.count(By.id("decline-confirm")), "the question goes away");
            assertEquals("OFFERED", setup.waitlistStatus(urgent), "keeping the offer changes nothing");
            assertEquals("decline-" + urgent, browser.focusReaches("decline-" + urgent), "focus returns to the button");

            browser.click("decline-" + urgent).click("confirm-decline");
            String said = browser.awaitText("outcome", "Offer declined");
            assertTrue(said.contains(urgentName + " is no longer on the waitlist"), said);
            assertEquals("DECLINED", setup.waitlistStatus(urgent));
            assertFalse(browser.text(By.id("entries")).contains(urgentName), "the client has left the list");
            browser.check("waitlist-declined");

            setup.awaitOffer(next);  // the time went to the next client waiting
            browser.open("#/clients").atHeading("Find a client");
            browser.clickLink("Waitlist").atHeading("Waitlist");
            browser.await(By.id("decline-" + next));
            assertTrue(row(browser, nextName).contains("Offer open"), row(browser, nextName));

            browser.click("withdraw-" + leaving);
            asked = browser.text(By.id("withdraw-confirm"));
            assertTrue(asked.contains("Take " + leavingName + " off the waitlist?") && asked.contains("no more offers"), asked);
            browser.check("waitlist-withdraw-confirm");
            browser.click("confirm-withdraw");
            browser.awaitText("outcome", leavingName + " is off the waitlist");
            assertEquals("WITHDRAWN", setup.waitlistStatus(leaving));
            assertFalse(browser.text(By.id("entries")).contains(leavingName), "the client has left the list");
            assertTrue(browser.text(By.id("entries")).contains(nextName), "the others stay");
            browser.check("waitlist-withdrawn");

            assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no failed module, no script error");
            browser.assertAccessible();
            System.out.printf("WaitlistJourneyIT: %d states checked with axe-core, 0 violations%n", browser.checks());
        }
    }

    /** The waitlist table's row of one client, as words. */
    private static String row(Browser browser, String client) {
        return String.valueOf(browser.script("return [...document.querySelectorAll('#waitlist-table sgds-table-row')]"
                + ".map(r => r.innerText).find(t => t.includes(arguments[0])) ?? '';", client));
    }
}
