package sg.linkup.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbox gauges read the database at most once per few seconds, however often /metrics is scraped. */
class NotificationMetricsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");

    private final List<Instant> reads = new ArrayList<>();
    private Instant now = T0;

    @Test
    void scrapesWithinTheFreshTimeShareOneReading() {
        NotificationMetrics metrics = metrics();

        var first = metrics.backlog();
        now = T0.plus(NotificationMetrics.FRESH).minusMillis(1);
        var again = metrics.backlog();

        assertSame(first, again);
        assertEquals(List.of(T0), reads);
    }

    @Test
    void anOlderReadingIsReadAgain() {
        NotificationMetrics metrics = metrics();

        metrics.backlog();
        now = T0.plus(NotificationMetrics.FRESH);
        var later = metrics.backlog();

        assertEquals(List.of(T0, now), reads);
        assertEquals(now, later.readAt());
    }

    @Test
    void aClockThatWentBackIsNoReasonToTrustTheOldReading() {
        NotificationMetrics metrics = metrics();

        metrics.backlog();
        now = T0.minusSeconds(1);
        metrics.backlog();

        assertEquals(2, reads.size(), reads::toString);
    }

    @Test
    void aDatabaseThatDoesNotAnswerReadsAsUnknownNotAsEmpty() {
        var unknown = NotificationMetrics.Backlog.unknownAt(T0);

        assertTrue(Double.isNaN(unknown.due()) && Double.isNaN(unknown.sending())
                && Double.isNaN(unknown.oldestDueAgeSeconds()), unknown::toString);
    }

    private NotificationMetrics metrics() {
        NotificationMetrics metrics = new NotificationMetrics() {
            @Override
            Backlog read(Instant at) {
                reads.add(at);
                return new Backlog(at, 3, 1, 42);
            }
        };
        metrics.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return metrics;
    }
}
