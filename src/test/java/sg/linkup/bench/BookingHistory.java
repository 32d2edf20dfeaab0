package sg.linkup.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
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
 */
final class BookingHistory {

    static final int FUTURE_DAYS = 30;
    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
    private static final double FUTURE_FILL = 0.42;
    /** Past weeks were busier than the coming ones, and a dense past is the harder case for the index. */
    private static final double PAST_FILL = 0.95;
    private static final double VIDEO_AT_SSO_SHARE = 0.35;
    private static final int CLIENTS = 20_000;
    private static final int BATCH = 5_000;

    private final BenchCatalogue catalogue;
    private final Set<LocalDate> holidays;
    private final LocalDate today;
    private final Random random;
    private long nextBookingId = 1_000_001;
    private LocalDate nextPastDay;
    private int bookings;
    private long futureWindowMinutes;
    private long futureBookedMinutes;

    BookingHistory(BenchCatalogue catalogue, Set<LocalDate> holidays, LocalDate today, Random random) {
        this.catalogue = catalogue;
        this.holidays = holidays;
        this.today = today;
        this.random = random;
        this.nextPastDay = today.minusDays(1);
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
                    made += fillDay(day, PAST_FILL, count - made, rows, false);
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
                        book(advisor, service, room, t);
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

        private void book(Advisor advisor, Terms service, Long room, int start) throws SQLException {
            long booking = nextBookingId++;
            int sessionStart = start + service.bufferBefore();
            int sessionEnd = sessionStart + service.duration();
            int end = start + service.span();
            rows.add("ADVISOR", advisor.id(), at(start), at(end), booking);
            if (room != null) {
                rows.add("ROOM", room, at(start), at(end), booking);
            }
            rows.add("CLIENT", 1 + random.nextInt(CLIENTS), at(sessionStart), at(sessionEnd), booking);
            made++;
            bookings++;
        }

        private Timestamp at(int minute) {
            return Timestamp.from(day.atStartOfDay(SINGAPORE).toInstant().plusSeconds(minute * 60L));
        }
    }

    /** Batched inserts (rewritten to multi-row INSERTs by the driver), committed at the end. */
    private static final class Rows implements AutoCloseable {
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
                db.commit();
            }
        }
    }
}
