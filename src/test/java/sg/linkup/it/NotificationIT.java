package sg.linkup.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import sg.linkup.notification.control.Dispatcher;
import sg.linkup.notification.control.DueReminders;
import sg.linkup.notification.control.Messages;
import sg.linkup.notification.control.NotificationMetrics;
import sg.linkup.notification.control.Outbox;
import sg.linkup.notification.control.OutboxWorker;
import sg.linkup.notification.sms.SmsChannel;
import sg.linkup.notification.sms.SmsSender;
import sg.linkup.notification.calendar.InviteMail;
import sg.linkup.notification.calendar.Ics;
import sg.linkup.notification.sms.twilio.FakeTwilio;

/**
 * Notifications end to end: bookings text the client through the real Twilio SDK (to a fake Twilio this test
 * runs on the port Payara was given) and mail calendar invitations (to a GreenMail this test runs); signed
 * webhooks; client replies; the advisor's ICS feed; and two dispatchers on one database sending 1,000 messages
 * (that part runs inside the deployment, where it can start dispatchers of its own). It deploys its own archive
 * on Arquillian's Payara, with the shared server of the other ITs stopped ({@link SharedApp.Stopped}).
 */
@ExtendWith({SharedApp.Stopped.class, ArquillianExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationIT {

    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The marker of the booking whose 1,000 reminders two dispatchers share. */
    private static final String SHARED = "two-dispatchers";
    private static final int MANY = 1000;

    @Deployment
    static WebArchive war() {
        // Testable: one test runs inside the deployment; the classes its class refers to must be there too.
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")))
                .addClasses(Api.class, Api.Reply.class, CatalogueIT.class, AvailabilityIT.class, BookingIT.class,
                        FakeTwilio.class, SharedApp.class, SharedApp.Stopped.class, SharedApp.Server.class,
                        SharedApp.FirstOwnServers.class,
                        FakeTwilio.Message.class, FakeTwilio.Received.class, FakeTwilio.Reply.class,
                        NotificationFakes.class, NotificationFakes.Mail.class, Ics.class, DueReminders.class);
    }

    @ArquillianResource
    URL deployment;

    // --- a booking's messages, from booking to reschedule to cancel ---

    @Test
    @Order(1)
    @RunAsClient
    void aBookingsMessagesFollowItFromBookingToRescheduleToCancel() throws Exception {
        World w = world("SSO@Notify");
        String mobile = w.mobile();
        String clientEmail = unique("client").toLowerCase(Locale.ROOT) + "@mail.example.org";
        var withEmail = w.api.put("api/clients/" + w.client, """
                {"name":"Siti binte Ahmad","mobile":"%s","preferredLanguage":"MS","smsConsent":true,"officeId":%d,
                 "email":"%s"}""".formatted(w.localMobile, w.office, clientEmail));
        assertEquals(200, withEmail.status(), withEmail::toString);
        long booking = w.book(w.advisor, "IN_PERSON", "09:00", w.client).id();

        // Confirmation: in Malay (the client's language), where and when, no name, no service.
        FakeTwilio.Message confirmation = awaitSms(mobile, 1).get(0);
        assertTrue(confirmation.body().startsWith("Linkup: "), confirmation.body());
        assertTrue(confirmation.body().contains("SSO@Notify"), confirmation.body());
        assertTrue(confirmation.body().contains("09:00"), "local time: " + confirmation.body());
        assertFalse(confirmation.body().contains("Siti"), "no name: " + confirmation.body());
        assertFalse(confirmation.body().toLowerCase(Locale.ROOT).contains("kerjaya"), "no service: "
                + confirmation.body());
        assertEquals(FakeTwilio.MESSAGING_SERVICE_SID, confirmation.messagingServiceSid());

        NotificationFakes.Mail invite = awaitInvite(w.advisorEmail, 1).get(0);
        assertEquals("REQUEST", invite.method());
        assertTrue(invite.ics().contains("METHOD:REQUEST"), invite.ics());
        String uid = NotificationFakes.property(invite.ics(), "UID");
        assertEquals("0", NotificationFakes.property(invite.ics(), "SEQUENCE"));
        assertTrue(invite.ics().contains("DTSTART;TZID=Asia/Singapore:" + w.day.toString().replace("-", "")
                + "T090000"), invite.ics());
        assertTrue(invite.ics().contains("BEGIN:VTIMEZONE"), invite.ics());
        NotificationFakes.validate(invite.ics());
        NotificationFakes.Mail clientInvite = awaitInvite(clientEmail, 1).get(0);
        assertEquals(uid, NotificationFakes.property(clientInvite.ics(), "UID"), "one event, two calendars");
        assertFalse(clientInvite.ics().contains("Career") || clientInvite.subject().contains("Career"),
                "the client's copy does not name the service");
        assertTrue(clientInvite.text().contains("SSO@Notify") && clientInvite.text().contains("09:00"),
                clientInvite.text());
        assertFalse(clientInvite.text().contains("Reply YES"), "an e-mail cannot be answered YES: "
                + clientInvite.text());
        NotificationFakes.validate(clientInvite.ics());

        // The mail arrives before its row is recorded as sent: wait for the record.
        await(() -> statuses(notifications(w.api, booking), "CONFIRMATION", "INVITE").equals(Set.of("SENT")),
                "confirmation and invitations recorded as sent");
        List<JsonObject> messages = notifications(w.api, booking);
        List<Instant> reminders = due(messages, "REMINDER", "PENDING");
        Instant start = w.instant("09:00");
        assertEquals(List.of(start.minus(Duration.ofHours(24)), start.minus(Duration.ofHours(2))), reminders);

        // Reschedule: an update by SMS, the same UID with SEQUENCE 1, reminders moved to the new time.
        var moved = change(w.api, booking, "reschedule", "{\"start\":\"" + w.at("10:00") + "\"}");
        assertEquals(200, moved.status(), moved::toString);
        FakeTwilio.Message update = awaitSms(mobile, 2).get(1);
        assertTrue(update.body().contains("10:00"), update.body());
        NotificationFakes.Mail updated = awaitInvite(w.advisorEmail, 2).get(1);
        assertEquals(uid, NotificationFakes.property(updated.ics(), "UID"));
        assertEquals("1", NotificationFakes.property(updated.ics(), "SEQUENCE"));
        assertEquals("REQUEST", updated.method());
        NotificationFakes.validate(updated.ics());
        messages = notifications(w.api, booking);
        Instant newStart = w.instant("10:00");
        assertEquals(List.of(newStart.minus(Duration.ofHours(24)), newStart.minus(Duration.ofHours(2))),
                due(messages, "REMINDER", "PENDING"), "reminders at the new time only");
        assertEquals(reminders, due(messages, "REMINDER", "SKIPPED"), "the old time's reminders are dropped");

        // Cancel: a notice by SMS, METHOD:CANCEL with STATUS:CANCELLED, SEQUENCE 2; no reminder left.
        var cancelled = change(w.api, booking, "cancel", "{\"reason\":\"client moved away\"}");
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertTrue(awaitSms(mobile, 3).get(2).body().contains("10:00"));
        NotificationFakes.Mail cancel = awaitInvite(w.advisorEmail, 3).get(2);
        assertEquals("CANCEL", cancel.method());
        assertTrue(cancel.ics().contains("METHOD:CANCEL"), cancel.ics());
        assertTrue(cancel.ics().contains("STATUS:CANCELLED"), cancel.ics());
        assertEquals(uid, NotificationFakes.property(cancel.ics(), "UID"));
        assertEquals("2", NotificationFakes.property(cancel.ics(), "SEQUENCE"));
        NotificationFakes.validate(cancel.ics());
        messages = notifications(w.api, booking);
        assertEquals(List.of(), due(messages, "REMINDER", "PENDING"), "a cancelled booking keeps no reminder");
        assertEquals(4, due(messages, "REMINDER", "SKIPPED").size(), messages::toString);
    }

    // --- provider failures ---

    @Test
    @Order(2)
    @RunAsClient
    void aProviderErrorThenSuccessDeliversOneMessage() throws Exception {
        World w = world("SSO@Retry");
        NotificationFakes.twilio().enqueueFor(w.mobile(), FakeTwilio.Reply.error(500, 20500, "Internal Server Error"));
        long booking = w.book(w.advisor, "IN_PERSON", "09:00", w.client).id();
        awaitSms(w.mobile(), 1);
        // Once SENT is recorded the row is done: no retry of any kind can follow.
        await(() -> statuses(notifications(w.api, booking), "CONFIRMATION").equals(Set.of("SENT")),
                "the confirmation is recorded as sent");
        assertEquals(1, NotificationFakes.twilio().accepted().stream().filter(m -> m.to().equals(w.mobile()))
                .count(), "exactly one message reached the client");
        assertEquals(2, NotificationFakes.twilio().received().stream().filter(r -> w.mobile().equals(r.param("To")))
                .count(), "the 500, then the one try that was taken");
    }

    @Test
    @Order(3)
    @RunAsClient
    void anInvalidNumberIsNotRetriedAndIsFlaggedForCounterStaff() throws Exception {
        World w = world("SSO@Invalid");
        NotificationFakes.twilio().enqueueFor(w.mobile(), FakeTwilio.Reply.error(400, 21211,
                "The 'To' number " + w.mobile() + " is not a valid phone number."));
        long booking = w.book(w.advisor, "IN_PERSON", "09:00", w.client).id();
        // FAILED is final: nothing retries it afterwards.
        await(() -> statuses(notifications(w.api, booking), "CONFIRMATION").equals(Set.of("FAILED")),
                "the confirmation failed for good");
        assertEquals(1, NotificationFakes.twilio().received().stream().filter(r -> w.mobile().equals(r.param("To")))
                .count(), "21211 is never retried");
        JsonObject failed = notifications(w.api, booking).stream()
                .filter(n -> n.getString("kind").equals("CONFIRMATION")).findFirst().orElseThrow();
        assertEquals(1, failed.getInt("attempts"));
        assertTrue(failed.getString("lastError").contains("21211"), failed::toString);

        JsonObject client = w.api.get("api/clients/" + w.client).json();
        assertEquals("INVALID_NUMBER", client.getString("smsProblem"), client::toString);
        var flagged = w.api.get("api/clients?smsProblem=true&office=" + w.office).json().getJsonArray("items");
        assertEquals(1, flagged.size(), flagged::toString);
        assertEquals(w.client, flagged.getJsonObject(0).getJsonNumber("id").longValue());

        // Further bookings do not text a number known to fail; correcting the number lifts the flag.
        long second = w.book(w.advisor, "IN_PERSON", "10:00", w.client).id();
        assertEquals(Set.of(), statuses(notifications(w.api, second), "CONFIRMATION", "REMINDER"));
        var corrected = w.api.put("api/clients/" + w.client, CatalogueIT.client(w.office, "Siti binte Ahmad",
                CatalogueIT.mobile(), null));
        assertEquals(200, corrected.status(), corrected::toString);
        assertTrue(noSmsProblem(corrected.json()), corrected::toString);
    }

    // --- webhooks ---

    @Test
    @Order(4)
    @RunAsClient
    void aSignedStatusCallbackRecordsDeliveryAndAForgedOneIsRefused() throws Exception {
        World w = world("SSO@Status");
        long booking = w.book(w.advisor, "IN_PERSON", "09:00", w.client).id();
        FakeTwilio.Message sent = awaitSms(w.mobile(), 1).get(0);
        await(() -> statuses(notifications(w.api, booking), "CONFIRMATION").equals(Set.of("SENT")), "sent");
        String url = w.api.uri("api/webhooks/twilio/status").toString();

        Map<String, String> delivered = NotificationFakes.twilio().statusCallbackForm(sent, "delivered", null);
        var ok = webhook(w.api, url, delivered, NotificationFakes.twilio().sign(url, delivered));
        assertEquals(204, ok.status(), ok::toString);
        assertEquals("DELIVERED", confirmation(w.api, booking).getString("delivery"));

        Map<String, String> failed = NotificationFakes.twilio().statusCallbackForm(sent, "failed", "30006");
        var forged = webhook(w.api, url, failed, NotificationFakes.twilio().sign(url, delivered));
        assertEquals(403, forged.status(), forged::toString);
        assertTrue(forged.isProblem(), forged::toString);
        var unsigned = webhook(w.api, url, failed, null);
        assertEquals(403, unsigned.status(), unsigned::toString);
        var wrongKey = webhook(w.api, url, failed, FakeTwilio.signature("not-the-token", url, failed));
        assertEquals(403, wrongKey.status(), wrongKey::toString);
        assertEquals("DELIVERED", confirmation(w.api, booking).getString("delivery"), "nothing changed");
        assertTrue(noSmsProblem(w.api.get("api/clients/" + w.client).json()), "no flag from a forged report");
    }

    @Test
    @Order(5)
    @RunAsClient
    void clientRepliesConfirmCancelStopAndStart() throws Exception {
        World w = world("SSO@Reply");
        long booking = w.book(w.advisor, "IN_PERSON", "09:00", w.client).id();
        String mobile = w.mobile();

        var forged = inbound(w, mobile, "C", "forged");
        assertEquals(403, forged.status(), forged::toString);
        assertEquals("BOOKED", w.api.get("api/bookings/" + booking).json().getString("status"), "nothing changed");

        var yes = inbound(w, mobile, "Yes", null);
        assertEquals(200, yes.status(), yes::toString);
        assertTrue(yes.body().contains("<Message>") && yes.body().contains("09:00"), yes.body());
        assertFalse(w.api.get("api/bookings/" + booking).json().isNull("clientConfirmedAt"), "confirmed by SMS");

        JsonObject before = w.api.get("api/bookings/" + booking).json();
        var gibberish = inbound(w, mobile, "what is this", null);
        assertEquals(200, gibberish.status(), gibberish::toString);
        assertTrue(gibberish.body().contains("YES") && gibberish.body().contains("STOP"), gibberish.body());
        JsonObject after = w.api.get("api/bookings/" + booking).json();
        assertEquals(before.getString("status"), after.getString("status"), "anything else changes nothing");
        assertEquals(before.getJsonNumber("version"), after.getJsonNumber("version"), "anything else changes nothing");

        var stop = inbound(w, mobile, "STOP", null);
        assertEquals(200, stop.status(), stop::toString);
        JsonObject stopped = w.api.get("api/clients/" + w.client).json();
        assertFalse(stopped.getBoolean("smsConsent"));
        assertEquals("OPTED_OUT", stopped.getString("smsProblem"));
        // After STOP nothing is texted: a reschedule's update is skipped, never sent.
        long textsBefore = NotificationFakes.twilio().received().stream().filter(r -> mobile.equals(r.param("To")))
                .count();
        var moved = change(w.api, booking, "reschedule", "{\"start\":\"" + w.at("10:00") + "\"}");
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(Set.of(), statuses(notifications(w.api, booking), "RESCHEDULED"),
                "no update is even written for a client who replied STOP");
        awaitInvite(w.advisorEmail, 2);
        assertEquals(textsBefore, NotificationFakes.twilio().received().stream()
                .filter(r -> mobile.equals(r.param("To"))).count(), "nothing texted after STOP");
        assertTrue(inbound(w, mobile, "start", null).body().contains("STOP"));
        JsonObject started = w.api.get("api/clients/" + w.client).json();
        assertTrue(started.getBoolean("smsConsent"));
        assertTrue(noSmsProblem(started), started::toString);

        long later = w.book(w.advisor, "IN_PERSON", "11:00", w.client).id();
        var cancel = inbound(w, mobile, "C", null);
        assertEquals(200, cancel.status(), cancel::toString);
        assertTrue(cancel.body().contains("10:00"), cancel.body());
        JsonObject cancelled = w.api.get("api/bookings/" + booking).json();
        assertEquals("CANCELLED", cancelled.getString("status"));
        assertTrue(w.api.get("api/bookings/" + booking + "/history").body().contains("sms +65"),
                "the client's reply is audited under their masked number");
        // Invitation, its update, the 11:00 booking's invitation and the cancellation, in any order of arrival.
        List<NotificationFakes.Mail> cancels = awaitInvite(w.advisorEmail, 4).stream()
                .filter(m -> m.method().equals("CANCEL")).toList();
        assertEquals(1, cancels.size(), "the advisor's calendar drops the session");
        assertTrue(cancels.get(0).ics().contains("booking-" + booking + "@"), cancels.get(0).ics());

        // The same C again, as clients resend when unsure: the same answer, and the next booking stays.
        var again = inbound(w, mobile, "C", null);
        assertEquals(200, again.status(), again::toString);
        assertTrue(again.body().contains("10:00") && !again.body().contains("11:00"), again.body());
        assertEquals("BOOKED", w.api.get("api/bookings/" + later).json().getString("status"),
                "a repeated C does not cancel the booking after");
        var stranger = inbound(w, "+6591110000", "YES", null);
        assertEquals(200, stranger.status());
        assertTrue(stranger.body().contains("<Message>"), "a polite reply to a number with no booking");
    }

    @Test
    @Order(6)
    @RunAsClient
    void aFreedSlotIsOfferedByTextAndYesTakesIt() throws Exception {
        World w = world("SSO@Waitlist");
        long first = w.book(w.advisor, "IN_PERSON", "09:00", w.client).id();
        String waiterMobile = CatalogueIT.mobile();
        long waiter = w.api.post("api/clients", CatalogueIT.client(w.office, "Kumar", waiterMobile, null)).id();
        String e164 = "+65" + waiterMobile;
        var joined = w.api.post("api/waitlist", """
                {"clientId":%d,"serviceId":%d,"officeIds":[%d],"firstDay":"%s","lastDay":"%s","urgent":true}"""
                .formatted(waiter, w.service, w.office, w.day, w.day));
        assertEquals(201, joined.status(), joined::toString);
        var cancelled = w.api.send(w.api.json("api/bookings/" + first + "/cancel").POST(
                HttpRequest.BodyPublishers.ofString("{\"reason\":\"client unwell\"}")));
        assertEquals(200, cancelled.status(), cancelled::toString);

        FakeTwilio.Message offer = awaitSms(e164, 1).get(0);
        assertTrue(offer.body().contains("YES") && offer.body().contains("09:00"), offer.body());
        var yes = inbound(w, e164, "YES", null);
        assertEquals(200, yes.status(), yes::toString);
        assertTrue(yes.body().contains("09:00"), yes.body());
        JsonObject entry = w.api.get("api/waitlist/" + joined.id()).json();
        assertEquals("ACCEPTED", entry.getString("status"), entry::toString);
        assertEquals("BOOKED", w.api.get("api/bookings/" + entry.getJsonNumber("offerBookingId")).json()
                .getString("status"));
    }

    // --- the advisor's calendar feed ---

    @Test
    @Order(7)
    @RunAsClient
    void theCalendarFeedListsTheAdvisorsSessionsUntilRevoked() throws Exception {
        World w = world("SSO@Feed");
        long booking = w.book(w.advisor, "VIDEO_REMOTE", "11:00", w.client).id();
        var created = w.api.post("api/advisors/" + w.advisor + "/calendar-feed", "");
        assertEquals(201, created.status(), created::toString);
        String url = created.json().getString("url");
        assertTrue(url.matches(".*/calendar/[A-Za-z0-9_-]{43}\\.ics"), url);
        assertTrue(created.json().getString("webcalUrl").startsWith("webcal://"));
        assertFalse(w.api.get("api/advisors/" + w.advisor + "/calendar-feed").body().contains(url),
                "the link is shown once");

        Api anyone = w.api.anonymous();
        var feed = anyone.send(HttpRequest.newBuilder(java.net.URI.create(url)).GET());
        assertEquals(200, feed.status(), feed::toString);
        assertTrue(feed.contentType().startsWith("text/calendar"), feed.contentType());
        assertTrue(feed.body().contains("UID:booking-" + booking + "@"), feed.body());
        assertFalse(feed.body().contains("Siti"), "no client name in a feed");
        NotificationFakes.validate(feed.body());

        var guessed = anyone.send(HttpRequest.newBuilder(java.net.URI.create(url.replaceAll(
                "/calendar/.{5}", "/calendar/AAAAA"))).GET());
        assertEquals(404, guessed.status());
        assertEquals(204, w.api.delete("api/advisors/" + w.advisor + "/calendar-feed").status());
        var revoked = anyone.send(HttpRequest.newBuilder(java.net.URI.create(url)).GET());
        assertEquals(404, revoked.status(), "a revoked link stops working");
        assertTrue(revoked.isProblem(), revoked::toString);
    }

    // --- what counter staff see of a text ---

    @Test
    @Order(9)
    @RunAsClient
    void staffSeeTheTextTheClientGetsInTheirLanguageButNotTheVideoLink() throws Exception {
        World w = world("SSO@Preview");
        var tamil = w.api.put("api/clients/" + w.client, """
                {"name":"Siti binte Ahmad","mobile":"%s","preferredLanguage":"TA","smsConsent":true,"officeId":%d}"""
                .formatted(w.localMobile, w.office));
        assertEquals(200, tamil.status(), tamil::toString);
        long booking = w.book(w.advisor, "VIDEO_REMOTE", "11:00", w.client).id();

        String sent = awaitSms(w.mobile(), 1).get(0).body();
        assertTrue(sent.contains("https://"), "a video session's text carries its link: " + sent);
        await(() -> statuses(notifications(w.api, booking), "CONFIRMATION").equals(Set.of("SENT")),
                "the confirmation recorded as sent");
        String shown = confirmation(w.api, booking).getString("text");
        assertEquals(sent.replaceAll("https?://\\S+", "[video link]"), shown, "word for word, the link masked");
        assertTrue(shown.startsWith("Linkup: சந்திப்பு: ") && shown.contains("11:00")
                && shown.contains("வீடியோ (SSO@Preview)"), "in Tamil, where and when: " + shown);
        assertFalse(shown.contains("Siti") || shown.contains("Career"), "no name, no service: " + shown);

        JsonObject reminder = notifications(w.api, booking).stream()
                .filter(n -> n.getString("kind").equals("REMINDER")).findFirst().orElseThrow();
        assertEquals("PENDING", reminder.getString("status"));
        assertTrue(reminder.getString("text").startsWith("Linkup: ") && reminder.getString("text")
                .endsWith("[video link]"), "a text still to go, as it would go now: " + reminder);
        JsonObject invite = notifications(w.api, booking).stream()
                .filter(n -> n.getString("kind").equals("INVITE")).findFirst().orElseThrow();
        assertTrue(!invite.containsKey("text") || invite.isNull("text"), "an e-mail has no SMS text: " + invite);
    }

    // --- reminders decided when they fall due ---

    /**
     * The node's own dispatcher, the real path: reminders written before a reschedule or a cancellation are made
     * due now — as if the change had not dropped them — and only the rescheduled booking's reminders for its new
     * time reach the client; the cancelled booking's reminders end SKIPPED, a final state, and reach no one.
     */
    @Test
    @Order(8)
    @RunAsClient
    void remindersThatFallDueGoOnlyForTheBookingAsItIsNow() throws Exception {
        World moved = world("SSO@Due");
        long rescheduled = moved.book(moved.advisor, "IN_PERSON", "09:00", moved.client).id();
        World gone = world("SSO@Gone");
        long cancelled = gone.book(gone.advisor, "IN_PERSON", "09:00", gone.client).id();
        awaitSms(moved.mobile(), 1);
        awaitSms(gone.mobile(), 1);
        var moving = change(moved.api, rescheduled, "reschedule", "{\"start\":\"" + moved.at("10:00") + "\"}");
        assertEquals(200, moving.status(), moving::toString);
        var cancel = change(gone.api, cancelled, "cancel", "{\"reason\":\"client moved away\"}");
        assertEquals(200, cancel.status(), cancel::toString);
        // The update and the cancellation notice are out; whatever the fake gets from here on is a reminder.
        int movedBefore = awaitSms(moved.mobile(), 2).size();
        int goneBefore = awaitSms(gone.mobile(), 2).size();

        int revived;
        try (Connection db = BookingIT.db(); var due = db.prepareStatement("""
                UPDATE notification SET status = 'PENDING', due_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND,
                  last_error = NULL
                WHERE booking_id IN (?, ?) AND kind = 'REMINDER'""")) {
            due.setLong(1, rescheduled);
            due.setLong(2, cancelled);
            revived = due.executeUpdate();
        }
        assertEquals(6, revived, "2 old and 2 new reminders of the moved booking, 2 of the cancelled one");

        await(() -> statuses(notifications(moved.api, rescheduled), "REMINDER").stream()
                .noneMatch(s -> s.equals("PENDING") || s.equals("SENDING")), "the moved booking's reminders done");
        await(() -> statuses(notifications(gone.api, cancelled), "REMINDER").equals(Set.of("SKIPPED")),
                "the cancelled booking's reminders skipped");
        List<JsonObject> messages = notifications(moved.api, rescheduled);
        assertEquals(2, messages.stream().filter(n -> n.getString("kind").equals("REMINDER")
                && n.getString("status").equals("SENT")).count(), messages::toString);
        assertEquals(2, messages.stream().filter(n -> n.getString("kind").equals("REMINDER")
                && n.getString("status").equals("SKIPPED")).count(), messages::toString);
        List<String> reminders = awaitSms(moved.mobile(), movedBefore + 2).stream().skip(movedBefore)
                .map(FakeTwilio.Message::body).toList();
        assertEquals(2, reminders.size(), reminders::toString);
        assertTrue(reminders.stream().allMatch(text -> text.contains("10:00")), "the new time only: " + reminders);
        assertEquals(goneBefore, awaitSms(gone.mobile(), goneBefore).size(), "a cancelled booking gets no reminder");
    }

    // --- two dispatchers, one database ---

    @Test
    @Order(10)
    @RunAsClient
    void prepareABookingForTwoDispatchers() throws Exception {
        World w = world("SSO@Dispatch");
        var booked = w.api.post("api/bookings", w.request(w.advisor, "IN_PERSON", "09:00", w.client,
                ",\"referralNote\":\"" + SHARED + "\""));
        assertEquals(201, booked.status(), booked::toString);
        awaitSms(w.mobile(), 1);
        NotificationFakes.sharedNumber = w.mobile();
    }

    /** Inside the deployment: 1,000 due messages, two dispatchers of this test's own, plus the node's own one. */
    @Test
    @Order(11)
    void twoDispatchersOnOneDatabaseSendEachMessageExactlyOnce() throws Exception {
        DataSource db = InitialContext.doLookup("java:app/jdbc/linkup");
        Messages messages = CDI.current().select(Messages.class).get();
        Outbox outbox = CDI.current().select(Outbox.class).get();
        OutboxWorker.Settings settings = CDI.current().select(Dispatcher.class).get().settings();
        SmsChannel channel = CDI.current().select(SmsChannel.class).get();
        InviteMail mail = CDI.current().select(InviteMail.class).get();
        NotificationMetrics metrics = CDI.current().select(NotificationMetrics.class).get();
        ManagedThreadFactory threads = InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
        // As the node's own dispatcher sends: through Fault Tolerance, whose retries are a source of duplicates too.
        // Each node's first send waits until the other node is sending as well, so the two demonstrably claim
        // side by side — not one after the other, and not with the node's own dispatcher taking everything first.
        CountDownLatch bothSending = new CountDownLatch(2);
        List<OutboxWorker> nodes = List.of(
                new OutboxWorker("it-node-a", messages, outbox, together(channel, bothSending), mail, settings,
                        metrics),
                new OutboxWorker("it-node-b", messages, outbox, together(channel, bothSending), mail, settings,
                        metrics));
        Rows rows;
        try {
            // Polling on their own tickers, as nodes do, before the messages exist: all of them see them at once.
            nodes.forEach(n -> n.start(threads, Duration.ofMillis(20)));
            try (Connection c = db.getConnection()) {
                long booking = sharedBooking(c);
                long before;
                try (var last = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM notification");
                     var rs = last.executeQuery()) {
                    rs.next();
                    before = rs.getLong(1);
                }
                rows = new Rows(db, booking, before);
                DueReminders.insert(c, booking, MANY);
            }
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (rows.count("status IN ('PENDING', 'SENDING')") > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
        } finally {
            nodes.forEach(OutboxWorker::stop);
        }
        String summary = rows.summary();
        assertEquals(MANY, rows.count("status = 'SENT'"), summary);
        assertEquals(MANY, rows.count("status = 'SENT' AND provider_id IS NOT NULL"), summary);
        // sent_at goes through the Instant converter in a bulk UPDATE: stored in UTC, not shifted by 8 hours.
        assertEquals(MANY, rows.count("status = 'SENT'"
                + " AND sent_at BETWEEN UTC_TIMESTAMP(6) - INTERVAL 5 MINUTE AND UTC_TIMESTAMP(6)"), summary);
        // The node's own dispatcher may take rows too; both of this test's nodes must have taken some, at once.
        assertEquals(0, bothSending.getCount(), "both dispatchers were sending at the same time: " + summary);
        assertTrue(rows.count("claimed_by = 'it-node-a'") > 0 && rows.count("claimed_by = 'it-node-b'") > 0,
                "both dispatchers took part: " + summary);
    }

    /**
     * {@code channel}, whose first send waits (a minute at most) until every node sharing {@code started} has
     * begun sending. The waiting node keeps its claimed rows meanwhile, so the other can only take different ones.
     * Sends still go through the container's channel, Fault Tolerance included: this wrapper is no bean.
     */
    private static SmsChannel together(SmsChannel channel, CountDownLatch started) {
        AtomicBoolean first = new AtomicBoolean(true);
        return new SmsChannel() {
            @Override
            public SmsSender.Receipt send(SmsSender.Sms sms) {
                if (first.compareAndSet(true, false)) {
                    started.countDown();
                }
                try {
                    started.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return channel.send(sms);
            }

            @Override
            public java.util.Optional<String> findSent(String to, String body, Instant since) {
                return channel.findSent(to, body, since);
            }
        };
    }

    /** The booking the two-dispatcher tests share: the newest with the marker. */
    private static long sharedBooking(Connection c) throws SQLException {
        try (var find = c.prepareStatement("SELECT id FROM booking WHERE referral_note = ? ORDER BY id DESC LIMIT 1")) {
            find.setString(1, SHARED);
            try (var rs = find.executeQuery()) {
                assertTrue(rs.next(), "the booking made for this test");
                return rs.getLong(1);
            }
        }
    }

    /** The reminder rows this test added to the shared booking (ids after {@code before}). */
    private record Rows(DataSource db, long booking, long before) {

        long count(String condition) throws SQLException {
            try (Connection c = db.getConnection(); var count = c.prepareStatement("SELECT COUNT(*) FROM notification "
                    + "WHERE booking_id = ? AND id > ? AND " + condition)) {
                count.setLong(1, booking);
                count.setLong(2, before);
                try (var rs = count.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        String summary() throws SQLException {
            try (Connection c = db.getConnection(); var rows = c.prepareStatement("""
                    SELECT claimed_by, status, COUNT(*) FROM notification WHERE booking_id = ? AND id > ?
                    GROUP BY claimed_by, status""")) {
                rows.setLong(1, booking);
                rows.setLong(2, before);
                StringBuilder text = new StringBuilder();
                try (var rs = rows.executeQuery()) {
                    while (rs.next()) {
                        text.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ')
                                .append(rs.getLong(3)).append("; ");
                    }
                }
                return text.toString();
            }
        }
    }

    @Test
    @Order(12)
    @RunAsClient
    void theFakeTwilioGotEachOfThoseMessagesOnce() throws SQLException {
        String to = NotificationFakes.sharedNumber;
        assertNotNull(to, "the booking for two dispatchers was made");
        // 1,000 reminders and the booking's confirmation, each accepted once: a duplicate would make it more.
        List<String> accepted = NotificationFakes.twilio().accepted().stream().filter(m -> m.to().equals(to))
                .map(FakeTwilio.Message::sid).toList();
        assertEquals(MANY + 1, accepted.size());
        // And each is the one its row records: no row took another's message, none is missing.
        Set<String> recorded = new HashSet<>();
        try (Connection db = BookingIT.db(); var sids = db.prepareStatement("""
                SELECT provider_id FROM notification WHERE booking_id = ? AND channel = 'SMS' AND status = 'SENT'""")) {
            sids.setLong(1, sharedBooking(db));
            try (var rs = sids.executeQuery()) {
                while (rs.next()) {
                    recorded.add(rs.getString(1));
                }
            }
        }
        assertEquals(Set.copyOf(accepted), recorded);
    }

    // --- a node killed between Twilio's acceptance and the outcome's commit ---

    /** The node a row looks claimed by after a kill -9: it will never record an outcome. */
    private static final String KILLED = "node-killed-by-kill-9";

    @Test
    @Order(13)
    @RunAsClient
    void aTextTheKilledNodeHadSentIsRecordedNotSentTwice() throws Exception {
        // Every message so far (1,000 reminders among them) went by the normal path: not one lookup.
        assertEquals(0, NotificationFakes.twilio().lookups(), "the normal path never asks Twilio what it has");
        World w = world("SSO@Killed");
        long booking = w.book(w.advisor, "IN_PERSON", "09:00", w.client).id();
        FakeTwilio.Message first = awaitSms(w.mobile(), 1).get(0);
        await(() -> statuses(notifications(w.api, booking), "CONFIRMATION").equals(Set.of("SENT")),
                "the confirmation recorded as sent");

        // As if its node had died after Twilio took the text but before the outcome committed: the row is still
        // SENDING under the dead node's name, its lease over, no provider id.
        long lookupsBefore = NotificationFakes.twilio().lookups();
        assertEquals(1, inDoubt(booking, "CONFIRMATION", null), "the confirmation made to look in doubt");
        await(() -> recorded(booking, "CONFIRMATION") != null, "the confirmation taken over and decided");

        assertEquals(first.sid(), recorded(booking, "CONFIRMATION"), "the text Twilio has is the one recorded");
        assertEquals(List.of(first), NotificationFakes.twilio().accepted().stream()
                .filter(m -> m.to().equals(w.mobile())).toList(), "sent once, not twice");
        assertEquals(lookupsBefore + 1, NotificationFakes.twilio().lookups(), "one list call for the row taken over");
    }

    @Test
    @Order(14)
    @RunAsClient
    void aTextTheKilledNodeNeverSentIsSentOnce() throws Exception {
        World w = world("SSO@Killed early");
        long booking = w.book(w.advisor, "IN_PERSON", "09:00", w.client).id();
        awaitSms(w.mobile(), 1);
        await(() -> statuses(notifications(w.api, booking), "CONFIRMATION").equals(Set.of("SENT")),
                "the confirmation recorded as sent");

        // A reminder the dead node had rendered and claimed, but Twilio never got: the lookup finds nothing.
        long lookupsBefore = NotificationFakes.twilio().lookups();
        assertEquals(1, inDoubt(booking, "REMINDER", "Linkup: a text the killed node never got to send"));
        await(() -> recorded(booking, "REMINDER") != null, "the reminder taken over and decided");

        List<FakeTwilio.Message> texts = awaitSms(w.mobile(), 2);
        assertEquals(2, texts.size(), "the confirmation and the one reminder: " + texts);
        assertTrue(texts.get(1).body().contains("09:00"), texts.get(1).body());
        assertEquals(texts.get(1).sid(), recorded(booking, "REMINDER"));
        assertEquals(lookupsBefore + 1, NotificationFakes.twilio().lookups(), "one list call for the row taken over");
    }

    /**
     * Makes one of the booking's rows of {@code kind} look as a kill -9 leaves it: {@code SENDING}, claimed by a
     * node that is gone, its lease over, due a second ago, no outcome; with {@code body} as the text handed over
     * (null: keep the row's own, the text Twilio took). Returns the rows changed.
     */
    private static int inDoubt(long booking, String kind, String body) throws SQLException {
        try (Connection db = BookingIT.db(); var update = db.prepareStatement("""
                UPDATE notification SET status = 'SENDING', claimed_by = ?, body = COALESCE(?, body),
                  lease_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND,
                  due_at = LEAST(due_at, UTC_TIMESTAMP(6) - INTERVAL 1 SECOND),
                  provider_id = NULL, sent_at = NULL, delivery = NULL
                WHERE booking_id = ? AND kind = ? AND channel = 'SMS' ORDER BY id LIMIT 1""")) {
            update.setString(1, KILLED);
            update.setString(2, body);
            update.setLong(3, booking);
            update.setString(4, kind);
            return update.executeUpdate();
        }
    }

    /** The provider id of the booking's row of {@code kind} taken over from the killed node, once it is SENT. */
    private static String recorded(long booking, String kind) {
        try (Connection db = BookingIT.db(); var row = db.prepareStatement("""
                SELECT provider_id FROM notification WHERE booking_id = ? AND kind = ? AND channel = 'SMS'
                  AND status = 'SENT' AND claimed_by <> ? ORDER BY id LIMIT 1""")) {
            row.setLong(1, booking);
            row.setString(2, kind);
            row.setString(3, KILLED);
            try (var rs = row.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- helpers ---

    /** A fresh office, service, advisor (09:00–12:00 on a working day) and a client who may be texted. */
    private World world(String officeName) {
        NotificationFakes.start();
        Api api = new Api(deployment);
        World w = new World();
        w.api = api;
        w.office = api.post("api/offices", CatalogueIT.office(unique("NT"), officeName)).id();
        api.post("api/rooms", CatalogueIT.room(w.office, "Interview 1", "INTERVIEW_ROOM"));
        long agency = api.post("api/agencies", CatalogueIT.agency(unique("AG"), "EMPLOYMENT", null)).id();
        w.service = api.post("api/services", CatalogueIT.service(agency, unique("SVC"))).id();
        w.advisorEmail = unique("adv").toLowerCase(Locale.ROOT) + "@agency.example.org";
        w.advisor = api.post("api/advisors", CatalogueIT.advisor(agency, w.advisorEmail, List.of(w.service))).id();
        w.day = BookingIT.workingDay(api);
        var rule = api.post("api/advisors/" + w.advisor + "/rules", AvailabilityIT.rule(BookingIT.byDay(w.day),
                "09:00", "12:00", w.office, "IN_PERSON", "VIDEO_AT_SSO", "VIDEO_REMOTE"));
        assertEquals(201, rule.status(), rule::toString);
        w.localMobile = CatalogueIT.mobile();
        var client = api.post("api/clients", CatalogueIT.client(w.office, "Siti binte Ahmad", w.localMobile, null));
        assertEquals(201, client.status(), client::toString);
        w.client = client.id();
        return w;
    }

    static final class World {
        Api api;
        long office;
        long service;
        long advisor;
        String advisorEmail;
        long client;
        String localMobile;
        LocalDate day;

        String mobile() {
            return "+65" + localMobile;
        }

        String at(String time) {
            return day.atTime(LocalTime.parse(time)).atZone(SINGAPORE).toOffsetDateTime().toString();
        }

        Instant instant(String time) {
            return day.atTime(LocalTime.parse(time)).atZone(SINGAPORE).toInstant();
        }

        String request(long advisor, String mode, String start, long client, String extra) {
            return """
                    {"serviceId":%d,"officeId":%d,"mode":"%s","start":"%s","advisorId":%d,"clientId":%d%s}"""
                    .formatted(service, office, mode, at(start), advisor, client, extra);
        }

        Api.Reply book(long advisor, String mode, String start, long client) {
            var reply = api.post("api/bookings", request(advisor, mode, start, client, ""));
            assertEquals(201, reply.status(), reply::toString);
            return reply;
        }
    }

    /** JSON-B leaves out null fields. */
    private static boolean noSmsProblem(JsonObject client) {
        return !client.containsKey("smsProblem") || client.isNull("smsProblem");
    }

    private static Api.Reply webhook(Api api, String url, Map<String, String> form, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"))));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return api.anonymous().send(request);
    }

    private static Api.Reply inbound(World w, String from, String body, String forgedWith) {
        String url = w.api.uri("api/webhooks/twilio/inbound").toString();
        Map<String, String> form = NotificationFakes.twilio().inboundForm(from, FakeTwilio.FROM, body);
        String signature = forgedWith == null ? NotificationFakes.twilio().sign(url, form)
                : FakeTwilio.signature(forgedWith, url, form);
        return webhook(w.api, url, form, signature);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** POSTs a lifecycle change ({@code reschedule}, {@code cancel}) with the booking's current ETag. */
    private static Api.Reply change(Api api, long booking, String action, String json) {
        String etag = "\"" + api.get("api/bookings/" + booking).json().getJsonNumber("version") + "\"";
        return api.send(api.json("api/bookings/" + booking + "/" + action).header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static List<JsonObject> notifications(Api api, long booking) {
        var reply = api.get("api/bookings/" + booking + "/notifications");
        assertEquals(200, reply.status(), reply::toString);
        return reply.structure().asJsonArray().stream().map(JsonObject.class::cast).toList();
    }

    private static JsonObject confirmation(Api api, long booking) {
        return notifications(api, booking).stream().filter(n -> n.getString("kind").equals("CONFIRMATION"))
                .findFirst().orElseThrow();
    }

    private static Set<String> statuses(List<JsonObject> messages, String... kinds) {
        Set<String> wanted = Set.of(kinds);
        return messages.stream().filter(n -> wanted.contains(n.getString("kind")))
                .map(n -> n.getString("status")).collect(Collectors.toSet());
    }

    private static List<Instant> due(List<JsonObject> messages, String kind, String status) {
        return messages.stream().filter(n -> n.getString("kind").equals(kind) && n.getString("status").equals(status))
                .map(n -> Instant.parse(n.getString("dueAt"))).sorted().toList();
    }

    private static List<FakeTwilio.Message> awaitSms(String to, int count) throws InterruptedException {
        await(() -> NotificationFakes.twilio().accepted().stream().filter(m -> m.to().equals(to)).count() >= count,
                count + " SMS to " + to);
        return NotificationFakes.twilio().accepted().stream().filter(m -> m.to().equals(to)).toList();
    }

    private static List<NotificationFakes.Mail> awaitInvite(String to, int count) throws InterruptedException {
        await(() -> NotificationFakes.mailTo(to).size() >= count, count + " invitations to " + to);
        return NotificationFakes.mailTo(to);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
