// Today's board for one SSO: rooms as rows, the day's opening hours as columns (Singapore time), each session in
// the hour it starts with its status in words and colour, a "now" line. Counter staff check clients in and book
// walk-ins here; supervisors only look; admins pick the office. It polls every 15 s while the tab is visible and
// says what changed in a polite live region, never moving focus.

import { ApiError, get, getAll as all, post } from '../api.js';
import { MODES, mayChangeBookings, mayCheckIn, modeWords, statusBadge, statusWords } from '../bookings.js';
import { go, link } from '../router.js';
import { alert, errorSummary, h, markField, maskMobile, page, valueOf } from '../ui.js';

const POLL_MS = 15000;
const TZ = 'Asia/Singapore';

const HIDDEN = new Set(['CANCELLED', 'RELEASED']);

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
const longDay = new Intl.DateTimeFormat('en-SG', { timeZone: TZ, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const weekday = new Intl.DateTimeFormat('en-US', { timeZone: TZ, weekday: 'long' });
const clock = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** yyyy-mm-dd of a moment in Singapore. */
export function singaporeDay(moment = new Date()) {
  return dayFormat.format(moment);
}

/** Minutes since midnight in Singapore. */
function minutesOf(moment) {
  const [hours, minutes] = clock.format(moment).split(':').map(Number);
  return hours * 60 + minutes;
}

function hhmm(moment) {
  return clock.format(moment);
}

function toMinutes(text) {
  const [hours, minutes] = text.split(':').map(Number);
  return hours * 60 + minutes;
}

export async function render(main, { query, session }) {
  page(main, "Today's board");
  const mayAct = mayChangeBookings(session);
  const officeId = await chooseOffice(main, query, session);
  if (!officeId) {
    return null;
  }
  const office = (await get(`api/offices/${encodeURIComponent(officeId)}`)).body;
  const rooms = (await all('api/rooms', { office: officeId, active: true }));
  const names = new Names();
  const state = { office, rooms, bookings: [], signature: '', mayAct, highlight: null, timer: null };

  const today = singaporeDay();
  const hours = office.openingHours.find(o => o.day === weekday.format(new Date()).toUpperCase());
  main.append(h('p', { class: 'lede', id: 'board-summary' }, `${office.name} · ${longDay.format(new Date())} · `,
    hours ? `open ${hours.opens.slice(0, 5)}–${hours.closes.slice(0, 5)}` : 'closed today'));

  const messages = h('div', { id: 'board-messages' });
  const live = h('div', { id: 'board-live', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const updated = h('p', { class: 'board-updated', id: 'board-updated' });
  const board = h('div', { id: 'board' });
  main.append(messages, live, updated, board);

  const refresh = async ({ announce }) => {
    const bookings = await all('api/bookings', { office: officeId, day: today });
    await names.load(bookings);
    const signature = JSON.stringify(bookings.map(b => [b.id, b.status, b.version, b.roomId, b.start]));
    const changes = announce ? describeChanges(state.bookings, bookings, names) : [];
    state.bookings = bookings;
    updated.textContent = `Updated at ${hhmm(new Date())}. The board refreshes itself every 15 seconds.`;
    updated.dataset.refreshes = String(Number(updated.dataset.refreshes || 0) + 1);
    if (signature !== state.signature || !board.firstChild) {
      state.signature = signature;
      redraw(board, state, hours, names, actions);
    } else {
      placeNowLine(board, hours);
    }
    if (changes.length) {
      live.textContent = changes.join(' ');
    }
  };

  const actions = {
    checkIn: async booking => {
      messages.replaceChildren();
      try {
        await post(`api/bookings/${booking.id}/check-in`, undefined, { ifMatch: `"${booking.version}"` });
        live.textContent = `${booking.client.firstName ?? 'The client'} is checked in.`;
      } catch (error) {
        if (error.status === 412 || error.status === 409) {
          const fresh = (await get(`api/bookings/${booking.id}`)).body;
          messages.replaceChildren(alert('warning', 'Someone else changed this booking',
            h('span', {}, `${fresh.client.firstName ?? 'The client'}'s session at ${hhmm(new Date(fresh.start))} is now `,
              h('strong', {}, statusWords(fresh.status)),
              '. The board shows it as it is now; check it before doing anything else.')));
        } else {
          messages.replaceChildren(alert('danger', error.title, error.detail));
        }
      }
      state.highlight = booking.id;
      await refresh({ announce: false });
      focusSession(board, booking.id);
    },
  };

  await refresh({ announce: false });

  if (mayAct) {
    main.append(await walkInForm(office, names, rooms, async booked => {
      state.highlight = booked.id;
      await refresh({ announce: false });
    }));
  }

  const poll = () => {
    if (document.visibilityState === 'visible' && board.isConnected) {
      refresh({ announce: true }).catch(() => {});
    }
  };
  state.timer = window.setInterval(poll, POLL_MS);
  const onVisible = () => document.visibilityState === 'visible' && poll();
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    window.clearInterval(state.timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
}

/** The officer's own office; an admin picks one (the choice lives in the address: #/board?office=3). */
async function chooseOffice(main, query, session) {
  if (session.role !== 'ADMIN') {
    const own = (session.officeIds || [])[0];
    if (!own) {
      main.append(alert('info', 'No office', 'Your account belongs to no SSO, so there is no board to show.'));
    }
    return own;
  }
  const offices = await all('api/offices', { active: true });
  const chosen = query.office ?? String(offices[0]?.id ?? '');
  const select = h('select', { id: 'office', class: 'native-select', 'on:change': e => go('board', { office: e.target.value }) },
    offices.map(o => h('option', { value: o.id, selected: String(o.id) === chosen }, o.name)));
  main.append(h('div', { class: 'board-picker' }, h('label', { for: 'office', class: 'field-label' }, 'Office'), select));
  return chosen || null;
}

/** Service, advisor and room names, each read once. */
class Names {
  constructor() {
    this.services = new Map();
    this.advisors = new Map();
    this.rooms = new Map();
  }

  async load(bookings) {
    const wanted = [];
    for (const b of bookings) {
      if (!this.services.has(b.serviceId)) {
        this.services.set(b.serviceId, null);
        wanted.push(get(`api/services/${b.serviceId}`).then(r => this.services.set(b.serviceId, r.body.name.en))
          .catch(() => this.services.set(b.serviceId, 'Service')));
      }
      if (!this.advisors.has(b.advisorId)) {
        this.advisors.set(b.advisorId, null);
        wanted.push(get(`api/advisors/${b.advisorId}`).then(r => this.advisors.set(b.advisorId, r.body.displayName))
          .catch(() => this.advisors.set(b.advisorId, 'Advisor')));
      }
    }
    await Promise.all(wanted);
  }

  service(id) {
    return this.services.get(id) ?? 'Service';
  }

  advisor(id) {
    return this.advisors.get(id) ?? 'Advisor';
  }
}

function describeChanges(before, after, names) {
  const old = new Map(before.map(b => [b.id, b]));
  const said = [];
  for (const b of after) {
    const who = `${b.client.firstName ?? 'A client'} at ${hhmm(new Date(b.start))}`;
    const was = old.get(b.id);
    if (!was && !HIDDEN.has(b.status)) {
      said.push(`New on the board: ${who}, ${names.service(b.serviceId)}.`);
    } else if (was && was.status !== b.status) {
      said.push(`${who}: now ${statusWords(b.status)}.`);
    }
  }
  return said;
}

/** Rows: each active room, then "Video call from home" when there are such sessions; sessions by start. */
function rowsOf(state) {
  const shown = state.bookings.filter(b => !HIDDEN.has(b.status));
  const rows = state.rooms.map(room => ({ key: `room-${room.id}`, name: room.name,
    sessions: shown.filter(b => b.roomId === room.id) }));
  const known = new Set(state.rooms.map(r => r.id));
  const elsewhere = shown.filter(b => b.roomId != null && !known.has(b.roomId));
  if (elsewhere.length) {
    rows.push({ key: 'room-other', name: 'Other rooms', sessions: elsewhere });
  }
  rows.push({ key: 'video', name: MODES.VIDEO_REMOTE, sessions: shown.filter(b => b.roomId == null) });
  return { rows, cancelled: state.bookings.filter(b => b.status === 'CANCELLED').length };
}

/** The hour columns: opening to closing time, widened to take any session outside them. */
function hourColumns(hours, bookings) {
  let first = hours ? Math.floor(toMinutes(hours.opens) / 60) : 8;
  let last = hours ? Math.ceil(toMinutes(hours.closes) / 60) : 18;
  for (const b of bookings) {
    first = Math.min(first, Math.floor(minutesOf(new Date(b.start)) / 60));
    last = Math.max(last, Math.floor(minutesOf(new Date(b.start)) / 60) + 1);
  }
  return Array.from({ length: Math.max(last - first, 1) }, (_, i) => first + i);
}

function redraw(board, state, hours, names, actions) {
  const focusedId = document.activeElement?.id && board.contains(document.activeElement) ? document.activeElement.id : null;
  const { rows, cancelled } = rowsOf(state);
  const shown = rows.flatMap(r => r.sessions);
  const columns = hourColumns(hours, shown);
  const nowHour = Math.floor(minutesOf(new Date()) / 60);
  const label = hour => `${String(hour).padStart(2, '0')}:00`;

  const captionText = `Sessions today by room and hour (Singapore time): ${shown.length} `
    + `${shown.length === 1 ? 'session' : 'sessions'}${cancelled ? `, ${cancelled} cancelled not shown` : ''}.`;
  // The caption scrolls sideways with the table; the same words stay in view above it (read once: the copy is
  // hidden from assistive technology, the caption from the eye).
  const table = h('table', { class: 'board-table', id: 'board-table' },
    h('caption', { class: 'visually-hidden' }, captionText),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'board-room' }, 'Room'),
      columns.map(hour => h('th', { scope: 'col', class: hour === nowHour ? 'board-hour board-now-hour' : 'board-hour' },
        label(hour), hour === nowHour ? h('span', { class: 'board-now-tag' }, ' (now)') : null)))),
    h('tbody', {}, rows.map(row => h('tr', { id: `row-${row.key}` },
      h('th', { scope: 'row', class: 'board-room' }, row.name),
      columns.map(hour => h('td', { class: hour === nowHour ? 'board-cell board-now-hour' : 'board-cell' },
        row.sessions.filter(b => Math.floor(minutesOf(new Date(b.start)) / 60) === hour)
          .map(b => sessionCard(b, state, names, actions, 'b'))))))));

  const scroller = h('div', { class: 'board-scroll', tabindex: '0', role: 'region', 'aria-label': 'Today\'s board, scrolls sideways' },
    table, h('div', { class: 'board-now-line', 'aria-hidden': 'true' }));

  // Narrow screens (320 px): the same sessions as a list per room, in time order.
  const list = h('div', { class: 'board-list', id: 'board-list' },
    rows.map(row => h('section', { 'aria-labelledby': `list-${row.key}` },
      h('h2', { id: `list-${row.key}`, class: 'board-list-room' }, row.name),
      row.sessions.length ? h('ul', {}, row.sessions.map(b => h('li', {}, sessionCard(b, state, names, actions, 'l'))))
        : h('p', {}, 'No sessions today.'))));

  const before = board.querySelector('.board-scroll');
  const scrolled = before ? before.scrollLeft : null;
  board.replaceChildren(h('p', { class: 'board-caption', 'aria-hidden': 'true' }, captionText), scroller, list);
  placeNowLine(board, hours);
  if (scrolled !== null) {
    scroller.scrollLeft = scrolled;  // a refresh keeps where the officer had scrolled to
  } else {
    scrollToNow(scroller);
  }
  if (focusedId) {
    document.getElementById(focusedId)?.focus();
  }
}

/** One session: time, client's first name, service, advisor, status as a word in a coloured badge, and actions. */
function sessionCard(b, state, names, actions, view) {
  const start = new Date(b.start);
  const end = new Date(b.end);
  const classes = ['board-session', `status-${b.status.toLowerCase().replace('_', '-')}`];
  if (state.highlight === b.id) {
    classes.push('board-highlight');
  }
  return h('div', { class: classes.join(' '), 'data-booking': b.id, 'data-status': b.status },
    h('a', { href: link(`bookings/${b.id}`), id: `${view}-session-${b.id}`, class: 'board-session-link' },
      `${hhmm(start)}–${hhmm(end)} ${b.client.firstName ?? 'Client'}`),
    h('span', { class: 'board-session-detail' }, `${names.service(b.serviceId)} · ${names.advisor(b.advisorId)}`
      + (b.mode === 'VIDEO_AT_SSO' ? ' · video' : '')),
    h('div', { class: 'board-session-state' },
      statusBadge(b.status, { outlined: b.status === 'HELD', class: 'board-status' }),
      state.mayAct && mayCheckIn(b) ? h('sgds-button', {
      size: 'sm', variant: 'outline', id: `${view}-check-in-${b.id}`, class: 'board-check-in',
      'aria-label': `Check in ${b.client.firstName ?? 'client'}, ${hhmm(start)}`,
      'on:click': () => actions.checkIn(b),
    }, 'Check in') : null));
}

function focusSession(board, id) {
  const visible = [...board.querySelectorAll(`[id$="-session-${id}"]`)].find(e => e.offsetParent !== null);
  visible?.focus();
}

/** On first showing, the hour now and the one before it are in view (the day may start at midnight). */
function scrollToNow(scroller) {
  const column = scroller.querySelector('thead .board-now-hour');
  const room = scroller.querySelector('thead .board-room');
  if (column && room) {
    scroller.scrollLeft = Math.max(0, column.offsetLeft - room.offsetWidth - column.offsetWidth);
  }
}

/** The "now" line down the rows, at the current minute inside the current hour's column. */
function placeNowLine(board, hours) {
  const line = board.querySelector('.board-now-line');
  const column = board.querySelector('thead .board-now-hour');
  const scroller = board.querySelector('.board-scroll');
  const table = board.querySelector('.board-table');
  if (!line || !scroller || !table) {
    return;
  }
  if (!column) {
    line.hidden = true;
    return;
  }
  const minute = minutesOf(new Date()) % 60;
  const box = scroller.getBoundingClientRect();
  const cell = column.getBoundingClientRect();
  // CSSOM, not a style attribute: the CSP allows no inline style.
  line.hidden = false;
  line.style.left = `${cell.left - box.left + scroller.scrollLeft + (cell.width * minute) / 60}px`;
  line.style.top = `${cell.top - box.top}px`;
  line.style.height = `${Math.max(0, table.getBoundingClientRect().bottom - cell.top)}px`;
}

/** Walk-in: find the client, pick a service (and how), book the next free session today. */
async function walkInForm(office, names, rooms, onBooked) {
  // Only what can be booked at this SSO, each with its agency: two agencies may both offer "Career coaching".
  const [services, agencies] = await Promise.all([
    all('api/services', { active: true, office: office.id }),
    all('api/agencies', {}),
  ]);
  const agencyName = new Map(agencies.map(a => [a.id, a.name]));
  const label = s => `${s.name.en} (${agencyName.get(s.agencyId) ?? 'partner agency'})`;
  services.sort((a, b) => label(a).localeCompare(label(b)));
  const problems = h('div');
  const outcome = h('div', { id: 'walk-in-outcome' });
  const find = h('sgds-input', { label: 'Client: mobile number or name', id: 'walk-in-find', name: 'walk-in-find',
    placeholder: '', type: 'search', hintText: 'For example 9123 4567 or Tan' });
  const found = h('div', { id: 'walk-in-clients' });
  const serviceError = h('p', { id: 'walk-in-service-error', class: 'field-error', hidden: true });
  const service = h('select', { id: 'walk-in-service', class: 'native-select', 'aria-describedby': 'walk-in-service-error' },
    h('option', { value: '' }, 'Choose a service'),
    services.map(s => h('option', { value: s.id }, label(s))));
  const mode = h('select', { id: 'walk-in-mode', class: 'native-select' });
  // Only the ways the chosen service is given (its allowedModes), so the officer cannot pick one the server refuses.
  const offerModes = () => {
    const chosen = services.find(s => String(s.id) === service.value);
    const was = mode.value;
    mode.replaceChildren(...Object.entries(MODES)
      .filter(([value]) => !chosen || chosen.allowedModes.includes(value))
      .map(([value, text]) => h('option', { value, selected: value === was || undefined }, text)));
  };
  service.addEventListener('change', offerModes);
  offerModes();
  let clientChoice = null;

  const search = async () => {
    const text = valueOf(find);
    if (!text) {
      return;
    }
    markField(find, '');
    const compact = text.replace(/[\s()-]/g, '');
    const params = /^\+?\d{8,15}$/.test(compact) ? { mobile: text } : { q: text };
    try {
      const clients = (await get('api/clients', { query: { ...params, active: true, size: 10 } })).body.items;
      clientChoice = null;
      found.replaceChildren(clients.length === 0 ? h('p', { role: 'status' }, `No client found for \u201c${text}\u201d. `,
        h('a', { href: link('clients/new') }, 'Register a new client'))
        : h('fieldset', { class: 'choice-group' }, h('legend', { class: 'field-label' }, 'Which client?'),
          clients.map(c => h('label', { class: 'choice' }, h('input', {
            type: 'radio', name: 'walk-in-client', value: c.id, id: `walk-in-client-${c.id}`,
            'on:change': () => { clientChoice = c; },
          }), `${c.name} (${maskMobile(c.mobile)})`))));
      if (clients.length === 1) {
        clientChoice = clients[0];
        found.querySelector('input').checked = true;
      }
    } catch (error) {
      found.replaceChildren(alert('danger', error.title, error.detail));
    }
  };

  const book = h('sgds-button', { variant: 'primary', id: 'walk-in-book', type: 'submit' }, 'Book the next free session');
  const form = h('form', { class: 'form board-walk-in', id: 'walk-in-form' },
    h('div', { class: 'search-row' }, find,
      h('sgds-button', { variant: 'outline', type: 'button', id: 'walk-in-search', 'on:click': search }, 'Find')),
    found,
    h('div', {}, h('label', { for: 'walk-in-service', class: 'field-label' }, 'Service'), serviceError, service),
    h('div', {}, h('label', { for: 'walk-in-mode', class: 'field-label' }, 'How'), mode),
    h('div', { class: 'actions' }, book));
  form.addEventListener('keydown', event => {
    if (event.key === 'Enter' && event.target === find) {
      event.preventDefault();
      search();
    }
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    outcome.replaceChildren();
    const missing = [];
    if (!clientChoice) {
      missing.push({ message: 'Find and choose the client', target: find });
    }
    if (!service.value) {
      missing.push({ message: 'Choose a service', target: service });
    }
    markField(find, clientChoice ? '' : 'Find and choose the client');
    markField(service, service.value ? '' : 'Choose a service');
    if (missing.length) {
      problems.replaceChildren(errorSummary(missing));
      problems.firstChild.focus();
      return;
    }
    problems.replaceChildren();
    try {
      const { body: booked } = await post('api/bookings/walk-in', {
        serviceId: Number(service.value), officeId: office.id, clientId: clientChoice.id, mode: mode.value,
      });
      await names.load([booked]);
      await onBooked(booked);
      const room = booked.roomId == null ? 'no room: the client joins from home'
        : rooms.find(r => r.id === booked.roomId)?.name ?? 'a room';
      outcome.replaceChildren(alert('success', 'Walk-in booked',
        h('span', {}, `${clientChoice.name}: ${names.service(booked.serviceId)} today at ${hhmm(new Date(booked.start))}`
          + `–${hhmm(new Date(booked.end))} with ${names.advisor(booked.advisorId)} (${modeWords(booked.mode)}, ${room}). `,
          h('a', { href: link(`bookings/${booked.id}`) }, 'Open the booking'))));
      outcome.querySelector('a')?.focus();
    } catch (error) {
      if (!(error instanceof ApiError)) {
        throw error;
      }
      outcome.replaceChildren(alert(error.status === 409 ? 'warning' : 'danger',
        error.status === 409 ? 'No free session left today' : error.title, error.detail));
    }
  });
  return h('section', { 'aria-labelledby': 'walk-in-title', class: 'board-walk-in-section' },
    h('h2', { id: 'walk-in-title' }, 'Walk-in: the next free session today'),
    problems, form, outcome);
}
