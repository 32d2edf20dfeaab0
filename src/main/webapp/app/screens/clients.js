// Find a client (GET /api/clients): one box that takes a mobile number in any common form, the last four
// characters of the NRIC, or part of the name — the officer types what the client hands over. The search lives in
// the address (#/clients?find=…), so Back from a client returns to the same results.

import { get } from '../api.js';
import { go, link } from '../router.js';
import { WRITE_CLIENTS } from '../routes.js';
import { alert, errorSummary, h, markField, maskMobile, page, submitOnEnter, tableScroll, valueOf } from '../ui.js';

export const LANGUAGES = { EN: 'English', ZH: 'Chinese', MS: 'Malay', TA: 'Tamil' };

/** Short enough for SGDS's badge (it cuts longer words off at 192 px); the column header says "Texts". */
export const SMS_PROBLEMS = {
  INVALID_NUMBER: 'Number not valid',
  UNSUBSCRIBED: 'Number blocks texts',
  OPTED_OUT: 'Replied STOP',
};

/** What the officer typed, as the API's parameter: mobile, nric (partial; a full one is refused there) or q. */
export function searchFor(text) {
  const compact = text.replace(/[\s()-]/g, '');
  if (/^[STFGM]?\d{3}(\d{4})?[A-Z]$/i.test(compact)) {
    return { nric: compact.toUpperCase(), what: 'partial NRIC' };
  }
  if (/^\+?\d{8,15}$/.test(compact)) {
    return { mobile: text, what: 'mobile number' };
  }
  return { q: text, what: 'name' };
}

export async function render(main, { query, session }) {
  page(main, 'Find a client');
  const mayWrite = WRITE_CLIENTS.includes(session.role);
  const find = h('sgds-input', {
    label: 'Mobile number, partial NRIC or name', id: 'find', name: 'find', placeholder: '', type: 'search',
    hintText: 'For example 9123 4567, 567D or Tan',
  });
  const form = h('form', { class: 'search-row', role: 'search' },
    find, h('sgds-button', { type: 'submit', variant: 'primary', id: 'search' }, 'Search'));
  const problems = h('div');
  const results = h('div', { id: 'results' });
  main.append(
    h('p', { class: 'lede' }, 'Search before registering, so that a client is not registered twice.'),
    problems, form,
    h('div', { class: 'actions' },
      mayWrite ? h('sgds-button', { variant: 'outline', href: link('clients/new'), id: 'register' },
        'Register a new client') : null,
      h('a', { href: link('clients', { smsProblem: 'true' }), id: 'sms-problems' }, 'Clients whose texts are failing')),
    results);
  // Only once it is in the page: an SGDS field given a value before it is connected throws (no form internals yet).
  find.value = query.find ?? '';
  submitOnEnter(form);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const text = valueOf(find);
    if (!text) {
      markField(find, 'Enter a mobile number, partial NRIC or name');
      problems.replaceChildren(errorSummary([{ message: 'Enter a mobile number, partial NRIC or name', target: find }]));
      problems.firstChild.focus();
      return;
    }
    go('clients', { find: text });
  });

  if (query.find) {
    const { what, ...params } = searchFor(query.find);
    await show(results, params, `for ${what} \u201c${query.find}\u201d`, {
      mayWrite, onFieldError: message => {
        markField(find, message);
        problems.replaceChildren(errorSummary([{ message, target: find }]));
        problems.firstChild.focus();
      }, register: params.mobile ? { mobile: query.find } : params.q ? { name: query.find } : {},
    });
  } else if (query.smsProblem === 'true') {
    await show(results, { smsProblem: true }, 'whose texts are failing', { mayWrite, register: null });
  }
}

async function show(area, params, description, { mayWrite, onFieldError, register }) {
  let answer;
  try {
    answer = (await get('api/clients', { query: { ...params, size: 50 } })).body;
  } catch (error) {
    const message = error.violations[0]?.message;
    if (error.status === 400 && message && onFieldError) {
      onFieldError(friendly(error.violations[0].field, message));
      return;
    }
    throw error;
  }
  const count = answer.total;
  const caption = h('p', { class: 'results-caption', id: 'results-caption', role: 'status' },
    count === 0 ? `No client found ${description}.`
      : `${count} ${count === 1 ? 'client' : 'clients'} found ${description}${count > answer.items.length
        ? ` (showing the first ${answer.items.length}; add more of the name to narrow it down)` : ''}.`);
  const parts = [h('h2', {}, 'Results'), caption];
  if (count > 0) {
    parts.push(table(answer.items));
  }
  if (count === 0 && mayWrite && register) {
    parts.push(h('p', {}, h('a', { href: link('clients/new', register), id: 'register-found-nothing' },
      'Register this client')));
  }
  area.replaceChildren(...parts);
}

function table(clients) {
  const head = ['Name', 'Mobile', 'NRIC (last 4)', 'Language', 'Texts'];
  const table = h('sgds-table', { role: 'table', 'aria-labelledby': 'results-caption', id: 'results-table' },
    h('sgds-table-row', {}, head.map(text => h('sgds-table-head', {}, text))),
    clients.map(client => h('sgds-table-row', {},
      h('sgds-table-cell', {}, h('a', { href: link(`clients/${client.id}`) }, client.name),
        client.active ? null : ' (inactive)'),
      h('sgds-table-cell', {}, maskMobile(client.mobile)),
      h('sgds-table-cell', {}, client.partialNric ?? '—'),
      h('sgds-table-cell', {}, LANGUAGES[client.preferredLanguage] ?? client.preferredLanguage),
      h('sgds-table-cell', {}, smsStatus(client)))));
  // SGDS 3.8.0 wraps the rows in a focusable div (for scrolling), which breaks the table's row ownership for
  // assistive technology (axe: aria-required-children). This table never scrolls sideways; the div need not focus.
  table.updateComplete.then(() => table.shadowRoot?.querySelector('div[tabindex]')?.removeAttribute('tabindex'));
  return tableScroll(table, 'results-caption');
}

/** Status as words and colour: a badge whose text says the problem. */
export function smsStatus(client) {
  if (client.smsProblem) {
    return h('sgds-badge', { variant: 'danger' }, SMS_PROBLEMS[client.smsProblem] ?? client.smsProblem);
  }
  return client.smsConsent ? h('sgds-badge', { variant: 'success' }, 'Texts OK')
    : h('sgds-badge', { variant: 'neutral' }, 'No consent');
}

/** The API's words for a field, said for a counter officer. */
export function friendly(field, message) {
  if (field === 'mobile') {
    return message.includes('mobile number that can receive SMS')
      ? 'Enter a mobile number (a landline cannot receive texts)'
      : 'Enter a mobile number in a form like 9123 4567 or +65 9123 4567';
  }
  if (field === 'partialNric') {
    return message.includes('full NRIC')
      ? 'Enter only the last three digits and letter of the NRIC, like 567D \u2014 never the full NRIC'
      : 'Enter the last three digits and letter of the NRIC, like 567D';
  }
  return message;
}
