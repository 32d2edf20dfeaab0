package sg.linkup.booking.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import sg.linkup.audit.entity.AuditEvent.Actor;
import sg.linkup.availability.control.SlotSearch;
import sg.linkup.availability.control.SlotTaken;
import sg.linkup.booking.entity.Booking;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;

/**
 * "The next free session today at this office for this service", in one call: the earliest slots are tried in
 * order, each in its own transaction, until one is taken for the client.
 */
@ApplicationScoped
public class WalkIns {

    /** Enough to get past a few racing counters without searching the whole day again. */
    static final int ATTEMPTS = 10;

    @Inject
    SlotSearch search;

    @Inject
    Bookings bookings;

    @Inject
    Clock clock;

    public Booking bookNextToday(long serviceId, long officeId, long clientId, SessionMode mode,
                                 Booking.Referral referral, Actor actor) {
        Instant now = clock.instant();
        Instant endOfDay = Clocks.at(Clocks.dateIn(now).plusDays(1), LocalTime.MIDNIGHT);
        var found = search.search(SlotSearch.Query.of(serviceId, List.of(officeId), mode, now, endOfDay)
                .forClient(clientId).first(ATTEMPTS));
        for (var slot : found.slots()) {
            try {
                return bookings.book(new Bookings.Wanted(serviceId, officeId, slot.mode(), slot.session().start(),
                        slot.advisorId(), slot.roomId(), clientId), referral, actor, null);
            } catch (SlotTaken | SlotUnavailable lost) {
                // Someone else was quicker for this one: try the next.
            }
        }
        throw new SlotUnavailable("no free session is left today at this office for this service");
    }
}
