package sg.linkup.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import javax.transaction.xa.XAException;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "The database cannot be reached" is a 503 with Retry-After, told apart from a statement the database refused by
 * exception type and SQLState along the cause chain. The chains are built as the stack builds them: Connector/J's
 * own exception from a real connection attempt to a port nobody listens on, wrapped as Payara's pool
 * (AbstractDataSource: an SQLException without SQLState around the ResourceAllocationException of its
 * ConnectionManager), EclipseLink (its real DatabaseException, 4002) and JPA (PersistenceException) wrap it — the
 * order bench/faults.sh db-restart logged on the cluster. Only Payara-internal links (PoolingException) are left out.
 */
class DatabaseUnreachableTest {

    @RegisterExtension
    final LogCapture log = new LogCapture(ProblemMapper.class);

    /** What Connector/J 9.4 throws when nothing listens on the database's port. */
    private static SQLException refused;

    @BeforeAll
    static void connectToAPortNobodyListensOn() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + port + "/linkup?connectTimeout=2000&sslMode=DISABLED", "root", "x"));
    }

    /** Payara's pool: ConnectionManagerImpl's ResourceAllocationException inside AbstractDataSource's SQLException. */
    private static SQLException poolCouldNotAllocate(Throwable why) {
        ResourceAllocationException allocation = new ResourceAllocationException(
                "Error in allocating a connection. Cause: Connection could not be allocated because: "
                        + why.getMessage());
        allocation.initCause(why);
        return new SQLException(allocation.getMessage(), allocation);
    }

    /** An EntityManager query: EclipseLink's DatabaseException in JPA's PersistenceException (QueryImpl). */
    private static PersistenceException query(SQLException failure) {
        DatabaseException database = DatabaseException.sqlException(failure, true);
        return new PersistenceException(database.getMessage(), database);
    }

    private static Response problem(Throwable thrown) {
        return ProblemMapper.problem(thrown, null);
    }

    private static JsonObject body(Response response) {
        return Json.createReader(new StringReader((String) response.getEntity())).readObject();
    }

    private static void assertUnavailable(Response response) {
        assertEquals(503, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        assertEquals(String.valueOf(ProblemMapper.DATABASE_RETRY_AFTER_SECONDS),
                response.getHeaderString("Retry-After"));
        JsonObject body = body(response);
        assertEquals("urn:linkup:problem:database-unavailable", body.getString("type"));
        assertEquals(503, body.getInt("status"));
        assertTrue(body.getString("detail").contains("try again"), body::toString);
    }

    @Test
    void connectorJReportsARefusedConnectionAsACommunicationsFailure() {
        // The premise of the chains below, from the driver itself.
        assertEquals("08S01", refused.getSQLState());
        assertInstanceOf(java.sql.SQLRecoverableException.class, refused);
    }

    @Test
    void aQueryWhileTheDatabaseIsDownIs503WithRetryAfter() {
        assertUnavailable(problem(query(poolCouldNotAllocate(refused))));
    }

    @Test
    void theDriversExceptionAloneIs503() {
        assertUnavailable(problem(refused));
    }

    @Test
    void noConnectionFreeWithinTheMaxWaitIs503() {
        // Payara: "In-use connections equal max-pool-size and expired max-wait-time" — no SQL cause at all.
        Exception poolExhausted = new Exception("In-use connections equal max-pool-size and expired max-wait-time. "
                + "Cannot allocate more connections.");

        assertUnavailable(problem(query(poolCouldNotAllocate(poolExhausted))));
    }

    @Test
    void aConnectionLostInTheMiddleOfAStatementIs503() {
        // Connector/J on a connection whose server went away: 08S01 from the statement itself, no pool involved.
        SQLException lost = new com.mysql.cj.jdbc.exceptions.CommunicationsException(
                "Communications link failure", new java.io.EOFException("Can not read response from server"));

        assertEquals("08S01", lost.getSQLState());
        assertUnavailable(problem(query(lost)));
    }

    @Test
    void aCommitCutOffIsStill503InsideTheContainersWrappers() {
        SQLException lost = new SQLNonTransientConnectionException("No operations allowed after connection closed.",
                "08003");
        RollbackException rolledBack = new RollbackException("commit failed");
        rolledBack.initCause(query(lost));

        assertUnavailable(problem(new TransactionalException("commit failed", rolledBack)));
        assertUnavailable(problem(new EJBTransactionRolledbackException("rolled back", query(lost))));
    }

    @Test
    void aCommitTheTransactionManagerCouldNotCompleteIs503() {
        // Seen in bench/faults.sh db-restart: the database killed during a @Transactional commit. Payara's
        // ConnectorXAResource keeps only the text of the driver's failure (XAER_RMERR, no cause), the transaction
        // manager throws a bare SystemException, the interceptor a TransactionalException.
        XAException resourceFailed = new XAException(
                "jakarta.resource.spi.LocalTransactionException: Communications link failure");
        resourceFailed.errorCode = XAException.XAER_RMERR;
        SystemException commitFailed = new SystemException();
        commitFailed.initCause(resourceFailed);

        assertUnavailable(problem(new TransactionalException("Managed bean with Transactional annotation and TxType "
                + "of REQUIRES_NEW encountered exception during commit " + commitFailed, commitFailed)));
        assertUnavailable(problem(new EJBException(commitFailed)));
    }

    @Test
    void anXaExceptionThatIsNotAboutTheResourceFailingIsNotAnOutage() {
        XAException protocol = new XAException(XAException.XAER_PROTO);

        assertEquals(500, problem(new IllegalStateException("bad transaction use", protocol)).getStatus());
    }

    @Test
    void anEjbExceptionThatKeepsItsCauseOnlyAsCausedByExceptionIsFollowed() {
        EJBException ejb = new EJBException("wrapped") {
            @Override
            public synchronized Throwable getCause() {
                return null;
            }

            @Override
            public Exception getCausedByException() {
                return query(poolCouldNotAllocate(refused));
            }
        };

        assertUnavailable(problem(ejb));
    }

    @Test
    void aTransientConnectionFailureOfAnotherDriverIs503WhateverItsState() {
        assertUnavailable(problem(new PersistenceException(new SQLTransientConnectionException("timeout", "HYT00"))));
    }

    @Test
    void tooManyConnectionsIs503() {
        // MariaDB 1040 "Too many connections": SQLState 08004, the server refused the connection.
        assertUnavailable(problem(query(poolCouldNotAllocate(new SQLException("Too many connections", "08004", 1040)))));
    }

    @Test
    void aStatementTheDatabaseRefusedIsNotAnOutage() {
        Response duplicate = problem(query(new java.sql.SQLIntegrityConstraintViolationException("dup", "23000", 1062)));
        Response deadlock = problem(query(new java.sql.SQLTransactionRollbackException("Deadlock", "40001", 1213)));
        Response syntax = problem(query(new SQLSyntaxErrorException("You have an error", "42000", 1064)));

        assertEquals(409, duplicate.getStatus());
        assertEquals(409, deadlock.getStatus());
        assertEquals(500, syntax.getStatus());
        assertNull(syntax.getHeaderString("Retry-After"));
    }

    @Test
    void aTimeoutTalkingToSomethingElseIsNotADatabaseOutage() {
        // Twilio or SMTP timing out is no reason to tell the caller the database is down.
        Response response = problem(new IllegalStateException("send failed", new SocketTimeoutException("Read timed out")));

        assertEquals(500, response.getStatus());
    }

    @Test
    void aMessageThatMerelyMentionsTheLinkIsNotEnough() {
        // Classified by type and state, never by text.
        Response response = problem(new PersistenceException("Communications link failure",
                new SQLException("Communications link failure", "HY000")));

        assertEquals(500, response.getStatus());
    }

    @Test
    void aCauseChainWithACycleEnds() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);

        assertEquals(500, problem(new PersistenceException(a)).getStatus());
        assertFalse(ProblemMapper.databaseUnreachable(a));
    }

    @Test
    void anOutageIsLoggedAsOneWarningWithoutTheStackNorTheSql() {
        problem(query(poolCouldNotAllocate(refused)));

        assertEquals(1, log.records().size());
        assertEquals(Level.WARNING, log.records().get(0).getLevel());
        assertNull(log.records().get(0).getThrown());
        String message = log.records().get(0).getMessage();
        assertTrue(message.contains("ResourceAllocationException"), message);
        assertFalse(message.contains("SELECT"), message);
    }

    // ---- outside JAX-RS: the authentication mechanism and servlets write the same problem ---------------------

    @Test
    void aServletResponseGetsTheSameProblemWithItsRetryAfter() throws Exception {
        RecordedResponse recorded = new RecordedResponse();

        ProblemMapper.write(recorded.proxy(), query(poolCouldNotAllocate(refused)), "/api/offices");

        assertEquals(503, recorded.status);
        assertEquals(List.of(String.valueOf(ProblemMapper.DATABASE_RETRY_AFTER_SECONDS)),
                recorded.headers.get("Retry-After"));
        assertEquals("application/problem+json", recorded.contentType);
        assertFalse(recorded.headers.containsKey("Content-Type"), recorded.headers::toString);
        JsonObject body = Json.createReader(new StringReader(recorded.body.toString())).readObject();
        assertEquals("urn:linkup:problem:database-unavailable", body.getString("type"));
        assertEquals("/api/offices", body.getString("instance"));
    }

    @Test
    void anythingElseEscapingAServletIs500WithAnIncidentNotTheExceptionText() throws Exception {
        RecordedResponse recorded = new RecordedResponse();

        ProblemMapper.write(recorded.proxy(), query(new SQLSyntaxErrorException("near 'SELECT secret'", "42000")),
                "/calendar/x.ics");

        assertEquals(500, recorded.status);
        assertFalse(recorded.body.toString().contains("secret"), recorded.body::toString);
        assertTrue(recorded.body.toString().contains("incident"), recorded.body::toString);
    }

    /** Just enough of an HttpServletResponse to see what was written (no mocking library in this build). */
    private static final class RecordedResponse {
        int status;
        String contentType;
        final Map<String, List<String>> headers = new HashMap<>();
        final StringWriter body = new StringWriter();

        HttpServletResponse proxy() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (self, method, args) -> {
                        switch (method.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "addHeader", "setHeader" -> headers.computeIfAbsent((String) args[0],
                                    name -> new ArrayList<>()).add((String) args[1]);
                            case "setContentType" -> contentType = (String) args[0];
                            case "getWriter" -> {
                                return new PrintWriter(body, true);
                            }
                            default -> {
                            }
                        }
                        return null;
                    });
        }
    }
}
