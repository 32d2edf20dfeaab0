package sg.linkup.notification.calendar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.notification.calendar.Ics.onlyEvent;
import static sg.linkup.notification.calendar.Ics.parseValid;
import static sg.linkup.notification.calendar.Ics.value;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sg.linkup.notification.calendar.InviteMail.InviteMessage;

class InviteMailTest {

    /** A random port: other builds on this machine may run GreenMail too. */
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String TEXT = "Tan Mei Ling, a client session is booked for you on Tue 4 Mar, 10:30.";

    private static InviteMail mailTo(String host, int port) {
        return new InviteMail(new InviteMail.Settings(host, port, Optional.empty(), Optional.empty(), false,
                "Linkup <no-reply@linkup.example>", Optional.of("SSO@Bedok <bedok@sso.example.sg>"),
                Duration.ofSeconds(5)));
    }

    private static InviteMail mailToGreenMail() {
        return mailTo(greenMail.getSmtp().getBindTo(), greenMail.getSmtp().getPort());
    }

    private static InviteMessage message(String to, CalendarEvent event) {
        return new InviteMessage(to, "Tan Mei Ling", "Linkup: session on 4 Mar – 10:30", TEXT, event);
    }

    private static MimeMessage onlyReceived() {
        assertTrue(greenMail.waitForIncomingEmail(5_000, 1), "GreenMail received nothing");
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        return received[0];
    }

    @Test
    void invitationArrivesInTheShapeOutlookAndGmailShowAsAnInvite() throws Exception {
        mailToGreenMail().send(message("mei.ling@agency.example.sg", SampleEvents.booked()));

        MimeMessage mail = onlyReceived();
        assertTrue(mail.isMimeType("multipart/mixed"), mail.getContentType());
        Multipart mixed = (Multipart) mail.getContent();
        assertEquals(2, mixed.getCount());
        BodyPart body = mixed.getBodyPart(0);
        assertTrue(body.isMimeType("multipart/alternative"), body.getContentType());
        Multipart alternative = (Multipart) body.getContent();
        assertEquals(2, alternative.getCount());
        BodyPart text = alternative.getBodyPart(0);
        BodyPart calendarPart = alternative.getBodyPart(1);
        BodyPart attachment = mixed.getBodyPart(1);
        ContentType calendarType = new ContentType(calendarPart.getContentType());

        assertAll(
                () -> assertEquals(new InternetAddress("Linkup <no-reply@linkup.example>"), mail.getFrom()[0]),
                () -> assertEquals(new InternetAddress("bedok@sso.example.sg"), mail.getReplyTo()[0]),
                () -> assertEquals("mei.ling@agency.example.sg",
                        ((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress()),
                () -> assertEquals("Tan Mei Ling",
                        ((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getPersonal()),
                () -> assertEquals("Linkup: session on 4 Mar – 10:30", mail.getSubject()),
                () -> assertNotNull(mail.getSentDate()),
                () -> assertNotNull(mail.getMessageID()),
                () -> assertTrue(text.isMimeType("text/plain"), text.getContentType()),
                () -> assertEquals("UTF-8", new ContentType(text.getContentType()).getParameter("charset")),
                () -> assertEquals(TEXT, text.getContent()),
                () -> assertEquals("text/calendar", calendarType.getBaseType()),
                () -> assertEquals("UTF-8", calendarType.getParameter("charset")),
                () -> assertEquals("REQUEST", calendarType.getParameter("method")),
                () -> assertEquals("base64", ((MimeBodyPart) calendarPart).getEncoding()),
                () -> assertEquals(Part.ATTACHMENT, attachment.getDisposition()),
                () -> assertEquals("invite.ics", attachment.getFileName()),
                () -> assertTrue(attachment.isMimeType("application/ics"), attachment.getContentType()));

        String ics = read(calendarPart);
        Calendar calendar = parseValid(ics);
        VEvent event = onlyEvent(calendar);
        assertEquals(calendarType.getParameter("method"), value(calendar, Property.METHOD));
        assertEquals(SampleEvents.UID, value(event, Property.UID));
        assertEquals("0", value(event, Property.SEQUENCE));
        assertEquals(ics, read(attachment), "the attachment is the same invite");
    }

    @Test
    void cancellationSaysCancelOnThePartAndInside() throws Exception {
        mailToGreenMail().send(message("mei.ling@agency.example.sg", SampleEvents.cancelled()));

        Multipart mixed = (Multipart) onlyReceived().getContent();
        BodyPart calendarPart = ((Multipart) mixed.getBodyPart(0).getContent()).getBodyPart(1);
        Calendar calendar = parseValid(read(calendarPart));

        assertEquals("CANCEL", new ContentType(calendarPart.getContentType()).getParameter("method"));
        assertEquals("CANCEL", value(calendar, Property.METHOD));
        assertEquals("CANCELLED", value(onlyEvent(calendar), Property.STATUS));
        assertEquals("2", value(onlyEvent(calendar), Property.SEQUENCE));
    }

    @Test
    void textInOtherScriptsArrivesIntact() throws Exception {
        CalendarEvent booked = SampleEvents.booked();
        CalendarEvent event = new CalendarEvent(booked.uid(), 0, booked.method(), booked.start(), booked.end(),
                "咨询服务 – 勿洛社会服务中心", "勿洛社会服务中心, Room 2", null, null, booked.organizer(),
                List.of(new CalendarEvent.Person("陈美玲", "mei.ling@agency.example.sg")), booked.stamp());
        String text = "陈美玲，您好：3月4日上午10时30分有一个咨询服务。";

        mailToGreenMail().send(
                new InviteMessage("mei.ling@agency.example.sg", "陈美玲", "邀请：咨询服务", text, event));

        MimeMessage mail = onlyReceived();
        Multipart alternative = (Multipart) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
        VEvent parsed = onlyEvent(parseValid(read(alternative.getBodyPart(1))));
        assertAll(
                () -> assertEquals("邀请：咨询服务", mail.getSubject()),
                () -> assertEquals("陈美玲",
                        ((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getPersonal()),
                () -> assertEquals(text, alternative.getBodyPart(0).getContent()),
                () -> assertEquals("咨询服务 – 勿洛社会服务中心", value(parsed, Property.SUMMARY)),
                () -> assertEquals("勿洛社会服务中心, Room 2", value(parsed, Property.LOCATION)));
    }

    @Test
    void noMailServerListeningMayBeRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        InviteMail mail = mailTo("127.0.0.1", closedPort);

        MailFailure failure = assertThrows(MailFailure.class,
                () -> mail.send(message("mei.ling@agency.example.sg", SampleEvents.booked())));

        assertTrue(failure.mayRetry(), failure::getMessage);
    }

    @Test
    void recipientRefusedWith5xxIsNotRetriedAndNotEchoedInFull() throws IOException {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(
                "550 5.1.1 <mei.ling@agency.example.sg>: Recipient address rejected: User unknown")) {
            InviteMail mail = mailTo(server.host(), server.port());

            MailFailure failure = assertThrows(MailFailure.class,
                    () -> mail.send(message("mei.ling@agency.example.sg", SampleEvents.booked())));

            assertFalse(failure.mayRetry(), failure::getMessage);
            assertTrue(failure.getMessage().contains("550"), failure::getMessage);
            assertFalse(failure.getMessage().contains("mei.ling@"), failure::getMessage);
            assertTrue(failure.getMessage().contains("m***@agency.example.sg"), failure::getMessage);
        }
    }

    @Test
    void recipientDeferredWith4xxMayBeRetried() throws IOException {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(
                "451 4.3.0 Temporary lookup failure, try again later")) {
            InviteMail mail = mailTo(server.host(), server.port());

            MailFailure failure = assertThrows(MailFailure.class,
                    () -> mail.send(message("mei.ling@agency.example.sg", SampleEvents.booked())));

            assertTrue(failure.mayRetry(), failure::getMessage);
            assertTrue(failure.getMessage().contains("451"), failure::getMessage);
        }
    }

    @Test
    void malformedAddressIsNotRetriedAndNothingIsSent() {
        InviteMail mail = mailToGreenMail();

        MailFailure failure = assertThrows(MailFailure.class,
                () -> mail.send(message("mei.ling.agency.example.sg", SampleEvents.booked())));

        assertFalse(failure.mayRetry(), failure::getMessage);
        assertFalse(failure.getMessage().contains("mei.ling.agency.example.sg"), failure::getMessage);
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void startTlsWhenConfiguredIsRequiredNotOptional() {
        InviteMail.Settings settings = new InviteMail.Settings("smtp.example.sg", 587, Optional.of("linkup"),
                Optional.of("s3cret"), true, "Linkup <no-reply@linkup.example>", Optional.empty(),
                Duration.ofMillis(7_000));

        var props = InviteMail.sessionProperties(settings);

        assertAll(
                () -> assertEquals("true", props.getProperty("mail.smtp.starttls.enable")),
                () -> assertEquals("true", props.getProperty("mail.smtp.starttls.required")),
                () -> assertEquals("true", props.getProperty("mail.smtp.auth")),
                () -> assertEquals("7000", props.getProperty("mail.smtp.connectiontimeout")),
                () -> assertEquals("7000", props.getProperty("mail.smtp.timeout")),
                () -> assertEquals("7000", props.getProperty("mail.smtp.writetimeout")),
                () -> assertFalse(settings.toString().contains("s3cret"), settings::toString));
    }

    @Test
    void badFromAddressInConfigurationFailsAtOnce() {
        InviteMail.Settings settings = new InviteMail.Settings("localhost", 25, Optional.empty(), Optional.empty(),
                false, "Linkup no-reply", Optional.empty(), Duration.ofSeconds(10));

        assertThrows(IllegalArgumentException.class, () -> new InviteMail(settings));
    }

    private static String read(Part part) throws IOException, MessagingException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }
}
