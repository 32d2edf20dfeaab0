package sg.linkup.booking.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import sg.linkup.availability.boundary.SlotJson;
import sg.linkup.availability.control.SlotFinder.Slot;
import sg.linkup.availability.control.SlotSearch;
import sg.linkup.booking.entity.Booking;

/**
 * Where a booking could move (a blackout hit it, or the client asks): the same advisor first, then any advisor
 * of the same service, at the same office and mode, in the next two weeks.
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
}
