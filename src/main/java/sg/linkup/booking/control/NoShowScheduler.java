package sg.linkup.booking.control;

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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.platform.Sweeps;

/**
 * Every node sweeps for no-shows on a plain, non-persistent schedule (Payara Micro's persistent timers are not
 * cluster-aware); the rows themselves are claimed in the database with SKIP LOCKED, so nodes never collide.
 */
@Startup
@Singleton
@DependsOn("Database")
public class NoShowScheduler {

    private static final Logger LOG = Logger.getLogger(NoShowScheduler.class.getName());
    static final int BATCH = 200;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Bookings bookings;

    @Inject
    Sweeps sweeps;

    @Inject
    @ConfigProperty(name = "linkup.booking.no-show-sweep-seconds", defaultValue = "60")
    int everySeconds;

    private ScheduledFuture<?> sweeping;
    private Sweeps.Sweep counted;

    @PostConstruct
    void schedule() {
        if (everySeconds <= 0) {
            LOG.info("No-show sweep switched off (linkup.booking.no-show-sweep-seconds <= 0)");
            return;
        }
        counted = sweeps.named("no-show");
        sweeping = scheduler.scheduleWithFixedDelay(this::sweep, everySeconds, everySeconds, TimeUnit.SECONDS);
    }

    void sweep() {
        try {
            int marked;
            int total = 0;
            do {
                marked = bookings.sweepNoShows(BATCH).size();
                total += marked;
            } while (marked == BATCH);
            counted.done(total);
            if (total > 0) {
                // Which node marked how many: with every node sweeping, the log shows how the work was shared.
                LOG.info("No-show sweep marked " + total + " booking(s)");
            }
        } catch (RuntimeException e) {
            counted.failed();
            // The next run tries again; a failed sweep must not stop the schedule.
            LOG.log(Level.WARNING, "No-show sweep failed: " + e);
        }
    }

    @PreDestroy
    void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
    }
}
