package sg.linkup.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class RequiredBodiesTest {

    /** A reading that produced {@code body}, as JSON-B gives {@code null} for the body text "null". */
    private static ReaderInterceptorContext reading(Object body) {
        return (ReaderInterceptorContext) Proxy.newProxyInstance(RequiredBodiesTest.class.getClassLoader(),
                new Class<?>[] {ReaderInterceptorContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("proceed")) {
                        return body;
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
}
