package sg.linkup.notification.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import sg.linkup.notification.entity.Notification.Channel;
import sg.linkup.platform.Sweeps;

/**
 * The outbox as an operator watches it, in /metrics. Per node: every attempt's outcome with the provider's error
 * code ({@code linkup_notification_sends_total{channel, outcome, error}}) and the dispatcher's passes (the
 * {@code outbox} sweep). For the whole system, read from the database: how many messages are due and not sent
 * ({@code linkup_outbox_depth{state}}) and how long the oldest has waited past its time
 * ({@code linkup_outbox_oldest_due_age_seconds}) — every node reports the same figures (take the max, not the
 * sum), read at most once per {@link #FRESH} per node, so scrapes every 15 s cost two index range reads.
 */
@ApplicationScoped
public class NotificationMetrics implements OutboxWorker.Counts {

    private static final Logger LOG = Logger.getLogger(NotificationMetrics.class.getName());
    /** How long one reading of the backlog answers the gauges. */
    static final Duration FRESH = Duration.ofSeconds(5);
    static final Metadata SENDS = Metadata.builder().withName("linkup.notification.sends")
            .withDescription("Attempts to send a message by this node, by channel (sms, email), outcome (sent, "
                    + "found_sent, retry, failed, in_doubt) and error (the provider's error code, or a word; none "
                    + "for a success)").build();
    static final Metadata DEPTH = Metadata.builder().withName("linkup.outbox.depth")
            .withDescription("Messages in the outbox, all nodes together: due and waiting to be claimed (state=due), "
                    + "or claimed and being sent (state=sending); NaN when the database does not answer").build();
    static final Metadata OLDEST = Metadata.builder().withName("linkup.outbox.oldest.due.age")
            .withUnit(MetricUnits.SECONDS)
            .withDescription("How long the oldest due message has waited past its time, all nodes together; 0 when "
                    + "nothing is due").build();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MetricRegistry registry;

    @Inject
    Sweeps sweeps;

    private Sweeps.Sweep dispatches;
    private Backlog last;

    /**
     * Creates this bean when the application starts, and with it the series: a rate() then sees the first send,
     * and an empty outbox reads 0. (A node's dispatcher may tick before this event: it creates the bean first.)
     */
    void countFromTheStart(@Observes Startup start) {
        // Being called is the point: the container created this bean, and registered its metrics, to call it.
    }

    @PostConstruct
    void register() {
        dispatches = sweeps.named("outbox");
        for (Channel channel : Channel.values()) {
            registry.counter(SENDS, tags(channel, OutboxWorker.Outcome.SENT, OutboxWorker.NO_ERROR));
        }
        registry.gauge(DEPTH, this, metrics -> metrics.backlog().due(), new Tag("state", "due"));
        registry.gauge(DEPTH, this, metrics -> metrics.backlog().sending(), new Tag("state", "sending"));
        registry.gauge(OLDEST, this, metrics -> metrics.backlog().oldestDueAgeSeconds());
    }

    @Override
    public void outcome(Channel channel, OutboxWorker.Outcome outcome, String error) {
        registry.counter(SENDS, tags(channel, outcome, error)).inc();
    }

    @Override
    public void drained(int claimed) {
        dispatches.done(claimed);
    }

    @Override
    public void drainFailed() {
        dispatches.failed();
    }

    private static Tag[] tags(Channel channel, OutboxWorker.Outcome outcome, String error) {
        return new Tag[] {new Tag("channel", channel.name().toLowerCase(Locale.ROOT)),
                new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT)), new Tag("error", error)};
    }

    /** The last reading while it is fresh, else a new one; a database that does not answer reads as unknown. */
    synchronized Backlog backlog() {
        Instant now = clock.instant();
        if (last == null || !last.freshAt(now)) {
            last = read(now);
        }
        return last;
    }

    /**
     * One statement, two range reads of ix_notification_due (status, due_at), index only: the due rows up to now,
     * and the rows being sent. Its cost grows with the backlog, not with the table.
     */
    Backlog read(Instant now) {
        try {
            Object[] row = (Object[]) em.createNativeQuery("""
                            SELECT COUNT(*), TIMESTAMPDIFF(SECOND, MIN(due_at), ?),
                              (SELECT COUNT(*) FROM notification FORCE INDEX (ix_notification_due)
                               WHERE status = 'SENDING')
                            FROM notification FORCE INDEX (ix_notification_due)
                            WHERE status = 'PENDING' AND due_at <= ?""")
                    .setParameter(1, Timestamp.from(now))
                    .setParameter(2, Timestamp.from(now))
                    .getSingleResult();
            return new Backlog(now, number(row[0]), number(row[2]),
                    row[1] == null ? 0 : Math.max(0, number(row[1])));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Outbox backlog not read for /metrics", e);
            return Backlog.unknownAt(now);
        }
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /** One reading of the outbox's backlog: NaN where the database did not answer. */
    record Backlog(Instant readAt, double due, double sending, double oldestDueAgeSeconds) {

        static Backlog unknownAt(Instant now) {
            return new Backlog(now, Double.NaN, Double.NaN, Double.NaN);
        }

        boolean freshAt(Instant now) {
            return now.isBefore(readAt.plus(FRESH)) && !now.isBefore(readAt);
        }
    }
}
