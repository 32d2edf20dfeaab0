package sg.linkup.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CalendarFeedTest {

    private static final Instant NOW = Instant.parse("2026-12-01T01:00:00Z");

    @Test
    void aTokenHas256RandomBitsAndOnlyItsHashIsKept() {
        CalendarFeed.Issued a = CalendarFeed.issue(11, "partner.wsg", NOW);
        CalendarFeed.Issued b = CalendarFeed.issue(11, "partner.wsg", NOW);
        assertEquals(32, Base64.getUrlDecoder().decode(a.token()).length);
        assertNotEquals(a.token(), b.token());
        assertTrue(a.token().matches("[A-Za-z0-9_-]{43}"), "safe in a URL path: " + a.token());
        assertEquals(64, CalendarFeed.hash(a.token()).length());
        assertNotEquals(a.token(), CalendarFeed.hash(a.token()));
    }

    @Test
    void aRevokedFeedStaysRevoked() {
        CalendarFeed feed = CalendarFeed.issue(11, "admin", NOW).feed();
        assertTrue(feed.isActive());
        feed.revoke(NOW.plusSeconds(5));
        feed.revoke(NOW.plusSeconds(60));
        assertFalse(feed.isActive());
        assertEquals(NOW.plusSeconds(5), feed.revokedAt());
    }
}
