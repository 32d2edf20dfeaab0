/**
 * When sessions can happen: advisors' recurring availability rules (RFC 5545 RRULE, expanded with iCal4j —
 * the only feature that imports it), advisor blackouts and agency closures, Singapore public holidays, the
 * occupancy ledger that bookings and holds write, and the slot search that finds an advisor, a room and the
 * client free at once.
 */
package sg.linkup.availability;
