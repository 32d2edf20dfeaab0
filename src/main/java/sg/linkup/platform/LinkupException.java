package sg.linkup.platform;

import jakarta.ejb.ApplicationException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * A business rule said no. Each subclass knows its HTTP status and problem type; {@link Problems} turns it
 * into an RFC 9457 response, and the transaction it was thrown in is rolled back, so nothing half-done is kept.
 */
@ApplicationException(rollback = true)
public abstract class LinkupException extends RuntimeException {

    protected LinkupException(String detail) {
        super(detail);
    }

    public abstract int status();

    /** Short slug that becomes the problem type URI {@code urn:linkup:problem:<slug>}. */
    public abstract String type();

    public abstract String title();

    /** Field-level complaints, if the problem is about particular input fields. */
    public List<Violation> violations() {
        return List.of();
    }

    /** Extra members for the problem body (RFC 9457 extensions), such as which resource was taken. */
    public JsonObject extensions() {
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** Seconds after which the same request may succeed (a 503's Retry-After), or null. */
    public Integer retryAfterSeconds() {
        return null;
    }

    public record Violation(String field, String message) {
    }
}
