package sg.linkup.retention.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sg.linkup.retention.entity.RetentionPolicy.ClientActivity;

/** Which client, message and audit line is due, given the periods and a clock. */
class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final RetentionPolicy POLICY = new RetentionPolicy(730, 90, 2557);

    private static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static boolean due(Instant registered, Instant lastSessionEnd, boolean waiting) {
        return POLICY.clientDue(new ClientActivity(registered, lastSessionEnd, waiting), NOW);
    }

    @Test
    void aClientWhoseLastSessionEndedLongerAgoThanThePeriodIsAnonymised() {
        assertTrue(due(daysAgo(2000), daysAgo(731), false));
        assertTrue(due(daysAgo(2000), daysAgo(730), false), "exactly the period is enough");
    }

    @Test
    void aSessionWithinThePeriodKeepsTheClient() {
        assertFalse(due(daysAgo(2000), daysAgo(729), false));
        assertFalse(due(daysAgo(2000), daysAgo(1), false));
    }

    @Test
    void anUpcomingSessionKeepsTheClient() {
        assertFalse(due(daysAgo(2000), NOW.plus(Duration.ofDays(30)), false));
    }

    @Test
    void anOpenWaitlistEntryKeepsTheClient() {
        assertFalse(due(daysAgo(2000), daysAgo(1000), true));
        assertFalse(due(daysAgo(2000), null, true));
    }

    @Test
    void aClientNeverBookedIsAnonymisedOnlyThePeriodAfterRegistering() {
        assertFalse(due(daysAgo(10), null, false), "registered recently, no booking yet");
        assertFalse(due(daysAgo(729), null, false));
        assertTrue(due(daysAgo(730), null, false));
    }

    @Test
    void aRecentRegistrationKeepsEvenAClientWithOldSessions() {
        // Sessions before registration happen only in imported data; the registration still counts as contact.
        assertFalse(due(daysAgo(100), daysAgo(1000), false));
    }

    @Test
    void zeroDaysKeepsThatKindOfDataForEver() {
        RetentionPolicy keep = new RetentionPolicy(0, 0, 0);
        assertEquals(Optional.empty(), keep.clientCutoff(NOW));
        assertEquals(Optional.empty(), keep.messageCutoff(NOW));
        assertEquals(Optional.empty(), keep.auditCutoff(NOW));
        assertFalse(keep.clientDue(new ClientActivity(daysAgo(100_000), null, false), NOW));
        assertFalse(keep.messageDue(false, daysAgo(100_000), null, NOW));
    }

    @Test
    void aNegativePeriodIsRefusedNamingItsKey() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new RetentionPolicy(730, -1, 2557));
        assertTrue(refused.getMessage().contains("linkup.retention.sms-days"), refused.getMessage());
    }

    @Test
    void aTextLosesRecipientAndWordsOnceUnchangedForThePeriod() {
        assertTrue(POLICY.messageDue(false, daysAgo(91), null, NOW));
        assertFalse(POLICY.messageDue(false, daysAgo(89), null, NOW));
        assertTrue(POLICY.messageDue(false, daysAgo(91), NOW.plus(Duration.ofDays(200)), NOW),
                "a text's recipient is not needed again, however far ahead its session");
    }

    @Test
    void anInvitationKeepsItsAddressWhileItsSessionMayStillChange() {
        assertFalse(POLICY.messageDue(true, daysAgo(91), NOW.plus(Duration.ofDays(200)), NOW),
                "a session booked far ahead may still be moved or cancelled: its calendars must hear of it");
        assertFalse(POLICY.messageDue(true, daysAgo(120), daysAgo(60), NOW));
        assertTrue(POLICY.messageDue(true, daysAgo(120), daysAgo(91), NOW));
        assertTrue(POLICY.messageDue(true, daysAgo(120), null, NOW), "an invitation about no booking");
    }

    @Test
    void theAuditTrailIsKeptForItsOwnPeriod() {
        assertEquals(Optional.of(daysAgo(2557)), POLICY.auditCutoff(NOW));
        assertEquals(Optional.of(daysAgo(90)), POLICY.messageCutoff(NOW));
        assertEquals(Optional.of(daysAgo(730)), POLICY.clientCutoff(NOW));
    }
}
