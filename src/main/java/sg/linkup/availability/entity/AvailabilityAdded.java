package sg.linkup.availability.entity;

/** A CDI event: an advisor has new availability, so waiting clients may now be offered a slot. */
public record AvailabilityAdded(long advisorId) {
}
