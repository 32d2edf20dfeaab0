package sg.linkup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A partner agency's coordinator enters an advisor's leave over two booked sessions, in Chromium against the deployed
 * WAR: the impact preview names both sessions before anything is saved; after saving, one booking is moved to a free
 * time of the same advisor in one action (the client's new-time text and the advisor's invitation are in the outbox),
 * the other cancelled with a reason; the leave is withdrawn. A partner of another agency opening that advisor's page
 * gets the not-found page and nothing of it. And the API rules the screen stands on: a partner moves bookings only to
 * its own advisors, never another agency's bookings, and withdrawing stale leave is a 412. Every state is checked with
 * axe-core and photographed under target/screenshots/partner-leave/.
 */
class PartnerLeaveJourneyIT extends DeployedApp {

    @Test
    void partnerEntersLeaveSeesItsImpactThenMovesOneBookingAndCancelsAnother() throws IOException {
        Setup setup = new Setup(deployment);
        String clientName = "Nur Aisyah " + Setup.suffix();
        Setup.Booked booked = setup.bookedAtNine("SSO@Bedok", "Farid Osman", clientName);
        Setup.Catalogue sso = booked.sso();
        long advisor = booked.advisor();
        long moved = booked.booking();
        long other = setup.book(sso, advisor, setup.client(sso.office(), "Tan Wei Ling " + Setup.suffix(),
                "+65" + Setup.mobile(), null), "10:00");
        String partner = setup.partner(sso.agency());
        String day = sso.day().toString();

        try (Browser browser = new Browser(deployment, "partner-leave")) {
            browser.signIn(partner, "Sessions");  // a partner's first screen
            browser.open("#/agency/leave").atHeading("Leave and closures");
            browser.awaitText("entry-title", "Close Employment agency");
            browser.check("partner-leave-agency");

            new Select(browser.await(By.id("whose"))).selectByVisibleText("Farid Osman");
            browser.awaitText("entry-title", "Enter leave for Farid Osman");
            browser.awaitText("existing", "No leave entered.");
            browser.type("start", day + " 09:00").type("end", day + " 11:00").type("reason", "Annual leave");
            browser.click("check-impact");
            String impact = browser.awaitText("impact", "This would hit 2 sessions");
            assertTrue(impact.contains("Career coaching, SSO@Bedok, in person at the SSO, with Farid Osman")
                    && impact.contains("9:00") && impact.contains("10:00") && impact.contains("booking " + moved)
                    && impact.contains("booking " + other), impact);
            assertTrue(impact.contains("for Nur") && !impact.contains(clientName),
                    "the client's first name only: " + impact);
            assertEquals(0, setup.list("api/advisors/" + advisor + "/blackouts").size(), "nothing saved by the preview");
            browser.script("document.getElementById('impact').scrollIntoView();");
            browser.check("partner-leave-impact");

            browser.click("save-leave");
            browser.awaitText("notice", "Leave saved");
            browser.awaitText("notice", "2 sessions need a new time or a cancellation");
            String choices = browser.awaitText("affected-" + moved, "Free times of your agency");
            assertTrue(choices.contains("Farid Osman"), choices);
            assertEquals(1, setup.list("api/advisors/" + advisor + "/blackouts").size(), "saved once");
            browser.check("partner-leave-saved");

            String newTime = browser.text(By.cssSelector("label[for='slot-" + moved + "-0']"));
            browser.await(By.id("slot-" + moved + "-0")).click();
            browser.click("move-" + moved);
            String movedCard = browser.awaitText("affected-" + moved, "Moved");
            assertTrue(movedCard.contains("Nothing more to do") && browser.count(By.id("move-" + moved)) == 0,
                    "a moved booking asks for nothing more: " + movedCard);
            browser.until(15, "the time just taken is no longer offered for the other booking",
                    "const box = document.getElementById(arguments[0]);"
                            + "return !!box && !box.innerText.includes(arguments[1]) && !!box.querySelector('input[type=radio]');",
                    "affected-" + other, newTime);
            browser.script("document.getElementById('affected-title').scrollIntoView();");
            browser.check("partner-leave-moved");

            JsonObject after = setup.get("api/bookings/" + moved);
            OffsetDateTime start = OffsetDateTime.parse(after.getString("start"));
            assertEquals("BOOKED", after.getString("status"));
            assertEquals(advisor, after.getJsonNumber("advisorId").longValue(), "the same advisor first");
            assertFalse(!start.isBefore(OffsetDateTime.parse(sso.at("09:00")))
                    && start.isBefore(OffsetDateTime.parse(sso.at("11:00"))), "moved out of the leave: " + start);
            int hour = start.getHour() % 12 == 0 ? 12 : start.getHour() % 12;
            assertTrue(newTime.contains(" " + start.getDayOfMonth() + " ")
                    && newTime.contains(hour + ":" + "%02d".formatted(start.getMinute())),
                    "the time chosen is the time booked: " + newTime + " vs " + start);
            List<JsonObject> messages = setup.list("api/bookings/" + moved + "/notifications").getValuesAs(JsonObject.class);
            assertTrue(messages.stream().anyMatch(m -> m.getString("kind").equals("RESCHEDULED")
                    && m.getString("channel").equals("SMS")), "the client's new-time text is in the outbox: " + messages);
            assertEquals(2, messages.stream().filter(m -> m.getString("kind").equals("INVITE")).count(),
                    "the advisor's invitation, when booked and again for the new time: " + messages);

            // Meanwhile the client's SSO moves the second booking to 11:00, just after the leave (or a week earlier,
            // should the first one have gone there): the partner's cancel, made at the version read before, is
            // refused (412), and the reason typed stays.
            OffsetDateTime eleven = OffsetDateTime.parse(sso.at("11:00"));
            OffsetDateTime target = start.isEqual(eleven) ? eleven.minusDays(7) : eleven;
            setup.rescheduleTo(other, advisor, sso.room(), target.toString());
            browser.type("cancel-reason-" + other, "The advisor is on leave that day");
            browser.click("cancel-" + other);
            String stale = browser.awaitText("affected-" + other, "Someone else changed this booking meanwhile");
            assertTrue(stale.contains(" " + target.getDayOfMonth() + " ") && stale.contains("11:00"),
                    "the booking as it is now: " + stale);
            assertEquals("The advisor is on leave that day", browser.valueOf("cancel-reason-" + other), "nothing typed is lost");
            assertEquals("BOOKED", setup.get("api/bookings/" + other).getString("status"));
            browser.check("partner-leave-stale");
            browser.click("cancel-" + other);
            browser.awaitText("affected-" + other, "Cancelled");
            JsonObject cancelled = setup.get("api/bookings/" + other);
            assertEquals("CANCELLED", cancelled.getString("status"));
            assertEquals("The advisor is on leave that day", cancelled.getString("cancelReason"));
            browser.check("partner-leave-cancelled");

            long leave = setup.list("api/advisors/" + advisor + "/blackouts").getJsonObject(0).getJsonNumber("id").longValue();
            browser.awaitText("existing", "Annual leave");
            browser.awaitText("existing", "None");  // no session left in it
            browser.click("withdraw-" + leave);
            browser.awaitText("notice", "Withdrawn");
            browser.awaitText("existing", "No leave entered.");
            assertEquals(0, setup.list("api/advisors/" + advisor + "/blackouts").size());
            browser.check("partner-leave-withdrawn");

            assertEquals(List.of(), browser.consoleErrors(), "no CSP refusal, no failed module, no script error");
            browser.assertAccessible();
        }

        String stranger = setup.partner(setup.agency());
        try (Browser browser = new Browser(deployment, "partner-leave-other-agency")) {
            browser.signIn(stranger, "Sessions");
            browser.open("#/agency/leave?advisor=" + advisor).atHeading("Page not found");
            String shown = browser.text(By.tagName("main"));
            assertFalse(shown.contains("Farid") || shown.contains("Employment agency") || shown.contains("leave"), shown);
            assertEquals(0, browser.count(By.id("whose")));
            browser.check("partner-leave-other-agency");
            browser.open("#/agency/leave?agency=" + sso.agency()).atHeading("Page not found");
            browser.check("partner-leave-other-agency-closures");
            browser.assertAccessible();
        }
    }

    @Test
    void partnersMoveOnlyTheirOwnBookingsToTheirOwnAdvisorsAndWithdrawOnlyCurrentLeave() {
        Setup setup = new Setup(deployment);
        Setup.Booked booked = setup.bookedAtNine("SSO@Jurong", "Lim Hui Min", "Ravi Kumar " + Setup.suffix());
        Setup.Catalogue sso = booked.sso();
        String partner = setup.partner(sso.agency());
        long elsewhere = setup.agency();
        long strangersAdvisor = setup.advisor(elsewhere, setup.walkInService(elsewhere, "Job matching"), sso.office(),
                "Someone Else");
        String move = """
                {"start":"%s","advisorId":%%d,"roomId":%d,"mode":"IN_PERSON"}""".formatted(sso.at("11:00"), sso.room());

        var toStranger = setup.as(partner, "POST", "api/bookings/" + booked.booking() + "/reschedule", null,
                move.formatted(strangersAdvisor));
        assertEquals(400, toStranger.statusCode(), toStranger.body());
        assertTrue(toStranger.body().contains("advisorId"), toStranger.body());
        var noAdvisor = setup.as(partner, "POST", "api/bookings/" + booked.booking() + "/reschedule", null,
                "{\"start\":\"" + sso.at("11:00") + "\"}");
        assertEquals(400, noAdvisor.statusCode(), noAdvisor.body());
        var notTheirs = setup.as(setup.partner(elsewhere), "POST", "api/bookings/" + booked.booking() + "/reschedule",
                null, move.formatted(booked.advisor()));
        assertEquals(404, notTheirs.statusCode(), notTheirs.body());
        var own = setup.as(partner, "POST", "api/bookings/" + booked.booking() + "/reschedule", null,
                move.formatted(booked.advisor()));
        assertEquals(200, own.statusCode(), own.body());

        String blackouts = "api/advisors/" + booked.advisor() + "/blackouts";
        var added = setup.as(partner, "POST", blackouts, null, """
                {"start":"%s","end":"%s","reason":"Training"}""".formatted(sso.day(), sso.day()));
        assertEquals(201, added.statusCode(), added.body());
        String path = blackouts + "/" + setup.list(blackouts).getJsonObject(0).getJsonNumber("id").longValue();
        String etag = added.headers().firstValue("ETag").orElseThrow();
        var reworded = setup.as(partner, "PUT", path, etag, """
                {"start":"%s","end":"%s","reason":"Training course"}""".formatted(sso.day(), sso.day()));
        assertEquals(200, reworded.statusCode(), reworded.body());
        assertEquals(412, setup.as(partner, "DELETE", path, etag, null).statusCode(), "withdrawing what was read before");
        assertEquals(204, setup.as(partner, "DELETE", path, reworded.headers().firstValue("ETag").orElseThrow(), null)
                .statusCode());
    }
}
