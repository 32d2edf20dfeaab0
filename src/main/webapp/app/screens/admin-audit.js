// The audit log (GET /api/audit, administrators only): who did what to which record, and when. Search by the
// username that acted, the kind of action, the record, and Singapore dates from–to (both days included); newest
// first, a page at a time. The search lives in the address, so a result can be bookmarked or sent to a colleague.

import { ApiError, get } from '../api.js';
import { ACTIONS as BOOKING_ACTIONS } from '../bookings.js';
import { go, link } from '../router.js';
import { errorSummary, h, markField, page, singaporeTime, submitOnEnter, valueOf } from '../ui.js';

const PAGE_SIZE = 25;

/** Every action the API records, in words an administrator reads at a glance. */
export const ACTION_WORDS = {
  SIGN_IN: 'Signed in',
  SIGN_IN_FAILED: 'Sign-in refused',
  ACCOUNT_CREATED: 'Staff account created',
  ACCOUNT_CHANGED: 'Staff account changed',
  ACCOUNT_PASSWORD_SET: 'Password set by an administrator',
  ACCOUNT_UNLOCKED: 'Staff account unlocked',
  ACCOUNT_DISABLED: 'Staff account disabled',
  ACCOUNT_ENABLED: 'Staff account enabled',
  TOKEN_ISSUED: 'API token issued',
  TOKEN_REVOKED: 'API token revoked',
  CLIENT_REGISTERED: 'Client registered',
  CLIENT_UPDATED: 'Client details changed',
  CLIENT_DEACTIVATED: 'Client made inactive',
  CLIENT_ACTIVATED: 'Client made active',
  CLIENT_CONTACT_READ: 'Client\u2019s contact details read',
  CLIENT_NAME_READ: 'Client\u2019s name read (waitlist)',
  CLIENT_SMS_OPTED_OUT: 'Client stopped texts',
  CLIENT_SMS_OPTED_IN: 'Client allowed texts again',
  CLIENT_ANONYMISED: 'Client anonymised (retention)',
  ...Object.fromEntries(Object.entries(BOOKING_ACTIONS).map(([code, words]) => [code, `Booking: ${words.toLowerCase()}`])),
  WAITLIST_JOINED: 'Waitlist: joined',
  WAITLIST_OFFERED: 'Waitlist: slot offered',
  WAITLIST_ACCEPTED: 'Waitlist: offer taken',
  WAITLIST_DECLINED: 'Waitlist: offer declined',
  WAITLIST_WITHDRAWN: 'Waitlist: taken off',
  CALENDAR_FEED_ISSUED: 'Calendar feed link issued',
  CALENDAR_FEED_REVOKED: 'Calendar feed link revoked',
  AUDIT_EXPIRED: 'Old audit entries deleted (retention)',
};

const SUBJECTS = {
  StaffAccount: 'Staff account',
  Client: 'Client',
  Booking: 'Booking',
  WaitlistEntry: 'Waitlist entry',
  Waitlist: 'Waitlist',
  Advisor: 'Advisor',
  ApiToken: 'API token',
};

const ROLE_WORDS = { ADMIN: 'administrator', COUNTER_STAFF: 'counter staff', SUPERVISOR: 'supervisor', PARTNER: 'partner' };

function subjectWords(event) {
  const kind = SUBJECTS[event.subjectType] ?? event.subjectType ?? '';
  if (event.subjectId === null || event.subjectId === undefined) {
    return kind || '—';
  }
  if (event.subjectType === 'Booking') {
    return h('a', { href: link(`bookings/${event.subjectId}`) }, `${kind} ${event.subjectId}`);
  }
  if (event.subjectType === 'StaffAccount') {
    return h('a', { href: link(`admin/staff/${event.subjectId}`) }, `${kind} ${event.subjectId}`);
  }
  return `${kind} ${event.subjectId}`;
}

function select(id, label, options, value) {
  const control = h('select', { id, name: id, class: 'native-select' },
    Object.entries(options).map(([key, words]) => h('option', { value: key, selected: key === value }, words)));
  return { control, element: h('div', { class: 'audit-field' }, h('label', { for: id, class: 'field-label' }, label), control) };
}

function dateField(id, label, value) {
  const control = h('input', { type: 'date', id, name: id, class: 'native-date', value: value || null,
    'aria-describedby': `${id}-error` });
  return {
    control,
    element: h('div', { class: 'audit-field' }, h('label', { for: id, class: 'field-label' }, label),
      h('p', { class: 'field-error', id: `${id}-error`, hidden: true }), control),
  };
}

export async function render(main, { query }) {
  page(main, 'Audit log');
  const actor = h('sgds-input', { label: 'Who (username)', id: 'audit-actor', name: 'actor', placeholder: '',
    hintText: 'The whole username, for example tan.mei.ling' });
  const action = select('audit-action', 'What', { '': 'Any action', ...ACTION_WORDS }, query.action ?? '');
  const subjectType = select('audit-subject-type', 'Record', { '': 'Any record', ...SUBJECTS }, query.subjectType ?? '');
  const subjectId = h('sgds-input', { label: 'Record number', id: 'audit-subject-id', name: 'subjectId', placeholder: '',
    hintText: 'Optional, with a record' });
  const from = dateField('audit-from', 'From (Singapore date)', query.from);
  const to = dateField('audit-to', 'To (included)', query.to);
  const problems = h('div', { id: 'audit-problems' });
  const form = h('form', { class: 'audit-search', role: 'search', 'aria-label': 'Search the audit log' },
    actor, action.element, subjectType.element, subjectId, from.element, to.element,
    h('div', { class: 'actions' }, h('sgds-button', { type: 'submit', variant: 'primary', id: 'audit-search' }, 'Search'),
      h('a', { href: link('admin/audit'), id: 'audit-clear' }, 'Clear the search')));
  const results = h('div', { id: 'audit-results' });
  main.append(h('p', { class: 'lede' }, 'Every change and every read of a client\u2019s details, newest first. '
    + 'Times are Singapore time.'), problems, form, results);
  actor.value = query.actor ?? '';
  subjectId.value = query.subjectId ?? '';
  submitOnEnter(form);
  form.addEventListener('submit', event => {
    event.preventDefault();
    go('admin/audit', {
      actor: valueOf(actor), action: action.control.value, subjectType: subjectType.control.value,
      subjectId: valueOf(subjectId), from: from.control.value, to: to.control.value,
    });
  });

  const pageNumber = Math.max(0, Number.parseInt(query.page ?? '0', 10) || 0);
  let answer;
  try {
    if (query.subjectId && !/^\d+$/.test(query.subjectId)) {
      throw new ApiError(400, { violations: [{ field: 'subjectId', message: 'digits only' }] });
    }
    answer = (await get('api/audit', { query: {
      actor: query.actor, action: query.action, subjectType: query.subjectType, subjectId: query.subjectId,
      from: query.from, to: query.to, page: pageNumber, size: PAGE_SIZE,
    } })).body;
  } catch (error) {
    if (error.status !== 400) {
      throw error;
    }
    const controls = { from: from.control, to: to.control, subjectId };
    const listed = error.violations.map(({ field, message }) => {
      const words = field === 'subjectId' ? 'Enter the record number as digits, or leave it empty'
        : field === 'to' && /on or after/.test(message) ? 'The \u201cto\u201d date must be on or after the \u201cfrom\u201d date'
          : field === 'from' || field === 'to' ? `Enter the \u201c${field}\u201d date as a date, such as 2026-12-01`
            : `${field}: ${message}`;
      markField(controls[field], words);
      return { message: words, target: controls[field] ?? null };
    });
    const summary = errorSummary(listed.length ? listed : [{ message: error.message }]);
    problems.replaceChildren(summary);
    summary.focus();
    return;
  }

  const first = answer.page * answer.size + 1;
  const last = answer.page * answer.size + answer.items.length;
  const caption = h('p', { class: 'results-caption', id: 'audit-caption', role: 'status' },
    answer.total === 0 ? 'Nothing recorded matches this search.'
      : `${answer.total} ${answer.total === 1 ? 'entry' : 'entries'}, newest first${answer.total > answer.items.length
        ? `: ${first} to ${last} shown` : ''}.`);
  const parts = [h('h2', {}, 'Entries'), caption];
  if (answer.items.length) {
    const table = h('sgds-table', { role: 'table', 'aria-labelledby': 'audit-caption', id: 'audit-table' },
      h('sgds-table-row', {}, ['When', 'Who', 'What', 'Record', 'Details'].map(text => h('sgds-table-head', {}, text))),
      answer.items.map(event => h('sgds-table-row', { id: `audit-${event.id}` },
        h('sgds-table-cell', {}, singaporeTime(event.occurredAt)),
        h('sgds-table-cell', {}, event.actor, event.role ? ` (${ROLE_WORDS[event.role] ?? event.role})` : ''),
        h('sgds-table-cell', {}, ACTION_WORDS[event.action] ?? event.action),
        h('sgds-table-cell', {}, subjectWords(event)),
        h('sgds-table-cell', {}, event.detail ?? ''))));
    table.updateComplete.then(() => table.shadowRoot?.querySelector('div[tabindex]')?.removeAttribute('tabindex'));
    parts.push(table);
  }
  const pages = Math.ceil(answer.total / answer.size);
  if (pages > 1) {
    const at = { ...query };
    parts.push(h('nav', { class: 'actions', 'aria-label': 'Pages of entries' },
      answer.page > 0 ? h('a', { href: link('admin/audit', { ...at, page: answer.page - 1 }), id: 'audit-newer' }, 'Newer entries') : null,
      h('span', {}, `Page ${answer.page + 1} of ${pages}`),
      answer.page + 1 < pages ? h('a', { href: link('admin/audit', { ...at, page: answer.page + 1 }), id: 'audit-older' }, 'Older entries') : null));
  }
  results.replaceChildren(...parts);
}
