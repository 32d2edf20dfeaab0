package sg.linkup.availability.control;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One value built from the database, kept while the database's change stamp still has the value it was built at.
 * The caller reads the stamp (one primary-key SELECT, in its own transaction) and asks for the value as of that
 * stamp; when the stamp has moved, the value is rebuilt — one rebuild at a time. Callers that need the newer value
 * wait for the rebuild in flight; callers whose stamp still matches keep using the current value and never wait.
 *
 * <p>Why this is never stale: a change and its new stamp commit together, and a build reads the stamp before the
 * data, so a value labelled with stamp s holds at least every change committed up to s. A caller that read s
 * after a change committed gets a value built at s or later. Stamps are compared for equality only, never
 * ordered: they are unique values (the database never hands one out twice), so a value built inside a
 * transaction that changed the data and then rolled back carries a stamp nobody will ever read again.
 */
public final class StampedCache<T> {

    /** A value and the stamp it was built at. */
    public record Stamped<T>(long stamp, T value) {
    }

    private final LongSupplier stampNow;
    private final Supplier<Stamped<T>> build;
    private final ReentrantLock rebuilding = new ReentrantLock();
    private volatile Stamped<T> current;

    /**
     * {@code stampNow} reads the stamp as the caller's transaction sees it; {@code build} reads the stamp first,
     * then the data, and labels the value with that stamp.
     */
    public StampedCache(LongSupplier stampNow, Supplier<Stamped<T>> build) {
        this.stampNow = Objects.requireNonNull(stampNow);
        this.build = Objects.requireNonNull(build);
    }

    /** The value as of the stamp the caller has just read, or a newer one. */
    public Stamped<T> at(long seen) {
        Stamped<T> known = current;
        if (known != null && known.stamp() == seen) {
            return known;
        }
        rebuilding.lock();
        try {
            known = current;
            // Rebuilt by another caller meanwhile, or the caller read its stamp just before a change that has been
            // rebuilt since: either way the current value is at least as new as what the caller saw.
            if (known != null && (known.stamp() == seen || known.stamp() == stampNow.getAsLong())) {
                return known;
            }
            Stamped<T> built = build.get();
            current = built;
            return built;
        } finally {
            rebuilding.unlock();
        }
    }

    /** The value as of the stamp read now. */
    public Stamped<T> now() {
        return at(stampNow.getAsLong());
    }
}
