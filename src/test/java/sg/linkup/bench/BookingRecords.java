package sg.linkup.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import sg.linkup.bench.BenchCatalogue.Office;
import sg.linkup.bench.BookingHistory.Booked;

/**
 * What the service leaves behind for each booking of {@link BookingHistory}, written by JDBC for the reports
 * benchmark: 20,000 clients (each registered at one SSO), the {@code booking} row with the status a session that
 * far back would have by now, and its outbox rows ({@code notification}) as they stand after sending.
 *
 * <p>The mix, drawn from its own random numbers (so the ledger stays the slot-search benchmark's):
 * <ul>
 *   <li>clients: 4 in 5 bookings held at an SSO are for a client of that SSO, the rest for anyone; a VIDEO_REMOTE
 *       session is held at the client's own SSO. 85 % have an e-mail address, 3 % opted out of SMS at some
 *       point in the last two years;</li>
 *   <li>past sessions: 10 % CANCELLED (45 % by the counter, 15 % by the partner, 40 % by the client's SMS),
 *       0.5 % still BOOKED (never closed), the rest NO_SHOW (7 % of clients who confirmed by SMS, 18 % of the
 *       others; 45 % confirm) or COMPLETED (attended 65 %, follow-up needed 25 %, referred on 10 %); future
 *       sessions are BOOKED (some confirmed);</li>
 *   <li>booked 1–60 days ahead (more often a few days than many), never later than now;</li>
 *   <li>per booking an SMS confirmation at booking time and a reminder 24 h before (skipped when the booking was
 *       cancelled first; still pending when that is ahead), an SMS about a cancellation, and an e-mail
 *       invitation (and its cancellation) for clients with an address. A sent SMS is DELIVERED (94 %),
 *       UNDELIVERED (2.5 %: provider errors 30003, 30005, 30008), FAILED (1.5 %: 30006, 30007) or has no report
 *       yet (2 %); 1.3 % were refused outright (INVALID_NUMBER 21211, or TRANSIENT 20429 five times); after a
 *       client opted out every SMS is SKIPPED. 2 % of invitations were refused by the mail server.</li>
 * </ul>
 * Batches go out together and are committed every {@link #BATCH} bookings.
 */
final class BookingRecords implements BookingHistory.Bookings {

    static final long FIRST_CLIENT = 5_000_001;
    private static final int BATCH = 2_000;
    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
    private static final String NOT_TEXTED = "the client may not be texted (no consent, opted out or a known bad "
            + "number)";
    private static final String STALE = "the booking changed after this was written";
    private static final String[] LANGUAGES = {"EN", "EN", "EN", "EN", "EN", "EN", "ZH", "ZH", "MS", "TA"};

    private record Client(long id, Office office, String mobile, String email, String language,
                          Instant optedOutAt) {
    }

    private final Connection db;
    private final Random random;
    private final Instant now;
    private final List<Office> offices;
    private final Map<Long, Integer> officeIndex = new HashMap<>();
    private final Client[] clients;
    private final PreparedStatement bookings;
    private final PreparedStatement notifications;
    private int pendingBookings;
    private int pendingNotifications;
    private long providerIds;
    private long notificationRows;

    private BookingRecords(Connection db, Random random, Instant now, List<Office> offices, Client[] clients)
            throws SQLException {
        this.db = db;
        this.random = random;
        this.now = now;
        this.offices = offices;
        this.clients = clients;
        for (int i = 0; i < offices.size(); i++) {
            officeIndex.put(offices.get(i).id(), i);
        }
        bookings = db.prepareStatement("INSERT INTO booking (id, status, service_id, office_id, session_mode, "
                + "advisor_id, room_id, client_id, starts_at, ends_at, video_link, ics_sequence, outcome, "
                + "cancel_reason, cancelled_by, checked_in_at, started_at, finished_at, client_confirmed_at, "
                + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        notifications = db.prepareStatement("INSERT INTO notification (booking_id, client_id, kind, channel, "
                + "recipient, language, booking_sequence, due_at, status, attempts, provider_id, delivery, "
                + "last_error, body, created_at, sent_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** Writes the clients (ids from {@link #FIRST_CLIENT}; client i belongs to office i mod 24). */
    static BookingRecords create(Connection db, List<Office> offices, Random random, Instant now)
            throws SQLException {
        db.setAutoCommit(false);
        Client[] clients = new Client[BookingHistory.CLIENTS];
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO client (id, name, mobile, "
                + "preferred_language, email, sms_consent, registered_at, office_id, sms_problem, sms_problem_at) "
                + "VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, ?, ?)")) {
            Timestamp registered = Timestamp.from(now.minus(Duration.ofDays(3 * 365)));
            for (int i = 0; i < clients.length; i++) {
                Office office = offices.get(i % offices.size());
                String mobile = String.format("+659%07d", i);
                String email = random.nextDouble() < 0.85 ? "client" + i + "@bench.example.org" : null;
                Instant optedOut = random.nextDouble() < 0.03
                        ? now.minus(Duration.ofMinutes(random.nextInt(730 * 24 * 60))) : null;
                clients[i] = new Client(FIRST_CLIENT + i, office, mobile, email,
                        LANGUAGES[random.nextInt(LANGUAGES.length)], optedOut);
                insert.setLong(1, clients[i].id());
                insert.setString(2, "Bench Client " + i);
                insert.setString(3, mobile);
                insert.setString(4, clients[i].language());
                insert.setString(5, email);
                insert.setTimestamp(6, registered);
                insert.setLong(7, office.id());
                insert.setString(8, optedOut == null ? null : "OPTED_OUT");
                insert.setTimestamp(9, optedOut == null ? null : Timestamp.from(optedOut));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        db.commit();
        return new BookingRecords(db, random, now, offices, clients);
    }

    long notificationRows() {
        return notificationRows;
    }

    @Override
    public long client(int draw, Office heldAt) {
        int index = draw;
        if (heldAt != null && draw % 5 != 0) {
            int perOffice = BookingHistory.CLIENTS / offices.size();
            index = officeIndex.get(heldAt.id()) + offices.size() * ((draw / 5) % perOffice);
        }
        return FIRST_CLIENT + index;
    }

    @Override
    public void booked(Booked b) throws SQLException {
        Client client = clients[(int) (b.client() - FIRST_CLIENT)];
        Instant starts = b.startsAt();
        Instant ends = b.endsAt();
        double lead = random.nextDouble();
        Instant created = starts.minus(Duration.ofDays(1 + (long) (59 * lead * lead)))
                .minus(Duration.ofMinutes(random.nextInt(8 * 60)));
        if (created.isAfter(now)) {
            created = now.minus(Duration.ofMinutes(1 + random.nextInt(3 * 24 * 60)));
        }
        Instant reminderDue = starts.minus(Duration.ofHours(24));
        boolean past = ends.isBefore(now);

        String status;
        String outcome = null;
        String cancelledBy = null;
        String cancelReason = null;
        Instant cancelledAt = null;
        Instant confirmedAt = null;
        Instant checkedIn = null;
        Instant started = null;
        Instant finished = null;
        double r = random.nextDouble();
        boolean confirms = random.nextDouble() < 0.45;
        if (!past) {
            status = "BOOKED";
            if (confirms && reminderDue.isBefore(now)) {
                confirmedAt = min(reminderDue.plus(Duration.ofMinutes(2 + random.nextInt(600))), now);
            }
        } else if (r < 0.10) {
            status = "CANCELLED";
            double by = random.nextDouble();
            cancelledBy = by < 0.45 ? "COUNTER" : by < 0.60 ? "PARTNER" : "CLIENT";
            cancelReason = switch (cancelledBy) {
                case "COUNTER" -> "Client asked at the counter";
                case "PARTNER" -> "Advisor unavailable";
                default -> "Cancelled by SMS reply";
            };
            cancelledAt = cancelledBy.equals("CLIENT") || random.nextBoolean()
                    ? reminderDue.plus(Duration.ofMinutes(2 + random.nextInt(600)))
                    : between(created, reminderDue);
        } else if (r < 0.105) {
            status = "BOOKED";
        } else {
            if (confirms) {
                confirmedAt = reminderDue.plus(Duration.ofMinutes(2 + random.nextInt(600)));
            }
            if (random.nextDouble() < (confirms ? 0.07 : 0.18)) {
                status = "NO_SHOW";
            } else {
                status = "COMPLETED";
                double o = random.nextDouble();
                outcome = o < 0.65 ? "ATTENDED" : o < 0.90 ? "FOLLOW_UP_NEEDED" : "REFERRED_ON";
                if (!b.mode().equals("VIDEO_REMOTE")) {
                    checkedIn = starts.minus(Duration.ofMinutes(random.nextInt(20)));
                }
                started = starts.plus(Duration.ofMinutes(random.nextInt(7)));
                finished = min(ends.plus(Duration.ofMinutes(random.nextInt(11) - 5)), now);
            }
        }

        long officeId = b.heldAt() != null ? b.heldAt().id() : client.office().id();
        int sequence = cancelledAt == null ? 0 : 1;
        bookings.setLong(1, b.id());
        bookings.setString(2, status);
        bookings.setLong(3, b.service().id());
        bookings.setLong(4, officeId);
        bookings.setString(5, b.mode());
        bookings.setLong(6, b.advisor().id());
        if (b.room() == null) {
            bookings.setNull(7, Types.BIGINT);
        } else {
            bookings.setLong(7, b.room());
        }
        bookings.setLong(8, client.id());
        bookings.setTimestamp(9, Timestamp.from(starts));
        bookings.setTimestamp(10, Timestamp.from(ends));
        bookings.setString(11, b.mode().equals("IN_PERSON") ? null : "https://meet.example.org/linkup-" + b.id());
        bookings.setInt(12, sequence);
        bookings.setString(13, outcome);
        bookings.setString(14, cancelReason);
        bookings.setString(15, cancelledBy);
        bookings.setTimestamp(16, stamp(checkedIn));
        bookings.setTimestamp(17, stamp(started));
        bookings.setTimestamp(18, stamp(finished));
        bookings.setTimestamp(19, stamp(confirmedAt));
        bookings.setString(20, "bench");
        bookings.setTimestamp(21, Timestamp.from(created));
        bookings.addBatch();
        pendingBookings++;

        sms(b, client, "CONFIRMATION", 0, created, created);
        if (cancelledAt != null && cancelledAt.isBefore(reminderDue)) {
            skipped(b, client, "REMINDER", "SMS", client.mobile(), reminderDue, created, STALE);
        } else {
            sms(b, client, "REMINDER", 0, reminderDue, created);
        }
        if (cancelledAt != null) {
            sms(b, client, "CANCELLED", sequence, cancelledAt, cancelledAt);
        }
        if (client.email() != null) {
            mail(b, client, "INVITE", 0, created);
            if (cancelledAt != null) {
                mail(b, client, "INVITE_CANCEL", sequence, cancelledAt);
            }
        }
        if (pendingBookings >= BATCH) {
            flush();
        }
    }

    @Override
    public void flush() throws SQLException {
        if (pendingBookings > 0) {
            bookings.executeBatch();
            pendingBookings = 0;
        }
        if (pendingNotifications > 0) {
            notifications.executeBatch();
            pendingNotifications = 0;
        }
        db.commit();
    }

    private void sms(Booked b, Client client, String kind, int sequence, Instant due, Instant created)
            throws SQLException {
        if (client.optedOutAt() != null && due.isAfter(client.optedOutAt())) {
            skipped(b, client, kind, "SMS", client.mobile(), due, created, NOT_TEXTED);
            return;
        }
        if (due.isAfter(now)) {
            add(b, client, kind, "SMS", client.mobile(), sequence, due, "PENDING", 0, null, null, null, null,
                    created, null, created);
            return;
        }
        Instant sent = due.plusMillis(200 + random.nextInt(5_000));
        double r = random.nextDouble();
        if (r < 0.010) {
            add(b, client, kind, "SMS", client.mobile(), sequence, due, "FAILED", 1, null, null,
                    "INVALID_NUMBER (provider code 21211)", null, created, null, sent);
            return;
        }
        if (r < 0.013) {
            add(b, client, kind, "SMS", client.mobile(), sequence, due, "FAILED", 5, null, null,
                    "gave up after 5 attempts: TRANSIENT (provider code 20429)", null, created, null,
                    sent.plus(Duration.ofMinutes(31)));
            return;
        }
        double d = random.nextDouble();
        String delivery;
        String error = null;
        if (d < 0.94) {
            delivery = "DELIVERED";
        } else if (d < 0.965) {
            delivery = "UNDELIVERED";
            error = "provider error " + (d < 0.955 ? "30003" : d < 0.96 ? "30005" : "30008");
        } else if (d < 0.98) {
            delivery = "FAILED";
            error = "provider error " + (d < 0.975 ? "30006" : "30007");
        } else {
            delivery = "SENT";
        }
        String body = "Linkup: " + kind.toLowerCase() + " for your session on "
                + LocalDate.ofInstant(b.startsAt(), SINGAPORE) + " at SSO (ref " + b.id()
                + "). Reply YES to confirm or CANCEL to cancel.";
        add(b, client, kind, "SMS", client.mobile(), sequence, due, "SENT", 1,
                String.format("SM%032x", ++providerIds), delivery, error, body, created, sent,
                sent.plusSeconds(3 + random.nextInt(60)));
    }

    private void mail(Booked b, Client client, String kind, int sequence, Instant due) throws SQLException {
        Instant sent = due.plusMillis(300 + random.nextInt(3_000));
        if (random.nextDouble() < 0.02) {
            add(b, client, kind, "EMAIL", client.email(), sequence, due, "FAILED", 1, null, null,
                    "mail refused: 550 5.1.1 mailbox unavailable", null, due, null, sent);
        } else {
            add(b, client, kind, "EMAIL", client.email(), sequence, due, "SENT", 1, null, null, null,
                    "Your Linkup session on " + LocalDate.ofInstant(b.startsAt(), SINGAPORE), due, sent, sent);
        }
    }

    private void skipped(Booked b, Client client, String kind, String channel, String recipient, Instant due,
                         Instant created, String why) throws SQLException {
        Instant at = min(due, now);
        add(b, client, kind, channel, recipient, 0, due, "SKIPPED", 0, null, null, why, null, created, null,
                at.isBefore(created) ? created : at);
    }

    private void add(Booked b, Client client, String kind, String channel, String recipient, int sequence,
                     Instant due, String status, int attempts, String providerId, String delivery, String error,
                     String body, Instant created, Instant sent, Instant updated) throws SQLException {
        notifications.setLong(1, b.id());
        notifications.setLong(2, client.id());
        notifications.setString(3, kind);
        notifications.setString(4, channel);
        notifications.setString(5, recipient);
        notifications.setString(6, client.language());
        notifications.setInt(7, sequence);
        notifications.setTimestamp(8, Timestamp.from(due));
        notifications.setString(9, status);
        notifications.setInt(10, attempts);
        notifications.setString(11, providerId);
        notifications.setString(12, delivery);
        notifications.setString(13, error);
        notifications.setString(14, body);
        notifications.setTimestamp(15, Timestamp.from(created));
        // Nothing is stamped after now: the roll-ups' catch-up looks for outbox rows changed since it last ran.
        notifications.setTimestamp(16, stamp(sent == null ? null : min(sent, now)));
        notifications.setTimestamp(17, Timestamp.from(min(updated, now)));
        notifications.addBatch();
        pendingNotifications++;
        notificationRows++;
    }

    private Instant between(Instant from, Instant to) {
        long span = Math.max(1, Duration.between(from, to).toMinutes());
        return from.plus(Duration.ofMinutes(1 + (long) (random.nextDouble() * (span - 1))));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Timestamp stamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
