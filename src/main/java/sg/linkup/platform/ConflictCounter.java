package sg.linkup.platform;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts every 409 the API answers, per node, in /metrics as {@code linkup_http_conflicts_total{endpoint, type,
 * taken}}: the API collection ({@code bookings}, {@code holds}, {@code offices}…), the problem type
 * ({@code slot-taken}, {@code concurrent-change}, {@code duplicate}…) and, for a slot taken, what was taken
 * ({@code advisor}, {@code room}, {@code client}; else {@code none}). Read from the response the problem mapper
 * made, so every 409 is counted the same way whichever code path refused.
 */
@Provider
public class ConflictCounter implements ContainerResponseFilter {

    static final Metadata CONFLICTS = Metadata.builder().withName("linkup.http.conflicts")
            .withDescription("409 answers of the API, by endpoint, problem type and, for a slot taken, what was "
                    + "taken").build();
    private static final String PROBLEM_TYPE = "urn:linkup:problem:";

    @Inject
    MetricRegistry registry;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 409) {
            return;
        }
        JsonObject problem = problem(response.getEntity());
        registry.counter(CONFLICTS, new Tag("endpoint", endpoint(request.getUriInfo().getPathSegments())),
                new Tag("type", type(problem)), new Tag("taken", taken(problem))).inc();
    }

    /**
     * The first segment under /api, e.g. "bookings" for /api/bookings/12/cancel. Bounded: only a path that
     * matched a resource can be answered with a 409.
     */
    static String endpoint(List<PathSegment> segments) {
        return segments.isEmpty() || segments.get(0).getPath().isEmpty() ? "none" : segments.get(0).getPath();
    }

    static String type(JsonObject problem) {
        String type = problem == null ? "" : problem.getString("type", "");
        return type.startsWith(PROBLEM_TYPE) ? type.substring(PROBLEM_TYPE.length()) : "unknown";
    }

    /** The ledger's resource a slot-taken problem names; its other 409s name none. */
    static String taken(JsonObject problem) {
        String resource = "slot-taken".equals(type(problem)) ? problem.getString("resource", "") : "";
        return resource.isEmpty() ? "none" : resource.toLowerCase(Locale.ROOT);
    }

    /** The mapper serializes problems itself (a String); anything else is not one of ours. */
    static JsonObject problem(Object entity) {
        if (!(entity instanceof String text) || !text.startsWith("{")) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }
}
