// One booking (GET /api/bookings/{id}): its status, the session, the client's first name, the referral note, what
// happened to it (history) and the messages it caused (notifications). Counter staff reschedule, cancel and check
// in from here. Every change sends the ETag read with the booking as If-Match: when someone else changed the booking
// meanwhile (412), the screen reloads it, says so, and keeps what the officer chose or typed beside the new state.

import { get, post } from '../api.js';
import { ACTIONS, mayChangeBookings, mayCheckIn, modeWords, statusBadge, statusWords } from '../bookings.js';
import { link } from '../router.js';
import { alert, errorSummary, h, markField, outcome, page, singaporeTime, submitOnEnter, tableScroll, valueOf } from '../ui.js';
import { smsPreview } from './book.js';

const KINDS = {
  CONFIRMATION: 'Confirmation',
  RESCHEDULED: 'New time',
  CANCELLED: 'Cancellation',
  REMINDER: 'Reminder',
  WAITLIST_OFFER: 'Waitlist offer',
  INVITE: 'Calendar invitation',
  INVITE_CANCEL: 'Calendar cancellation',
};

const MESSAGE_STATUS = {
  PENDING: ['Waiting to send', 'neutral'],
  SENDING: ['Sending', 'warning'],
  SENT: ['Sent', 'success'],
  SKIPPED: ['Not sent (out of date)', 'neutral'],
  FAILED: ['Failed', 'danger'],
};

/** "Tue, 15 Dec 2026, 9:00 am – 9:45 am" in Singapore time. */
export function sessionTime(start, end) {
  const day = new Intl.DateTimeFormat('en-SG', { timeZone: 'Asia/Singapore', weekday: 'short', day: 'numeric',
    month: 'short', year: 'numeric' });
  const time = new Intl.DateTimeFormat('en-SG', { timeZone: 'Asia/Singapore', hour: 'numeric', minute: '2-digit' });
  const from = new Date(start);
  return `${day.format(from)}, ${time.format(from)}${end ? ` \u2013 ${time.format(new Date(end))}` : ''}`;
}

/** Catalogue names by id, read once per screen (the catalogue is not scoped: any signed-in officer reads it). */
export function names() {
  const cache = new Map();
  return (kind, id, pick) => {
    if (id === null || id === undefined) {
      return Promise.resolve(null);
    }
    const key = `${kind}/${id}`;
    if (!cache.has(key)) {
      cache.set(key, get(`api/${kind}/${encodeURIComponent(id)}`).then(({ body }) => pick(body))
        .catch(() => `#${id}`));
    }
    return cache.get(key);
  };
}

export async function render(main, { params, session }) {
  const id = params.id;
  const name = names();
  let state;
  try {
    state = await load(id, name);
  } catch (error) {
    if (error.status === 404 || error.status === 400) {
      page(main, 'Booking not found');
      main.append(h('p', {}, 'There is no booking with this number that you can see. Check the number, or find the '
        + 'client and open the booking from there.'),
      h('p', {}, h('a', { href: link('clients') }, 'Find a client')));
      return;
    }
    throw error;
  }
  const mayWrite = mayChangeBookings(session);
  page(main, `Booking for ${state.booking.client.firstName ?? 'a client'}`);
  const notice = h('div', { id: 'notice' });
  const details = h('section', { 'aria-labelledby': 'details-title' });
  const actions = h('div', { class: 'actions', id: 'booking-actions' });
  const panel = h('div', { id: 'panel' });
  const history = h('section', { 'aria-labelledby': 'history-title' });
  const messages = h('section', { 'aria-labelledby': 'messages-title' });
  // DOM append() writes null as the text "null": leave out what is not there.
  main.append(...[notice, details, mayWrite ? actions : null, panel, history, messages].filter(Boolean));

  let open = null;  // the open change: { kind: 'cancel' | 'reschedule', ... }

  function draw() {
    details.replaceChildren(...detailsOf(state, session));
    history.replaceChildren(...historyOf(state.history));
    messages.replaceChildren(...messagesOf(state.notifications));
    const status = state.booking.status;
    actions.replaceChildren(...[
      // Offered only while the API takes it: from 2 hours before the session until its end, not for a client at home.
      mayCheckIn(state.booking)
        ? h('sgds-button', { variant: 'primary', id: 'check-in', 'on:click': checkIn }, 'Check in') : null,
      status === 'BOOKED' ? h('sgds-button', { variant: 'outline', id: 'reschedule', 'on:click': openReschedule },
        'Reschedule') : null,
      ['BOOKED', 'CHECKED_IN'].includes(status)
        ? h('sgds-button', { variant: 'danger', id: 'cancel', 'on:click': openCancel }, 'Cancel booking') : null,
    ].filter(Boolean));
  }

  async function reload() {
    state = await load(id, name);
    draw();
  }

  /** Says what happened, in words, and moves focus there. */
  function tell(variant, title, ...body) {
    outcome(notice, variant, title, ...body);
  }

  /** 412: reload, say so, and keep the officer's choice on screen. */
  async function stale(youChose) {
    await reload();
    tell('warning', 'Someone else changed this booking since you opened it',
      h('span', {}, `It now reads: ${statusWords(state.booking.status)}, `
        + `${sessionTime(state.booking.start, state.booking.end)}. `),
      h('span', { id: 'you-chose' }, `You chose: ${youChose}. `),
      h('span', {}, 'Nothing was changed. Check the booking below, then try again if it is still right.'));
  }

  async function checkIn(event) {
    const button = event.currentTarget;
    button.loading = true;
    try {
      await post(`api/bookings/${id}/check-in`, undefined, { ifMatch: state.etag });
      closePanel();
      await reload();
      tell('success', 'Checked in', `${state.booking.client.firstName ?? 'The client'} is checked in.`);
    } catch (error) {
      if (error.status === 412) {
        await stale('check in');
      } else if (error.status !== 401) {
        tell('danger', 'The client could not be checked in', error.message);
      }
    } finally {
      button.loading = false;
    }
  }

  function closePanel() {
    open = null;
    panel.replaceChildren();
  }

  function openCancel() {
    if (open?.kind === 'cancel') {
      open.reason.focus();
      return;
    }
    const reason = h('sgds-input', { label: 'Why is the session cancelled?', id: 'cancel-reason', name: 'reason',
      placeholder: '', hintText: 'For example: the client found a job. At most 200 characters.' });
    const problems = h('div');
    const confirm = h('sgds-button', { type: 'submit', variant: 'danger', id: 'confirm-cancel' }, 'Cancel the booking');
    const form = h('form', { class: 'form', 'aria-labelledby': 'cancel-title' },
      h('h2', { id: 'cancel-title', tabindex: '-1' }, 'Cancel this booking'),
      h('p', {}, 'The client gets a text saying it is cancelled, and the slot is offered to the waitlist.'),
      problems, reason,
      h('div', { class: 'actions' }, confirm,
        h('sgds-button', { variant: 'ghost', id: 'keep', 'on:click': () => { closePanel(); actions.querySelector('#cancel')?.focus(); } },
          'Keep the booking')));
    panel.replaceChildren(form);
    open = { kind: 'cancel', reason };
    submitOnEnter(form);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      markField(reason, null);
      problems.replaceChildren();
      const typed = valueOf(reason);
      if (!typed) {
        refuse(problems, reason, 'Enter why the session is cancelled');
        return;
      }
      confirm.loading = true;
      try {
        await post(`api/bookings/${id}/cancel`, { reason: typed }, { ifMatch: state.etag });
        closePanel();
        await reload();
        tell('success', 'Booking cancelled', 'The client will get a text. The slot is offered to the waitlist.');
      } catch (error) {
        if (error.status === 412) {
          await stale(`cancel, because \u201c${typed}\u201d`);
        } else if (error.status === 400 && error.fieldErrors.reason) {
          refuse(problems, reason, `Reason: ${error.fieldErrors.reason}`);
        } else if (error.status !== 401) {
          await reload();
          tell('danger', 'The booking could not be cancelled', error.message);
        }
      } finally {
        confirm.loading = false;
      }
    });
    form.querySelector('h2').focus();
  }

  async function openReschedule() {
    const area = h('section', { 'aria-labelledby': 'reschedule-title' },
      h('h2', { id: 'reschedule-title', tabindex: '-1' }, 'Reschedule: choose a new time'),
      h('p', { role: 'status' }, 'Finding free times\u2026'));
    panel.replaceChildren(area);
    open = { kind: 'reschedule' };
    area.querySelector('h2').focus();
    await drawAlternatives(area, null);
  }

  async function drawAlternatives(area, chosen) {
    let slots;
    try {
      slots = (await get(`api/bookings/${id}/alternatives`, { query: { limit: 8 } })).body;
    } catch (error) {
      if (error.status !== 401) {
        area.replaceChildren(area.firstChild, alert('danger', 'Free times could not be found', error.message));
      }
      return;
    }
    const heading = area.firstChild;
    if (!slots.length) {
      area.replaceChildren(heading, h('p', { role: 'status' }, 'There is no other free time for this service at the moment. '
        + 'Put the client on the waitlist instead.'), h('p', {}, h('a', { href: link('waitlist') }, 'Go to the waitlist')));
      return;
    }
    const sameAdvisor = slots.filter(slot => slot.advisor.id === state.booking.advisorId).length;
    const problems = h('div');
    const choices = h('fieldset', { class: 'choice-group', id: 'alternatives' },
      h('legend', { class: 'field-label' }, sameAdvisor
        ? 'Free times (the same advisor first)' : 'Free times (the same advisor has none; other advisors)'),
      slots.map((slot, i) => h('div', { class: 'choice' },
        h('input', { type: 'radio', name: 'slot', id: `slot-${i}`, value: String(i),
          checked: chosen && sameSlot(slot, chosen) ? true : undefined }),
        h('label', { for: `slot-${i}` }, describeSlot(slot)))));
    const move = h('sgds-button', { type: 'submit', variant: 'primary', id: 'confirm-reschedule' }, 'Move the booking');
    const form = h('form', { class: 'form form-wide' }, problems, choices,
      h('div', { class: 'actions' }, move,
        h('sgds-button', { variant: 'ghost', id: 'keep-time', 'on:click': () => { closePanel(); actions.querySelector('#reschedule')?.focus(); } },
          'Keep the current time')));
    area.replaceChildren(heading, form);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      problems.replaceChildren();
      const picked = choices.querySelector('input:checked');
      if (!picked) {
        const first = choices.querySelector('input');
        problems.replaceChildren(errorSummary([{ message: 'Choose a new time', target: first }]));
        problems.firstChild.focus();
        return;
      }
      const slot = slots[Number(picked.value)];
      move.loading = true;
      try {
        await post(`api/bookings/${id}/reschedule`, {
          start: slot.start, advisorId: slot.advisor.id, roomId: slot.room?.id ?? null, mode: slot.mode,
          officeId: slot.office.id,
        }, { ifMatch: state.etag });
        closePanel();
        await reload();
        tell('success', 'Booking moved', `New time: ${sessionTime(state.booking.start, state.booking.end)}. `
          + 'The client gets a text with the new time.');
      } catch (error) {
        if (error.status === 412) {
          await stale(`move to ${describeSlot(slot)}`);
          await drawAlternatives(area, slot);
        } else if (error.status === 409) {
          tell('warning', 'This time was just taken', 'Here are the nearest free times now.');
          await reload();
          await drawAlternatives(area, null);
        } else if (error.status !== 401) {
          tell('danger', 'The booking could not be moved', error.message);
        }
      } finally {
        move.loading = false;
      }
    });
  }

  draw();
}

function refuse(problems, field, message) {
  markField(field, message);
  problems.replaceChildren(errorSummary([{ message, target: field }]));
  problems.firstChild.focus();
}

function sameSlot(a, b) {
  return a.start === b.start && a.advisor.id === b.advisor.id;
}

function describeSlot(slot) {
  return `${sessionTime(slot.start, slot.end)} \u2013 ${slot.advisor.name}, ${modeWords(slot.mode)}`
    + `${slot.room ? `, ${slot.room.name}` : ''}, ${slot.office.name}`;
}

/** The booking, its ETag, the names it refers to, its history and its messages. */
async function load(id, name) {
  const answer = await get(`api/bookings/${encodeURIComponent(id)}`);
  const booking = answer.body;
  const [service, office, advisor, room, history, notifications] = await Promise.all([
    name('services', booking.serviceId, s => s.name?.en ?? s.code),
    name('offices', booking.officeId, o => o.name),
    name('advisors', booking.advisorId, a => a.displayName),
    name('rooms', booking.roomId, r => r.name),
    get(`api/bookings/${booking.id}/history`).then(r => r.body),
    get(`api/bookings/${booking.id}/notifications`).then(r => r.body),
  ]);
  const described = await Promise.all(history.map(async change => ({ ...change, said: await humanise(change.detail, name) })));
  return { booking, etag: answer.etag, service, office, advisor, room, history: described, notifications };
}

/** Booking.describe(): "BOOKED 2026-12-15T01:00:00Z–2026-12-15T01:45:00Z IN_PERSON office 3 advisor 5 room 2 seq 0". */
const DESCRIBED = /([A-Z_]+) (\d{4}-[\d:.T-]+Z)\u2013(\d{4}-[\d:.T-]+Z) ([A-Z_]+) office (\d+) advisor (\d+)(?: room (\d+))? seq \d+/g;

/** The audit's before → after with names and Singapore times instead of ids and UTC, as an officer reads it. */
async function humanise(detail, name) {
  if (!detail) {
    return '';
  }
  const parts = [];
  let last = 0;
  for (const m of detail.matchAll(DESCRIBED)) {
    const [, status, start, end, mode, office, advisor, room] = m;
    const [where, who, inRoom] = await Promise.all([name('offices', office, o => o.name),
      name('advisors', advisor, a => a.displayName), name('rooms', room, r => r.name)]);
    parts.push(detail.slice(last, m.index), `${statusWords(status)}: ${sessionTime(start, end)}, `
      + `${who}${inRoom ? `, ${inRoom}` : ''}, ${where}, ${modeWords(mode, { lowerCase: true })}`);
    last = m.index + m[0].length;
  }
  parts.push(detail.slice(last));
  return readable(parts.join(''));
}

function detailsOf({ booking, service, office, advisor, room }, session) {
  const video = booking.mode !== 'IN_PERSON';
  return [
    h('h2', { id: 'details-title', class: 'visually-hidden' }, 'The session'),
    h('dl', { class: 'details', id: 'booking-details' },
      row('Status', statusBadge(booking.status, { id: 'status' })),
      row('Service', service),
      row('When', sessionTime(booking.start, booking.end)),
      row('Where', office),
      row('How', modeWords(booking.mode)),
      row('Advisor', advisor),
      booking.roomId ? row('Room', room) : null,
      video ? row('Video link', booking.videoLink
        ? h('a', { href: booking.videoLink, target: '_blank', rel: 'noopener noreferrer' }, booking.videoLink)
        : 'Not ready yet') : null,
      row('Client', clientOf(booking, session)),
      row('Referral note', booking.referralNote || 'None'),
      booking.status === 'CANCELLED' ? row('Why cancelled', booking.cancelReason || '') : null,
      booking.status === 'HELD' && booking.holdExpiresAt ? row('Held until', singaporeTime(booking.holdExpiresAt)) : null,
      row('Booking number', String(booking.id))),
  ];
}

/**
 * The client's first name, and a link to their page only when the officer's offices look after the client: the
 * session's office sees the booking but not the client record (GET /api/clients/{id} would be 404, and would be an
 * audited read of contact details), so the link is decided from the scope, not by trying.
 */
function clientOf(booking, session) {
  const first = booking.client.firstName ?? 'Not known';
  const own = session.role === 'ADMIN' || (session.officeIds ?? []).includes(booking.client.officeId);
  if (!own) {
    return [first, h('span', { class: 'field-hint' }, ' (looked after by another SSO)')];
  }
  return h('a', { href: link(`clients/${booking.client.id}`), id: 'client-link' }, first);
}

function historyOf(changes) {
  const parts = [h('h2', { id: 'history-title' }, 'History')];
  if (!changes.length) {
    parts.push(h('p', {}, 'No changes recorded.'));
    return parts;
  }
  parts.push(table('history-table', 'history-title', ['When', 'Who', 'Role', 'What', 'Before \u2192 after'],
    changes.map(change => [singaporeTime(change.at), change.actor, change.role ?? '', h('span', { class: 'history-action',
      'data-action': change.action }, ACTIONS[change.action] ?? change.action), change.said])));
  return parts;
}

/** The audit's "BOOKED 2026-12-15T01:00:00Z–… seq 0" with its instants in Singapore time. */
function readable(detail) {
  return (detail ?? '').replace(/\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z/g, instant => singaporeTime(instant));
}

function messagesOf(notifications) {
  const parts = [h('h2', { id: 'messages-title' }, 'Messages to the client and advisor')];
  if (!notifications.length) {
    parts.push(h('p', {}, 'No messages.'));
    return parts;
  }
  parts.push(table('messages-table', 'messages-title', ['What', 'How', 'To', 'Status', 'When'],
    notifications.map(n => {
      const [text, variant] = MESSAGE_STATUS[n.status] ?? [n.status, 'neutral'];
      return [[KINDS[n.kind] ?? n.kind, smsPreview(n)], n.channel === 'SMS' ? 'Text' : 'Email', n.recipient,
        [h('sgds-badge', { variant }, text),
          n.status === 'FAILED' && n.lastError ? h('div', { class: 'field-hint' }, n.lastError) : null],
        n.sentAt ? `Sent ${singaporeTime(n.sentAt)}` : `Due ${singaporeTime(n.dueAt)}`];
    })));
  return parts;
}

/** An SGDS table with a header row; the caption is the heading it is labelled by. */
export function table(id, labelledBy, head, rows) {
  const element = h('sgds-table', { role: 'table', 'aria-labelledby': labelledBy, id },
    h('sgds-table-row', {}, head.map(text => h('sgds-table-head', {}, text))),
    rows.map(cells => h('sgds-table-row', {}, cells.map(cell => h('sgds-table-cell', {}, cell)))));
  // As in clients.js: SGDS 3.8.0's scroll wrapper takes focus and breaks row ownership (axe aria-required-children).
  element.updateComplete.then(() => element.shadowRoot?.querySelector('div[tabindex]')?.removeAttribute('tabindex'));
  return tableScroll(element, labelledBy);
}

function row(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}
