package sg.linkup.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProblemMapperTest {

    @RegisterExtension
    final LogCapture log = new LogCapture(ProblemMapper.class);

    private static Response problem(Throwable thrown) {
        return ProblemMapper.problem(thrown, null);
    }

    private static JsonObject body(Response response) {
        try (JsonReader reader = Json.createReader(new StringReader((String) response.getEntity()))) {
            return reader.readObject();
        }
    }

    private static void assertProblem(int status, String type, Response response) {
        assertEquals(status, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        JsonObject body = body(response);
        assertEquals("urn:linkup:problem:" + type, body.getString("type"));
        assertEquals(status, body.getInt("status"));
        assertFalse(body.getString("title").isBlank());
    }

    private static SQLIntegrityConstraintViolationException mysqlIntegrityError(int errorCode) {
        return new SQLIntegrityConstraintViolationException("dup", "23000", errorCode);
    }

    @Test
    void notFoundIs404() {
        Response response = problem(new NotFound("office", 7));

        assertProblem(404, "not-found", response);
        assertEquals("Not found", body(response).getString("title"));
        assertEquals("No office with id 7", body(response).getString("detail"));
    }

    @Test
    void invalidInputIs400NamingTheField() {
        Response response = problem(new InvalidInput("postalCode", "a Singapore postal code has six digits"));

        assertProblem(400, "invalid-input", response);
        JsonObject violation = body(response).getJsonArray("violations").getJsonObject(0);
        assertEquals(1, body(response).getJsonArray("violations").size());
        assertEquals("postalCode", violation.getString("field"));
        assertEquals("a Singapore postal code has six digits", violation.getString("message"));
    }

    @Test
    void conflictIs409() {
        Response response = problem(new Conflict("The slot was taken"));

        assertProblem(409, "conflict", response);
        assertEquals("The slot was taken", body(response).getString("detail"));
        assertFalse(body(response).containsKey("violations"));
    }

    @Test
    void noInstanceWithoutARequest() {
        assertFalse(body(problem(new NotFound("office", 7))).containsKey("instance"));
    }

    @Test
    void duplicateKeyIs409Duplicate() {
        Response response = problem(new PersistenceException("insert failed", mysqlIntegrityError(1062)));

        assertProblem(409, "duplicate", response);
        assertFalse(body(response).getString("detail").contains("dup"), "no driver text leaks");
    }

    @Test
    void aDeadlockTheDatabaseBrokeIs409TryAgainNot500() {
        Response response = problem(new PersistenceException("update failed",
                new java.sql.SQLTransactionRollbackException("Deadlock found", "40001", 1213)));

        assertProblem(409, "concurrent-change", response);
        assertTrue(body(response).getString("detail").contains("try again"), body(response)::toString);
    }

    @Test
    void referenceToAMissingRowIs409UnknownReference() {
        Response response = problem(new PersistenceException("insert failed", mysqlIntegrityError(1452)));

        assertProblem(409, "unknown-reference", response);
    }

    @Test
    void deletingARowStillReferencedIs409StillReferenced() {
        Response response = problem(new PersistenceException("delete failed", mysqlIntegrityError(1451)));

        assertProblem(409, "still-referenced", response);
    }

    @Test
    void duplicateKeyWrappedByTheContainerIsStill409() {
        Response response = problem(new EJBException(
                new PersistenceException("insert failed", mysqlIntegrityError(1062))));

        assertProblem(409, "duplicate", response);
    }

    @Test
    void concurrentChangeIs409() {
        assertProblem(409, "concurrent-change", problem(new OptimisticLockException("stale")));
    }

    @Test
    void notFoundThrownInsideAnEjbIs404() {
        Response response = problem(new EJBException(new NotFound("office", 7)));

        assertProblem(404, "not-found", response);
        assertEquals("No office with id 7", body(response).getString("detail"));
    }

    @Test
    void invalidInputWrappedInAPersistenceExceptionIs400() {
        Response response = problem(new PersistenceException("callback failed",
                new InvalidInput("postalCode", "a Singapore postal code has six digits")));

        assertProblem(400, "invalid-input", response);
    }

    @Test
    void jaxRsNotFoundIs404() {
        Response response = problem(new jakarta.ws.rs.NotFoundException());

        assertProblem(404, "not-found", response);
        assertEquals("Not Found", body(response).getString("detail"));
    }

    @Test
    void unexpectedErrorIs500WithoutItsMessage() {
        Response response = problem(new IllegalStateException("password=hunter2 at db-primary"));

        assertProblem(500, "internal", response);
        String entity = (String) response.getEntity();
        assertFalse(entity.contains("hunter2"), entity);
        assertFalse(entity.contains("IllegalStateException"), entity);
    }

    @Test
    void unexpectedErrorIsLoggedUnderTheIncidentTheCallerIsTold() {
        IllegalStateException thrown = new IllegalStateException("boom");

        String detail = body(problem(thrown)).getString("detail");

        Matcher incident = Pattern.compile("incident ([0-9a-f-]{36})").matcher(detail);
        assertTrue(incident.find(), detail);
        assertEquals(1, log.records().size());
        assertTrue(log.records().get(0).getMessage().contains(incident.group(1)), log.records().get(0).getMessage());
        assertSame(thrown, log.records().get(0).getThrown());
    }

    @Test
    void eachUnexpectedErrorGetsItsOwnIncident() {
        String first = body(problem(new IllegalStateException("boom"))).getString("detail");
        String second = body(problem(new IllegalStateException("boom"))).getString("detail");

        assertNotNull(first);
        assertFalse(first.equals(second), first);
    }

    // ---- request bodies, read as Jersey reads them: JSON-B's failure wrapped in a ProcessingException ----------

    public record BookingBody(Long serviceId, Long clientId, Double latitude, Boolean consentToShare) {
    }

    private static ProcessingException unreadable(String json) {
        JsonbException failure = assertThrows(JsonbException.class,
                () -> new JsonNumbers().getContext(BookingBody.class).fromJson(json, BookingBody.class));
        return new ProcessingException("Error deserializing object from entity stream.", failure);
    }

    @Test
    void aNumberTooLargeForItsFieldIs400NamingThatField() {
        Response response = problem(unreadable("{\"serviceId\": 99999999999999999999999}"));

        assertProblem(400, "invalid-input", response);
        JsonObject violation = body(response).getJsonArray("violations").getJsonObject(0);
        assertEquals("serviceId", violation.getString("field"));
        assertEquals("must be a whole number from -9223372036854775808 to 9223372036854775807",
                violation.getString("message"));
    }

    @Test
    void aValueOfTheWrongTypeIs400NamingThatField() {
        Response response = problem(unreadable("{\"clientId\": 1, \"latitude\": \"north\"}"));

        assertProblem(400, "invalid-input", response);
        JsonObject violation = body(response).getJsonArray("violations").getJsonObject(0);
        assertEquals("latitude", violation.getString("field"));
        assertEquals("has a value of the wrong form", violation.getString("message"));
    }

    @Test
    void aYesNoFieldGivenAnythingButTrueOrFalseIs400SayingSo() {
        Response response = problem(unreadable("{\"clientId\": 1, \"consentToShare\": \"yes\"}"));

        assertProblem(400, "invalid-input", response);
        JsonObject violation = body(response).getJsonArray("violations").getJsonObject(0);
        assertEquals("consentToShare", violation.getString("field"));
        assertEquals("must be true or false", violation.getString("message"));
    }

    @Test
    void brokenJsonIsAMalformedBodyAboutNoField() {
        Response response = problem(unreadable("{\"serviceId\": 1, "));

        assertProblem(400, "malformed-body", response);
        assertFalse(body(response).containsKey("violations"));
    }

    @Test
    void onlyAnIdentifierAtTheStartOfYassonsMessageIsTakenAsAField() {
        String yasson = "Unable to deserialize property '%s' because of: %s";
        assertNull(ProblemMapper.bodyField(new JsonbException(yasson.formatted("a b", "x"))));
        assertNull(ProblemMapper.bodyField(new JsonbException("Oops: " + yasson.formatted("x", "y"))));
        assertEquals("serviceId", ProblemMapper.bodyField(new ProcessingException("wrapped",
                new JsonbException("Unable to deserialize property 'serviceId' because of: z"))));
    }
}
