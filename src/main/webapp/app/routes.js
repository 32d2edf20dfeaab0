// Every screen, who may open it, and whether it is in the main navigation. The navigation is built from this table,
// so a role sees only what it may use. Later screens (booking, today's board, booking detail, waitlist, the
// partner and admin screens) are one row and one module each.

import * as adminAdvisor from './screens/admin-advisor.js';
import * as adminAdvisors from './screens/admin-advisors.js';
import * as adminAgencies from './screens/admin-agencies.js';
import * as adminOffices from './screens/admin-offices.js';
import * as adminRooms from './screens/admin-rooms.js';
import * as adminServices from './screens/admin-services.js';
import * as advisorAvailability from './screens/advisor-availability.js';
import * as advisors from './screens/advisors.js';
import * as board from './screens/board.js';
import * as book from './screens/book.js';
import * as bookingDetail from './screens/booking-detail.js';
import * as clientDetails from './screens/client-details.js';
import * as clientForm from './screens/client-form.js';
import * as clients from './screens/clients.js';
import * as home from './screens/home.js';
import * as leave from './screens/leave.js';
import * as signin from './screens/signin.js';
import * as waitlist from './screens/waitlist.js';
// Partner agency: sessions, calendar feeds, API tokens.
import * as apiTokens from './screens/api-tokens.js';
import * as calendarFeeds from './screens/calendar-feeds.js';
import * as partnerSession from './screens/session.js';
import * as sessions from './screens/sessions.js';
// The administrator's accounts, holidays and audit log (the catalogue screens are a block of their own).
import * as adminAudit from './screens/admin-audit.js';
import * as adminHolidays from './screens/admin-holidays.js';
import * as adminStaff from './screens/admin-staff.js';
// Reports: figures for an administrator, a supervisor's SSOs and a partner's agency (GET /api/reports/...).
import * as reports from './screens/reports.js';
/** Who keeps staff accounts and public holidays, and reads the audit log (StaffResource, HolidaysResource, AuditResource). */
const KEEP_ACCOUNTS = ['ADMIN'];

const EVERY_ROLE = ['ADMIN', 'COUNTER_STAFF', 'SUPERVISOR', 'PARTNER'];
/** Who may read clients' contact details (ClientsResource); supervisors only read. */
const READ_CLIENTS = ['COUNTER_STAFF', 'SUPERVISOR', 'ADMIN'];
/** Who may register and change clients. */
export const WRITE_CLIENTS = ['COUNTER_STAFF', 'ADMIN'];
/** Who may read bookings and the waitlist of their offices; supervisors only read (BookingsResource). */
const READ_BOOKINGS = ['COUNTER_STAFF', 'SUPERVISOR', 'ADMIN'];
/** Who keeps advisors' availability (RulesResource): partners for their own agency, admins for every agency. */
const MANAGE_ADVISORS = ['PARTNER', 'ADMIN'];
/** Who keeps the catalogue: offices, rooms, agencies, services, advisors (the directory resources' writes). */
const KEEP_CATALOGUE = ['ADMIN'];
/** A partner agency's screens; an administrator chooses the agency (app/agency.js). */
const PARTNER = ['PARTNER', 'ADMIN'];
/** Who keeps advisors' leave and agency closures (AdvisorBlackoutsResource, AgencyClosuresResource). */
const KEEP_LEAVE = ['PARTNER', 'ADMIN'];
/** Who reads reports (ReportsResource), each within their own scope; counter staff do not. */
const READ_REPORTS = ['ADMIN', 'SUPERVISOR', 'PARTNER'];

export const ROUTES = [
  { path: 'signin', screen: signin, public: true },
  { path: 'clients', screen: clients, roles: READ_CLIENTS, nav: 'Clients', section: 'clients' },
  { path: 'clients/new', screen: clientForm, roles: WRITE_CLIENTS, section: 'clients' },
  { path: 'clients/:id', screen: clientDetails, roles: READ_CLIENTS, section: 'clients' },
  { path: 'clients/:id/edit', screen: clientForm, roles: WRITE_CLIENTS, section: 'clients' },
  { path: 'board', screen: board, roles: READ_CLIENTS, nav: "Today's board", section: 'board' },
  { path: 'bookings/:id', screen: bookingDetail, roles: READ_BOOKINGS, section: 'bookings' },
  { path: 'waitlist', screen: waitlist, roles: READ_BOOKINGS, nav: 'Waitlist', section: 'waitlist' },
  { path: 'admin/staff', screen: adminStaff.list, roles: KEEP_ACCOUNTS, nav: 'Staff accounts', section: 'staff' },
  { path: 'admin/staff/new', screen: adminStaff.form, roles: KEEP_ACCOUNTS, section: 'staff' },
  { path: 'admin/staff/:id', screen: adminStaff.form, roles: KEEP_ACCOUNTS, section: 'staff' },
  { path: 'admin/holidays', screen: adminHolidays, roles: KEEP_ACCOUNTS, nav: 'Public holidays', section: 'holidays' },
  { path: 'admin/audit', screen: adminAudit, roles: KEEP_ACCOUNTS, nav: 'Audit log', section: 'audit' },
  // No navigation entry: a session is booked for a client, so it starts from the client's page.
  { path: 'book', screen: book, roles: WRITE_CLIENTS, section: 'clients' },
  // Partner agency, scoped to its own agency (an administrator chooses one on the screen).
  // First of the partner's entries: a partner lands on the week's sessions.
  { path: 'sessions', screen: sessions, roles: PARTNER, nav: 'Sessions', navRoles: ['PARTNER'], section: 'sessions' },
  { path: 'sessions/:id', screen: partnerSession, roles: PARTNER, section: 'sessions' },
  // An administrator's one entry for the partner screens: they ask which agency, then link to each other (agency.js).
  { path: 'sessions', screen: sessions, roles: ['ADMIN'], nav: 'Agency screens', navRoles: ['ADMIN'], section: 'sessions' },
  { path: 'advisors', screen: advisors, roles: MANAGE_ADVISORS, nav: 'Advisors', navRoles: ['PARTNER'], section: 'advisors' },
  // A partner keeps their own agency's advisors (AdvisorsResource scopes them); the same form as the admin's.
  // Before 'advisors/:id', which would take "new" for an id.
  { path: 'advisors/new', screen: adminAdvisor, roles: ['PARTNER'], section: 'advisors' },
  { path: 'advisors/:id/edit', screen: adminAdvisor, roles: ['PARTNER'], section: 'advisors' },
  { path: 'advisors/:id', screen: advisorAvailability, roles: MANAGE_ADVISORS, section: 'advisors' },
  // ?advisor=ID for an advisor's leave, ?agency=ID for a closure; the advisors screen links here.
  { path: 'agency/leave', screen: leave, roles: KEEP_LEAVE, nav: 'Leave and closures', navRoles: ['PARTNER'], section: 'leave' },
  { path: 'calendar-feeds', screen: calendarFeeds, roles: PARTNER, nav: 'Calendar feeds', navRoles: ['PARTNER'], section: 'calendar-feeds' },
  { path: 'api-tokens', screen: apiTokens, roles: PARTNER, nav: 'API tokens', navRoles: ['PARTNER'], section: 'api-tokens' },
  { path: 'home', screen: home, roles: EVERY_ROLE },
  // The catalogue: one navigation entry; the screens' own navigation leads from offices to the rest.
  { path: 'admin/offices', screen: adminOffices.list, roles: KEEP_CATALOGUE, nav: 'Catalogue', section: 'catalogue' },
  { path: 'admin/offices/new', screen: adminOffices.form, roles: KEEP_CATALOGUE, section: 'catalogue' },
  { path: 'admin/offices/:id', screen: adminOffices.form, roles: KEEP_CATALOGUE, section: 'catalogue' },
  { path: 'admin/rooms', screen: adminRooms.list, roles: KEEP_CATALOGUE, section: 'catalogue' },
  { path: 'admin/rooms/new', screen: adminRooms.form, roles: KEEP_CATALOGUE, section: 'catalogue' },
  { path: 'admin/rooms/:id', screen: adminRooms.form, roles: KEEP_CATALOGUE, section: 'catalogue' },
  { path: 'admin/agencies', screen: adminAgencies.list, roles: KEEP_CATALOGUE, section: 'catalogue' },
  { path: 'admin/agencies/new', screen: adminAgencies.form, roles: KEEP_CATALOGUE, section: 'catalogue' },
  { path: 'admin/agencies/:id', screen: adminAgencies.form, roles: KEEP_CATALOGUE, section: 'catalogue' },
  { path: 'admin/services', screen: adminServices.list, roles: KEEP_CATALOGUE, section: 'catalogue' },
  { path: 'admin/services/new', screen: adminServices.form, roles: KEEP_CATALOGUE, section: 'catalogue' },
  { path: 'admin/services/:id', screen: adminServices.form, roles: KEEP_CATALOGUE, section: 'catalogue' },
  { path: 'admin/advisors', screen: adminAdvisors, roles: KEEP_CATALOGUE, section: 'catalogue' },
  { path: 'admin/advisors/new', screen: adminAdvisor, roles: KEEP_CATALOGUE, section: 'catalogue' },
  { path: 'admin/advisors/:id', screen: adminAdvisor, roles: KEEP_CATALOGUE, section: 'catalogue' },
  // Last in the table: every role that has it lands on its own first screen, with Reports at the end of the header.
  { path: 'reports', screen: reports, roles: READ_REPORTS, nav: 'Reports', section: 'reports' },
];

export function mayOpen(route, role) {
  return route.public || (route.roles || []).includes(role);
}

/** The navigation links of a role, in table order. */
export function navigationFor(role) {
  // navRoles narrows who sees an entry in the navigation; the screen still opens for every role in roles.
  return ROUTES.filter(route => route.nav && mayOpen(route, role) && (!route.navRoles || route.navRoles.includes(role)));
}

/** Where a role lands after signing in: its first navigation link, or a home page while its screens are to come. */
export function homeOf(role) {
  return navigationFor(role)[0]?.path ?? 'home';
}
