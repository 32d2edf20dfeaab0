package sg.linkup.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import sg.linkup.bench.BenchCatalogue.Advisor;
import sg.linkup.bench.BenchCatalogue.Office;
import sg.linkup.bench.BenchCatalogue.Terms;

/**
 * Bookings as the occupancy ledger stores them (see V2 and OccupancyLedger): per booking one ADVISOR row and,
 * for IN_PERSON and VIDEO_AT_SSO, one ROOM row, both spanning the session with its buffers, and one CLIENT row
 * for the session itself. Sessions lie on the 15-minute grid inside the advisor's rule windows and never
 * overlap for an advisor or a room.
 *
 * <p>The next 30 days are filled once, to about 40% of advisor capacity, and stay the same whatever the size of
 * the history; everything else goes into the past, one weekday after another going back, so that a bigger
 * history changes nothing a search of the coming weeks should have to read.
 *
 * <p>Only ledger rows by default (what slot search reads). A {@link Bookings} given to the constructor picks the
 * client of each booking and writes what else a booking has (the reports benchmark: booking and notification
 * rows); it never draws from this class's random numbers, so the ledger is the same either way.
 */
final class BookingHistory {

    /** Who each booking is for, and the rows a booking has besides the ledger's. */
    interface Bookings {
        /**
         * The client's id, from one uniform {@code draw} in [0, {@link #CLIENTS}); {@code heldAt} is the SSO of an
         * IN_PERSON or VIDEO_AT_SSO session, null for VIDEO_REMOTE.
         */
        long client(int draw, Office heldAt);

        /** Called for every booking, after its ledger rows were added. */
        void booked(Booked booking) throws SQLException;

        /** Sends whatever is still batched; called before each commit of the ledger rows. */
        void flush() throws SQLException;
    }

    /** One generated booking: {@code room} and {@code heldAt} are null for VIDEO_REMOTE. */
    record Booked(long id, Advisor advisor, Terms service, String mode, Long room, Office heldAt, long client,
                  Instant startsAt, Instant endsAt, boolean future) {
    }

    /** The slot-search benchmark's: client ids 1–20,000 in the ledger, nothing else written. */
    static final Bookings LEDGER_ONLY = new Bookings() {
        @Override
        public long client(int draw, Office heldAt) {
            return 1 + draw;
        }

        @Override
        public void booked(Booked booking) {
        }

        @Override
        public void flush() {
        }
    };

    static final int CLIENTS = 20_000;

    static final int FUTURE_DAYS = 30;
    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
    private static final double FUTURE_FILL = 0.42;
    /** Past weeks were busier than the coming ones, and a dense past is the harder case for the index. */
    static final double PAST_FILL = 0.95;
    private static final double VIDEO_AT_SSO_SHARE = 0.35;
    private static final int BATCH = 5_000;

    private final BenchCatalogue catalogue;
    private final Set<LocalDate> holidays;
    private final LocalDate today;
    private final Random random;
    private final double pastFill;
    private final Bookings written;
    private final Map<Long, Office> officeOfRoom = new HashMap<>();
    private long nextBookingId = 1_000_001;
    private LocalDate nextPastDay;
    private int bookings;
    private long futureWindowMinutes;
    private long futureBookedMinutes;

    BookingHistory(BenchCatalogue catalogue, Set<LocalDate> holidays, LocalDate today, Random random) {
        this(catalogue, holidays, today, random, PAST_FILL, LEDGER_ONLY);
    }

    /** {@code pastFill}: the share of past advisor time offered for booking (the slot-search bench: 0.95). */
    BookingHistory(BenchCatalogue catalogue, Set<LocalDate> holidays, LocalDate today, Random random,
                   double pastFill, Bookings written) {
        this.catalogue = catalogue;
        this.holidays = holidays;
        this.today = today;
        this.random = random;
        this.pastFill = pastFill;
        this.written = written;
        this.nextPastDay = today.minusDays(1);
        for (Office office : catalogue.offices) {
            office.interviewRooms().forEach(room -> officeOfRoom.put(room, office));
            officeOfRoom.put(office.videoRoom(), office);
        }
    }

    int bookings() {
        return bookings;
    }

    LocalDate earliestDay() {
        return nextPastDay.plusDays(1);
    }

    /** Booked advisor time (with buffers) over rule time in the 30 future days. */
    double futureUtilisation() {
        return futureWindowMinutes == 0 ? 0 : (double) futureBookedMinutes / futureWindowMinutes;
    }

    /** Today and the next 29 days, at ~40% of advisor capacity; returns the bookings made. */
    int addFuture(Connection db) throws SQLException {
        try (Rows rows = new Rows(db)) {
            int made = 0;
            for (LocalDate day = today; day.isBefore(today.plusDays(FUTURE_DAYS)); day = day.plusDays(1)) {
                if (isWorkingDay(day)) {
                    made += fillDay(day, FUTURE_FILL, Integer.MAX_VALUE, rows, true);
                }
            }
            return made;
        }
    }

    /** {@code count} more bookings in the past, continuing back from the earliest day written so far. */
    int addPast(Connection db, int count) throws SQLException {
        try (Rows rows = new Rows(db)) {
            int made = 0;
            while (made < count) {
                LocalDate day = nextPastDay;
                nextPastDay = nextPastDay.minusDays(1);
                if (isWorkingDay(day)) {
                    made += fillDay(day, pastFill, count - made, rows, false);
                }
            }
            return made;
        }
    }

    /** Every day back to and including {@code first}, continuing from the earliest day written so far. */
    int addPastThrough(Connection db, LocalDate first) throws SQLException {
        try (Rows rows = new Rows(db)) {
            int made = 0;
            while (!nextPastDay.isBefore(first)) {
                LocalDate day = nextPastDay;
                nextPastDay = nextPastDay.minusDays(1);
                if (isWorkingDay(day)) {
                    made += fillDay(day, pastFill, Integer.MAX_VALUE, rows, false);
                }
            }
            return made;
        }
    }

    private boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /** One day of every advisor, in a shuffled order so that no advisor always gets the rooms first. */
    private int fillDay(LocalDate day, double fill, int most, Rows rows, boolean future) throws SQLException {
        Map<Long, BitSet> roomMinutes = new HashMap<>();
        List<Advisor> order = new ArrayList<>(catalogue.advisors);
        Collections.shuffle(order, random);
        Day filling = new Day(day, fill, roomMinutes, rows, future);
        for (Advisor advisor : order) {
            if (advisor.inPersonDays().contains(day.getDayOfWeek())) {
                filling.fill(advisor, 9 * 60, 12 * 60 + 30, true, most);
            }
            filling.fill(advisor, 14 * 60, 17 * 60, false, most);
            if (filling.made >= most) {
                break;
            }
        }
        return filling.made;
    }

    /** Fills one day's windows; times are minutes after Singapore midnight. */
    private final class Day {
        final LocalDate day;
        final double fill;
        final Map<Long, BitSet> roomMinutes;
        final Rows rows;
        final boolean future;
        int made;

        Day(LocalDate day, double fill, Map<Long, BitSet> roomMinutes, Rows rows, boolean future) {
            this.day = day;
            this.fill = fill;
            this.roomMinutes = roomMinutes;
            this.rows = rows;
            this.future = future;
        }

        void fill(Advisor advisor, int windowStart, int windowEnd, boolean inPerson, int most) throws SQLException {
            if (future) {
                futureWindowMinutes += windowEnd - windowStart;
            }
            int t = windowStart;
            while (made < most) {
                Terms service = advisor.services().get(random.nextInt(advisor.services().size()));
                int end = t + service.span();
                if (end > windowEnd) {
                    return;
                }
                if (random.nextDouble() < fill) {
                    Long room = inPerson ? inPersonRoom(advisor.office(), t, end) : videoRoom(t, end);
                    if (room != null || !inPerson) {
                        book(advisor, service, room, inPerson, t);
                        if (future) {
                            futureBookedMinutes += service.span();
                        }
                        t = end;
                        continue;
                    }
                }
                // Left free: as long as a booking would have taken, then the next grid point.
                t = random.nextBoolean() ? end : t + 15;
            }
        }

        private Long inPersonRoom(Office office, int from, int to) {
            for (long room : office.interviewRooms()) {
                if (take(room, from, to)) {
                    return room;
                }
            }
            return take(office.videoRoom(), from, to) ? office.videoRoom() : null;
        }

        /** VIDEO_AT_SSO in the video room of the client's office, if free; otherwise the client joins remotely. */
        private Long videoRoom(int from, int to) {
            if (random.nextDouble() >= VIDEO_AT_SSO_SHARE) {
                return null;
            }
            Office office = catalogue.offices.get(random.nextInt(catalogue.offices.size()));
            return take(office.videoRoom(), from, to) ? office.videoRoom() : null;
        }

        private boolean take(long room, int from, int to) {
            BitSet minutes = roomMinutes.computeIfAbsent(room, id -> new BitSet(24 * 60));
            if (!minutes.get(from, to).isEmpty()) {
                return false;
            }
            minutes.set(from, to);
            return true;
        }

        private void book(Advisor advisor, Terms service, Long room, boolean inPerson, int start)
                throws SQLException {
            long booking = nextBookingId++;
            int sessionStart = start + service.bufferBefore();
            int sessionEnd = sessionStart + service.duration();
            int end = start + service.span();
            rows.add("ADVISOR", advisor.id(), at(start), at(end), booking);
            if (room != null) {
                rows.add("ROOM", room, at(start), at(end), booking);
            }
            Office heldAt = room == null ? null : officeOfRoom.get(room);
            long client = written.client(random.nextInt(CLIENTS), heldAt);
            rows.add("CLIENT", client, at(sessionStart), at(sessionEnd), booking);
            written.booked(new Booked(booking, advisor, service,
                    inPerson ? "IN_PERSON" : room == null ? "VIDEO_REMOTE" : "VIDEO_AT_SSO", room, heldAt, client,
                    at(sessionStart).toInstant(), at(sessionEnd).toInstant(), future));
            made++;
            bookings++;
        }

        private Timestamp at(int minute) {
            return Timestamp.from(day.atStartOfDay(SINGAPORE).toInstant().plusSeconds(minute * 60L));
        }
    }

    /** Batched inserts (rewritten to multi-row INSERTs by the driver), committed at the end. */
    private final class Rows implements AutoCloseable {
        private final Connection db;
        private final PreparedStatement insert;
        private int pending;

        Rows(Connection db) throws SQLException {
            this.db = db;
            db.setAutoCommit(false);
            this.insert = db.prepareStatement("INSERT INTO occupancy (resource_kind, resource_id, starts_at, "
                    + "ends_at, booking_id, expires_at) VALUES (?, ?, ?, ?, ?, NULL)");
        }

        void add(String kind, long resource, Timestamp start, Timestamp end, long booking) throws SQLException {
            insert.setString(1, kind);
            insert.setLong(2, resource);
            insert.setTimestamp(3, start);
            insert.setTimestamp(4, end);
            insert.setLong(5, booking);
            insert.addBatch();
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try (insert) {
                if (pending > 0) {
                    insert.executeBatch();
                }
                written.flush();
                db.commit();
            }
        }
    }
}
