package sg.linkup.ui.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StaticAssetsTest {

    @Test
    void browsersThatAskForGzipGetIt() {
        assertTrue(StaticAssets.acceptsGzip("gzip"));
        assertTrue(StaticAssets.acceptsGzip("gzip, deflate, br, zstd"));
        assertTrue(StaticAssets.acceptsGzip("br;q=1.0, GZIP;q=0.8, *;q=0.1"));
        assertTrue(StaticAssets.acceptsGzip("gzip; q=0.5"));
    }

    @Test
    void clientsThatDoNotAskOrRefuseGzipGetThePlainFile() {
        assertFalse(StaticAssets.acceptsGzip(null));
        assertFalse(StaticAssets.acceptsGzip(""));
        assertFalse(StaticAssets.acceptsGzip("identity"));
        assertFalse(StaticAssets.acceptsGzip("deflate, br"));
        assertFalse(StaticAssets.acceptsGzip("gzip;q=0"));
        assertFalse(StaticAssets.acceptsGzip("gzip;q=0.0, identity"));
        assertFalse(StaticAssets.acceptsGzip("x-gzip-ish"));
        assertFalse(StaticAssets.acceptsGzip("gzip;q=nonsense"));
    }
}
