package sg.linkup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A supervisor reads their SSO's reports in Chromium against the deployed WAR: the sessions chart and the table under
 * it with the figures of a known set of sessions (and "< 5" where fewer than 5 clients are behind a figure), the same
 * by SSO, the choice surviving a reload, then the travel saved with its reference line, and the CSV of what is shown.
 * The exact figures of every report are ReportsIT's; this journey checks what a person sees. axe-core on every state,
 * screenshots under target/screenshots/reports-journey/.
 */
class ReportsJourneyIT extends DeployedApp {

    /** Sessions today at the SSO: 7 completed (6 attended, 1 needing a follow-up), 2 no-shows, 2 cancelled; 11 clients. */
    private static final int ATTENDED = 6;
    /** Earlier months: 6, 7, 8, 9 and 10 completed sessions, 5 to 1 months ago — 40 in all, and a trend to draw. */
    private static final int HISTORY_MONTHS = 5;

    @Test
    void supervisorReadsTheSessionsChartAndTableThenTravelSavedAndDownloadsTheCsv() throws IOException {
        Setup setup = new Setup(deployment);
        String ssoName = "SSO@Serangoon " + Setup.suffix();
        long office = setup.allDayOffice(ssoName);
        long room = setup.room(office, "Interview room 1");
        long agency = setup.agency();
        long service = setup.walkInService(agency, "Career coaching");
        long advisor = setup.advisor(agency, service, office, "Rahim Hassan");
        String supervisor = setup.staff("SUPERVISOR", office);
        List<Long> clients = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            clients.add(setup.client(office, "Report Client " + Setup.suffix(), "+65" + Setup.mobile(), null));
        }
        // Sessions that began a few minutes ago, as the day left them: checked in, started and completed through the
        // API, or cancelled at the counter; two from an hour ago that nobody checked in, marked by the no-show sweep.
        Instant justStarted = Instant.now().minusSeconds(5 * 60);
        for (int i = 0; i < ATTENDED + 1; i++) {
            long session = setup.pastBooking(service, office, advisor, room, clients.get(i), "BOOKED", justStarted);
            setup.act(session, "check-in", "");
            setup.act(session, "start", "");
            setup.act(session, "complete", i < ATTENDED ? "{\"outcome\":\"ATTENDED\"}" : "{\"outcome\":\"FOLLOW_UP_NEEDED\"}");
        }
        for (int i = ATTENDED + 1; i < ATTENDED + 3; i++) {
            setup.act(setup.pastBooking(service, office, advisor, room, clients.get(i), "BOOKED", justStarted), "cancel",
                    "{\"reason\":\"Client found a job\"}");
        }
        Instant anHourAgo = Instant.now().minusSeconds(3600);
        for (int i = ATTENDED + 3; i < ATTENDED + 5; i++) {
            setup.pastBooking(service, office, advisor, room, clients.get(i), "BOOKED", anHourAgo);
        }
        setup.sweepNoShows();
        for (int monthsAgo = 1; monthsAgo <= HISTORY_MONTHS; monthsAgo++) {
            java.time.ZonedDateTime day = java.time.ZonedDateTime.now(Setup.SINGAPORE).minusMonths(monthsAgo)
                    .withDayOfMonth(10).withHour(10).withMinute(0).withSecond(0).withNano(0);
            for (int i = 0; i < 11 - monthsAgo; i++) {
                setup.pastBooking(service, office, advisor, room, clients.get(i), "COMPLETED",
                        day.plusMinutes(30L * i).toInstant());
            }
        }
        setup.rebuildReports();  // the rows above were written into the table, past the roll-ups

        try (Browser browser = new Browser(deployment, "reports-journey")) {
            browser.preferReducedMotion();  // charts drawn at once, as for a person who asked for no animation
            browser.signIn(supervisor);
            assertTrue(browser.navigation().contains("Reports"), "a supervisor has reports: " + browser.navigation());
            browser.clickLink("Reports").atHeading("Reports");
            awaitCharts(browser);
            showResults(browser).check("sessions");
            assertEquals(Boolean.TRUE, browser.script("return matchMedia('(prefers-reduced-motion: reduce)').matches"
                    + " && Chart.getChart(document.getElementById('report-trend-0-chart')).options.animation === false;"),
                    "no animation for a person who asked for none");
            assertEquals("Chart: Sessions booked, attended and missed per month", chartName(browser, "report-trend-0"));
            assertTrue(paintedPixels(browser, "report-trend-0") > 1000, "the chart is drawn");
            String summary = browser.text(By.id("report-trend-0-summary"));
            assertTrue(summary.startsWith("Booked: 51 over the range; ") && summary.contains("No-shows: < 5 over"),
                    "the chart's summary in words: " + summary);
            Map<String, String> total = row(browser, "report-trend-0-table", "Total");
            assertEquals("51", total.get("Booked"), "11 sessions today and 40 before at this SSO: " + total);
            assertEquals("< 5", total.get("No-shows"), "2 clients did not come: fewer than 5, so hidden: " + total);
            assertEquals("< 5", total.get("Cancelled"), total.toString());
            assertTrue(browser.text(By.id("report-notes-title")).contains("About these figures"));
            assertTrue(browser.text(By.cssSelector(".report-notes")).contains("fewer than 5 clients"),
                    "what \"< 5\" means is said under the table");

            before(browser).choose("report-group-by", "SSO").click("report-show");
            browser.until(15, "the address holds the choice", "return location.hash.includes('groupBy=OFFICE');");
            awaitCharts(browser);
            browser.script("document.getElementById('report-groups').scrollIntoView();");
            browser.check("sessions-by-sso");
            assertEquals("Chart: Booked by SSO", chartName(browser, "report-groups"));
            assertTrue(paintedPixels(browser, "report-groups") > 500, "the bars are drawn");
            assertEquals("51", row(browser, "report-groups-table", ssoName).get("Booked"));

            browser.reload().atHeading("Reports");
            awaitCharts(browser);
            assertEquals("OFFICE", browser.script("return document.getElementById('report-group-by').value;"),
                    "a reload shows the same report");
            assertEquals("51", row(browser, "report-groups-table", ssoName).get("Booked"));

            before(browser).clickLink("Travel saved");
            awaitCharts(browser);
            showResults(browser).check("travel");
            assertTrue(browser.text(By.id("report-title")).toLowerCase().contains("travel"), browser.text(By.id("report-title")));
            assertTrue(chartName(browser, "report-trend-0").startsWith("Chart: Hours saved per month"),
                    chartName(browser, "report-trend-0"));
            assertTrue(paintedPixels(browser, "report-trend-0") > 1000, "the hours chart is drawn");
            assertTrue(browser.text(By.id("report-trend-0-summary")).contains("400 hours"),
                    "the seed's 400 hours a year is the reference line: " + browser.text(By.id("report-trend-0-summary")));
            // By SSO (kept from the sessions report): hours per month per SSO, and all of them together.
            String hours = row(browser, "report-trend-0-table", "Total").get(ssoName);
            assertTrue(hours.matches("\\d[\\d,]*\\.\\d h"), "47 attended sessions saved travel, in hours: " + hours);
            assertEquals(hours, row(browser, "report-trend-0-table", "Total").get("All SSOs"), "one SSO is all of them");
            assertTrue(browser.text(By.id("report-method")).startsWith("Method:"), "the method in one line");

            String csvLink = String.valueOf(browser.script("return document.getElementById('report-csv').href;"));
            assertTrue(csvLink.contains("format=csv") && csvLink.contains("groupBy=OFFICE"),
                    "the CSV has the same choice: " + csvLink);
            @SuppressWarnings("unchecked")
            Map<String, Object> csv = (Map<String, Object>) browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('report-csv').href, { credentials: 'same-origin' })
                      .then(async r => done({ status: r.status, type: r.headers.get('Content-Type'),
                        disposition: r.headers.get('Content-Disposition'), text: await r.text() }))
                      .catch(e => done({ status: 0, text: String(e) }));""");
            assertEquals(200L, csv.get("status"), String.valueOf(csv));
            assertTrue(String.valueOf(csv.get("type")).startsWith("text/csv"), String.valueOf(csv));
            String download = String.valueOf(browser.script("return document.getElementById('report-csv').download;"));
            assertTrue(download.matches("linkup-travel-\\d{4}-\\d\\d-\\d\\d-\\d{4}-\\d\\d-\\d\\d\\.csv")
                    && String.valueOf(csv.get("disposition")).contains(download), download + " / " + csv);
            String[] lines = String.valueOf(csv.get("text")).split("\r?\n");
            assertTrue(lines[0].toLowerCase().contains("hours"), "the CSV's header names the columns: " + lines[0]);
            String figure = hours.replace(" h", "").replace(",", "");
            assertTrue(String.valueOf(csv.get("text")).contains(figure), "the CSV holds the hours shown (" + figure + "): "
                    + csv.get("text"));

            // The other reports draw from the same choice (by SSO where they can be grouped so).
            for (String[] report : new String[][] {{"Lead times", "Lead times"}, {"Utilisation", "Utilisation"},
                    {"SMS", "SMS"}, {"First free slot", "First free slot"}}) {
                before(browser).clickLink(report[0]);
                awaitCharts(browser);
                assertTrue(browser.text(By.id("report-title")).startsWith(report[1]), browser.text(By.id("report-title")));
                showResults(browser).check(report[0].toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            }

            before(browser).clickLink("Travel saved");
            awaitCharts(browser);
            browser.width(320);
            browser.until(5, "the chart follows the window", "return document.getElementById('report-trend-0-chart')"
                    + ".getBoundingClientRect().width < 320;");
            assertEquals(Boolean.FALSE, browser.script("return document.documentElement.scrollWidth > "
                    + "document.documentElement.clientWidth;"), "no sideways scrolling at 320 px");
            browser.script("document.getElementById('report-trend-0').scrollIntoView();");
            browser.check("travel-narrow");

            // Dates the wrong way round, as a mistyped shared link may carry them: said at the top and at the field.
            browser.width(1280).open("#/reports?report=sessions&from=2026-03-01&to=2026-02-01").atHeading("Reports");
            String refused = browser.awaitText("report-problems", "The report could not be made");
            assertTrue(refused.contains("To: must be on or after from"), refused);
            assertEquals("true", browser.script("return document.getElementById('report-to').getAttribute('aria-invalid');"));
            browser.check("refused-dates");

            assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no script error");
            browser.assertAccessible();
            System.out.printf("ReportsJourneyIT: %d states checked with axe-core, 0 violations%n", browser.checks());
        }
    }

    /** Waits until the screen says its charts are drawn (Chart.js loaded and every chart made), for a new answer. */
    private static void awaitCharts(Browser browser) {
        browser.until(20, "the charts are drawn", "const r = document.getElementById('report-results');"
                + " return !!r && r !== window.reportShownBefore && r.dataset.charts === 'drawn';");
    }

    /** Remembers the report on the page now, so that {@link #awaitCharts} waits for the next one. */
    private static Browser before(Browser browser) {
        browser.script("window.reportShownBefore = document.getElementById('report-results');");
        return browser;
    }

    /** Scrolls the report's heading to the top of the window: its chart in view, as a person reading it sees it. */
    private static Browser showResults(Browser browser) {
        browser.script("document.getElementById('report-title').scrollIntoView(); window.scrollBy(0, -24);");
        return browser;
    }

    /** The canvas's accessible name, as a screen reader announces the chart (an image with a name). */
    private static String chartName(Browser browser, String figure) {
        assertEquals("img", browser.script("return document.getElementById(arguments[0]).getAttribute('role');",
                figure + "-chart"), "a chart is an image with a name");
        return String.valueOf(browser.script("return document.getElementById(arguments[0]).getAttribute('aria-label');",
                figure + "-chart"));
    }

    /** How many pixels of the chart's canvas have anything drawn on them. */
    private static long paintedPixels(Browser browser, String figure) {
        return (Long) browser.script("""
                const canvas = document.getElementById(arguments[0] + '-chart');
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let painted = 0;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) painted++; }
                return painted;""", figure);
    }

    /** One row of a report table as column name → the words shown, found by the words of its first cell. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> row(Browser browser, String table, String heading) {
        List<List<String>> rows = (List<List<String>>) browser.script("""
                return [...document.getElementById(arguments[0]).querySelectorAll('sgds-table-row')]
                  .map(r => [...r.children].map(c => c.textContent.trim()));""", table);
        List<String> head = rows.get(0);
        List<String> found = rows.stream().filter(r -> r.get(0).equals(heading)).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + heading + "' in " + table + ": " + rows));
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        for (int i = 1; i < head.size(); i++) {
            cells.put(head.get(i), found.get(i));
        }
        return cells;
    }
}
