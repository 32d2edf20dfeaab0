package sg.linkup.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import sg.linkup.directory.entity.Language;

class NotificationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T01:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    private static Notification reminderDueAt(Instant due) {
        return new Notification(NotificationKind.REMINDER, Notification.Channel.SMS, "+6591234567", Language.EN,
                5L, 42L, 0, due, NOW.minusSeconds(3600));
    }

    @Test
    void aMessageIsClaimableOnlyOnceItIsDue() {
        Notification later = reminderDueAt(NOW.plusSeconds(60));
        assertFalse(later.isClaimableAt(NOW));
        assertTrue(later.isClaimableAt(NOW.plusSeconds(60)));
    }

    @Test
    void aClaimHoldsTheMessageForItsLeaseAndCountsAnAttempt() {
        Notification n = reminderDueAt(NOW);
        n.claim("node-a", NOW, LEASE);
        assertEquals(Notification.Status.SENDING, n.status());
        assertEquals("node-a", n.claimedBy());
        assertEquals(1, n.attempts());
        assertFalse(n.isClaimableAt(NOW.plus(LEASE).minusSeconds(1)), "another node must wait for the lease");
        assertThrows(IllegalStateException.class, () -> n.claim("node-b", NOW.plusSeconds(1), LEASE));
    }

    @Test
    void aMessageWhoseNodeDiedIsClaimedAgainWhenTheLeaseRunsOut() {
        Notification n = reminderDueAt(NOW);
        n.claim("node-a", NOW, LEASE);
        assertTrue(n.isClaimableAt(NOW.plus(LEASE)));
        n.claim("node-b", NOW.plus(LEASE), LEASE);
        assertEquals("node-b", n.claimedBy());
        assertEquals(2, n.attempts());
    }

    @Test
    void aTextTakenOverFromANodeThatHadHandedItOverIsInDoubtSinceItWasDue() {
        Instant due = NOW.minusSeconds(30);
        Notification n = reminderDueAt(due);
        n.claim("node-a", NOW, LEASE);
        assertTrue(n.inDoubt().isEmpty(), "a first claim has nothing to doubt");
        n.handOver("Linkup: reminder");
        n.claim("node-b", NOW.plus(LEASE), LEASE);
        assertEquals(new Notification.PreviousAttempt("node-a", "Linkup: reminder", due), n.inDoubt().orElseThrow());
        assertEquals("Linkup: reminder", n.body(), "the text in doubt is kept until this attempt is decided");
    }

    @Test
    void aTakeOverBeforeAnyTextWasHandedOverIsNotInDoubt() {
        Notification n = reminderDueAt(NOW);
        n.claim("node-a", NOW, LEASE);
        n.claim("node-b", NOW.plus(LEASE), LEASE);
        assertTrue(n.inDoubt().isEmpty(), "the dead node died before rendering: nothing can have gone");
    }

    @Test
    void aRetryAfterATransientFailureIsNotInDoubt() {
        Notification n = reminderDueAt(NOW);
        n.claim("node-a", NOW, LEASE);
        n.handOver("Linkup: reminder");
        n.retryAt(NOW.plusSeconds(30), "TRANSIENT", NOW);
        n.claim("node-a", NOW.plusSeconds(30), LEASE);
        assertTrue(n.inDoubt().isEmpty(), "the provider answered; only a node that never did leaves doubt");
    }

    @Test
    void onlyAClaimedMessageIsHandedOver() {
        assertThrows(IllegalStateException.class, () -> reminderDueAt(NOW).handOver("Linkup: reminder"));
    }

    @Test
    void onlyAClaimedMessageCanBeMarkedFailedOrRetried() {
        Notification n = reminderDueAt(NOW);
        assertThrows(IllegalStateException.class, () -> n.fail("x", NOW));
        assertThrows(IllegalStateException.class, () -> n.retryAt(NOW, "x", NOW));
    }

    @Test
    void aTransientFailurePutsTheMessageBackForLater() {
        Notification n = reminderDueAt(NOW);
        n.claim("node-a", NOW, LEASE);
        n.retryAt(NOW.plusSeconds(30), "TRANSIENT (provider code 20429)", NOW);
        assertEquals(Notification.Status.PENDING, n.status());
        assertFalse(n.isClaimableAt(NOW.plusSeconds(29)));
        assertTrue(n.isClaimableAt(NOW.plusSeconds(30)));
        assertEquals("TRANSIENT (provider code 20429)", n.lastError());
    }

    @Test
    void skippingNeverUndoesAFailedMessage() {
        Notification failed = reminderDueAt(NOW);
        failed.claim("node-a", NOW, LEASE);
        failed.fail("INVALID_NUMBER (provider code 21211)", NOW);
        failed.skip("late", NOW);
        assertEquals(Notification.Status.FAILED, failed.status());
        assertFalse(failed.isClaimableAt(NOW.plus(Duration.ofDays(1))), "a failed message is never sent again");

        Notification pending = reminderDueAt(NOW);
        pending.skip("the booking was cancelled", NOW);
        assertEquals(Notification.Status.SKIPPED, pending.status());
        assertFalse(pending.isClaimableAt(NOW));
    }

    @Test
    void aLateSentReportDoesNotHideADeliveredOne() {
        Notification n = reminderDueAt(NOW);
        n.reported(Notification.Delivery.DELIVERED, null, NOW);
        n.reported(Notification.Delivery.SENT, null, NOW);
        assertEquals(Notification.Delivery.DELIVERED, n.delivery());
        n.reported(Notification.Delivery.UNDELIVERED, "30003", NOW);
        assertEquals(Notification.Delivery.UNDELIVERED, n.delivery(), "final states may follow one another");
        assertTrue(n.lastError().contains("30003"));
    }

    @Test
    void aKindGoesOnlyByItsOwnChannel() {
        assertThrows(IllegalArgumentException.class, () -> new Notification(NotificationKind.INVITE,
                Notification.Channel.SMS, "+6591234567", Language.EN, 1L, 1L, 0, NOW, NOW));
    }

    @Test
    void longErrorsAreClipped() {
        Notification n = reminderDueAt(NOW);
        n.claim("node-a", NOW, LEASE);
        n.fail("x".repeat(1000), NOW);
        assertEquals(Notification.ERROR_LENGTH, n.lastError().length());
    }

    @Test
    void onlyCancellationsSurviveALaterChangeOfTheBooking() {
        for (NotificationKind kind : NotificationKind.values()) {
            boolean cancellation = kind == NotificationKind.CANCELLED || kind == NotificationKind.INVITE_CANCEL;
            assertEquals(!cancellation, kind.staleAfterChange(), kind.name());
        }
    }
}
