package sg.linkup.notification.control;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.booking.entity.Booking;
import sg.linkup.booking.entity.CancelledBy;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.notification.entity.Notification;
import sg.linkup.notification.entity.NotificationKind;

/** Which messages may still go when their time comes: the booking as it is then decides. */
class MessagesTest {

    private static final Instant BOOKED_AT = Instant.parse("2026-12-01T01:00:00Z");
    private static final TimeRange SESSION = new TimeRange(Instant.parse("2026-12-03T02:30:00Z"),
            Instant.parse("2026-12-03T03:15:00Z"));
    private static final TimeRange LATER = new TimeRange(Instant.parse("2026-12-04T06:00:00Z"),
            Instant.parse("2026-12-04T06:45:00Z"));
    private static final Instant DAY_BEFORE = SESSION.start().minus(Duration.ofHours(24));

    private static Booking.Placement at(TimeRange session) {
        return new Booking.Placement(7, 3, SessionMode.IN_PERSON, 11, 21L, session);
    }

    private static Booking booked() {
        return Booking.book(at(SESSION), 42, new Booking.Referral(null, false), "counter", BOOKED_AT, null);
    }

    /** A message written when the booking had the given sequence. */
    private static Notification written(NotificationKind kind, Booking booking, Instant due) {
        return new Notification(kind, kind.channel(), kind.channel() == Notification.Channel.SMS ? "+6591234567"
                : "advisor@agency.sg", Language.EN, 1L, 42L, booking.sequence(), due, BOOKED_AT);
    }

    @Test
    void aReminderForAnUnchangedBookingGoes() {
        Booking booking = booked();
        assertNull(Messages.staleness(written(NotificationKind.REMINDER, booking, DAY_BEFORE), booking, DAY_BEFORE));
    }

    @Test
    void cancelledBookingSendsNoReminder() {
        Booking booking = booked();
        Notification reminder = written(NotificationKind.REMINDER, booking, DAY_BEFORE);
        booking.cancel("client unwell", CancelledBy.COUNTER, BOOKED_AT.plusSeconds(60));
        assertNotNull(Messages.staleness(reminder, booking, DAY_BEFORE));
    }

    @Test
    void rescheduledBookingSendsRemindersForTheNewTimeOnly() {
        Booking booking = booked();
        Notification old = written(NotificationKind.REMINDER, booking, DAY_BEFORE);
        booking.reschedule(at(LATER));
        Notification fresh = written(NotificationKind.REMINDER, booking, LATER.start().minus(Duration.ofHours(24)));
        assertNotNull(Messages.staleness(old, booking, DAY_BEFORE), "the reminder of the old time");
        assertNull(Messages.staleness(fresh, booking, LATER.start().minus(Duration.ofHours(24))));
    }

    @Test
    void aConfirmationOvertakenByAChangeIsNotSentButTheCancellationIs() {
        Booking booking = booked();
        Notification confirmation = written(NotificationKind.CONFIRMATION, booking, BOOKED_AT);
        Notification invite = written(NotificationKind.INVITE, booking, BOOKED_AT);
        booking.cancel("duplicate", CancelledBy.COUNTER, BOOKED_AT.plusSeconds(60));
        Notification cancellation = written(NotificationKind.CANCELLED, booking, BOOKED_AT.plusSeconds(60));
        Notification uninvite = written(NotificationKind.INVITE_CANCEL, booking, BOOKED_AT.plusSeconds(60));
        Instant now = BOOKED_AT.plusSeconds(90);
        assertNotNull(Messages.staleness(confirmation, booking, now));
        assertNotNull(Messages.staleness(invite, booking, now));
        assertNull(Messages.staleness(cancellation, booking, now));
        assertNull(Messages.staleness(uninvite, booking, now));
    }

    @Test
    void noReminderAfterTheSessionStarted() {
        Booking booking = booked();
        Notification reminder = written(NotificationKind.REMINDER, booking, DAY_BEFORE);
        assertNotNull(Messages.staleness(reminder, booking, SESSION.start().plusSeconds(1)));
    }

    @Test
    void aWaitlistOfferGoesOnlyWhileItsHoldLasts() {
        Instant until = BOOKED_AT.plus(Duration.ofMinutes(30));
        Booking hold = Booking.hold(at(SESSION), 42, until, "system", BOOKED_AT, null);
        Notification offer = written(NotificationKind.WAITLIST_OFFER, hold, BOOKED_AT);
        assertNull(Messages.staleness(offer, hold, BOOKED_AT.plusSeconds(5)));
        assertNotNull(Messages.staleness(offer, hold, until.plusSeconds(1)), "lapsed");
        hold.release();
        assertNotNull(Messages.staleness(offer, hold, BOOKED_AT.plusSeconds(5)), "released");
    }

    @Test
    void aMessageWithoutItsBookingIsNotSent() {
        Booking booking = booked();
        assertNotNull(Messages.staleness(written(NotificationKind.REMINDER, booking, DAY_BEFORE), null, DAY_BEFORE));
    }
}
