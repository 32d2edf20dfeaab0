package sg.linkup.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ClocksTest {

    @Test
    void aDateAPersonCouldMeanPasses() {
        LocalDate day = LocalDate.parse("2026-12-24");
        assertEquals(day, Clocks.plausible("from", day));
        assertEquals(LocalDate.of(1900, 1, 1), Clocks.plausible("from", LocalDate.of(1900, 1, 1)));
        assertEquals(LocalDate.of(2199, 12, 31), Clocks.plausible("to", LocalDate.of(2199, 12, 31)));
        assertNull(Clocks.plausible("to", null), "no date given is no date refused");
    }

    @Test
    void aDateThatWouldOverflowIsRefusedOnItsField() {
        // ISO accepts these; a day's arithmetic on the first throws, the database refuses the second: a 500 before.
        for (String text : new String[] {"+999999999-12-31", "+300000-01-01", "1899-12-31", "2200-01-01"}) {
            LocalDate day = LocalDate.parse(text);
            InvalidInputAssertions.assertRefused("to", () -> Clocks.plausible("to", day));
        }
    }
}
