package sg.linkup.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackOffTest {

    private final BackOff backOff = new BackOff(Duration.ofSeconds(30), Duration.ofMinutes(60), 8);

    @Test
    void theWaitDoublesWithEachAttempt() {
        assertTrue(backOff.after(1, 0.999_999).compareTo(Duration.ofMillis(29_990)) > 0);
        assertTrue(backOff.after(1, 0.999_999).compareTo(Duration.ofSeconds(30)) <= 0);
        assertEquals(Duration.ofSeconds(15), backOff.after(1, 0));
        assertEquals(Duration.ofSeconds(30), backOff.after(2, 0));
        assertEquals(Duration.ofSeconds(60), backOff.after(3, 0));
    }

    @Test
    void jitterSpreadsTheWaitOverItsUpperHalf() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            Duration low = backOff.after(attempt, 0);
            Duration high = backOff.after(attempt, 0.999_999);
            assertTrue(high.compareTo(low) > 0, "attempt " + attempt + " has no jitter");
            assertTrue(high.compareTo(low.multipliedBy(2)) <= 0);
        }
    }

    @Test
    void theWaitNeverExceedsTheMaximum() {
        for (int attempt = 1; attempt < 100; attempt++) {
            assertTrue(backOff.after(attempt, 0.999_999).compareTo(Duration.ofMinutes(60)) <= 0);
        }
        assertEquals(Duration.ofMinutes(30), backOff.after(50, 0));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BackOff(Duration.ZERO, Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new BackOff(Duration.ofSeconds(10), Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new BackOff(Duration.ofSeconds(1), Duration.ofSeconds(10), 0));
    }
}
