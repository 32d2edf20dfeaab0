package sg.linkup.availability.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ListArbitrary;
import net.jqwik.api.constraints.IntRange;
import sg.linkup.availability.control.SlotFinder.Candidate;
import sg.linkup.availability.control.SlotFinder.Demand;
import sg.linkup.availability.control.SlotFinder.RoomSpec;
import sg.linkup.availability.control.SlotFinder.Site;
import sg.linkup.availability.control.SlotFinder.Slot;
import sg.linkup.availability.control.SlotFinder.Taken;
import sg.linkup.availability.entity.AvailabilityWindow;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.directory.entity.RoomKind;
import sg.linkup.directory.entity.SessionMode;

/**
 * Slot search on random calendars, checked against the rules of the slot search API read straight off the
 * generated lists: no {@link BusyTimes}, no code from {@link SlotFinder}, only {@link TimeRange} arithmetic.
 * A failure prints the shrunk calendar with times as "d1 09:15" (day of the search, Singapore time).
 *
 * <p>jqwik's edge cases are switched off: here they are mostly empty calendars that find nothing, and the
 * small ranges (buffers, grid, sizes) meet their extremes often enough at random.
 */
class SlotFinderPropertiesTest {

    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
    /** Monday, Singapore midnight: 16:00 UTC the day before, so also a start of the 15- and 30-minute grid. */
    private static final Instant DAY_ONE = LocalDate.of(2025, 3, 3).atStartOfDay(SINGAPORE).toInstant();
    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final int EVERYTHING = 10_000;
    private static final List<Long> OFFICE_IDS = List.of(11L, 22L, 33L);

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void noSlotOverlapsATakenAdvisorRoomOrClient(@ForAll("calendars") Calendar calendar) {
        for (Slot slot : calendar.find(EVERYTHING)) {
            TimeRange widened = slot.session().widen(calendar.demand().bufferBefore(),
                    calendar.demand().bufferAfter());
            for (long advisorId : advisorsNamedIn(slot)) {
                assertFreeIn(calendar.advisorBusy().get(advisorId), widened, "advisor " + advisorId, slot);
            }
            for (long roomId : roomsNamedIn(slot)) {
                assertFreeIn(calendar.roomBusy().get(roomId), widened, "room " + roomId, slot);
            }
            assertFreeIn(calendar.clientBusy(), slot.session(), "client", slot);
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void everySlotLiesInOpeningHoursAndInTheAdvisorsWindowForItsMode(@ForAll("calendars") Calendar calendar) {
        Demand demand = calendar.demand();
        for (Slot slot : calendar.find(EVERYTHING)) {
            TimeRange session = slot.session();
            String where = describe(slot);
            assertEquals(TimeRange.of(session.start(), demand.duration()), session, "session length: " + where);
            assertEquals(0, session.start().getEpochSecond() % (demand.gridMinutes() * 60L), "off the grid: " + where);
            assertFalse(session.start().isBefore(demand.earliestStart()), "before the earliest start: " + where);
            assertTrue(session.start().isBefore(demand.startsBefore()), "starts too late: " + where);
            assertTrue(demand.modes().contains(slot.mode()), "mode not asked for: " + where);

            List<TimeRange> open = calendar.opening().get(slot.officeId());
            assertNotNull(open, "unknown office: " + where);
            assertTrue(open.stream().anyMatch(period -> period.contains(session)),
                    "outside every open period " + open + ": " + where);

            for (long advisorId : advisorsNamedIn(slot)) {
                assertTrue(calendar.windows().getOrDefault(advisorId, List.of()).stream()
                                .anyMatch(w -> windowServes(w, slot.mode(), slot.officeId(), session)),
                        "advisor " + advisorId + " has no window for it: " + where);
            }

            if (needsRoom(slot.mode())) {
                assertNotNull(slot.roomId(), "no room: " + where);
                for (long roomId : roomsNamedIn(slot)) {
                    assertEquals(slot.officeId(), calendar.roomOffice().get(roomId),
                            "room " + roomId + " is elsewhere: " + where);
                    assertTrue(suits(calendar.roomKind().get(roomId), slot.mode()),
                            "room " + roomId + " does not suit the mode: " + where);
                }
            } else {
                assertNull(slot.roomId(), "remote video given a room: " + where);
                assertTrue(slot.roomIds().isEmpty(), "remote video given rooms: " + where);
            }
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void noFreeSlotOnTheGridIsMissed(@ForAll("calendars") Calendar calendar) {
        Map<Key, Offer> expected = new LinkedHashMap<>();
        for (Offer offer : bookableByBruteForce(calendar)) {
            expected.put(offer.key(), offer);
        }
        List<Slot> found = calendar.find(EVERYTHING);
        Map<Key, Slot> actual = new LinkedHashMap<>();
        for (Slot slot : found) {
            assertNull(actual.put(Key.of(slot), slot), "offered twice: " + describe(slot));
        }

        Set<Key> missed = new TreeSet<>(expected.keySet());
        missed.removeAll(actual.keySet());
        Set<Key> extra = new TreeSet<>(actual.keySet());
        extra.removeAll(expected.keySet());
        if (!missed.isEmpty() || !extra.isEmpty()) {
            fail("missed " + missed + ", not bookable but offered " + extra);
        }

        for (Slot slot : found) {
            Offer offer = expected.get(Key.of(slot));
            String where = describe(slot);
            assertTrue(offer.advisors().contains(slot.advisorId()),
                    "suggested advisor is not free " + offer.advisors() + ": " + where);
            if (slot.roomId() != null) {
                assertTrue(offer.rooms().contains(slot.roomId()),
                        "suggested room is not free " + offer.rooms() + ": " + where);
                boolean interviewRoomFree = offer.rooms().stream()
                        .anyMatch(id -> calendar.roomKind().get(id) == RoomKind.INTERVIEW_ROOM);
                if (slot.mode() == SessionMode.IN_PERSON && interviewRoomFree) {
                    assertEquals(RoomKind.INTERVIEW_ROOM, calendar.roomKind().get(slot.roomId()),
                            "in person takes an interview room before a video room: " + where);
                }
            }
            if (calendar.demand().allCandidates()) {
                assertEquals(offer.advisors(), Set.copyOf(slot.advisorIds()), "free advisors: " + where);
                assertEquals(offer.rooms(), Set.copyOf(slot.roomIds()), "free rooms: " + where);
                assertEquals(slot.advisorIds().size(), offer.advisors().size(), "advisor listed twice: " + where);
                assertEquals(slot.roomIds().size(), offer.rooms().size(), "room listed twice: " + where);
            } else {
                assertTrue(slot.advisorIds().isEmpty() && slot.roomIds().isEmpty(),
                        "lists filled without allCandidates: " + where);
            }
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void slotsAreOrderedAndTheLimitIsHonoured(@ForAll("calendars") Calendar calendar,
                                              @ForAll @IntRange(min = 1, max = 40) int limit) {
        List<Slot> everything = calendar.find(EVERYTHING);
        Comparator<Slot> askedOrder = Comparator.comparing((Slot s) -> s.session().start())
                .thenComparingInt(s -> calendar.siteIndex(s.officeId()))
                .thenComparingInt(s -> calendar.demand().modes().indexOf(s.mode()));
        for (int i = 1; i < everything.size(); i++) {
            Slot before = everything.get(i - 1);
            Slot after = everything.get(i);
            assertTrue(askedOrder.compare(before, after) < 0,
                    "out of order: " + describe(before) + " then " + describe(after));
        }

        List<Slot> limited = calendar.find(limit);
        assertEquals(everything.subList(0, Math.min(limit, everything.size())), limited, "limit " + limit);
    }

    // ---- the oracle ------------------------------------------------------------------------------------------

    /** Every grid start, every office, every mode, every advisor, every room: what the rules allow, in order. */
    private static List<Offer> bookableByBruteForce(Calendar calendar) {
        Demand demand = calendar.demand();
        long gridSeconds = demand.gridMinutes() * 60L;
        assertEquals(0, DAY_ONE.getEpochSecond() % gridSeconds, "the oracle counts the grid from day one");
        List<Offer> offers = new ArrayList<>();
        for (Instant start = DAY_ONE; start.isBefore(demand.startsBefore()); start = start.plusSeconds(gridSeconds)) {
            if (start.isBefore(demand.earliestStart())) {
                continue;
            }
            TimeRange session = TimeRange.of(start, demand.duration());
            TimeRange widened = session.widen(demand.bufferBefore(), demand.bufferAfter());
            boolean clientFree = freeIn(calendar.clientBusy(), session);
            boolean remoteOffered = false;
            for (Site site : calendar.sites()) {
                long officeId = site.officeId();
                boolean open = calendar.opening().get(officeId).stream().anyMatch(p -> p.contains(session));
                for (SessionMode mode : demand.modes()) {
                    Set<Long> advisors = new TreeSet<>();
                    calendar.windows().forEach((advisorId, windows) -> {
                        if (windows.stream().anyMatch(w -> windowServes(w, mode, officeId, session))
                                && freeIn(calendar.advisorBusy().get(advisorId), widened)) {
                            advisors.add(advisorId);
                        }
                    });
                    Set<Long> rooms = new TreeSet<>();
                    if (needsRoom(mode)) {
                        calendar.roomOffice().forEach((roomId, roomOffice) -> {
                            if (roomOffice == officeId && suits(calendar.roomKind().get(roomId), mode)
                                    && freeIn(calendar.roomBusy().get(roomId), widened)) {
                                rooms.add(roomId);
                            }
                        });
                    }
                    boolean bookable = clientFree && open && !advisors.isEmpty()
                            && (!needsRoom(mode) || !rooms.isEmpty());
                    if (!bookable || mode == SessionMode.VIDEO_REMOTE && remoteOffered) {
                        continue;
                    }
                    remoteOffered |= mode == SessionMode.VIDEO_REMOTE;
                    offers.add(new Offer(new Key(start, officeId, mode), advisors, rooms));
                }
            }
        }
        return offers;
    }

    private static boolean windowServes(AvailabilityWindow window, SessionMode mode, long officeId,
                                        TimeRange session) {
        return window.modes().contains(mode) && window.range().contains(session)
                && (mode != SessionMode.IN_PERSON || Objects.equals(window.officeId(), officeId));
    }

    /** The requirement, independent of RoomKind: in person takes any room, video at the SSO a video room. */
    private static boolean suits(RoomKind kind, SessionMode mode) {
        return switch (mode) {
            case IN_PERSON -> true;
            case VIDEO_AT_SSO -> kind == RoomKind.VIDEO_ROOM;
            case VIDEO_REMOTE -> false;
        };
    }

    private static boolean needsRoom(SessionMode mode) {
        return mode != SessionMode.VIDEO_REMOTE;
    }

    private static boolean freeIn(List<TimeRange> busy, TimeRange range) {
        return busy.stream().noneMatch(b -> b.overlaps(range));
    }

    private static void assertFreeIn(List<TimeRange> busy, TimeRange range, String who, Slot slot) {
        assertNotNull(busy, "unknown " + who + ": " + describe(slot));
        for (TimeRange taken : busy) {
            assertFalse(taken.overlaps(range),
                    who + " is taken " + describe(taken) + " during " + describe(range) + ": " + describe(slot));
        }
    }

    private static Set<Long> advisorsNamedIn(Slot slot) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(slot.advisorId());
        ids.addAll(slot.advisorIds());
        return ids;
    }

    private static Set<Long> roomsNamedIn(Slot slot) {
        Set<Long> ids = new LinkedHashSet<>();
        if (slot.roomId() != null) {
            ids.add(slot.roomId());
        }
        ids.addAll(slot.roomIds());
        return ids;
    }

    record Key(Instant start, long officeId, SessionMode mode) implements Comparable<Key> {
        static Key of(Slot slot) {
            return new Key(slot.session().start(), slot.officeId(), slot.mode());
        }

        @Override
        public int compareTo(Key o) {
            return Comparator.comparing(Key::start).thenComparingLong(Key::officeId)
                    .thenComparing(Key::mode).compare(this, o);
        }

        @Override
        public String toString() {
            return at(start) + " office " + officeId + " " + mode;
        }
    }

    record Offer(Key key, Set<Long> advisors, Set<Long> rooms) {
    }

    // ---- random calendars ------------------------------------------------------------------------------------

    /** What the search is handed, and the same calendar as the plain lists it was built from. */
    record Calendar(Demand demand, List<Site> sites, List<Candidate> candidates, Taken taken,
                    Map<Long, List<TimeRange>> opening, Map<Long, List<AvailabilityWindow>> windows,
                    Map<Long, List<TimeRange>> advisorBusy, Map<Long, RoomKind> roomKind,
                    Map<Long, Long> roomOffice, Map<Long, List<TimeRange>> roomBusy, List<TimeRange> clientBusy) {

        List<Slot> find(int limit) {
            Demand limited = new Demand(demand.duration(), demand.bufferBefore(), demand.bufferAfter(),
                    demand.earliestStart(), demand.startsBefore(), demand.modes(), demand.gridMinutes(), limit,
                    demand.allCandidates());
            return SlotFinder.find(limited, sites, candidates, taken);
        }

        int siteIndex(long officeId) {
            for (int i = 0; i < sites.size(); i++) {
                if (sites.get(i).officeId() == officeId) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no office " + officeId);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("\n");
            s.append("  demand ").append(demand.duration().toMinutes()).append(" min, buffers ")
                    .append(demand.bufferBefore().toMinutes()).append('/').append(demand.bufferAfter().toMinutes())
                    .append(", grid ").append(demand.gridMinutes()).append(", modes ").append(demand.modes())
                    .append(", starts ").append(at(demand.earliestStart())).append(" .. before ")
                    .append(at(demand.startsBefore())).append(", allCandidates ").append(demand.allCandidates())
                    .append('\n');
            for (Site site : sites) {
                s.append("  office ").append(site.officeId()).append(" open ")
                        .append(describe(opening.get(site.officeId()))).append('\n');
                for (RoomSpec room : site.rooms()) {
                    s.append("    room ").append(room.roomId()).append(' ').append(room.kind()).append(" busy ")
                            .append(describe(roomBusy.get(room.roomId()))).append('\n');
                }
            }
            windows.forEach((advisorId, list) -> {
                s.append("  advisor ").append(advisorId).append(" busy ")
                        .append(describe(advisorBusy.get(advisorId))).append('\n');
                for (AvailabilityWindow w : list) {
                    s.append("    window ").append(describe(w.range())).append(' ')
                            .append(new TreeSet<>(w.modes())).append(" office ").append(w.officeId()).append('\n');
                }
            });
            s.append("  client busy ").append(describe(clientBusy)).append('\n');
            return s.toString();
        }
    }

    /** Minutes from midnight of day one, Singapore time. */
    record Period(int startMinute, int minutes) {
        TimeRange range() {
            return TimeRange.of(DAY_ONE.plus(Duration.ofMinutes(startMinute)), Duration.ofMinutes(minutes));
        }
    }

    record RoomDraft(RoomKind kind, List<Period> busy) {
    }

    record SiteDraft(List<List<Stretch>> openByDay, List<RoomDraft> rooms) {
    }

    /** Laid one after another, {@code gapMinutes} after the last (0: touching), so they never overlap. */
    record Stretch(int gapMinutes, int minutes) {
    }

    record WindowDraft(Stretch stretch, Set<SessionMode> modes, int officeIndex) {
    }

    record AdvisorDraft(List<List<WindowDraft>> windowsByDay, List<Period> busy) {
    }

    record Shape(int durationMinutes, int bufferBeforeMinutes, int bufferAfterMinutes, int gridMinutes,
                 List<SessionMode> modes) {
    }

    record Span(int earliestMinute, int earliestExtraSeconds, int cutMinutes, boolean allCandidates) {
    }

    @Provide
    Arbitrary<Calendar> calendars() {
        return Arbitraries.integers().between(1, 3).flatMap(SlotFinderPropertiesTest::calendarsOver);
    }

    private static Arbitrary<Calendar> calendarsOver(int days) {
        Arbitrary<Period> busy = period(days, 6 * 60, 20 * 60, 5, 180);
        Arbitrary<RoomDraft> room = Combinators.combine(Arbitraries.of(RoomKind.class), between(0, 3, busy))
                .as(RoomDraft::new);
        Arbitrary<SiteDraft> site = Combinators.combine(
                between(1, 2, stretch(0, 300, 30, 600)).list().ofSize(days),
                between(0, 3, room)).as(SiteDraft::new);
        Arbitrary<WindowDraft> window = Combinators.combine(stretch(0, 180, 15, 480),
                        Arbitraries.of(SessionMode.class).set().ofMinSize(1), Arbitraries.integers().between(0, 2))
                .as(WindowDraft::new);
        Arbitrary<AdvisorDraft> advisor = Combinators.combine(between(1, 3, window).list().ofSize(days),
                between(0, 4, busy)).as(AdvisorDraft::new);
        Arbitrary<Shape> shape = Combinators.combine(fiveMinutes(15, 90), fiveMinutes(0, 15), fiveMinutes(0, 15),
                Arbitraries.of(15, 30), between(1, 3, Arbitraries.of(SessionMode.class)).uniqueElements())
                .as(Shape::new);
        Arbitrary<Integer> oddSeconds = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 299)));
        Arbitrary<Span> span = Combinators.combine(fiveMinutes(0, days * MINUTES_PER_DAY / 2), oddSeconds,
                fiveMinutes(0, 240), Arbitraries.of(false, true)).as(Span::new);
        return Combinators.combine(Arbitraries.shuffle(OFFICE_IDS), between(1, 3, site), between(1, 6, advisor),
                        between(0, 3, busy), shape, span)
                .as((officeIds, sites, advisors, client, s, sp) ->
                        assemble(days, officeIds, sites, advisors, client, s, sp));
    }

    /** Every size equally likely: jqwik's default favours short lists, and empty calendars find nothing. */
    private static <T> ListArbitrary<T> between(int fewest, int most, Arbitrary<T> element) {
        return element.list().ofMinSize(fewest).ofMaxSize(most).withSizeDistribution(RandomDistribution.uniform());
    }

    private static Arbitrary<Stretch> stretch(int minGap, int maxGap, int shortest, int longest) {
        return Combinators.combine(fiveMinutes(minGap, maxGap), fiveMinutes(shortest, longest)).as(Stretch::new);
    }

    /** Each day's stretches laid one after another from 07:00, or from where a late one the day before ended. */
    private static List<Period> layOut(List<List<Stretch>> byDay) {
        List<Period> periods = new ArrayList<>();
        int cursor = 0;
        for (int day = 0; day < byDay.size(); day++) {
            cursor = Math.max(cursor, day * MINUTES_PER_DAY + 7 * 60);
            for (Stretch stretch : byDay.get(day)) {
                Period period = new Period(cursor + stretch.gapMinutes(), stretch.minutes());
                cursor = period.startMinute() + period.minutes();
                periods.add(period);
            }
        }
        return periods;
    }

    private static Arbitrary<Integer> fiveMinutes(int min, int max) {
        return Arbitraries.integers().between(min / 5, max / 5).map(i -> i * 5);
    }

    /** A period starting on some day between {@code from} and {@code to} minutes after midnight. */
    private static Arbitrary<Period> period(int days, int from, int to, int shortest, int longest) {
        return Combinators.combine(Arbitraries.integers().between(0, days - 1), fiveMinutes(from, to),
                        fiveMinutes(shortest, longest))
                .as((day, at, length) -> new Period(day * MINUTES_PER_DAY + at, length));
    }

    private static Calendar assemble(int days, List<Long> officeIds, List<SiteDraft> siteDrafts,
                                     List<AdvisorDraft> advisorDrafts, List<Period> client, Shape shape, Span span) {
        List<Site> sites = new ArrayList<>();
        Map<Long, List<TimeRange>> opening = new LinkedHashMap<>();
        Map<Long, RoomKind> roomKind = new LinkedHashMap<>();
        Map<Long, Long> roomOffice = new LinkedHashMap<>();
        Map<Long, List<TimeRange>> roomBusy = new LinkedHashMap<>();
        Map<Long, BusyTimes> takenRooms = new LinkedHashMap<>();
        for (int i = 0; i < siteDrafts.size(); i++) {
            long officeId = officeIds.get(i);
            SiteDraft draft = siteDrafts.get(i);
            List<RoomSpec> rooms = new ArrayList<>();
            for (int k = 0; k < draft.rooms().size(); k++) {
                long roomId = officeId * 10 + k + 1;
                RoomDraft room = draft.rooms().get(k);
                rooms.add(new RoomSpec(roomId, room.kind()));
                roomKind.put(roomId, room.kind());
                roomOffice.put(roomId, officeId);
                roomBusy.put(roomId, ranges(room.busy()));
                takenRooms.put(roomId, BusyTimes.of(ranges(room.busy())));
            }
            List<TimeRange> open = ranges(layOut(draft.openByDay()));
            opening.put(officeId, open);
            sites.add(new Site(officeId, open, rooms));
        }

        List<Candidate> candidates = new ArrayList<>();
        Map<Long, List<AvailabilityWindow>> windows = new LinkedHashMap<>();
        Map<Long, List<TimeRange>> advisorBusy = new LinkedHashMap<>();
        Map<Long, BusyTimes> takenAdvisors = new LinkedHashMap<>();
        for (int i = 0; i < advisorDrafts.size(); i++) {
            long advisorId = i + 1;
            AdvisorDraft draft = advisorDrafts.get(i);
            List<WindowDraft> drafts = draft.windowsByDay().stream().flatMap(List::stream).toList();
            List<Period> periods = layOut(draft.windowsByDay().stream()
                    .map(day -> day.stream().map(WindowDraft::stretch).toList()).toList());
            List<AvailabilityWindow> own = new ArrayList<>();
            for (int k = 0; k < drafts.size(); k++) {
                WindowDraft w = drafts.get(k);
                Long officeId = w.modes().contains(SessionMode.IN_PERSON)
                        ? officeIds.get(w.officeIndex() % siteDrafts.size()) : null;
                own.add(new AvailabilityWindow(advisorId, periods.get(k).range(), w.modes(), officeId));
            }
            windows.put(advisorId, own);
            candidates.add(new Candidate(advisorId, own));
            advisorBusy.put(advisorId, ranges(draft.busy()));
            takenAdvisors.put(advisorId, BusyTimes.of(ranges(draft.busy())));
        }

        Instant earliest = DAY_ONE.plus(Duration.ofMinutes(span.earliestMinute()))
                .plusSeconds(span.earliestExtraSeconds());
        Instant startsBefore = DAY_ONE.plus(Duration.ofMinutes((long) days * MINUTES_PER_DAY - span.cutMinutes()));
        Demand demand = new Demand(Duration.ofMinutes(shape.durationMinutes()),
                Duration.ofMinutes(shape.bufferBeforeMinutes()), Duration.ofMinutes(shape.bufferAfterMinutes()),
                earliest, startsBefore, shape.modes(), shape.gridMinutes(), EVERYTHING, span.allCandidates());
        Taken taken = new Taken(takenAdvisors, takenRooms, BusyTimes.of(ranges(client)));
        return new Calendar(demand, sites, candidates, taken, opening, windows, advisorBusy, roomKind, roomOffice,
                roomBusy, ranges(client));
    }

    private static List<TimeRange> ranges(List<Period> periods) {
        return periods.stream().map(Period::range).toList();
    }

    // ---- readable counter-examples ---------------------------------------------------------------------------

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private static String at(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, SINGAPORE);
        long day = Duration.between(DAY_ONE, instant.atZone(SINGAPORE).toLocalDate().atStartOfDay(SINGAPORE))
                .toDays() + 1;
        String seconds = local.getSecond() == 0 ? "" : ":" + String.format("%02d", local.getSecond());
        return "d" + day + " " + CLOCK.format(local) + seconds;
    }

    private static String describe(TimeRange range) {
        return at(range.start()) + "–" + at(range.end());
    }

    private static String describe(List<TimeRange> ranges) {
        return ranges.stream().map(SlotFinderPropertiesTest::describe).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String describe(Slot slot) {
        return describe(slot.session()) + " " + slot.mode() + " office " + slot.officeId() + " advisor "
                + slot.advisorId() + " room " + slot.roomId() + " (advisors " + slot.advisorIds() + ", rooms "
                + slot.roomIds() + ")";
    }
}
