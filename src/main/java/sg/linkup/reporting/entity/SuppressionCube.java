package sg.linkup.reporting.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import sg.linkup.reporting.entity.Dimension.Move;

/**
 * The one "&lt; 5" pattern for every figure any report can publish about a month: each cell of the cube (a time ×
 * SSO × service × mode × figure, at any level of each: a week or the month, one SSO or all, a service, its agency or
 * all, …) is shown or suppressed the same way in every report, export and scope, so that no set of queries can be
 * combined to work a suppressed cell out.
 *
 * <ol>
 *   <li><b>Primary:</b> a cell other than zero about fewer than {@value ClientCount#THRESHOLD} clients is
 *       suppressed.</li>
 *   <li><b>Secondary</b> (the hypercube method of statistical offices, e.g. τ-ARGUS's GHMITER): every suppressed
 *       cell gets a <em>box</em> — one {@link Move} per dimension, multiplied out — whose cells are all
 *       suppressed. Adding the box's ±1s to the true figures changes no published cell and keeps every sum true (each
 *       sum runs along one dimension, and that dimension's move keeps it), so the true figures and the changed ones
 *       are equally consistent with everything published: the cell cannot be worked out, by any combination of
 *       subtractions, from any number of reports. The box is also kept clear of the one way out through bounds: all
 *       its zero cells change the same way, so that one of the two directions never goes below zero. Of the boxes
 *       tried, the one that hides the least (published cells' values + 1) is taken.</li>
 * </ol>
 * Figures never published (a count only used inside a rate) are {@link #neverPublished free}: a box may pass
 * through them at no cost. What stays known of a suppressed cell is what the "&lt; 5" says, and that it is not
 * negative. SuppressionCubeTest checks the pattern with an attacker that solves every published sum together.
 */
public final class SuppressionCube {

    /** Moves tried per dimension for each box, besides the all-plus one that always works. */
    private static final int TRIED_PER_DIMENSION = 4;
    /** What a zero in a move adds to its score: less than any cell costs, enough to order equal moves. */
    private static final double ZERO_PENALTY = 0.001;

    private final Dimension[] dims;
    private final long[] radix;
    private Map<Long, Cell> cells = new HashMap<>();
    /** After {@link #release()}: only which cells are hidden. */
    private Set<Long> hiddenKeys;
    private final boolean[][] free;
    /** How much hiding a cell at a node costs, times its value + 1: a figure people read first weighs more. */
    private final double[][] weight;
    private java.util.function.Predicate<int[]> shown = c -> true;
    private java.util.function.Predicate<int[]> zeroUsable = c -> true;
    /** isFree's coordinates, reused: it runs for every cell a box search looks at (the cube is one thread's). */
    private final int[] scratch;
    /** isFree's answers so far, by key: the predicate is asked once per cell. */
    private final java.util.BitSet freeKnown = new java.util.BitSet();
    private final java.util.BitSet freeBits = new java.util.BitSet();
    private boolean applied;
    /** Boxes taken although every one tried held a zero that may be known (see {@link #zerosUsable}). */
    private int unprotectable;

    private static final class Cell {
        double value;
        boolean small;
        boolean hidden;
        /** The first box that hid it: every cell of it is suppressed, so it proves this one cannot be worked out. */
        Box box;
    }

    public SuppressionCube(Dimension... dims) {
        this.dims = dims.clone();
        this.radix = new long[dims.length];
        this.free = new boolean[dims.length][];
        this.weight = new double[dims.length][];
        this.scratch = new int[dims.length];
        long r = 1;
        for (int k = dims.length - 1; k >= 0; k--) {
            radix[k] = r;
            r = Math.multiplyExact(r, dims[k].size());
            free[k] = new boolean[dims[k].size()];
            weight[k] = new double[dims[k].size()];
            java.util.Arrays.fill(weight[k], 1);
        }
    }

    /**
     * A figure of the cube. Cells never put are zero (and shown). clients is who the figure is about; null for a
     * figure about no client, which the primary rule never hides.
     */
    public void put(double value, ClientCount clients, int... coords) {
        requireOpen();
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
            throw new IllegalArgumentException("a cell holds a finite figure not below zero, not " + value);
        }
        Cell cell = cells.computeIfAbsent(key(coords), k -> new Cell());
        cell.value = value;
        cell.small = value != 0 && clients != null && clients.fewerThanThreshold();
    }

    /** Every cell at this node of this dimension is a figure no report publishes: hidden, and free for boxes. */
    public void neverPublished(int dimension, int node) {
        requireOpen();
        free[dimension][node] = true;
    }

    /**
     * Makes hiding cells at this node cost more (weight &gt; 1: a figure people read first) or less (a figure shown
     * only inside another, such as sessions kept inside the advisors' hours).
     */
    public void weigh(int dimension, int node, double w) {
        requireOpen();
        if (!(w > 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("a weight is a positive number, not " + w);
        }
        weight[dimension][node] = w;
    }

    /**
     * Which cells any report can show at all; the others are free, as for {@link #neverPublished}. A report that
     * cannot cut figures that finely leaves boxes room to pass through those cells at no cost.
     */
    public void publishedOnly(java.util.function.Predicate<int[]> shown) {
        requireOpen();
        this.shown = shown;
    }

    /**
     * Which zero cells a box may use. A zero someone can know from elsewhere (a service an SSO never offered, an
     * SSO that did not exist yet) would pin the box: the default lets every zero in, for cubes without such
     * knowledge.
     */
    public void zerosUsable(java.util.function.Predicate<int[]> usable) {
        requireOpen();
        this.zeroUsable = usable;
    }

    /** Decides what is suppressed; the cube takes nothing more afterwards. */
    public void apply() {
        requireOpen();
        applied = true;
        List<Long> primaries = new ArrayList<>();
        cells.forEach((key, cell) -> {
            if (cell.small && !isFree(key)) {
                cell.hidden = true;
                primaries.add(key);
            }
        });
        // Finest cells first: their boxes climb to the totals above them, which are then often protected already;
        // a total's own box would have to come down through some finest cells anyway. Then by key, so that every
        // node and every run gets the same pattern.
        primaries.sort(java.util.Comparator.comparingInt(this::roots).thenComparingLong(k -> k));
        for (long key : primaries) {
            if (cells.get(key).box == null) {
                hide(bestBox(coords(key)));
            }
        }
    }

    /** Whether the cell at coords is shown as "&lt; 5" (or, never published, not shown at all). */
    public boolean hidden(int... coords) {
        requireApplied();
        long key = key(coords);
        if (isFree(key)) {
            return true;
        }
        if (hiddenKeys != null) {
            return hiddenKeys.contains(key);
        }
        Cell cell = cells.get(key);
        return cell != null && cell.hidden;
    }

    /**
     * Keeps only which cells are hidden (a month's cube holds every figure of every cell while it is worked out;
     * a node keeps a year or two of months). Values and witnesses are gone afterwards.
     */
    public void release() {
        requireApplied();
        if (hiddenKeys == null) {
            Set<Long> keys = new HashSet<>();
            cells.forEach((key, cell) -> {
                if (cell.hidden && !isFree(key)) {
                    keys.add(key);
                }
            });
            hiddenKeys = keys;
            cells = null;
        }
    }

    /** Whether no report shows the cell (never published, or not offered): it has no "&lt; 5" of its own. */
    public boolean free(int... coords) {
        return isFree(key(coords));
    }

    /** For tests: the value a cell holds (zero when never put). */
    public double value(int... coords) {
        requireHeld();
        Cell cell = cells.get(key(coords));
        return cell == null ? 0 : cell.value;
    }

    public int dimensions() {
        return dims.length;
    }

    public Dimension dimension(int k) {
        return dims[k];
    }

    /** How many cells got a box with a zero that may be known, for want of any other: logged by the caller. */
    public int unprotectable() {
        return unprotectable;
    }

    /** For tests: how many cells (published-able ones) are suppressed. */
    public int hiddenCount() {
        requireApplied();
        if (hiddenKeys != null) {
            return hiddenKeys.size();
        }
        return (int) cells.entrySet().stream().filter(e -> e.getValue().hidden && !isFree(e.getKey())).count();
    }

    // ---- boxes ----------------------------------------------------------------------------------------------

    /** One move per dimension. */
    record Box(Move[] moves) {
    }

    private Box bestBox(int[] at) {
        List<List<Move>> options = new ArrayList<>();
        Move[] fallback = new Move[dims.length];
        for (int k = 0; k < dims.length; k++) {
            List<Move> through = dims[k].movesThrough(at[k]);
            // Scored along the line through the cell: what the move would hide with every other coordinate kept,
            // and a little for each zero it moves (free or hidden ones too): zeros moving both ways make a box
            // unusable, so moves over figures other than zero are tried first.
            int dim = k;
            List<Move> cheapest = new ArrayList<>(through);
            Map<Move, Double> score = new HashMap<>();
            for (Move m : cheapest) {
                double cost = 0;
                int[] c = at.clone();
                for (int n : m.nodes()) {
                    c[dim] = n;
                    long key = key(c);
                    cost += cost(key) + (value(key) == 0 ? ZERO_PENALTY : 0);
                }
                score.put(m, cost);
            }
            cheapest.sort((a, b) -> Double.compare(score.get(a), score.get(b)));
            fallback[k] = cheapest.stream().filter(Move::allPlus).findFirst().orElseThrow();
            List<Move> tried = new ArrayList<>(cheapest.subList(0, Math.min(TRIED_PER_DIMENSION, cheapest.size())));
            if (!tried.contains(fallback[k])) {
                tried.add(fallback[k]);
            }
            options.add(tried);
        }
        Move[] best = fallback;
        double bestCost = feasible(fallback) ? boxCost(fallback, Double.MAX_VALUE) : Double.MAX_VALUE;
        int[] pick = new int[dims.length];
        while (true) {
            Move[] box = new Move[dims.length];
            for (int k = 0; k < dims.length; k++) {
                box[k] = options.get(k).get(pick[k]);
            }
            double cost = boxCost(box, bestCost);
            if (cost < bestCost && feasible(box)) {
                best = box;
                bestCost = cost;
                if (cost == 0) {
                    break;
                }
            }
            int k = dims.length - 1;
            while (k >= 0 && ++pick[k] == options.get(k).size()) {
                pick[k--] = 0;
            }
            if (k < 0) {
                break;
            }
        }
        if (bestCost == Double.POSITIVE_INFINITY) {
            unprotectable++;
        }
        return new Box(best);
    }

    /** What hiding the box adds: each published cell's value + 1 (a zero costs something too); stops past limit. */
    private double boxCost(Move[] box, double limit) {
        double[] total = {0};
        walkUntil(box, 0, 0L, key -> {
            total[0] += cost(key);
            return total[0] < limit;
        });
        return total[0];
    }

    /** Visits the box's cells while more returns true; false when it stopped early. */
    private boolean walkUntil(Move[] box, int k, long key, java.util.function.LongPredicate more) {
        if (k == dims.length) {
            return more.test(key);
        }
        for (int n : box[k].nodes()) {
            if (!walkUntil(box, k + 1, key + n * radix[k], more)) {
                return false;
            }
        }
        return true;
    }

    private double value(long key) {
        Cell cell = cells.get(key);
        return cell == null ? 0 : cell.value;
    }

    private double cost(long key) {
        Cell cell = cells.get(key);
        if ((cell == null || cell.value == 0) && !zeroUsable.test(coords(key))) {
            return Double.POSITIVE_INFINITY;  // a zero anyone may know (an SSO that did not offer the service)
        }
        if (isFree(key)) {
            return 0;
        }
        if (cell != null && cell.hidden) {
            return 0;
        }
        double w = 1;
        for (int k = 0; k < dims.length; k++) {
            w *= weight[k][(int) (key / radix[k] % dims[k].size())];
        }
        return ((cell == null ? 0 : cell.value) + 1) * w;
    }

    /** How many coordinates are a dimension's first node (its root: "all"). */
    private int roots(long key) {
        int n = 0;
        for (int k = 0; k < dims.length; k++) {
            n += key / radix[k] % dims[k].size() == 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * Whether true + box or true − box stays at or above zero everywhere: all the box's zero cells (free ones
     * included: their true value is known here) must move the same way.
     */
    private boolean feasible(Move[] box) {
        int[] zeroSigns = {0, 0};  // [0] how many zeros move down, [1] up
        forEachCell(box, (key, sign) -> {
            Cell cell = cells.get(key);
            if (cell == null || cell.value == 0) {
                zeroSigns[sign > 0 ? 1 : 0]++;
            }
        });
        return zeroSigns[0] == 0 || zeroSigns[1] == 0;
    }

    private void hide(Box box) {
        forEachCell(box.moves(), (key, sign) -> {
            if (!isFree(key)) {
                Cell cell = cells.computeIfAbsent(key, k -> new Cell());
                cell.hidden = true;
                if (cell.box == null) {
                    cell.box = box;
                }
            }
        });
    }

    /** For tests: the box that protects a suppressed cell, as cell coordinates → +1/−1. */
    public Map<List<Integer>, Integer> witness(int... coords) {
        requireApplied();
        requireHeld();
        Cell cell = cells.get(key(coords));
        if (cell == null || !cell.hidden) {
            throw new IllegalArgumentException("not a suppressed cell");
        }
        Box box = cell.box;
        Map<List<Integer>, Integer> w = new HashMap<>();
        forEachCell(box.moves(), (key, sign) -> w.put(toList(coords(key)), sign));
        return w;
    }

    interface CellVisitor {
        void visit(long key, int sign);
    }

    private void forEachCell(Move[] box, CellVisitor visitor) {
        int[] at = new int[dims.length];
        walk(box, 0, 0L, 1, at, visitor);
    }

    private void walk(Move[] box, int k, long key, int sign, int[] at, CellVisitor visitor) {
        if (k == dims.length) {
            visitor.visit(key, sign);
            return;
        }
        Move m = box[k];
        for (int i = 0; i < m.nodes().length; i++) {
            walk(box, k + 1, key + m.nodes()[i] * radix[k], sign * m.signs()[i], at, visitor);
        }
    }

    // ---- keys -----------------------------------------------------------------------------------------------

    private long key(int[] coords) {
        if (coords.length != dims.length) {
            throw new IllegalArgumentException("a cell has " + dims.length + " coordinates, not " + coords.length);
        }
        long key = 0;
        for (int k = 0; k < dims.length; k++) {
            if (coords[k] < 0 || coords[k] >= dims[k].size()) {
                throw new IllegalArgumentException("no node " + coords[k] + " in " + dims[k].name());
            }
            key += coords[k] * radix[k];
        }
        return key;
    }

    private int[] coords(long key) {
        int[] c = new int[dims.length];
        for (int k = 0; k < dims.length; k++) {
            c[k] = (int) (key / radix[k]);
            key %= radix[k];
        }
        return c;
    }

    private boolean isFree(long key) {
        if (hiddenKeys != null) {
            // Released: read by many requests at once, so nothing shared is written.
            return decideFree(key, new int[dims.length]);
        }
        if (key < Integer.MAX_VALUE) {
            int i = (int) key;
            if (!freeKnown.get(i)) {
                freeKnown.set(i);
                freeBits.set(i, decideFree(key, scratch));
            }
            return freeBits.get(i);
        }
        return decideFree(key, scratch);
    }

    private boolean decideFree(long key, int[] c) {
        for (int k = 0; k < dims.length; k++) {
            c[k] = (int) (key / radix[k] % dims[k].size());
            if (free[k][c[k]]) {
                return true;
            }
        }
        return !shown.test(c);
    }

    private static List<Integer> toList(int[] c) {
        List<Integer> l = new ArrayList<>();
        for (int v : c) {
            l.add(v);
        }
        return l;
    }

    private void requireOpen() {
        if (applied) {
            throw new IllegalStateException("this cube's suppression has been applied");
        }
    }

    private void requireHeld() {
        if (cells == null) {
            throw new IllegalStateException("this cube has been released: it keeps only what is hidden");
        }
    }

    private void requireApplied() {
        if (!applied) {
            throw new IllegalStateException("call apply() first");
        }
    }

    @Override
    public String toString() {
        return "SuppressionCube[" + dims.length + " dimensions" + (applied ? ", applied" : "") + "]";
    }
}
