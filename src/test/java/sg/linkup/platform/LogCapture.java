package sg.linkup.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a class logs during one test, for tests that assert on logging (an incident number, a stack trace kept):
 * {@code @RegisterExtension final LogCapture log = new LogCapture(Waitlist.class);} then {@code log.records()}.
 * Everything the class logs is kept, and none of it reaches the build's output (expected stack traces are noise
 * there); the logger is put back as it was after each test.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level levelBefore;
    private boolean parentHandlersBefore;

    public LogCapture(Class<?> source) {
        this.logger = Logger.getLogger(source.getName());
    }

    /** The records logged in this test so far, in order. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        records.clear();
        levelBefore = logger.getLevel();
        parentHandlersBefore = logger.getUseParentHandlers();
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(parentHandlersBefore);
        logger.setLevel(levelBefore);
    }
}
