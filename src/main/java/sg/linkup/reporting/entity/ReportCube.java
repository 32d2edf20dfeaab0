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
 * <p>Kilometres and hours of travel saved, and advisors' and rooms' booked hours, are figures of the cube too,
 * each a root of its own (no sum ties them to the counts). They are sums of per-session amounts that a model (the
 * travel parameters and coordinates, a service's length) could estimate from counts, so an attacker with that model
 * could estimate a hidden count from them: an inference the cube does not rule out (README, "Privacy").
 */
public final class ReportCube {

    /**
     * Amounts summed per session — kilometres and hours of travel saved, advisors' and rooms' booked hours — as
     * figures of the cube like the counts, about the clients of the sessions they sum.
     */
    public enum Amount {
        KM_SAVED(Measure.ATTENDED), HOURS_SAVED(Measure.ATTENDED), ADVISOR_HOURS(Measure.KEPT),
        ROOM_HOURS(Measure.KEPT_WITH_ROOM);

        final Measure clients;

        Amount(Measure clients) {
            this.clients = clients;
        }

        double value(ReportTally t) {
            return switch (this) {
                case KM_SAVED -> t.kmSaved();
                case HOURS_SAVED -> t.hoursSaved();
                case ADVISOR_HOURS -> t.advisorMinutes() / 60.0;
                case ROOM_HOURS -> t.roomMinutes() / 60.0;
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
            Measure.SMS_FAILED, Measure.INVITATIONS_SENT, Measure.INVITATIONS_FAILED, Measure.KEPT};

    /** Not in the cube: inactive, and no figure this month. */
    public static final int ABSENT = -1;

    /** The counts shown by service and by mode too (the splits are shown by SSO and agency only). */
    private static final Measure[] MAIN = {Measure.BOOKED, Measure.ATTENDED, Measure.NO_SHOWS, Measure.CANCELLED,
            Measure.SMS_SENT, Measure.SMS_DELIVERED, Measure.SMS_FAILED, Measure.INVITATIONS_SENT,
            Measure.INVITATIONS_FAILED};

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
    /** Service node → its agency's node. */
    private final Map<Integer, Integer> agencyOfNode = new HashMap<>();
    private final Map<SessionMode, Integer> modeNode = new EnumMap<>(SessionMode.class);
    private final Map<String, Integer> figureNode = new LinkedHashMap<>();
    private final SuppressionCube cube;
    private final SuppressionCube optOuts;
    private final int unprotectable;
    /** Figure nodes of the main counts. */
    private final Set<Integer> main = new HashSet<>();

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
                    for (int ss : new int[] {s, agencyOfNode.get(s), 0}) {
                        for (int m : new int[] {modeNode.get(b.mode()), 0}) {
                            lattice.computeIfAbsent(List.of(t, oo, ss, m), k -> new ReportTally()).add(e.getValue());
                        }
                    }
                }
            }
        }
        cube = new SuppressionCube(time, officeDim, serviceDim, modeDim, figures);
        for (Measure m : MAIN) {
            main.add(n(m));
        }
        for (Amount a : Amount.values()) {
            main.add(figureNode.get(a.name()));
        }
        // Whatever the shown figures give by subtraction is shown too, in effect: not yet held = booked − attended
        // − no-shows − cancelled, and so sessions kept; a month's only SMS failure reason; "attended, not
        // completed" wherever the outcomes are shown. Such a figure is a cell like any other, checked for "< 5".
        for (boolean grew = true; grew; ) {
            grew = false;
            for (int[] sum : figures.sums()) {
                long unshown = java.util.Arrays.stream(sum).filter(f -> !main.contains(f)).count();
                if (unshown == 1) {
                    main.add(java.util.Arrays.stream(sum).filter(f -> !main.contains(f)).findFirst().orElseThrow());
                    grew = true;
                }
            }
        }
        cube.publishedOnly(c -> offered(c[TIME], c[OFFICE], c[SERVICE], c[MODE], main.contains(c[FIGURE])));
        // A zero a box may hide must be one nobody can know from elsewhere: only where the SSO, service and mode
        // had sessions this month (an SSO that did not offer a service, or did not exist, has zeros anyone knows).
        // Same week (a one-day stub of a week cut at a month end may be a Sunday, when SSOs are closed), and not a
        // figure that is zero by its nature (rooms' hours of sessions by video from home).
        int roomHours = figureNode.get(Amount.ROOM_HOURS.name());
        int fromHome = modeNode.get(SessionMode.VIDEO_REMOTE);
        cube.zerosUsable(c -> {
            if (c[FIGURE] == roomHours && c[MODE] == fromHome) {
                return false;
            }
            ReportTally t = lattice.get(List.of(c[TIME], c[OFFICE], c[SERVICE], c[MODE]));
            return t != null && t.count(Measure.BOOKED) > 0;
        });
        // What a counter officer or a partner reads first costs most to hide; counts shown only inside a rate or
        // behind the hours cost least.
        for (Measure m : List.of(Measure.BOOKED, Measure.ATTENDED)) {
            cube.weigh(FIGURE, n(m), 3);
        }
        cube.weigh(FIGURE, n(Measure.NO_SHOWS), 5);  // the no-show rate is what the reminders are judged by
        for (Measure m : List.of(Measure.KEPT, Measure.ATTENDED_CONFIRMED,
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
            for (Amount a : Amount.values()) {
                if (a.value(t) != 0) {
                    c[FIGURE] = figureNode.get(a.name());
                    cube.put(a.value(t), t.clients(a.clients), c);
                }
            }
        });
        cube.apply();

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
        optOuts.zerosUsable(c -> byPlace.containsKey(List.of(0, c[1])));
        optOuts.apply();
        unprotectable = cube.unprotectable() + optOuts.unprotectable();
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
        for (Amount a : Amount.values()) {
            figureNode.put(a.name(), f.node(a.name()));
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

    /** The SMS failure reasons of the month, every SSO's: the columns a report shows whatever it filters. */
    public Set<String> reasons() {
        Set<String> reasons = new java.util.TreeSet<>();
        figureNode.keySet().stream().filter(f -> f.startsWith("failed:")).forEach(f -> reasons.add(f.substring(7)));
        return reasons;
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
            return offered(time, office, service, mode, main.contains(f));
        }
        boolean isMain = java.util.Arrays.stream(MAIN).anyMatch(m -> m.name().equals(figure));
        return offered(time, office, service, mode, isMain);
    }

    private boolean offered(int time, int office, int service, int mode, boolean isMain) {
        boolean byService = agencyOfNode.containsKey(service);
        boolean byMode = mode != 0;
        if (!byService && !byMode) {
            return time == 0 || isMain;
        }
        return time == 0 && isMain && !(byService && byMode && office != 0);
    }

    public boolean hidden(Amount amount, int time, int office, int service, int mode) {
        return cube.hidden(time, office, service, mode, figureNode.get(amount.name()));
    }

    /** Whether the clients who opted out are shown as "&lt; 5" there (all services, all modes only). */
    public boolean optOutsHidden(int time, int office) {
        return optOuts.hidden(time, office);
    }

    /** Cells protected only by a box with a zero someone may know, for want of any other (logged). */
    public int unprotectable() {
        return unprotectable;
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
