package sg.linkup.reporting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import sg.linkup.reporting.entity.Dimension.Move;

/**
 * The "&lt; 5" pattern against an attacker who knows every published cell of the cube and every sum, and solves
 * them all together (exact linear algebra, modulo a large prime) — which is what subtracting totals across any
 * number of reports, filters, groupings and ranges amounts to.
 */
class SuppressionCubeTest {

    private static final long P = 1_000_000_007L;

    private static ClientCount clients(int count) {
        return ClientCount.of(LongStream.rangeClosed(1, count).toArray());
    }

    // --- dimensions ------------------------------------------------------------------------------------------

    @Test
    void aTreeMovesALeafWithItsAncestorsOrAgainstAnotherLeaf() {
        Dimension services = Dimension.tree("service", "all");
        int a = services.child(0, "WSG");
        int b = services.child(0, "HDB");
        int careers = services.child(a, "careers");
        int jobs = services.child(a, "jobs");
        int rental = services.child(b, "rental");

        List<String> moves = services.movesThrough(careers).stream().map(Move::toString).toList();

        assertTrue(moves.contains("Move[+0 +" + a + " +" + careers + "]"), moves::toString);  // up to "all"
        assertTrue(moves.contains("Move[+" + careers + " -" + jobs + "]"), moves::toString);  // a sibling
        assertTrue(moves.contains("Move[+" + a + " -" + b + " +" + careers + " -" + rental + "]"), moves::toString);
        for (int n = 0; n < services.size(); n++) {
            services.movesThrough(n).forEach(m -> assertKeepsEverySum(services, m));
        }
    }

    @Test
    void theSessionFiguresMoveOnlyInWaysThatKeepBothSplitsOfAttended() {
        Dimension figures = sessionFigures();
        for (int n = 0; n < figures.size(); n++) {
            assertFalse(figures.movesThrough(n).isEmpty(), figures.label(n));
            assertTrue(figures.movesThrough(n).stream().anyMatch(Move::allPlus), figures.label(n));
            figures.movesThrough(n).forEach(m -> assertKeepsEverySum(figures, m));
        }
    }

    private static void assertKeepsEverySum(Dimension d, Move m) {
        for (int[] sum : d.sums()) {
            int off = m.signAt(sum[0]);
            for (int i = 1; i < sum.length; i++) {
                off -= m.signAt(sum[i]);
            }
            assertEquals(0, off, () -> m + " breaks a sum of " + d.name());
        }
    }

    /** booked = attended + no-shows + cancelled; attended = two outcomes + "not completed" (never published), and
     * attended = confirmed + unconfirmed; no-shows = confirmed + unconfirmed. */
    static Dimension sessionFigures() {
        Dimension f = new Dimension("figure");
        int booked = f.node("booked");
        int attended = f.node("attended");
        int noShows = f.node("noShows");
        int cancelled = f.node("cancelled");
        int done = f.node("completed");
        int referred = f.node("referred");
        int notCompleted = f.node("notCompleted");
        int attendedConfirmed = f.node("attendedConfirmed");
        int attendedUnconfirmed = f.node("attendedUnconfirmed");
        int noShowsConfirmed = f.node("noShowsConfirmed");
        int noShowsUnconfirmed = f.node("noShowsUnconfirmed");
        f.sum(booked, attended, noShows, cancelled);
        f.sum(attended, done, referred, notCompleted);
        f.sum(attended, attendedConfirmed, attendedUnconfirmed);
        f.sum(noShows, noShowsConfirmed, noShowsUnconfirmed);
        return f;
    }

    // --- the primary rule --------------------------------------------------------------------------------------

    @Test
    void aFigureAboutFewerThanFiveClientsIsHiddenAndOneAboutFiveIsNot() {
        Dimension offices = Dimension.tree("office", "all");
        int a = offices.child(0, "A");
        int b = offices.child(0, "B");
        SuppressionCube cube = new SuppressionCube(offices);
        cube.put(40, clients(4), a);
        cube.put(40, clients(5), b);
        cube.put(80, clients(5), 0);
        cube.apply();

        assertTrue(cube.hidden(a));
        // Alone, A could be worked out as all − B: B goes too, and "all" (about 9 clients) stays.
        assertTrue(cube.hidden(b));
        assertFalse(cube.hidden(0));
    }

    @Test
    void aZeroIsShownAndAFigureAboutNoClientIsNotHiddenByThePrimaryRule() {
        Dimension offices = Dimension.tree("office", "all");
        int a = offices.child(0, "A");
        int b = offices.child(0, "B");
        SuppressionCube cube = new SuppressionCube(offices);
        cube.put(37.5, null, a);
        cube.put(40, null, b);
        cube.put(77.5, null, 0);
        cube.apply();

        assertFalse(cube.hidden(a));
        assertFalse(cube.hidden(b));
        assertEquals(0, cube.hiddenCount());
    }

    /** Many sessions of few clients are still few clients. */
    @Test
    void theThresholdCountsClientsNotSessions() {
        Dimension offices = Dimension.tree("office", "all");
        int a = offices.child(0, "A");
        SuppressionCube cube = new SuppressionCube(offices);
        cube.put(40, clients(2), a);
        cube.put(40, clients(2), 0);
        cube.apply();

        assertTrue(cube.hidden(a));
        assertTrue(cube.hidden(0));
    }

    // --- the attack across reports ------------------------------------------------------------------------------

    /**
     * The review's case: a supervisor reads the SSO's month by mode, and the SSO's month by service, and the SSO's
     * total; subtracting across the three reports used to give a cell that each report alone hid.
     */
    @Test
    void subtractingAcrossModeAndServiceReportsRecoversNothing() {
        Dimension services = Dimension.tree("service", "all");
        int careers = services.child(0, "careers");
        int rental = services.child(0, "rental");
        int legal = services.child(0, "legal");
        Dimension modes = Dimension.tree("mode", "all");
        int inPerson = modes.child(0, "in person");
        int video = modes.child(0, "video");
        SuppressionCube cube = new SuppressionCube(services, modes);
        int[][] values = {{30, 2, 28}, {20, 20, 0}, {3, 0, 3}};  // rows: careers, rental, legal; cols: all, in person, video
        int[] serviceNode = {careers, rental, legal};
        int[] modeNode = {0, inPerson, video};
        for (int s = 0; s < 3; s++) {
            for (int m = 0; m < 3; m++) {
                cube.put(values[s][m], clients(Math.min(5, values[s][m])), serviceNode[s], modeNode[m]);
            }
        }
        cube.put(53, clients(5), 0, 0);
        cube.put(22, clients(5), 0, inPerson);
        cube.put(31, clients(5), 0, video);
        cube.apply();

        assertTrue(cube.hidden(careers, inPerson));
        assertTrue(cube.hidden(legal, video));
        assertNothingHiddenIsDetermined(cube);
        assertEveryWitnessIsABoxOfHiddenCellsThatKeepsEverySum(cube);
    }

    /** Random cubes shaped like the reports': weeks in a month, SSOs, services under agencies, and the figures. */
    @Property(tries = 60)
    void noHiddenCellOfARandomCubeCanBeWorkedOut(@ForAll @IntRange(min = 0, max = 1_000_000) int seed,
                                                 @ForAll @IntRange(min = 1, max = 12) int scale) {
        Random random = new Random(seed);
        Dimension time = Dimension.tree("time", "month");
        int weeks = 2 + random.nextInt(2);
        for (int w = 0; w < weeks; w++) {
            time.child(0, "week " + w);
        }
        Dimension offices = Dimension.tree("office", "all");
        int officeCount = 2 + random.nextInt(2);
        for (int o = 0; o < officeCount; o++) {
            offices.child(0, "SSO " + o);
        }
        Dimension services = Dimension.tree("service", "all");
        for (int a = 0; a < 2; a++) {
            int agency = services.child(0, "agency " + a);
            int count = 1 + random.nextInt(2);
            for (int s = 0; s < count; s++) {
                services.child(agency, "service " + a + "." + s);
            }
        }
        Dimension figures = sessionFigures();
        SuppressionCube cube = new SuppressionCube(time, offices, services, figures);
        cube.neverPublished(3, 6);  // notCompleted
        if (random.nextBoolean()) {
            // As the reports: a week is not shown by SSO and service together, nor the splits by week.
            cube.publishedOnly(c -> c[0] == 0 || (c[1] == 0 || c[2] == 0) && c[3] < 4);
        }
        if (random.nextBoolean()) {
            cube.weigh(3, 0, 3);
            cube.weigh(3, 7, 0.3);
        }
        fill(cube, random, scale);
        cube.apply();

        assertNothingHiddenIsDetermined(cube);
        assertEveryWitnessIsABoxOfHiddenCellsThatKeepsEverySum(cube);
        assertEverySmallCellIsHidden(cube);
    }

    /**
     * Leaf cells get random sessions split the way the figures split; every other cell is the sum of its leaves.
     * Clients are as many as sessions (so small counts are small).
     */
    private static void fill(SuppressionCube cube, Random random, int scale) {
        Dimension time = cube.dimension(0);
        Dimension offices = cube.dimension(1);
        Dimension services = cube.dimension(2);
        Map<List<Integer>, int[]> leaves = new HashMap<>();
        for (int t = 1; t < time.size(); t++) {
            for (int o = 1; o < offices.size(); o++) {
                for (int s = 0; s < services.size(); s++) {
                    if (!isLeaf(services, s)) {
                        continue;
                    }
                    int attendedConfirmed = random.nextInt(scale);
                    int attendedUnconfirmed = random.nextInt(scale);
                    int noShowsConfirmed = random.nextInt(2);
                    int noShowsUnconfirmed = random.nextInt(3);
                    int cancelled = random.nextInt(scale);
                    int attended = attendedConfirmed + attendedUnconfirmed;
                    int done = attended == 0 ? 0 : random.nextInt(attended + 1);
                    int referred = attended - done == 0 ? 0 : random.nextInt(attended - done + 1);
                    int notCompleted = attended - done - referred;
                    int noShows = noShowsConfirmed + noShowsUnconfirmed;
                    leaves.put(List.of(t, o, s), new int[] {attended + noShows + cancelled, attended, noShows,
                            cancelled, done, referred, notCompleted, attendedConfirmed, attendedUnconfirmed,
                            noShowsConfirmed, noShowsUnconfirmed});
                }
            }
        }
        for (int t = 0; t < time.size(); t++) {
            for (int o = 0; o < offices.size(); o++) {
                for (int s = 0; s < services.size(); s++) {
                    int[] total = new int[11];
                    for (Map.Entry<List<Integer>, int[]> leaf : leaves.entrySet()) {
                        if (under(time, leaf.getKey().get(0), t) && under(offices, leaf.getKey().get(1), o)
                                && under(services, leaf.getKey().get(2), s)) {
                            for (int f = 0; f < 11; f++) {
                                total[f] += leaf.getValue()[f];
                            }
                        }
                    }
                    for (int f = 0; f < 11; f++) {
                        cube.put(total[f], clients(Math.min(5, total[f])), t, o, s, f);
                    }
                }
            }
        }
    }

    private static boolean isLeaf(Dimension d, int node) {
        return d.sums().stream().noneMatch(s -> s[0] == node);
    }

    /** Whether node is at or under ancestor in a tree. */
    private static boolean under(Dimension d, int node, int ancestor) {
        if (node == ancestor) {
            return true;
        }
        for (int[] s : d.sums()) {
            for (int i = 1; i < s.length; i++) {
                if (s[i] == node) {
                    return under(d, s[0], ancestor);
                }
            }
        }
        return false;
    }

    private static void assertEverySmallCellIsHidden(SuppressionCube cube) {
        forEachCell(cube, c -> {
            if (cube.free(c)) {
                return;
            }
            double v = cube.value(c);
            if (v > 0 && v < 5) {
                assertTrue(cube.hidden(c), () -> "a figure about " + v + " clients is shown");
            }
        });
    }

    // --- the attacker ------------------------------------------------------------------------------------------

    /**
     * Every sum of every dimension, at every place in the others, is an equation; published cells are known.
     * Gaussian elimination over the hidden cells: a hidden cell is worked out exactly when the unit vector on it
     * lies in the equations' row space.
     */
    static void assertNothingHiddenIsDetermined(SuppressionCube cube) {
        List<int[]> unknownCells = new ArrayList<>();
        Map<List<Integer>, Integer> column = new HashMap<>();
        forEachCell(cube, c -> {
            if (cube.hidden(c)) {
                column.put(asList(c), unknownCells.size());
                unknownCells.add(c.clone());
            }
        });
        List<long[]> rows = new ArrayList<>();
        forEachEquation(cube, terms -> {
            long[] row = new long[unknownCells.size()];
            boolean any = false;
            for (Map.Entry<int[], Integer> term : terms.entrySet()) {
                Integer col = column.get(asList(term.getKey()));
                if (col != null) {
                    row[col] = Math.floorMod(row[col] + term.getValue(), P);
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        });
        int n = unknownCells.size();
        int[] pivotRowOf = new int[n];
        java.util.Arrays.fill(pivotRowOf, -1);
        int r = 0;
        for (int col = 0; col < n && r < rows.size(); col++) {
            int found = -1;
            for (int i = r; i < rows.size(); i++) {
                if (rows.get(i)[col] != 0) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                continue;
            }
            java.util.Collections.swap(rows, r, found);
            long[] pivot = rows.get(r);
            long inv = modPow(pivot[col], P - 2);
            for (int j = 0; j < n; j++) {
                pivot[j] = pivot[j] * inv % P;
            }
            for (int i = 0; i < rows.size(); i++) {
                long[] other = rows.get(i);
                if (i != r && other[col] != 0) {
                    long f = other[col];
                    for (int j = 0; j < n; j++) {
                        if (pivot[j] != 0) {
                            other[j] = Math.floorMod(other[j] - f * pivot[j] % P, P);
                        }
                    }
                }
            }
            pivotRowOf[col] = r++;
        }
        for (int col = 0; col < n; col++) {
            if (pivotRowOf[col] < 0) {
                continue;
            }
            long[] row = rows.get(pivotRowOf[col]);
            boolean alone = true;
            for (int j = 0; j < n && alone; j++) {
                alone = j == col || row[j] == 0;
            }
            if (alone && !isFreeCell(cube, unknownCells.get(col))) {
                fail("the attacker works out hidden cell " + asList(unknownCells.get(col)) + " = "
                        + cube.value(unknownCells.get(col)));
            }
        }
    }

    /** The witness box: all its cells hidden, every sum unchanged by it, and one direction stays non-negative. */
    static void assertEveryWitnessIsABoxOfHiddenCellsThatKeepsEverySum(SuppressionCube cube) {
        forEachCell(cube, c -> {
            if (!cube.hidden(c) || isFreeCell(cube, c)) {
                return;
            }
            Map<List<Integer>, Integer> box = cube.witness(c);
            assertTrue(box.containsKey(asList(c)) && box.get(asList(c)) != 0, "the box moves the cell it protects");
            boolean up = true;
            boolean down = true;
            for (Map.Entry<List<Integer>, Integer> e : box.entrySet()) {
                int[] at = e.getKey().stream().mapToInt(Integer::intValue).toArray();
                assertTrue(cube.hidden(at), () -> "box cell " + e.getKey() + " is published");
                double v = cube.value(at);
                up &= v + e.getValue() >= 0;
                down &= v - e.getValue() >= 0;
            }
            assertTrue(up || down, "both directions go below zero");
            forEachEquation(cube, terms -> {
                int change = 0;
                for (Map.Entry<int[], Integer> term : terms.entrySet()) {
                    change += term.getValue() * box.getOrDefault(asList(term.getKey()), 0);
                }
                assertEquals(0, change, "the box changes a sum");
            });
        });
    }

    private static boolean isFreeCell(SuppressionCube cube, int[] c) {
        return cube.free(c);  // no report shows it: hidden without a box, and nothing to protect
    }

    interface CellAction {
        void at(int[] coords);
    }

    interface EquationAction {
        /** cell → coefficient: total +1, parts −1. */
        void terms(Map<int[], Integer> terms);
    }

    private static void forEachCell(SuppressionCube cube, CellAction action) {
        int[] c = new int[cube.dimensions()];
        walk(cube, 0, c, action);
    }

    private static void walk(SuppressionCube cube, int k, int[] c, CellAction action) {
        if (k == c.length) {
            action.at(c);
            return;
        }
        for (int n = 0; n < cube.dimension(k).size(); n++) {
            c[k] = n;
            walk(cube, k + 1, c, action);
        }
    }

    private static void forEachEquation(SuppressionCube cube, EquationAction action) {
        for (int k = 0; k < cube.dimensions(); k++) {
            int dim = k;
            for (int[] sum : cube.dimension(k).sums()) {
                forEachCell(cube, c -> {
                    if (c[dim] != 0) {
                        return;  // each place in the other dimensions once
                    }
                    Map<int[], Integer> terms = new java.util.IdentityHashMap<>();
                    int[] total = c.clone();
                    total[dim] = sum[0];
                    terms.put(total, 1);
                    for (int i = 1; i < sum.length; i++) {
                        int[] part = c.clone();
                        part[dim] = sum[i];
                        terms.put(part, -1);
                    }
                    action.terms(terms);
                });
            }
        }
    }

    private static List<Integer> asList(int[] c) {
        List<Integer> l = new ArrayList<>();
        for (int v : c) {
            l.add(v);
        }
        return l;
    }

    private static long modPow(long b, long e) {
        long r = 1;
        b %= P;
        while (e > 0) {
            if ((e & 1) == 1) {
                r = r * b % P;
            }
            b = b * b % P;
            e >>= 1;
        }
        return r;
    }
}
