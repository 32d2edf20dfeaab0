/**
 * Who did what, when, in which role and scope: sign-ins (failed ones too), every read of a client's contact
 * details, every change to an account, a booking or a client. Written in the same transaction as the change it
 * records (sign-in failures in their own), never updated, and deleted only by the retention sweep once older than
 * {@code linkup.retention.audit-days}. It imports no other feature: security writes to it, so callers say who acted
 * with an {@code AuditEvent.Actor}, and its own resource names the admin role through {@code platform.RoleChecks}.
 */
package sg.linkup.audit;
