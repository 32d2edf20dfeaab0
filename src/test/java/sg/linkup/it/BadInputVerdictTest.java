package sg.linkup.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BadInputIT must fail when any operation, a new one included, answers bad input wrongly. */
class BadInputVerdictTest {

    private static final Map<String, Long> ROWS = Map.of("booking", 2L, "client", 5L);
    private static final String PROBLEM = "application/problem+json";

    private static Api.Reply reply(int status, String type, String body) {
        return new Api.Reply(status, type, null, body, null);
    }

    private static String judge(Api.Reply answer, boolean mustRefuse, Map<String, Long> after) {
        return BadInputVerdict.judge("POST /api/new-thing body null", answer, mustRefuse, true, ROWS, after);
    }

    @Test
    void aServerErrorFailsEvenWhenTheInputMightHaveBeenFine() {
        for (int status : List.of(500, 502, 503, 599)) {
            String failure = judge(reply(status, PROBLEM, "{\"status\":" + status + "}"), false, ROWS);
            assertTrue(failure != null && failure.startsWith("5xx: POST /api/new-thing"), failure);
        }
    }

    @Test
    void aRefusalThatIsNotAProblemFails() {
        String failure = judge(reply(400, "text/html", "<html>Bad Request</html>"), true, ROWS);
        assertTrue(failure != null && failure.startsWith("not problem+json"), failure);
        assertTrue(judge(reply(404, "", ""), true, ROWS).startsWith("not problem+json"));
    }

    @Test
    void aRefusalThatChangedRowsFailsNamingTheTable() {
        String failure = judge(reply(400, PROBLEM, "{}"), true, Map.of("booking", 3L, "client", 5L));
        assertTrue(failure != null && failure.contains("booking 2→3"), failure);
    }

    @Test
    void plainlyWrongInputAcceptedFailsAndPlausibleInputAcceptedDoesNot() {
        assertTrue(judge(reply(200, "application/json", "{}"), true, ROWS).startsWith("accepted"));
        assertNull(judge(reply(201, "application/json", "{}"), false, Map.of("booking", 3L, "client", 5L)));
    }

    @Test
    void aProblemWithRowsAsTheyWereIsRight() {
        assertNull(judge(reply(400, PROBLEM + ";charset=UTF-8", "{}"), true, Map.copyOf(ROWS)));
        assertNull(judge(reply(404, PROBLEM, "{}"), true, ROWS));
    }

    @Test
    void onlyTheContainersBareRefusalOfAnEncodedNulIsLetThrough() {
        Api.Reply bare = reply(400, "", "");
        assertTrue(BadInputVerdict.refusedBeforeTheApplication("api/clients/%00", bare));
        assertFalse(BadInputVerdict.refusedBeforeTheApplication("api/clients/abc", bare));
        assertFalse(BadInputVerdict.refusedBeforeTheApplication("api/clients/%00", reply(500, "", "")));
        assertFalse(BadInputVerdict.refusedBeforeTheApplication("api/clients/%00", reply(400, "text/html", "<p>")));
        Api.Reply fromTheApplication = new Api.Reply(400, "", null, "", HttpHeaders.of(
                Map.of("X-Content-Type-Options", List.of("nosniff")), (name, value) -> true));
        assertFalse(BadInputVerdict.refusedBeforeTheApplication("api/clients/%00", fromTheApplication));
    }
}
