package sg.linkup.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A test class whose name matches neither Surefire's nor Failsafe's default includes compiles, looks fine and
 * never runs: {@code SlotFinderProperties} sat unrun that way. This test reads the test sources and fails on
 * any class with tests whose name `mvn verify` would not pick up. Benchmarks ({@code *Bench}) are run only by
 * the {@code bench} profile, on purpose: they print figures and are not tests.
 */
class EveryTestClassRunsTest {

    /** Surefire's and Failsafe's default includes (the POM sets none), and the bench profile's. */
    private static final Pattern PICKED_UP = Pattern.compile(
            "^Test.*|.*Test|.*Tests|.*TestCase" + "|^IT.*|.*IT|.*ITCase" + "|.*Bench");

    private static final Pattern HAS_TESTS = Pattern.compile(
            "@(Test|Property|Example|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");

    @Test
    void everyClassWithTestsHasANameMavenRuns() throws IOException {
        Path sources = Path.of(System.getProperty("basedir", "."), "src", "test", "java");
        assertTrue(Files.isDirectory(sources), "test sources at " + sources.toAbsolutePath());
        List<String> unrun;
        int withTests;
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> classes = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(EveryTestClassRunsTest::hasTests)
                    .toList();
            withTests = classes.size();
            unrun = classes.stream()
                    .map(f -> f.getFileName().toString().replace(".java", ""))
                    .filter(name -> !runs(name))
                    .toList();
        }
        assertTrue(withTests > 10, "found only " + withTests + " test classes: wrong folder?");
        assertEquals(List.of(), unrun, "classes with tests that `mvn verify` never runs: rename them");
    }

    @Test
    void aClassNamedOutsideTheIncludesIsCaught() {
        assertFalse(runs("SlotFinderProperties"));
        assertTrue(runs("SlotFinderPropertiesTest"));
        assertTrue(runs("BookingIT"));
        assertTrue(runs("SlotSearchBench"));
    }

    static boolean runs(String className) {
        return PICKED_UP.matcher(className).matches();
    }

    private static boolean hasTests(Path file) {
        try {
            return HAS_TESTS.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
