package sg.linkup.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How busy the whole machine was while a series ran (Linux /proc/stat), so that figures taken while other
 * builds shared the cores can be told apart. One client thread, Payara and MariaDB serving it in turn keep
 * about one core busy; much more than that means someone else was running.
 */
final class MachineLoad {

    private static final Path STAT = Path.of("/proc/stat");

    private final long[] start;

    private MachineLoad(long[] start) {
        this.start = start;
    }

    static MachineLoad start() {
        return new MachineLoad(read());
    }

    /** Busy share of all cores since {@link #start()}, in percent, or NaN where /proc/stat is not there. */
    double busyPercent() {
        long[] end = read();
        if (start == null || end == null) {
            return Double.NaN;
        }
        long total = end[0] - start[0];
        long idle = end[1] - start[1];
        return total == 0 ? Double.NaN : 100.0 * (total - idle) / total;
    }

    /** {total, idle + iowait} jiffies over all cores. */
    private static long[] read() {
        try {
            String[] fields = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            long[] values = Arrays.stream(fields, 1, fields.length).mapToLong(Long::parseLong).toArray();
            long total = Arrays.stream(values, 0, Math.min(values.length, 8)).sum();
            return new long[] {total, values[3] + values[4]};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
