/**
 * The slot-search benchmark ({@code mvn -Pbench verify}): synthetic offices, advisors and 50,000 then 500,000
 * bookings written by JDBC, slot search timed over HTTP and in-process, and what the database does for it.
 * Figures only — nothing here is a test of timing.
 */
package sg.linkup.bench;
