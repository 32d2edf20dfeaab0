// Book a session for one client (#/book?client=42), in the order a counter officer talks it through: the need and
// the service, how the session is held (video from an SSO room first: it saves the client the trip), at which SSO
// (the client's own first, then the others by distance), then a free time — one click holds it (POST /api/holds)
// with a visible countdown — then the referral note and consent, a check-answers step, and POST /api/bookings.
// A time someone else took meanwhile (409) offers the nearest free times instead of an error.

import { get, post, del } from '../api.js';
import { MODES } from '../bookings.js';
import { go, link } from '../router.js';
import { alert, errorSummary, h, maskMobile, page } from '../ui.js';
import { LANGUAGES } from './clients.js';

export const DOMAINS = {
  EMPLOYMENT: 'Employment', HOUSING: 'Housing', LEGAL: 'Legal', FAMILY: 'Family', HEALTHCARE: 'Healthcare',
};
const MODE_HINTS = {
  VIDEO_AT_SSO: 'Saves the client the trip to the partner\u2019s office',
  IN_PERSON: 'The advisor meets the client in an interview room',
  VIDEO_REMOTE: 'The client joins from their own phone or computer',
};
const MODE_ORDER = ['VIDEO_AT_SSO', 'IN_PERSON', 'VIDEO_REMOTE'];
const LANGUAGE_KEYS = { EN: 'en', ZH: 'zh', MS: 'ms', TA: 'ta' };
const DAYS = 14;
const POLL_SECONDS = 3;
const POLL_FOR_SECONDS = 60;

const DAY_KEY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Singapore', year: 'numeric', month: '2-digit', day: '2-digit' });
const DAY_SHORT = new Intl.DateTimeFormat('en-SG', { timeZone: 'Asia/Singapore', weekday: 'short', day: 'numeric', month: 'short' });
const DAY_LONG = new Intl.DateTimeFormat('en-SG', { timeZone: 'Asia/Singapore', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

export async function render(main, { query }) {
  if (!query.client) {
    page(main, 'Book a session');
    main.append(h('p', {}, 'A session is booked for a client. ',
      h('a', { href: link('clients') }, 'Find the client first'), ', then choose \u201cBook a session\u201d on their page.'));
    return null;
  }
  const [client, services, agencies, offices] = await Promise.all([
    get(`api/clients/${encodeURIComponent(query.client)}`).then(r => r.body),
    get('api/services', { query: { active: true, size: 200 } }).then(r => r.body.items),
    get('api/agencies', { query: { active: true, size: 200 } }).then(r => r.body.items),
    get('api/offices', { query: { active: true, size: 200 } }).then(r => r.body.items),
  ]);
  if (client.anonymisedAt) {
    go(`clients/${client.id}`);  // nobody to book any more: the client's page says why
    return null;
  }
  const screen = new BookingScreen(main, client, services, agencies, offices);
  screen.start();
  return () => screen.leave();
}

class BookingScreen {
  constructor(main, client, services, agencies, offices) {
    this.main = main;
    this.client = client;
    this.domainOf = Object.fromEntries(agencies.map(agency => [agency.id, agency.domain]));
    this.services = services.filter(service => this.domainOf[service.agencyId]);
    this.offices = byDistance(offices, client.officeId);
    this.choice = { domain: '', serviceId: null, mode: 'VIDEO_AT_SSO', officeId: this.offices[0]?.id ?? null, day: null };
    this.slots = [];
    this.languagesOf = {};
    this.advisorNames = {};
    this.roomNames = {};
    this.hold = null;  // { booking, slot }
    this.note = '';
    this.consent = false;
    this.timers = new Set();
    this.loadTicket = 0;
    this.left = false;
    this.live = h('div', { class: 'visually-hidden', 'aria-live': 'polite', id: 'book-live' });
  }

  leave() {
    this.left = true;
    this.timers.forEach(clearInterval);
    this.timers.clear();
  }

  /** Says something to a screen reader without moving focus. */
  say(text) {
    this.live.textContent = '';
    setTimeout(() => { this.live.textContent = text; }, 50);
  }

  start() {
    page(this.main, `Book a session: ${this.client.name}`);
    this.stage = h('div');
    this.main.append(this.live, this.stage);
    this.showChoose();
  }

  // --- step 1: need, service, mode, SSO, then a free time ---

  showChoose({ focus } = {}) {
    this.stopCountdown();
    const domains = Object.keys(DOMAINS).filter(domain => this.services.some(s => this.domainOf[s.agencyId] === domain));
    const domainSelect = h('select', { id: 'domain', class: 'native-select' },
      h('option', { value: '' }, 'Choose the need'),
      domains.map(domain => h('option', { value: domain }, DOMAINS[domain])));
    const serviceSelect = h('select', { id: 'service', class: 'native-select', 'aria-describedby': 'service-hint' });
    const modeBox = h('div');
    const officeSelect = h('select', { id: 'office', class: 'native-select', 'aria-describedby': 'office-hint' },
      this.offices.map(office => h('option', { value: office.id }, officeLabel(office))));
    this.problems = h('div');
    this.times = h('div', { id: 'times-area' });

    const fillServices = () => {
      const inDomain = this.services.filter(s => this.domainOf[s.agencyId] === this.choice.domain);
      serviceSelect.replaceChildren(h('option', { value: '' }, this.choice.domain ? 'Choose the service' : 'Choose the need first'),
        ...inDomain.map(service => h('option', { value: service.id }, serviceName(service, this.client.preferredLanguage))));
      serviceSelect.disabled = !this.choice.domain;
      serviceSelect.value = inDomain.some(s => s.id === this.choice.serviceId) ? String(this.choice.serviceId) : '';
      if (!serviceSelect.value) {
        this.choice.serviceId = inDomain.length === 1 ? inDomain[0].id : null;
        serviceSelect.value = this.choice.serviceId ? String(this.choice.serviceId) : '';
      }
    };
    const fillModes = () => {
      const service = this.service();
      const allowed = MODE_ORDER.filter(mode => !service || service.allowedModes.includes(mode));
      if (!allowed.includes(this.choice.mode)) {
        this.choice.mode = allowed[0];
      }
      modeBox.replaceChildren(h('fieldset', { class: 'choice-group', id: 'mode' },
        h('legend', { class: 'field-label' }, 'How the session is held'),
        allowed.map(mode => h('div', { class: 'choice choice-hinted' },
          h('input', { type: 'radio', name: 'mode', id: `mode-${mode}`, value: mode, 'aria-describedby': `mode-${mode}-hint`,
            'prop:checked': mode === this.choice.mode,
            'on:change': () => { this.choice.mode = mode; this.loadSlots(); } }),
          h('label', { for: `mode-${mode}` }, MODES[mode]),
          h('span', { class: 'field-hint choice-hint', id: `mode-${mode}-hint` }, MODE_HINTS[mode])))));
    };

    domainSelect.value = this.choice.domain;
    domainSelect.addEventListener('change', () => {
      this.choice.domain = domainSelect.value;
      fillServices();
      fillModes();
      this.loadSlots();
    });
    serviceSelect.addEventListener('change', () => {
      this.choice.serviceId = serviceSelect.value ? Number(serviceSelect.value) : null;
      fillModes();
      this.loadSlots();
    });
    officeSelect.value = String(this.choice.officeId ?? '');
    officeSelect.addEventListener('change', () => {
      this.choice.officeId = Number(officeSelect.value);
      this.loadSlots();
    });
    fillServices();
    fillModes();

    const language = LANGUAGES[this.client.preferredLanguage] ?? this.client.preferredLanguage;
    this.stage.replaceChildren(
      this.problems,
      h('div', { class: 'book-choose' },
        h('div', { class: 'form' },
          field('domain', 'Need', null, domainSelect),
          field('service', 'Service', `Names in English and in the client\u2019s language (${language})`, serviceSelect),
          modeBox,
          field('office', 'SSO where the session is held', 'The client\u2019s own SSO first, then the nearest', officeSelect)),
        this.times));
    if (this.choice.serviceId) {
      this.loadSlots({ focus });
    } else {
      this.times.replaceChildren(h('p', { class: 'lede' }, 'Choose the need and the service to see free times.'));
    }
    if (focus === 'domain') {
      domainSelect.focus();
    }
  }

  service() {
    return this.services.find(s => s.id === this.choice.serviceId) ?? null;
  }

  async loadSlots({ focus } = {}) {
    const { serviceId, mode, officeId } = this.choice;
    if (!serviceId || !officeId) {
      this.times.replaceChildren(h('p', { class: 'lede' }, 'Choose the need and the service to see free times.'));
      return;
    }
    this.times.replaceChildren(h('p', { class: 'lede' }, 'Looking for free times\u2026'));
    const ticket = ++this.loadTicket;
    try {
      const [found, advisors] = await Promise.all([
        get('api/slots', { query: { service: serviceId, office: officeId, mode, client: this.client.id, limit: 500 } }),
        get('api/advisors', { query: { service: serviceId, size: 200 } }).catch(() => ({ body: { items: [] } })),
      ]);
      if (this.left || ticket !== this.loadTicket) {
        return;  // the officer changed something meanwhile; that answer is on its way
      }
      advisors.body.items.forEach(advisor => {
        this.languagesOf[advisor.id] = advisor.languages;
        this.advisorNames[advisor.id] = advisor.displayName;
      });
      this.slots = found.body.slots;
      this.slots.forEach(slot => {
        if (slot.room) {
          this.roomNames[slot.room.id] = slot.room.name;
        }
      });
    } catch (error) {
      if (error.status === 401 || this.left) {
        return;
      }
      this.times.replaceChildren(alert('danger', 'Free times could not be found', error.message));
      return;
    }
    const days = nextDays(DAYS);
    if (!this.choice.day || !this.slots.some(slot => dayOf(slot) === this.choice.day)) {
      this.choice.day = days.find(day => this.slots.some(slot => dayOf(slot) === day)) ?? days[0];
    }
    this.drawTimes(days);
    this.say(`${this.slots.length} free times in the next two weeks.`);
    if (focus === 'times') {
      this.times.querySelector('.time-button, .day-button[aria-pressed="true"]')?.focus();
    }
  }

  drawTimes(days, { focusDay = false } = {}) {
    const strip = h('div', { class: 'date-strip', role: 'group', 'aria-labelledby': 'days-label' },
      days.map(day => {
        const count = this.slots.filter(slot => dayOf(slot) === day).length;
        return h('button', { type: 'button', class: 'day-button', id: `day-${day}`, 'aria-pressed': String(day === this.choice.day),
          'on:click': () => {
            this.choice.day = day;
            this.drawTimes(days, { focusDay: true });
            this.say(`${DAY_LONG.format(noon(day))}: ${count ? `${count} free times` : 'no free times'}`);
          } },
        h('span', { class: 'day-name' }, DAY_SHORT.format(noon(day))),
        h('span', { class: 'day-count' }, count ? `${count} free` : 'None free'));
      }));
    const today = this.slots.filter(slot => dayOf(slot) === this.choice.day);
    this.times.replaceChildren(
      h('h2', { id: 'days-label' }, 'Free times'),
      strip,
      h('h3', { class: 'times-day', id: 'times-heading' }, DAY_LONG.format(noon(this.choice.day))),
      today.length ? h('ul', { class: 'time-list', 'aria-labelledby': 'times-heading' },
        today.map(slot => h('li', {}, this.slotButton(slot))))
        : h('p', {}, this.slots.length ? 'No free times on this day. Choose another day above.'
          : 'No free times in the next two weeks for this service, mode and SSO. Try another mode or SSO.'));
    if (focusDay) {
      strip.querySelector(`#day-${this.choice.day}`)?.focus();
    }
  }

  /** One free time: a single click holds it. */
  slotButton(slot) {
    const spoken = this.languagesOf[slot.advisor.id] ?? [];
    const languages = Object.keys(LANGUAGES).filter(code => spoken.includes(code)).map(code => LANGUAGES[code]).join(', ');
    return h('button', { type: 'button', class: 'time-button', 'on:click': event => this.holdSlot(slot, event.currentTarget) },
      h('span', { class: 'time-when' }, `${timeOf(slot.start)}\u2013${timeOf(slot.end)}`),
      h('span', { class: 'time-who' }, slot.advisor.name, languages ? ` (speaks ${languages})` : ''),
      h('span', { class: 'time-where' }, [slot.room?.name, MODES[slot.mode]].filter(Boolean).join(' \u00b7 ')));
  }

  // --- holding a time ---

  async holdSlot(slot, button) {
    if (button) {
      button.disabled = true;
    }
    const previous = this.hold;
    try {
      const { body } = await post('api/holds', {
        serviceId: this.choice.serviceId, officeId: slot.office.id, mode: slot.mode, start: slot.start,
        advisorId: slot.advisor.id, roomId: slot.room?.id ?? null, clientId: this.client.id,
      }, { headers: { 'Idempotency-Key': idempotencyKey() } });
      if (previous && previous.booking.id !== body.id) {
        del(`api/holds/${previous.booking.id}`).catch(() => {});  // the officer moved on to another time
      }
      // An alternative from a 409 names no room: the API chose one; say which.
      const held = { ...slot, room: body.roomId ? { id: body.roomId, name: this.roomNames[body.roomId] ?? slot.room?.name ?? 'An SSO room' } : null };
      this.hold = { booking: body, slot: held };
      this.showDetails({ fresh: true });
    } catch (error) {
      if (button) {
        button.disabled = false;
      }
      this.refused(error, slot);
    }
  }

  /** A refusal said for a person: a lost race offers the nearest free times, anything else the error summary. */
  async refused(error, slot) {
    if (error.status === 401 || this.left) {
      return;
    }
    if (error.status === 409 && ['slot-taken', 'slot-unavailable'].includes(error.type)) {
      let alternatives = Array.isArray(error.extras.alternatives)
        ? error.extras.alternatives.map(alternative => this.asSlot(alternative, slot)) : null;
      if (!alternatives || !alternatives.length) {
        alternatives = await this.nearestFreeTimes(slot);
      }
      this.showAlternatives(alternatives);
      return;
    }
    const summary = errorSummary(error.violations.length
      ? error.violations.map(v => ({ message: `${v.field}: ${v.message}` }))
      : [{ message: error.message }]);
    (this.problems?.isConnected ? this.problems : this.stage).prepend(summary);
    summary.focus();
  }

  /** A 409's alternative ({start, mode, advisorId}) as a slot like slot search's, at the office of the one taken. */
  asSlot(alternative, taken) {
    if (alternative.advisor) {
      return alternative;
    }
    const minutes = this.service()?.durationMinutes ?? Math.round((Date.parse(taken.end) - Date.parse(taken.start)) / 60_000);
    return {
      start: alternative.start,
      end: new Date(Date.parse(alternative.start) + minutes * 60_000).toISOString(),
      mode: alternative.mode,
      office: taken.office,
      advisor: { id: alternative.advisorId,
        name: this.advisorNames[alternative.advisorId] ?? (alternative.advisorId === taken.advisor.id ? taken.advisor.name : 'Another advisor') },
      room: null,
    };
  }

  /** When the API offered none: the free times nearest to the one that was taken, found afresh. */
  async nearestFreeTimes(slot) {
    try {
      const { body } = await get('api/slots', { query: { service: this.choice.serviceId, office: slot.office.id,
        mode: slot.mode, client: this.client.id, limit: 500 } });
      const wanted = Date.parse(slot.start);
      return body.slots.filter(s => s.start !== slot.start)
        .sort((a, b) => Math.abs(Date.parse(a.start) - wanted) - Math.abs(Date.parse(b.start) - wanted))
        .slice(0, 5).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    } catch (ignored) {
      return [];
    }
  }

  showAlternatives(alternatives) {
    this.stopCountdown();
    this.hold = null;
    const heading = h('h2', { tabindex: '-1', id: 'taken-heading' }, 'This time was just taken \u2014 here are the nearest free times');
    this.stage.replaceChildren(h('div', { class: 'taken', id: 'taken' },
      heading,
      h('p', {}, 'Another booking got there first. Nothing was booked for this client yet. Pick one of these times to hold it.'),
      alternatives.length
        ? h('ul', { class: 'time-list', id: 'alternatives' }, alternatives.map(slot => h('li', {},
          h('button', { type: 'button', class: 'time-button', 'on:click': event => this.holdSlot(slot, event.currentTarget) },
            h('span', { class: 'time-when' }, `${DAY_SHORT.format(new Date(slot.start))}, ${timeOf(slot.start)}\u2013${timeOf(slot.end)}`),
            h('span', { class: 'time-who' }, slot.advisor.name),
            h('span', { class: 'time-where' }, [slot.office.name, slot.room?.name, MODES[slot.mode]].filter(Boolean).join(' \u00b7 '))))))
        : h('p', {}, 'There are no other free times close to it.'),
      h('p', {}, h('button', { type: 'button', class: 'link-button', id: 'see-all-times',
        'on:click': () => this.showChoose({ focus: 'times' }) }, 'See all free times'))));
    heading.focus();
  }

  // --- step 2: the held time, referral note and consent ---

  showDetails({ fresh = false, focus = 'heading' } = {}) {
    const { booking, slot } = this.hold;
    const heading = h('h2', { tabindex: '-1', id: 'held-heading' }, 'Time held for this client');
    this.countdown = h('span', { class: 'countdown', id: 'countdown' });
    this.holdState = h('div', { id: 'hold-state' });
    const note = h('textarea', { id: 'referralNote', class: 'native-textarea', rows: 5, maxlength: 1000,
      'aria-describedby': 'referralNote-hint' });
    note.value = this.note;
    const consent = h('input', { type: 'checkbox', id: 'consentToShare', 'prop:checked': this.consent });
    // Kept as typed: holding the time again redraws this step, and nothing typed may be lost.
    note.addEventListener('input', () => { this.note = note.value; });
    consent.addEventListener('change', () => { this.consent = consent.checked; });
    this.problems = h('div');
    const form = h('form', { class: 'form', id: 'details-form' },
      h('div', {},
        h('label', { for: 'referralNote', class: 'field-label' }, 'Referral note (optional)'),
        h('p', { class: 'field-hint', id: 'referralNote-hint' }, 'What the advisor should know before the session. At most 1,000 characters.'),
        note),
      h('div', { class: 'choice' }, consent,
        h('label', { for: 'consentToShare' }, 'The client agrees that the partner may read this note')),
      h('div', { class: 'actions' },
        h('sgds-button', { type: 'submit', variant: 'primary', id: 'continue' }, 'Continue'),
        h('button', { type: 'button', class: 'link-button', id: 'other-time', 'on:click': () => this.otherTime() },
          'Choose another time')));
    form.addEventListener('submit', event => {
      event.preventDefault();
      this.note = note.value;
      this.consent = consent.checked;
      this.showCheck();
    });
    this.stage.replaceChildren(this.problems,
      h('div', { class: 'held-panel', id: 'held', 'data-hold': booking.id },
        heading,
        h('p', { class: 'held-slot' }, describe(slot)),
        h('p', {}, 'Held for ', this.countdown, ' (minutes:seconds). Nobody else can take it meanwhile.'),
        this.holdState),
      form);
    this.startCountdown(booking.holdExpiresAt);
    if (focus === 'note') {
      note.focus();
    } else if (focus === 'consent') {
      consent.focus();
    } else {
      heading.focus();
    }
    if (fresh) {
      this.say(`Time held: ${describe(slot)}.`);
    }
  }

  startCountdown(expiresAt) {
    this.stopCountdown();
    const ends = Date.parse(expiresAt);
    let warned = ends - Date.now() <= 60_000;
    const tick = () => {
      // Up, not to the nearest second, and lapsed only once the time has passed: rounding said "00:00" and offered
      // "hold again" up to half a second early, while the server still held the time, and the officer's own hold
      // then read as "just taken".
      const msLeft = ends - Date.now();
      const left = Math.max(0, Math.ceil(msLeft / 1000));
      if (this.countdown) {
        this.countdown.textContent = `${String(Math.floor(left / 60)).padStart(2, '0')}:${String(left % 60).padStart(2, '0')}`;
      }
      if (!warned && left <= 60) {
        warned = true;
        this.say('One minute left on the hold.');
      }
      if (msLeft <= 0) {
        this.stopCountdown();
        this.lapsed();
      }
    };
    tick();
    const timer = setInterval(tick, 250);
    this.countdownTimer = timer;
    this.timers.add(timer);
  }

  stopCountdown() {
    if (this.countdownTimer) {
      clearInterval(this.countdownTimer);
      this.timers.delete(this.countdownTimer);
      this.countdownTimer = null;
    }
  }

  /** The hold ran out: say so, keep what was typed, and offer the same time again. */
  lapsed() {
    if (!this.holdState?.isConnected) {
      return;
    }
    this.hold.lapsed = true;
    this.countdown.textContent = '00:00';
    this.holdState.replaceChildren(h('div', { class: 'hold-lapsed', id: 'hold-lapsed' },
      h('p', { class: 'field-error' }, 'The hold has run out. The time may still be free: hold it again, or carry on and it is booked if nobody took it.'),
      h('button', { type: 'button', class: 'secondary-button', id: 'hold-again',
        'on:click': event => this.holdSlot(this.hold.slot, event.currentTarget) }, 'Hold this time again')));
    this.say('The hold has run out. You can hold the same time again.');
  }

  otherTime() {
    const held = this.hold;
    this.hold = null;
    if (held) {
      del(`api/holds/${held.booking.id}`).catch(() => {});
    }
    this.showChoose({ focus: 'times' });
  }

  // --- step 3: check answers ---

  showCheck() {
    const { slot } = this.hold;
    const service = this.service();
    const heading = h('h2', { tabindex: '-1', id: 'check-heading' }, 'Check the booking before confirming');
    this.problems = h('div');
    const change = (what, action) => h('button', { type: 'button', class: 'link-button', 'on:click': action },
      'Change', h('span', { class: 'visually-hidden' }, ` ${what}`));
    const toChoose = focus => () => this.showChoose({ focus });
    const rows = [
      ['Client', `${this.client.name} (${LANGUAGES[this.client.preferredLanguage] ?? ''}, ${maskMobile(this.client.mobile)})`, null],
      ['Service', serviceName(service, this.client.preferredLanguage), toChoose('domain')],
      ['How', MODES[slot.mode], toChoose('times')],
      ['SSO', slot.office.name, toChoose('times')],
      ['Date and time', `${DAY_LONG.format(new Date(slot.start))}, ${timeOf(slot.start)}\u2013${timeOf(slot.end)} (Singapore time)`, toChoose('times')],
      ['Advisor', slot.advisor.name, toChoose('times')],
      ['Room', slot.room?.name ?? 'None (the client joins from home)', toChoose('times')],
      ['Referral note', this.note.trim() || 'None', () => this.showDetails({ focus: 'note' })],
      ['Partner may read the note', this.consent ? 'Yes, the client agreed' : 'No', () => this.showDetails({ focus: 'consent' })],
    ];
    const confirm = h('sgds-button', { variant: 'primary', id: 'confirm', 'on:click': () => this.confirm(confirm) }, 'Confirm booking');
    this.stage.replaceChildren(this.problems, heading,
      h('dl', { class: 'summary-list', id: 'check-answers' }, rows.map(([term, value, action]) => h('div', { class: 'summary-row' },
        h('dt', {}, term), h('dd', {}, value), h('dd', { class: 'summary-change' }, action ? change(term.toLowerCase(), action) : '')))),
      this.hold.lapsed ? h('p', {}, 'The hold has run out: confirming books the time if it is still free.') : '',
      h('div', { class: 'actions' }, confirm,
        h('button', { type: 'button', class: 'link-button', id: 'back-to-details', 'on:click': () => this.showDetails() }, 'Back')));
    heading.focus();
  }

  async confirm(button) {
    button.loading = true;
    try {
      const { body } = await post('api/bookings', {
        holdId: this.hold.booking.id, referralNote: this.note.trim() || null, consentToShare: this.consent,
      }, { headers: { 'Idempotency-Key': idempotencyKey() } });
      this.showBooked(body);
    } catch (error) {
      button.loading = false;
      this.refused(error, this.hold.slot);
    }
  }

  // --- step 4: booked ---

  showBooked(booking) {
    this.stopCountdown();
    const { slot } = this.hold;
    const language = LANGUAGES[this.client.preferredLanguage] ?? this.client.preferredLanguage;
    const heading = page(this.main, 'Booked', { focus: false });
    heading.id = 'booked-heading';
    this.statuses = h('ul', { class: 'notification-list', id: 'notifications', 'aria-live': 'polite' },
      h('li', {}, 'Waiting for the first message to go out\u2026'));
    this.main.append(this.live,
      h('div', { class: 'confirmation-panel', id: 'booked' },
        h('p', { class: 'confirmation-when' }, describe(slot)),
        h('p', {}, `Booking reference ${booking.id}`)),
      h('h2', {}, 'What happens next'),
      h('ul', {},
        h('li', {}, `The client gets a confirmation text in ${language}${booking.mode === 'VIDEO_REMOTE' ? ' with the video link' : ''}, and a reminder before the session.`),
        h('li', {}, booking.mode === 'VIDEO_REMOTE' ? 'The client joins the video call from home at the time above.'
          : `The client comes to ${slot.office.name} a few minutes early and checks in at the counter.`),
        h('li', {}, 'The advisor sees the booking', this.consent ? ' and the referral note.' : '; the referral note stays with SSO staff.')),
      h('h2', {}, 'Booking'),
      h('dl', { class: 'details' },
        [['Client', this.client.name], ['Service', serviceName(this.service(), this.client.preferredLanguage)],
          ['How', MODES[booking.mode]], ['SSO', slot.office.name],
          ['Date and time', `${DAY_LONG.format(new Date(booking.start))}, ${timeOf(booking.start)}\u2013${timeOf(booking.end)} (Singapore time)`],
          ['Advisor', slot.advisor.name], ['Room', slot.room?.name ?? 'None'],
          ['Referral note', booking.referralNote || 'None'], ['Partner may read the note', booking.consentToShare ? 'Yes' : 'No']]
          .map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
      h('h2', { id: 'receives-heading' }, 'What the client will receive'),
      h('p', {}, `Texts go to ${maskMobile(this.client.mobile)} in ${language}${this.client.email ? `; a calendar invitation to ${this.client.email}` : ''}.`),
      this.statuses,
      h('div', { class: 'actions' },
        h('sgds-button', { variant: 'primary', href: link('book', { client: this.client.id }), id: 'book-another' }, 'Book another session'),
        h('a', { href: link(`clients/${this.client.id}`) }, `Back to ${this.client.name}`)));
    heading.focus();
    this.pollNotifications(booking.id);
  }

  pollNotifications(bookingId) {
    const until = Date.now() + POLL_FOR_SECONDS * 1000;
    let last = '';
    const poll = async () => {
      try {
        const { body } = await get(`api/bookings/${bookingId}/notifications`);
        if (this.left) {
          return;
        }
        const items = body.map(n => h('li', { class: 'notification' },
          h('span', {}, `${KINDS[n.kind] ?? n.kind} to ${n.recipient}: `),
          h('strong', { class: `notification-status status-${statusOf(n).tone}` }, statusOf(n).text),
          smsPreview(n)));
        const text = items.map(item => item.textContent).join('|');
        if (text !== last && items.length) {
          last = text;
          this.statuses.replaceChildren(...items);
        }
      } catch (ignored) {
        // a missed poll is tried again in a few seconds
      }
      if (Date.now() > until) {
        clearInterval(timer);
        this.timers.delete(timer);
      }
    };
    const timer = setInterval(poll, POLL_SECONDS * 1000);
    this.timers.add(timer);
    poll();
  }
}

const KINDS = {
  CONFIRMATION: 'Confirmation text', REMINDER: 'Reminder text', RESCHEDULED: 'Text about the new time',
  CANCELLED: 'Cancellation text', WAITLIST_OFFER: 'Waitlist offer text', INVITE: 'Calendar invitation by email',
  INVITE_CANCEL: 'Calendar cancellation by email',
};

/**
 * The text as the client reads it, in their language (marked with lang, so a screen reader switches voice); the
 * API shows a video link as "[video link]".
 */
export function smsPreview(n) {
  return n.text ? h('p', { class: 'sms-preview', lang: LANGUAGE_KEYS[n.language] ?? 'en' }, n.text) : null;
}

/** A message's state in words, the provider's delivery report first. */
function statusOf(n) {
  if (n.delivery === 'DELIVERED') return { text: 'Delivered', tone: 'good' };
  if (n.delivery === 'UNDELIVERED' || n.delivery === 'FAILED' || n.status === 'FAILED') return { text: 'Not delivered', tone: 'bad' };
  if (n.status === 'SENT') return { text: 'Sent', tone: 'good' };
  if (n.status === 'SKIPPED') return { text: 'Not sent (not needed, or the client opted out)', tone: 'neutral' };
  if (n.status === 'PENDING' && n.dueAt && Date.parse(n.dueAt) > Date.now() + 60_000) {
    return { text: `Due ${DAY_SHORT.format(new Date(n.dueAt))} ${timeOf(n.dueAt)}`, tone: 'neutral' };
  }
  return { text: 'Sending', tone: 'neutral' };
}

function field(id, label, hint, control) {
  return h('div', {},
    h('label', { for: id, class: 'field-label' }, label),
    hint ? h('p', { class: 'field-hint', id: `${id}-hint` }, hint) : null,
    control);
}

/** "Career coaching — Bimbingan kerjaya": English for the officer, the client's language beside it. */
function serviceName(service, language) {
  if (!service) {
    return '';
  }
  const own = service.name[LANGUAGE_KEYS[language]];
  return own && own !== service.name.en ? `${service.name.en} \u2014 ${own}` : service.name.en;
}

/** The client's own office first, then the others by distance from it (great-circle, in the browser). */
function byDistance(offices, homeId) {
  const home = offices.find(office => office.id === homeId);
  const withDistance = offices.map(office => ({ ...office,
    home: office.id === homeId,
    km: home ? haversineKm(home, office) : null }));
  return withDistance.sort((a, b) => (b.home - a.home) || ((a.km ?? 0) - (b.km ?? 0)) || a.name.localeCompare(b.name));
}

function officeLabel(office) {
  if (office.home) {
    return `${office.name} (the client\u2019s own SSO)`;
  }
  return office.km === null ? office.name : `${office.name} (${office.km < 10 ? office.km.toFixed(1) : Math.round(office.km)} km away)`;
}

function haversineKm(a, b) {
  const rad = degrees => degrees * Math.PI / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(s));
}

/** The next n days in Singapore, as YYYY-MM-DD. */
function nextDays(n) {
  const days = [];
  const now = Date.now();
  for (let i = 0; i < n; i++) {
    days.push(DAY_KEY.format(new Date(now + i * 86_400_000)));
  }
  return days;
}

/** Noon of a Singapore day, for formatting it (no daylight saving in Singapore). */
function noon(day) {
  return new Date(`${day}T12:00:00+08:00`);
}

/** The API gives slots in Singapore time ("2026-12-07T14:00:00+08:00"): the date and time are read off it. */
function dayOf(slot) {
  return DAY_KEY.format(new Date(slot.start));
}

function timeOf(instant) {
  return new Intl.DateTimeFormat('en-SG', { timeZone: 'Asia/Singapore', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(instant));
}

function describe(slot) {
  return `${DAY_LONG.format(new Date(slot.start))}, ${timeOf(slot.start)}\u2013${timeOf(slot.end)} Singapore time, `
    + `${MODES[slot.mode].replace(/^./, c => c.toLowerCase())} at ${slot.office.name}, with ${slot.advisor.name}${slot.room ? ` in ${slot.room.name}` : ''}`;
}

/** A fresh key per attempt: a retried request (the network dropped the answer) gets the same hold or booking back. */
function idempotencyKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  return [...crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, '0')).join('');
}
