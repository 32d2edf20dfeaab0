package sg.linkup.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * One transaction — and so one pooled connection — around work a resource method must also be able to see fail
 * and roll back before it answers (the booking endpoints look up a racing retry's booking only after their own
 * attempt has rolled back). Methods that need no such handling are {@code @Transactional} themselves.
 */
@ApplicationScoped
public class Transactions {

    @Transactional
    public <T> T inOne(Supplier<T> work) {
        return work.get();
    }
}
