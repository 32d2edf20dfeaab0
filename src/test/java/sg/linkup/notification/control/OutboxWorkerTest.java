package sg.linkup.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        return new OutboxWorker("node-b", null, outbox, sms, null, new OutboxWorker.Settings(1, 1,
                Duration.ofMinutes(2), new BackOff(Duration.ofSeconds(30), Duration.ofHours(1), 8), null));
    }
}
