package sg.linkup.platform;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * A record's optimistic-lock version as HTTP shows it: the answers that show one record carry its version as the
 * {@code ETag}, and a PUT that sends it back in {@code If-Match} is refused with 412 when the record has changed
 * since. A PUT without If-Match still replaces the record (the last writer wins), as a booking change does.
 */
public final class ETags {

    private ETags() {
    }

    /** The version named by the request's If-Match, or null when the caller sent none. */
    public static Long ifMatch(HttpHeaders headers) {
        return ifMatch(headers.getHeaderString(HttpHeaders.IF_MATCH));
    }

    /** The version named by an If-Match value ("3" or W/"3"), or null for none or "*" (any version). */
    static Long ifMatch(String value) {
        if (value == null || value.isBlank() || value.strip().equals("*")) {
            return null;
        }
        String digits = value.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new InvalidInput("If-Match", "send the ETag of the record as you read it, e.g. \"3\"");
        }
    }

    /** Refuses (412) a change to a record the caller last saw at another version; null means "did not say". */
    public static void requireCurrent(Long expected, long current, String what) {
        if (expected != null && expected != current) {
            throw new PreconditionFailed(what, current);
        }
    }

    /** {@link #requireCurrent} with the version the request's If-Match names. */
    public static void requireCurrent(HttpHeaders headers, long current, String what) {
        requireCurrent(ifMatch(headers), current, what);
    }

    /** A 200 answer showing one record, tagged with its version. */
    public static Response ok(Object entity, long version) {
        return tagged(Response.ok(entity), version);
    }

    /** A 201 answer showing the record just created at {@code location}, tagged with its version. */
    public static Response created(URI location, Object entity, long version) {
        return tagged(Response.created(location).entity(entity), version);
    }

    private static Response tagged(Response.ResponseBuilder answer, long version) {
        return answer.tag(new EntityTag(String.valueOf(version))).build();
    }
}
