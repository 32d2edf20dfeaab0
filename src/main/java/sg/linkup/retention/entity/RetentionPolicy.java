package sg.linkup.retention.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long Linkup keeps what says who someone is, in days, and the rules that follow from it — plain values and
 * a clock, so tests state them with dates. 0 days keeps that kind of data for ever (that part of the sweep is off).
 *
 * @param clientInactiveDays a client with no session ending within this many days, none to come, no open waitlist
 *                           entry and registered at least this long ago is anonymised
 * @param smsDays            an outbox row unchanged for this many days loses its recipient and text
 * @param auditDays          an audit line older than this is deleted
 */
public record RetentionPolicy(int clientInactiveDays, int smsDays, int auditDays) {

    public RetentionPolicy {
        requireZeroOrMore("linkup.retention.client-inactive-days", clientInactiveDays);
        requireZeroOrMore("linkup.retention.sms-days", smsDays);
        requireZeroOrMore("linkup.retention.audit-days", auditDays);
    }

    private static void requireZeroOrMore(String key, int days) {
        if (days < 0) {
            throw new IllegalArgumentException(key + " must be 0 (keep for ever) or a number of days, not " + days);
        }
    }

    /** What the sweep knows about a client. {@code latestSessionEnd} is null for a client never booked. */
    public record ClientActivity(Instant registeredAt, Instant latestSessionEnd, boolean waiting) {
    }

    /** Clients registered and last seen at or before this are due; empty when anonymising is off. */
    public Optional<Instant> clientCutoff(Instant now) {
        return cutoff(now, clientInactiveDays);
    }

    /** Outbox rows last changed before this are due; empty when purging is off. */
    public Optional<Instant> messageCutoff(Instant now) {
        return cutoff(now, smsDays);
    }

    /** Audit lines written before this are due; empty when the trail is kept for ever. */
    public Optional<Instant> auditCutoff(Instant now) {
        return cutoff(now, auditDays);
    }

    private static Optional<Instant> cutoff(Instant now, int days) {
        return days == 0 ? Optional.empty() : Optional.of(now.minus(Duration.ofDays(days)));
    }

    /**
     * A client is anonymised when nothing ties them to the SSO any more: registered long enough ago (a new client
     * with no booking yet keeps their record for the whole period), no session — whatever became of it — ending
     * within the period (an upcoming one ends in the future), and no waitlist entry still waiting or offered.
     */
    public boolean clientDue(ClientActivity client, Instant now) {
        return clientCutoff(now).map(cutoff -> !client.registeredAt().isAfter(cutoff)
                && (client.latestSessionEnd() == null || !client.latestSessionEnd().isAfter(cutoff))
                && !client.waiting()).orElse(false);
    }

    /**
     * An outbox row loses its recipient and text once it has not changed for the period. A calendar invitation
     * keeps its address while its session ends after the cut-off: a change to a session booked far ahead must
     * still reach the calendars that have it. {@code sessionEnd} is null for a row about no booking.
     */
    public boolean messageDue(boolean invitation, Instant lastChanged, Instant sessionEnd, Instant now) {
        return messageCutoff(now).map(cutoff -> lastChanged.isBefore(cutoff)
                && !(invitation && sessionEnd != null && sessionEnd.isAfter(cutoff))).orElse(false);
    }
}
