package sg.linkup.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts the background sweeps every node runs on its own schedule (no-shows, waitlist, report roll-ups, the
 * outbox, retention), per node, in /metrics: {@code linkup_sweeps_total{sweep, outcome}} and
 * {@code linkup_sweep_items_total{sweep}}. A node whose count stops moving has a sweep that no longer runs; the
 * items summed over the nodes show that each row was handled once, whichever node took it.
 */
@ApplicationScoped
public class Sweeps {

    static final Metadata RUNS = Metadata.builder().withName("linkup.sweeps")
            .withDescription("Sweeps this node ran, by sweep and outcome (done, failed)").build();
    static final Metadata ITEMS = Metadata.builder().withName("linkup.sweep.items")
            .withDescription("Rows a sweep of this node handled (no-shows marked, waitlist offers made, outbox "
                    + "messages claimed, clients anonymised, messages purged, audit lines deleted)").build();

    @Inject
    MetricRegistry registry;

    /** The counters of one sweep, at 0 from the moment its schedule starts (a rate() sees the first run). */
    public Sweep named(String sweep) {
        Tag name = new Tag("sweep", sweep);
        return new Sweep(registry.counter(RUNS, name, new Tag("outcome", "done")),
                registry.counter(RUNS, name, new Tag("outcome", "failed")),
                registry.counter(ITEMS, name));
    }

    /** One sweep's counters. */
    public record Sweep(Counter runs, Counter failures, Counter items) {

        public void done(long handled) {
            runs.inc();
            if (handled > 0) {
                items.inc(handled);
            }
        }

        public void failed() {
            failures.inc();
        }
    }
}
