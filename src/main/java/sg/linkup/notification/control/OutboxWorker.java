package sg.linkup.notification.control;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import sg.linkup.client.entity.Client;
import sg.linkup.notification.calendar.InviteMail;
import sg.linkup.notification.calendar.MailFailure;
import sg.linkup.notification.sms.SmsChannel;
import sg.linkup.notification.sms.SmsFailure;
import sg.linkup.notification.sms.SmsSender;

/**
 * One node's worker on the outbox: it sends the texts and mails that are due. A single ticker thread claims due
 * rows in batches (SKIP LOCKED, with a lease) and hands them to a bounded pool of sender threads; each outcome is
 * committed by the thread that sent it, right after the provider answered. {@link Dispatcher} runs one per node; tests and benchmarks run several on one
 * database to prove that nodes never send the same row.
 *
 * <p>A node that dies between the provider's acceptance and the outcome's commit leaves its rows {@code SENDING}
 * with a lease that runs out. Providers take no idempotency key for outgoing messages (Twilio's Messages API has
 * none), so the node that takes such a row over first asks the provider whether it already has the text
 * ({@link SmsChannel#findSent}, one list call, only for rows taken over): if it does, its id is recorded instead of
 * sending again.
 */
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

    /** How a node sends: batch size, sender threads, lease, back-off, and the status callback URL (or null). */
    public record Settings(int batch, int concurrency, Duration lease, BackOff backOff, String statusCallback) {
    }

    private final String node;
    private final Messages messages;
    private final Outbox outbox;
    private final SmsChannel sms;
    private final InviteMail mail;
    private final Settings settings;
    private final Semaphore room;
    private ExecutorService senders;
    private ScheduledExecutorService ticker;
    private volatile boolean running;

    /**
     * Texts go through {@link SmsChannel}, not a bare {@link SmsSender}: the worker answers what its Fault
     * Tolerance throws (a transient failure that outlived the quick retries, an open circuit) with the outbox's
     * slower back-off.
     */
    public OutboxWorker(String node, Messages messages, Outbox outbox, SmsChannel sms, InviteMail mail,
                        Settings settings) {
        this.node = node;
        this.messages = messages;
        this.outbox = outbox;
        this.sms = sms;
        this.mail = mail;
        this.settings = settings;
        // Claimed rows wait for a sender at most one batch long, so their lease is not spent in a queue.
        this.room = new Semaphore(settings.concurrency() + settings.batch());
    }

    /** Starts the sender pool on {@code threads}, and a ticker draining every {@code every} if it is positive. */
    public void start(ThreadFactory threads, Duration every) {
        senders = Executors.newFixedThreadPool(settings.concurrency(), threads);
        running = true;
        if (!every.isZero() && !every.isNegative()) {
            ticker = Executors.newSingleThreadScheduledExecutor(threads);
            ticker.scheduleWithFixedDelay(this::drain, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Claims and hands out batches until nothing is due; returns once the last batch is handed out (its sends
     * may still be in flight: {@link #awaitIdle} waits for them).
     */
    public void drain() {
        try {
            while (running) {
                room.acquire(settings.batch());
                Messages.Batch claimed;
                try {
                    claimed = messages.claim(node, settings.batch(), settings.lease(),
                            settings.backOff().maxAttempts());
                } catch (RuntimeException e) {
                    room.release(settings.batch());
                    throw e;
                }
                room.release(settings.batch() - claimed.outgoing().size());
                for (Messages.Outgoing outgoing : claimed.outgoing()) {
                    try {
                        senders.execute(() -> {
                            try {
                                deliver(outgoing);
                            } finally {
                                room.release();
                            }
                        });
                    } catch (RejectedExecutionException stopping) {
                        room.release();  // stopped meanwhile: the lease brings the message back
                    }
                }
                if (claimed.claimed() < settings.batch()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The next tick tries again; a failed claim must not end the schedule.
            LOG.log(Level.WARNING, "Notification dispatch failed: " + e);
        }
    }

    /** Waits until no send is in flight. */
    public void awaitIdle() throws InterruptedException {
        int all = settings.concurrency() + settings.batch();
        room.acquire(all);
        room.release(all);
    }

    void deliver(Messages.Outgoing outgoing) {
        try {
            if (outgoing instanceof Messages.Text text) {
                send(text);
            } else if (outgoing instanceof Messages.Mail invite) {
                send(invite);
            }
        } catch (RuntimeException e) {
            // Not the provider's answer but our own fault (a mail that cannot be composed, the database): counted
            // as an attempt and tried again later, so it fails for good after max-attempts. If even that cannot
            // be recorded, the lease brings the message back.
            LOG.log(Level.WARNING, "Notification " + outgoing.id() + " was not sent: " + e.getClass().getName(), e);
            try {
                retry(outgoing.id(), "internal error: " + e.getClass().getSimpleName());
            } catch (RuntimeException unrecorded) {
                LOG.log(Level.WARNING, "Could not record the outcome of notification " + outgoing.id(), unrecorded);
            }
        }
    }

    private void send(Messages.Text text) {
        try {
            if (text.inDoubt() != null && alreadySent(text)) {
                return;
            }
            SmsSender.Receipt receipt = sms.send(new SmsSender.Sms(text.to(), text.body(),
                    settings.statusCallback()));
            outbox.sent(text.id(), node, receipt.providerId(), text.body());
        } catch (SmsChannel.Retryable e) {
            retry(text.id(), describe(e.failure()));
        } catch (CircuitBreakerOpenException e) {
            retry(text.id(), "provider circuit open after repeated failures");
        } catch (SmsFailure failure) {
            if (failure.kind().mayRetry()) {
                retry(text.id(), describe(failure));
                return;
            }
            outbox.failed(text.id(), node, describe(failure), switch (failure.kind()) {
                case INVALID_NUMBER -> Client.SmsProblem.INVALID_NUMBER;
                case UNSUBSCRIBED -> Client.SmsProblem.UNSUBSCRIBED;
                default -> null;
            });
        }
    }

    /**
     * Whether the earlier attempt of a row taken over went after all; if so its id is now recorded. When the
     * provider cannot say, nothing is sent or recorded: the row stays in doubt and its lease brings it back for
     * another lookup (each counted as an attempt, up to max-attempts), rather than risk a second text.
     */
    private boolean alreadySent(Messages.Text text) {
        var attempt = text.inDoubt();
        Optional<String> found;
        try {
            found = sms.findSent(text.to(), attempt.body(), attempt.since());
        } catch (SmsFailure e) {
            LOG.warning(() -> "Notification " + text.id() + " (taken over from " + attempt.node()
                    + ") stays in doubt: the provider could not be asked, " + describe(e));
            return true;
        }
        if (found.isEmpty()) {
            LOG.info(() -> "Notification " + text.id() + " (taken over from " + attempt.node()
                    + ") did not reach the provider: sending it now");
            return false;
        }
        if (outbox.foundSent(text.id(), node, found.get(), attempt.body())) {
            LOG.info(() -> "Notification " + text.id() + " (taken over from " + attempt.node()
                    + ") had been sent as " + found.get() + ": recorded, not sent again");
            return true;
        }
        return false;
    }

    private void send(Messages.Mail invite) {
        try {
            mail.send(invite.message());
            outbox.sent(invite.id(), node, null, invite.message().subject());
        } catch (MailFailure failure) {
            if (failure.mayRetry()) {
                retry(invite.id(), "mail: " + failure.getMessage());
            } else {
                outbox.failed(invite.id(), node, "mail refused: " + failure.getMessage(), null);
            }
        }
    }

    private void retry(long id, String error) {
        outbox.retryLater(id, node, error, settings.backOff(), ThreadLocalRandom.current().nextDouble());
    }

    private static String describe(SmsFailure failure) {
        return failure.kind() + (failure.code() == null ? "" : " (provider code " + failure.code() + ")");
    }

    /**
     * Stops claiming; sends in flight get a few seconds, then are interrupted: nothing of this node may run on
     * after the application is gone. What is left is claimed again, by any node, when its lease ends.
     */
    public void stop() {
        running = false;
        try {
            if (ticker != null) {
                ticker.shutdownNow();
                ticker.awaitTermination(10, TimeUnit.SECONDS);
            }
            if (senders != null) {
                senders.shutdown();
                if (!senders.awaitTermination(10, TimeUnit.SECONDS)) {
                    senders.shutdownNow();
                    senders.awaitTermination(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (senders != null) {
                senders.shutdownNow();
            }
        }
    }

    public String node() {
        return node;
    }
}
