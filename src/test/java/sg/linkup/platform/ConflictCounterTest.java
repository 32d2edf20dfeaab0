package sg.linkup.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sg.linkup.availability.control.SlotTaken;
import sg.linkup.availability.entity.Resource;
import sg.linkup.availability.entity.TimeRange;

/** How a 409 is filed in /metrics: by the endpoint, the problem type and what was taken. */
class ConflictCounterTest {

    @Test
    void theEndpointIsTheFirstSegmentUnderTheApi() {
        assertEquals("bookings", ConflictCounter.endpoint(segments("bookings", "12", "cancel")));
        assertEquals("holds", ConflictCounter.endpoint(segments("holds")));
        assertEquals("none", ConflictCounter.endpoint(segments()));
    }

    @Test
    void aSlotTakenProblemNamesItsTypeAndWhatWasTaken() {
        var taken = new SlotTaken(Resource.ADVISOR, 3, new TimeRange(Instant.EPOCH, Instant.EPOCH.plusSeconds(60)));
        var problem = ConflictCounter.problem(ProblemMapper.problem(taken, null).getEntity());

        assertEquals("slot-taken", ConflictCounter.type(problem));
        assertEquals("advisor", ConflictCounter.taken(problem));
    }

    @Test
    void anotherConflictNamesItsTypeAndNothingTaken() {
        var problem = ConflictCounter.problem(ProblemMapper.problem(new Conflict("code in use"), null).getEntity());

        assertEquals("conflict", ConflictCounter.type(problem));
        assertEquals("none", ConflictCounter.taken(problem));
    }

    @Test
    void aBodyThatIsNoProblemOfOursIsUnknown() {
        assertNull(ConflictCounter.problem("not json"));
        assertNull(ConflictCounter.problem("{broken"));
        assertNull(ConflictCounter.problem(null));
        assertEquals("unknown", ConflictCounter.type(null));
        assertEquals("unknown", ConflictCounter.type(ConflictCounter.problem("{\"type\":\"about:blank\"}")));
        assertEquals("none", ConflictCounter.taken(ConflictCounter.problem("{\"resource\":\"ROOM\"}")),
                "only a slot-taken problem says what was taken");
    }

    private static List<PathSegment> segments(String... paths) {
        return Arrays.stream(paths).<PathSegment>map(path -> new PathSegment() {
            @Override
            public String getPath() {
                return path;
            }

            @Override
            public MultivaluedMap<String, String> getMatrixParameters() {
                return new MultivaluedHashMap<>();
            }
        }).toList();
    }
}
