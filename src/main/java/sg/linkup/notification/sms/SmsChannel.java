package sg.linkup.notification.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The configured {@link SmsSender} behind MicroProfile Fault Tolerance: a transient failure is retried at once
 * a couple of times with jitter (a blip should not cost a message its place in the queue), and a provider that
 * keeps failing opens the circuit so the dispatcher stops hammering it. Longer outages are the outbox's job:
 * the message is put back with an exponential back-off ({@code notification.control.OutboxWorker}). Permanent
 * failures pass straight through: they are never retried. All values can be tuned with MicroProfile Fault
 * Tolerance's own properties, e.g. {@code sg.linkup.notification.sms.SmsChannel/send/Retry/maxRetries}.
 */
@ApplicationScoped
public class SmsChannel {

    @Inject
    SmsSender sender;

    @Retry(maxRetries = 2, delay = 200, jitter = 150, retryOn = Retryable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.8, delay = 30_000, successThreshold = 2,
            failOn = Retryable.class)
    public SmsSender.Receipt send(SmsSender.Sms sms) {
        try {
            return sender.send(sms);
        } catch (SmsFailure failure) {
            if (failure.kind().mayRetry()) {
                throw new Retryable(failure);
            }
            throw failure;
        }
    }

    /**
     * {@link SmsSender#findSent}, without retries: a lookup that fails leaves the message in doubt, and its lease
     * brings it back for another lookup later (the outbox's back-off, not a burst of list calls).
     */
    public Optional<String> findSent(String to, String body, Instant since) {
        return sender.findSent(to, body, since);
    }

    /** A transient failure, as Fault Tolerance's {@code retryOn} needs it: a type of its own. */
    public static class Retryable extends RuntimeException {

        public Retryable(SmsFailure cause) {
            super(cause.getMessage(), cause);
        }

        public SmsFailure failure() {
            return (SmsFailure) getCause();
        }
    }
}
