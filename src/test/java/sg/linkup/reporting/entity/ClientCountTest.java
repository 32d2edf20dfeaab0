package sg.linkup.reporting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientCountTest {

    @Test
    void noneCountsNoClient() {
        assertTrue(ClientCount.none().fewerThanThreshold());
        assertEquals(0, ClientCount.none().cappedCount());
        assertEquals("", ClientCount.none().encode());
    }

    @Test
    void fourDistinctClientsAreFewerThanFive() {
        ClientCount four = ClientCount.of(7, 3, 7, 12, 5, 3);

        assertTrue(four.fewerThanThreshold());
        assertEquals(4, four.cappedCount());
        assertEquals("3,5,7,12", four.encode());
    }

    @Test
    void theFifthDistinctClientSaturates() {
        ClientCount five = ClientCount.of(1, 2, 3, 4).with(5);

        assertFalse(five.fewerThanThreshold());
        assertEquals(5, five.cappedCount());
        assertEquals("+", five.encode());
        assertEquals(five, ClientCount.of(9, 8, 7, 6, 5, 4, 3, 2, 1));
    }

    @Test
    void aClientSeenAgainIsNotCountedAgain() {
        ClientCount one = ClientCount.of(42);

        assertEquals(one, one.with(42));
        assertEquals(one, one.plus(ClientCount.of(42)));
        assertEquals(1, ClientCount.of(42, 42, 42, 42, 42, 42).cappedCount());
    }

    @Test
    void mergingTwoSmallSetsCanReachFive() {
        ClientCount left = ClientCount.of(1, 2, 3);
        ClientCount right = ClientCount.of(3, 4, 5);

        assertFalse(left.plus(right).fewerThanThreshold());
        assertTrue(left.plus(ClientCount.of(3, 2)).fewerThanThreshold());
    }

    @Test
    void aSaturatedCountStaysSaturated() {
        ClientCount many = ClientCount.decode("+");

        assertEquals(many, many.with(1));
        assertEquals(many, many.plus(ClientCount.none()));
        assertEquals(many, ClientCount.none().plus(many));
    }

    @Test
    void largeIdsFitTheColumn() {
        ClientCount big = ClientCount.of(Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE - 2, Long.MAX_VALUE - 3);

        assertTrue(big.encode().length() <= 100, big.encode());
        assertEquals(big, ClientCount.decode(big.encode()));
    }

    @Test
    void clientIdsArePositive() {
        assertThrows(IllegalArgumentException.class, () -> ClientCount.of(0));
        assertThrows(IllegalArgumentException.class, () -> ClientCount.none().with(-3));
    }

    @Test
    void toStringNeverShowsClientIds() {
        assertEquals("ClientCount[2]", ClientCount.of(123456, 654321).toString());
        assertEquals("ClientCount[at least 5]", ClientCount.decode("+").toString());
    }

    @Test
    void decodeReadsWhatEncodeWrote() {
        assertEquals(ClientCount.none(), ClientCount.decode(""));
        assertEquals(ClientCount.of(4, 17), ClientCount.decode("4,17"));
        assertEquals(ClientCount.of(1, 2, 3, 4, 5), ClientCount.decode("+"));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "a", "1,", ",1", "1,,2", "2,1", "1,1", "1,2,3,4,5", "0", "-1", "+1", "++", " 1",
            "1 ", "01", "1;2", "1.0", "99999999999999999999", "9223372036854775808", "+,1", "١"})
    void decodeRejectsGarbage(String garbage) {
        assertThrows(IllegalArgumentException.class, () -> ClientCount.decode(garbage));
    }

    @Test
    void decodeRejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> ClientCount.decode(null));
    }

    /**
     * The reason roll-ups may keep a capped set per day and reports may merge days: however the client lists are
     * split into parts, and however the parts are then merged (any pairing, any order), the result counts exactly
     * min(5, |union of all lists|) and answers "fewer than five?" exactly.
     */
    @Property(tries = 2000)
    void mergingCappedSetsInAnyGroupingAndOrderCountsTheUnionCappedAtFive(
            @ForAll("clientLists") List<List<Long>> parts, @ForAll long mergeSeed) {
        Set<Long> union = new HashSet<>();
        parts.forEach(union::addAll);
        List<ClientCount> pool = new ArrayList<>();
        for (List<Long> part : parts) {
            pool.add(ClientCount.of(part.stream().mapToLong(Long::longValue).toArray()));
        }
        Random order = new Random(mergeSeed);
        while (pool.size() > 1) {
            ClientCount left = pool.remove(order.nextInt(pool.size()));
            ClientCount right = pool.remove(order.nextInt(pool.size()));
            pool.add(order.nextInt(pool.size() + 1), order.nextBoolean() ? left.plus(right) : right.plus(left));
        }
        ClientCount merged = pool.isEmpty() ? ClientCount.none() : pool.get(0);

        assertEquals(Math.min(ClientCount.THRESHOLD, union.size()), merged.cappedCount());
        assertEquals(union.size() < ClientCount.THRESHOLD, merged.fewerThanThreshold());
    }

    @Property(tries = 1000)
    void mergingIsOneWayOfAddingEveryId(@ForAll("clientLists") List<List<Long>> parts) {
        ClientCount merged = ClientCount.none();
        ClientCount oneByOne = ClientCount.none();
        for (List<Long> part : parts) {
            merged = merged.plus(ClientCount.of(part.stream().mapToLong(Long::longValue).toArray()));
            for (long id : part) {
                oneByOne = oneByOne.with(id);
            }
        }
        assertEquals(oneByOne, merged);
    }

    @Property(tries = 1000)
    void encodingSurvivesTheDatabase(@ForAll("clientList") List<Long> ids) {
        ClientCount count = ClientCount.of(ids.stream().mapToLong(Long::longValue).toArray());

        assertEquals(count, ClientCount.decode(count.encode()));
        assertTrue(count.encode().length() <= 100);
    }

    @Provide
    Arbitrary<List<Long>> clientList() {
        // A small id range makes the same client turn up in several parts, which is where merging goes wrong.
        return Arbitraries.longs().between(1, 12).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<List<Long>>> clientLists() {
        return clientList().list().ofMaxSize(10);
    }
}
