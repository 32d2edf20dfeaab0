package sg.linkup.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void ifMatchNamesTheVersionQuotedWeakOrBare() {
        assertEquals(3L, ETags.ifMatch("\"3\""));
        assertEquals(3L, ETags.ifMatch("W/\"3\""));
        assertEquals(3L, ETags.ifMatch(" 3 "));
    }

    @Test
    void noIfMatchOrAStarMeansAnyVersion() {
        assertNull(ETags.ifMatch((String) null));
        assertNull(ETags.ifMatch(" "));
        assertNull(ETags.ifMatch("*"));
    }

    @Test
    void anIfMatchThatIsNoVersionIsTheCallersMistake() {
        assertRefused("If-Match", () -> ETags.ifMatch("\"abc\""));
    }

    @Test
    void aStaleVersionIsAPreconditionFailure() {
        PreconditionFailed stale = assertThrows(PreconditionFailed.class,
                () -> ETags.requireCurrent(4L, 5, "Office 7"));

        assertEquals(412, stale.status());
        assertEquals("Office 7 has changed since you read it (now version 5); read it again", stale.getMessage());
    }

    @Test
    void theCurrentVersionOrNoneAtAllMayChangeTheRecord() {
        assertDoesNotThrow(() -> ETags.requireCurrent(5L, 5, "Office 7"));
        assertDoesNotThrow(() -> ETags.requireCurrent((Long) null, 5, "Office 7"));
    }

    @Test
    void answersCarryTheVersionAsTheirETag() {
        assertEquals("\"7\"", ETags.ok("body", 7).getHeaderString(HttpHeaders.ETAG));
        var created = ETags.created(URI.create("http://localhost/api/offices/1"), "body", 1);
        assertEquals(201, created.getStatus());
        assertEquals("\"1\"", created.getHeaderString(HttpHeaders.ETAG));
    }
}
