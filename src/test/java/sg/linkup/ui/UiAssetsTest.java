package sg.linkup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the browser journeys' axe run cannot check itself: it runs without its CSSOM preload (see
 * {@code Browser.WithoutStyleSheetCopies}), so the one WCAG 2.1 AA rule that reads style sheets, css-orientation-lock
 * (1.3.4 Orientation), is checked here instead, on every sheet the WAR serves — the app's own and the vendors'.
 */
class UiAssetsTest {

    /** What the build serves: web-assets.mjs's output (vendor packages and the app, with hashed paths). */
    private static final Path SERVED = Path.of("target", "web-assets");

    private static final Pattern ORIENTATION_QUERY = Pattern.compile("@media[^{]*\\borientation\\b",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noServedStyleSheetLocksTheScreenOrientation() throws IOException {
        List<Path> sheets = sheets();
        assertTrue(sheets.size() >= 5, "the build's style sheets (SGDS themes and css, the app's): " + sheets);
        List<String> locking = sheets.stream().filter(sheet -> ORIENTATION_QUERY.matcher(read(sheet)).find())
                .map(Path::toString).toList();
        assertEquals(List.of(), locking, "style sheets with an orientation media query: a page that can lock "
                + "its orientation needs axe's css-orientation-lock rule, which the journeys run without");
    }

    @Test
    void theCheckFindsAnOrientationLock() {
        assertTrue(ORIENTATION_QUERY.matcher("@media screen and (orientation: portrait) { html { transform: "
                + "rotate(-90deg) } }").find());
        assertTrue(ORIENTATION_QUERY.matcher("@media (ORIENTATION:landscape){}").find());
    }

    private static List<Path> sheets() throws IOException {
        assertTrue(Files.isDirectory(SERVED), SERVED + " is made by the build (generate-resources) before tests");
        try (Stream<Path> files = Files.walk(SERVED)) {
            return files.filter(file -> file.toString().endsWith(".css")).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
