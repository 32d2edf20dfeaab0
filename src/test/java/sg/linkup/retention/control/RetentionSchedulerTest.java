package sg.linkup.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sg.linkup.platform.FakeCounter;
import sg.linkup.platform.LogCapture;
import sg.linkup.platform.Sweeps;

class RetentionSchedulerTest {

    @RegisterExtension
    final LogCapture log = new LogCapture(RetentionScheduler.class);

    @Test
    void aPartThatFailsIsCountedAndDoesNotKeepTheOthersFromRunning() {
        RetentionScheduler scheduler = new RetentionScheduler();
        scheduler.retention = new Retention() {
            @Override
            public int anonymiseInactiveClients() {
                throw new IllegalStateException("deadlock found when trying to get lock");
            }

            @Override
            public int purgeOldMessages() {
                return 7;
            }

            @Override
            public int deleteOldAuditEvents() {
                return 3;
            }
        };
        Sweeps.Sweep clients = sweep();
        Sweeps.Sweep messages = sweep();
        Sweeps.Sweep audit = sweep();
        scheduler.counted(clients, messages, audit);

        scheduler.sweep();

        assertEquals(0, clients.runs().getCount());
        assertEquals(1, clients.failures().getCount());
        assertEquals(1, messages.runs().getCount());
        assertEquals(7, messages.items().getCount(), "the rows it purged");
        assertEquals(0, messages.failures().getCount());
        assertEquals(3, audit.items().getCount());
        assertTrue(log.records().stream().anyMatch(r -> r.getLevel() == Level.WARNING
                && r.getMessage().contains("anonymising inactive clients")), "an operator sees which part failed");
    }

    private static Sweeps.Sweep sweep() {
        return new Sweeps.Sweep(new FakeCounter(), new FakeCounter(), new FakeCounter());
    }
}
