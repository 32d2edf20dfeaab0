package sg.linkup.notification.calendar;

import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.platform.Hosts;

/**
 * Sends one invite email over SMTP with Jakarta Mail. The MIME shape is the one Outlook and Gmail both show as
 * an invitation with the calendar's own buttons:
 * <pre>
 * multipart/mixed
 *   multipart/alternative
 *     text/plain; charset=UTF-8
 *     text/calendar; charset=UTF-8; method=REQUEST|CANCEL   (the same METHOD as inside)
 *   application/ics; name="invite.ics"                      (attachment, for clients that ignore the above)
 * </pre>
 * The Jakarta Mail session is built here from {@code linkup.mail.*}, not taken from a container resource.
 */
@ApplicationScoped
public class InviteMail {

    private static final Logger LOG = Logger.getLogger(InviteMail.class.getName());
    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final String ATTACHMENT_NAME = "invite.ics";
    /** An SMTP reply as Jakarta Mail reports it: "550 5.1.1 <…>: Recipient address rejected". */
    private static final Pattern SMTP_REPLY = Pattern.compile("^\\s*([2-5])\\d\\d[ \\-]");

    /**
     * Where and how to send.
     *
     * @param from    the From header, "Name &lt;address&gt;"
     * @param replyTo where replies to the email go; none: to {@code from}
     * @param timeout for connecting, reading and writing, each
     */
    public record Settings(String host, int port, Optional<String> username, Optional<String> password,
            boolean startTls, String from, Optional<String> replyTo, Duration timeout) {

        public Settings {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("linkup.mail.host is required");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("linkup.mail.port must be 1-65535");
            }
            username = Objects.requireNonNull(username, "username").filter(u -> !u.isBlank());
            password = Objects.requireNonNull(password, "password");
            if (username.isPresent() && password.isEmpty()) {
                throw new IllegalArgumentException("linkup.mail.password is required with linkup.mail.username");
            }
            if (username.isPresent() && !startTls && !Hosts.isLoopback(host)) {
                throw new IllegalArgumentException("linkup.mail.username needs linkup.mail.starttls=true for "
                        + host + ": the password must not cross the network in clear text");
            }
            Objects.requireNonNull(from, "from");
            replyTo = Objects.requireNonNull(replyTo, "replyTo").filter(r -> !r.isBlank());
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("linkup.mail.timeout-millis must be positive");
            }
        }

        @Override
        public String toString() {
            return "Settings[host=" + host + ", port=" + port + ", username=" + username.orElse("(none)")
                    + ", password=" + (password.isPresent() ? "(set)" : "(none)") + ", startTls=" + startTls
                    + ", from=" + from + ", replyTo=" + replyTo.orElse("(none)") + ", timeout=" + timeout + "]";
        }
    }

    /**
     * One invite email: a short plain-text body and the calendar event it carries.
     *
     * @param to      the recipient's address (usually one of the event's attendees)
     * @param toName  shown next to the address; may be null
     * @param subject the email's subject
     * @param text    the plain-text body, already in the recipient's language
     * @param event   the invitation, update or cancellation
     */
    public record InviteMessage(String to, String toName, String subject, String text, CalendarEvent event) {

        public InviteMessage {
            if (to == null || to.isBlank()) {
                throw new IllegalArgumentException("to is required");
            }
            to = to.strip();
            toName = toName == null || toName.isBlank() ? null : oneLine(toName);
            if (subject == null || subject.isBlank()) {
                throw new IllegalArgumentException("subject is required");
            }
            // A line break in a header would start another header.
            subject = oneLine(subject);
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(event, "event");
        }

        private static String oneLine(String value) {
            return value.replaceAll("[\\r\\n\\t]+", " ").strip();
        }

        @Override
        public String toString() {
            return "InviteMessage[to=" + Addresses.maskedAddress(to) + ", uid=" + event.uid() + ", sequence="
                    + event.sequence() + ", method=" + event.method() + "]";
        }
    }

    private final Invites invites = new Invites();
    private Settings settings;
    private Session session;
    private InternetAddress from;
    private InternetAddress replyTo;

    /** For CDI's client proxy only. */
    protected InviteMail() {
    }

    @Inject
    InviteMail(@ConfigProperty(name = "linkup.mail.host", defaultValue = "localhost") String host,
            @ConfigProperty(name = "linkup.mail.port", defaultValue = "25") int port,
            @ConfigProperty(name = "linkup.mail.username") Optional<String> username,
            @ConfigProperty(name = "linkup.mail.password") Optional<String> password,
            @ConfigProperty(name = "linkup.mail.starttls", defaultValue = "false") boolean startTls,
            @ConfigProperty(name = "linkup.mail.from", defaultValue = "Linkup <no-reply@linkup.localhost>")
            String from,
            @ConfigProperty(name = "linkup.mail.reply-to") Optional<String> replyTo,
            @ConfigProperty(name = "linkup.mail.timeout-millis", defaultValue = "10000") long timeoutMillis) {
        this(new Settings(host, port, username, password, startTls, from, replyTo,
                Duration.ofMillis(timeoutMillis)));
    }

    public InviteMail(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.from = configuredAddress(settings.from(), "linkup.mail.from");
        this.replyTo = settings.replyTo().map(r -> configuredAddress(r, "linkup.mail.reply-to")).orElse(null);
        Properties props = sessionProperties(settings);
        // Message-IDs end in our own domain rather than whatever this host is called.
        props.setProperty("mail.from", from.getAddress());
        this.session = Session.getInstance(props);
    }

    /**
     * Hands the invite to the SMTP server; returns once the server has accepted it.
     *
     * @throws MailFailure when it did not; {@link MailFailure#mayRetry()} says whether trying again may help
     */
    public void send(InviteMessage message) {
        Objects.requireNonNull(message, "message");
        MimeMessage mime = compose(message);
        Transport transport = null;
        try {
            transport = session.getTransport("smtp");
            transport.connect(settings.host(), settings.port(), settings.username().orElse(null),
                    settings.password().orElse(null));
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException e) {
            MailFailure failure = failure(e, message.to());
            LOG.log(Level.FINE, "Invite {0} not sent: {1}", new Object[] {message, failure.getMessage()});
            throw failure;
        } finally {
            closeQuietly(transport);
        }
        LOG.log(Level.FINE, "Invite {0} sent", message);
    }

    /** The MIME message {@link #send} would send, saved and ready for a transport. */
    MimeMessage compose(InviteMessage message) {
        CalendarEvent event = message.event();
        byte[] ics = invites.render(event).getBytes(StandardCharsets.UTF_8);
        try {
            InternetAddress to = new InternetAddress(message.to(), message.toName(), UTF_8);
            to.validate();

            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text(), UTF_8);
            MimeBodyPart calendar = new MimeBodyPart();
            calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(ics,
                    "text/calendar; charset=UTF-8; method=" + event.method().name())));
            // As Exchange sends it; quoted-printable would break folded lines again with soft line breaks.
            calendar.setHeader("Content-Transfer-Encoding", "base64");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(new MimeMultipart("alternative", text, calendar));

            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(ics, "application/ics")));
            attachment.setHeader("Content-Transfer-Encoding", "base64");
            attachment.setFileName(ATTACHMENT_NAME);
            attachment.setDisposition(Part.ATTACHMENT);

            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(from);
            if (replyTo != null) {
                mime.setReplyTo(new Address[] {replyTo});
            }
            mime.setRecipient(MimeMessage.RecipientType.TO, to);
            mime.setSubject(message.subject(), UTF_8);
            mime.setContent(new MimeMultipart("mixed", body, attachment));
            mime.saveChanges();
            return mime;
        } catch (AddressException e) {
            throw new MailFailure(false, "not a valid email address: " + Addresses.maskedAddress(message.to()));
        } catch (MessagingException e) {
            throw new IllegalStateException("could not build the invite email: " + e.getMessage(), e);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Properties sessionProperties(Settings settings) {
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", "smtp");
        props.setProperty("mail.smtp.host", settings.host());
        props.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        String millis = Long.toString(settings.timeout().toMillis());
        props.setProperty("mail.smtp.connectiontimeout", millis);
        props.setProperty("mail.smtp.timeout", millis);
        props.setProperty("mail.smtp.writetimeout", millis);
        props.setProperty("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
        if (settings.startTls()) {
            // Required, not merely enabled: never fall back to sending the password and invite in clear text.
            props.setProperty("mail.smtp.starttls.enable", "true");
            props.setProperty("mail.smtp.starttls.required", "true");
            props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return props;
    }

    /**
     * Refused for good: the address (a 5xx reply to it) or the message (a 5xx reply to it); a malformed
     * address never gets this far ({@link #compose}).
     * Everything else (no connection, timeout, 4xx, a refused login) is about the server or our settings,
     * and the same invite may go through later.
     */
    static MailFailure failure(MessagingException e, String to) {
        String who = Addresses.maskedAddress(to);
        String reply = reply(e);
        if (e instanceof SendFailedException refused) {
            Address[] invalid = refused.getInvalidAddresses();
            if (invalid != null && invalid.length > 0) {
                return new MailFailure(false, "the mail server refused the address " + who + ": " + reply);
            }
            if (replyClass(e) == 5) {
                return new MailFailure(false, "the mail server refused the invite to " + who + ": " + reply);
            }
        }
        return new MailFailure(true, "could not hand the invite to " + who + " to the mail server: " + reply);
    }

    /** The class (4 or 5) of the first SMTP reply in the chain, 0 when there is none. */
    private static int replyClass(MessagingException e) {
        String reply = smtpReply(e);
        return reply == null ? 0 : Character.digit(reply.strip().charAt(0), 10);
    }

    /** What went wrong, on one line and without full addresses: the SMTP reply if there is one. */
    private static String reply(MessagingException e) {
        String text = smtpReply(e);
        if (text == null) {
            text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        String line = Addresses.masked(text).replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** Angus Mail reports the server's reply as the message of the exception (or a nested one) it throws. */
    private static String smtpReply(MessagingException e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t.getMessage() != null && SMTP_REPLY.matcher(t.getMessage()).find()) {
                return t.getMessage();
            }
            t = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
                    : t.getCause();
        }
        return null;
    }

    private static InternetAddress configuredAddress(String value, String key) {
        try {
            InternetAddress[] parsed = InternetAddress.parse(value, true);
            if (parsed.length != 1) {
                throw new IllegalArgumentException(key + " must be one address, like \"Linkup <no-reply@…>\"");
            }
            parsed[0].validate();
            return parsed[0];
        } catch (AddressException e) {
            throw new IllegalArgumentException(key + " is not a valid address: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            // The server already has the message (or never got it); a failed QUIT changes neither.
            LOG.log(Level.FINE, "Closing the SMTP connection failed", e);
        }
    }
}
