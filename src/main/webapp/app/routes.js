// Every screen, who may open it, and whether it is in the main navigation. The navigation is built from this table,
// so a role sees only what it may use. Later screens (booking, today's board, booking detail, waitlist, the
// partner and admin screens) are one row and one module each.

import * as board from './screens/board.js';
import * as bookingDetail from './screens/booking-detail.js';
import * as book from './screens/book.js';
import * as clientDetails from './screens/client-details.js';
import * as clientForm from './screens/client-form.js';
import * as clients from './screens/clients.js';
import * as home from './screens/home.js';
import * as leave from './screens/leave.js';
import * as signin from './screens/signin.js';
import * as waitlist from './screens/waitlist.js';

const EVERY_ROLE = ['ADMIN', 'COUNTER_STAFF', 'SUPERVISOR', 'PARTNER'];
/** Who may read clients' contact details (ClientsResource); supervisors only read. */
const READ_CLIENTS = ['COUNTER_STAFF', 'SUPERVISOR', 'ADMIN'];
/** Who may register and change clients. */
export const WRITE_CLIENTS = ['COUNTER_STAFF', 'ADMIN'];
/** Who may read bookings and the waitlist of their offices; supervisors only read (BookingsResource). */
const READ_BOOKINGS = ['COUNTER_STAFF', 'SUPERVISOR', 'ADMIN'];
/** Who keeps advisors' leave and agency closures (AdvisorBlackoutsResource, AgencyClosuresResource). */
const KEEP_LEAVE = ['PARTNER', 'ADMIN'];

export const ROUTES = [
  { path: 'signin', screen: signin, public: true },
  { path: 'clients', screen: clients, roles: READ_CLIENTS, nav: 'Clients', section: 'clients' },
  { path: 'clients/new', screen: clientForm, roles: WRITE_CLIENTS, section: 'clients' },
  { path: 'clients/:id', screen: clientDetails, roles: READ_CLIENTS, section: 'clients' },
  { path: 'clients/:id/edit', screen: clientForm, roles: WRITE_CLIENTS, section: 'clients' },
  { path: 'board', screen: board, roles: READ_CLIENTS, nav: "Today's board", section: 'board' },
  { path: 'bookings/:id', screen: bookingDetail, roles: READ_BOOKINGS, section: 'bookings' },
  { path: 'waitlist', screen: waitlist, roles: READ_BOOKINGS, nav: 'Waitlist', section: 'waitlist' },
  // No navigation entry: a session is booked for a client, so it starts from the client's page.
  { path: 'book', screen: book, roles: WRITE_CLIENTS, section: 'clients' },
  // ?advisor=ID for an advisor's leave, ?agency=ID for a closure; the advisors screen links here.
  { path: 'agency/leave', screen: leave, roles: KEEP_LEAVE, nav: 'Leave and closures', section: 'leave' },
  { path: 'home', screen: home, roles: EVERY_ROLE },
];

export function mayOpen(route, role) {
  return route.public || (route.roles || []).includes(role);
}

/** The navigation links of a role, in table order. */
export function navigationFor(role) {
  return ROUTES.filter(route => route.nav && mayOpen(route, role));
}

/** Where a role lands after signing in: its first navigation link, or a home page while its screens are to come. */
export function homeOf(role) {
  return navigationFor(role)[0]?.path ?? 'home';
}
