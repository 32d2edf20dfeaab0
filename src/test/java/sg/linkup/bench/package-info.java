/**
 * The benchmarks ({@code mvn -Pbench verify}): slot search at 50,000 then 500,000 bookings written by JDBC, timed
 * over HTTP and in-process, with what the database does for it ({@code SlotSearchBench}); and booking commits
 * over HTTP and in-process against a raw-JDBC insert baseline, with the double bookings counted by SQL afterwards
 * ({@code BookingCommitBench}); and every report over a year at ~250k and then 500k bookings with their outbox
 * rows, after rebuilding the roll-ups ({@code ReportsBench}). Also the load run against the cluster of
 * {@code bench/cluster.sh} ({@code ClusterLoad}, a plain main run by {@code bench/load.sh}, not by Maven's test
 * plugins). Figures only — nothing here is a test of timing.
 */
package sg.linkup.bench;
