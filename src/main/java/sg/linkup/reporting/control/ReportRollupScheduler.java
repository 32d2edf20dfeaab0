package sg.linkup.reporting.control;

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
 * Every node catches the roll-ups up on a plain, non-persistent schedule, so a report request finds little left
 * to do; the report_state row lock lets one node at a time do it.
 */
@Startup
@Singleton
@DependsOn("Database")
public class ReportRollupScheduler {

    private static final Logger LOG = Logger.getLogger(ReportRollupScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ReportRollups rollups;

    @Inject
    Sweeps sweeps;

    @Inject
    @ConfigProperty(name = "linkup.reports.rollup-sweep-seconds", defaultValue = "60")
    int everySeconds;

    private ScheduledFuture<?> sweeping;
    private Sweeps.Sweep counted;

    @PostConstruct
    void schedule() {
        if (everySeconds <= 0) {
            LOG.info("Report roll-up sweep switched off (linkup.reports.rollup-sweep-seconds <= 0)");
            return;
        }
        counted = sweeps.named("report-rollup");
        sweeping = scheduler.scheduleWithFixedDelay(this::sweep, everySeconds, everySeconds, TimeUnit.SECONDS);
    }

    void sweep() {
        try {
            if (rollups.catchUpUnlessBusy()) {
                counted.done(0);
            }
        } catch (RuntimeException e) {
            counted.failed();
            // The next run (or the next report) tries again; a failed sweep must not stop the schedule.
            LOG.log(Level.WARNING, "Report roll-up failed; the next sweep or report tries again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
    }
}
