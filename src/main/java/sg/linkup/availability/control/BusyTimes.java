package sg.linkup.availability.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import sg.linkup.availability.entity.TimeRange;

/**
 * The times one resource is taken, merged and sorted, so that "is it free for this range?" is a binary
 * search rather than a scan — slot search asks it thousands of times per request.
 */
public final class BusyTimes {

    public static final BusyTimes NONE = new BusyTimes(List.of());

    private final TimeRange[] ranges;

    private BusyTimes(List<TimeRange> merged) {
        this.ranges = merged.toArray(TimeRange[]::new);
    }

    public static BusyTimes of(Collection<TimeRange> taken) {
        if (taken.isEmpty()) {
            return NONE;
        }
        List<TimeRange> sorted = new ArrayList<>(taken);
        sorted.sort(null);
        List<TimeRange> merged = new ArrayList<>(sorted.size());
        TimeRange current = sorted.get(0);
        for (TimeRange next : sorted.subList(1, sorted.size())) {
            if (!next.start().isAfter(current.end())) {
                current = next.end().isAfter(current.end()) ? new TimeRange(current.start(), next.end()) : current;
            } else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        return new BusyTimes(merged);
    }

    /** Free for the whole range: no taken range overlaps it (touching ends are fine). */
    public boolean isFree(TimeRange range) {
        // The last taken range that starts before the asked range ends is the only one that can overlap it,
        // because merged ranges are disjoint and sorted.
        int lo = 0;
        int hi = ranges.length - 1;
        int candidate = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ranges[mid].start().isBefore(range.end())) {
                candidate = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return candidate < 0 || !ranges[candidate].end().isAfter(range.start());
    }

    public int size() {
        return ranges.length;
    }
}
