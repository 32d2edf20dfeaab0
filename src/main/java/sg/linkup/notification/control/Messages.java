package sg.linkup.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import sg.linkup.booking.entity.Booking;
import sg.linkup.booking.entity.BookingStatus;
import sg.linkup.client.entity.Client;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.notification.calendar.CalendarEvent;
import sg.linkup.notification.calendar.InviteMail;
import sg.linkup.notification.entity.Notification;
import sg.linkup.notification.entity.NotificationKind;
import sg.linkup.notification.entity.SmsFacts;
import sg.linkup.notification.entity.SmsKind;
import sg.linkup.notification.entity.SmsTemplates;
import sg.linkup.video.VideoMeetings;

/**
 * Claims due messages and decides, from the booking as it is now, what each one says — or that it must not go
 * at all: a reminder or confirmation for a booking that was since moved or cancelled is stale, an offer whose
 * hold lapsed is gone, a client who replied STOP is not texted.
 */
@ApplicationScoped
public class Messages {

    private static final Logger LOG = Logger.getLogger(Messages.class.getName());
    private static final EnumSet<BookingStatus> UPCOMING = EnumSet.of(BookingStatus.BOOKED);

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    CalendarEvents calendar;

    @Inject
    VideoMeetings video;

    @Inject
    Clock clock;

    private final SmsTemplates templates = new SmsTemplates();

    /** What to hand to a provider: a text, or an invitation mail. */
    public sealed interface Outgoing permits Text, Mail {
        long id();
    }

    /**
     * A text to send; {@code inDoubt} is the previous attempt when this row was taken over from a node that never
     * recorded an outcome (null otherwise): the provider is asked for that text first.
     */
    public record Text(long id, String to, String body, Notification.PreviousAttempt inDoubt) implements Outgoing {
        @Override
        public String toString() {
            return "Text[" + id + "]";  // never the number or the body in a log line
        }
    }

    public record Mail(long id, InviteMail.InviteMessage message) implements Outgoing {
        @Override
        public String toString() {
            return "Mail[" + id + "]";
        }
    }

    /** What one claim took: how many rows, and those of them to send (the others were skipped). */
    public record Batch(int claimed, List<Outgoing> outgoing) {
    }

    /**
     * Claims up to {@code most} due messages and renders them; those that must not go are recorded as skipped.
     * A message that cannot be prepared (a template or calendar bug, bad data) fails alone: it must not roll back
     * the batch, or every node would claim it first again on every tick and nothing else would ever be sent. A
     * message claimed more than {@code maxAttempts} times without an outcome (its node died or failed while
     * sending, again and again) fails too, instead of coming back forever.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch claim(String node, int most, Duration lease, int maxAttempts) {
        Instant now = clock.instant();
        List<Outgoing> outgoing = new ArrayList<>();
        List<Notification> claimed = outbox.claim(node, most, lease);
        for (Notification n : claimed) {
            if (n.attempts() > maxAttempts) {
                n.fail("no outcome after " + maxAttempts + " attempts", now);
                continue;
            }
            try {
                prepare(n, now).ifPresent(outgoing::add);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Notification " + n.id() + " could not be prepared and is failed", e);
                n.fail("could not be prepared: " + e.getClass().getSimpleName(), now);
            }
        }
        return new Batch(claimed.size(), outgoing);
    }

    private Optional<Outgoing> prepare(Notification n, Instant now) {
        Booking booking = n.bookingId() == null ? null : em.find(Booking.class, n.bookingId());
        String stale = staleness(n, booking, now);
        if (stale != null) {
            n.skip(stale, now);
            return Optional.empty();
        }
        if (n.channel() == Notification.Channel.SMS) {
            return text(n, booking, now);
        }
        return Optional.of(new Mail(n.id(), mail(n, booking, now)));
    }

    /** Why the message must not go any more, or null. */
    static String staleness(Notification n, Booking booking, Instant now) {
        if (booking == null) {
            return "no booking";
        }
        if (n.kind().staleAfterChange() && booking.sequence() != n.bookingSequence()) {
            return "the booking changed after this was written";
        }
        return switch (n.kind()) {
            case CONFIRMATION, RESCHEDULED, REMINDER, INVITE -> UPCOMING.contains(booking.status())
                    && booking.session().start().isAfter(now) ? null : "the booking is " + booking.status()
                    + (booking.session().start().isAfter(now) ? "" : " and its start has passed");
            case WAITLIST_OFFER -> booking.status() == BookingStatus.HELD && !booking.isLapsedHoldAt(now)
                    ? null : "the offer is no longer open";
            case CANCELLED, INVITE_CANCEL -> null;
        };
    }

    /** What {@link #text} checks before sending: staff see no preview of a text the dispatcher will skip. */
    private boolean stillTextable(Notification n) {
        Client client = n.clientId() == null ? null : em.find(Client.class, n.clientId());
        return client != null && client.maySms() && client.mobile().e164().equals(n.recipient());
    }

    private Optional<Outgoing> text(Notification n, Booking booking, Instant now) {
        Client client = em.find(Client.class, n.clientId());
        if (client == null || !client.maySms()) {
            n.skip("the client may not be texted (no consent, opted out or a known bad number)", now);
            return Optional.empty();
        }
        if (!client.mobile().e164().equals(n.recipient())) {
            n.skip("the client's number changed after this was written", now);
            return Optional.empty();
        }
        SmsKind kind = n.kind().text().orElseThrow();
        String body = templates.render(kind, n.language(), facts(booking, now));
        Notification.PreviousAttempt inDoubt = n.inDoubt().orElse(null);
        // Kept in the claim's own UPDATE, so the normal path costs nothing more. A row in doubt keeps the text of
        // the attempt in doubt until this one is decided: asked for again if this node dies too.
        if (inDoubt == null) {
            n.handOver(body);
        }
        return Optional.of(new Text(n.id(), n.recipient(), body, inDoubt));
    }

    /**
     * The text of an SMS as staff may see it ({@link SmsTemplates#forStaff}): what was sent, or what will be
     * sent if it goes now. Nothing for a message that did not go and will not (skipped, failed, or stale by now),
     * nor for an e-mail.
     */
    public Optional<String> previewForStaff(Notification n, Instant now) {
        if (n.channel() != Notification.Channel.SMS) {
            return Optional.empty();
        }
        if (n.status() == Notification.Status.SENT) {
            return Optional.ofNullable(SmsTemplates.forStaff(n.body()));
        }
        if (n.status() != Notification.Status.PENDING && n.status() != Notification.Status.SENDING) {
            return Optional.empty();
        }
        Booking booking = n.bookingId() == null ? null : em.find(Booking.class, n.bookingId());
        if (staleness(n, booking, now) != null || !stillTextable(n)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SmsTemplates.forStaff(templates.render(n.kind().text().orElseThrow(), n.language(),
                    facts(booking, now))));
        } catch (IllegalStateException tooLong) {
            return Optional.empty();  // the dispatcher will fail it and say why; the list still shows the rest
        }
    }

    /** What an SMS about the booking may say: where, when, how, and the guest video link. */
    public SmsFacts facts(Booking booking, Instant now) {
        Office office = em.find(Office.class, booking.officeId());
        String link = booking.mode() == SessionMode.IN_PERSON || booking.videoLink() == null ? null
                : video.guestLink(booking.videoLink());
        int offerMinutes = booking.status() == BookingStatus.HELD && booking.holdExpiresAt() != null
                ? (int) Math.max(1, Duration.between(now, booking.holdExpiresAt()).toMinutes()) : 0;
        return new SmsFacts(office.name(), booking.session().start(), booking.mode(), link, offerMinutes);
    }

    private InviteMail.InviteMessage mail(Notification n, Booking booking, Instant now) {
        CalendarEvent.Method method = n.kind() == NotificationKind.INVITE_CANCEL
                ? CalendarEvent.Method.CANCEL : CalendarEvent.Method.REQUEST;
        boolean cancel = method == CalendarEvent.Method.CANCEL;
        // The view follows whom the row was written for, never the address: a client's former e-mail address
        // still gets the client's view, without the service's name or the host's link.
        if (n.clientId() == null) {
            CalendarEvent event = calendar.forAdvisor(booking, method, now, n.recipient());
            String subject = (cancel ? "Cancelled: " : booking.sequence() > 0 ? "Updated: " : "Invitation: ")
                    + event.summary();
            String text = (cancel ? "This Linkup session is cancelled." : "A Linkup session for you.") + "\n\n"
                    + event.summary() + "\n" + event.location() + "\n\n" + event.description();
            return new InviteMail.InviteMessage(n.recipient(), null, subject, text, event);
        }
        SmsFacts facts = facts(booking, now);
        CalendarEvent event = calendar.forClient(booking, n.recipient(), facts.videoLink(), method, now);
        SmsKind words = cancel ? SmsKind.CANCELLED : booking.sequence() > 0 ? SmsKind.RESCHEDULED
                : SmsKind.CONFIRMATION;
        return new InviteMail.InviteMessage(n.recipient(), null, event.summary(),
                templates.renderMail(words, n.language(), facts), event);
    }
}
