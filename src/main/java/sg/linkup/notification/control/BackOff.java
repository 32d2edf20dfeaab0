package sg.linkup.notification.control;

import java.time.Duration;

/**
 * How long a message waits after its {@code attempt}-th transient failure: doubling from {@code base} up to
 * {@code max}, with "equal jitter" (half fixed, half random) so that a provider outage does not end in every
 * node retrying every message in the same second.
 */
public record BackOff(Duration base, Duration max, int maxAttempts) {

    public BackOff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("back-off needs 0 < base <= max and at least one attempt");
        }
    }

    /** {@code random} is uniform in [0, 1). */
    public Duration after(int attempt, double random) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        long ceiling = Math.min(max.toMillis(), base.toMillis() << doublings);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random * (ceiling - half)));
    }
}
