// Advisors (GET /api/advisors): a partner sees their own agency's advisors, an administrator every agency's, with a
// filter by agency. Each row says the languages the advisor speaks and the services they offer, and opens the
// advisor's availability.

import { get } from '../api.js';
import { go, link } from '../router.js';
import { h, page } from '../ui.js';
import { table } from './booking-detail.js';
import { LANGUAGES } from './clients.js';

export async function render(main, { query, session }) {
  const admin = session.role === 'ADMIN';
  page(main, 'Advisors');
  main.append(h('p', { class: 'lede' }, admin
    ? 'Every partner agency\u2019s advisors. Open one to see and change when they are available.'
    : 'Your agency\u2019s advisors. Open one to set when they are available, in person at an SSO or by video.'));

  const agencies = admin ? await allAgencies() : [];
  const agencyNames = new Map(agencies.map(agency => [agency.id, agency.name]));
  if (admin) {
    const select = h('select', { id: 'agency-filter', class: 'native-select' },
      h('option', { value: '' }, 'All agencies'),
      agencies.map(agency => h('option', { value: agency.id, selected: String(agency.id) === query.agency }, agency.name)));
    select.addEventListener('change', () => go('advisors', { agency: select.value }));
    main.append(h('div', { class: 'advisor-filter' },
      h('label', { for: 'agency-filter', class: 'field-label' }, 'Agency'), select));
  }

  const { body } = await get('api/advisors', { query: { agency: admin ? query.agency : undefined, size: 200 } });
  const advisors = body.items;
  main.append(h('h2', { id: 'advisors-title' }, !admin ? 'Your agency\u2019s advisors'
    : query.agency ? `Advisors of ${agencyNames.get(Number(query.agency)) ?? 'the agency'}` : 'All agencies'));
  if (!advisors.length) {
    main.append(h('p', { id: 'no-advisors' }, 'There are no advisors here yet.'));
    return;
  }
  const serviceNames = await servicesOf(advisors);
  const head = ['Name', 'Languages', 'Services', 'Status', ...(admin ? ['Agency'] : [])];
  main.append(table('advisors-table', 'advisors-title', head, advisors.map(advisor => [
    h('a', { href: link(`advisors/${advisor.id}`), id: `advisor-${advisor.id}` }, advisor.displayName),
    spoken(advisor.languages),
    advisor.serviceIds.length ? advisor.serviceIds.map(id => serviceNames.get(id) ?? `Service ${id}`).join(', ') : 'None yet',
    h('sgds-badge', { variant: advisor.active ? 'success' : 'neutral' }, advisor.active ? 'Active' : 'Inactive'),
    ...(admin ? [agencyNames.get(advisor.agencyId) ?? ''] : []),
  ])));
}

/** Every agency, page by page (a filter that missed one would hide its advisors). */
async function allAgencies() {
  const agencies = [];
  for (let page = 0; ; page++) {
    const { body } = await get('api/agencies', { query: { size: 200, page } });
    agencies.push(...body.items);
    if (!body.items.length || agencies.length >= body.total) {
      return agencies;
    }
  }
}

/** Service names in English, read once per agency the advisors belong to. */
async function servicesOf(advisors) {
  const names = new Map();
  const agencyIds = [...new Set(advisors.map(advisor => advisor.agencyId))];
  await Promise.all(agencyIds.map(async agency => {
    const { body } = await get('api/services', { query: { agency, size: 200 } });
    body.items.forEach(service => names.set(service.id, service.name?.en ?? service.code));
  }));
  return names;
}

/** "English, Malay": the languages in the order the app lists them everywhere, not as the set arrived. */
export function spoken(languages) {
  return Object.keys(LANGUAGES).filter(code => (languages ?? []).includes(code)).map(code => LANGUAGES[code]).join(', ');
}
