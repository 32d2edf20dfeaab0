package sg.linkup.booking.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import sg.linkup.availability.boundary.SlotJson;
import sg.linkup.availability.control.SlotFinder.Slot;
import sg.linkup.availability.control.SlotSearch;
import sg.linkup.booking.entity.Booking;
import sg.linkup.platform.Clocks;

/**
 * Where a booking could move (a blackout hit it, or the client asks): the same advisor first, then any advisor
 * of the same service, at the same office and mode, in the next two weeks. And what a lost race (409) offers
 * instead of the slot asked for, whether the hold or the booking lost it.
 */
final class Alternatives {

    private Alternatives() {
    }

    /** {@code aroundClient}: leave out the times the client is booked elsewhere (for those who look after them). */
    static List<SlotJson> of(SlotSearch search, Booking booking, int limit, Instant now, boolean aroundClient) {
        if (limit < 1 || limit > 50) {
            throw new sg.linkup.platform.InvalidInput("limit", "between 1 and 50");
        }
        Instant from = now;
        var found = search.search(SlotSearch.Query.of(booking.serviceId(), List.of(booking.officeId()),
                        booking.mode(), from, from.plus(Duration.ofDays(14)))
                .forClient(aroundClient ? booking.clientId() : null)
                .first(SlotSearch.MAX_LIMIT).withCandidates(true).ignoring(booking.id()));
        List<Slot> sameAdvisor = new ArrayList<>();
        List<Slot> others = new ArrayList<>();
        for (Slot slot : found.slots()) {
            if (slot.session().start().equals(booking.session().start())) {
                continue;
            }
            if (slot.advisorIds().contains(booking.advisorId())) {
                sameAdvisor.add(new Slot(slot.session(), slot.mode(), slot.officeId(), booking.advisorId(),
                        slot.roomId(), List.of(), List.of()));
            } else {
                others.add(new Slot(slot.session(), slot.mode(), slot.officeId(), slot.advisorId(), slot.roomId(),
                        List.of(), List.of()));
            }
        }
        List<Slot> ordered = new ArrayList<>(sameAdvisor);
        ordered.addAll(others);
        return ordered.stream().limit(limit).map(slot -> SlotJson.of(slot, found, false)).toList();
    }

    /**
     * A few other free slots from the asked time on (from now when that has passed, as for a hold that lapsed
     * into the past), for a 409's {@code alternatives}. A courtesy: any failure just gives none.
     */
    static JsonArray around(SlotSearch search, BookingRequest asked, Instant now) {
        if (asked.serviceId() == null || asked.officeId() == null || asked.start() == null) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        try {
            Instant from = Collections.max(List.of(asked.start().toInstant(), now));
            var found = search.search(SlotSearch.Query.of(asked.serviceId(), List.of(asked.officeId()), asked.mode(),
                    from, from.plus(Duration.ofDays(3))).forClient(asked.clientId()).first(3));
            JsonArrayBuilder slots = Json.createArrayBuilder();
            found.slots().forEach(s -> slots.add(Json.createObjectBuilder()
                    .add("start", s.session().start().atZone(Clocks.SINGAPORE).toOffsetDateTime().toString())
                    .add("mode", s.mode().name())
                    .add("advisorId", s.advisorId())));
            return slots.build();
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
    }
}
