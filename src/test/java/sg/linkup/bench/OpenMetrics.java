package sg.linkup.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A snapshot of a node's {@code /metrics} text (Prometheus / OpenMetrics exposition), read without knowing which
 * metrics exist: every sample by its name and labels, every family's declared type. Two snapshots give what
 * changed — counters and histogram counts/sums as deltas, gauges and quantiles as before → after — so metrics
 * added to the application later show up in the load run's output without a change here.
 */
final class OpenMetrics {

    private static final List<String> SUFFIXES = List.of("_total", "_count", "_sum", "_bucket", "_created", "_max");

    final Map<String, Double> samples = new LinkedHashMap<>();
    final Map<String, String> types = new LinkedHashMap<>();

    static OpenMetrics parse(String text) {
        OpenMetrics metrics = new OpenMetrics();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split("\\s+");
                if (parts.length >= 2) {
                    metrics.types.put(parts[0], parts[1]);
                }
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                // name{labels} value [timestamp]; label values may hold blanks, so split after the closing brace.
                int brace = line.lastIndexOf('}');
                String key;
                String rest;
                if (brace > 0) {
                    key = line.substring(0, brace + 1);
                    rest = line.substring(brace + 1).strip();
                } else {
                    int blank = line.indexOf(' ');
                    if (blank < 0) {
                        continue;
                    }
                    key = line.substring(0, blank);
                    rest = line.substring(blank + 1).strip();
                }
                String value = rest.split("\\s+")[0];
                try {
                    metrics.samples.put(key, Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    // NaN/Inf spellings Java does not read; skip the sample rather than the snapshot.
                }
            }
        }
        return metrics;
    }

    /** The declared type of the family a sample belongs to, or "untyped". */
    String typeOf(String key) {
        String name = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
        if (types.containsKey(name)) {
            return types.get(name);
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix)) {
                String family = name.substring(0, name.length() - suffix.length());
                if (types.containsKey(family)) {
                    return types.get(family);
                }
            }
        }
        return "untyped";
    }

    /** What changed from {@code before} to this snapshot, one line per sample, counters as deltas. */
    List<String> changesSince(OpenMetrics before) {
        List<String> lines = new ArrayList<>();
        int unchanged = 0;
        for (var sample : samples.entrySet()) {
            String key = sample.getKey();
            double now = sample.getValue();
            Double then = before.samples.get(key);
            String type = typeOf(key);
            String name = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
            boolean accumulates = type.equals("counter") || name.endsWith("_total")
                    || ((type.equals("histogram") || type.equals("summary")) && (name.endsWith("_count")
                    || name.endsWith("_sum") || name.endsWith("_bucket")));
            if (then != null && then.equals(now)) {
                unchanged++;
                continue;
            }
            if (accumulates) {
                lines.add(String.format(Locale.ROOT, "  %-9s %s  +%s", type, key,
                        number(now - (then == null ? 0 : then))));
            } else {
                lines.add(String.format(Locale.ROOT, "  %-9s %s  %s → %s", type, key,
                        then == null ? "–" : number(then), number(now)));
            }
        }
        lines.add(String.format(Locale.ROOT, "  (%d samples, %d unchanged, %d families declared)", samples.size(),
                unchanged, types.size()));
        return lines;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%.4g", value);
    }
}
