package sg.linkup.reporting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sg.linkup.directory.entity.SessionMode;

/**
 * A month as ReportsIT leaves it: SSO A with 10 sessions (6 attended, 2 no-shows, 2 cancelled), SSO B with 2
 * attended, a third SSO and a second service with none — what every report may show of it.
 */
class ReportCubeTest {

    static final LocalDate MONTH = LocalDate.of(2026, 11, 1);
    static final LocalDate WEEK = LocalDate.of(2026, 11, 9);
    static final long A = 1;
    static final long B = 2;
    static final long C = 3;
    static final long D = 8;
    static final long SERVICE = 10;
    static final long OTHER_SERVICE = 11;
    static final long AGENCY = 100;
    static final long OTHER_AGENCY = 101;

    private long client = 1;

    private ReportCube itsMonth() {
        Map<ReportCube.Base, ReportTally> cells = new HashMap<>();
        after(cells);
        return new ReportCube(MONTH, List.of(A, B, C, D), Map.of(SERVICE, AGENCY, OTHER_SERVICE, OTHER_AGENCY), cells,
                Map.of());
    }

    /**
     * n sessions of n new clients, each counted under every measure given; kept ones (not cancelled) book
     * minutes of advisor and room and, when attended, save km and hours of travel.
     */
    private ReportTally sessions(ReportTally t, int n, double minutes, double km, Measure... measures) {
        List<Measure> counted = List.of(measures);
        for (int i = 0; i < n; i++) {
            long c = client++;
            t.count(Measure.BOOKED, c);
            counted.forEach(m -> t.count(m, c));
            if (!counted.contains(Measure.CANCELLED)) {
                t.count(Measure.KEPT, c);
                t.count(Measure.KEPT_WITH_ROOM, c);  // every one in person, in a room
                t.booked((long) minutes, (long) minutes);
            }
            if (counted.contains(Measure.ATTENDED)) {
                t.travelSaved(km, km / 10);
            }
        }
        return t;
    }

    /** A and B after the IT's outcomes, cancels and no-show sweep; D, a fourth SSO with a quiet month. */
    private void after(Map<ReportCube.Base, ReportTally> cells) {
        ReportTally a = new ReportTally();
        sessions(a, 6, 45, 10, Measure.ATTENDED, Measure.ATTENDED_UNCONFIRMED, Measure.COMPLETED_ATTENDED);
        sessions(a, 1, 45, 0, Measure.NO_SHOWS, Measure.NO_SHOWS_CONFIRMED);
        sessions(a, 1, 45, 0, Measure.NO_SHOWS, Measure.NO_SHOWS_UNCONFIRMED);
        sessions(a, 1, 0, 0, Measure.CANCELLED, Measure.CANCELLED_BY_PARTNER);
        sessions(a, 1, 0, 0, Measure.CANCELLED, Measure.CANCELLED_BY_COUNTER);
        cells.put(new ReportCube.Base(WEEK, A, SERVICE, SessionMode.IN_PERSON), a);
        cells.put(new ReportCube.Base(WEEK, B, SERVICE, SessionMode.IN_PERSON), sessions(new ReportTally(), 2, 45, 10,
                Measure.ATTENDED, Measure.ATTENDED_UNCONFIRMED, Measure.COMPLETED_FOLLOW_UP));
        // B's figures need a partner whose figures are not zero (a zero anyone might know would pin the box); D's,
        // with shorter sessions and trips than A's, are the cheaper ones to hide.
        cells.put(new ReportCube.Base(WEEK, D, SERVICE, SessionMode.IN_PERSON), sessions(new ReportTally(), 6, 30, 4,
                Measure.ATTENDED, Measure.ATTENDED_UNCONFIRMED, Measure.ATTENDED_NOT_COMPLETED));
    }

    /** The IT's second test, before its outcomes: A's copy d with 6 checked in and 4 still booked, B's copy e. */
    private void before(Map<ReportCube.Base, ReportTally> cells, long d, long e, long service) {
        ReportTally a = new ReportTally();
        sessions(a, 6, 45, 0, Measure.ATTENDED, Measure.ATTENDED_UNCONFIRMED, Measure.ATTENDED_NOT_COMPLETED);
        sessions(a, 4, 45, 0, Measure.OPEN);
        cells.put(new ReportCube.Base(WEEK, d, service, SessionMode.IN_PERSON), a);
        cells.put(new ReportCube.Base(WEEK, e, service, SessionMode.IN_PERSON), sessions(new ReportTally(), 2, 45, 0,
                Measure.ATTENDED, Measure.ATTENDED_UNCONFIRMED, Measure.ATTENDED_NOT_COMPLETED));
    }

    /**
     * The IT's second test adds d and e in a service of their own: e's two sessions can only be protected by d's
     * figures or the service's total (every other SSO's figure for that service is a zero anyone may know), while
     * A's figures, in another service, stay shown.
     */
    @Test
    void aSmallSsoInAServiceOnlyOneOtherOffersHidesThatOnesFiguresOrTheTotal() {
        Map<ReportCube.Base, ReportTally> cells = new HashMap<>();
        after(cells);
        long d = 4;
        long e = 5;
        long service = 12;
        before(cells, d, e, service);
        ReportCube cube = new ReportCube(MONTH, List.of(A, B, C, D, d, e, 6L, 7L), Map.of(SERVICE, AGENCY,
                OTHER_SERVICE, OTHER_AGENCY, service, 102L), cells, Map.of());
        int month = cube.time(Period.MONTH, MONTH);
        int all = cube.service(null);
        int anyMode = cube.mode(null);
        int other = cube.service(service);
        assertTrue(cube.hidden(Measure.OPEN.name(), month, cube.office(d), all, anyMode));
        assertTrue(cube.hidden(Measure.BOOKED.name(), month, cube.office(e), other, anyMode));
        assertTrue(cube.hidden(Measure.BOOKED.name(), month, cube.office(d), other, anyMode)
                || cube.hidden(Measure.BOOKED.name(), month, 0, other, anyMode), "d's = the total − e's");
        for (Measure shown : List.of(Measure.BOOKED, Measure.ATTENDED)) {
            assertFalse(cube.hidden(shown.name(), month, cube.office(A), all, anyMode), shown::name);
        }
    }

    @Test
    void smallFiguresAreHiddenAndTheMainOnesShown() {
        ReportCube cube = itsMonth();
        int month = cube.time(Period.MONTH, MONTH);
        int a = cube.office(A);
        int all = cube.service(null);
        int anyMode = cube.mode(null);

        for (Measure small : List.of(Measure.NO_SHOWS, Measure.CANCELLED, Measure.CANCELLED_BY_COUNTER,
                Measure.CANCELLED_BY_PARTNER, Measure.NO_SHOWS_CONFIRMED)) {
            assertTrue(cube.hidden(small.name(), month, a, all, anyMode), small::name);
        }
        for (Measure shown : List.of(Measure.BOOKED, Measure.ATTENDED, Measure.COMPLETED_ATTENDED)) {
            assertFalse(cube.hidden(shown.name(), month, a, all, anyMode), () -> shown + " of A: " + cube);
        }
        // B's two sessions, in every report of B that shows them: the month or its week, all services or the agency,
        // the month by service or by mode. (SSO × service × mode is no report's cut: not offered, not asserted.)
        int b = cube.office(B);
        for (int t : new int[] {month, cube.time(Period.WEEK, WEEK)}) {
            assertTrue(cube.hidden(Measure.BOOKED.name(), t, b, all, anyMode));
            assertTrue(cube.offered(Measure.BOOKED.name(), t, b, cube.agency(AGENCY), anyMode));
            assertTrue(cube.hidden(Measure.BOOKED.name(), t, b, cube.agency(AGENCY), anyMode));
        }
        assertTrue(cube.hidden(Measure.BOOKED.name(), month, b, cube.service(SERVICE), anyMode));
        assertTrue(cube.hidden(Measure.BOOKED.name(), month, b, all, cube.mode(SessionMode.IN_PERSON)));
        // Travel at A is the sum over 6 attended clients, shown; at B over 2, hidden; over all SSOs shown.
        for (ReportCube.Amount travel : List.of(ReportCube.Amount.KM_SAVED, ReportCube.Amount.HOURS_SAVED)) {
            assertFalse(cube.hidden(travel, month, a, all, anyMode));
            assertTrue(cube.hidden(travel, month, b, all, anyMode));
            assertFalse(cube.hidden(travel, month, 0, all, anyMode));
        }
        assertFalse(cube.hidden(ReportCube.Amount.ROOM_HOURS, month, a, all, anyMode));
    }

    @Test
    void reportsCutByAtMostTwoOfSsoServiceAndModeAndWeeksBySsoAndAgency() {
        ReportCube cube = itsMonth();
        int month = cube.time(Period.MONTH, MONTH);
        int week = cube.time(Period.WEEK, WEEK);
        int a = cube.office(A);
        int service = cube.service(SERVICE);
        int agency = cube.agency(AGENCY);
        int inPerson = cube.mode(SessionMode.IN_PERSON);
        String booked = Measure.BOOKED.name();
        assertTrue(cube.offered(booked, month, a, service, 0));
        assertTrue(cube.offered(booked, month, a, 0, inPerson));
        assertTrue(cube.offered(booked, month, 0, service, inPerson));
        assertTrue(cube.offered(booked, month, a, agency, inPerson), "an agency is not a service");
        assertFalse(cube.offered(booked, month, a, service, inPerson));
        assertTrue(cube.offered(booked, week, a, agency, 0));
        assertFalse(cube.offered(booked, week, a, service, 0));
        assertFalse(cube.offered(booked, week, 0, 0, inPerson));
        // The splits by SSO and agency, by month; sessions kept only where the hours show them.
        String referred = Measure.COMPLETED_REFERRED_ON.name();
        assertTrue(cube.offered(referred, month, a, agency, 0));
        assertFalse(cube.offered(referred, month, a, service, 0));
        assertFalse(cube.offered(referred, week, a, 0, 0));
        // What the shown figures give by subtraction counts as shown: not yet held (booked − the rest) and sessions
        // kept wherever the main counts are; "attended, not completed" wherever the outcomes are.
        for (Measure derived : List.of(Measure.OPEN, Measure.KEPT)) {
            assertTrue(cube.offered(derived.name(), month, a, service, 0), derived::name);
            assertTrue(cube.offered(derived.name(), week, a, agency, 0), derived::name);
        }
        assertTrue(cube.offered(Measure.ATTENDED_NOT_COMPLETED.name(), month, a, agency, 0));
        assertFalse(cube.offered(Measure.ATTENDED_NOT_COMPLETED.name(), month, a, service, 0));
    }

    @Test
    void weeksAreCutAtMonthEndsSoTheyAddUpToMonths() {
        // Monday 30 November 2026 to Sunday 6 December: two periods, one in each month.
        assertEquals(LocalDate.of(2026, 11, 30), Period.WEEK.startOf(LocalDate.of(2026, 11, 30)));
        assertEquals(LocalDate.of(2026, 12, 1), Period.WEEK.startOf(LocalDate.of(2026, 12, 3)));
        assertEquals(LocalDate.of(2026, 11, 30), Period.WEEK.endOf(LocalDate.of(2026, 11, 30)));
        assertEquals(LocalDate.of(2026, 12, 6), Period.WEEK.endOf(LocalDate.of(2026, 12, 1)));
        assertEquals("2026-W49", Period.WEEK.key(LocalDate.of(2026, 11, 30)));
        assertEquals("2026-W49b", Period.WEEK.key(LocalDate.of(2026, 12, 1)));
        assertEquals("Week of 30 Nov 2026, to 30 Nov", Period.WEEK.label(LocalDate.of(2026, 11, 30)));
        assertEquals("Week of 30 Nov 2026, from 1 Dec", Period.WEEK.label(LocalDate.of(2026, 12, 1)));
        assertEquals("Week of 7 Dec 2026", Period.WEEK.label(LocalDate.of(2026, 12, 7)));
        // A month's weeks: 1–6, 7–13, 14–20, 21–27, 28–31 December.
        assertEquals(List.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 14),
                LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 28)),
                Period.WEEK.starts(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)));
        // A month that starts on a Monday has no cut week at its start.
        assertEquals(LocalDate.of(2027, 2, 1), Period.WEEK.startOf(LocalDate.of(2027, 2, 3)));
        assertEquals("2027-W05", Period.WEEK.key(LocalDate.of(2027, 2, 1)));
    }
}
