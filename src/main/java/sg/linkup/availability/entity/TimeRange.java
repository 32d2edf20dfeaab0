package sg.linkup.availability.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import sg.linkup.platform.InvalidInput;

/** A half-open interval [start, end) on the time line; two ranges that only touch do not overlap. */
public record TimeRange(Instant start, Instant end) implements Comparable<TimeRange> {

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new InvalidInput("end", "must be after the start");
        }
    }

    public static TimeRange of(Instant start, Duration length) {
        return new TimeRange(start, start.plus(length));
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public TimeRange widen(Duration before, Duration after) {
        return new TimeRange(start.minus(before), end.plus(after));
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    @Override
    public int compareTo(TimeRange o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : end.compareTo(o.end);
    }
}
