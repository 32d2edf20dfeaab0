package sg.linkup.booking.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import sg.linkup.platform.Conflict;

/** The asked slot is not (or no longer) offered: outside availability, or taken before the hold was made. */
public class SlotUnavailable extends Conflict {

    private final JsonArray alternatives;

    public SlotUnavailable(String detail) {
        this(detail, null);
    }

    private SlotUnavailable(String detail, JsonArray alternatives) {
        super(detail);
        this.alternatives = alternatives;
    }

    /** The same refusal with other free slots the caller may offer instead. */
    public SlotUnavailable withAlternatives(JsonArray slots) {
        return new SlotUnavailable(getMessage(), slots);
    }

    @Override
    public JsonObject extensions() {
        return alternatives == null ? JsonValue.EMPTY_JSON_OBJECT
                : Json.createObjectBuilder().add("alternatives", alternatives).build();
    }

    @Override
    public String type() {
        return "slot-unavailable";
    }

    @Override
    public String title() {
        return "Slot not available";
    }
}
