package sg.linkup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import sg.linkup.availability.entity.AvailabilityRule;
import sg.linkup.availability.entity.Recurrence;
import sg.linkup.availability.entity.WeeklyPattern;

/** Every availability rule of the demo data opens in the availability editor as days and weeks, and saves unchanged. */
class DemoRulesAsWeeklyPatternsTest {

    @Test
    void everyDemoRuleRoundTripsThroughTheEditorsForm() {
        DemoCatalogue demo = DemoCatalogue.build(DemoDataLoader.SEED);
        assertFalse(demo.rules().isEmpty());
        for (AvailabilityRule rule : demo.rules()) {
            Recurrence recurrence = Recurrence.parse(rule.rrule());
            WeeklyPattern pattern = WeeklyPattern.of(recurrence)
                    .orElseThrow(() -> new AssertionError(rule.rrule() + " should read as days of the week"));
            assertEquals(rule.rrule(), pattern.toRrule(), "the form writes back the very rule it read");
            LocalDate to = rule.validFrom().plusDays(400);
            assertEquals(recurrence.dates(rule.validFrom(), rule.validFrom(), to),
                    pattern.recurrence().dates(rule.validFrom(), rule.validFrom(), to), rule.rrule());
        }
    }
}
