/**
 * A session's life: hold, book, reschedule, cancel, check in, start, complete with an outcome, no-show,
 * walk-in, and the waitlist. Every change writes the audit trail. Which advisor, room and client are taken
 * when is the occupancy ledger's business ({@code OccupancyLedger}); this feature writes through it only.
 */
package sg.linkup.booking;
