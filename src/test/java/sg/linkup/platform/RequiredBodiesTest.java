package sg.linkup.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequiredBodiesTest {

    /** A JSON reading that produced {@code body}, as JSON-B gives {@code null} for the body text "null". */
    private static ReaderInterceptorContext reading(Object body) {
        return reading(body, MediaType.APPLICATION_JSON_TYPE);
    }

    private static ReaderInterceptorContext reading(Object body, MediaType type) {
        return (ReaderInterceptorContext) Proxy.newProxyInstance(RequiredBodiesTest.class.getClassLoader(),
                new Class<?>[] {ReaderInterceptorContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("proceed")) {
                        return body;
                    }
                    if (method.getName().equals("getMediaType")) {
                        return type;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aNullBodyIsRefusedAsAMalformedBodyNotMetAsANullArgument() {
        var thrown = assertThrows(LinkupException.class, () -> new RequiredBodies().aroundReadFrom(reading(null)));
        Response problem = ProblemMapper.problem(thrown, null);
        assertEquals(400, problem.getStatus());
        assertEquals(ProblemMapper.PROBLEM_JSON, problem.getMediaType().toString());
        try (var reader = Json.createReader(new StringReader((String) problem.getEntity()))) {
            assertEquals("urn:linkup:problem:malformed-body", reader.readObject().getString("type"));
        }
    }

    @Test
    void aBodyThatReadPassesThroughUntouched() throws Exception {
        Object body = new Object();
        assertSame(body, new RequiredBodies().aroundReadFrom(reading(body)));
    }

    @Test
    void aNullFromAJsonTypeWithParametersOrAPlusJsonSuffixIsRefusedToo() {
        for (MediaType type : List.of(MediaType.valueOf("application/json; charset=UTF-8"),
                MediaType.valueOf("application/merge-patch+json"))) {
            assertThrows(LinkupException.class, () -> new RequiredBodies().aroundReadFrom(reading(null, type)),
                    type::toString);
        }
    }

    @Test
    void aFormOrCalendarReaderThatGivesNothingIsLeftToItsResource() throws Exception {
        // Twilio's webhooks post forms; refusing there turned every signed webhook into a 400.
        for (MediaType type : List.of(MediaType.APPLICATION_FORM_URLENCODED_TYPE, MediaType.valueOf("text/calendar"),
                MediaType.TEXT_PLAIN_TYPE)) {
            assertNull(new RequiredBodies().aroundReadFrom(reading(null, type)), type::toString);
        }
    }
}
