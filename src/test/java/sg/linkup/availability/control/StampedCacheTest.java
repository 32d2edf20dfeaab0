package sg.linkup.availability.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's invalidation, against a database played by hand: a committed state (stamp and data change
 * together, as the triggers make them), and what one transaction sees of its own uncommitted change.
 */
class StampedCacheTest {

    /** A committed state of the catalogue: the stamp and the version of the data it goes with. */
    private record State(long stamp, int version) {
    }

    private final AtomicReference<State> committed = new AtomicReference<>(new State(9_001L, 1));
    /** What the calling transaction sees: the committed state, or its own uncommitted change. */
    private final ThreadLocal<State> ownChange = new ThreadLocal<>();
    private final AtomicInteger builds = new AtomicInteger();

    private State seen() {
        State own = ownChange.get();
        return own != null ? own : committed.get();
    }

    private final StampedCache<Integer> cache = new StampedCache<>(() -> seen().stamp(), () -> {
        builds.incrementAndGet();
        long stamp = seen().stamp();  // the stamp first, then the data, as CatalogueCache reads them
        return new StampedCache.Stamped<>(stamp, seen().version());
    });

    private void commit(long stamp, int version) {
        committed.set(new State(stamp, version));
    }

    @Test
    void aStampThatHasNotMovedServesTheSameValueWithoutRebuilding() {
        StampedCache.Stamped<Integer> first = cache.now();
        StampedCache.Stamped<Integer> second = cache.now();

        assertSame(first, second);
        assertEquals(1, builds.get());
        assertEquals(1, second.value());
    }

    @Test
    void aCommittedChangeIsUsedByTheVeryNextRequest() {
        cache.now();

        commit(4_242L, 2);

        assertEquals(2, cache.now().value());
        assertEquals(2, builds.get());
    }

    @Test
    void stampsAreComparedForEqualityNotOrder() {
        cache.now();

        // UUID_SHORT() of another server, or after a restore: smaller than before, still a change.
        commit(17L, 2);

        assertEquals(2, cache.now().value());
    }

    @Test
    void aCallerThatReadTheStampJustBeforeAChangeGetsTheNewerValueWithoutAnotherRebuild() {
        long readBeforeTheChange = cache.now().stamp();
        commit(4_242L, 2);
        cache.now();  // another request rebuilt it meanwhile
        int rebuilt = builds.get();

        StampedCache.Stamped<Integer> late = cache.at(readBeforeTheChange);

        assertEquals(2, late.value(), "at least as new as what the caller saw");
        assertEquals(rebuilt, builds.get());
    }

    @Test
    void aValueBuiltInsideATransactionThatRolledBackIsNeverServedToAnyoneElse() {
        cache.now();
        // A transaction changes the catalogue, searches (and so builds from its own change), then rolls back.
        ownChange.set(new State(5_555L, 99));
        assertEquals(99, cache.now().value(), "the transaction sees its own change");
        ownChange.remove();

        assertEquals(1, cache.now().value(), "everyone else sees the committed catalogue");

        // A later change can never commit the rolled-back stamp: the database hands each value out once.
        commit(6_666L, 2);
        assertEquals(2, cache.now().value());
    }

    @Test
    void callersThatNeedANewValueShareOneRebuildAndWaitForIt() throws Exception {
        cache.now();
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowBuilds = new AtomicInteger();
        StampedCache<Integer> slow = new StampedCache<>(() -> committed.get().stamp(), () -> {
            slowBuilds.incrementAndGet();
            building.countDown();
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            State state = committed.get();
            return new StampedCache.Stamped<>(state.stamp(), state.version());
        });
        commit(4_242L, 2);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(callers.submit(() -> slow.at(4_242L).value()));
            }
            assertTrue(building.await(10, TimeUnit.SECONDS));
            Thread.sleep(50);  // the other seven are queued behind the rebuild by now
            release.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(2, answer.get(10, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(1, slowBuilds.get());
    }

    @Test
    void aCallerWhoseStampStillMatchesIsNotHeldUpByARebuild() throws Exception {
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean blockNextBuild = new AtomicBoolean(false);
        StampedCache<Integer> slow = new StampedCache<>(() -> committed.get().stamp(), () -> {
            State state = committed.get();
            if (blockNextBuild.get()) {
                building.countDown();
                try {
                    assertTrue(release.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new StampedCache.Stamped<>(state.stamp(), state.version());
        });
        long old = slow.now().stamp();
        blockNextBuild.set(true);
        commit(4_242L, 2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> rebuilding = threads.submit(() -> slow.now().value());
            assertTrue(building.await(10, TimeUnit.SECONDS));

            // A request that read the stamp before the change committed is served at once.
            assertEquals(1, threads.submit(() -> slow.at(old).value()).get(1, TimeUnit.SECONDS));

            release.countDown();
            assertEquals(2, rebuilding.get(10, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    /**
     * Writers commit new states while readers read the stamp and ask for the value, and rebuilds read the stamp and
     * then the data with a pause between: no reader ever gets data older than the state whose stamp it read.
     */
    @Test
    void aRebuildRacingWritesNeverServesDataOlderThanTheStampTheCallerRead() throws Exception {
        Map<Long, Integer> versionOf = new ConcurrentHashMap<>();
        AtomicReference<State> db = new AtomicReference<>(new State(1L, 0));
        versionOf.put(1L, 0);
        AtomicLong stamps = new AtomicLong(1);
        StampedCache<Integer> racing = new StampedCache<>(() -> db.get().stamp(), () -> {
            long stamp = db.get().stamp();
            Thread.yield();  // a write may commit between the stamp and the data: the data is then newer
            return new StampedCache.Stamped<>(stamp, db.get().version());
        });
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger checked = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            Future<?> writer = threads.submit(() -> {
                // Readers first, and writes until they have checked during the writes too: on a busy machine the
                // 2,000 writes could otherwise all be done before any reader thread is scheduled.
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (checked.get() < 4 && System.nanoTime() < until) {
                    Thread.yield();
                }
                int before = checked.get();
                for (int version = 1; version <= 2_000 || checked.get() < before + 100 && System.nanoTime() < until;
                     version++) {
                    // Unique but unordered stamps, as UUID_SHORT() across servers would be.
                    long stamp = stamps.incrementAndGet() * (ThreadLocalRandom.current().nextBoolean() ? 1 : -1);
                    versionOf.put(stamp, version);
                    db.set(new State(stamp, version));
                    Thread.yield();
                }
                running.set(false);
            });
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(threads.submit(() -> {
                    while (running.get()) {
                        long seen = db.get().stamp();
                        int atLeast = versionOf.get(seen);
                        int got = racing.at(seen).value();
                        if (got < atLeast) {
                            throw new AssertionError("stamp " + seen + " is version " + atLeast + ", served " + got);
                        }
                        checked.incrementAndGet();
                    }
                }));
            }
            writer.get(30, TimeUnit.SECONDS);
            for (Future<?> reader : readers) {
                reader.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertTrue(checked.get() >= 104, "the readers ran, during the writes too: " + checked.get());
    }
}
