package sg.linkup.notification.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import sg.linkup.client.entity.Client;
import sg.linkup.notification.entity.Notification;
import sg.linkup.notification.sms.SmsChannel;
import sg.linkup.notification.sms.SmsFailure;
import sg.linkup.notification.sms.SmsSender;

/** What a node does with a text it took over from a node that died: ask first, then record or send. */
class OutboxWorkerTest {

    private static final String TO = "+6591234567";
    private static final String TEXT = "Linkup: your session at SSO@Tampines, Tue 3 Dec 10:30.";
    private static final Instant DUE = Instant.parse("2026-12-01T01:00:00Z");
    private static final Notification.PreviousAttempt DEAD_NODES =
            new Notification.PreviousAttempt("node-killed", TEXT, DUE);

    /** What the worker told the outbox and the provider, in order. */
    private final List<String> calls = new ArrayList<>();
    /** What the worker counted for /metrics, in order. */
    private final List<String> counted = new ArrayList<>();

    @Test
    void aTextTheProviderAlreadyHasIsRecordedAndNotSentAgain() {
        worker(provider(Optional.of("SMfound"), null), true).deliver(new Messages.Text(7, TO, TEXT, DEAD_NODES));
        assertEquals(List.of("findSent " + TO + " since " + DUE, "foundSent 7 SMfound"), calls);
    }

    @Test
    void aTextTheProviderDoesNotHaveIsSentOnce() {
        worker(provider(Optional.empty(), null), true).deliver(new Messages.Text(7, TO, TEXT, DEAD_NODES));
        assertEquals(List.of("findSent " + TO + " since " + DUE, "send", "sent 7 SMnew"), calls);
    }

    @Test
    void aFoundIdThatIsAnotherRowsIsNotThisTextSoItIsSent() {
        worker(provider(Optional.of("SMother"), null), false).deliver(new Messages.Text(7, TO, TEXT, DEAD_NODES));
        assertEquals(List.of("findSent " + TO + " since " + DUE, "foundSent 7 SMother", "send", "sent 7 SMnew"),
                calls);
    }

    @Test
    void whenTheProviderCannotSayNothingIsSentAndTheRowStaysInDoubt() {
        SmsFailure down = new SmsFailure(SmsFailure.Kind.TRANSIENT, "20503", "Twilio answered 503", null);
        worker(provider(Optional.empty(), down), true).deliver(new Messages.Text(7, TO, TEXT, DEAD_NODES));
        assertEquals(List.of("findSent " + TO + " since " + DUE), calls, "no send, no outcome: the lease brings it back");
    }

    @Test
    void theNormalPathNeverAsks() {
        worker(provider(Optional.of("SMfound"), null), true).deliver(new Messages.Text(7, TO, TEXT, null));
        assertEquals(List.of("send", "sent 7 SMnew"), calls);
    }

    @Test
    void eachTextsOutcomeIsCountedWithTheProvidersErrorCode() {
        worker(provider(Optional.empty(), null), true).deliver(new Messages.Text(7, TO, TEXT, null));
        worker(refusing(new SmsFailure(SmsFailure.Kind.INVALID_NUMBER, "21211", "not a mobile", null)), true)
                .deliver(new Messages.Text(8, TO, TEXT, null));
        worker(refusing(new SmsFailure(SmsFailure.Kind.TRANSIENT, null, "unreachable", null)), true)
                .deliver(new Messages.Text(9, TO, TEXT, null));
        worker(refusing(new SmsChannel.Retryable(new SmsFailure(SmsFailure.Kind.TRANSIENT, "20429", "busy", null))),
                true).deliver(new Messages.Text(10, TO, TEXT, null));

        assertEquals(List.of("SMS SENT none", "SMS FAILED 21211", "SMS RETRY transient", "SMS RETRY 20429"), counted);
        assertEquals(List.of("send", "sent 7 SMnew", "failed 8", "retryLater 9", "retryLater 10"), calls);
    }

    @Test
    void aTakenOverTextIsCountedAsFoundOrInDoubtNotAsSent() {
        worker(provider(Optional.of("SMfound"), null), true).deliver(new Messages.Text(7, TO, TEXT, DEAD_NODES));
        SmsFailure down = new SmsFailure(SmsFailure.Kind.TRANSIENT, "20503", "Twilio answered 503", null);
        worker(provider(Optional.empty(), down), true).deliver(new Messages.Text(8, TO, TEXT, DEAD_NODES));

        assertEquals(List.of("SMS FOUND_SENT none", "SMS IN_DOUBT 20503"), counted);
    }

    @Test
    void aPassOverTheOutboxIsCountedWithWhatItClaimedAndAFailedOneAsFailed() {
        Deque<Object> claims = new ArrayDeque<>(List.of(new Messages.Batch(1, List.of()),
                new Messages.Batch(0, List.of()), new IllegalStateException("the database is gone")));
        Messages messages = new Messages() {
            @Override
            public Batch claim(String node, int most, Duration lease, int maxAttempts) {
                Object next = claims.removeFirst();
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                return (Batch) next;
            }
        };
        OutboxWorker worker = worker(messages, provider(Optional.empty(), null), true);
        worker.start(Executors.defaultThreadFactory(), Duration.ZERO);
        try {
            worker.drain();  // a full batch of 1, then an empty one: one pass
            worker.drain();
        } finally {
            worker.stop();
        }

        assertEquals(List.of("drained 1", "drain failed"), counted);
    }

    @Test
    void aPassWhoseCountingFailsStillReturnsSoTheScheduleGoesOn() {
        Messages messages = new Messages() {
            @Override
            public Batch claim(String node, int most, Duration lease, int maxAttempts) {
                return new Batch(0, List.of());
            }
        };
        OutboxWorker worker = new OutboxWorker("node-b", messages, null, null, null, new OutboxWorker.Settings(1, 1,
                Duration.ofMinutes(2), new BackOff(Duration.ofSeconds(30), Duration.ofHours(1), 8), null),
                new OutboxWorker.Counts() {
                    @Override
                    public void outcome(Notification.Channel channel, OutboxWorker.Outcome outcome, String error) {
                    }

                    @Override
                    public void drained(int claimed) {
                        throw new IllegalStateException("metrics not ready");
                    }

                    @Override
                    public void drainFailed() {
                        throw new IllegalStateException("metrics not ready");
                    }
                });
        worker.start(Executors.defaultThreadFactory(), Duration.ZERO);
        try {
            assertDoesNotThrow(worker::drain, "an exception out of a scheduled tick would cancel all later ones");
        } finally {
            worker.stop();
        }
    }

    private SmsChannel refusing(RuntimeException failure) {
        return new SmsChannel() {
            @Override
            public SmsSender.Receipt send(SmsSender.Sms sms) {
                throw failure;
            }
        };
    }

    private SmsChannel provider(Optional<String> found, SmsFailure lookupFails) {
        return new SmsChannel() {
            @Override
            public SmsSender.Receipt send(SmsSender.Sms sms) {
                calls.add("send");
                return new SmsSender.Receipt("SMnew", "queued");
            }

            @Override
            public Optional<String> findSent(String to, String body, Instant since) {
                calls.add("findSent " + to + " since " + since);
                assertEquals(TEXT, body, "the text the dead node handed over");
                if (lookupFails != null) {
                    throw lookupFails;
                }
                return found;
            }
        };
    }

    private OutboxWorker worker(SmsChannel sms, boolean foundIsThisRows) {
        return worker(null, sms, foundIsThisRows);
    }

    private OutboxWorker worker(Messages messages, SmsChannel sms, boolean foundIsThisRows) {
        Outbox outbox = new Outbox() {
            @Override
            public void sent(long id, String node, String providerId, String body) {
                calls.add("sent " + id + " " + providerId);
            }

            @Override
            public boolean foundSent(long id, String node, String providerId, String body) {
                calls.add("foundSent " + id + " " + providerId);
                return foundIsThisRows;
            }

            @Override
            public void retryLater(long id, String node, String error, BackOff backOff, double random) {
                calls.add("retryLater " + id);
            }

            @Override
            public void failed(long id, String node, String error, Client.SmsProblem problem) {
                calls.add("failed " + id);
            }
        };
        OutboxWorker.Counts counts = new OutboxWorker.Counts() {
            @Override
            public void outcome(Notification.Channel channel, OutboxWorker.Outcome outcome, String error) {
                counted.add(channel + " " + outcome + " " + error);
            }

            @Override
            public void drained(int claimed) {
                counted.add("drained " + claimed);
            }

            @Override
            public void drainFailed() {
                counted.add("drain failed");
            }
        };
        return new OutboxWorker("node-b", messages, outbox, sms, null, new OutboxWorker.Settings(1, 1,
                Duration.ofMinutes(2), new BackOff(Duration.ofSeconds(30), Duration.ofHours(1), 8), null), counts);
    }
}
