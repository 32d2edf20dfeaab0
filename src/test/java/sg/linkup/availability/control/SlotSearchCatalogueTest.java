package sg.linkup.availability.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static sg.linkup.availability.AvailabilityFixtures.advisor;
import static sg.linkup.availability.AvailabilityFixtures.entryOf;
import static sg.linkup.availability.AvailabilityFixtures.office;
import static sg.linkup.availability.AvailabilityFixtures.sgt;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sg.linkup.availability.control.SlotFinder.Slot;
import sg.linkup.availability.entity.AvailabilityRule;
import sg.linkup.availability.entity.Recurrence;
import sg.linkup.availability.entity.Resource;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.RoomKind;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;

/**
 * Slot search reads the catalogue it is handed and nothing else of it: a changed rule, leave, closure or service
 * length in the next catalogue is what the next search finds. The ledger is played by hand.
 */
class SlotSearchCatalogueTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final Instant NOW = sgt(MONDAY.minusDays(3), "10:00");
    private static final long SERVICE = 5L;
    private static final long AGENCY = 1L;
    private static final long OFFICE = 3L;
    private static final long ROOM = 31L;
    private static final long CLIENT = 11L;

    /** What the ledger was asked: the resources read, and those locked. */
    private final List<Map<Resource, List<Long>>> reads = new ArrayList<>();
    private final List<List<OccupancyLedger.Key>> locks = new ArrayList<>();
    private final Map<Resource, Map<Long, List<TimeRange>>> occupancy = new EnumMap<>(Resource.class);

    private final SlotSearch search = new SlotSearch();

    SlotSearchCatalogueTest() {
        search.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        search.gridMinutes = 15;
        search.ledger = new OccupancyLedger() {
            @Override
            public Occupied read(Map<Resource, ? extends Collection<Long>> ids, TimeRange window, Instant now,
                                 Long ignoreBooking) {
                Map<Resource, List<Long>> asked = new EnumMap<>(Resource.class);
                ids.forEach((resource, some) -> asked.put(resource, List.copyOf(some)));
                reads.add(asked);
                return new Occupied(occupancy);
            }

            @Override
            public Locked lock(Collection<Key> keys, TimeRange window, Instant now, Long own) {
                locks.add(keys.stream().sorted().toList());
                return new Locked(Set.copyOf(keys), window, own, new Occupied(occupancy));
            }
        };
    }

    private static AvailabilityRule.Pattern mondaysVideo(long ruleId, String start, String end,
                                                         LocalDate... except) {
        return new AvailabilityRule.Pattern(ruleId, 7L, null, Recurrence.parse("FREQ=WEEKLY;BYDAY=MO"),
                LocalTime.parse(start), LocalTime.parse(end), MONDAY.minusDays(60), null,
                Set.of(SessionMode.VIDEO_REMOTE, SessionMode.VIDEO_AT_SSO), Set.of(except));
    }

    private static Catalogue catalogue(int durationMinutes, List<AvailabilityRule.Pattern> rules,
                                       List<Catalogue.Leave> leave, List<Catalogue.Closure> closures) {
        Catalogue.OfficeEntry tampines = entryOf(office());
        tampines = new Catalogue.OfficeEntry(tampines.id(), tampines.name(), true, tampines.hours(), closures);
        return new Catalogue(1L, List.of(tampines),
                List.of(new Catalogue.RoomEntry(ROOM, OFFICE, "Video room 1", RoomKind.VIDEO_ROOM),
                        new Catalogue.RoomEntry(ROOM + 1, OFFICE, "Video room 2", RoomKind.VIDEO_ROOM)),
                List.of(new Catalogue.ServiceEntry(SERVICE, "CAREER", AGENCY, true, durationMinutes,
                        Set.of(SessionMode.VIDEO_REMOTE, SessionMode.VIDEO_AT_SSO), 0, 0, 60, 60)),
                List.of(new Catalogue.AdvisorEntry(7L, "Tan Mei Ling", "mei.ling@wsg.example", AGENCY, true,
                        Set.of(Language.EN), Set.of(SERVICE))),
                rules, Map.of(), NOW.minusSeconds(86_400), leave, List.of());
    }

    private static Catalogue mondayMornings() {
        return catalogue(45, List.of(mondaysVideo(1L, "09:00", "12:00")), List.of(), List.of());
    }

    private List<Slot> remoteOnMonday(Catalogue catalogue) {
        return search.search(SlotSearch.Query.of(SERVICE, List.of(OFFICE), SessionMode.VIDEO_REMOTE,
                sgt(MONDAY, "00:00"), sgt(MONDAY.plusDays(1), "00:00")).first(500), catalogue).slots();
    }

    private static List<LocalTime> starts(List<Slot> slots) {
        return slots.stream().map(s -> s.session().start().atZone(Clocks.SINGAPORE)
                .toLocalTime()).toList();
    }

    @Test
    void theRulesOfTheCatalogueHandedInAreTheOnesSearched() {
        List<Slot> before = remoteOnMonday(mondayMornings());
        List<Slot> after = remoteOnMonday(catalogue(45, List.of(mondaysVideo(1L, "14:00", "15:00")), List.of(),
                List.of()));

        assertEquals(LocalTime.of(9, 0), starts(before).get(0));
        assertEquals(LocalTime.of(11, 15), starts(before).get(starts(before).size() - 1));
        assertEquals(List.of(LocalTime.of(14, 0), LocalTime.of(14, 15)), starts(after));
    }

    @Test
    void aLongerServiceInTheNextCatalogueGivesLongerSessions() {
        List<Slot> slots = remoteOnMonday(catalogue(90, List.of(mondaysVideo(1L, "09:00", "12:00")), List.of(),
                List.of()));

        assertEquals(LocalTime.of(10, 30), starts(slots).get(starts(slots).size() - 1));
        assertEquals(90, slots.get(0).session().length().toMinutes());
    }

    @Test
    void leaveInTheCatalogueTakesTheAdvisorsTime() {
        Catalogue.Leave morning = new Catalogue.Leave(AGENCY, 7L, new TimeRange(sgt(MONDAY, "09:00"),
                sgt(MONDAY, "11:00")));

        List<Slot> slots = remoteOnMonday(catalogue(45, List.of(mondaysVideo(1L, "09:00", "12:00")),
                List.of(morning), List.of()));

        assertEquals(List.of(LocalTime.of(11, 0), LocalTime.of(11, 15)), starts(slots));
    }

    @Test
    void aClosureOfTheOfficeInTheCatalogueLeavesNothingThatDay() {
        assertEquals(List.of(), remoteOnMonday(catalogue(45, List.of(mondaysVideo(1L, "09:00", "12:00")), List.of(),
                List.of(new Catalogue.Closure(MONDAY, MONDAY)))));
    }

    @Test
    void aDraftReplacesItsRuleAndKeepsTheAdvisorsOthers() {
        Catalogue catalogue = catalogue(45, List.of(mondaysVideo(1L, "09:00", "10:00"),
                mondaysVideo(2L, "15:00", "16:00")), List.of(), List.of());
        AvailabilityRule draft = new AvailabilityRule(advisor(),
                new AvailabilityRule.Schedule(Recurrence.parse("FREQ=WEEKLY;BYDAY=MO"), LocalTime.of(13, 0),
                        LocalTime.of(14, 0), MONDAY.minusDays(60), null, Set.of(SessionMode.VIDEO_REMOTE), null,
                        Set.of()));

        List<Slot> slots = search.search(SlotSearch.Query.of(SERVICE, List.of(OFFICE), SessionMode.VIDEO_REMOTE,
                sgt(MONDAY, "00:00"), sgt(MONDAY.plusDays(1), "00:00")).first(500),
                new SlotSearch.Draft(draft, 1L), catalogue).slots();

        assertEquals(List.of(LocalTime.of(13, 0), LocalTime.of(13, 15), LocalTime.of(15, 0), LocalTime.of(15, 15)),
                starts(slots));
    }

    @Test
    void anInactiveServiceIsRefusedFromTheCatalogue() {
        Catalogue catalogue = new Catalogue(1L, List.of(entryOf(office())), List.of(),
                List.of(new Catalogue.ServiceEntry(SERVICE, "CAREER", AGENCY, false, 45,
                        Set.of(SessionMode.VIDEO_REMOTE), 0, 0, 60, 60)),
                List.of(), List.of(), Map.of(), NOW, List.of(), List.of());

        assertRefused("service", () -> remoteOnMonday(catalogue));
    }

    @Test
    void aSearchReadsTheOccupancyOfEveryCandidateInOneReadWithoutLocking() {
        search.search(SlotSearch.Query.of(SERVICE, List.of(OFFICE), null, sgt(MONDAY, "00:00"),
                sgt(MONDAY.plusDays(1), "00:00")).forClient(CLIENT), mondayMornings());

        assertEquals(1, reads.size());
        assertEquals(List.of(7L), reads.get(0).get(Resource.ADVISOR));
        assertEquals(Set.of(ROOM, ROOM + 1), Set.copyOf(reads.get(0).get(Resource.ROOM)));
        assertEquals(List.of(CLIENT), reads.get(0).get(Resource.CLIENT));
        assertEquals(List.of(), locks);
    }

    @Test
    void aBookingsLockingCheckLocksOnlyWhatItNamedAndHandsTheLocksOn() {
        SlotSearch.Found found = search.search(SlotSearch.Query.startingAt(SERVICE, OFFICE, SessionMode.VIDEO_AT_SSO,
                        sgt(MONDAY, "09:30")).forClient(CLIENT).onlyAdvisor(7L).onlyRoom(ROOM + 1).lockingCandidates(),
                mondayMornings());

        assertEquals(List.of(), reads, "the locked read is the only read");
        assertEquals(List.of(List.of(new OccupancyLedger.Key(Resource.ADVISOR, 7L),
                new OccupancyLedger.Key(Resource.ROOM, ROOM + 1), new OccupancyLedger.Key(Resource.CLIENT, CLIENT))),
                locks);
        assertNotNull(found.locked());
        assertEquals(List.of(ROOM + 1), found.slots().get(0).roomIds());
    }

    @Test
    void aLockedReadThatFindsTheAdvisorTakenOffersNothing() {
        occupancy.put(Resource.ADVISOR, new HashMap<>(Map.of(7L, List.of(new TimeRange(sgt(MONDAY, "09:00"),
                sgt(MONDAY, "10:00"))))));

        SlotSearch.Found found = search.search(SlotSearch.Query.startingAt(SERVICE, OFFICE, SessionMode.VIDEO_REMOTE,
                sgt(MONDAY, "09:30")).forClient(CLIENT).onlyAdvisor(7L).lockingCandidates(), mondayMornings());

        assertEquals(List.of(), found.slots());
        assertNotNull(found.locked(), "the booking still holds the locks it took");
    }

    @Test
    void anAdvisorWithoutAvailabilityThatDayIsNotLocked() {
        SlotSearch.Found found = search.search(SlotSearch.Query.startingAt(SERVICE, OFFICE, SessionMode.VIDEO_REMOTE,
                sgt(MONDAY.plusDays(1), "10:00")).forClient(CLIENT).onlyAdvisor(7L).lockingCandidates(),
                mondayMornings());

        assertEquals(List.of(List.of(new OccupancyLedger.Key(Resource.CLIENT, CLIENT))), locks);
        assertEquals(List.of(), found.slots());
    }
}
