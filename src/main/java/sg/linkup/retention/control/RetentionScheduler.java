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
    @ConfigProperty(name = "linkup.retention.sweep-seconds", defaultValue = "3600")
    int everySeconds;

    private ScheduledFuture<?> sweeping;

    @PostConstruct
    void schedule() {
        LOG.info("Retention: " + retention.policy() + " (0 days = kept for ever)");
        if (everySeconds <= 0) {
            LOG.info("Retention sweep switched off (linkup.retention.sweep-seconds <= 0)");
            return;
        }
        sweeping = scheduler.scheduleWithFixedDelay(this::sweep, Math.min(everySeconds, FIRST_SWEEP_SECONDS),
                everySeconds, TimeUnit.SECONDS);
    }

    void sweep() {
        // Each part on its own: one that keeps failing must not keep the others from running.
        run("anonymising inactive clients", retention::anonymiseInactiveClients);
        run("purging old messages", retention::purgeOldMessages);
        run("deleting old audit lines", retention::deleteOldAuditEvents);
    }

    private static void run(String what, IntSupplier part) {
        try {
            part.getAsInt();
        } catch (RuntimeException e) {
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
