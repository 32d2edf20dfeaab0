package sg.linkup.platform;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;

/** A MicroProfile counter that only counts: what plain tests hand to code that counts its work. */
public final class FakeCounter implements Counter {

    private final AtomicLong count = new AtomicLong();

    @Override
    public void inc() {
        count.incrementAndGet();
    }

    @Override
    public void inc(long n) {
        count.addAndGet(n);
    }

    @Override
    public long getCount() {
        return count.get();
    }
}
