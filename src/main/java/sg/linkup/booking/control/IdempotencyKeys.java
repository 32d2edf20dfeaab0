package sg.linkup.booking.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;
import sg.linkup.audit.entity.AuditEvent.Actor;
import sg.linkup.booking.entity.Booking;
import sg.linkup.platform.InvalidInput;

/**
 * The {@code Idempotency-Key} of the requests that create a booking or a hold: a retried request answers with
 * what its first attempt made instead of making a second one. The key is stored on the booking under a unique
 * index, so not even a retry racing its own first attempt can make two: the loser finds the winner by its key.
 * One implementation for both, so holds and bookings cannot drift apart.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    /** A UUID and then some; with the caller's name and the purpose it still fits the 200-character column. */
    static final int MOST_CHARACTERS = 100;

    /** What a key was sent for: a hold and a booking sent with the same key are two different requests. */
    public enum Purpose {
        BOOKING(""),
        HOLD("hold:");

        private final String prefix;

        Purpose(String prefix) {
            this.prefix = prefix;
        }
    }

    /** The booking or hold a request stands for, and whether this request made it (201) or found it (200). */
    public record Outcome(Booking booking, boolean created) {
    }

    @Inject
    Bookings bookings;

    /**
     * Creates once per key: a key this caller used before answers with what it made. {@code create} is given
     * the key to store with what it makes (null when the request carries none, and then it simply creates).
     */
    public Outcome once(Purpose purpose, String key, Actor caller, Function<String, Booking> create) {
        scoped(purpose, key, caller.name());  // a key too long is bad input, not a failure to recover from
        try {
            return firstOrReplay(purpose, key, caller, create);
        } catch (RuntimeException failed) {
            return wonMeanwhile(purpose, key, caller).orElseThrow(() -> failed);
        }
    }

    /**
     * The first half of {@link #once}, for a caller that runs it inside its own transaction: what an earlier request
     * with the key made, else what {@code create} makes now. If it fails, the caller asks {@link #wonMeanwhile}
     * once that transaction has rolled back.
     */
    public Outcome firstOrReplay(Purpose purpose, String key, Actor caller, Function<String, Booking> create) {
        String scoped = scoped(purpose, key, caller.name());
        Optional<Booking> replay = bookings.byIdempotencyKey(scoped);
        if (replay.isPresent()) {
            return new Outcome(replay.get(), false);
        }
        return new Outcome(create.apply(scoped), true);
    }

    /**
     * The second half of {@link #once}, after a failed attempt: a retry racing its own first attempt lost to it — in
     * the slot search or the ledger (the slot is the first attempt's) or on the key's unique index — and answers
     * with what the first attempt made; empty when there is none (the failure is the answer).
     */
    public Optional<Outcome> wonMeanwhile(Purpose purpose, String key, Actor caller) {
        return bookings.byIdempotencyKey(scoped(purpose, key, caller.name())).map(won -> new Outcome(won, false));
    }

    /**
     * The key as stored, or null when none was sent. Keys are the caller's own: two counters choosing the same
     * key must not see each other's booking.
     */
    static String scoped(Purpose purpose, String key, String caller) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > MOST_CHARACTERS) {
            throw new InvalidInput(HEADER, "at most " + MOST_CHARACTERS + " characters");
        }
        return caller + ":" + purpose.prefix + key.strip();
    }
}
