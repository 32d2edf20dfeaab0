/**
 * Retention: how long Linkup keeps what says who someone is (README, Retention). Clients with no session for
 * {@code linkup.retention.client-inactive-days} are anonymised, outbox rows lose recipient and text after
 * {@code linkup.retention.sms-days}, audit lines are deleted after {@code linkup.retention.audit-days}.
 *
 * <p>This feature decides what is due ({@code RetentionPolicy}, plain rules) and runs the sweep
 * ({@code Retention}, {@code RetentionScheduler} on every node); the rows are read, claimed ({@code FOR UPDATE
 * SKIP LOCKED}) and changed by the features that own them — {@code Clients}, {@code Bookings} and
 * {@code Waitlist}, {@code Outbox}, {@code AuditTrail} — so their tables' queries stay with them, and the
 * dependencies show in this package's imports. It is its own package because clients cannot ask bookings who is
 * inactive without the two features importing each other.
 */
package sg.linkup.retention;
