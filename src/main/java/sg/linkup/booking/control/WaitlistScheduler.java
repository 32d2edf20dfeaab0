package sg.linkup.booking.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.platform.Sweeps;

/**
 * Every node looks at the waitlist on a plain schedule: new availability, lapsed offers and slots freed on a node
 * that stopped before it could offer them all end up here within {@code linkup.waitlist.sweep-seconds}. Entries
 * are locked one at a time while an offer is made, so two nodes never offer to the same entry at once.
 */
@Startup
@Singleton
@DependsOn("Database")
public class WaitlistScheduler {

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Waitlist waitlist;

    @Inject
    WaitlistOffers offers;

    @Inject
    Bookings bookings;

    @Inject
    Sweeps sweeps;

    @Inject
    @ConfigProperty(name = "linkup.waitlist.sweep-seconds", defaultValue = "60")
    int everySeconds;

    private ScheduledFuture<?> sweeping;
    private Sweeps.Sweep counted;

    @PostConstruct
    void schedule() {
        if (everySeconds > 0) {
            counted = sweeps.named("waitlist");
            sweeping = scheduler.scheduleWithFixedDelay(this::sweep, everySeconds, everySeconds, TimeUnit.SECONDS);
        }
    }

    /**
     * A booking let go of its slot ({@link FreedSlots}): offer its service's openings on, asynchronously (the
     * request that freed it does not wait), in the container's own asynchronous context.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void slotFreedBy(long bookingId) {
        try {
            waitlist.offerOpenings(bookings.find(bookingId).serviceId());
        } catch (RuntimeException e) {
            waitlist.failed("Waitlist offers after booking " + bookingId + " failed", e);
        }
    }

    void sweep() {
        try {
            counted.done(offers.servicesWithWaiters().stream().mapToInt(waitlist::offerOpenings).sum());
        } catch (RuntimeException e) {
            counted.failed();
            waitlist.failed("Waitlist sweep failed", e);
        }
    }

    @PreDestroy
    void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
    }
}
