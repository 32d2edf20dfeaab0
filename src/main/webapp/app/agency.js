// Which agency the partner screens (sessions, calendar feeds, API tokens) are about: a partner's own, from the
// session; an administrator, who belongs to no agency, chooses one (kept in the address as ?agency=, so links and Back
// keep it).

import { get } from './api.js';
import { go, link } from './router.js';
import { h } from './ui.js';

const AGENCY_SCREENS = [['sessions', 'Sessions'], ['advisors', 'Advisors'], ['agency/leave', 'Leave and closures'],
  ['calendar-feeds', 'Calendar feeds'], ['api-tokens', 'API tokens']];

/** Appends the administrator's agency choice to `main`; answers the agency id, or null while none is chosen. */
export async function agencyFor(main, { session, query, path }) {
  if (session.role !== 'ADMIN') {
    return session.agencyId;
  }
  const agencies = (await get('api/agencies', { query: { active: true, size: 200 } })).body.items;
  const chosen = agencies.find(a => String(a.id) === query.agency);
  const select = h('select', { id: 'agency', class: 'native-select', 'on:change': event =>
    go(path, { ...query, agency: event.target.value }) },
  h('option', { value: '' }, 'Choose an agency'),
  agencies.map(a => h('option', { value: a.id, selected: a === chosen ? true : undefined }, a.name)));
  main.append(h('div', { class: 'form agency-choice' },
    h('label', { for: 'agency', class: 'field-label' }, 'Partner agency'), select));
  if (!chosen) {
    main.append(h('p', { id: 'choose-agency' }, 'Choose the agency whose screens you want to see.'));
    return null;
  }
  // The partner screens are one entry in an administrator's navigation (twelve entries did not fit the header):
  // from any of them, the others for the same agency.
  main.append(h('nav', { class: 'agency-screens', 'aria-label': 'This agency\u2019s screens' },
    h('ul', {}, AGENCY_SCREENS.map(([to, words]) => h('li', {},
      h('a', { href: link(to, { agency: chosen.id }), 'aria-current': to === path ? 'page' : undefined }, words))))));
  return chosen.id;
}
