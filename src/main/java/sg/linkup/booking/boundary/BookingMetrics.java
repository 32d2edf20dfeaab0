package sg.linkup.booking.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import sg.linkup.availability.control.SlotTaken;
import sg.linkup.booking.control.SlotUnavailable;
import sg.linkup.platform.LinkupException;

/**
 * Bookings and holds as an operator watches them, per node, in /metrics: how many each request ended in
 * ({@code linkup_bookings_total{outcome}}, {@code linkup_holds_total{outcome}}) and how long it took
 * ({@code linkup_bookings_duration_seconds}, {@code linkup_holds_duration_seconds}). A rising share of
 * {@code slot_taken} is counters racing for the same times; {@code failed} is a fault on our side (a 500).
 */
@ApplicationScoped
public class BookingMetrics {

    /** What a request asked for: its counter, its timer and the outcome of a success. */
    public enum Request {
        BOOKING("linkup.bookings", "booked", "Booking requests (POST /api/bookings, walk-ins), by outcome"),
        HOLD("linkup.holds", "held", "Hold requests (POST /api/holds), by outcome");

        final String name;
        final String success;
        final String description;

        Request(String name, String success, String description) {
            this.name = name;
            this.success = success;
            this.description = description;
        }

        Metadata counted() {
            return Metadata.builder().withName(name).withDescription(description).build();
        }

        Metadata timed() {
            return Metadata.builder().withName(name + ".duration").withUnit(MetricUnits.NANOSECONDS)
                    .withDescription(description.replace(", by outcome", "") + ": time in the server, every outcome")
                    .build();
        }
    }

    /** Every outcome a request can end in; each is a series from the start, so a rate() sees the first one. */
    static final String REPLAYED = "replayed";
    static final String SLOT_TAKEN = "slot_taken";
    static final String SLOT_UNAVAILABLE = "slot_unavailable";
    static final String CONCURRENT_CHANGE = "concurrent_change";
    static final String REFUSED = "refused";
    static final String FAILED = "failed";

    @Inject
    MetricRegistry registry;

    void countFromTheStart(@Observes Startup start) {
        for (Request request : Request.values()) {
            for (String outcome : new String[] {request.success, REPLAYED, SLOT_TAKEN, SLOT_UNAVAILABLE,
                    CONCURRENT_CHANGE, REFUSED, FAILED}) {
                registry.counter(request.counted(), new Tag("outcome", outcome));
            }
            registry.timer(request.timed());
        }
    }

    /** Runs the request, counting its outcome and timing it; what it returns or throws passes through. */
    public Response measure(Request request, Supplier<Response> attempt) {
        long started = System.nanoTime();
        String outcome = FAILED;
        try {
            Response response = attempt.get();
            outcome = outcome(request, response.getStatus());
            return response;
        } catch (RuntimeException e) {
            outcome = outcome(e);
            throw e;
        } finally {
            registry.counter(request.counted(), new Tag("outcome", outcome)).inc();
            registry.timer(request.timed()).update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** 201 made something; 200 is a retry with the same Idempotency-Key answered with what the first made. */
    static String outcome(Request request, int status) {
        if (status == 201) {
            return request.success;
        }
        return status < 300 ? REPLAYED : status < 500 ? REFUSED : FAILED;
    }

    /** The answer the problem mapper will give, in an operator's words. */
    static String outcome(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SlotTaken) {
                return SLOT_TAKEN;
            }
            if (t instanceof SlotUnavailable) {
                return SLOT_UNAVAILABLE;
            }
            if (t instanceof LinkupException refused) {
                return refused.status() < 500 ? REFUSED : FAILED;
            }
            if (t instanceof OptimisticLockException
                    || (t instanceof SQLException sql && "40001".equals(sql.getSQLState()))) {
                return CONCURRENT_CHANGE;  // a 409 "changed by someone else", not a fault
            }
        }
        return FAILED;
    }
}
