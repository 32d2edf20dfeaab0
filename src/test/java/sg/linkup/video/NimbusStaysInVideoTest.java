package sg.linkup.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NimbusStaysInVideoTest {

    @Test
    void onlyTheVideoPackageImportsNimbus() throws IOException {
        Path main = Path.of("src/main/java");
        Path video = main.resolve("sg/linkup/video");
        try (Stream<Path> sources = Files.walk(main)) {
            List<Path> outside = sources
                    .filter(file -> file.toString().endsWith(".java") && !file.startsWith(video))
                    .filter(NimbusStaysInVideoTest::importsNimbus)
                    .toList();
            assertEquals(List.of(), outside);
        }
    }

    private static boolean importsNimbus(Path file) {
        try {
            return Files.readString(file).matches("(?s).*\\bimport\\s+(static\\s+)?com\\.nimbusds\\..*");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
