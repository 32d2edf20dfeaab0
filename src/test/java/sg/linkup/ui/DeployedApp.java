package sg.linkup.ui;

import java.net.URL;
import org.junit.jupiter.api.extension.ExtendWith;
import sg.linkup.it.SharedApp;

/**
 * What every browser journey stands on: the WAR the build made (not a test-made archive, so the tests see what ships),
 * running on the one Payara Micro that {@link SharedApp} starts for all journeys of the Failsafe JVM, and its address
 * for {@link Browser} and {@link Setup}. The journeys share that server (and, as before, the database): each makes
 * its own office, staff and clients, and asserts nothing about what other journeys left behind.
 */
@ExtendWith(SharedApp.class)
abstract class DeployedApp {

    /** Set by {@link SharedApp} before each test. */
    URL deployment;
}
