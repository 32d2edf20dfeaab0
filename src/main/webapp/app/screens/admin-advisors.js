// Advisors (administrator): every agency's advisors, the languages they speak and the services they offer.
// The form is its own module (admin-advisor.js): partners use it for their own agency's advisors too.

import { listOf } from '../catalogue.js';
import { LANGUAGES } from './clients.js';

export const { render } = listOf('advisors', {
  lede: 'Partner agencies\u2019 advisors. An inactive advisor is offered for no new sessions; their bookings stay.',
  search: ['Name or email', 'For example Tan'],
  filters: [
    { name: 'agency', label: 'Agency', any: 'Every agency', from: 'api/agencies' },
    { name: 'service', label: 'Offers the service', any: 'Any service', from: 'api/services', nameOf: service => service.name.en },
  ],
  nameOf: advisor => advisor.displayName,
  searched: advisor => [advisor.displayName, advisor.email],
  columns: [
    { head: 'Name', cell: advisor => advisor.displayName },
    { head: 'Agency', cell: (advisor, names) => names.agency.get(String(advisor.agencyId)) ?? '' },
    { head: 'Languages', cell: advisor => Object.entries(LANGUAGES).filter(([code]) => advisor.languages.includes(code))
      .map(([, language]) => language).join(', ') },
    { head: 'Services', cell: (advisor, names) => advisor.serviceIds.map(id => names.service.get(String(id))).join(', ')
      || 'None yet' },
    { head: 'Email', cell: advisor => advisor.email },
  ],
});
