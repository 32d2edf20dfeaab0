package sg.linkup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A counter officer with one booking in front of them, in Chromium against the deployed WAR: its status, history
 * and messages; moving it to another time; cancelling it after someone else changed it (412: the new state beside
 * the reason typed, nothing lost); another SSO's officer finding nothing; the waitlist, from putting a client on it
 * to taking a freed slot at the counter; checking a client in from the booking; a supervisor reading the booking and
 * the board with nothing to press. Every state is checked with axe-core (WCAG 2.1 A/AA, zero findings) and
 * photographed under target/screenshots/booking-detail-journey/.
 */
class BookingDetailJourneyIT extends DeployedApp {

    private static final String JOURNEY = "booking-detail-journey/";

    @Test
    void counterSeesABookingsHistoryAndMessagesThenReschedulesIt() throws IOException {
        Setup setup = new Setup(deployment);
        Setup.Booked siti = setup.bookedAtNine("SSO@Ang Mo Kio", "Priya Raman", "Siti Nurhaliza " + Setup.suffix());
        String counter = setup.staff("COUNTER_STAFF", siti.sso().office());
        long advisor = siti.advisor();
        long booking = siti.booking();

        try (Browser browser = new Browser(deployment, JOURNEY + "reschedule")) {
            browser.signIn(counter);
            browser.openBooking(booking).atHeading("Booking for Siti");
            assertEquals("Booked", browser.text(By.id("status")));
            String details = browser.text(By.id("booking-details"));
            assertTrue(details.contains("Career coaching") && details.contains("Priya Raman")
                    && details.contains("9:00") && details.contains("Interview room 1")
                    && details.contains("needs help with a CV"), details);
            assertEquals(List.of("BOOKING_BOOKED"), actions(browser));
            String messages = browser.text(By.id("messages-table"));
            assertTrue(messages.contains("Confirmation") && messages.contains("+65 ****"), messages);
            // The reminders are still to go, so their text is shown whatever became of the confirmation: the browser
            // ITs run no fake Twilio, and a text that failed is not shown (it never reached the client).
            assertTrue(messages.contains("Linkup: Reminder: your appointment at SSO@Ang Mo Kio")
                    && !messages.contains("Siti") && !messages.contains("Career coaching"),
                    "the text as the client reads it, nameless: " + messages);
            assertEquals(1, browser.count(By.id("client-link")), "the client's own SSO links to the client");
            assertEquals(0, browser.count(By.id("check-in")), "check-in opens on the day of the session");
            browser.check("booking-opened");

            browser.click("reschedule");
            browser.await(By.id("slot-0"));
            String choices = browser.text(By.id("alternatives"));
            assertTrue(choices.startsWith("Free times (the same advisor first)"), choices);
            assertTrue(choices.contains("Priya Raman"), choices);
            browser.check("alternatives");
            browser.click("confirm-reschedule");
            assertTrue(browser.text(By.cssSelector(".error-summary")).contains("Choose a new time"));
            browser.check("no-time-chosen");

            browser.await(By.id("slot-0")).click();
            browser.click("confirm-reschedule");
            browser.awaitText("outcome", "Booking moved");
            assertEquals(List.of("BOOKING_BOOKED", "BOOKING_RESCHEDULED"), actions(browser),
                    "history: booked, then rescheduled");
            String history = browser.text(By.id("history-table"));
            assertTrue(history.contains("Booked: ") && history.contains("Priya Raman, Interview room 1, SSO@Ang Mo Kio, in person at the SSO"),
                    "the history names the advisor, room and SSO: " + history);
            assertFalse(history.contains("advisor " + advisor), "not their ids: " + history);
            assertEquals("Booked", browser.text(By.id("status")));
            assertTrue(browser.text(By.id("messages-table")).contains("New time"),
                    "the client is told the new time");
            browser.check("rescheduled");
            browser.script("document.getElementById('history-title').scrollIntoView();");
            browser.check("history-and-messages");

            assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no failed module, no script error");
            browser.assertAccessible();
            System.out.printf("BookingDetailJourneyIT reschedule: %d states checked with axe-core, 0 violations%n",
                    browser.checks());
        }
    }

    @Test
    void aCancellationOfABookingChangedMeanwhileShowsTheNewStateAndKeepsTheReason() throws IOException {
        Setup setup = new Setup(deployment);
        Setup.Booked farah = setup.bookedAtNine("SSO@Bedok", "Daniel Koh", "Farah Aziz " + Setup.suffix());
        Setup.Catalogue sso = farah.sso();
        String counter = setup.staff("COUNTER_STAFF", sso.office());
        long booking = farah.booking();

        try (Browser browser = new Browser(deployment, JOURNEY + "stale")) {
            browser.signIn(counter);
            browser.openBooking(booking).atHeading("Booking for Farah");
            assertTrue(browser.text(By.id("booking-details")).contains("9:00"));
            browser.check("opened");

            setup.reschedule(sso, booking, farah.advisor(), "10:00");  // a colleague moves it meanwhile

            browser.click("cancel");
            String reason = "Client found a job at the bakery";
            browser.type("cancel-reason", reason);
            browser.check("cancel-reason-typed");
            browser.click("confirm-cancel");
            String said = browser.awaitText("outcome", "Someone else changed this booking since you opened it");
            assertTrue(said.contains("10:00"), "the new time is said: " + said);
            assertTrue(said.contains(reason), "beside what the officer chose: " + said);
            assertTrue(browser.text(By.id("booking-details")).contains("10:00"), "the booking shown is the fresh one");
            assertEquals("Booked", browser.text(By.id("status")), "nothing was cancelled");
            assertEquals(reason, browser.valueOf("cancel-reason"), "the typed reason is kept");
            assertEquals(List.of("BOOKING_BOOKED", "BOOKING_RESCHEDULED"), actions(browser));
            browser.check("stale");
            browser.script("document.getElementById('panel').scrollIntoView();");
            browser.check("stale-reason-kept");

            browser.click("confirm-cancel");
            browser.awaitText("outcome", "Booking cancelled");
            assertEquals("Cancelled", browser.text(By.id("status")));
            assertTrue(browser.text(By.id("booking-details")).contains(reason));
            assertEquals(List.of("BOOKING_BOOKED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"), actions(browser));
            assertEquals(0, browser.count(By.id("cancel")), "a cancelled booking offers no more changes");
            browser.check("cancelled-on-retry");

            assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no failed module, no script error");
            browser.assertAccessible();
            System.out.printf("BookingDetailJourneyIT stale: %d states checked with axe-core, 0 violations%n",
                    browser.checks());
        }
    }

    @Test
    void anotherSsosOfficerFindsNothingOfTheBooking() throws IOException {
        Setup setup = new Setup(deployment);
        String first = "Zulkifli";
        long booking = setup.bookedAtNine("SSO@Clementi", "Harpreet Singh", first + " Osman " + Setup.suffix()).booking();
        long elsewhere = setup.office("SSO@Jurong West");
        String stranger = setup.staff("COUNTER_STAFF", elsewhere);

        try (Browser browser = new Browser(deployment, JOURNEY + "scope")) {
            browser.signIn(stranger);
            browser.openBooking(booking).atHeading("Booking not found");
            String page = browser.text(By.tagName("main"));
            assertFalse(page.contains(first), page);
            assertFalse(page.contains("Harpreet"), page);
            assertFalse(page.contains("Career coaching"), page);
            assertFalse(page.contains("needs help with a CV"), page);
            browser.check("not-found");
            browser.open("#/bookings/999999999").atHeading("Booking not found");
            assertEquals(page, browser.text(By.tagName("main")), "another SSO's booking reads like one that does not exist");
            browser.assertAccessible();
            System.out.printf("BookingDetailJourneyIT scope: %d states checked with axe-core, 0 violations%n",
                    browser.checks());
        }
    }

    @Test
    void counterChecksAClientInFromTheBookingAndTheSupervisorOnlyReadsIt() throws IOException {
        Setup setup = new Setup(deployment);
        long office = setup.allDayOffice("SSO@Woodlands");
        long room = setup.room(office, "Interview room 1");
        long agency = setup.agency();
        long service = setup.walkInService(agency, "Career coaching");
        long advisor = setup.advisor(agency, service, office, "Nadia Yusof");
        long client = setup.client(office, "Mei Ling Goh " + Setup.suffix(), "+65" + Setup.mobile(), null);
        // A session that started five minutes ago (no earlier than midnight: it is today's), so check-in is open.
        Instant midnight = LocalDate.now(Setup.SINGAPORE).atStartOfDay(Setup.SINGAPORE).toInstant();
        Instant started = Instant.now().minusSeconds(5 * 60);
        long booking = setup.pastBooking(service, office, advisor, room, client, "BOOKED",
                started.isBefore(midnight) ? midnight : started);
        String counter = setup.staff("COUNTER_STAFF", office);
        String supervisor = setup.staff("SUPERVISOR", office);

        try (Browser browser = new Browser(deployment, JOURNEY + "check-in")) {
            browser.signIn(counter);
            browser.openBooking(booking).atHeading("Booking for Mei");
            assertEquals("Booked", browser.text(By.id("status")));
            assertEquals(List.of(), actions(browser), "nothing has happened to it yet");
            browser.check("before-check-in");

            browser.click("check-in");
            String said = browser.awaitText("outcome", "Checked in");
            assertTrue(said.contains("Mei is checked in"), said);
            assertEquals("Checked in", browser.text(By.id("status")));
            assertEquals(List.of("BOOKING_CHECKED_IN"), actions(browser), "the history says who checked the client in");
            assertTrue(browser.text(By.id("history-table")).contains(counter), "by name");
            assertEquals(0, browser.count(By.id("check-in")), "checked in once");
            assertEquals(0, browser.count(By.id("reschedule")), "a client at the counter is not moved to another time");
            assertEquals(1, browser.count(By.id("cancel")), "a checked-in session can still be cancelled");
            browser.check("checked-in");

            assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no failed module, no script error");
            browser.assertAccessible();
            System.out.printf("BookingDetailJourneyIT check-in: %d states checked with axe-core, 0 violations%n",
                    browser.checks());
        }

        try (Browser browser = new Browser(deployment, JOURNEY + "supervisor")) {
            browser.signIn(supervisor);
            browser.openBooking(booking).atHeading("Booking for Mei");
            assertEquals("Checked in", browser.text(By.id("status")));
            assertEquals(List.of("BOOKING_CHECKED_IN"), actions(browser), "the supervisor reads the same history");
            assertEquals(List.of(), browser.buttonsIn("main"),
                    "a supervisor sees no button that changes the booking (no check-in, reschedule or cancel)");
            browser.check("supervisor-booking");

            browser.clickLink("Today's board").atHeading("Today's board");
            browser.until(20, "the session is on the board", "return !!document.querySelector("
                    + "'#board-table [data-booking=\"' + arguments[0] + '\"][data-status=\"CHECKED_IN\"]');", booking);
            assertEquals(List.of(), browser.buttonsIn("main"),
                    "a supervisor sees no button on the board either (no check-in, no walk-in)");
            assertEquals(0, browser.count(By.id("walk-in-form")), "no walk-in form");
            browser.check("supervisor-board");

            assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no failed module, no script error");
            browser.assertAccessible();
            System.out.printf("BookingDetailJourneyIT supervisor: %d states checked with axe-core, 0 violations%n",
                    browser.checks());
        }
    }

    @Test
    void counterPutsAClientOnTheWaitlistAndTakesTheFreedSlotForThem() throws Exception {
        Setup setup = new Setup(deployment);
        Setup.Catalogue sso = setup.catalogue("SSO@Tampines");
        String counter = setup.staff("COUNTER_STAFF", sso.office());
        long advisor = setup.advisor(sso, "Grace Lim", "09:00", "09:45");  // one slot that day
        long first = setup.client(sso.office(), "Ahmad Ibrahim " + Setup.suffix(), "+65" + Setup.mobile(), null);
        long taken = setup.book(sso, advisor, first, "09:00");
        String name = "Rajesh Kumar " + Setup.suffix();
        long waiting = setup.client(sso.office(), name, "+65" + Setup.mobile(), null);

        try (Browser browser = new Browser(deployment, JOURNEY + "waitlist")) {
            browser.signIn(counter);
            browser.clickLink("Waitlist").atHeading("Waitlist");
            browser.await(By.id("entries-title"));
            assertEquals(0, browser.count(By.id("waitlist-table")), "nobody waits yet");
            browser.check("waitlist");

            browser.type("wl-find", name);
            browser.click("wl-search");
            browser.await(By.id("client-" + waiting));
            assertTrue((Boolean) browser.script("return document.getElementById(arguments[0]).checked;",
                    "client-" + waiting), "the one client found is chosen");
            assertTrue((Boolean) browser.script("return document.getElementById(arguments[0]).checked;",
                    "office-" + sso.office()), "the officer's own SSO is ticked");
            browser.await(By.cssSelector("#serviceId option[value='" + sso.service() + "']")).click();
            browser.type("firstDay", sso.day().toString()).type("lastDay", sso.day().minusDays(1).toString());
            browser.click("wl-add");
            String summary = browser.text(By.cssSelector(".error-summary"));
            assertTrue(summary.contains("The last day cannot be before the first day"), summary);
            assertEquals("error-summary", browser.focusReaches("error-summary"), "focus moves to what went wrong");
            assertEquals(sso.day().toString(), browser.valueOf("firstDay"), "nothing typed is lost");
            browser.check("waitlist-refused");

            browser.type("lastDay", sso.day().toString());
            browser.click("urgent");
            browser.click("wl-add");
            browser.awaitText("outcome", "Client put on the waitlist");
            String table = browser.text(By.id("waitlist-table"));
            assertTrue(table.contains(name) && table.contains("Waiting") && table.contains("Urgent"), table);
            browser.check("on-the-waitlist");

            setup.cancel(taken, "Found a job");  // the slot frees up and is offered to the waiting client
            long entry = setup.awaitOffer(setup.waitlistEntryOf(waiting)).getJsonNumber("id").longValue();
            browser.open("#/clients").atHeading("Find a client");
            browser.clickLink("Waitlist").atHeading("Waitlist");
            browser.await(By.id("accept-" + entry));
            assertTrue(browser.text(By.id("waitlist-table")).contains("Offer open"));
            browser.check("offer-open");

            browser.click("accept-" + entry);
            browser.awaitText("outcome", "Booked");
            browser.check("offer-accepted");
            browser.clickLink("Open the booking").atHeading("Booking for Rajesh");
            assertEquals("Booked", browser.text(By.id("status")));
            assertTrue(browser.text(By.id("booking-details")).contains("9:00"));
            browser.check("booked-from-waitlist");

            assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no failed module, no script error");
            browser.assertAccessible();
            System.out.printf("BookingDetailJourneyIT waitlist: %d states checked with axe-core, 0 violations%n",
                    browser.checks());
        }
    }

    /** The history's actions in order, as the audit names them. */
    private static List<String> actions(Browser browser) {
        @SuppressWarnings("unchecked")
        List<String> actions = (List<String>) browser.script(
                "return [...document.querySelectorAll('#history-table .history-action')].map(e => e.dataset.action);");
        return actions;
    }
}
