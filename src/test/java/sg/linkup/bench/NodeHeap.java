package sg.linkup.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node's live heap: {@code jcmd <pid> GC.run} (a full collection: System.gc(), which G1 does stop-the-world
 * unless told otherwise) and then {@code jcmd <pid> GC.heap_info}, whose first line says how much of the heap is
 * in use and committed. What is left after a full GC is what the node holds on to; compared at the start and the
 * end of a run it shows growth.
 */
record NodeHeap(long usedKb, long committedKb, String info) {

    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

    static NodeHeap afterFullGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = HEAP.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("jcmd " + pid + " GC.heap_info said: " + info);
        }
        return new NodeHeap(Long.parseLong(m.group(2)), Long.parseLong(m.group(1)), info.strip());
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
