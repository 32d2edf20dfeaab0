package sg.linkup.booking.entity;

/** A CDI event: a booking of this service let go of its slot (cancel, reschedule, released hold). */
public record SlotsFreed(long serviceId) {
}
