package sg.linkup.reporting.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One way the reports cut their figures — time, SSO, service, mode, or the figure itself — as nodes and the sums
 * between them ("all SSOs" = the sum of the SSOs; "booked" = attended + no-shows + cancelled + not yet held).
 *
 * <p>What {@link SuppressionCube} needs from a dimension is its <b>moves</b>: ways to add +1 to some nodes and −1
 * to others that leave every one of its sums true (an SSO +1 and "all SSOs" +1; or one SSO +1 and another −1).
 * A product of one move per dimension changes cells in a way no published sum can see, which is what makes a
 * suppressed cell impossible to work out. Moves are found by search, up to {@value #MOST_NODES_MOVED} nodes: every
 * node has at least the move that adds +1 to it and to whatever sums contain it, which the cube falls back on.
 */
public final class Dimension {

    /** Enough for a leaf, its two ancestors and a partner's (services → agencies → all), or the figures' sums. */
    static final int MOST_NODES_MOVED = 8;

    /** A change to some nodes (+1 or −1 each) that keeps every sum of the dimension true. */
    public record Move(int[] nodes, int[] signs) {

        public boolean allPlus() {
            return Arrays.stream(signs).allMatch(s -> s > 0);
        }

        public int signAt(int node) {
            for (int i = 0; i < nodes.length; i++) {
                if (nodes[i] == node) {
                    return signs[i];
                }
            }
            return 0;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("Move[");
            for (int i = 0; i < nodes.length; i++) {
                s.append(i == 0 ? "" : " ").append(signs[i] > 0 ? '+' : '-').append(nodes[i]);
            }
            return s.append(']').toString();
        }
    }

    private final String name;
    private final List<String> labels = new ArrayList<>();
    /** Each sum as {total, part, part, …}. */
    private final List<int[]> sums = new ArrayList<>();
    private List<List<Move>> movesThrough;

    public Dimension(String name) {
        this.name = name;
    }

    /** A tree's root ("all"): its children are added with {@link #child}. */
    public static Dimension tree(String name, String rootLabel) {
        Dimension d = new Dimension(name);
        d.node(rootLabel);
        return d;
    }

    public int node(String label) {
        requireOpen();
        labels.add(label);
        return labels.size() - 1;
    }

    /** A node under parent in a tree: the parent is the sum of its children. */
    public int child(int parent, String label) {
        int n = node(label);
        int[] sum = sums.stream().filter(s -> s[0] == parent).findFirst().orElse(null);
        if (sum == null) {
            sums.add(new int[] {parent, n});
        } else {
            sums.set(sums.indexOf(sum), append(sum, n));
        }
        return n;
    }

    /** Declares total = the sum of parts (a second way a total splits is declared as a second sum). */
    public void sum(int total, int... parts) {
        requireOpen();
        if (parts.length == 0) {
            throw new IllegalArgumentException("a sum needs at least one part");
        }
        int[] s = new int[parts.length + 1];
        s[0] = total;
        System.arraycopy(parts, 0, s, 1, parts.length);
        for (int n : s) {
            if (n < 0 || n >= labels.size()) {
                throw new IllegalArgumentException("no node " + n + " in " + name);
            }
        }
        sums.add(s);
    }

    public int size() {
        return labels.size();
    }

    public String name() {
        return name;
    }

    public String label(int node) {
        return labels.get(node);
    }

    List<int[]> sums() {
        return sums;
    }

    /** The moves that change node; the first with only +1 signs comes first among those that have one. */
    public List<Move> movesThrough(int node) {
        if (movesThrough == null) {
            findMoves();
        }
        return movesThrough.get(node);
    }

    private void findMoves() {
        Set<String> seen = new HashSet<>();
        List<Move> all = new ArrayList<>();
        for (int start = 0; start < labels.size(); start++) {
            int[] d = new int[labels.size()];
            d[start] = 1;
            search(d, 1, seen, all);
        }
        List<List<Move>> through = new ArrayList<>();
        for (int n = 0; n < labels.size(); n++) {
            through.add(new ArrayList<>());
        }
        // Smallest first: they hide the fewest cells.
        all.sort((a, b) -> Integer.compare(a.nodes.length, b.nodes.length));
        for (Move m : all) {
            for (int n : m.nodes) {
                through.get(n).add(m);
            }
        }
        for (int n = 0; n < labels.size(); n++) {
            if (through.get(n).stream().noneMatch(Move::allPlus)) {
                throw new IllegalStateException(name + ": no all-plus move through " + labels.get(n)
                        + " within " + MOST_NODES_MOVED + " nodes; the sums nest too deep");
            }
        }
        movesThrough = through;
    }

    /** Depth-first: mend the first sum the changes so far break, each way one unchanged node can mend it. */
    private void search(int[] d, int moved, Set<String> seen, List<Move> found) {
        int[] broken = null;
        int off = 0;
        for (int[] s : sums) {
            int total = d[s[0]];
            for (int i = 1; i < s.length; i++) {
                total -= d[s[i]];
            }
            if (total != 0) {
                broken = s;
                off = total;  // total node − parts
                break;
            }
        }
        if (broken == null) {
            record(d, seen, found);
            return;
        }
        if (moved >= MOST_NODES_MOVED || Math.abs(off) != 1) {
            return;
        }
        for (int i = 0; i < broken.length; i++) {
            int n = broken[i];
            if (d[n] != 0) {
                continue;
            }
            // The total moves with the parts; a part moves against the total's excess.
            d[n] = i == 0 ? -off : off;
            search(d, moved + 1, seen, found);
            d[n] = 0;
        }
    }

    private static void record(int[] d, Set<String> seen, List<Move> found) {
        int count = 0;
        for (int v : d) {
            count += v != 0 ? 1 : 0;
        }
        int[] nodes = new int[count];
        int[] signs = new int[count];
        int k = 0;
        for (int n = 0; n < d.length; n++) {
            if (d[n] != 0) {
                nodes[k] = n;
                signs[k++] = d[n];
            }
        }
        // A move and its negative are the same move.
        int flip = signs[0] > 0 ? 1 : -1;
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < count; i++) {
            key.append(nodes[i]).append(signs[i] * flip > 0 ? '+' : '-');
        }
        if (seen.add(key.toString())) {
            int[] normal = signs.clone();
            for (int i = 0; i < count; i++) {
                normal[i] *= flip;
            }
            found.add(new Move(nodes, normal));
        }
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    private void requireOpen() {
        if (movesThrough != null) {
            throw new IllegalStateException(name + " is in use; it takes no more nodes");
        }
    }

    @Override
    public String toString() {
        return "Dimension[" + name + ", " + labels.size() + " nodes]";
    }
}
