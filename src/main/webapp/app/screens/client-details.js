// One client (GET /api/clients/{id}): the contact details, and — first, because it stops reminders — why texts are
// not reaching them and what fixes it. Opening this page is audited as a read of contact details.

import { get } from '../api.js';
import { link } from '../router.js';
import { WRITE_CLIENTS } from '../routes.js';
import { alert, formatMobile, h, page, singaporeTime } from '../ui.js';
import { LANGUAGES, smsStatus } from './clients.js';

/** What went wrong and what the officer can do about it, per Client.SmsProblem. */
const SMS_FIXES = {
  INVALID_NUMBER: ['Texts are not reaching this client: the number was refused as not valid.',
    'Check the mobile number with the client and correct it; texts start again with the corrected number.'],
  UNSUBSCRIBED: ['Texts are not reaching this client: their number blocks texts from Linkup.',
    'Ask the client to reply START to one of our texts, or record a different mobile number.'],
  OPTED_OUT: ['The client replied STOP, so they get no texts.',
    'If they want texts again, they reply START; give them their booking details on paper meanwhile.'],
};

export async function render(main, { params, query, session }) {
  const { body: client } = await get(`api/clients/${encodeURIComponent(params.id)}`);
  if (client.anonymisedAt) {
    anonymised(main, client);
    return;
  }
  page(main, client.name);
  const mayWrite = WRITE_CLIENTS.includes(session.role);
  if (query.saved) {
    main.append(alert('success', query.saved === 'new' ? 'Client registered.' : 'Details saved.'));
  }
  if (client.smsProblem) {
    const [what, fix] = SMS_FIXES[client.smsProblem] ?? ['Texts are not reaching this client.', ''];
    main.append(h('sgds-alert', { variant: 'warning', show: true, class: 'message', id: 'sms-problem',
      'prop:title': what },
    h('span', {}, fix, ' ', client.smsProblemAt ? `(since ${singaporeTime(client.smsProblemAt)})` : ''),
    mayWrite && client.smsProblem !== 'OPTED_OUT'
      ? h('span', {}, ' ', h('a', { href: link(`clients/${client.id}/edit`, { fix: 'mobile' }) }, 'Correct the mobile number'))
      : null));
  }
  main.append(h('dl', { class: 'details' },
    row('Mobile', formatMobile(client.mobile)),
    row('Texts', smsStatus(client)),
    row('Language for texts', LANGUAGES[client.preferredLanguage] ?? client.preferredLanguage),
    row('Email', client.email || 'None given'),
    row('NRIC (last 4)', client.partialNric || 'None given'),
    row('Registered', singaporeTime(client.registeredAt)),
    row('Status', client.active ? 'Active' : 'Inactive')));
  main.append(h('div', { class: 'actions' },
    mayWrite && client.active ? h('sgds-button', { variant: 'primary', href: link('book', { client: client.id }), id: 'book' },
      'Book a session') : null,
    mayWrite ? h('sgds-button', { variant: mayWrite && client.active ? 'outline' : 'primary',
      href: link(`clients/${client.id}/edit`), id: 'edit' }, 'Change details') : null,
    h('a', { href: link('clients') }, 'Find another client')));
}

/** Nothing left to show or change: the retention sweep removed who the client was (README, Retention). */
function anonymised(main, client) {
  page(main, 'Anonymised client');
  main.append(h('p', {}, `This client\u2019s name, mobile number, email and NRIC were removed on `
    + `${singaporeTime(client.anonymisedAt)}, after a long time without a session. Their past sessions still count `
    + 'in the reports. If the person comes back, register them again.'));
  main.append(h('dl', { class: 'details' },
    row('Registered', singaporeTime(client.registeredAt)),
    row('Status', 'Anonymised')));
  main.append(h('div', { class: 'actions' }, h('a', { href: link('clients') }, 'Find another client')));
}

function row(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}
