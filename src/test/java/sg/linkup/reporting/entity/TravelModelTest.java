package sg.linkup.reporting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sg.linkup.directory.entity.Coordinates;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.reporting.entity.TravelModel.Saving;
import sg.linkup.reporting.entity.TravelModel.Trip;

class TravelModelTest {

    // Offices of the demo catalogue (DemoCatalogue).
    private static final Coordinates JURONG_EAST_SSO = new Coordinates(1.3331, 103.7423);
    private static final Coordinates TAMPINES_SSO = new Coordinates(1.3496, 103.9568);
    private static final Coordinates LEGAL_AID_BUREAU = new Coordinates(1.2798, 103.8449);
    private static final Coordinates TAMPINES_FSC = new Coordinates(1.3601, 103.9553);
    private static final Coordinates BOON_LAY_SSO = new Coordinates(1.3466, 103.7117);

    /** The defaults the README states and TravelSettings configures. */
    private static final TravelModel DEFAULTS = new TravelModel(1.3, 25, 10, 5, 2);
    /** Round numbers for hand-worked examples. */
    private static final TravelModel ROUND = new TravelModel(1.5, 30, 10, 5, 1);

    private static final double KM = 1e-9;

    // --- distance -----------------------------------------------------------------------------------------

    @Test
    void crowFliesAlongAMeridianIsTheArcOnTheMeanEarthRadius() {
        // 0.1 degree of latitude: 6371.0088 km x 0.1 x pi / 180 = 11.119508 km.
        double km = TravelModel.crowFliesKm(new Coordinates(1.30, 103.85), new Coordinates(1.40, 103.85));

        assertEquals(11.119508, km, 1e-6);
    }

    @Test
    void crowFliesBetweenJurongEastAndTampinesIsWithinHalfAPercentOfTheGeodesic() {
        // WGS84 geodesic by Vincenty's inverse formula, worked out apart from this code: 23.9412 km.
        double km = TravelModel.crowFliesKm(JURONG_EAST_SSO, TAMPINES_SSO);

        assertEquals(23.9412, km, 23.9412 * 0.005);
        assertEquals(km, TravelModel.crowFliesKm(TAMPINES_SSO, JURONG_EAST_SSO), KM);
    }

    @Test
    void crowFliesFromJurongEastToTheLegalAidBureauIsWithinHalfAPercentOfTheGeodesic() {
        // Vincenty, WGS84: 12.8497 km.
        assertEquals(12.8497, TravelModel.crowFliesKm(JURONG_EAST_SSO, LEGAL_AID_BUREAU), 12.8497 * 0.005);
    }

    @Test
    void aPlaceIsNoDistanceFromItself() {
        assertEquals(0, TravelModel.crowFliesKm(TAMPINES_SSO, TAMPINES_SSO), KM);
    }

    // --- one trip -----------------------------------------------------------------------------------------

    @Test
    void aTripFollowsTheNetworkAndAddsWalkingAndWaiting() {
        // Meridian 11.1195 km x 1.5 = 16.679 km; 16.679 / 30 km/h = 33.359 min; + 10 + 5 = 48.359 min.
        Trip trip = ROUND.trip(new Coordinates(1.30, 103.85), new Coordinates(1.40, 103.85));

        assertEquals(16.679262, trip.km(), 1e-6);
        assertEquals(48.358524, trip.minutes(), 1e-6);
    }

    @Test
    void aShortTripCountsAtLeastTheLocalTrip() {
        // Tampines SSO to Tampines FSC: 1.18 km crow-flies x 1.3 = 1.53 km, less than the 2 km floor.
        Trip trip = DEFAULTS.trip(TAMPINES_SSO, TAMPINES_FSC);

        assertEquals(2, trip.km(), KM);
        assertEquals(10 + 5 + 2.0 / 25 * 60, trip.minutes(), 1e-9);
    }

    @Test
    void theTripToTheClientsOwnSsoIsTheLocalTrip() {
        Trip trip = DEFAULTS.trip(JURONG_EAST_SSO, JURONG_EAST_SSO);

        assertEquals(2, trip.km(), KM);
        assertEquals(19.8, trip.minutes(), 1e-9);
    }

    // --- savings by mode ----------------------------------------------------------------------------------

    /** The README's worked example: a Jurong East client's legal aid session, by each mode. */
    @Test
    void readmeWorkedExampleVideoAtTheirOwnSso() {
        // To the Legal Aid Bureau: 12.8536 km x 1.3 = 16.7097 km, 15 + 40.103 = 55.103 min one way.
        // To Jurong East SSO: the 2 km local trip, 19.8 min. Saved: 2 x (16.7097 - 2) km, 2 x 35.303 min.
        Saving saved = DEFAULTS.saved(SessionMode.VIDEO_AT_SSO, JURONG_EAST_SSO, JURONG_EAST_SSO, LEGAL_AID_BUREAU);

        assertEquals(29.42, saved.km(), 0.005);
        assertEquals(1.18, saved.hours(), 0.005);
    }

    @Test
    void readmeWorkedExampleVideoFromHome() {
        Saving saved = DEFAULTS.saved(SessionMode.VIDEO_REMOTE, JURONG_EAST_SSO, null, LEGAL_AID_BUREAU);

        assertEquals(33.42, saved.km(), 0.005);
        assertEquals(1.84, saved.hours(), 0.005);
    }

    @Test
    void readmeWorkedExampleInPersonAtBoonLay() {
        // Boon Lay SSO: 3.7181 km x 1.3 = 4.8336 km, 15 + 11.601 = 26.601 min one way.
        Saving saved = DEFAULTS.saved(SessionMode.IN_PERSON, JURONG_EAST_SSO, BOON_LAY_SSO, LEGAL_AID_BUREAU);

        assertEquals(23.75, saved.km(), 0.005);
        assertEquals(0.95, saved.hours(), 0.005);
    }

    @Test
    void inPersonAndVideoAtAnSsoSaveTheSame() {
        Saving inPerson = DEFAULTS.saved(SessionMode.IN_PERSON, JURONG_EAST_SSO, BOON_LAY_SSO, LEGAL_AID_BUREAU);
        Saving video = DEFAULTS.saved(SessionMode.VIDEO_AT_SSO, JURONG_EAST_SSO, BOON_LAY_SSO, LEGAL_AID_BUREAU);

        assertEquals(inPerson, video);
    }

    @Test
    void aSessionAtAnotherSsoSubtractsTheTripThere() {
        // Round numbers: partner 10 km of network away (crow-flies 6.667 km), the other SSO 4.5 km.
        // Avoided: 2 x (10 km, 15 + 20 min); made: 2 x (4.5 km, 15 + 9 min). Saved: 11 km, 22 min.
        Coordinates origin = new Coordinates(1.30, 103.85);
        Coordinates partner = new Coordinates(1.30 + degreesNorth(10 / 1.5), 103.85);
        Coordinates otherSso = new Coordinates(1.30 - degreesNorth(4.5 / 1.5), 103.85);

        Saving saved = ROUND.saved(SessionMode.IN_PERSON, origin, otherSso, partner);

        assertEquals(11, saved.km(), 1e-9);
        assertEquals(22.0 / 60, saved.hours(), 1e-9);
    }

    @Test
    void videoFromHomeSavesTheWholeRoundTripToThePartner() {
        // Avoided: 2 x (10 km, 15 + 20 min) = 20 km, 70 min; nothing made.
        Coordinates origin = new Coordinates(1.30, 103.85);
        Coordinates partner = new Coordinates(1.30 + degreesNorth(10 / 1.5), 103.85);

        Saving saved = ROUND.saved(SessionMode.VIDEO_REMOTE, origin, TAMPINES_SSO, partner);

        assertEquals(20, saved.km(), 1e-9);
        assertEquals(70.0 / 60, saved.hours(), 1e-9);
    }

    @Test
    void aSessionAtAnSsoFartherThanThePartnerSavesNothing() {
        // A Tampines client seen at Jurong East by an agency next door to Tampines SSO.
        Saving saved = DEFAULTS.saved(SessionMode.IN_PERSON, TAMPINES_SSO, JURONG_EAST_SSO, TAMPINES_FSC);

        assertEquals(Saving.ZERO, saved);
    }

    @Test
    void aPartnerInTheClientsOwnTownSavesNothingAtTheirSso() {
        Saving saved = DEFAULTS.saved(SessionMode.VIDEO_AT_SSO, TAMPINES_SSO, TAMPINES_SSO, TAMPINES_FSC);

        assertEquals(Saving.ZERO, saved);
    }

    @Test
    void noSavingBetweenAnyOfTheseOfficesIsNegative() {
        Coordinates[] offices = {JURONG_EAST_SSO, TAMPINES_SSO, LEGAL_AID_BUREAU, TAMPINES_FSC, BOON_LAY_SSO};
        for (Coordinates origin : offices) {
            for (Coordinates session : offices) {
                for (Coordinates partner : offices) {
                    for (SessionMode mode : SessionMode.values()) {
                        Saving saved = DEFAULTS.saved(mode, origin, session, partner);
                        assertTrue(saved.km() >= 0 && saved.hours() >= 0, saved.toString());
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = SessionMode.class, names = {"IN_PERSON", "VIDEO_AT_SSO"})
    void sessionsAtAnSsoNeedThatSso(SessionMode mode) {
        assertThrows(NullPointerException.class, () -> DEFAULTS.saved(mode, JURONG_EAST_SSO, null, LEGAL_AID_BUREAU));
    }

    @Property(tries = 500)
    void noSessionSavesLessThanNothingOrMoreThanVideoFromHome(
            @ForAll @DoubleRange(min = 1.16, max = 1.47) double lat1, @ForAll @DoubleRange(min = 103.6, max = 104.09) double lon1,
            @ForAll @DoubleRange(min = 1.16, max = 1.47) double lat2, @ForAll @DoubleRange(min = 103.6, max = 104.09) double lon2,
            @ForAll @DoubleRange(min = 1.16, max = 1.47) double lat3, @ForAll @DoubleRange(min = 103.6, max = 104.09) double lon3) {
        Coordinates origin = new Coordinates(lat1, lon1);
        Coordinates session = new Coordinates(lat2, lon2);
        Coordinates partner = new Coordinates(lat3, lon3);
        Saving fromHome = DEFAULTS.saved(SessionMode.VIDEO_REMOTE, origin, session, partner);
        Saving atSso = DEFAULTS.saved(SessionMode.VIDEO_AT_SSO, origin, session, partner);

        assertTrue(atSso.km() >= 0 && atSso.hours() >= 0);
        assertTrue(atSso.km() <= fromHome.km() && atSso.hours() <= fromHome.hours());
    }

    @Test
    void savingsAddUp() {
        Saving sum = Saving.ZERO.plus(new Saving(1.5, 0.25)).plus(new Saving(2, 1));

        assertEquals(new Saving(3.5, 1.25), sum);
    }

    // --- parameters ---------------------------------------------------------------------------------------

    @Test
    void sensibleParametersAreAccepted() {
        new TravelModel(1, 5, 0, 0, 0);
        new TravelModel(3, 80, 60, 60, 10);
    }

    @Test
    void aDetourFactorBelowOneOrAboveThreeIsRefused() {
        assertEquals("detourFactor must lie between 1 and 3, not 0.9",
                assertThrows(IllegalArgumentException.class, () -> new TravelModel(0.9, 25, 10, 5, 2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TravelModel(3.1, 25, 10, 5, 2));
    }

    @Test
    void aSpeedThatIsNoPublicTransportIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TravelModel(1.3, 0, 10, 5, 2));
        assertThrows(IllegalArgumentException.class, () -> new TravelModel(1.3, -25, 10, 5, 2));
        assertThrows(IllegalArgumentException.class, () -> new TravelModel(1.3, 4.9, 10, 5, 2));
        assertEquals("kmPerHour must lie between 5 and 80 km/h, not 250.0",
                assertThrows(IllegalArgumentException.class, () -> new TravelModel(1.3, 250, 10, 5, 2)).getMessage());
    }

    @Test
    void negativeOrDayLongMinutesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TravelModel(1.3, 25, -1, 5, 2));
        assertThrows(IllegalArgumentException.class, () -> new TravelModel(1.3, 25, 61, 5, 2));
        assertThrows(IllegalArgumentException.class, () -> new TravelModel(1.3, 25, 10, -5, 2));
        assertThrows(IllegalArgumentException.class, () -> new TravelModel(1.3, 25, 10, 600, 2));
    }

    @Test
    void aLocalTripOutsideZeroToTenKilometresIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TravelModel(1.3, 25, 10, 5, -0.5));
        assertThrows(IllegalArgumentException.class, () -> new TravelModel(1.3, 25, 10, 5, 12));
    }

    @Test
    void notANumberIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TravelModel(Double.NaN, 25, 10, 5, 2));
        assertThrows(IllegalArgumentException.class, () -> new TravelModel(1.3, Double.POSITIVE_INFINITY, 10, 5, 2));
        assertThrows(IllegalArgumentException.class, () -> new TravelModel(1.3, 25, Double.NaN, 5, 2));
        assertThrows(IllegalArgumentException.class, () -> new TravelModel(1.3, 25, 10, Double.NaN, 2));
        assertThrows(IllegalArgumentException.class, () -> new TravelModel(1.3, 25, 10, 5, Double.NaN));
    }

    /** Degrees of latitude spanning km on the mean Earth radius (exact along a meridian). */
    private static double degreesNorth(double km) {
        return Math.toDegrees(km / TravelModel.EARTH_RADIUS_KM);
    }
}
