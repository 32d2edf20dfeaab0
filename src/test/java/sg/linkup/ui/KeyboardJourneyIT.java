package sg.linkup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The counter screens for an officer who does not use a mouse, who works on a narrow screen or zoomed in, and who
 * steps away from the counter: a whole booking made with Tab, Shift+Tab, Enter, Space, arrows and typing (keys go to
 * whatever has focus; nothing is clicked), focus visible at every stop; every counter screen at 320 CSS px; the
 * warning before the idle sign-out. Screenshots under target/screenshots/keyboard-*, narrow-*, idle-*.
 */
class KeyboardJourneyIT extends DeployedApp {

    @Test
    void counterBooksASessionWithTheKeyboardAlone() throws IOException {
        Setup setup = new Setup(deployment);
        long office = setup.openOffice("SSO@Jurong West", 1.3404, 103.7090);
        // A name no other test's service starts with: typing it into the closed list chooses it, as an officer would.
        setup.service("Keyboard job clinic", "Klinik pekerjaan", office);
        String counter = setup.staff("COUNTER_STAFF", office);
        String mobile = Setup.mobile();
        setup.malayClient(office, "Rahim bin Osman", "+65" + mobile);

        try (Browser browser = new Browser(deployment, "keyboard-journey")) {
            browser.open("").atHeading("Sign in to Linkup");
            browser.focusOn("signin-heading");
            browser.tabTo("username").press(counter).tabTo("password").press(Setup.PASSWORD, Keys.ENTER);

            browser.atHeading("Find a client").focusOn("h1");
            browser.tabTo("find").press(mobile, Keys.ENTER);
            browser.atHeading("Find a client");
            browser.await(By.id("results-table"));
            browser.tabTo("Rahim", 25, false);  // the link's path has no id: found by the row it sits in
            browser.check("keyboard-found");
            browser.press(Keys.ENTER).atHeading("Rahim bin Osman").focusOn("h1");

            browser.tabTo("book").press(Keys.ENTER).atHeading("Book a session: Rahim bin Osman").focusOn("h1");
            browser.tabTo("domain").press("Employment");
            assertEquals("EMPLOYMENT", new Select(browser.await(By.id("domain"))).getFirstSelectedOption().getAttribute("value"));
            browser.tabTo("service").press("Keyboard job");
            assertTrue(new Select(browser.await(By.id("service"))).getFirstSelectedOption().getText()
                    .startsWith("Keyboard job clinic"), "typing the name chooses the service");
            browser.tabTo("mode-VIDEO_AT_SSO");
            browser.press(Keys.ARROW_DOWN);  // radio buttons move with the arrows
            browser.focusOn("mode-IN_PERSON");
            assertTrue(browser.await(By.id("mode-IN_PERSON")).isSelected(), "the arrow chose in person");
            browser.press(Keys.ARROW_UP).focusOn("mode-VIDEO_AT_SSO");
            browser.tabTo("office");
            browser.await(By.cssSelector(".time-button"));
            browser.check("keyboard-free-times");
            noKeyboardTrap(browser);

            String day = (String) browser.script("return document.querySelector('.day-button[aria-pressed=true]').id;");
            browser.tabTo(day, 40, false);
            browser.press(Keys.ENTER).focusOn(day);  // choosing a day keeps focus on it
            browser.tabTo("time-button", 40, false).press(Keys.ENTER);
            browser.await(By.id("held"));
            browser.focusOn("held-heading");
            browser.check("keyboard-held");
            browser.tabTo("referralNote").press("Lost his job at the shipyard; wants a forklift licence.");
            browser.tabTo("consentToShare").press(Keys.SPACE);
            assertTrue(browser.await(By.id("consentToShare")).isSelected(), "Space ticks the consent box");
            browser.tabTo("continue").press(Keys.ENTER);

            browser.await(By.id("check-heading"));
            browser.focusOn("check-heading");
            String answers = browser.text(By.id("check-answers"));
            assertTrue(answers.contains("Keyboard job clinic") && answers.contains("forklift licence")
                    && answers.contains("Yes, the client agreed"), answers);
            browser.check("keyboard-check-answers");
            browser.tabTo("confirm").press(Keys.ENTER);

            browser.atHeading("Booked").focusOn("booked-heading");
            browser.check("keyboard-booked");
            assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no failed module, no script error");
            browser.assertAccessible();
        }
    }

    /**
     * Tab goes round the whole screen and back to the skip link: nothing holds the keyboard. The skip link passes
     * the header; Shift+Tab goes back up into it.
     */
    private static void noKeyboardTrap(Browser browser) {
        browser.tabTo("skip-link", 80, false).press(Keys.ENTER).focusOn("main");
        browser.tabTo("domain", 3, false);
        browser.tabTo("sign-out", 10, true);
        browser.tabTo("domain", 10, false);
    }

    @Test
    void everyCounterScreenFitsA320PixelWideWindow() throws IOException {
        Setup setup = new Setup(deployment);
        Setup.Catalogue sso = setup.catalogue("SSO@Woodlands");
        String counter = setup.staff("COUNTER_STAFF", sso.office());
        String mobile = Setup.mobile();
        long client = setup.client(sso.office(), "Muthu Krishnan s/o Ramasamy", "+65" + mobile, "123D");
        long advisor = setup.advisor(sso, "Priya Raman", "09:00", "12:00");
        long booking = setup.book(sso, advisor, client, "09:00");

        try (Browser browser = new Browser(deployment, "narrow")) {
            browser.width(320);
            assertEquals(320L, browser.script("return window.innerWidth;"), "the page is laid out 320 CSS px wide");
            browser.open("").atHeading("Sign in to Linkup");
            fits(browser, "signin");
            assertEquals(Boolean.FALSE, browser.script("return document.querySelector('#header sgds-mainnav').shadowRoot"
                    + ".querySelector('.navbar-toggler').checkVisibility();"), "signed out, no Menu button for an empty menu");
            browser.type("username", counter).type("password", Setup.PASSWORD).enter("password");
            browser.atHeading("Find a client");
            menuOpensAndClosesWithTheKeyboard(browser);

            List<String[]> screens = List.of(
                    new String[] {"#/clients?find=" + mobile, "Find a client", "find-a-client"},
                    new String[] {"#/clients/" + client, "Muthu Krishnan s/o Ramasamy", "client-details"},
                    new String[] {"#/clients/" + client + "/edit", "Change details: Muthu Krishnan s/o Ramasamy", "client-form"},
                    new String[] {"#/clients/new", "Register a new client", "client-form-new"},
                    new String[] {"#/book?client=" + client, "Book a session: Muthu Krishnan s/o Ramasamy", "book"},
                    new String[] {"#/board", "Today's board", "board"},
                    new String[] {"#/bookings/" + booking, "Booking for ", "booking-detail"},
                    new String[] {"#/waitlist", "Waitlist", "waitlist"});
            for (String[] screen : screens) {
                browser.open(screen[0]).until(15, "the heading " + screen[1], "const h1 = document.querySelector('main h1');"
                        + " return !!h1 && h1.textContent.startsWith(arguments[0]);", screen[1]);
                if (screen[2].equals("book")) {
                    new Select(browser.await(By.id("domain"))).selectByValue("EMPLOYMENT");
                    browser.until(10, "our service is offered", "return !!document.querySelector("
                            + "\"#service option[value='\" + arguments[0] + \"']\");", sso.service());
                    new Select(browser.await(By.id("service"))).selectByValue(String.valueOf(sso.service()));
                    browser.await(By.id("mode-IN_PERSON")).click();
                    browser.await(By.cssSelector(".time-button"));
                }
                fits(browser, screen[2]);
            }
            assertEquals(List.of(), browser.consoleErrors());
            browser.assertAccessible();
        }
    }

    /**
     * No sideways scrolling of the page (a 2-D table such as the board's may scroll in its own box: WCAG 1.4.10
     * allows it), and the heading is in view, not covered by anything (such as a menu left open).
     */
    private static void fits(Browser browser, String name) {
        browser.check(name);
        Object overflow = browser.script("""
                const page = document.scrollingElement;
                if (page.scrollWidth > innerWidth) {
                  const wide = [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1)
                    .slice(0, 3).map(e => e.localName + '#' + e.id + '.' + e.className);
                  return 'page ' + page.scrollWidth + ' px wide in a ' + innerWidth + ' px window: ' + wide.join(', ');
                }
                return '';""");
        assertEquals("", overflow, name + ": no horizontal scrolling at 320 px");
        Object heading = browser.script("""
                const h1 = document.querySelector('main h1');
                const box = h1.getBoundingClientRect();
                if (box.left < 0 || box.right > innerWidth + 1 || box.top < 0 || box.bottom > innerHeight) {
                  return 'the heading is outside the window: ' + JSON.stringify(box);
                }
                const seen = document.elementFromPoint(box.left + Math.min(20, box.width / 2), box.top + box.height / 2);
                return h1.contains(seen) ? '' : 'the heading is covered by ' + (seen && (seen.localName + '#' + seen.id));""");
        assertEquals("", heading, name + ": the heading is visible at 320 px");
    }

    /** Below the menu's breakpoint the navigation sits behind a Menu button, closed until the officer opens it. */
    private static void menuOpensAndClosesWithTheKeyboard(Browser browser) {
        // Shown or hidden, and (below the breakpoint) the menu done opening or closing, its button saying which.
        String navShown = "const nav = document.querySelector('#header sgds-mainnav');"
                + " const link = [...nav.querySelectorAll('sgds-mainnav-item a')].find(a => a.textContent === 'Waitlist');"
                + " const button = nav.shadowRoot.querySelector('.navbar-toggler').shadowRoot.querySelector('button');"
                + " return !!link && link.checkVisibility() === arguments[0] && (!nav.breakpointReached"
                + " || nav.expanded === arguments[0] && button.getAttribute('aria-expanded') === String(arguments[0]));";
        browser.until(5, "the menu is closed at 320 px", navShown, false);
        browser.focusOn("h1").tabTo("navbar-toggler", 10, true);
        browser.press(Keys.ENTER);
        browser.until(5, "Enter on the Menu button opens the menu", navShown, true);
        browser.check("menu-open");
        browser.tabTo("Waitlist", 10, false);
        browser.press(Keys.ESCAPE);
        browser.until(5, "Escape closes the menu", navShown, false);
        browser.focusOn("navbar-toggler");
        browser.press(Keys.SPACE);
        browser.until(5, "Space opens the menu again", navShown, true);
        browser.press(Keys.SPACE);
        browser.until(5, "and closes it", navShown, false);
        browser.width(1280).until(5, "wide, the links show in the header", navShown, true);
        browser.width(320).until(5, "narrowed again, the menu is closed", navShown, false);
    }

    @Test
    void officerIsWarnedBeforeTheIdleSignOutAndMayStay() throws IOException {
        Setup setup = new Setup(deployment);
        long office = setup.openOffice("SSO@Sengkang", 1.3868, 103.8914);
        String counter = setup.staff("COUNTER_STAFF", office);
        String mobile = Setup.mobile();
        setup.malayClient(office, "Zainab binte Yusof", "+65" + mobile);

        try (Browser browser = new Browser(deployment, "idle")) {
            // The server keeps its usual idle limit (other tests share it); this page alone is told 1 minute, as if
            // GET /api/ui-settings said so. The warning comes halfway, at 30 seconds.
            browser.beforeEveryPage("""
                    const realFetch = window.fetch;
                    window.fetch = (resource, options) => String(resource).endsWith('api/ui-settings')
                      ? realFetch(resource, options).then(r => r.json()).then(settings => new Response(
                          JSON.stringify({ ...settings, idleMinutes: 1 }), { headers: { 'Content-Type': 'application/json' } }))
                      : realFetch(resource, options);""");
            browser.open("").atHeading("Sign in to Linkup");
            browser.type("username", counter).type("password", Setup.PASSWORD).enter("password");
            browser.atHeading("Find a client").focusOn("h1").tabTo("find");

            String warningOpen = "const m = document.getElementById('idle-warning'); return !!m && m.open === arguments[0];";
            browser.until(70, "the idle warning shows", warningOpen, true);
            String warning = (String) browser.script("return document.getElementById('idle-warning').innerText;");
            assertTrue(warning.contains("You will be signed out soon") && warning.contains("signed out in"), warning);
            assertTrue(warning.contains("Stay signed in"), warning);
            browser.focusOn("stay-signed-in");
            browser.check("idle-warning");

            browser.press(Keys.ENTER);
            browser.until(10, "Stay signed in closes the warning", "return !document.getElementById('idle-warning');");
            browser.focusOn("find");  // back where the officer was
            browser.press(mobile, Keys.ENTER);
            assertTrue(browser.text(By.id("results")).contains("Zainab binte Yusof"), "the session is still there");
            browser.check("idle-stayed");

            browser.until(70, "the warning comes back when Linkup is left alone again", warningOpen, true);
            browser.until(70, "ignored, it signs the officer out", "return !!document.querySelector('main h1')"
                    + " && document.querySelector('main h1').textContent === 'Sign in to Linkup';");
            String message = browser.text(By.cssSelector("main sgds-alert"));
            assertTrue(message.contains("You were signed out because Linkup was not used for 1 minute"), message);
            assertEquals(401L, browser.asyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch('api/session', { cache: 'no-store' }).then(r => done(r.status));"), "the server's session has ended too");
            browser.check("idle-signed-out");
            assertEquals(List.of(), browser.consoleErrors());
            browser.assertAccessible();
        }
    }
}
