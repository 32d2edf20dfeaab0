package sg.linkup.retention.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.platform.Sweeps;

/**
 * Every node sweeps on a plain, non-persistent schedule (Payara Micro's persistent timers are not cluster-aware);
 * the rows are claimed in the database with SKIP LOCKED, so two nodes sweeping at once never do a row twice. The
 * periods are checked at start-up: a negative one stops the deployment with its key.
 */
@Startup
@Singleton
@DependsOn("Database")
public class RetentionScheduler {

    private static final Logger LOG = Logger.getLogger(RetentionScheduler.class.getName());
    /** The first sweep waits this long at most: start-up is not slowed, and a node restarted often still sweeps. */
    static final int FIRST_SWEEP_SECONDS = 300;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Retention retention;

    @Inject
    Sweeps sweeps;

    @Inject
    @ConfigProperty(name = "linkup.retention.sweep-seconds", defaultValue = "3600")
    int everySeconds;

    private ScheduledFuture<?> sweeping;
    private Sweeps.Sweep clients;
    private Sweeps.Sweep messages;
    private Sweeps.Sweep auditLines;

    @PostConstruct
    void schedule() {
        LOG.info("Retention: " + retention.policy() + " (0 days = kept for ever)");
        if (everySeconds <= 0) {
            LOG.info("Retention sweep switched off (linkup.retention.sweep-seconds <= 0)");
            return;
        }
        counted(sweeps.named("retention-clients"), sweeps.named("retention-messages"),
                sweeps.named("retention-audit"));
        sweeping = scheduler.scheduleWithFixedDelay(this::sweep, Math.min(everySeconds, FIRST_SWEEP_SECONDS),
                everySeconds, TimeUnit.SECONDS);
    }

    void counted(Sweeps.Sweep clients, Sweeps.Sweep messages, Sweeps.Sweep auditLines) {
        this.clients = clients;
        this.messages = messages;
        this.auditLines = auditLines;
    }

    void sweep() {
        // Each part on its own: one that keeps failing must not keep the others from running.
        run("anonymising inactive clients", retention::anonymiseInactiveClients, clients);
        run("purging old messages", retention::purgeOldMessages, messages);
        run("deleting old audit lines", retention::deleteOldAuditEvents, auditLines);
    }

    private static void run(String what, IntSupplier part, Sweeps.Sweep counted) {
        try {
            counted.done(part.getAsInt());
        } catch (RuntimeException e) {
            counted.failed();
            // The next run tries again; a failed sweep must not stop the schedule.
            LOG.log(Level.WARNING, "Retention sweep failed " + what + "; the next run tries again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
    }
}
