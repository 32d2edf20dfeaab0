package sg.linkup.reporting.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.directory.entity.Coordinates;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;
import sg.linkup.platform.Database;
import sg.linkup.platform.NotReady;
import sg.linkup.reporting.entity.Measure;
import sg.linkup.reporting.entity.Period;
import sg.linkup.reporting.entity.ReportTally;
import sg.linkup.reporting.entity.TravelModel;

/**
 * Keeps report_cell in step with the bookings and the outbox, so that a year's report reads a few thousand rows.
 *
 * <p>A cell is never edited in place: a whole (period, SSO) is recomputed from its bookings and their messages
 * whenever one of them changed. What changed is found in records that exist anyway — the audit trail, which
 * every booking change writes in its own transaction, and the outbox's updated_at — so the booking path pays
 * nothing for reports. Changes already rolled up are remembered in report_seen for a look-back window, so one
 * committed late behind a newer one is still found, and late changes to long-closed days (an outcome recorded a
 * week after the session) simply recompute that month and week again. Catching up holds the report_state row's
 * lock: one node at a time, on any number of nodes.
 */
@ApplicationScoped
public class ReportRollups {

    private static final Logger LOG = Logger.getLogger(ReportRollups.class.getName());
    private static final Pattern PROVIDER_ERROR = Pattern.compile("provider error ([A-Za-z0-9_-]{1,20})");

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    TravelSettings travel;

    /** Its own proxy, so that the background rebuild and catchUpForReport get their own transactions. */
    @Inject
    ReportRollups self;

    @Resource
    jakarta.enterprise.concurrent.ManagedExecutorService rebuilding;

    private final java.util.concurrent.atomic.AtomicBoolean rebuildQueued =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Longer than any transaction that writes a booking or a message, plus the clock difference between nodes:
     * a change stamped earlier than this before the last catch-up is certain to have been seen by it.
     */
    @Inject
    @ConfigProperty(name = "linkup.reports.rollup-lookback-seconds", defaultValue = "300")
    long lookbackSeconds;

    /** One (period, SSO): the unit recomputed. */
    record Unit(Period period, LocalDate start, long officeId) {
    }

    /**
     * What the cells were made with: the travel parameters and the tally's version. A change of either rebuilds
     * every cell (travel saved is counted into the cells).
     */
    static final int TALLY_VERSION = 3;  // 3: weeks cut at month ends

    String model() {
        // Not where offices and agencies stand: a new office would rebuild everything. A moved one is counted at
        // its new place from the next change of each cell; README says how to rebuild at once.
        return travel.model() + "|tally=" + TALLY_VERSION;
    }

    /**
     * Before a report: catches up, unless the cells must be rebuilt first — that is started in the background
     * (minutes at half a million bookings; no request should hold the lock that long) and the report answers 503.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void catchUpForReport() {
        try (Connection db = dataSource.getConnection()) {
            String madeWith;
            Timestamp rolledThrough;
            try (PreparedStatement state = db.prepareStatement(
                    "SELECT rolled_through, model FROM report_state WHERE id = 1");
                 ResultSet row = state.executeQuery()) {
                row.next();
                rolledThrough = row.getTimestamp(1);
                madeWith = row.getString(2);
            }
            if (rolledThrough == null || !model().equals(madeWith)) {
                // One rebuild per node at a time: every refused request would otherwise queue another behind the lock.
                if (rebuildQueued.compareAndSet(false, true)) {
                    rebuilding.submit(() -> {
                        try {
                            self.catchUp();
                        } finally {
                            rebuildQueued.set(false);
                        }
                    });
                }
                throw new NotReady("the report figures are being rebuilt; try again in a minute", 30);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("report roll-up failed", e);
        }
        self.catchUp();
    }

    /**
     * Brings every cell up to date with what is committed now; cheap when little changed.
     *
     * <p>One local transaction on its own connection, begun and ended here, not a JTA one: on the sweep's managed
     * scheduler thread Payara did not enlist a connection taken from the DataSource in the JTA transaction, so
     * every statement committed on its own — the report_state lock ended with its SELECT, two nodes caught up at
     * once and collided on report_cell's and report_seen's keys (the two-node load run of 2026-12-06; a report
     * then answered 409), and a failure could leave a period's cells deleted. Here the lock is held and the work
     * is all-or-nothing on every thread.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void catchUp() {
        catchUp(true);
    }

    /**
     * The sweep's catch-up: when another node is catching up right now, this one has nothing to add and returns at
     * once, rather than wait for the lock (a long catch-up under load outlasted InnoDB's 50-second lock wait).
     * Returns whether it caught up.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public boolean catchUpUnlessBusy() {
        return catchUp(false);
    }

    private boolean catchUp(boolean wait) {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                boolean done = catchUp(db, wait);
                db.commit();
                return done;
            } catch (SQLException | RuntimeException | Error e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("report roll-up failed", e);
        }
    }

    private boolean catchUp(Connection db, boolean wait) throws SQLException {
        Instant now = clock.instant();
        Catalogue catalogue = Catalogue.read(db);
        String model = model();
        Timestamp rolledThrough;
        long high;
        String madeWith;
        try (PreparedStatement lock = db.prepareStatement(
                "SELECT rolled_through, high_audit_id, model FROM report_state WHERE id = 1 FOR UPDATE"
                        + (wait ? "" : " SKIP LOCKED"));
             ResultSet row = lock.executeQuery()) {
            if (!row.next()) {
                if (!wait) {
                    return false;  // another node holds the row: it is catching up
                }
                throw new IllegalStateException("report_state has no row 1 (migration V7 inserts it)");
            }
            rolledThrough = row.getTimestamp(1);
            high = row.getLong(2);
            madeWith = row.getString(3);
        }
        if (rolledThrough == null || !model.equals(madeWith)) {
            rebuild(db, catalogue, now, model);
        } else {
            incremental(db, catalogue, rolledThrough.toInstant(), high, now);
        }
        return true;
    }

    private void rebuild(Connection db, Catalogue catalogue, Instant now, String model) throws SQLException {
        long started = System.nanoTime();
        long high = single(db, "SELECT COALESCE(MAX(id), 0) FROM audit_event");
        update(db, "DELETE FROM report_cell");
        update(db, "DELETE FROM report_booking");
        update(db, "DELETE FROM report_seen");
        update(db, "DELETE FROM report_month");
        Set<Unit> units = new LinkedHashSet<>();
        try (PreparedStatement all = db.prepareStatement("SELECT DISTINCT office_id, DATE(starts_at + INTERVAL 8 HOUR) "
                + "FROM booking WHERE status NOT IN ('HELD', 'RELEASED')");
             ResultSet rows = all.executeQuery()) {
            while (rows.next()) {
                addUnits(units, rows.getLong(1), rows.getObject(2, LocalDate.class));
            }
        }
        // Where each booking is before the cells are counted, not after: a booking moved while the rebuild runs
        // is then found at its old place by the next catch-up, and that place is counted again.
        update(db, "INSERT INTO report_booking (booking_id, day, office_id) "
                + "SELECT id, DATE(starts_at + INTERVAL 8 HOUR), office_id FROM booking");
        for (Unit unit : units) {
            recompute(db, catalogue, unit);
        }
        try (PreparedStatement state = db.prepareStatement(
                "UPDATE report_state SET rolled_through = ?, high_audit_id = ?, model = ? WHERE id = 1")) {
            state.setTimestamp(1, Timestamp.from(now));
            state.setLong(2, high);
            state.setString(3, model);
            state.executeUpdate();
        }
        LOG.info(() -> String.format("Report roll-ups rebuilt: %d (period, SSO) units in %d ms", units.size(),
                (System.nanoTime() - started) / 1_000_000));
    }

    private void incremental(Connection db, Catalogue catalogue, Instant rolledThrough, long high, Instant now)
            throws SQLException {
        Timestamp since = Timestamp.from(rolledThrough.minus(Duration.ofSeconds(lookbackSeconds)));
        List<Change> changes = new ArrayList<>();
        // Audit rows of bookings: newer than the highest id rolled up, or recent enough to have been uncommitted
        // when it was read. The two reads each use an index (the primary key; ix_audit_time).
        try (PreparedStatement newer = db.prepareStatement("SELECT id, subject_id, occurred_at FROM audit_event "
                + "WHERE id > ? AND subject_type = 'Booking' AND subject_id IS NOT NULL");
             PreparedStatement recent = db.prepareStatement("SELECT id, subject_id, occurred_at FROM audit_event "
                     + "WHERE occurred_at > ? AND subject_type = 'Booking' AND subject_id IS NOT NULL")) {
            newer.setLong(1, high);
            recent.setTimestamp(1, since);
            readChanges(newer, 'A', changes);
            readChanges(recent, 'A', changes);
        }
        try (PreparedStatement outbox = db.prepareStatement("SELECT id, booking_id, updated_at FROM notification "
                + "WHERE updated_at > ? AND booking_id IS NOT NULL")) {
            outbox.setTimestamp(1, since);
            readChanges(outbox, 'N', changes);
        }
        List<Change> unseen = unseen(db, changes);
        if (!unseen.isEmpty()) {
            Set<Long> bookingIds = new HashSet<>();
            unseen.forEach(c -> bookingIds.add(c.bookingId()));
            Set<Unit> units = new LinkedHashSet<>();
            for (List<Long> chunk : chunks(bookingIds)) {
                String in = placeholders(chunk.size());
                try (PreparedStatement before = db.prepareStatement(
                        "SELECT office_id, day FROM report_booking WHERE booking_id IN (" + in + ")");
                     PreparedStatement after = db.prepareStatement("SELECT office_id, DATE(starts_at + INTERVAL 8 HOUR)"
                             + " FROM booking WHERE id IN (" + in + ")")) {
                    bind(before, chunk);
                    bind(after, chunk);
                    collectUnits(before, units);
                    collectUnits(after, units);
                }
                try (PreparedStatement forget = db.prepareStatement(
                        "DELETE FROM report_booking WHERE booking_id IN (" + in + ")");
                     PreparedStatement place = db.prepareStatement("INSERT INTO report_booking (booking_id, day, "
                             + "office_id) SELECT id, DATE(starts_at + INTERVAL 8 HOUR), office_id FROM booking "
                             + "WHERE id IN (" + in + ")")) {
                    bind(forget, chunk);
                    forget.executeUpdate();
                    bind(place, chunk);
                    place.executeUpdate();
                }
            }
            for (Unit unit : units) {
                recompute(db, catalogue, unit);
            }
            try (PreparedStatement seen = db.prepareStatement(
                    "INSERT INTO report_seen (source, ref_id, stamp, seen_at) VALUES (?, ?, ?, ?)")) {
                for (Change c : unseen) {
                    seen.setString(1, String.valueOf(c.source()));
                    seen.setLong(2, c.id());
                    seen.setTimestamp(3, c.stamp());
                    seen.setTimestamp(4, Timestamp.from(now));
                    seen.addBatch();
                }
                seen.executeBatch();
            }
        }
        long newHigh = Math.max(high, changes.stream().filter(c -> c.source() == 'A').mapToLong(Change::id)
                .max().orElse(high));
        // What can no longer be a candidate: older than the next look-back and (audit) not above the new high.
        Timestamp nextSince = Timestamp.from(now.minus(Duration.ofSeconds(lookbackSeconds)));
        try (PreparedStatement prune = db.prepareStatement("DELETE FROM report_seen WHERE stamp < ? "
                + "AND (source = 'N' OR ref_id <= ?)");
             PreparedStatement state = db.prepareStatement(
                     "UPDATE report_state SET rolled_through = ?, high_audit_id = ? WHERE id = 1")) {
            prune.setTimestamp(1, nextSince);
            prune.setLong(2, newHigh);
            prune.executeUpdate();
            state.setTimestamp(1, Timestamp.from(now));
            state.setLong(2, newHigh);
            state.executeUpdate();
        }
    }

    private record Change(char source, long id, long bookingId, Timestamp stamp) {
    }

    private static void readChanges(PreparedStatement query, char source, List<Change> into) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                into.add(new Change(source, rows.getLong(1), rows.getLong(2), rows.getTimestamp(3)));
            }
        }
    }

    private static List<Change> unseen(Connection db, List<Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        Map<String, Change> distinct = new HashMap<>();
        for (Change c : changes) {
            distinct.putIfAbsent(c.source() + ":" + c.id() + ":" + c.stamp().toInstant(), c);
        }
        List<Long> ids = distinct.values().stream().map(Change::id).distinct().toList();
        for (List<Long> chunk : chunks(ids)) {
            try (PreparedStatement query = db.prepareStatement("SELECT source, ref_id, stamp FROM report_seen "
                    + "WHERE ref_id IN (" + placeholders(chunk.size()) + ")")) {
                bind(query, chunk);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        seen.add(rows.getString(1) + ":" + rows.getLong(2) + ":" + rows.getTimestamp(3).toInstant());
                    }
                }
            }
        }
        List<Change> unseen = new ArrayList<>();
        distinct.forEach((key, c) -> {
            if (!seen.contains(key)) {
                unseen.add(c);
            }
        });
        return unseen;
    }

    private static void collectUnits(PreparedStatement query, Set<Unit> units) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                addUnits(units, rows.getLong(1), rows.getObject(2, LocalDate.class));
            }
        }
    }

    private static void addUnits(Set<Unit> units, long office, LocalDate day) {
        for (Period period : Period.values()) {
            units.add(new Unit(period, period.startOf(day), office));
        }
    }

    /** Counts one (period, SSO) again from its bookings and their messages, and replaces its cells. */
    void recompute(Connection db, Catalogue catalogue, Unit unit) throws SQLException {
        Timestamp from = Timestamp.from(Clocks.at(unit.start(), LocalTime.MIDNIGHT));
        Timestamp to = Timestamp.from(Clocks.at(unit.period().next(unit.start()), LocalTime.MIDNIGHT));
        Map<String, ReportTally> cells = new HashMap<>();
        Map<Long, String> cellOfBooking = new HashMap<>();
        Map<Long, Long> clientOfBooking = new HashMap<>();
        TravelModel model = travel.model();
        try (PreparedStatement bookings = db.prepareStatement("SELECT b.id, b.status, b.service_id, b.session_mode, "
                + "b.client_id, b.starts_at, b.ends_at, b.created_at, b.outcome, b.cancelled_by, "
                + "b.client_confirmed_at, b.room_id, c.office_id FROM booking b JOIN client c ON c.id = b.client_id "
                + "WHERE b.office_id = ? AND b.starts_at >= ? AND b.starts_at < ? "
                + "AND b.status NOT IN ('HELD', 'RELEASED')")) {
            bookings.setLong(1, unit.officeId());
            bookings.setTimestamp(2, from);
            bookings.setTimestamp(3, to);
            try (ResultSet b = bookings.executeQuery()) {
                while (b.next()) {
                    long id = b.getLong(1);
                    String status = b.getString(2);
                    long service = b.getLong(3);
                    SessionMode mode = SessionMode.valueOf(b.getString(4));
                    long client = b.getLong(5);
                    Instant starts = b.getTimestamp(6).toInstant();
                    Instant ends = b.getTimestamp(7).toInstant();
                    Instant created = b.getTimestamp(8).toInstant();
                    String outcome = b.getString(9);
                    String cancelledBy = b.getString(10);
                    boolean confirmed = b.getTimestamp(11) != null;
                    boolean room = b.getObject(12) != null;
                    long clientOffice = b.getLong(13);
                    if (b.wasNull()) {
                        clientOffice = unit.officeId();
                    }
                    String key = service + "|" + mode.name();
                    ReportTally t = cells.computeIfAbsent(key, k -> new ReportTally());
                    cellOfBooking.put(id, key);
                    clientOfBooking.put(id, client);
                    t.count(Measure.BOOKED, client);
                    t.leadTime((int) Duration.between(created, starts).toDays());
                    long minutes = Duration.between(starts, ends).toMinutes();
                    switch (status) {
                        case "BOOKED" -> t.count(Measure.OPEN, client);
                        case "CHECKED_IN", "IN_PROGRESS", "COMPLETED" -> {
                            t.count(Measure.ATTENDED, client);
                            t.count(confirmed ? Measure.ATTENDED_CONFIRMED : Measure.ATTENDED_UNCONFIRMED, client);
                            if (!"COMPLETED".equals(status) || outcome == null) {
                                t.count(Measure.ATTENDED_NOT_COMPLETED, client);
                            }
                            if ("COMPLETED".equals(status) && outcome != null) {
                                t.count(switch (outcome) {
                                    case "FOLLOW_UP_NEEDED" -> Measure.COMPLETED_FOLLOW_UP;
                                    case "REFERRED_ON" -> Measure.COMPLETED_REFERRED_ON;
                                    default -> Measure.COMPLETED_ATTENDED;
                                }, client);
                            }
                            TravelModel.Saving saved = model.saved(mode, catalogue.office(clientOffice),
                                    catalogue.office(unit.officeId()), catalogue.partnerOffice(service));
                            t.travelSaved(saved.km(), saved.hours());
                        }
                        case "CANCELLED" -> {
                            t.count(Measure.CANCELLED, client);
                            t.count("PARTNER".equals(cancelledBy) ? Measure.CANCELLED_BY_PARTNER
                                    : "CLIENT".equals(cancelledBy) ? Measure.CANCELLED_BY_CLIENT
                                    : Measure.CANCELLED_BY_COUNTER, client);
                        }
                        case "NO_SHOW" -> {
                            t.count(Measure.NO_SHOWS, client);
                            t.count(confirmed ? Measure.NO_SHOWS_CONFIRMED : Measure.NO_SHOWS_UNCONFIRMED, client);
                        }
                        default -> throw new IllegalStateException("booking " + id + " has status " + status);
                    }
                    if (!"CANCELLED".equals(status)) {
                        t.booked(minutes, room ? minutes : 0);
                        t.count(Measure.KEPT, client);
                        if (room) {
                            t.count(Measure.KEPT_WITH_ROOM, client);
                        }
                    }
                }
            }
        }
        try (PreparedStatement messages = db.prepareStatement("SELECT n.booking_id, n.channel, n.status, n.delivery, "
                + "n.last_error, n.kind FROM notification n JOIN booking b ON b.id = n.booking_id "
                + "WHERE b.office_id = ? AND b.starts_at >= ? AND b.starts_at < ? "
                + "AND b.status NOT IN ('HELD', 'RELEASED')")) {
            messages.setLong(1, unit.officeId());
            messages.setTimestamp(2, from);
            messages.setTimestamp(3, to);
            try (ResultSet n = messages.executeQuery()) {
                while (n.next()) {
                    long booking = n.getLong(1);
                    String key = cellOfBooking.get(booking);
                    if (key == null) {
                        continue; // a booking that moved in between the two reads: its next change recounts it
                    }
                    ReportTally t = cells.get(key);
                    long client = clientOfBooking.get(booking);
                    String status = n.getString(3);
                    String delivery = n.getString(4);
                    if ("EMAIL".equals(n.getString(2))) {
                        if (!"INVITE".equals(n.getString(6))) {
                            continue; // an iTIP CANCEL follows a cancelled session; it is not an invitation
                        }
                        if ("SENT".equals(status)) {
                            t.count(Measure.INVITATIONS_SENT, client);
                        } else if ("FAILED".equals(status)) {
                            t.count(Measure.INVITATIONS_FAILED, client);
                        }
                        continue;
                    }
                    if ("SENT".equals(status)) {
                        t.count(Measure.SMS_SENT, client);
                    }
                    if ("DELIVERED".equals(delivery)) {
                        t.count(Measure.SMS_DELIVERED, client);
                    }
                    boolean undelivered = "UNDELIVERED".equals(delivery) || "FAILED".equals(delivery);
                    if ("FAILED".equals(status) || undelivered) {
                        t.count(Measure.SMS_FAILED, client);
                        t.failure(reason(undelivered ? delivery : "NOT_SENT", n.getString(5)), client);
                    }
                }
            }
        }
        try (PreparedStatement clear = db.prepareStatement(
                "DELETE FROM report_cell WHERE period_kind = ? AND period_start = ? AND office_id = ?")) {
            clear.setString(1, unit.period().code());
            clear.setObject(2, unit.start());
            clear.setLong(3, unit.officeId());
            clear.executeUpdate();
        }
        if (unit.period() == Period.WEEK) {
            // Weeks are what the month's "< 5" pattern is worked out from: the nodes' copies are now stale.
            try (PreparedStatement stamp = db.prepareStatement("INSERT INTO report_month (month_start, stamp) "
                    + "VALUES (?, UUID()) ON DUPLICATE KEY UPDATE stamp = UUID()")) {
                stamp.setObject(1, unit.start().withDayOfMonth(1));
                stamp.executeUpdate();
            }
        }
        if (cells.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO report_cell (period_kind, period_start, "
                + "office_id, service_id, session_mode, tally) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, ReportTally> cell : cells.entrySet()) {
                String[] key = cell.getKey().split("\\|");
                insert.setString(1, unit.period().code());
                insert.setObject(2, unit.start());
                insert.setLong(3, unit.officeId());
                insert.setLong(4, Long.parseLong(key[0]));
                insert.setString(5, key[1]);
                insert.setString(6, cell.getValue().encode());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A provider's error code when it gave one (Outbox writes "provider error CODE"), else what went wrong. */
    static String reason(String what, String lastError) {
        if (lastError != null) {
            var code = PROVIDER_ERROR.matcher(lastError);
            if (code.find()) {
                return code.group(1);
            }
        }
        return what;
    }

    /** Where offices and partner agencies are: read once per catch-up (a few dozen rows). */
    record Catalogue(Map<Long, Coordinates> offices, Map<Long, Coordinates> partnerOfServices) {

        static Catalogue read(Connection db) throws SQLException {
            Map<Long, Coordinates> offices = new HashMap<>();
            Map<Long, Coordinates> partners = new HashMap<>();
            try (PreparedStatement o = db.prepareStatement("SELECT id, latitude, longitude FROM office");
                 ResultSet rows = o.executeQuery()) {
                while (rows.next()) {
                    offices.put(rows.getLong(1), new Coordinates(rows.getDouble(2), rows.getDouble(3)));
                }
            }
            try (PreparedStatement s = db.prepareStatement("SELECT s.id, a.base_latitude, a.base_longitude "
                    + "FROM service s JOIN partner_agency a ON a.id = s.agency_id");
                 ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    partners.put(rows.getLong(1), new Coordinates(rows.getDouble(2), rows.getDouble(3)));
                }
            }
            return new Catalogue(offices, partners);
        }

        Coordinates office(long id) {
            return offices.get(id);
        }

        Coordinates partnerOffice(long serviceId) {
            return partnerOfServices.get(serviceId);
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rows = q.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void update(Connection db, String sql) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.executeUpdate();
        }
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement query, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            query.setLong(i + 1, ids.get(i));
        }
    }
}
