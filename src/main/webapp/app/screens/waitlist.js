// The waitlist (GET/POST /api/waitlist): clients waiting for a session of a service at some SSOs between two days,
// urgent cases first. When a slot frees up the best entry gets an offer — a hold on the slot for a few minutes; a
// client at the counter takes it here (POST /api/waitlist/{id}/accept) and the hold becomes their booking, or turns
// it down (POST …/decline: the slot goes to the next client and this entry ends). An entry is taken off the list with
// DELETE /api/waitlist/{id}. Both ask first: neither can be undone from this screen.

import { del, get, getAll, post } from '../api.js';
import { WAITLIST_STATUS, mayChangeBookings, statusBadge } from '../bookings.js';
import { link } from '../router.js';
import { errorSummary, h, markField, maskMobile, outcome, page, submitOnEnter, valueOf } from '../ui.js';
import { sessionTime, table } from './booking-detail.js';

const ORDER = ['clientId', 'serviceId', 'officeIds', 'firstDay', 'lastDay'];

export async function render(main, { session }) {
  page(main, 'Waitlist');
  const mayWrite = mayChangeBookings(session);
  const [services, offices] = await Promise.all([
    get('api/services', { query: { active: true, size: 200 } }).then(r => r.body.items),
    get('api/offices', { query: { active: true, size: 200 } }).then(r => r.body.items),
  ]);
  const notice = h('div', { id: 'notice' });
  // The heading is there from the start: a section named by a heading not yet drawn has no name (axe
  // aria-prohibited-attr), and the list below it is redrawn after every change.
  const heading = h('h2', { id: 'entries-title' }, 'Waiting now');
  const list = h('section', { 'aria-labelledby': 'entries-title', id: 'entries' }, heading);
  const panel = h('div', { id: 'wl-confirm' });
  main.append(h('p', { class: 'lede' }, 'When a slot frees up, the first urgent client who can take it gets an offer, '
    + 'then everyone else in the order they joined. An offer is held for a few minutes.'), notice, panel, list);
  if (mayWrite) {
    main.append(addForm({ services, offices, session, onAdded: async entry => {
      await drawList();
      tell('success', 'Client put on the waitlist', `They are number ${entry.id} on the list; they get a text when a slot is offered.`);
    } }));
  }

  function tell(variant, title, ...body) {
    outcome(notice, variant, title, ...body);
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

  /**
   * The confirmation step before declining an offer or taking a client off the list: what will happen, in words,
   * then a button that does it and one that leaves everything as it is (focus goes back to the row's button).
   */
  function confirmStep({ id, title, explain, yes, yesId, no, onYes, from }) {
    notice.replaceChildren();
    const doIt = h('sgds-button', { variant: 'danger', id: yesId }, yes);
    const keep = h('sgds-button', { variant: 'ghost', id: 'wl-keep' }, no);
    const box = h('section', { class: 'form', 'aria-labelledby': `${id}-title`, id },
      h('h2', { id: `${id}-title`, tabindex: '-1' }, title), ...explain.map(text => h('p', {}, text)),
      h('div', { class: 'actions' }, doIt, keep));
    keep.addEventListener('click', () => {
      panel.replaceChildren();
      document.getElementById(from)?.focus();
    });
    doIt.addEventListener('click', async () => {
      doIt.loading = true;
      try {
        await onYes();
      } finally {
        doIt.loading = false;
      }
    });
    panel.replaceChildren(box);
    box.querySelector('h2').focus();
  }

  function askDecline(entry, client, offer) {
    const when = offer ? sessionTime(offer.start, offer.end) : 'the offered time';
    confirmStep({
      id: 'decline-confirm', from: `decline-${entry.id}`, yesId: 'confirm-decline',
      title: `${client} turns down the offer?`,
      explain: [`The held time, ${when}, goes to the next client waiting.`,
        `${client} then leaves the waitlist and gets no more offers for this service. `
        + 'If they still want a session, put them on the waitlist again or book one for them.'],
      yes: 'Decline the offer', no: 'Keep the offer open',
      onYes: async () => {
        try {
          await post(`api/waitlist/${entry.id}/decline`);
          await finish('success', 'Offer declined', `${client} turned down ${when}. The time goes to the next client `
            + `waiting, and ${client} is no longer on the waitlist.`);
        } catch (error) {
          await refused(error, 'The offer could not be declined', 'The offer is no longer open: it ran out, or the '
            + 'client took it meanwhile. The list below shows where things stand now.');
        }
      },
    });
  }

  function askWithdraw(entry, client, offer) {
    confirmStep({
      id: 'withdraw-confirm', from: `withdraw-${entry.id}`, yesId: 'confirm-withdraw',
      title: `Take ${client} off the waitlist?`,
      explain: [`${client} gets no more offers for this service.`,
        entry.status === 'OFFERED' && offer
          ? `The time held for them, ${sessionTime(offer.start, offer.end)}, goes to the next client waiting.`
          : 'Nothing else changes: the client keeps any session already booked.'],
      yes: 'Take off the waitlist', no: 'Keep on the waitlist',
      onYes: async () => {
        try {
          await del(`api/waitlist/${entry.id}`);
          await finish('success', `${client} is off the waitlist`, 'They get no more offers for this service.');
        } catch (error) {
          await refused(error, 'The client could not be taken off the waitlist', 'The client already took or '
            + 'turned down an offered time, so they are no longer waiting. The list below shows where things stand now.');
        }
      },
    });
  }

  async function finish(variant, title, words) {
    panel.replaceChildren();
    await drawList();
    tell(variant, title, words);
  }

  async function refused(error, title, conflict) {
    if (error.status === 401) {
      return;
    }
    await finish('warning', title, error.status === 409 ? conflict : error.message);
  }

  async function drawList() {
    // Only the open entries, every page of them: the list is oldest first, and ended entries would crowd out the new.
    const open = await getAll('api/waitlist', { status: ['WAITING', 'OFFERED'] });
    const rows = await Promise.all(open.map(async entry => {
      const [client, service, offer] = await Promise.all([
        entry.clientName,  // named in the list itself: one audited read for the screen, not one per row
        Promise.resolve(services.find(s => s.id === entry.serviceId)?.name?.en ?? `#${entry.serviceId}`),
        entry.offerBookingId ? get(`api/bookings/${entry.offerBookingId}`).then(r => r.body).catch(() => null) : null,
      ]);
      const where = entry.officeIds.map(id => offices.find(o => o.id === id)?.name ?? `#${id}`).join(', ');
      const offerCell = entry.status === 'OFFERED' && offer ? h('div', { class: 'offer' },
        h('span', {}, `${sessionTime(offer.start, offer.end)}`),
        entry.offerExpiresAt ? h('span', { class: 'field-hint' }, ` (held until ${new Intl.DateTimeFormat('en-SG',
          { timeZone: 'Asia/Singapore', hour: 'numeric', minute: '2-digit' }).format(new Date(entry.offerExpiresAt))})`) : null,
        mayWrite ? h('div', {}, h('sgds-button', { variant: 'primary', size: 'sm', id: `accept-${entry.id}`,
          'on:click': event => accept(entry, event.currentTarget) }, 'Accept at the counter')) : null)
        : '\u2014';
      return [client, service, where, `${entry.firstDay} to ${entry.lastDay}`, entry.urgent ? 'Urgent' : 'No',
        statusBadge(entry.status, {}, WAITLIST_STATUS), offerCell,
        ...(mayWrite ? [entryActions(entry, client, offer)] : [])];
    }));
    list.replaceChildren(heading, rows.length
      ? table('waitlist-table', 'entries-title', ['Client', 'Service', 'SSOs', 'Days', 'Urgent', 'Status', 'Offer',
        ...(mayWrite ? ['Other actions'] : [])], rows)
      : h('p', {}, 'Nobody is waiting.'));
  }

  /** Decline (only while an offer is open) and take off the list; each asks first. */
  function entryActions(entry, client, offer) {
    return h('div', { class: 'actions actions-small' },
      entry.status === 'OFFERED' ? h('sgds-button', { variant: 'outline', size: 'sm', id: `decline-${entry.id}`,
        'aria-label': `Client declines: ${client}`, 'on:click': () => askDecline(entry, client, offer) },
      'Client declines') : null,
      h('sgds-button', { variant: 'outline', size: 'sm', id: `withdraw-${entry.id}`,
        'aria-label': `Take off the list: ${client}`, 'on:click': () => askWithdraw(entry, client, offer) },
      'Take off the list'));
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
