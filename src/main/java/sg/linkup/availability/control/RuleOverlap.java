package sg.linkup.availability.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import sg.linkup.availability.entity.AvailabilityRule;
import sg.linkup.platform.Conflict;

/**
 * A rule would put an advisor in two places at once: it overlaps another rule of theirs on some date. → 409, naming
 * that rule and the date, so that a screen can say which of the advisor's blocks is in the way.
 */
public class RuleOverlap extends Conflict {

    private final long ruleId;
    private final LocalDate date;

    public RuleOverlap(AvailabilityRule other, LocalDate date) {
        super("overlaps availability rule " + other.id() + " on " + date + " (" + other.startTime() + "–"
                + other.endTime() + "); an advisor is in one place at a time");
        this.ruleId = other.id();
        this.date = date;
    }

    @Override
    public String type() {
        return "rule-overlap";
    }

    @Override
    public String title() {
        return "Overlaps another availability rule";
    }

    @Override
    public JsonObject extensions() {
        return Json.createObjectBuilder().add("ruleId", ruleId).add("date", date.toString()).build();
    }
}
