package sg.linkup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The administrator's accounts, holidays and audit log, in a real browser: an admin creates a counter officer's
 * account (the API's password rule shown at the field), the officer signs in and sees only counter screens, locks
 * the account with wrong passwords (the ITs allow 3), the admin sees it locked and unlocks it, disables another
 * account that then cannot sign in, imports public holidays from an .ics file (and is told why a bad file is
 * refused), and finds the officer's sign-ins in the audit log by username and today's date. A supervisor sees no
 * admin screen in the navigation and is refused one by its address. axe-core on every state; screenshots under
 * target/screenshots/admin-staff-journey*.
 */
class AdminStaffJourneyIT extends DeployedApp {

    private static final String OFFICERS_PASSWORD = "counter-pass-2026-x";

    @Test
    void adminCreatesUnlocksAndDisablesAccountsImportsHolidaysAndReadsTheAuditLog() throws Exception {
        Setup setup = new Setup(deployment);
        long amk = setup.office("SSO@Ang Mo Kio");
        setup.office("SSO@Bedok");
        String admin = setup.admin();
        String leaver = setup.staff("COUNTER_STAFF", amk, "Lim Boon Keng");
        String officer = "aisyah." + UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(Setup.SINGAPORE);

        try (Browser adminBrowser = new Browser(deployment, "admin-staff-journey");
             Browser officerBrowser = new Browser(deployment, "admin-staff-journey-officer")) {
            adminBrowser.signIn(admin);
            List<String> adminScreens = List.of("Staff accounts", "Public holidays", "Audit log");
            assertEquals(adminScreens, adminBrowser.navigation().stream().filter(adminScreens::contains).toList(),
                    "an administrator's navigation holds the accounts, holidays and audit screens (beside the others)");
            assertEquals(List.of("Clients", "Today's board", "Waitlist", "Staff accounts", "Public holidays", "Audit log",
                    "Agency screens", "Catalogue", "Reports"), adminBrowser.navigation(),
                    "the partner screens are one entry for an administrator: the header has room for each link");
            assertEquals(Boolean.FALSE, adminBrowser.script("return document.documentElement.scrollWidth > "
                    + "document.documentElement.clientWidth;"), "the header fits a 1280 px window");

            // Create: the API's password rule comes back at the field, nothing typed but the password is lost.
            adminBrowser.clickLink("Staff accounts").atHeading("Staff accounts");
            adminBrowser.awaitText("staff-caption", "accounts");
            adminBrowser.check("admin-staff-list");
            adminBrowser.click("staff-new").atHeading("Create a staff account");
            adminBrowser.type("username", officer).type("displayName", "Nur Aisyah")
                    .choose("role", "Counter staff").type("password", "too-short");
            adminBrowser.await(By.id("office-" + amk)).click();
            adminBrowser.click("staff-save");
            assertTrue(adminBrowser.awaitText("staff-problems", "12 characters").contains("The password needs at least"));
            assertEquals("Nur Aisyah", adminBrowser.valueOf("displayName"), "the name typed is kept");
            adminBrowser.check("admin-staff-invalid-password");
            adminBrowser.type("password", OFFICERS_PASSWORD).click("staff-save").atHeading("Account: Nur Aisyah");
            adminBrowser.awaitText("staff-outcome", "Account created");
            assertEquals("Active", adminBrowser.text(By.id("staff-state")));
            adminBrowser.check("admin-staff-created");

            // The new account signs in and sees the counter's screens only.
            officerBrowser.open("").trySignIn(officer, OFFICERS_PASSWORD).atHeading("Find a client");
            assertEquals(List.of("Clients", "Today's board", "Waitlist"), officerBrowser.navigation());
            officerBrowser.check("officer-signed-in");
            officerBrowser.click("sign-out").atHeading("Sign in to Linkup");

            // Three wrong passwords lock it; then even the right one is refused, and the page says why it may be.
            for (int attempt = 1; attempt <= 3; attempt++) {
                refused(officerBrowser.trySignIn(officer, "wrong-password-" + attempt));
            }
            refused(officerBrowser.trySignIn(officer, OFFICERS_PASSWORD));
            String refusal = officerBrowser.text(By.cssSelector(".error-summary"));
            assertTrue(refusal.contains("the account is locked") && refusal.contains("an administrator can unlock it"),
                    refusal);
            assertEquals("Sign in to Linkup", officerBrowser.heading(), "still not signed in");
            officerBrowser.check("officer-locked-out");

            // The admin finds it locked and unlocks it.
            adminBrowser.clickLink("Staff accounts").atHeading("Staff accounts");
            adminBrowser.type("staff-find", officer).choose("staff-state", "Locked").click("staff-search");
            adminBrowser.awaitText("staff-caption", "1 account matching");
            assertTrue(adminBrowser.text(By.id("staff-table")).contains("Locked until"),
                    adminBrowser.text(By.id("staff-table")));
            adminBrowser.check("admin-staff-locked");
            adminBrowser.clickLink("Nur Aisyah").atHeading("Account: Nur Aisyah");
            assertTrue(adminBrowser.text(By.id("staff-state")).startsWith("Locked until"));
            adminBrowser.click("staff-unlock");
            adminBrowser.awaitText("staff-outcome", "Account unlocked");
            assertEquals("Active", adminBrowser.text(By.id("staff-state")));
            adminBrowser.check("admin-staff-unlocked");

            officerBrowser.trySignIn(officer, OFFICERS_PASSWORD).atHeading("Find a client");
            officerBrowser.click("sign-out").atHeading("Sign in to Linkup");

            // Disabling another account: it cannot sign in, and the list says so.
            adminBrowser.clickLink("Staff accounts").atHeading("Staff accounts");
            adminBrowser.type("staff-find", leaver).click("staff-search");
            adminBrowser.awaitText("staff-caption", "1 account matching");
            adminBrowser.clickLink("Lim Boon Keng").atHeading("Account: Lim Boon Keng");
            adminBrowser.click("staff-disable");
            adminBrowser.awaitText("staff-outcome", "Account disabled");
            assertEquals("Disabled", adminBrowser.text(By.id("staff-state")));
            assertEquals(1, adminBrowser.count(By.id("staff-enable")), "a disabled account can be enabled again");
            adminBrowser.check("admin-staff-disabled");
            refused(officerBrowser.trySignIn(leaver, Setup.PASSWORD));
            officerBrowser.check("disabled-account-refused");

            // Public holidays: this year, the next, and an import (a bad file first).
            adminBrowser.clickLink("Public holidays").atHeading("Public holidays " + today.getYear());
            adminBrowser.check("admin-holidays-year");
            adminBrowser.click("holidays-next").atHeading("Public holidays " + (today.getYear() + 1));
            Path bad = Files.createTempFile("not-a-calendar", ".ics");
            Files.writeString(bad, "Holidays: 1 Jan, 29 Jan\n");
            adminBrowser.attach("holidays-file", bad).click("holidays-import");
            assertTrue(adminBrowser.awaitText("holidays-problems", "could not be used").contains("iCalendar"),
                    "the API's reason, in words");
            adminBrowser.check("admin-holidays-bad-file");
            Path calendar = Files.createTempFile("sg-holidays-2031", ".ics");
            Files.writeString(calendar, """
                    BEGIN:VCALENDAR\r
                    VERSION:2.0\r
                    PRODID:-//Linkup test//EN\r
                    BEGIN:VEVENT\r
                    UID:20310101@test\r
                    DTSTAMP:20261201T000000Z\r
                    DTSTART;VALUE=DATE:20310101\r
                    SUMMARY:New Year's Day\r
                    END:VEVENT\r
                    BEGIN:VEVENT\r
                    UID:20310809@test\r
                    DTSTAMP:20261201T000000Z\r
                    DTSTART;VALUE=DATE:20310809\r
                    SUMMARY:National Day\r
                    END:VEVENT\r
                    END:VCALENDAR\r
                    """);
            adminBrowser.attach("holidays-file", calendar).click("holidays-import").atHeading("Public holidays 2031");
            assertTrue(adminBrowser.awaitText("holidays-outcome", "2 public holidays imported for 2031").length() > 0);
            String year2031 = adminBrowser.text(By.id("holidays-table"));
            assertTrue(year2031.contains("Wednesday, 1 January") && year2031.contains("National Day")
                    && year2031.contains("Saturday, 9 August"), year2031);
            adminBrowser.check("admin-holidays-imported");

            // The audit log: the officer's sign-ins today, by username and date; then a backwards date range.
            adminBrowser.clickLink("Audit log").atHeading("Audit log");
            adminBrowser.type("audit-actor", officer);
            adminBrowser.script("document.getElementById('audit-from').value = arguments[0];"
                    + "document.getElementById('audit-to').value = arguments[0];", today.toString());
            adminBrowser.click("audit-search");
            adminBrowser.awaitText("audit-caption", "newest first");
            String trail = adminBrowser.text(By.id("audit-table"));
            assertTrue(trail.contains("Signed in") && trail.contains("Sign-in refused") && trail.contains(officer), trail);
            assertFalse(trail.contains("SIGN_IN"), "actions in words, not codes");
            adminBrowser.script("document.getElementById('audit-results').scrollIntoView();");  // as one reads on
            adminBrowser.check("admin-audit-search");
            adminBrowser.script("document.getElementById('audit-to').value = arguments[0];", today.minusDays(1).toString());
            adminBrowser.click("audit-search");
            assertTrue(adminBrowser.awaitText("audit-problems", "must be on or after").contains("There is a problem"));
            adminBrowser.check("admin-audit-bad-dates");

            // From the account's page: what was done to it, by the administrator.
            adminBrowser.clickLink("Staff accounts").atHeading("Staff accounts");
            adminBrowser.type("staff-find", officer).click("staff-search");
            adminBrowser.awaitText("staff-caption", "1 account matching");
            adminBrowser.clickLink("Nur Aisyah").atHeading("Account: Nur Aisyah");
            adminBrowser.click("staff-audit-subject").atHeading("Audit log");
            adminBrowser.awaitText("audit-caption", "newest first");
            String changes = adminBrowser.text(By.id("audit-table"));
            assertTrue(changes.contains("Staff account created") && changes.contains("Staff account unlocked")
                    && changes.contains(admin), changes);
            adminBrowser.check("admin-audit-account");

            for (Browser browser : List.of(adminBrowser, officerBrowser)) {
                assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no failed module, no script error");
                browser.assertAccessible();
            }
            System.out.printf("AdminStaffJourneyIT: %d states checked with axe-core, 0 violations%n",
                    adminBrowser.checks() + officerBrowser.checks());
        }
    }

    /** Waits for a new "You could not be signed in" summary (not the one an earlier attempt left), and marks it seen. */
    private static void refused(Browser browser) {
        browser.until(20, "a new refusal on the sign-in page", """
                const summary = document.querySelector('.error-summary:not([data-seen])');
                if (!summary || !summary.textContent.includes('You could not be signed in')) {
                  return false;
                }
                summary.dataset.seen = 'yes';
                return true;""");
    }

    @Test
    void aSupervisorSeesTheirOfficesScreensAndNoAdministration() throws Exception {
        Setup setup = new Setup(deployment);
        String supervisor = setup.staff("SUPERVISOR", setup.office("SSO@Jurong West"));
        try (Browser browser = new Browser(deployment, "admin-staff-journey-supervisor")) {
            browser.signIn(supervisor);
            assertEquals(List.of("Clients", "Today's board", "Waitlist", "Reports"), browser.navigation(),
                    "a supervisor reads their SSO's clients, board, waitlist and reports; nothing of the administrator's");
            assertTrue(browser.buttonsIn("main").stream().noneMatch(button -> button.contains("Register")),
                    "a supervisor registers no client: " + browser.buttonsIn("main"));
            browser.check("supervisor-home");
            for (String screen : List.of("#/admin/staff", "#/admin/holidays", "#/admin/audit")) {
                browser.open(screen).atHeading("You cannot use this page");
            }
            browser.check("supervisor-admin-refused");
            assertEquals(List.of(), browser.consoleErrors());
            browser.assertAccessible();
        }
    }
}
