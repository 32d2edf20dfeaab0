package sg.linkup.platform;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * A JSON body that is the literal {@code null} reads as no object at all, and every resource would meet a null
 * argument (a 500 where it reads a field). Refused here once, as the body it is: 400 malformed-body.
 */
@Provider
public class RequiredBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body == null) {
            throw new NullBody();
        }
        return body;
    }

    static class NullBody extends LinkupException {
        NullBody() {
            super("The body is null; this resource takes a JSON object");
        }

        @Override
        public int status() {
            return 400;
        }

        @Override
        public String type() {
            return "malformed-body";
        }

        @Override
        public String title() {
            return "Malformed request body";
        }
    }
}
