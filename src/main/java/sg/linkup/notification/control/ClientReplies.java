package sg.linkup.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.audit.control.AuditTrail;
import sg.linkup.audit.entity.AuditEvent.Actor;
import sg.linkup.booking.control.BookingChanged;
import sg.linkup.availability.control.SlotTaken;
import sg.linkup.booking.control.Bookings;
import sg.linkup.booking.control.SlotUnavailable;
import sg.linkup.booking.control.Waitlist;
import sg.linkup.booking.control.WaitlistOffers;
import sg.linkup.booking.entity.Booking;
import sg.linkup.booking.entity.BookingStatus;
import sg.linkup.booking.entity.WaitlistEntry;
import sg.linkup.client.control.Clients;
import sg.linkup.client.entity.Client;
import sg.linkup.client.entity.PhoneNumber;
import sg.linkup.directory.entity.Language;
import sg.linkup.notification.entity.Keyword;
import sg.linkup.notification.entity.SmsFacts;
import sg.linkup.notification.entity.SmsKind;
import sg.linkup.notification.entity.SmsTemplates;

/**
 * What a client's reply does, in one transaction.
 * <ul>
 *   <li>YES takes an open waitlist offer, or else confirms the client's next upcoming booking.</li>
 *   <li>C / CANCEL cancels the next upcoming booking at once, whenever it is, and says so. Asking "are you
 *   sure?" would leave the slot blocked until a second reply that often never comes; the SMS that invited the
 *   reply named the session, and counter staff can book again in a minute.</li>
 *   <li>A second C within {@code linkup.sms.repeat-cancel-minutes} of one that cancelled is taken for the same
 *   request sent twice (clients resend when unsure the first went through): it repeats that answer instead of
 *   cancelling the booking after.</li>
 *   <li>STOP / START withdraw and give SMS consent for every client record with that number.</li>
 *   <li>Anything else gets the help text; a number with nothing upcoming gets a polite "no booking".</li>
 * </ul>
 * "The next upcoming booking" is the earliest booked session that has not started, of any client record with
 * that number (family members may share a phone). Vendor-neutral: the provider's webhook hands over the sender's
 * number and the text, and wraps the answer in its own reply format. A slot given up here is offered to the
 * waitlist like any other, once this transaction has committed ({@code booking.control.FreedSlots}).
 */
@ApplicationScoped
public class ClientReplies {

    @Inject
    Clients clientRecords;

    @Inject
    Bookings bookings;

    @Inject
    Waitlist waitlist;

    @Inject
    WaitlistOffers offers;

    @Inject
    Messages messages;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** How long a repeated C still means the booking the first one cancelled. */
    @Inject
    @ConfigProperty(name = "linkup.sms.repeat-cancel-minutes", defaultValue = "10")
    int repeatCancelMinutes;

    static final String CANCELLED_BY_SMS = "cancelled by the client by SMS";

    private final SmsTemplates templates = new SmsTemplates();

    /** The reply text to send back, or null to answer nothing. {@code from} is the sender's E.164 number. */
    @Transactional
    public String answer(String from, String text) {
        Instant now = clock.instant();
        PhoneNumber number;
        try {
            number = PhoneNumber.ofE164(from);
        } catch (RuntimeException e) {
            return null;  // not a number we could ever have texted
        }
        List<Client> clients = clientRecords.withMobile(number);
        Language language = clients.isEmpty() ? Language.EN : clients.get(0).preferredLanguage();
        Actor actor = new Actor("sms " + number.masked(), BookingChanged.CLIENT_ROLE, "sms");
        Keyword keyword = Keyword.of(text);
        switch (keyword) {
            case STOP -> {
                clients.forEach(c -> {
                    c.optOutOfSms(now);
                    audit.record(actor, "CLIENT_SMS_OPTED_OUT", "Client", c.id(), null);
                });
                return reply(SmsKind.REPLY_STOPPED, language, null);
            }
            case START -> {
                clients.forEach(c -> {
                    c.optInToSms();
                    audit.record(actor, "CLIENT_SMS_OPTED_IN", "Client", c.id(), null);
                });
                return reply(SmsKind.REPLY_STARTED, language, null);
            }
            default -> {
                // YES, C and the help text go only to clients who may be texted.
            }
        }
        List<Long> ids = clients.stream().filter(Client::isActive).map(Client::id).toList();
        if (ids.isEmpty()) {
            return reply(SmsKind.REPLY_NO_BOOKING, language, null);
        }
        return switch (keyword) {
            case YES -> yes(ids, actor, language, now);
            case CANCEL -> cancel(ids, actor, language, now);
            default -> reply(SmsKind.REPLY_HELP, language, null);
        };
    }

    private String yes(List<Long> clients, Actor actor, Language language, Instant now) {
        boolean lapsedOffer = false;
        for (WaitlistEntry entry : offers.offeredTo(clients)) {
            Booking hold = bookings.find(entry.offerBookingId());
            if (hold.status() == BookingStatus.HELD && !hold.isLapsedHoldAt(now)) {
                try {
                    Booking booked = waitlist.accept(entry.id(), actor);
                    return reply(SmsKind.REPLY_OFFER_TAKEN, language, booked);
                } catch (SlotTaken | SlotUnavailable gone) {
                    // The hold lapsed on the way (or by another node's clock) and someone took the slot: the
                    // client hears that the offer is gone, not silence.
                }
            }
            lapsedOffer = true;
        }
        Optional<Booking> next = bookings.nextUpcoming(clients, now);
        if (next.isPresent()) {
            Booking booking = bookings.confirmByClient(next.get().id(), actor);
            return reply(SmsKind.REPLY_CONFIRMED, language, booking);
        }
        return reply(lapsedOffer ? SmsKind.REPLY_OFFER_GONE : SmsKind.REPLY_NO_BOOKING, language, null);
    }

    private String cancel(List<Long> clients, Actor actor, Language language, Instant now) {
        Instant window = now.minus(Duration.ofMinutes(repeatCancelMinutes));
        Optional<Booking> justCancelled = bookings.lastCancelled(clients, CANCELLED_BY_SMS, window);
        if (justCancelled.isPresent()) {
            return reply(SmsKind.REPLY_CANCELLED, language, justCancelled.get());
        }
        Optional<Booking> next = bookings.nextUpcoming(clients, now);
        if (next.isEmpty()) {
            return reply(SmsKind.REPLY_NO_BOOKING, language, null);
        }
        Booking booking = bookings.cancel(next.get().id(), null, CANCELLED_BY_SMS, actor);
        return reply(SmsKind.REPLY_CANCELLED, language, booking);
    }

    private String reply(SmsKind kind, Language language, Booking booking) {
        return templates.render(kind, language, booking == null ? SmsFacts.none()
                : messages.facts(booking, clock.instant()));
    }
}
