package sg.linkup.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.booking.control.BookingChanged;
import sg.linkup.booking.entity.Booking;
import sg.linkup.client.entity.Client;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.directory.entity.Language;
import sg.linkup.notification.entity.Notification;
import sg.linkup.notification.entity.NotificationKind;

/**
 * Turns each booking change into outbox rows, inside the change's own transaction: an SMS to the client (when
 * they may be texted), calendar mail to the advisor and to the client when an email is known, and one reminder
 * row per configured offset. What the messages say is decided when they are sent, from the booking as it is then.
 */
@ApplicationScoped
public class Notifier {

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Minutes before the session at which reminders go out; a reminder already past when booking is skipped. */
    @Inject
    @ConfigProperty(name = "linkup.sms.reminder-minutes", defaultValue = "1440,120")
    List<Integer> reminderMinutes;

    void onChange(@Observes BookingChanged change) {
        Booking booking = em.find(Booking.class, change.bookingId());
        Client client = em.find(Client.class, booking.clientId());
        Instant now = clock.instant();
        switch (change.change()) {
            case BOOKED -> {
                if (!change.byClient()) {
                    sms(NotificationKind.CONFIRMATION, booking, client, now);
                }
                reminders(booking, client, now);
                invites(NotificationKind.INVITE, booking, client, now);
            }
            case RESCHEDULED -> {
                outbox.skipStale(booking.id(), booking.sequence());
                sms(NotificationKind.RESCHEDULED, booking, client, now);
                reminders(booking, client, now);
                uninviteFormerAdvisors(booking, client, now);
                invites(NotificationKind.INVITE, booking, client, now);
            }
            case CANCELLED -> {
                outbox.skipStale(booking.id(), booking.sequence());
                if (!change.byClient()) {
                    sms(NotificationKind.CANCELLED, booking, client, now);
                }
                invites(NotificationKind.INVITE_CANCEL, booking, client, now);
            }
            case OFFERED -> sms(NotificationKind.WAITLIST_OFFER, booking, client, now);
            case RELEASED -> {
                // Nothing to send: a counter's hold was never announced, and an offer's text named its deadline.
            }
        }
    }

    private void sms(NotificationKind kind, Booking booking, Client client, Instant dueAt) {
        if (client.maySms()) {
            outbox.add(new Notification(kind, Notification.Channel.SMS, client.mobile().e164(),
                    client.preferredLanguage(), booking.id(), client.id(), booking.sequence(), dueAt, clock.instant()));
        }
    }

    private void reminders(Booking booking, Client client, Instant now) {
        for (int minutes : reminderMinutes) {
            Instant due = booking.session().start().minus(Duration.ofMinutes(minutes));
            if (due.isAfter(now)) {
                sms(NotificationKind.REMINDER, booking, client, due);
            }
        }
    }

    /**
     * The advisor always gets the invitation; the client only when an email is known. A cancellation goes only
     * where an invitation went before, so a calendar never receives a CANCEL for an event it never had.
     */
    private void invites(NotificationKind kind, Booking booking, Client client, Instant now) {
        Advisor advisor = em.find(Advisor.class, booking.advisorId());
        if (kind == NotificationKind.INVITE_CANCEL) {
            for (Notification invitation : invited(booking)) {
                uninvite(invitation, booking, now);
            }
            return;
        }
        mail(kind, advisor.email(), Language.EN, booking, null, now);
        if (client.email() != null && client.isActive()) {
            mail(kind, client.email(), client.preferredLanguage(), booking, client.id(), now);
        }
    }

    /**
     * A session moved to another advisor, or a client whose e-mail address changed, leaves the calendar it was
     * in: that address gets a cancellation, in the view it was invited with.
     */
    private void uninviteFormerAdvisors(Booking booking, Client client, Instant now) {
        String advisor = em.find(Advisor.class, booking.advisorId()).email();
        for (Notification invitation : invited(booking)) {
            String current = invitation.clientId() == null ? advisor : client.email();
            if (!invitation.recipient().equalsIgnoreCase(current)) {
                uninvite(invitation, booking, now);
            }
        }
    }

    private void uninvite(Notification invitation, Booking booking, Instant now) {
        mail(NotificationKind.INVITE_CANCEL, invitation.recipient(), invitation.language(), booking,
                invitation.clientId(), now);
    }

    /**
     * Who may have the event in their calendar: per address, the latest invitation that went, is going or may
     * still go out, unless a cancellation followed it. Skipped and failed rows never reached a calendar. A pending
     * invitation counts: a dispatcher may be sending it this instant, and a needless CANCEL is harmless where a
     * missing one leaves a ghost session in the calendar.
     */
    private List<Notification> invited(Booking booking) {
        List<Notification> rows = em.createQuery("""
                        SELECT n FROM Notification n WHERE n.bookingId = :booking AND n.kind IN :kinds
                        AND n.status NOT IN :never ORDER BY n.id""", Notification.class)
                .setParameter("booking", booking.id())
                .setParameter("kinds", List.of(NotificationKind.INVITE, NotificationKind.INVITE_CANCEL))
                .setParameter("never", List.of(Notification.Status.SKIPPED, Notification.Status.FAILED))
                .getResultList();
        Map<String, Notification> latest = new LinkedHashMap<>();
        for (Notification row : rows) {
            if (row.recipient() != null) {  // purged long after its session (README, Retention): no calendar to tell
                latest.put(row.recipient().toLowerCase(Locale.ROOT), row);
            }
        }
        return latest.values().stream().filter(row -> row.kind() == NotificationKind.INVITE).toList();
    }

    private void mail(NotificationKind kind, String to, Language language, Booking booking, Long clientId,
                      Instant now) {
        outbox.add(new Notification(kind, Notification.Channel.EMAIL, to, language, booking.id(), clientId,
                booking.sequence(), now, now));
    }
}
