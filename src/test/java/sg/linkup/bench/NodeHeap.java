package sg.linkup.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node's live heap: {@code jcmd <pid> GC.run} (a full collection: System.gc(), which G1 does stop-the-world
 * unless told otherwise) and then {@code jcmd <pid> GC.heap_info}, whose first line says how much of the heap is
 * in use and committed. What is left after a full GC is what the node holds on to; compared at the start and the
 * end of a run it shows growth.
 */
record NodeHeap(long usedKb, long committedKb, Map<String, Long> bytesByClass) {

    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");
    /** A line of GC.class_histogram: "   1:   291993   29453984  [B (java.base@17)". */
    private static final Pattern CLASS = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");

    static NodeHeap afterFullGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = HEAP.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("jcmd " + pid + " GC.heap_info said: " + info);
        }
        // What is live by class (the histogram collects again first), to say what any growth is made of.
        Map<String, Long> bytes = new HashMap<>();
        for (String line : jcmd(pid, "GC.class_histogram").split("\n")) {
            Matcher row = CLASS.matcher(line);
            if (row.find()) {
                bytes.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
            }
        }
        return new NodeHeap(Long.parseLong(m.group(2)), Long.parseLong(m.group(1)), bytes);
    }

    /** The classes whose live bytes grew most since {@code start}. */
    List<String> grownSince(NodeHeap start, int most) {
        return bytesByClass.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - start.bytesByClass.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(most)
                .map(e -> String.format(Locale.ROOT, "%+,.1f MB %s", e.getValue() / 1048576.0, e.getKey()))
                .toList();
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }

    String describe() {
        return String.format(Locale.ROOT, "%,.1f MB used of %,.1f MB committed", usedKb / 1024.0,
                committedKb / 1024.0);
    }
}
