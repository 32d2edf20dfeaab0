package sg.linkup.availability.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sg.linkup.availability.entity.AvailabilityWindow;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.directory.entity.RoomKind;
import sg.linkup.directory.entity.SessionMode;

/**
 * Finds sessions where an advisor, a room (if the mode needs one) and the client are free at once. Pure: it
 * is handed everything it needs, so it can be tested in milliseconds and compared with a brute-force oracle.
 *
 * <p>Rules it applies, in the words of the slot search API:
 * <ul>
 *   <li>starts lie on a grid of {@code gridMinutes} counted from midnight (Singapore is a whole-hour offset
 *       from UTC, so this is also the UTC grid);</li>
 *   <li>the session lies inside an open period of the client's office (closures and holidays already cut out)
 *       — for every mode, because the SSO stays the client's point of contact during the session;</li>
 *   <li>the session lies inside one availability window of the advisor that serves the mode, and for
 *       IN_PERSON the advisor sits at that office;</li>
 *   <li>the session widened by the service's buffers is free in the advisor's and the room's busy times;
 *       the session itself is free in the client's busy times;</li>
 *   <li>results are ordered by start, then office in the order asked, then mode in the order asked; a
 *       VIDEO_REMOTE session needs no room, so it is offered once per start, at the first office open then.</li>
 * </ul>
 */
public final class SlotFinder {

    public record Demand(Duration duration, Duration bufferBefore, Duration bufferAfter, Instant earliestStart,
                         Instant startsBefore, List<SessionMode> modes, int gridMinutes, int limit,
                         boolean allCandidates) {
        public Demand {
            modes = List.copyOf(modes);
        }
    }

    /** An office as slot search sees it: when it is open in the window, and its rooms. */
    public record Site(long officeId, List<TimeRange> open, List<RoomSpec> rooms) {
        public Site {
            open = open.stream().sorted().toList();
            rooms = List.copyOf(rooms);
        }

        /** The rooms that suit the mode, most fitting first (sorted once per search, not per start). */
        List<RoomSpec> roomsFor(SessionMode mode) {
            return rooms.stream()
                    .filter(r -> r.kind().suits(mode))
                    .sorted(Comparator.comparingInt((RoomSpec r) -> r.kind().preferenceFor(mode))
                            .thenComparingLong(RoomSpec::roomId))
                    .toList();
        }

        boolean isOpenFor(TimeRange session) {
            for (TimeRange period : open) {
                if (period.contains(session)) {
                    return true;
                }
                if (period.start().isAfter(session.start())) {
                    return false;
                }
            }
            return false;
        }
    }

    public record RoomSpec(long roomId, RoomKind kind) {
    }

    /** An advisor who offers the service (and speaks the language, if asked), with their windows. */
    public record Candidate(long advisorId, List<AvailabilityWindow> windows) {
        public Candidate {
            windows = windows.stream().sorted(Comparator.comparing(AvailabilityWindow::range)).toList();
        }
    }

    /** Who is taken when: advisors (bookings, holds, blackouts), rooms, and the one client (may be none). */
    public record Taken(Map<Long, BusyTimes> advisors, Map<Long, BusyTimes> rooms, BusyTimes client) {
        BusyTimes advisor(long id) {
            return advisors.getOrDefault(id, BusyTimes.NONE);
        }

        BusyTimes room(long id) {
            return rooms.getOrDefault(id, BusyTimes.NONE);
        }
    }

    /**
     * One bookable session. {@code advisorId} and {@code roomId} are the suggested pair (least busy advisor,
     * most fitting room); the lists hold every free choice when all candidates were asked for.
     */
    public record Slot(TimeRange session, SessionMode mode, long officeId, long advisorId, Long roomId,
                       List<Long> advisorIds, List<Long> roomIds) {
    }

    private SlotFinder() {
    }

    public static List<Slot> find(Demand demand, List<Site> sites, List<Candidate> candidates, Taken taken) {
        List<Agenda> byLoad = candidates.stream()
                .sorted(Comparator.comparingInt((Candidate c) -> taken.advisor(c.advisorId()).size())
                        .thenComparingLong(Candidate::advisorId))
                .map(c -> new Agenda(c, taken.advisor(c.advisorId())))
                .toList();
        List<Slot> slots = new ArrayList<>();
        long gridSeconds = demand.gridMinutes() * 60L;
        long firstSecond = Math.floorDiv(demand.earliestStart().getEpochSecond() + gridSeconds - 1, gridSeconds)
                * gridSeconds;
        Set<Instant> remoteOffered = new HashSet<>();
        Map<Long, Map<SessionMode, List<RoomSpec>>> roomsBySite = new HashMap<>();
        for (Site site : sites) {
            Map<SessionMode, List<RoomSpec>> byMode = new EnumMap<>(SessionMode.class);
            demand.modes().forEach(mode -> byMode.put(mode, site.roomsFor(mode)));
            roomsBySite.put(site.officeId(), byMode);
        }
        for (Instant start = Instant.ofEpochSecond(firstSecond); start.isBefore(demand.startsBefore());
             start = start.plusSeconds(gridSeconds)) {
            TimeRange session = TimeRange.of(start, demand.duration());
            TimeRange widened = session.widen(demand.bufferBefore(), demand.bufferAfter());
            if (!taken.client().isFree(session)) {
                continue;
            }
            for (Site site : sites) {
                if (!site.isOpenFor(session)) {
                    continue;
                }
                for (SessionMode mode : demand.modes()) {
                    if (mode == SessionMode.VIDEO_REMOTE && remoteOffered.contains(start)) {
                        continue;
                    }
                    Slot slot = offer(demand, site, roomsBySite.get(site.officeId()).get(mode), mode, session,
                            widened, byLoad, taken);
                    if (slot == null) {
                        continue;
                    }
                    if (mode == SessionMode.VIDEO_REMOTE) {
                        remoteOffered.add(start);
                    }
                    slots.add(slot);
                    if (slots.size() >= demand.limit()) {
                        return slots;
                    }
                }
            }
        }
        return slots;
    }

    private static Slot offer(Demand demand, Site site, List<RoomSpec> suitable, SessionMode mode,
                              TimeRange session, TimeRange widened, List<Agenda> byLoad, Taken taken) {
        List<Long> rooms = new ArrayList<>();
        if (mode.needsRoom()) {
            for (RoomSpec room : suitable) {
                if (taken.room(room.roomId()).isFree(widened)) {
                    rooms.add(room.roomId());
                    if (!demand.allCandidates()) {
                        break;
                    }
                }
            }
            if (rooms.isEmpty()) {
                return null;
            }
        }
        List<Long> advisors = new ArrayList<>();
        for (Agenda agenda : byLoad) {
            if (agenda.serves(mode, site.officeId(), session) && agenda.busy.isFree(widened)) {
                advisors.add(agenda.advisorId);
                if (!demand.allCandidates()) {
                    break;
                }
            }
        }
        if (advisors.isEmpty()) {
            return null;
        }
        return new Slot(session, mode, site.officeId(), advisors.get(0), rooms.isEmpty() ? null : rooms.get(0),
                demand.allCandidates() ? List.copyOf(advisors) : List.of(),
                demand.allCandidates() ? List.copyOf(rooms) : List.of());
    }

    /**
     * A candidate's windows, searchable by start ({@code maxEnd[i]} bounds every window up to i), and when they are
     * taken: looked up once per search, not once per start.
     */
    private static final class Agenda {
        final long advisorId;
        final AvailabilityWindow[] windows;
        final Instant[] maxEnd;
        final BusyTimes busy;

        Agenda(Candidate candidate, BusyTimes busy) {
            advisorId = candidate.advisorId();
            this.busy = busy;
            windows = candidate.windows().toArray(AvailabilityWindow[]::new);
            maxEnd = new Instant[windows.length];
            for (int i = 0; i < windows.length; i++) {
                Instant end = windows[i].range().end();
                maxEnd[i] = i > 0 && maxEnd[i - 1].isAfter(end) ? maxEnd[i - 1] : end;
            }
        }

        boolean serves(SessionMode mode, long officeId, TimeRange session) {
            int lo = 0;
            int hi = windows.length - 1;
            int last = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (windows[mid].range().start().isAfter(session.start())) {
                    hi = mid - 1;
                } else {
                    last = mid;
                    lo = mid + 1;
                }
            }
            for (int i = last; i >= 0 && maxEnd[i].isAfter(session.start()); i--) {
                if (windows[i].serves(mode, officeId, session)) {
                    return true;
                }
            }
            return false;
        }
    }
}
