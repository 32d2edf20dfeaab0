package sg.linkup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A counter officer books a session for a client in a real browser: the need and the service, video from an SSO
 * room (preselected), the client's own SSO, a free time held with one click and its countdown, the referral note
 * and consent, check answers, confirm, and what the client will receive. Then two officers race for one time: the
 * loser is offered the nearest free times and books one of them. Every state is checked with axe-core and
 * photographed under target/screenshots/booking-*.
 * <p>
 * The ITs run with {@code linkup.booking.hold-seconds=3}: a hold lapses while the officer types, which is how the
 * lapse and "hold it again" are seen here, and how the second officer in the race gets the time the first let lapse.
 */
class BookingJourneyIT extends DeployedApp {

    @Test
    void counterBooksVideoSessionAtTheSsoForAClient() throws IOException {
        Setup setup = new Setup(deployment);
        long home = setup.openOffice("SSO@Kallang Bahru", 1.3117, 103.8711);
        setup.openOffice("SSO@Tampines East", 1.3521, 103.9448);
        long service = setup.service("Career coaching", "Bimbingan kerjaya", home);
        String counter = setup.staff("COUNTER_STAFF", home);
        String mobile = Setup.mobile();
        long client = setup.malayClient(home, "Nur Aisyah binte Rahman", "+65" + mobile);

        try (Browser browser = new Browser(deployment, "booking-journey")) {
            browser.open("").atHeading("Sign in to Linkup");
            browser.type("username", counter).type("password", Setup.PASSWORD).enter("password");
            browser.atHeading("Find a client");
            browser.type("find", mobile).enter("find");
            browser.clickLink("Nur Aisyah binte Rahman").atHeading("Nur Aisyah binte Rahman");
            browser.check("client");

            browser.click("book").atHeading("Book a session: Nur Aisyah binte Rahman");
            browser.check("book-start");
            chooseService(browser, service);
            assertTrue(browser.await(By.id("mode-VIDEO_AT_SSO")).isSelected(), "video from an SSO room comes first");
            assertTrue(browser.text(By.id("mode")).contains("Saves the client the trip to the partner\u2019s office"));
            assertEquals(String.valueOf(home), new Select(browser.await(By.id("office"))).getFirstSelectedOption()
                    .getAttribute("value"), "the client's own SSO first");
            String offices = browser.text(By.id("office"));
            assertTrue(offices.contains("SSO@Kallang Bahru (the client\u2019s own SSO)"), offices);
            assertTrue(offices.contains("SSO@Tampines East (9.3 km away)"), offices);
            assertTrue(new Select(browser.await(By.id("service"))).getFirstSelectedOption().getText()
                    .equals("Career coaching \u2014 Bimbingan kerjaya"), "the service in the client's language alongside");
            WebElement first = browser.await(By.cssSelector(".time-button"));
            String slot = first.getText();
            assertTrue(slot.contains("Siti Rahmat") && slot.contains("Video room 1") && slot.contains("speaks English, Malay"),
                    slot);
            browser.check("free-times");

            first.click();
            browser.await(By.id("held"));
            assertTrue(browser.text(By.id("countdown")).matches("\\d\\d:\\d\\d"), "the hold shows its time left");
            assertEquals("held-heading", browser.focusReaches("held-heading"), "focus moves to the held time");
            browser.check("held");

            browser.await(By.id("hold-lapsed"));  // 3 s in the ITs
            assertTrue(browser.text(By.id("held")).contains("The hold has run out"));
            browser.await(By.id("referralNote")).sendKeys("Retrenched in October; looking for logistics roles.");
            browser.check("hold-lapsed");
            String lapsedHold = browser.await(By.id("held")).getAttribute("data-hold");
            browser.click("hold-again");
            awaitOrSay(browser, By.cssSelector("#held:not([data-hold='" + lapsedHold + "'])"));
            assertEquals("Retrenched in October; looking for logistics roles.",
                    browser.await(By.id("referralNote")).getDomProperty("value"), "nothing typed is lost");
            browser.await(By.id("consentToShare")).click();
            browser.click("continue");

            browser.await(By.id("check-heading"));
            assertEquals("check-heading", browser.focusReaches("check-heading"));
            String answers = browser.text(By.id("check-answers"));
            for (String expected : List.of("Nur Aisyah binte Rahman", "Career coaching", "Video call from an SSO room",
                    "SSO@Kallang Bahru", "Singapore time", "Siti Rahmat", "Video room 1", "logistics roles",
                    "Yes, the client agreed")) {
                assertTrue(answers.contains(expected), expected + " in " + answers);
            }
            browser.check("check-answers");

            browser.click("confirm").atHeading("Booked");
            assertEquals("booked-heading", browser.focusReaches("booked-heading"), "focus moves to the confirmation");
            String booked = browser.text(By.tagName("main"));
            assertTrue(booked.contains("What happens next") && booked.contains("in Malay"), booked);
            browser.check("booked");
            String sent = waitForText(browser, By.id("notifications"), "Confirmation text");
            assertTrue(sent.contains("****" + mobile.substring(4)), sent);
            // What the client's phone shows, in Malay; the video link is theirs alone and reads "[video link]" here.
            String text = waitForText(browser, By.cssSelector("#notifications .sms-preview[lang='ms']"),
                    "Linkup: Temu janji anda di SSO@Kallang Bahru");
            assertTrue(text.endsWith("Pautan video: [video link]") && !text.contains("http"), text);
            assertTrue(!text.contains("Nur Aisyah") && !text.contains("Career") && !text.contains("kerjaya"),
                    "an SMS names neither the client nor the service: " + text);
            browser.check("booked-notifications");

            assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no failed module, no script error");
            browser.assertAccessible();
            System.out.printf("BookingJourneyIT: %d states checked with axe-core, 0 violations%n", browser.checks());
        }
    }

    @Test
    void twoCountersRaceForOneTimeAndTheLoserBooksANearbyOne() throws Exception {
        Setup setup = new Setup(deployment);
        long office = setup.openOffice("SSO@Bukit Merah", 1.2819, 103.8239);
        long service = setup.service("Job matching", "Padanan kerja", office);
        String first = setup.staff("COUNTER_STAFF", office);
        String second = setup.staff("COUNTER_STAFF", office);
        long clientA = setup.malayClient(office, "Ahmad bin Ismail", "+65" + Setup.mobile());
        long clientB = setup.malayClient(office, "Lim Wei Jie", "+65" + Setup.mobile());

        try (Browser a = new Browser(deployment, "booking-race-a");
             Browser b = new Browser(deployment, "booking-race-b")) {
            signInTo(a, "#/book?client=" + clientA, first, "Ahmad bin Ismail");
            signInTo(b, "#/book?client=" + clientB, second, "Lim Wei Jie");
            chooseService(a, service);
            chooseService(b, service);
            WebElement timeA = a.await(By.cssSelector(".time-button"));
            WebElement timeB = b.await(By.cssSelector(".time-button"));
            assertEquals(timeA.getText(), timeB.getText(), "both see the same first free time");

            timeA.click();
            a.await(By.id("held"));
            Thread.sleep(4_000);  // A's hold lapses while the officer talks to the client
            timeB.click();
            b.await(By.id("held"));
            b.click("continue");
            b.await(By.id("check-heading"));
            b.click("confirm").atHeading("Booked");
            b.check("won");

            a.click("continue");
            a.await(By.id("check-heading"));
            a.click("confirm");
            awaitOrSay(a, By.id("taken"));
            assertEquals("This time was just taken \u2014 here are the nearest free times", a.text(By.id("taken-heading")));
            assertEquals("taken-heading", a.focusReaches("taken-heading"), "focus moves to what changed");
            assertTrue(a.count(By.cssSelector("#alternatives .time-button")) > 0, "nearest free times offered");
            a.check("lost-race-alternatives");
            a.await(By.cssSelector("#alternatives .time-button")).click();
            a.await(By.id("held"));
            a.check("alternative-held");
            a.click("continue");
            a.await(By.id("check-heading"));
            a.click("confirm").atHeading("Booked");
            a.check("alternative-booked");

            assertEquals(List.of(), a.consoleErrors());
            assertEquals(List.of(), b.consoleErrors());
            a.assertAccessible();
            b.assertAccessible();
        }
    }

    private static void signInTo(Browser browser, String route, String username, String client) {
        browser.open(route).atHeading("Sign in to Linkup");
        browser.type("username", username).type("password", Setup.PASSWORD).enter("password");
        browser.atHeading("Book a session: " + client);
    }

    private static void chooseService(Browser browser, long service) {
        new Select(browser.await(By.id("domain"))).selectByValue("EMPLOYMENT");
        String option = "#service option[value='%d']".formatted(service);
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (browser.count(By.cssSelector(option)) == 0) {
            if (System.nanoTime() > until) {
                throw new AssertionError("service " + service + " not offered: " + browser.script(
                        "return document.getElementById('service').outerHTML + ' / domain ' + document.getElementById('domain').outerHTML;"));
            }
            Thread.onSpinWait();
        }
        new Select(browser.await(By.id("service"))).selectByValue(String.valueOf(service));
        browser.await(By.cssSelector(".time-button"));
    }

    /** Waits for an element; if it never shows, fails with what the screen says instead. */
    private static void awaitOrSay(Browser browser, By by) {
        try {
            browser.await(by);
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                browser.await(by);  // a slow answer (the server finds alternatives): one more wait
            } catch (org.openqa.selenium.TimeoutException again) {
                throw new AssertionError(by + " never showed; the screen says: " + browser.text(By.tagName("main"))
                        + "; console: " + browser.consoleErrors(), again);
            }
        }
    }

    private static String waitForText(Browser browser, By by, String expected) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String text = "";
        while (System.nanoTime() < until) {
            text = browser.text(by);
            if (text.contains(expected)) {
                return text;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("'" + expected + "' never showed in: " + text);
    }
}
