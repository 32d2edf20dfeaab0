package sg.linkup.platform;

import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.glassfish.jersey.server.ParamException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.transaction.xa.XAException;

/**
 * The one place where an exception becomes an RFC 9457 {@code application/problem+json} response.
 * The nested mappers exist only because JAX-RS picks the mapper of the closest exception type and Jersey
 * brings its own for validation and entity-reading errors; they all delegate to {@link #problem}.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    private static final int MYSQL_DUPLICATE_KEY = 1062;
    private static final int MYSQL_ROW_IS_REFERENCED = 1451;
    private static final int MYSQL_NO_REFERENCED_ROW = 1452;
    /**
     * Retry-After when the database cannot be reached: about what a database restart takes (bench/faults.sh
     * db-restart measures it); a caller that retries sooner only finds the load balancer's own 503.
     */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;
    private static final Pattern YASSON_PROPERTY =
            Pattern.compile("Unable to deserialize property '([A-Za-z_$][A-Za-z0-9_$]*)' because of: ");

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        return problem(exception, uriInfo);
    }

    static Response problem(Throwable thrown, UriInfo uriInfo) {
        return problem(thrown, uriInfo == null ? null : "/" + uriInfo.getPath());
    }

    private static Response problem(Throwable thrown, String instance) {
        Throwable e = unwrap(thrown);
        if (e instanceof LinkupException le) {
            Response problem = respond(le.status(), le.type(), le.title(), le.getMessage(), instance,
                    le.violations(), le.extensions());
            return le.retryAfterSeconds() == null ? problem
                    : Response.fromResponse(problem).header("Retry-After", le.retryAfterSeconds()).build();
        }
        if (e instanceof ConstraintViolationException cve) {
            List<LinkupException.Violation> violations = cve.getConstraintViolations().stream()
                    .map(v -> new LinkupException.Violation(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(LinkupException.Violation::field))
                    .toList();
            return respond(400, "invalid-input", "Invalid input",
                    violations.size() + " field(s) are not valid", instance, violations);
        }
        if (e instanceof ProcessingException || e instanceof JsonbException
                || e instanceof jakarta.json.JsonException) {
            String field = bodyField(e);
            if (field != null) {
                JsonNumbers.Refused refused = refused(e);
                String message = refused != null ? refused.getMessage() : "has a value of the wrong form";
                return respond(400, "invalid-input", "Invalid input", "Field '" + field + "' " + message, instance,
                        List.of(new LinkupException.Violation(field, message)));
            }
            return respond(400, "malformed-body", "Malformed request body",
                    "The body is not valid JSON for this resource" + reason(e), instance, List.of());
        }
        if (e instanceof ParamException pe) {
            // JAX-RS answers an unparsable query or path parameter with 404; it is the caller's input: 400.
            return respond(400, "invalid-input", "Invalid input", "Parameter '" + pe.getParameterName()
                    + "' has a value of the wrong form", instance,
                    List.of(new LinkupException.Violation(pe.getParameterName(), "has a value of the wrong form")));
        }
        if (e instanceof WebApplicationException wae) {
            Response.StatusType status = wae.getResponse().getStatusInfo();
            String detail = wae.getMessage() == null || wae.getMessage().startsWith("HTTP ")
                    ? status.getReasonPhrase() : wae.getMessage();
            return respond(status.getStatusCode(), slug(status.getReasonPhrase()), status.getReasonPhrase(),
                    detail, instance, List.of());
        }
        if (e instanceof OptimisticLockException) {
            return respond(409, "concurrent-change", "Changed by someone else",
                    "The record was changed by another request; reload it and try again", instance, List.of());
        }
        if (databaseUnreachable(thrown)) {
            LOG.warning(() -> "Database unreachable, answered 503: " + firstLine(connectionFailure(thrown)));
            Response problem = respond(503, "database-unavailable", "Temporarily unavailable",
                    "The database cannot be reached, or is too busy, just now; try again in a few seconds. If this "
                            + "request was a change, read the record back first: a change cut off at this moment may "
                            + "or may not have been saved", instance, List.of());
            return Response.fromResponse(problem).header("Retry-After", DATABASE_RETRY_AFTER_SECONDS).build();
        }
        SQLException sql = sqlCause(e);
        if (sql != null && "40001".equals(sql.getSQLState())) {
            // A deadlock the database broke by rolling this transaction back (MySQL/MariaDB 1213): nothing was
            // kept, and the same request will most likely go through now.
            return respond(409, "concurrent-change", "Changed by someone else",
                    "Another request was changing the same records at the same moment; nothing was saved, try again",
                    instance, List.of());
        }
        if (sql != null && "23000".equals(sql.getSQLState())) {
            return switch (sql.getErrorCode()) {
                case MYSQL_DUPLICATE_KEY -> respond(409, "duplicate", "Duplicate",
                        "Another record already uses one of this record's unique values "
                                + "(such as its code, e-mail, or name within its office)", instance, List.of());
                case MYSQL_ROW_IS_REFERENCED -> respond(409, "still-referenced", "Still in use",
                        "Other records still refer to this one; deactivate it instead", instance, List.of());
                case MYSQL_NO_REFERENCED_ROW -> respond(409, "unknown-reference", "Unknown reference",
                        "The record refers to something that does not exist", instance, List.of());
                default -> respond(409, "constraint", "Constraint violated",
                        "The change breaks a rule of the database", instance, List.of());
            };
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, thrown);
        return respond(500, "internal", "Internal error",
                "Something went wrong on our side; quote incident " + incident, instance, List.of());
    }

    /** Containers wrap what the application threw; the problem is about the innermost meaningful cause. */
    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof EJBException || current instanceof TransactionalException
                || current instanceof RollbackException
                || (current instanceof PersistenceException && !(current instanceof OptimisticLockException)
                        && current.getCause() instanceof LinkupException))
                && current.getCause() != null) {
            current = current.getCause();
        }
        if (current instanceof EJBException ejb && ejb.getCausedByException() != null) {
            return unwrap(ejb.getCausedByException());
        }
        return current;
    }

    /**
     * Whether a failure means that the database could not be reached, as opposed to a statement it refused. Decided
     * by type and SQLState anywhere along the cause chain (a container's or EclipseLink's wrapper hides the driver's
     * exception several levels down, and the outermost SQLException, the pool's, has no SQLState), never by message
     * text:
     * <ul>
     *   <li>SQLState class {@code 08}, connection exception (Connector/J: 08S01 communications link failure, 08001
     *       cannot connect, 08003 connection closed; MariaDB's 1040 too many connections is 08004);</li>
     *   <li>{@link SQLTransientConnectionException}, {@link SQLNonTransientConnectionException} and
     *       {@link SQLRecoverableException} (Connector/J's {@code CommunicationsException} is one), whatever state a
     *       driver gives them;</li>
     *   <li>{@link ResourceAllocationException}: Payara's pool could not lend a connection — it could not open one,
     *       or none came free within the pool's max-wait;</li>
     *   <li>a commit the transaction manager could not complete: {@link SystemException}, or an {@link XAException}
     *       saying the resource failed (XAER_RMERR, XAER_RMFAIL). Payara keeps only the driver's text there
     *       ({@code new XAException(e.toString())}, no cause), so the type is all there is to go by; with the
     *       database as the one resource, a commit that fails so is the database going away mid-commit, and whether
     *       it was applied is unknown — which the 503's detail says.</li>
     * </ul>
     */
    public static boolean databaseUnreachable(Throwable thrown) {
        return connectionFailure(thrown) != null;
    }

    /** The first link of the chain that says the database could not be reached, or null. */
    private static Throwable connectionFailure(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t); t = next(t)) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ResourceAllocationException
                    || t instanceof SystemException) {
                return t;
            }
            if (t instanceof XAException xa
                    && (xa.errorCode == XAException.XAER_RMERR || xa.errorCode == XAException.XAER_RMFAIL)) {
                return t;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return t;
            }
        }
        return null;
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
        String state = t instanceof SQLException sql && sql.getSQLState() != null
                ? " (SQLState " + sql.getSQLState() + ")" : "";
        return t.getClass().getName() + state + ": " + message;
    }

    /** An EJBException may keep its cause only as the "caused by exception". */
    private static Throwable next(Throwable t) {
        if (t.getCause() == null && t instanceof EJBException ejb) {
            return ejb.getCausedByException();
        }
        return t.getCause();
    }

    private static SQLException sqlCause(Throwable e) {
        // A set, not only a self-cause check: a chain a → b → a would otherwise never end.
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /**
     * The body field a JSON-B error is about ("client.officeId"), or null when it is about the body as a whole.
     * Yasson has no structured path: each object it reads into wraps a failure in a JsonbException whose message
     * begins "Unable to deserialize property 'name' because of: " (fixed English in Yasson 3, not a localised
     * text), so the names along the cause chain, outermost first, are the path. Only a plain Java identifier is
     * taken from such a message, and only at its start.
     */
    static String bodyField(Throwable e) {
        List<String> names = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonbException && t.getMessage() != null) {
                Matcher property = YASSON_PROPERTY.matcher(t.getMessage());
                if (property.lookingAt()) {
                    names.add(property.group(1));
                }
            }
        }
        return names.isEmpty() ? null : String.join(".", names);
    }

    private static JsonNumbers.Refused refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonNumbers.Refused refused) {
                return refused;
            }
        }
        return null;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            return "";
        }
        return ": " + (message.length() > 300 ? message.substring(0, 300) + "…" : message);
    }

    /** "create.body.openingHours[0].closes" → "openingHours[0].closes"; a query parameter keeps its name. */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty() && node.getName() != null) {
                    field.append('.');
                }
                if (node.getName() != null) {
                    field.append(node.getName());
                }
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : violation.getPropertyPath().toString();
    }

    private static String slug(String phrase) {
        return phrase == null ? "http-error" : phrase.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static Response respond(int status, String type, String title, String detail, String instance,
                                    List<LinkupException.Violation> violations) {
        return respond(status, type, title, detail, instance, violations, JsonValue.EMPTY_JSON_OBJECT);
    }

    private static Response respond(int status, String type, String title, String detail, String instance,
                                    List<LinkupException.Violation> violations, JsonObject extensions) {
        JsonObjectBuilder body = Json.createObjectBuilder(extensions)
                .add("type", "urn:linkup:problem:" + type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        if (instance != null) {
            body.add("instance", instance);
        }
        if (!violations.isEmpty()) {
            var list = Json.createArrayBuilder();
            violations.forEach(v -> list.add(Json.createObjectBuilder()
                    .add("field", v.field()).add("message", v.message())));
            body.add("violations", list);
        }
        // Serialized here so that no message body writer can fail to match the problem media type.
        return Response.status(status).type(PROBLEM_JSON).entity(body.build().toString()).build();
    }

    /**
     * Writes a problem outside JAX-RS (authentication, CSRF and other servlet-level refusals), in the same
     * shape as every other problem.
     */
    public static void write(jakarta.servlet.http.HttpServletResponse response, int status, String type,
                             String title, String detail) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "urn:linkup:problem:" + type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        response.getWriter().write(body.build().toString());
    }

    /**
     * Writes the problem for an exception that escaped outside JAX-RS (the authentication mechanism, a servlet or a
     * filter), exactly as {@link #toResponse} would answer it: the container would otherwise send an empty 500, or
     * its HTML error page quoting the exception.
     */
    public static void write(jakarta.servlet.http.HttpServletResponse response, Throwable thrown, String instance)
            throws java.io.IOException {
        Response problem = problem(thrown, instance);
        response.setStatus(problem.getStatus());
        problem.getStringHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write((String) problem.getEntity());
    }

    /** Jersey's own validation mapper would otherwise win for its closer exception type. */
    @Provider
    public static class Validation implements ExceptionMapper<ValidationException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(ValidationException exception) {
            return problem(exception, uriInfo);
        }
    }

    /** Malformed JSON surfaces as a ProcessingException from the entity reader. */
    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(ProcessingException exception) {
            return problem(exception, uriInfo);
        }
    }
}
