package sg.linkup.availability.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Locale;
import sg.linkup.availability.entity.Resource;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.platform.Conflict;

/** Someone else holds or booked this advisor, room or client for an overlapping time. → 409 */
public class SlotTaken extends Conflict {

    private final Resource resource;
    private final long resourceId;
    private final TimeRange range;
    private final JsonArray alternatives;

    public SlotTaken(Resource resource, long resourceId, TimeRange range) {
        this(resource, resourceId, range, null);
    }

    private SlotTaken(Resource resource, long resourceId, TimeRange range, JsonArray alternatives) {
        super("the " + resource.name().toLowerCase(Locale.ROOT) + " is already taken at that time");
        this.resource = resource;
        this.resourceId = resourceId;
        this.range = range;
        this.alternatives = alternatives;
    }

    /** The same refusal with other free slots the caller may offer instead. */
    public SlotTaken withAlternatives(JsonArray slots) {
        return new SlotTaken(resource, resourceId, range, slots);
    }

    public Resource resource() {
        return resource;
    }

    @Override
    public String type() {
        return "slot-taken";
    }

    @Override
    public String title() {
        return "Slot taken";
    }

    @Override
    public JsonObject extensions() {
        var body = Json.createObjectBuilder()
                .add("resource", resource.name())
                .add("resourceId", resourceId)
                .add("start", range.start().toString())
                .add("end", range.end().toString());
        if (alternatives != null) {
            body.add("alternatives", alternatives);
        }
        return body.build();
    }
}
