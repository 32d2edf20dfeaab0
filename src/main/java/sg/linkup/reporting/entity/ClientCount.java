package sg.linkup.reporting.entity;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * The exact answer to "does this figure count fewer than {@value #THRESHOLD} clients?" for a report cell, small
 * enough to keep per day in a roll-up row: either the set of distinct client ids while it holds fewer than
 * {@value #THRESHOLD}, or "at least {@value #THRESHOLD}" once it reaches that many (the ids are then dropped).
 *
 * <p>Capping loses nothing the question needs: a union of sets is at least {@value #THRESHOLD} as soon as one of
 * them is, and otherwise every id is still there to be merged exactly. So days can be rolled up separately and a
 * report can merge any days, offices or services in any grouping and order and gets min(5, |union|) exactly
 * (ClientCountTest proves it on random data).
 *
 * <p>{@link #encode()} fits a VARCHAR(100): "" is none, "+" is at least five, otherwise up to four positive ids,
 * ascending, comma-separated (at most 4 &times; 19 digits + 3 commas = 79 characters).
 */
public final class ClientCount {

    /** Cells counting fewer clients than this are shown as "&lt; 5". */
    public static final int THRESHOLD = 5;

    private static final String SATURATED_CODE = "+";
    private static final ClientCount NONE = new ClientCount(new long[0]);
    private static final ClientCount SATURATED = new ClientCount(null);

    /** Distinct ids, ascending, fewer than THRESHOLD; null once saturated. */
    private final long[] ids;

    private ClientCount(long[] ids) {
        this.ids = ids;
    }

    public static ClientCount none() {
        return NONE;
    }

    public static ClientCount of(long... clientIds) {
        ClientCount count = NONE;
        for (long id : clientIds) {
            count = count.with(id);
        }
        return count;
    }

    public ClientCount with(long clientId) {
        if (clientId <= 0) {
            throw new IllegalArgumentException("client ids are positive, not " + clientId);
        }
        if (ids == null) {
            return this;
        }
        int at = Arrays.binarySearch(ids, clientId);
        if (at >= 0) {
            return this;
        }
        if (ids.length + 1 >= THRESHOLD) {
            return SATURATED;
        }
        int insertAt = -at - 1;
        long[] more = new long[ids.length + 1];
        System.arraycopy(ids, 0, more, 0, insertAt);
        more[insertAt] = clientId;
        System.arraycopy(ids, insertAt, more, insertAt + 1, ids.length - insertAt);
        return new ClientCount(more);
    }

    public ClientCount plus(ClientCount other) {
        if (ids == null || other.ids == null) {
            return SATURATED;
        }
        ClientCount sum = this;
        for (long id : other.ids) {
            sum = sum.with(id);
        }
        return sum;
    }

    public boolean fewerThanThreshold() {
        return ids != null;
    }

    /** min(5, number of distinct clients). */
    public int cappedCount() {
        return ids == null ? THRESHOLD : ids.length;
    }

    public String encode() {
        if (ids == null) {
            return SATURATED_CODE;
        }
        StringJoiner joined = new StringJoiner(",");
        for (long id : ids) {
            joined.add(Long.toString(id));
        }
        return joined.toString();
    }

    /**
     * Reads what {@link #encode()} wrote, and only that: anything else (spaces, signs, leading zeros, ids out of
     * order or repeated, five or more ids) is a corrupt roll-up and throws, rather than quietly under-counting.
     */
    public static ClientCount decode(String code) {
        if (code == null) {
            throw new IllegalArgumentException("no client count (null)");
        }
        if (code.isEmpty()) {
            return NONE;
        }
        if (code.equals(SATURATED_CODE)) {
            return SATURATED;
        }
        String[] parts = code.split(",", -1);
        if (parts.length >= THRESHOLD) {
            throw new IllegalArgumentException("not a client count: '" + code + "' lists "
                    + parts.length + " ids; " + THRESHOLD + " or more are written '+'");
        }
        long[] ids = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            ids[i] = parseId(parts[i], code);
            if (i > 0 && ids[i] <= ids[i - 1]) {
                throw new IllegalArgumentException("not a client count: '" + code
                        + "' (ids must be distinct and ascending)");
            }
        }
        return new ClientCount(ids);
    }

    private static long parseId(String digits, String code) {
        boolean canonical = !digits.isEmpty() && digits.length() <= 19 && digits.charAt(0) != '0'
                && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!canonical) {
            throw new IllegalArgumentException("not a client count: '" + code + "'");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            throw new IllegalArgumentException("not a client count: '" + code + "' (id out of range)");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientCount that && Arrays.equals(ids, that.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    /** Shows the count only, never the ids, so a log line cannot carry them. */
    @Override
    public String toString() {
        return ids == null ? "ClientCount[at least " + THRESHOLD + "]" : "ClientCount[" + ids.length + "]";
    }
}
