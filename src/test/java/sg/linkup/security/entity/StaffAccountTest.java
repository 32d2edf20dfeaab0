package sg.linkup.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sg.linkup.directory.entity.AgencyDomain;
import sg.linkup.directory.entity.Coordinates;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.OpeningHours;
import sg.linkup.directory.entity.PartnerAgency;

class StaffAccountTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final Duration LOCK = Duration.ofMinutes(15);
    private static final Office OFFICE = new Office("SSO-TAM", "SSO@Tampines", "1 Tampines Walk", "528523",
            new Coordinates(1.35, 103.94), List.of(new OpeningHours(java.time.DayOfWeek.MONDAY,
            LocalTime.of(8, 30), LocalTime.of(17, 30))));
    private static final PartnerAgency AGENCY = new PartnerAgency("WSG", "Workforce Singapore",
            AgencyDomain.EMPLOYMENT, null, "1 Example Road", new Coordinates(1.30, 103.85));

    private static StaffAccount counter() {
        return new StaffAccount("counter.tam", "Counter officer", "hash",
                new StaffAccount.Grant(Role.COUNTER_STAFF, Set.of(OFFICE), null));
    }

    @Test
    void accountLocksAfterTheConfiguredNumberOfFailuresAndUnlocksWhenTheLockRunsOut() {
        StaffAccount account = counter();
        account.recordFailedSignIn(NOW, 3, LOCK);
        account.recordFailedSignIn(NOW, 3, LOCK);
        assertTrue(account.maySignInAt(NOW), "two failures of three allowed");
        account.recordFailedSignIn(NOW, 3, LOCK);
        assertFalse(account.maySignInAt(NOW));
        assertFalse(account.maySignInAt(NOW.plus(LOCK).minusSeconds(1)));
        assertTrue(account.maySignInAt(NOW.plus(LOCK)), "the lock lapses by itself");
    }

    @Test
    void aSuccessfulSignInClearsTheFailureCount() {
        StaffAccount account = counter();
        account.recordFailedSignIn(NOW, 3, LOCK);
        account.recordFailedSignIn(NOW, 3, LOCK);
        account.recordSignIn(NOW);
        account.recordFailedSignIn(NOW, 3, LOCK);
        assertTrue(account.maySignInAt(NOW));
        assertEquals(NOW, account.lastSignInAt());
    }

    @Test
    void unlockLiftsALockAtOnceAndDisablingStopsSignIn() {
        StaffAccount account = counter();
        for (int i = 0; i < 3; i++) {
            account.recordFailedSignIn(NOW, 3, LOCK);
        }
        account.unlock();
        assertTrue(account.maySignInAt(NOW));
        assertNull(account.lockedUntil());
        account.disable();
        assertFalse(account.maySignInAt(NOW));
        account.enable();
        assertTrue(account.maySignInAt(NOW));
    }

    @Test
    void aRoleComesWithExactlyTheScopeItNeeds() {
        assertRefused("officeIds", () -> new StaffAccount.Grant(Role.COUNTER_STAFF, Set.of(), null));
        assertRefused("officeIds", () -> new StaffAccount.Grant(Role.SUPERVISOR, null, null));
        assertRefused("agencyId", () -> new StaffAccount.Grant(Role.PARTNER, Set.of(), null));
        assertRefused("officeIds", () -> new StaffAccount.Grant(Role.PARTNER, Set.of(OFFICE), AGENCY));
        assertRefused("agencyId", () -> new StaffAccount.Grant(Role.COUNTER_STAFF, Set.of(OFFICE), AGENCY));
        assertRefused("officeIds", () -> new StaffAccount.Grant(Role.ADMIN, Set.of(OFFICE), null));
        assertRefused("role", () -> new StaffAccount.Grant(null, Set.of(), null));
        assertEquals(Role.PARTNER, new StaffAccount.Grant(Role.PARTNER, Set.of(), AGENCY).role());
    }

    @Test
    void usernamesAreLowerCaseAndPlain() {
        assertEquals("counter.tam", new StaffAccount("  Counter.TAM ", "Counter", "hash",
                new StaffAccount.Grant(Role.ADMIN, Set.of(), null)).username());
        assertRefused("username", () -> new StaffAccount("ab", "x", "hash",
                new StaffAccount.Grant(Role.ADMIN, Set.of(), null)));
        assertRefused("username", () -> new StaffAccount("robert'); drop", "x", "hash",
                new StaffAccount.Grant(Role.ADMIN, Set.of(), null)));
    }

    @Test
    void newPasswordsAreLongAndDoNotContainTheUsername() {
        assertRefused("password", () -> StaffAccount.checkNewPassword("short-pass1", "alice"));
        assertRefused("password", () -> StaffAccount.checkNewPassword(null, "alice"));
        assertRefused("password", () -> StaffAccount.checkNewPassword("my-name-is-alice-ok", "alice"));
        assertRefused("password", () -> StaffAccount.checkNewPassword("x".repeat(201), "alice"));
        StaffAccount.checkNewPassword("correct horse battery", "alice");
    }
}
