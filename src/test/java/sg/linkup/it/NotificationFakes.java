package sg.linkup.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sg.linkup.notification.calendar.Ics;
import sg.linkup.notification.sms.twilio.FakeTwilio;

/**
 * The outside world of {@link NotificationIT}, on the client side only: the fake Twilio and the GreenMail SMTP
 * server, on the ports Payara was configured with (failsafe reserves them), started once and kept for the run.
 */
final class NotificationFakes {

    private static FakeTwilio twilio;
    private static GreenMail smtp;
    /** The number of the booking whose 1,000 reminders two dispatchers share, from one test to the next. */
    static volatile String sharedNumber;

    private NotificationFakes() {
    }

    static synchronized void start() {
        if (twilio == null) {
            twilio = new FakeTwilio().start(Integer.getInteger("it.twilio.port"));
            smtp = new GreenMail(new ServerSetup(Integer.getInteger("it.smtp.port"), "127.0.0.1", "smtp"));
            smtp.start();
        }
    }

    static FakeTwilio twilio() {
        start();
        return twilio;
    }

    /** An invitation as it arrived: the calendar part's method parameter and its text. */
    /** An invitation as it arrived: subject, iTIP method, the calendar text and the readable plain-text part. */
    record Mail(String subject, String method, String ics, String text) {
    }

    /** Every invitation mailed to {@code address}, in order of arrival. */
    static List<Mail> mailTo(String address) {
        start();
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                boolean toThem = false;
                for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                    toThem |= recipient.toString().toLowerCase().contains(address.toLowerCase());
                }
                if (toThem) {
                    Object content = message.getContent();
                    String text = part(content, "text/plain").map(Part::text).orElse(null);
                    Optional<Part> calendar = part(content, "text/calendar");
                    if (calendar.isPresent()) {
                        // Every invitation that arrives is checked as a calendar program would read it, and its
                        // attachment must be the same calendar.
                        validate(calendar.get().text());
                        assertEquals(calendar.get().text(), part(content, "application/ics").map(Part::text)
                                .orElse(null), "the invite.ics attachment");
                        mails.add(new Mail(subject(message), calendar.get().method(), calendar.get().text(), text));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("unreadable mail", e);
            }
        }
        return mails;
    }

    private record Part(String method, String text) {
    }

    /** The first part of {@code mimeType}, however deeply nested. */
    private static Optional<Part> part(Object content, String mimeType) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                ContentType type = new ContentType(part.getContentType());
                if (type.match(mimeType)) {
                    return Optional.of(new Part(type.getParameter("method"), read(part.getContent())));
                }
                Optional<Part> nested = part(part.getContent(), mimeType);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }

    private static String read(Object content) throws IOException {
        if (content instanceof String text) {
            return text;
        }
        try (InputStream in = (InputStream) content; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return null;
        }
    }

    /** The value of an (unfolded) iCalendar property, e.g. UID. */
    static String property(String ics, String name) {
        String unfolded = ics.replace("\r\n ", "").replace("\n ", "");
        for (String line : unfolded.split("\r?\n")) {
            if (line.startsWith(name + ":") || line.startsWith(name + ";")) {
                return line.substring(line.indexOf(':') + 1);
            }
        }
        throw new AssertionError("no " + name + " in\n" + ics);
    }

    /** Parses the calendar with iCal4j and fails on anything its validator reports (RFC 5545 and 5546). */
    static void validate(String ics) {
        Ics.parseValid(ics);
    }
}
