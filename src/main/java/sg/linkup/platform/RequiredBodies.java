package sg.linkup.platform;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.Locale;

/**
 * A JSON body that is the literal {@code null} reads as no object at all, and every resource would meet a null
 * argument (a 500 where it reads a field). Refused here once, as the body it is: 400 malformed-body.
 * Only JSON bodies: other readers (Jersey's form reader for Twilio's webhooks) may hand on nothing for reasons of
 * their own, and their resources judge that themselves.
 */
@Provider
public class RequiredBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body == null && isJson(context.getMediaType())) {
            throw new NullBody();
        }
        return body;
    }

    /** application/json and the structured-syntax {@code +json} types (RFC 6839), as JSON-B reads them. */
    static boolean isJson(MediaType type) {
        return type != null && "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype())
                    || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
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
