// The waitlist (GET/POST /api/waitlist): clients waiting for a session of a service at some SSOs between two days,
// urgent cases first. When a slot frees up the best entry gets an offer — a hold on the slot for a few minutes; a
// client at the counter takes it here (POST /api/waitlist/{id}/accept) and the hold becomes their booking.

import { get, post } from '../api.js';
import { link } from '../router.js';
import { alert, errorSummary, h, markField, maskMobile, page, submitOnEnter, valueOf } from '../ui.js';
import { sessionTime, table } from './booking-detail.js';

const WRITE_WAITLIST = ['COUNTER_STAFF', 'ADMIN'];

const ENTRY_STATUS = {
  WAITING: ['Waiting', 'primary'],
  OFFERED: ['Offer open', 'warning'],
  ACCEPTED: ['Booked', 'success'],
  DECLINED: ['Declined', 'neutral'],
  WITHDRAWN: ['Withdrawn', 'neutral'],
  EXPIRED: ['Ended', 'neutral'],
};

const ORDER = ['clientId', 'serviceId', 'officeIds', 'firstDay', 'lastDay'];

export async function render(main, { session }) {
  page(main, 'Waitlist');
  const mayWrite = WRITE_WAITLIST.includes(session.role);
  const [services, offices] = await Promise.all([
    get('api/services', { query: { active: true, size: 200 } }).then(r => r.body.items),
    get('api/offices', { query: { active: true, size: 200 } }).then(r => r.body.items),
  ]);
  const notice = h('div', { id: 'notice' });
  const list = h('section', { 'aria-labelledby': 'entries-title', id: 'entries' });
  main.append(h('p', { class: 'lede' }, 'When a slot frees up, the first urgent client who can take it gets an offer, '
    + 'then everyone else in the order they joined. An offer is held for a few minutes.'), notice, list);
  if (mayWrite) {
    main.append(addForm({ services, offices, session, onAdded: async entry => {
      await drawList();
      tell('success', 'Client put on the waitlist', `They are number ${entry.id} on the list; they get a text when a slot is offered.`);
    } }));
  }

  function tell(variant, title, ...body) {
    const message = alert(variant, title, ...body);
    message.id = 'outcome';
    message.setAttribute('tabindex', '-1');
    notice.replaceChildren(message);
    message.focus();
  }

  async function accept(entry, button) {
    button.loading = true;
    try {
      const { body: booking } = await post(`api/waitlist/${entry.id}/accept`);
      await drawList();
      tell('success', 'Booked', `${booking.client.firstName ?? 'The client'} has a session on `
        + `${sessionTime(booking.start, booking.end)}. `,
      h('a', { href: link(`bookings/${booking.id}`), id: 'accepted-booking' }, 'Open the booking'));
    } catch (error) {
      if (error.status === 401) {
        return;
      }
      await drawList();
      tell('warning', 'The offer could not be taken', error.status === 409
        ? 'The offer is no longer open: it ran out or the slot went to someone else. The client stays on the list.'
        : error.message);
    } finally {
      button.loading = false;
    }
  }

  async function drawList() {
    const { body } = await get('api/waitlist', { query: { size: 200 } });
    const open = body.items.filter(e => ['WAITING', 'OFFERED'].includes(e.status));
    const rows = await Promise.all(open.map(async entry => {
      const [client, service, offer] = await Promise.all([
        entry.clientName,  // named in the list itself: one audited read for the screen, not one per row
        Promise.resolve(services.find(s => s.id === entry.serviceId)?.name?.en ?? `#${entry.serviceId}`),
        entry.offerBookingId ? get(`api/bookings/${entry.offerBookingId}`).then(r => r.body).catch(() => null) : null,
      ]);
      const [text, variant] = ENTRY_STATUS[entry.status] ?? [entry.status, 'neutral'];
      const where = entry.officeIds.map(id => offices.find(o => o.id === id)?.name ?? `#${id}`).join(', ');
      const offerCell = entry.status === 'OFFERED' && offer ? h('div', { class: 'offer' },
        h('span', {}, `${sessionTime(offer.start, offer.end)}`),
        entry.offerExpiresAt ? h('span', { class: 'field-hint' }, ` (held until ${new Intl.DateTimeFormat('en-SG',
          { timeZone: 'Asia/Singapore', hour: 'numeric', minute: '2-digit' }).format(new Date(entry.offerExpiresAt))})`) : null,
        mayWrite ? h('div', {}, h('sgds-button', { variant: 'primary', size: 'sm', id: `accept-${entry.id}`,
          'on:click': event => accept(entry, event.currentTarget) }, 'Accept at the counter')) : null)
        : '\u2014';
      return [client, service, where, `${entry.firstDay} to ${entry.lastDay}`, entry.urgent ? 'Urgent' : 'No',
        h('sgds-badge', { variant }, text), offerCell];
    }));
    const heading = h('h2', { id: 'entries-title' }, 'Waiting now');
    list.replaceChildren(heading, rows.length
      ? table('waitlist-table', 'entries-title', ['Client', 'Service', 'SSOs', 'Days', 'Urgent', 'Status', 'Offer'], rows)
      : h('p', {}, 'Nobody is waiting.'));
  }

  await drawList();
}

/** Put a client on the waitlist: find the client, the service, urgent or not, the SSOs, the first and last day. */
function addForm({ services, offices, session, onAdded }) {
  const problems = h('div');
  const find = h('sgds-input', { label: 'Find the client', id: 'wl-find', name: 'find', placeholder: '', type: 'search',
    hintText: 'Name, mobile number or last 4 of the NRIC' });
  const findButton = h('sgds-button', { type: 'button', variant: 'outline', id: 'wl-search' }, 'Search');
  const found = h('fieldset', { class: 'choice-group', id: 'clientId', 'aria-describedby': 'clientId-error' },
    h('legend', { class: 'field-label' }, 'Client'),
    h('p', { class: 'field-error', id: 'clientId-error', hidden: true }),
    h('p', { class: 'field-hint' }, 'Search first, then choose the client.'));
  const service = h('select', { id: 'serviceId', name: 'serviceId', class: 'native-select', 'aria-describedby': 'serviceId-error' },
    h('option', { value: '' }, 'Choose a service'),
    services.map(s => h('option', { value: s.id }, s.name?.en ?? s.code)));
  const urgent = h('div', { class: 'choice' }, h('input', { type: 'checkbox', id: 'urgent', name: 'urgent' }),
    h('label', { for: 'urgent' }, 'Urgent: offer this client a freed slot before others'));
  const mine = new Set(session.officeIds ?? []);
  const officeBoxes = h('fieldset', { class: 'choice-group', id: 'officeIds', 'aria-describedby': 'officeIds-error' },
    h('legend', { class: 'field-label' }, 'SSOs the client can go to'),
    h('p', { class: 'field-hint' }, 'Any SSO: nearer their home, or sooner.'),
    h('p', { class: 'field-error', id: 'officeIds-error', hidden: true }),
    offices.map(o => h('div', { class: 'choice' },
      h('input', { type: 'checkbox', id: `office-${o.id}`, name: 'officeIds', value: o.id, checked: mine.has(o.id) || undefined }),
      h('label', { for: `office-${o.id}` }, o.name))));
  const today = new Date();
  const firstDay = h('sgds-input', { label: 'First day', id: 'firstDay', name: 'firstDay', placeholder: '',
    hintText: 'Year-month-day, for example 2026-12-15' });
  const lastDay = h('sgds-input', { label: 'Last day', id: 'lastDay', name: 'lastDay', placeholder: '',
    hintText: 'Year-month-day; the client waits until then' });
  const submit = h('sgds-button', { type: 'submit', variant: 'primary', id: 'wl-add' }, 'Put on the waitlist');
  const form = h('form', { class: 'form', 'aria-labelledby': 'add-title' },
    h('h2', { id: 'add-title' }, 'Put a client on the waitlist'), problems,
    h('div', { class: 'search-row' }, find, findButton), found,
    h('div', {}, h('label', { for: 'serviceId', class: 'field-label' }, 'Service'),
      h('p', { class: 'field-error', id: 'serviceId-error', hidden: true }), service),
    urgent, officeBoxes, firstDay, lastDay, h('div', { class: 'actions' }, submit));
  const fields = { clientId: found, serviceId: service, officeIds: officeBoxes, firstDay, lastDay };

  queueMicrotask(() => {  // values once in the page: an SGDS field given a value before it is connected throws
    firstDay.value = singaporeDay(today, 0);
    lastDay.value = singaporeDay(today, 28);
  });

  async function search() {
    const text = valueOf(find);
    if (!text) {
      return;
    }
    const compact = text.replace(/[\s()-]/g, '');
    const query = /^[STFGM]?\d{3}(\d{4})?[A-Z]$/i.test(compact) ? { nric: compact.toUpperCase() }
      : /^\+?\d{8,15}$/.test(compact) ? { mobile: text } : { q: text };
    let clients = [];
    try {
      clients = (await get('api/clients', { query: { ...query, size: 10, active: true } })).body.items;
    } catch (error) {
      if (error.status === 401) {
        return;
      }
    }
    found.querySelectorAll('.choice, .results-caption').forEach(e => e.remove());
    found.append(h('p', { class: 'results-caption', role: 'status' },
      clients.length ? `${clients.length} found; choose one.` : `No client found for \u201c${text}\u201d.`),
    ...clients.map(c => h('div', { class: 'choice' },
      h('input', { type: 'radio', name: 'clientId', id: `client-${c.id}`, value: c.id, checked: clients.length === 1 || undefined }),
      h('label', { for: `client-${c.id}` }, `${c.name} (${maskMobile(c.mobile)})`))));
  }
  findButton.addEventListener('click', search);
  find.addEventListener('keydown', event => {
    if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      search();
    }
  });
  submitOnEnter(form);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    Object.values(fields).forEach(field => markField(field, null));
    problems.replaceChildren();
    const body = {
      clientId: Number(found.querySelector('input:checked')?.value) || null,
      serviceId: Number(service.value) || null,
      urgent: urgent.querySelector('input').checked,
      officeIds: [...officeBoxes.querySelectorAll('input:checked')].map(box => Number(box.value)),
      firstDay: valueOf(firstDay) || null,
      lastDay: valueOf(lastDay) || null,
    };
    submit.loading = true;
    try {
      const { body: entry } = await post('api/waitlist', body);
      found.querySelectorAll('.choice, .results-caption').forEach(e => e.remove());
      find.value = '';
      await onAdded(entry);
    } catch (error) {
      if (error.status === 401) {
        return;
      }
      const byField = error.fieldErrors;
      const listed = ORDER.filter(field => byField[field]).map(field => {
        const message = explain(field, byField[field]);
        markField(fields[field], message);
        const target = fields[field].localName === 'fieldset' ? fields[field].querySelector('input') ?? find : fields[field];
        return { message, target };
      });
      const others = error.violations.filter(v => !ORDER.includes(v.field)).map(v => ({ message: `${v.field}: ${v.message}` }));
      const summary = errorSummary(listed.length || others.length ? [...listed, ...others] : [{ message: error.message }]);
      problems.replaceChildren(summary);
      summary.focus();
    } finally {
      submit.loading = false;
    }
  });
  return form;
}

function explain(field, message) {
  switch (field) {
    case 'clientId': return 'Find the client and choose them';
    case 'serviceId': return 'Choose the service';
    case 'officeIds': return 'Choose at least one SSO the client can go to';
    case 'firstDay': return /required/.test(message) ? 'Enter the first day' : `First day: ${message}`;
    case 'lastDay':
      if (/before/.test(message)) {
        return 'The last day cannot be before the first day';
      }
      if (/past/.test(message)) {
        return 'The last day is already past';
      }
      return /required/.test(message) ? 'Enter the last day' : `Last day: ${message}`;
    default: return message;
  }
}

/** YYYY-MM-DD of a day in Singapore, some days from now. */
function singaporeDay(now, plusDays) {
  const day = new Date(now.getTime() + plusDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Singapore', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(day);
}
