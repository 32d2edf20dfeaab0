package sg.linkup.directory.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static sg.linkup.directory.entity.DirectoryFixtures.JURONG_EAST;
import static sg.linkup.directory.entity.DirectoryFixtures.TAMPINES;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import org.junit.jupiter.api.Test;

class CoordinatesTest {

    @Test
    void londonIsRefusedForItsLatitude() {
        assertRefused("latitude", () -> new Coordinates(51.5072, -0.1276));
    }

    @Test
    void swappedLatitudeAndLongitudeAreRefused() {
        assertRefused("latitude", () -> new Coordinates(103.9447, 1.3526));
    }

    @Test
    void longitudeThatLostItsDigitsOrSignIsRefused() {
        assertRefused("longitude", () -> new Coordinates(1.3526, -103.9447));
        assertRefused("longitude", () -> new Coordinates(1.3526, 1.3526));
    }

    @Test
    void pointInSingaporeKeepsItsValues() {
        Coordinates tampines = new Coordinates(1.3526, 103.9447);

        assertEquals(1.3526, tampines.latitude());
        assertEquals(103.9447, tampines.longitude());
    }

    @Test
    void tampinesToJurongEastIsAboutTwentyTwoKilometres() {
        assertEquals(22.46, TAMPINES.kilometresTo(JURONG_EAST), 0.1);
    }

    @Test
    void distanceIsTheSameBothWaysAndZeroToItself() {
        assertEquals(TAMPINES.kilometresTo(JURONG_EAST), JURONG_EAST.kilometresTo(TAMPINES), 1e-9);
        assertEquals(0.0, TAMPINES.kilometresTo(TAMPINES), 1e-9);
    }
}
