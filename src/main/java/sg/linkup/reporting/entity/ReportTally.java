package sg.linkup.reporting.entity;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the reports know about one roll-up cell (a period × SSO × service × mode), or about any merge of cells:
 * counts with their capped client sets, the lead-time histogram in whole days, SMS failures by reason, booked
 * advisor and room minutes, and the client travel saved. Merging is exact for every figure a report shows
 * (sums, histograms, and "fewer than 5 clients?"), which is what lets a year's report read a few thousand roll-up
 * rows instead of every booking.
 */
public final class ReportTally {

    private final int[] counts = new int[Measure.values().length];
    private final ClientCount[] clients = new ClientCount[Measure.values().length];
    private final TreeMap<Integer, Integer> leadDays = new TreeMap<>();
    private final TreeMap<String, Integer> failures = new TreeMap<>();
    private final Map<String, ClientCount> failureClients = new TreeMap<>();
    private long advisorMinutes;
    private long roomMinutes;
    private double kmSaved;
    private double hoursSaved;

    public ReportTally() {
        java.util.Arrays.fill(clients, ClientCount.none());
    }

    public void count(Measure measure, long clientId) {
        counts[measure.ordinal()]++;
        clients[measure.ordinal()] = clients[measure.ordinal()].with(clientId);
    }

    public void leadTime(int days) {
        leadDays.merge(Math.max(0, days), 1, Integer::sum);
    }

    public void failure(String reason, long clientId) {
        failures.merge(reason, 1, Integer::sum);
        failureClients.merge(reason, ClientCount.of(clientId), ClientCount::plus);
    }

    public void booked(long advisor, long room) {
        advisorMinutes += advisor;
        roomMinutes += room;
    }

    public void travelSaved(double km, double hours) {
        kmSaved += km;
        hoursSaved += hours;
    }

    /** Adds another cell's figures to this one. */
    public ReportTally add(ReportTally other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
            clients[i] = clients[i].plus(other.clients[i]);
        }
        other.leadDays.forEach((d, n) -> leadDays.merge(d, n, Integer::sum));
        other.failures.forEach((r, n) -> failures.merge(r, n, Integer::sum));
        other.failureClients.forEach((r, c) -> failureClients.merge(r, c, ClientCount::plus));
        advisorMinutes += other.advisorMinutes;
        roomMinutes += other.roomMinutes;
        kmSaved += other.kmSaved;
        hoursSaved += other.hoursSaved;
        return this;
    }

    public int count(Measure measure) {
        return counts[measure.ordinal()];
    }

    public ClientCount clients(Measure measure) {
        return clients[measure.ordinal()];
    }

    public Map<String, Integer> failures() {
        return failures;
    }

    public ClientCount failureClients(String reason) {
        return failureClients.getOrDefault(reason, ClientCount.none());
    }

    public long advisorMinutes() {
        return advisorMinutes;
    }

    public long roomMinutes() {
        return roomMinutes;
    }

    public double kmSaved() {
        return kmSaved;
    }

    public double hoursSaved() {
        return hoursSaved;
    }

    /** How many sessions' lead times are in the histogram. */
    public int leadTimes() {
        return leadDays.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The nearest-rank percentile (0 < p ≤ 100) of the lead times, in whole days; null with none. */
    public Integer leadPercentile(double p) {
        int n = leadTimes();
        if (n == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p / 100.0 * n);
        long seen = 0;
        for (Map.Entry<Integer, Integer> e : leadDays.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return leadDays.lastKey();
    }

    /**
     * The text kept in report_cell.tally: sections separated by ';' — c (counts), u (client sets), l (lead days),
     * f (failures: reason=count/clients), m (advisor,room minutes), t (km,hours). Reasons are provider codes or
     * enum names, so they never hold a separator.
     */
    public String encode() {
        StringBuilder s = new StringBuilder("c:");
        appendInts(s, counts);
        s.append(";u:");
        for (int i = 0; i < clients.length; i++) {
            if (i > 0) {
                s.append('|');
            }
            s.append(clients[i].encode());
        }
        s.append(";l:");
        boolean first = true;
        for (Map.Entry<Integer, Integer> e : leadDays.entrySet()) {
            s.append(first ? "" : ",").append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
        s.append(";f:");
        first = true;
        for (Map.Entry<String, Integer> e : failures.entrySet()) {
            s.append(first ? "" : "|").append(e.getKey()).append('=').append(e.getValue()).append('/')
                    .append(failureClients(e.getKey()).encode());
            first = false;
        }
        s.append(";m:").append(advisorMinutes).append(',').append(roomMinutes);
        s.append(";t:").append(Double.toString(kmSaved)).append(',').append(Double.toString(hoursSaved));
        return s.toString();
    }

    public static ReportTally decode(String text) {
        ReportTally t = new ReportTally();
        for (String section : text.split(";", -1)) {
            if (section.length() < 2 || section.charAt(1) != ':') {
                throw new IllegalArgumentException("not a report tally: " + text);
            }
            String body = section.substring(2);
            switch (section.charAt(0)) {
                case 'c' -> {
                    String[] parts = body.split(",");
                    for (int i = 0; i < parts.length && i < t.counts.length; i++) {
                        t.counts[i] = Integer.parseInt(parts[i]);
                    }
                }
                case 'u' -> {
                    String[] parts = body.split("\\|", -1);
                    for (int i = 0; i < parts.length && i < t.clients.length; i++) {
                        t.clients[i] = ClientCount.decode(parts[i]);
                    }
                }
                case 'l' -> {
                    if (!body.isEmpty()) {
                        for (String pair : body.split(",")) {
                            int eq = pair.indexOf('=');
                            t.leadDays.put(Integer.parseInt(pair.substring(0, eq)),
                                    Integer.parseInt(pair.substring(eq + 1)));
                        }
                    }
                }
                case 'f' -> {
                    if (!body.isEmpty()) {
                        for (String entry : body.split("\\|")) {
                            int eq = entry.indexOf('=');
                            int slash = entry.indexOf('/', eq);
                            String reason = entry.substring(0, eq);
                            t.failures.put(reason, Integer.parseInt(entry.substring(eq + 1, slash)));
                            t.failureClients.put(reason, ClientCount.decode(entry.substring(slash + 1)));
                        }
                    }
                }
                case 'm' -> {
                    String[] parts = body.split(",");
                    t.advisorMinutes = Long.parseLong(parts[0]);
                    t.roomMinutes = Long.parseLong(parts[1]);
                }
                case 't' -> {
                    String[] parts = body.split(",");
                    t.kmSaved = Double.parseDouble(parts[0]);
                    t.hoursSaved = Double.parseDouble(parts[1]);
                }
                default -> throw new IllegalArgumentException("not a report tally: " + text);
            }
        }
        return t;
    }

    private static void appendInts(StringBuilder s, int[] values) {
        for (int i = 0; i < values.length; i++) {
            s.append(i > 0 ? "," : "").append(values[i]);
        }
    }

    /** For tests: the counts by measure. */
    public Map<Measure, Integer> counts() {
        Map<Measure, Integer> all = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            all.put(m, counts[m.ordinal()]);
        }
        return all;
    }
}
