package sg.linkup.reporting.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import sg.linkup.directory.entity.SessionMode;

/**
 * Which figures of one month every report shows as "&lt; 5": the month's weekly cells (every SSO, service and mode)
 * as one {@link SuppressionCube} of time (the month, its weeks) × SSO × service (its agency, all) × mode × figure,
 * plus the clients who opted out by SSO as a second, small cube. Kept per node until the month's cells change.
 *
 * <p>Hours and kilometres are not in the cube: within one SSO, service and mode they are the sessions times a
 * known length or distance, so a sum of them over cells would weigh the cells' sessions differently and could give
 * away a split the cube hides. They are shown only where every (SSO, service, mode) under the figure shows the
 * counts they are worked out from ({@link Weighted}).
 */
public final class ReportCube {

    /**
     * Figures worked out from a count with known weights (a session's length, a trip's distance); shown only where
     * that count is shown in every (SSO, service, mode) under them. The count itself is a figure of the cube even
     * where no report shows it (sessions kept, kept with a room): the hours give it away.
     */
    public enum Weighted {
        /** Kilometres and hours saved: per attended session. */
        TRAVEL(Measure.ATTENDED),
        /** Advisors' booked hours: per session kept (not cancelled). */
        ADVISOR_HOURS(Measure.KEPT),
        /** Rooms' booked hours: per session kept with a room. */
        ROOM_HOURS(Measure.KEPT_WITH_ROOM);

        final Measure from;

        Weighted(Measure from) {
            this.from = from;
        }

        double value(ReportTally t) {
            return switch (this) {
                case TRAVEL -> t.kmSaved() + t.hoursSaved();
                case ADVISOR_HOURS -> t.advisorMinutes();
                case ROOM_HOURS -> t.roomMinutes();
            };
        }
    }

    /** One weekly roll-up cell. */
    public record Base(LocalDate week, long office, long service, SessionMode mode) {
    }

    /** The figures published from the cube: counts by name, SMS failures as "failed:" + reason. */
    private static final Measure[] COUNTS = {Measure.BOOKED, Measure.ATTENDED, Measure.NO_SHOWS, Measure.CANCELLED,
            Measure.OPEN, Measure.COMPLETED_ATTENDED, Measure.COMPLETED_FOLLOW_UP, Measure.COMPLETED_REFERRED_ON,
            Measure.ATTENDED_NOT_COMPLETED, Measure.CANCELLED_BY_COUNTER, Measure.CANCELLED_BY_PARTNER,
            Measure.CANCELLED_BY_CLIENT, Measure.ATTENDED_CONFIRMED, Measure.ATTENDED_UNCONFIRMED,
            Measure.NO_SHOWS_CONFIRMED, Measure.NO_SHOWS_UNCONFIRMED, Measure.SMS_SENT, Measure.SMS_DELIVERED,
            Measure.SMS_FAILED, Measure.INVITATIONS_SENT, Measure.INVITATIONS_FAILED, Measure.KEPT,
            Measure.KEPT_WITH_ROOM};

    /** Not in the cube: inactive, and no figure this month. */
    public static final int ABSENT = -1;

    /** The counts shown by service and by mode too (the splits are shown by SSO and agency only). */
    private static final Measure[] MAIN = {Measure.BOOKED, Measure.ATTENDED, Measure.NO_SHOWS, Measure.CANCELLED,
            Measure.KEPT, Measure.KEPT_WITH_ROOM, Measure.SMS_SENT, Measure.SMS_DELIVERED, Measure.SMS_FAILED,
            Measure.INVITATIONS_SENT, Measure.INVITATIONS_FAILED};

    static final int TIME = 0;
    static final int OFFICE = 1;
    static final int SERVICE = 2;
    static final int MODE = 3;
    static final int FIGURE = 4;

    private final LocalDate month;
    private final Map<LocalDate, Integer> weekNode = new HashMap<>();
    private final Map<Long, Integer> officeNode = new HashMap<>();
    private final Map<Long, Integer> serviceNode = new HashMap<>();
    private final Map<Long, Integer> agencyNode = new HashMap<>();
    private final Map<Long, Integer> agencyOfServiceNode = new HashMap<>();
    /** Service node → its agency's node. */
    private final Map<Integer, Integer> agencyOfNode = new HashMap<>();
    private final Map<SessionMode, Integer> modeNode = new EnumMap<>(SessionMode.class);
    private final Map<String, Integer> figureNode = new LinkedHashMap<>();
    private final SuppressionCube cube;
    private final SuppressionCube optOuts;
    private final Map<Weighted, Set<List<Integer>>> weightedHidden = new EnumMap<>(Weighted.class);
    /** Figure nodes of the main counts. */
    private final Set<Integer> main = new HashSet<>();
    private int keptNode;
    private int keptWithRoomNode;

    /**
     * @param offices every SSO (a report's "all SSOs" is all of them)
     * @param agencyOfService every service with its agency
     * @param cells the month's weekly roll-up cells, of every SSO
     * @param optedOut clients who opted out in the month, by week and their SSO (BOOKED standing for one client)
     */
    public ReportCube(LocalDate month, List<Long> offices, Map<Long, Long> agencyOfService, Map<Base, ReportTally> cells,
                      Map<LocalDate, Map<Long, ReportTally>> optedOut) {
        this.month = month.withDayOfMonth(1);
        Dimension time = Dimension.tree("time", "month");
        for (LocalDate week : Period.WEEK.starts(this.month, Period.MONTH.endOf(this.month))) {
            weekNode.put(week, time.child(0, week.toString()));
        }
        Dimension officeDim = Dimension.tree("office", "all SSOs");
        new TreeSet<>(offices).forEach(o -> officeNode.put(o, officeDim.child(0, "SSO " + o)));
        Dimension serviceDim = Dimension.tree("service", "all services");
        new TreeMap<>(agencyOfService).forEach((service, agency) -> {
            int a = agencyNode.computeIfAbsent(agency, k -> serviceDim.child(0, "agency " + k));
            int node = serviceDim.child(a, "service " + service);
            serviceNode.put(service, node);
            agencyOfServiceNode.put(service, a);
            agencyOfNode.put(node, a);
        });
        Dimension modeDim = Dimension.tree("mode", "all modes");
        for (SessionMode m : SessionMode.values()) {
            modeNode.put(m, modeDim.child(0, m.name()));
        }
        Set<String> reasons = new TreeSet<>();
        cells.values().forEach(t -> reasons.addAll(t.failures().keySet()));
        Dimension figures = figures(reasons);

        // Every cell at every level: each weekly cell adds to its 2 × 2 × 3 × 2 ancestors (itself included).
        Map<List<Integer>, ReportTally> lattice = new HashMap<>();
        for (Map.Entry<Base, ReportTally> e : cells.entrySet()) {
            Base b = e.getKey();
            Integer w = weekNode.get(b.week());
            Integer o = officeNode.get(b.office());
            Integer s = serviceNode.get(b.service());
            if (w == null || o == null || s == null) {
                throw new IllegalArgumentException("a cell outside the month, or of an unknown SSO or service: " + b);
            }
            for (int t : new int[] {w, 0}) {
                for (int oo : new int[] {o, 0}) {
                    for (int ss : new int[] {s, agencyOfServiceNode.get(b.service()), 0}) {
                        for (int m : new int[] {modeNode.get(b.mode()), 0}) {
                            lattice.computeIfAbsent(List.of(t, oo, ss, m), k -> new ReportTally()).add(e.getValue());
                        }
                    }
                }
            }
        }
        cube = new SuppressionCube(time, officeDim, serviceDim, modeDim, figures);
        cube.neverPublished(FIGURE, figureNode.get(Measure.ATTENDED_NOT_COMPLETED.name()));
        for (Measure m : MAIN) {
            main.add(n(m));
        }
        keptNode = n(Measure.KEPT);
        keptWithRoomNode = n(Measure.KEPT_WITH_ROOM);
        cube.publishedOnly(c -> offered(c[TIME], c[OFFICE], c[SERVICE], c[MODE], c[FIGURE]));
        // What a counter officer or a partner reads first costs most to hide; counts shown only inside a rate or
        // behind the hours cost least.
        for (Measure m : List.of(Measure.BOOKED, Measure.ATTENDED)) {
            cube.weigh(FIGURE, n(m), 3);
        }
        cube.weigh(FIGURE, n(Measure.NO_SHOWS), 5);  // the no-show rate is what the reminders are judged by
        for (Measure m : List.of(Measure.KEPT, Measure.KEPT_WITH_ROOM, Measure.ATTENDED_CONFIRMED,
                Measure.ATTENDED_UNCONFIRMED, Measure.NO_SHOWS_CONFIRMED, Measure.NO_SHOWS_UNCONFIRMED)) {
            cube.weigh(FIGURE, n(m), 0.3);
        }
        lattice.forEach((at, t) -> {
            int[] c = {at.get(0), at.get(1), at.get(2), at.get(3), 0};
            for (Measure m : COUNTS) {
                if (t.count(m) != 0) {
                    c[FIGURE] = figureNode.get(m.name());
                    cube.put(t.count(m), t.clients(m), c);
                }
            }
            t.failures().forEach((reason, n) -> {
                c[FIGURE] = figureNode.get("failed:" + reason);
                cube.put(n, t.failureClients(reason), c);
            });
        });
        cube.apply();

        for (Weighted w : Weighted.values()) {
            Set<List<Integer>> hidden = new HashSet<>();
            lattice.forEach((at, t) -> {
                if (at.get(OFFICE) == 0 || !agencyOfNode.containsKey(at.get(SERVICE)) || at.get(MODE) == 0) {
                    return;  // judged at (SSO, service, mode): every figure above one of them has it under it
                }
                // A group of fewer than five clients adds nothing to any hours or kilometres shown above it: a
                // report shows them only where none is under it (and where the count itself is shown).
                boolean small = (w.value(t) != 0 || t.count(w.from) != 0) && t.clients(w.from).fewerThanThreshold();
                if (small) {
                    int agency = agencyOfNode.get(at.get(SERVICE));
                    for (int oo : new int[] {at.get(OFFICE), 0}) {
                        for (int ss : new int[] {at.get(SERVICE), agency, 0}) {
                            for (int m : new int[] {at.get(MODE), 0}) {
                                hidden.add(List.of(at.get(TIME), oo, ss, m));
                            }
                        }
                    }
                }
            });
            weightedHidden.put(w, hidden);
        }

        optOuts = new SuppressionCube(time, officeDim);
        Map<List<Integer>, ReportTally> byPlace = new HashMap<>();
        optedOut.forEach((week, byOffice) -> byOffice.forEach((office, t) -> {
            Integer w = weekNode.get(week);
            Integer o = officeNode.get(office);
            if (w == null || o == null) {
                throw new IllegalArgumentException("an opt-out outside the month or of an unknown SSO");
            }
            for (int tt : new int[] {w, 0}) {
                for (int oo : new int[] {o, 0}) {
                    byPlace.computeIfAbsent(List.of(tt, oo), k -> new ReportTally()).add(t);
                }
            }
        }));
        byPlace.forEach((at, t) -> optOuts.put(t.count(Measure.BOOKED), t.clients(Measure.BOOKED), at.get(0),
                at.get(1)));
        optOuts.apply();
        cube.release();
        optOuts.release();
    }

    /**
     * The figures and how they add up: booked = attended + no-shows + cancelled + not yet held; attended = the three
     * outcomes + not completed (never published); attended and no-shows each = confirmed by SMS + not confirmed
     * (published inside the two rates); cancelled = by the SSO + the partner + the client; kept = attended +
     * no-shows + not yet held (published inside the advisors' hours); SMS failed = its reasons.
     */
    private Dimension figures(Set<String> reasons) {
        Dimension f = new Dimension("figure");
        for (Measure m : COUNTS) {
            figureNode.put(m.name(), f.node(m.name()));
        }
        for (String r : reasons) {
            figureNode.put("failed:" + r, f.node("failed:" + r));
        }
        f.sum(n(Measure.BOOKED), n(Measure.ATTENDED), n(Measure.NO_SHOWS), n(Measure.CANCELLED), n(Measure.OPEN));
        f.sum(n(Measure.ATTENDED), n(Measure.COMPLETED_ATTENDED), n(Measure.COMPLETED_FOLLOW_UP),
                n(Measure.COMPLETED_REFERRED_ON), n(Measure.ATTENDED_NOT_COMPLETED));
        f.sum(n(Measure.ATTENDED), n(Measure.ATTENDED_CONFIRMED), n(Measure.ATTENDED_UNCONFIRMED));
        f.sum(n(Measure.NO_SHOWS), n(Measure.NO_SHOWS_CONFIRMED), n(Measure.NO_SHOWS_UNCONFIRMED));
        f.sum(n(Measure.CANCELLED), n(Measure.CANCELLED_BY_COUNTER), n(Measure.CANCELLED_BY_PARTNER),
                n(Measure.CANCELLED_BY_CLIENT));
        f.sum(n(Measure.KEPT), n(Measure.ATTENDED), n(Measure.NO_SHOWS), n(Measure.OPEN));
        if (!reasons.isEmpty()) {
            f.sum(n(Measure.SMS_FAILED), reasons.stream().mapToInt(r -> figureNode.get("failed:" + r)).toArray());
        }
        return f;
    }

    private int n(Measure m) {
        return figureNode.get(m.name());
    }

    public LocalDate month() {
        return month;
    }

    // ---- where a report's line sits ------------------------------------------------------------------------

    /** The month itself, or one of its weeks. */
    public int time(Period period, LocalDate start) {
        if (period == Period.MONTH) {
            return 0;
        }
        Integer w = weekNode.get(start);
        if (w == null) {
            throw new IllegalArgumentException(start + " starts no week of " + month);
        }
        return w;
    }

    /**
     * An SSO, or all of them (null); {@link #ABSENT} for one that is neither active nor has figures this month
     * (its figures are all zero, and shown).
     */
    public int office(Long office) {
        return office == null ? 0 : officeNode.getOrDefault(office, ABSENT);
    }

    /** A service, or all of them (null); {@link #ABSENT} as for an SSO. */
    public int service(Long service) {
        return service == null ? 0 : serviceNode.getOrDefault(service, ABSENT);
    }

    /** All services of an agency; {@link #ABSENT} as for an SSO. */
    public int agency(long agency) {
        return agencyNode.getOrDefault(agency, ABSENT);
    }

    /** A mode, or all of them (null). */
    public int mode(SessionMode mode) {
        return mode == null ? 0 : modeNode.get(mode);
    }

    /**
     * Whether a count ("BOOKED", …, or "failed:" + reason) is shown as "&lt; 5" there. Only meaningful where it is
     * {@link #offered}: elsewhere no report shows it at all.
     */
    public boolean hidden(String figure, int time, int office, int service, int mode) {
        Integer f = figureNode.get(figure);
        if (f == null) {
            return false;  // a figure nobody counted this month: zero everywhere, and zeros are shown
        }
        return cube.hidden(time, office, service, mode, f);
    }

    /**
     * Whether reports show this count this finely at all. Every total is offered; by service or mode (month only)
     * the main counts, and never SSO × service × mode together; weeks by SSO and agency. The splits (outcomes, who
     * cancelled, confirmed or not, SMS failure reasons, not yet held) are offered by SSO and agency only. Finer
     * cells nobody can read give the pattern room: a box passes through them at no cost.
     */
    public boolean offered(String figure, int time, int office, int service, int mode) {
        Integer f = figureNode.get(figure);
        if (f != null) {
            return offered(time, office, service, mode, f);
        }
        boolean isMain = java.util.Arrays.stream(MAIN).anyMatch(m -> m.name().equals(figure));
        return offered(time, office, service, mode, isMain);
    }

    private boolean offered(int time, int office, int service, int mode, int figure) {
        // The sessions kept show only inside the advisors' hours (all SSOs, by agency), those with a room inside
        // the rooms' hours (by SSO, all services): nowhere else can anyone work them out.
        if (figure == keptNode) {
            return office == 0 && mode == 0 && !agencyOfNode.containsKey(service);
        }
        if (figure == keptWithRoomNode) {
            return service == 0 && (time == 0 || mode == 0);
        }
        return offered(time, office, service, mode, main.contains(figure));
    }

    private boolean offered(int time, int office, int service, int mode, boolean isMain) {
        boolean byService = agencyOfNode.containsKey(service);
        boolean byMode = mode != 0;
        if (!byService && !byMode) {
            return time == 0 || isMain;
        }
        return time == 0 && isMain && !(byService && byMode && office != 0);
    }

    public boolean hidden(Weighted weighted, int time, int office, int service, int mode) {
        return weightedHidden.get(weighted).contains(List.of(time, office, service, mode));
    }

    /** Whether the clients who opted out are shown as "&lt; 5" there (all services, all modes only). */
    public boolean optOutsHidden(int time, int office) {
        return optOuts.hidden(time, office);
    }

    /** For tests and the benchmark: how many published-able cells the month suppresses. */
    public int hiddenCount() {
        return cube.hiddenCount();
    }

    @Override
    public String toString() {
        return "ReportCube[" + month + ", " + new ArrayList<>(figureNode.keySet()).size() + " figures]";
    }
}
