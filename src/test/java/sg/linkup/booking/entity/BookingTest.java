package sg.linkup.booking.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.booking.entity.Booking.Placement;
import sg.linkup.booking.entity.Booking.Referral;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Conflict;

class BookingTest {

    private static final long SERVICE = 7;
    private static final long OFFICE = 3;
    private static final long ADVISOR = 11;
    private static final long ROOM = 21;
    private static final long CLIENT = 42;

    /** 09:00 in Singapore: when the counter officer takes the booking. */
    private static final Instant NOW = Instant.parse("2026-12-01T01:00:00Z");
    private static final Instant HOLD_UNTIL = NOW.plus(Duration.ofMinutes(10));
    /** 10:00–11:00 in Singapore. */
    private static final TimeRange SESSION = new TimeRange(Instant.parse("2026-12-01T02:00:00Z"),
            Instant.parse("2026-12-01T03:00:00Z"));
    private static final TimeRange LATER_SESSION = new TimeRange(Instant.parse("2026-12-02T06:00:00Z"),
            Instant.parse("2026-12-02T07:00:00Z"));
    private static final Duration GRACE = Duration.ofMinutes(15);

    private static final Instant ARRIVAL = SESSION.start().minus(Duration.ofMinutes(15));
    private static final Instant SESSION_END = SESSION.end();
    private static final Instant AFTER_GRACE = SESSION.start().plus(GRACE).plusSeconds(60);

    // ---- fixtures ---------------------------------------------------------------------------------------

    private static Placement placement(SessionMode mode) {
        return new Placement(SERVICE, OFFICE, mode, ADVISOR, mode.needsRoom() ? ROOM : null, SESSION);
    }

    private static Referral referral() {
        return new Referral("needs help with a rental arrears appeal", true);
    }

    private static Booking held(SessionMode mode) {
        return Booking.hold(placement(mode), CLIENT, HOLD_UNTIL, "counter.officer", NOW, "key-1");
    }

    private static Booking booked(SessionMode mode) {
        return Booking.book(placement(mode), CLIENT, referral(), "counter.officer", NOW, "key-1");
    }

    private static Booking booked() {
        return booked(SessionMode.IN_PERSON);
    }

    private static Booking checkedIn() {
        Booking booking = booked();
        booking.checkIn(ARRIVAL);
        return booking;
    }

    /** A booking in the given state, reached only through the factories and transitions a user can trigger. */
    private static Booking bookingThatIs(BookingStatus status, SessionMode mode) {
        Booking booking = switch (status) {
            case HELD, RELEASED -> held(mode);
            default -> booked(mode);
        };
        switch (status) {
            case HELD, BOOKED -> {
            }
            case RELEASED -> booking.release();
            case CHECKED_IN -> booking.checkIn(ARRIVAL);
            case IN_PROGRESS -> {
                booking.checkIn(ARRIVAL);
                booking.start(SESSION.start());
            }
            case COMPLETED -> {
                booking.checkIn(ARRIVAL);
                booking.start(SESSION.start());
                booking.complete(Outcome.ATTENDED, null, SESSION_END);
            }
            case CANCELLED -> booking.cancel("client is unwell", CancelledBy.COUNTER, NOW);
            case NO_SHOW -> booking.markNoShow(AFTER_GRACE, GRACE);
        }
        assertEquals(status, booking.status(), "fixture reached the intended state");
        return booking;
    }

    /** Every action, with arguments that its own rules accept, so only the state decides. */
    enum Action {
        CONFIRM(b -> b.confirm(referral())),
        RELEASE(Booking::release),
        RESCHEDULE(b -> b.reschedule(new Placement(SERVICE, OFFICE, b.mode(), ADVISOR + 1, b.roomId(),
                LATER_SESSION))),
        CANCEL(b -> b.cancel("client found a job", CancelledBy.COUNTER, ARRIVAL)),
        CHECK_IN(b -> b.checkIn(ARRIVAL)),
        START(b -> b.start(SESSION.start())),
        COMPLETE(b -> b.complete(Outcome.ATTENDED, "discussed options", SESSION_END)),
        MARK_NO_SHOW(b -> b.markNoShow(AFTER_GRACE, GRACE));

        private final Consumer<Booking> action;

        Action(Consumer<Booking> action) {
            this.action = action;
        }

        void applyTo(Booking booking) {
            action.accept(booking);
        }
    }

    /** Everything a transition could change; a refused transition must leave all of it as it was. */
    private static List<Object> snapshot(Booking b) {
        return Arrays.asList(b.status(), b.serviceId(), b.officeId(), b.mode(), b.advisorId(), b.roomId(),
                b.clientId(), b.session(), b.holdExpiresAt(), b.referralNote(), b.consentToShare(), b.videoLink(),
                b.sequence(), b.outcome(), b.outcomeNote(), b.cancelReason(), b.checkedInAt(), b.startedAt(),
                b.finishedAt(), b.createdBy(), b.createdAt());
    }

    private static void assertIllegalAndUnchanged(Booking booking, Action action) {
        List<Object> before = snapshot(booking);

        IllegalTransition refusal = assertThrows(IllegalTransition.class, () -> action.applyTo(booking));

        assertTrue(refusal instanceof Conflict, "an illegal transition is a conflict");
        assertEquals(409, refusal.status());
        assertEquals(before, snapshot(booking), "a refused transition changes nothing");
    }

    // ---- the transition table ---------------------------------------------------------------------------

    private static final String ILLEGAL = "409";

    /**
     * Every state × every action (an IN_PERSON booking). "409" means IllegalTransition and nothing changes;
     * otherwise the state the booking lands in and by how much the invite's SEQUENCE goes up.
     */
    private static final String TRANSITIONS = """
            # from       | action       | lands in    | sequence raised by
            HELD         | CONFIRM      | BOOKED      | 0
            HELD         | RELEASE      | RELEASED    | 0
            HELD         | RESCHEDULE   | 409         | 0
            HELD         | CANCEL       | 409         | 0
            HELD         | CHECK_IN     | 409         | 0
            HELD         | START        | 409         | 0
            HELD         | COMPLETE     | 409         | 0
            HELD         | MARK_NO_SHOW | 409         | 0

            RELEASED     | CONFIRM      | 409         | 0
            RELEASED     | RELEASE      | 409         | 0
            RELEASED     | RESCHEDULE   | 409         | 0
            RELEASED     | CANCEL       | 409         | 0
            RELEASED     | CHECK_IN     | 409         | 0
            RELEASED     | START        | 409         | 0
            RELEASED     | COMPLETE     | 409         | 0
            RELEASED     | MARK_NO_SHOW | 409         | 0

            BOOKED       | CONFIRM      | 409         | 0
            BOOKED       | RELEASE      | 409         | 0
            BOOKED       | RESCHEDULE   | BOOKED      | 1
            BOOKED       | CANCEL       | CANCELLED   | 1
            BOOKED       | CHECK_IN     | CHECKED_IN  | 0
            # only a VIDEO_REMOTE booking starts without check-in: see bookedSessionStartsWithoutCheckInOnlyWhenRemote
            BOOKED       | START        | 409         | 0
            BOOKED       | COMPLETE     | 409         | 0
            BOOKED       | MARK_NO_SHOW | NO_SHOW     | 0

            CHECKED_IN   | CONFIRM      | 409         | 0
            CHECKED_IN   | RELEASE      | 409         | 0
            CHECKED_IN   | RESCHEDULE   | 409         | 0
            CHECKED_IN   | CANCEL       | CANCELLED   | 1
            CHECKED_IN   | CHECK_IN     | 409         | 0
            CHECKED_IN   | START        | IN_PROGRESS | 0
            CHECKED_IN   | COMPLETE     | COMPLETED   | 0
            CHECKED_IN   | MARK_NO_SHOW | 409         | 0

            IN_PROGRESS  | CONFIRM      | 409         | 0
            IN_PROGRESS  | RELEASE      | 409         | 0
            IN_PROGRESS  | RESCHEDULE   | 409         | 0
            IN_PROGRESS  | CANCEL       | 409         | 0
            IN_PROGRESS  | CHECK_IN     | 409         | 0
            IN_PROGRESS  | START        | 409         | 0
            IN_PROGRESS  | COMPLETE     | COMPLETED   | 0
            IN_PROGRESS  | MARK_NO_SHOW | 409         | 0

            COMPLETED    | CONFIRM      | 409         | 0
            COMPLETED    | RELEASE      | 409         | 0
            COMPLETED    | RESCHEDULE   | 409         | 0
            COMPLETED    | CANCEL       | 409         | 0
            COMPLETED    | CHECK_IN     | 409         | 0
            COMPLETED    | START        | 409         | 0
            COMPLETED    | COMPLETE     | 409         | 0
            COMPLETED    | MARK_NO_SHOW | 409         | 0

            CANCELLED    | CONFIRM      | 409         | 0
            CANCELLED    | RELEASE      | 409         | 0
            CANCELLED    | RESCHEDULE   | 409         | 0
            CANCELLED    | CANCEL       | 409         | 0
            CANCELLED    | CHECK_IN     | 409         | 0
            CANCELLED    | START        | 409         | 0
            CANCELLED    | COMPLETE     | 409         | 0
            CANCELLED    | MARK_NO_SHOW | 409         | 0

            NO_SHOW      | CONFIRM      | 409         | 0
            NO_SHOW      | RELEASE      | 409         | 0
            NO_SHOW      | RESCHEDULE   | 409         | 0
            NO_SHOW      | CANCEL       | 409         | 0
            NO_SHOW      | CHECK_IN     | 409         | 0
            NO_SHOW      | START        | 409         | 0
            NO_SHOW      | COMPLETE     | 409         | 0
            NO_SHOW      | MARK_NO_SHOW | 409         | 0
            """;

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource(delimiter = '|', textBlock = TRANSITIONS)
    void eachStateAllowsOnlyItsOwnTransitions(BookingStatus from, Action action, String landsIn,
                                              int sequenceRaisedBy) {
        Booking booking = bookingThatIs(from, SessionMode.IN_PERSON);
        int sequenceBefore = booking.sequence();

        if (ILLEGAL.equals(landsIn)) {
            assertIllegalAndUnchanged(booking, action);
            return;
        }
        action.applyTo(booking);

        assertEquals(BookingStatus.valueOf(landsIn), booking.status());
        assertEquals(sequenceBefore + sequenceRaisedBy, booking.sequence(), "invite SEQUENCE");
    }

    @Test
    void transitionTableNamesEveryStateAndActionExactlyOnce() {
        List<String> rows = TRANSITIONS.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).limit(2)
                        .collect(Collectors.joining(" ")))
                .toList();
        Set<String> everyPair = new HashSet<>();
        for (BookingStatus status : BookingStatus.values()) {
            for (Action action : Action.values()) {
                everyPair.add(status + " " + action);
            }
        }

        assertEquals(everyPair, new HashSet<>(rows), "the table covers every state × action");
        assertEquals(everyPair.size(), rows.size(), "no pair appears twice");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SessionMode.class)
    void bookedSessionStartsWithoutCheckInOnlyWhenRemote(SessionMode mode) {
        Booking booking = bookingThatIs(BookingStatus.BOOKED, mode);

        if (mode == SessionMode.VIDEO_REMOTE) {
            booking.start(SESSION.start());
            assertEquals(BookingStatus.IN_PROGRESS, booking.status());
            assertEquals(SESSION.start(), booking.startedAt());
        } else {
            assertIllegalAndUnchanged(booking, Action.START);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SessionMode.class)
    void checkedInSessionStartsWhateverTheMode(SessionMode mode) {
        Booking booking = bookingThatIs(BookingStatus.CHECKED_IN, mode);

        booking.start(SESSION.start());

        assertEquals(BookingStatus.IN_PROGRESS, booking.status());
    }

    // ---- time windows -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "check-in at start {0} min is allowed")
    @ValueSource(ints = {-120, -60, 0, 59})
    void checkInIsOpenFromTwoHoursBeforeTheStartUntilTheEnd(int minutesFromStart) {
        Booking booking = booked();
        Instant at = SESSION.start().plus(Duration.ofMinutes(minutesFromStart));

        booking.checkIn(at);

        assertEquals(BookingStatus.CHECKED_IN, booking.status());
        assertEquals(at, booking.checkedInAt());
    }

    @Test
    void checkInOneSecondBeforeTheSessionEndsIsAllowed() {
        Booking booking = booked();

        booking.checkIn(SESSION.end().minusSeconds(1));

        assertEquals(BookingStatus.CHECKED_IN, booking.status());
    }

    @ParameterizedTest(name = "check-in {0} s after the session start is refused")
    @ValueSource(ints = {-7201, -86400, 3600, 7200})
    void checkInOutsideTheWindowIsRefusedAndChangesNothing(int secondsFromStart) {
        Booking booking = booked();
        List<Object> before = snapshot(booking);

        assertRefused("now", () -> booking.checkIn(SESSION.start().plusSeconds(secondsFromStart)));

        assertEquals(before, snapshot(booking));
    }

    @Test
    void noShowCanBeMarkedOnceTheGracePeriodHasPassed() {
        Booking atTheEndOfGrace = booked();
        atTheEndOfGrace.markNoShow(SESSION.start().plus(GRACE), GRACE);
        assertEquals(BookingStatus.NO_SHOW, atTheEndOfGrace.status());
        assertEquals(SESSION.start().plus(GRACE), atTheEndOfGrace.finishedAt());

        Booking wellAfter = booked();
        wellAfter.markNoShow(SESSION.end().plus(Duration.ofHours(3)), GRACE);
        assertEquals(BookingStatus.NO_SHOW, wellAfter.status());
    }

    @ParameterizedTest(name = "no-show {0} s after the start (grace 15 min) is refused")
    @ValueSource(ints = {-3600, 0, 600, 899})
    void noShowWithinTheGracePeriodIsRefusedAndChangesNothing(int secondsFromStart) {
        Booking booking = booked();
        List<Object> before = snapshot(booking);

        assertRefused("now", () -> booking.markNoShow(SESSION.start().plusSeconds(secondsFromStart), GRACE));

        assertEquals(before, snapshot(booking));
    }

    // ---- placement --------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = SessionMode.class, names = {"IN_PERSON", "VIDEO_AT_SSO"})
    void sessionAtTheSsoNeedsARoom(SessionMode mode) {
        assertRefused("roomId", () -> new Placement(SERVICE, OFFICE, mode, ADVISOR, null, SESSION));

        Placement withRoom = new Placement(SERVICE, OFFICE, mode, ADVISOR, ROOM, SESSION);
        assertEquals(ROOM, withRoom.roomId());
    }

    @Test
    void remoteVideoSessionTakesNoRoom() {
        assertRefused("roomId",
                () -> new Placement(SERVICE, OFFICE, SessionMode.VIDEO_REMOTE, ADVISOR, ROOM, SESSION));

        Booking remote = booked(SessionMode.VIDEO_REMOTE);
        assertNull(remote.roomId());
        assertEquals(SessionMode.VIDEO_REMOTE, remote.mode());
    }

    @Test
    void bookingKeepsWhereWhenAndWhoFromItsPlacement() {
        Booking booking = booked();

        assertEquals(BookingStatus.BOOKED, booking.status());
        assertEquals(SERVICE, booking.serviceId());
        assertEquals(OFFICE, booking.officeId());
        assertEquals(ADVISOR, booking.advisorId());
        assertEquals(ROOM, booking.roomId());
        assertEquals(CLIENT, booking.clientId());
        assertEquals(SESSION, booking.session());
        assertEquals(0, booking.sequence());
        assertEquals("counter.officer", booking.createdBy());
        assertEquals(NOW, booking.createdAt());
        assertNull(booking.holdExpiresAt(), "a direct booking is not a hold");
        assertNull(booking.id(), "ids come from the database");
    }

    // ---- referral ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "note [{0}]")
    @ValueSource(strings = {"", " ", "\t\n  "})
    void blankReferralNoteIsNoNote(String blank) {
        assertNull(new Referral(blank, true).note());
        assertNull(new Referral(null, true).note());
    }

    @Test
    void referralNoteIsStripped() {
        assertEquals("lost job in October", new Referral("  lost job in October \n", false).note());
    }

    @Test
    void referralNoteKeepsItsLinesButRefusesControlCharacters() {
        assertEquals("lost job in October\n\t- rent arrears",
                new Referral("lost job in October\n\t- rent arrears", true).note());

        assertRefused("referralNote", () -> new Referral("lost job\u0000in October", true));
    }

    @Test
    void referralNoteOfMoreThanAThousandCharactersIsRefused() {
        assertRefused("referralNote", () -> new Referral("x".repeat(1001), true));

        assertEquals(1000, new Referral("x".repeat(1000), true).note().length());
    }

    @ParameterizedTest(name = "consent {0}")
    @ValueSource(booleans = {true, false})
    void bookingKeepsTheReferralAndTheClientsConsent(boolean consent) {
        Booking booking = Booking.book(placement(SessionMode.IN_PERSON), CLIENT,
                new Referral(" behind on rent ", consent), "counter.officer", NOW, null);

        assertEquals("behind on rent", booking.referralNote());
        assertEquals(consent, booking.consentToShare());
    }

    // ---- hold, confirm, lapse ---------------------------------------------------------------------------

    @Test
    void confirmingAHoldBooksItClearsTheExpiryAndKeepsTheReferral() {
        Booking booking = held(SessionMode.IN_PERSON);
        assertEquals(HOLD_UNTIL, booking.holdExpiresAt());

        booking.confirm(new Referral("needs a payment plan", true));

        assertEquals(BookingStatus.BOOKED, booking.status());
        assertNull(booking.holdExpiresAt());
        assertEquals("needs a payment plan", booking.referralNote());
        assertTrue(booking.consentToShare());
    }

    @Test
    void holdLapsesExactlyAtItsExpiry() {
        Booking booking = held(SessionMode.IN_PERSON);

        assertFalse(booking.isLapsedHoldAt(HOLD_UNTIL.minusMillis(1)), "just before expiry");
        assertTrue(booking.isLapsedHoldAt(HOLD_UNTIL), "at expiry");
        assertTrue(booking.isLapsedHoldAt(HOLD_UNTIL.plusSeconds(1)), "after expiry");
    }

    @Test
    void onlyAHeldBookingCanLapse() {
        Booking confirmed = held(SessionMode.IN_PERSON);
        confirmed.confirm(referral());
        Booking released = held(SessionMode.IN_PERSON);
        released.release();

        assertFalse(confirmed.isLapsedHoldAt(HOLD_UNTIL.plus(Duration.ofDays(1))));
        assertFalse(released.isLapsedHoldAt(HOLD_UNTIL.plus(Duration.ofDays(1))));
        assertFalse(booked().isLapsedHoldAt(HOLD_UNTIL.plus(Duration.ofDays(1))));
    }

    // ---- reschedule -------------------------------------------------------------------------------------

    @Test
    void rescheduleMovesTheSessionAndRaisesTheSequence() {
        Booking booking = booked();

        booking.reschedule(new Placement(SERVICE, OFFICE + 1, SessionMode.VIDEO_AT_SSO, ADVISOR + 1, ROOM + 1,
                LATER_SESSION));

        assertEquals(BookingStatus.BOOKED, booking.status());
        assertEquals(LATER_SESSION, booking.session());
        assertEquals(OFFICE + 1, booking.officeId());
        assertEquals(SessionMode.VIDEO_AT_SSO, booking.mode());
        assertEquals(ADVISOR + 1, booking.advisorId());
        assertEquals(ROOM + 1, booking.roomId());
        assertEquals(SERVICE, booking.serviceId());
        assertEquals(CLIENT, booking.clientId());
        assertEquals(1, booking.sequence());

        booking.reschedule(placement(SessionMode.VIDEO_REMOTE));
        assertEquals(SESSION, booking.session());
        assertNull(booking.roomId());
        assertEquals(2, booking.sequence(), "every reschedule raises the sequence again");
    }

    @Test
    void rescheduleToAnotherServiceIsRefusedAndChangesNothing() {
        Booking booking = booked();
        List<Object> before = snapshot(booking);

        assertRefused("service", () -> booking.reschedule(
                new Placement(SERVICE + 1, OFFICE, SessionMode.IN_PERSON, ADVISOR, ROOM, LATER_SESSION)));

        assertEquals(before, snapshot(booking));
    }

    // ---- cancel -----------------------------------------------------------------------------------------

    @Test
    void cancelKeepsTheReasonAndWhenItEnded() {
        Booking booking = booked();

        booking.cancel("  client found a job  ", CancelledBy.COUNTER, ARRIVAL);

        assertEquals(BookingStatus.CANCELLED, booking.status());
        assertEquals("client found a job", booking.cancelReason());
        assertEquals(ARRIVAL, booking.finishedAt());
        assertEquals(1, booking.sequence());
    }

    @ParameterizedTest(name = "reason [{0}]")
    @ValueSource(strings = {"", "   ", "\n"})
    void cancelWithoutAReasonIsRefusedAndChangesNothing(String blank) {
        Booking booking = booked();
        List<Object> before = snapshot(booking);

        assertRefused("reason", () -> booking.cancel(blank, CancelledBy.COUNTER, NOW));
        assertRefused("reason", () -> booking.cancel(null, CancelledBy.COUNTER, NOW));

        assertEquals(before, snapshot(booking));
    }

    @Test
    void cancelReasonIsOneLineOfPlainText() {
        Booking booking = booked();

        assertRefused("reason", () -> booking.cancel("client\nfound a job", CancelledBy.COUNTER, NOW));
        assertRefused("reason", () -> booking.cancel("client found a job\u001B[2J", CancelledBy.COUNTER, NOW));

        assertEquals(BookingStatus.BOOKED, booking.status());
    }

    @Test
    void cancelReasonIsAtMostTwoHundredCharacters() {
        Booking tooLong = booked();
        assertRefused("reason", () -> tooLong.cancel("r".repeat(201), CancelledBy.COUNTER, NOW));
        assertEquals(BookingStatus.BOOKED, tooLong.status());

        Booking longest = booked();
        longest.cancel("  " + "r".repeat(200) + "  ", CancelledBy.COUNTER, NOW);
        assertEquals(200, longest.cancelReason().length());
    }

    // ---- complete ---------------------------------------------------------------------------------------

    @Test
    void completeNeedsAnOutcome() {
        Booking booking = checkedIn();
        List<Object> before = snapshot(booking);

        assertRefused("outcome", () -> booking.complete(null, "talked", SESSION_END));

        assertEquals(before, snapshot(booking));
    }

    @ParameterizedTest(name = "note [{0}]")
    @ValueSource(strings = {"", "  "})
    void referredOnNeedsANoteSayingWhere(String blank) {
        Booking booking = checkedIn();

        assertRefused("note", () -> booking.complete(Outcome.REFERRED_ON, blank, SESSION_END));
        assertRefused("note", () -> booking.complete(Outcome.REFERRED_ON, null, SESSION_END));

        assertEquals(BookingStatus.CHECKED_IN, booking.status());
    }

    @Test
    void outcomeNoteMayRunOverLinesButHasNoControlCharacters() {
        Booking refused = checkedIn();
        assertRefused("note", () -> refused.complete(Outcome.REFERRED_ON, "FSC\u0007 Bedok", SESSION_END));
        assertEquals(BookingStatus.CHECKED_IN, refused.status());

        Booking twoLines = checkedIn();
        twoLines.complete(Outcome.REFERRED_ON, "Family Service Centre\r\nBedok", SESSION_END);
        assertEquals("Family Service Centre\r\nBedok", twoLines.outcomeNote());
    }

    @Test
    void outcomeNoteIsAtMostFiveHundredCharacters() {
        Booking tooLong = checkedIn();
        assertRefused("note", () -> tooLong.complete(Outcome.ATTENDED, "n".repeat(501), SESSION_END));
        assertEquals(BookingStatus.CHECKED_IN, tooLong.status());

        Booking longest = checkedIn();
        longest.complete(Outcome.FOLLOW_UP_NEEDED, "n".repeat(500), SESSION_END);
        assertEquals(500, longest.outcomeNote().length());
    }

    @Test
    void completeRecordsTheOutcomeItsNoteAndWhenItEnded() {
        Booking referredOn = checkedIn();
        referredOn.complete(Outcome.REFERRED_ON, "  Family Service Centre, Bedok  ", SESSION_END);

        assertEquals(BookingStatus.COMPLETED, referredOn.status());
        assertEquals(Outcome.REFERRED_ON, referredOn.outcome());
        assertEquals("Family Service Centre, Bedok", referredOn.outcomeNote());
        assertEquals(SESSION_END, referredOn.finishedAt());

        Booking attended = checkedIn();
        attended.complete(Outcome.ATTENDED, "   ", SESSION_END);
        assertEquals(Outcome.ATTENDED, attended.outcome());
        assertNull(attended.outcomeNote(), "a blank note is no note");
    }

    // ---- occupancy --------------------------------------------------------------------------------------

    @Test
    void onlyLiveBookingsOccupyAdvisorRoomAndClient() {
        Set<BookingStatus> occupying = EnumSet.noneOf(BookingStatus.class);
        for (BookingStatus status : BookingStatus.values()) {
            if (status.occupies()) {
                occupying.add(status);
            }
        }

        assertEquals(EnumSet.of(BookingStatus.HELD, BookingStatus.BOOKED, BookingStatus.CHECKED_IN,
                BookingStatus.IN_PROGRESS), occupying);
    }
}
