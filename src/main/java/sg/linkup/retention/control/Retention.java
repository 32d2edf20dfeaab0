package sg.linkup.retention.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.audit.control.AuditTrail;
import sg.linkup.audit.entity.AuditEvent.Actor;
import sg.linkup.booking.control.Bookings;
import sg.linkup.booking.control.Waitlist;
import sg.linkup.client.control.Clients;
import sg.linkup.client.entity.Client;
import sg.linkup.notification.control.Outbox;
import sg.linkup.notification.entity.Notification;
import sg.linkup.retention.entity.RetentionPolicy;
import sg.linkup.retention.entity.RetentionPolicy.ClientActivity;

/**
 * One retention sweep: anonymises inactive clients, purges old outbox rows, deletes old audit lines. Each part works
 * in transactions of at most {@code linkup.retention.batch} rows and claims its rows with {@code FOR UPDATE SKIP
 * LOCKED} after a plain read has found them, so any number of nodes may sweep at once: each row is done by one of
 * them, and nobody waits. The rows themselves are read and changed by the features that own them.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());
    static final Actor SYSTEM = new Actor("system", null, "retention");

    @Inject
    Clock clock;

    @Inject
    Clients clients;

    @Inject
    Bookings bookings;

    @Inject
    Waitlist waitlist;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    /** Its own proxy, so that each batch gets a transaction of its own. */
    @Inject
    Retention self;

    @Inject
    @ConfigProperty(name = "linkup.retention.client-inactive-days", defaultValue = "730")
    int clientInactiveDays;

    @Inject
    @ConfigProperty(name = "linkup.retention.sms-days", defaultValue = "90")
    int smsDays;

    @Inject
    @ConfigProperty(name = "linkup.retention.audit-days", defaultValue = "2557")
    int auditDays;

    /** Rows per transaction: short row locks, and a failure loses little. */
    @Inject
    @ConfigProperty(name = "linkup.retention.batch", defaultValue = "200")
    int batch;

    /**
     * What one sweep did on this node: clients anonymised, outbox rows purged for their age (an anonymised client's
     * rows go with them and are counted in their audit line), audit lines deleted.
     */
    public record Swept(int clientsAnonymised, int messagesPurged, int auditEventsDeleted) {
    }

    /** The configured periods; an impossible one (negative) is refused with its key. */
    public RetentionPolicy policy() {
        if (batch < 1 || batch > 1000) {
            throw new IllegalArgumentException("linkup.retention.batch must be between 1 and 1000, not " + batch);
        }
        return new RetentionPolicy(clientInactiveDays, smsDays, auditDays);
    }

    /** Every part, now. */
    public Swept sweep() {
        return new Swept(anonymiseInactiveClients(), purgeOldMessages(), deleteOldAuditEvents());
    }

    // --- clients ---

    /**
     * One batch of clients: how many were read, up to which id, what was done. Public, as are the batch methods'
     * other types: with a package-private type in its signature Weld called the method past its interceptors, and
     * the batch ran without its transaction.
     */
    public record ClientPage(int read, long lastId, int anonymised, int messagesPurged) {
    }

    /** Walks every client not anonymised yet, by id, a batch per transaction. */
    public int anonymiseInactiveClients() {
        Instant now = clock.instant();
        RetentionPolicy policy = policy();
        if (policy.clientCutoff(now).isEmpty()) {
            return 0;
        }
        int anonymised = 0;
        int purged = 0;
        long after = 0;
        ClientPage page;
        do {
            page = self.anonymiseNext(policy, now, after);
            anonymised += page.anonymised();
            purged += page.messagesPurged();
            after = page.lastId();
        } while (page.read() == batch);
        if (anonymised > 0) {
            int clientsDone = anonymised;
            int messagesDone = purged;
            LOG.info(() -> "Retention: " + clientsDone + " inactive clients anonymised (" + messagesDone
                    + " of their messages purged)");
        }
        return anonymised;
    }

    /**
     * The next batch of clients after {@code after}: found by a plain read, claimed only if due, and asked again
     * under their locks — a booking or waitlist entry committed in between keeps the client. A booking in flight
     * holds the client's row (the occupancy ledger locks it), so the claim skips that client; one that starts after
     * the claim waits for this transaction and is then refused by the ledger.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ClientPage anonymiseNext(RetentionPolicy policy, Instant now, long after) {
        List<Clients.Registered> read = clients.notAnonymisedRegisteredBy(policy.clientCutoff(now).orElseThrow(),
                after, batch);
        if (read.isEmpty()) {
            return new ClientPage(0, after, 0, 0);
        }
        long lastId = read.get(read.size() - 1).id();
        Set<Long> due = due(policy, now, read);
        if (due.isEmpty()) {
            return new ClientPage(read.size(), lastId, 0, 0);
        }
        List<Client> claimed = clients.claimForAnonymising(due);
        Set<Long> stillDue = due(policy, now, claimed.stream()
                .map(c -> new Clients.Registered(c.id(), c.registeredAt())).toList());
        int anonymised = 0;
        int purged = 0;
        for (Client client : claimed) {
            if (stillDue.contains(client.id())) {
                purged += anonymise(client, now);
                anonymised++;
            }
        }
        return new ClientPage(read.size(), lastId, anonymised, purged);
    }

    private Set<Long> due(RetentionPolicy policy, Instant now, List<Clients.Registered> read) {
        List<Long> ids = read.stream().map(Clients.Registered::id).toList();
        Map<Long, Instant> lastEnds = bookings.latestSessionEnds(ids);
        Set<Long> waiting = waitlist.waiting(ids);
        Set<Long> due = new HashSet<>();
        for (Clients.Registered client : read) {
            if (policy.clientDue(new ClientActivity(client.registeredAt(), lastEnds.get(client.id()),
                    waiting.contains(client.id())), now)) {
                due.add(client.id());
            }
        }
        return due;
    }

    /** Returns how many of the client's messages were purged with them. */
    private int anonymise(Client client, Instant now) {
        int notes = bookings.forgetNotesOf(client.id());
        int messages = outbox.purge(outbox.unpurgedOf(client.id()), now);
        client.anonymise(now);
        // Nothing personal in the line: the id, the rule, and what went with it.
        audit.record(SYSTEM, "CLIENT_ANONYMISED", "Client", client.id(), "no session for " + clientInactiveDays
                + " days; notes of " + notes + " bookings and " + messages + " messages removed");
        return messages;
    }

    // --- the outbox ---

    /** One batch of outbox rows: how many were read, the cursor after them, how many were purged. */
    public record MessagePage(int read, Instant lastChanged, long lastId, int purged) {
    }

    /** Walks the rows not purged yet from the oldest change on, a batch per transaction. */
    public int purgeOldMessages() {
        Instant now = clock.instant();
        RetentionPolicy policy = policy();
        if (policy.messageCutoff(now).isEmpty()) {
            return 0;
        }
        int purged = 0;
        Instant at = Instant.EPOCH;
        long after = 0;
        MessagePage page;
        do {
            page = self.purgeNext(policy, now, at, after);
            purged += page.purged();
            at = page.lastChanged();
            after = page.lastId();
        } while (page.read() == batch);
        if (purged > 0) {
            int done = purged;
            LOG.info(() -> "Retention: recipients and texts of " + done + " messages purged");
        }
        return purged;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public MessagePage purgeNext(RetentionPolicy policy, Instant now, Instant at, long after) {
        List<Outbox.Unpurged> read = outbox.unpurgedChangedBefore(policy.messageCutoff(now).orElseThrow(), at, after,
                batch);
        if (read.isEmpty()) {
            return new MessagePage(0, at, after, 0);
        }
        Map<Long, Instant> sessionEnds = bookings.sessionEnds(read.stream()
                .filter(n -> n.channel() == Notification.Channel.EMAIL && n.bookingId() != null)
                .map(Outbox.Unpurged::bookingId).distinct().toList());
        List<Long> due = new ArrayList<>();
        for (Outbox.Unpurged n : read) {
            boolean invitation = n.channel() == Notification.Channel.EMAIL;
            Instant sessionEnd = n.bookingId() == null ? null : sessionEnds.get(n.bookingId());
            if (policy.messageDue(invitation, n.updatedAt(), sessionEnd, now)) {
                due.add(n.id());
            }
        }
        Outbox.Unpurged last = read.get(read.size() - 1);
        return new MessagePage(read.size(), last.updatedAt(), last.id(), outbox.purge(due, now));
    }

    // --- the audit trail ---

    /** Deletes the oldest lines a batch per transaction, then says so in the trail itself. */
    public int deleteOldAuditEvents() {
        Instant now = clock.instant();
        Optional<Instant> cutoff = policy().auditCutoff(now);
        if (cutoff.isEmpty()) {
            return 0;
        }
        int deleted = 0;
        int page;
        do {
            page = self.deleteAuditNext(cutoff.get());
            deleted += page;
        } while (page == batch);
        if (deleted > 0) {
            self.recordAuditDeleted(deleted, cutoff.get());
            int done = deleted;
            LOG.info(() -> "Retention: " + done + " audit lines older than " + auditDays + " days deleted");
        }
        return deleted;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteAuditNext(Instant cutoff) {
        return audit.deleteWrittenBefore(cutoff, batch);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAuditDeleted(int deleted, Instant cutoff) {
        audit.record(SYSTEM, "AUDIT_EXPIRED", null, null, deleted + " lines written before " + cutoff
                + " deleted (" + auditDays + " days)");
    }
}
