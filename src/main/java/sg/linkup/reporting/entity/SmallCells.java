package sg.linkup.reporting.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small-cell suppression for one published table (a report's JSON and its CSV publish the same cells).
 *
 * <p>Register every figure the table publishes with {@link #add}, declare every way figures add up with
 * {@link #sum} (a row total, a column total, the grand total, booked = attended + no-shows + cancelled + open,
 * …) and every figure worked out from others with {@link #derive} (a rate, a median), then {@link #apply()}:
 * <ol>
 *   <li><b>Primary:</b> a figure other than zero that counts fewer than {@value ClientCount#THRESHOLD} clients
 *       is suppressed. A zero is shown: it counts no client, and hiding it would hide nothing.</li>
 *   <li><b>Secondary</b> (the "subtract from the total" attack): while some additivity group has exactly one
 *       suppressed cell, that cell could be worked out by one subtraction, so the group suppresses one more —
 *       the unsuppressed part with the smallest value other than zero (ties: the first registered), or the
 *       total when no such part is left. Zeros are passed over because a zero hidden next to a small figure
 *       protects nothing: the two then add up to exactly the small figure. Suppressing a cell can leave another
 *       group with exactly one, so this repeats until no group has.</li>
 *   <li><b>Derived:</b> a figure derived from a suppressed one is suppressed too (a no-show rate over a hidden
 *       number of bookings would give it away). Should a derived figure also be part of a sum, the secondary
 *       step runs again.</li>
 * </ol>
 *
 * <p>What this guarantees: nobody who knows every published figure and the declared sums can work out a
 * suppressed figure by solving sums with one unknown, one after another (SmallCellsTest attacks random tables
 * this way). It is the usual cell-suppression pattern, not a proof against every linear combination of sums
 * nor against bounds (a hidden count is still known to lie between 0 and its total). Measured on 3,000 random
 * tables shaped like the sessions report, solving all their sums together as one linear system still pinned
 * 14 of some 80,000 figures about fewer than five clients (in 10 tables): rare, not impossible. Closing that
 * needs an optimiser over the whole table (as statistical offices' tools such as τ-ARGUS do), not this.
 */
public final class SmallCells {

    private final List<Cell> cells = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final List<Derivation> derivations = new ArrayList<>();
    private boolean applied;

    /** One published figure. Read {@link #suppressed()} only after {@link SmallCells#apply()}. */
    public static final class Cell {
        private final SmallCells table;
        private final int order;
        private final double value;
        /** Null for a figure about no client. */
        private final ClientCount clients;
        private boolean suppressed;

        private Cell(SmallCells table, int order, double value, ClientCount clients) {
            this.table = table;
            this.order = order;
            this.value = value;
            this.clients = clients;
        }

        private boolean primarySmall() {
            return value != 0 && clients != null && clients.fewerThanThreshold();
        }

        public double value() {
            return value;
        }

        public boolean suppressed() {
            table.requireApplied();
            return suppressed;
        }

        @Override
        public String toString() {
            return "Cell#" + order + "[" + value + (suppressed ? ", suppressed" : "") + "]";
        }
    }

    private record Group(Cell total, List<Cell> parts) {
    }

    private record Derivation(Cell derived, List<Cell> inputs) {
    }

    /** A published figure about the given clients (a count of sessions, of messages, hours booked, …). */
    public Cell add(double value, ClientCount clients) {
        if (clients == null) {
            throw new IllegalArgumentException("say which clients the figure counts (ClientCount.none() for none)");
        }
        return register(value, clients);
    }

    /**
     * A published figure about no client at all (the hours a room is open, the hours advisors offered): the
     * primary rule never hides it, but the secondary or derived rule may.
     */
    public Cell addWithoutClients(double value) {
        return register(value, null);
    }

    private Cell register(double value, ClientCount clients) {
        requireOpen();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("a published figure is a finite number, not " + value);
        }
        Cell cell = new Cell(this, cells.size(), value, clients);
        cells.add(cell);
        return cell;
    }

    /** Declares total = the sum of parts, so that no single one of them can be left to be worked out. */
    public void sum(Cell total, List<Cell> parts) {
        requireOpen();
        requireMine(total);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a sum needs at least one part");
        }
        for (Cell part : parts) {
            requireMine(part);
            if (part == total) {
                throw new IllegalArgumentException("a total cannot be one of its own parts");
            }
        }
        groups.add(new Group(total, List.copyOf(parts)));
    }

    /** Declares that derived is worked out from inputs (a rate, a median, a percentile). */
    public void derive(Cell derived, Cell... inputs) {
        requireOpen();
        requireMine(derived);
        if (inputs.length == 0) {
            throw new IllegalArgumentException("a derived figure needs at least one input");
        }
        for (Cell input : inputs) {
            requireMine(input);
            if (input == derived) {
                throw new IllegalArgumentException("a figure cannot be derived from itself");
            }
        }
        derivations.add(new Derivation(derived, List.of(inputs)));
    }

    /** Decides which cells are suppressed; the table takes no more cells or rules afterwards. */
    public void apply() {
        requireOpen();
        applied = true;
        for (Cell cell : cells) {
            cell.suppressed = cell.primarySmall();
        }
        boolean changed = true;
        while (changed) {
            changed = protectSums() | followDerivations();
        }
    }

    /** Secondary suppression; true when it suppressed anything. */
    private boolean protectSums() {
        boolean any = false;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Group group : groups) {
                if (suppressedIn(group) == 1) {
                    complementOf(group).suppressed = true;
                    changed = true;
                    any = true;
                }
            }
        }
        return any;
    }

    private static int suppressedIn(Group group) {
        int count = group.total.suppressed ? 1 : 0;
        for (Cell part : group.parts) {
            count += part.suppressed ? 1 : 0;
        }
        return count;
    }

    /**
     * The cell to hide next to a group's one suppressed cell: the smallest unsuppressed part that is not zero,
     * else the total, else (the total hidden already, every other part zero) a zero part. A zero next to a
     * hidden figure hides nothing in practice: the two then add up to exactly the hidden figure.
     */
    private static Cell complementOf(Group group) {
        Cell smallest = null;
        Cell zero = null;
        for (Cell part : group.parts) {
            if (part.suppressed) {
                continue;
            }
            if (part.value == 0) {
                zero = zero == null || part.order < zero.order ? part : zero;
            } else if (smallest == null || part.value < smallest.value
                    || part.value == smallest.value && part.order < smallest.order) {
                smallest = part;
            }
        }
        if (smallest != null) {
            return smallest;
        }
        return group.total.suppressed ? zero : group.total;
    }

    private boolean followDerivations() {
        boolean any = false;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Derivation derivation : derivations) {
                if (!derivation.derived.suppressed && derivation.inputs.stream().anyMatch(input -> input.suppressed)) {
                    derivation.derived.suppressed = true;
                    changed = true;
                    any = true;
                }
            }
        }
        return any;
    }

    private void requireOpen() {
        if (applied) {
            throw new IllegalStateException("this table's suppression has been applied; start a new SmallCells");
        }
    }

    private void requireApplied() {
        if (!applied) {
            throw new IllegalStateException("call apply() before asking whether a cell is suppressed");
        }
    }

    private void requireMine(Cell cell) {
        if (cell == null || cell.table != this) {
            throw new IllegalArgumentException("not a cell of this table: " + cell);
        }
    }

    @Override
    public String toString() {
        return "SmallCells" + Arrays.toString(cells.toArray());
    }
}
