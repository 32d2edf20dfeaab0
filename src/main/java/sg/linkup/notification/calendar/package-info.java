/**
 * Calendar invitations: the only place that builds iCalendar text (invites, updates, cancellations and the
 * advisors' subscription feed, with iCal4j) and the only place that imports Jakarta Mail to send them.
 */
package sg.linkup.notification.calendar;
