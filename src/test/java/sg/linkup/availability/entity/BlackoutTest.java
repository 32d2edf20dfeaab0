package sg.linkup.availability.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static sg.linkup.availability.AvailabilityFixtures.ADVISOR_ID;
import static sg.linkup.availability.AvailabilityFixtures.advisor;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import sg.linkup.directory.entity.Advisor;

class BlackoutTest {

    private static final Instant START = Instant.parse("2026-12-01T01:00:00Z");

    private static TimeRange days(long days) {
        return TimeRange.of(START, Duration.ofDays(days));
    }

    @Test
    void anAdvisorsLeaveBelongsToTheAdvisorAndTheirAgency() {
        Advisor advisor = advisor();

        Blackout leave = Blackout.ofAdvisor(advisor, days(5), "  Annual leave ");

        assertEquals(ADVISOR_ID, leave.advisorId());
        assertEquals(advisor.agency().id(), leave.agencyId());
        assertEquals(days(5), leave.range());
        assertEquals("Annual leave", leave.reason());
    }

    @Test
    void anAgencyClosureHasNoAdvisor() {
        Advisor advisor = advisor();

        Blackout retreat = Blackout.ofAgency(advisor.agency(), days(1), "Staff retreat");

        assertNull(retreat.advisor());
        assertNull(retreat.advisorId());
        assertEquals(advisor.agency().id(), retreat.agencyId());
    }

    @Test
    void aBlackoutOfAYearAndADayIsAccepted() {
        assertEquals(Duration.ofDays(366), Blackout.ofAdvisor(advisor(), days(366), "Sabbatical").range().length());
    }

    @Test
    void aBlackoutLongerThan366DaysIsRefused() {
        TimeRange tooLong = TimeRange.of(START, Duration.ofDays(366).plusMinutes(5));

        assertRefused("end", () -> Blackout.ofAdvisor(advisor(), tooLong, "Sabbatical"));
        assertRefused("end", () -> Blackout.ofAgency(advisor().agency(), days(20 * 366), "Typo in the year"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void aBlackoutNeedsAReason(String reason) {
        assertRefused("reason", () -> Blackout.ofAdvisor(advisor(), days(1), reason));
    }

    @Test
    void aReasonLongerThan200CharactersIsRefused() {
        assertRefused("reason", () -> Blackout.ofAdvisor(advisor(), days(1), "x".repeat(201)));
        assertEquals(200, Blackout.ofAdvisor(advisor(), days(1), " " + "x".repeat(200) + " ").reason().length());
    }

    @Test
    void aReasonIsOneLineOfPlainText() {
        assertRefused("reason", () -> Blackout.ofAdvisor(advisor(), days(1), "Annual\tleave"));
        assertRefused("reason", () -> Blackout.ofAgency(advisor().agency(), days(1), "Staff retreat\u007F"));
    }
}
