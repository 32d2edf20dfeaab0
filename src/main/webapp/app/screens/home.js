// Home for roles whose screens are still to come, and the two pages every app needs: not found, not allowed.

import { homeOf } from '../routes.js';
import { h, page } from '../ui.js';

const COMING = {
  PARTNER: 'Your agency\u2019s advisors, their availability and your bookings will be managed here.',
  ADMIN: 'Staff accounts, the catalogue and the audit trail will be managed here.',
  SUPERVISOR: 'Today\u2019s board will be shown here.',
  COUNTER_STAFF: 'Booking, today\u2019s board and the waitlist will be here.',
};

export function render(main, { session }) {
  page(main, `Signed in as ${session.username}`);
  main.append(h('p', { class: 'lede' }, COMING[session.role] ?? ''),
    h('p', {}, 'Until then, use the API described at ', h('a', { href: '/openapi' }, '/openapi'), '.'));
}

export const notFound = {
  render(main, { session }) {
    page(main, 'Page not found');
    main.append(h('p', {}, 'If you typed the address, check it is correct.'),
      h('p', {}, h('a', { href: `#/${session ? homeOf(session.role) : 'signin'}` }, 'Go to the start page')));
  },
};

export const notAllowed = {
  render(main, { session }) {
    page(main, 'You cannot use this page');
    main.append(h('p', {}, 'Your role does not include this page. Ask your supervisor if you need it.'),
      h('p', {}, h('a', { href: `#/${homeOf(session.role)}` }, 'Go to the start page')));
  },
};
