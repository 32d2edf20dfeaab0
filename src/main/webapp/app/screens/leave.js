// Leave and closures (issue 15, partner agency): an advisor's leave (/api/advisors/{id}/blackouts) or the whole
// agency's closure (/api/agencies/{id}/closures). The form shows first which sessions the time away would hit
// (POST …/impact stores nothing), then saves. Each booking it hits is then moved in one action to a free time of the
// same agency (GET /api/bookings/{id}/alternatives, the same advisor first; POST …/reschedule with If-Match: the client
// gets the new time by text, the advisor a new invitation) or cancelled with a reason. Existing leave is listed and
// can be withdrawn (DELETE with If-Match; 412 when someone changed it meanwhile).
// #/agency/leave?advisor=ID for an advisor, ?agency=ID for a closure (an admin picks the agency; a partner has one).

import { del, get, post } from '../api.js';
import { modeWords, statusWords } from '../bookings.js';
import { go, link } from '../router.js';
import { alert, errorSummary, h, markField, outcome, page, submitOnEnter, valueOf } from '../ui.js';
import { names, sessionTime, table } from './booking-detail.js';
import { notFound } from './home.js';

export async function render(main, context) {
  const { query, session } = context;
  const name = names();
  let owner;
  try {
    owner = await ownerOf(query, session);
  } catch (error) {
    if (error.status === 404 || error.status === 400) {
      notFound.render(main, context);  // another agency's advisor reads as one that does not exist
      return;
    }
    throw error;
  }
  if (!owner) {
    await chooseAgency(main);
    return;
  }
  const { agency, advisor, advisors } = owner;
  const ownAdvisors = new Set(advisors.map(a => a.id));
  const base = advisor ? `api/advisors/${advisor.id}/blackouts` : `api/agencies/${agency.id}/closures`;
  const whose = advisor ? `${advisor.displayName}\u2019s leave` : `${agency.name} closed`;

  page(main, 'Leave and closures');
  const notice = h('div', { id: 'notice' });
  const existing = h('section', { 'aria-labelledby': 'existing-title', id: 'existing' });
  const affected = h('section', { 'aria-labelledby': 'affected-title', id: 'affected', hidden: true });
  main.append(h('p', { class: 'lede' }, 'Time away of an advisor, or of the whole agency. Linkup shows which sessions '
    + 'it hits before you save; afterwards move each one to another time or cancel it.'),
  picker(agency, advisor, advisors), notice, affected, entryForm(), existing);
  await drawExisting();

  function tell(variant, title, ...body) {
    outcome(notice, variant, title, ...body);
  }

  /** The leave already entered, each with the sessions still inside it, and a way to withdraw it. */
  async function drawExisting() {
    const items = (await get(base)).body;
    const rows = await Promise.all(items.map(async item => {
      const [one, impact] = await Promise.all([get(`${base}/${item.id}`),
        post(`${base}/impact`, { start: item.start, end: item.end, reason: item.reason })]);
      return { item, etag: one.etag, hits: impact.body.collisions.filter(c => !c.hold) };
    }));
    const title = h('h2', { id: 'existing-title' }, advisor ? `${advisor.displayName}\u2019s leave` : 'Closures of the agency');
    if (!rows.length) {
      existing.replaceChildren(title, h('p', {}, advisor ? 'No leave entered.' : 'No closure entered.'));
      return;
    }
    existing.replaceChildren(title, table('existing-table', 'existing-title', ['From', 'To', 'Reason', 'Sessions in it', ''],
      rows.map(({ item, etag, hits }) => [sessionTime(item.start), sessionTime(item.end), item.reason,
        hits.length ? h('button', { type: 'button', class: 'link-button', id: `show-${item.id}`,
          'on:click': () => drawAffected(hits, `Sessions in the leave from ${sessionTime(item.start)}`) },
        `${hits.length} to move or cancel`) : 'None',
        h('sgds-button', { variant: 'outline', size: 'sm', id: `withdraw-${item.id}`,
          'on:click': event => withdraw(item, etag, event.currentTarget) }, 'Withdraw')])));
  }

  async function withdraw(item, etag, button) {
    button.loading = true;
    try {
      await del(`${base}/${item.id}`, { ifMatch: etag });
      await drawExisting();
      tell('success', 'Withdrawn', `${sessionTime(item.start)} to ${sessionTime(item.end)} (${item.reason}) is `
        + 'withdrawn; those times can be booked again.');
    } catch (error) {
      if (error.status === 401) {
        return;
      }
      await drawExisting();
      tell('warning', error.status === 412 ? 'Someone else changed this leave since you opened the page'
        : 'It could not be withdrawn', error.status === 412
        ? 'Nothing was withdrawn. The list below shows it as it is now; withdraw it again if it is still right.'
        : error.message);
    } finally {
      button.loading = false;
    }
  }

  /** From, to, reason; "Check the impact" first, and "Save" only for what was checked. */
  function entryForm() {
    const problems = h('div');
    const start = h('sgds-input', { label: 'From', id: 'start', name: 'start', placeholder: '',
      hintText: 'Singapore time: a day (2026-12-21) or a day and time (2026-12-21 09:00)' });
    const end = h('sgds-input', { label: 'To', id: 'end', name: 'end', placeholder: '',
      hintText: 'A day alone means to the end of that day' });
    const reason = h('sgds-input', { label: 'Reason', id: 'reason', name: 'reason', placeholder: '',
      hintText: 'For example: annual leave, training. At most 200 characters.' });
    const check = h('sgds-button', { type: 'submit', variant: 'primary', id: 'check-impact' }, 'Check the impact');
    const preview = h('div', { id: 'impact' });
    const fields = { start, end, reason };
    const form = h('form', { class: 'form', 'aria-labelledby': 'entry-title' },
      h('h2', { id: 'entry-title' }, advisor ? `Enter leave for ${advisor.displayName}` : `Close ${agency.name}`),
      problems, start, end, reason, h('div', { class: 'actions' }, check), preview);
    submitOnEnter(form);
    let checked = null;  // the body whose impact is on screen
    form.addEventListener('input', () => {  // what was checked is no longer what is typed
      if (checked) {
        checked = null;
        preview.replaceChildren(h('p', { role: 'status' }, 'Changed: check the impact again before saving.'));
      }
    });

    function typed() {
      return { start: when(valueOf(start)), end: when(valueOf(end)), reason: valueOf(reason) };
    }

    function refused(error) {
      if (error.status === 401) {
        return;
      }
      const byField = error.fieldErrors;
      const listed = Object.keys(fields).filter(f => byField[f]).map(f => {
        const message = `${fields[f].getAttribute('label')}: ${byField[f]}`;
        markField(fields[f], message);
        return { message, target: fields[f] };
      });
      const summary = errorSummary(listed.length ? listed : [{ message: error.message }]);
      problems.replaceChildren(summary);
      summary.focus();
    }

    form.addEventListener('submit', async event => {
      event.preventDefault();
      Object.values(fields).forEach(field => markField(field, null));
      problems.replaceChildren();
      const body = typed();
      check.loading = true;
      try {
        const { body: impact } = await post(`${base}/impact`, body);
        checked = body;
        await drawImpact(impact);
      } catch (error) {
        preview.replaceChildren();
        refused(error);
      } finally {
        check.loading = false;
      }
    });

    async function drawImpact(impact) {
      const hits = await described(impact.collisions);
      const save = h('sgds-button', { variant: 'primary', id: 'save-leave', 'on:click': () => saveIt(save) },
        advisor ? 'Save the leave' : 'Save the closure');
      const heading = h('h3', { id: 'impact-title', tabindex: '-1' }, hits.length
        ? `This would hit ${hits.length === 1 ? '1 session' : `${hits.length} sessions`}`
        : 'This hits no booked session');
      preview.replaceChildren(h('div', { class: 'impact' }, heading,
        h('p', {}, `${whose} from ${sessionTime(impact.start)} to ${sessionTime(impact.end)}.`),
        hits.length ? h('ul', { id: 'impact-list' }, hits.map(hit => h('li', {}, hit.words))) : null,
        hits.length ? h('p', {}, 'After saving, move each booking to another time or cancel it. Nothing is changed '
          + 'for the clients until you do.') : null,
        h('div', { class: 'actions' }, save)));
      heading.focus();
    }

    async function saveIt(button) {
      if (!checked) {
        return;
      }
      button.loading = true;
      try {
        const { body: saved } = await post(base, checked);
        checked = null;
        preview.replaceChildren();
        Object.values(fields).forEach(field => { field.value = ''; });
        await drawExisting();
        const hits = saved.collisions.filter(c => !c.hold);
        tell('success', advisor ? 'Leave saved' : 'Closure saved', `${sessionTime(saved.start)} to `
          + `${sessionTime(saved.end)}: no new bookings are taken then. `
          + (hits.length ? `${hits.length === 1 ? '1 session needs' : `${hits.length} sessions need`} a new time or `
            + 'a cancellation: see below.' : ''));
        if (hits.length) {
          await drawAffected(hits, 'Sessions to move or cancel', { focus: false });
        }
      } catch (error) {
        refused(error);
      } finally {
        button.loading = false;
      }
    }
    return form;
  }

  /** Every booking the leave hits, each with its free times (own agency) to move to, or a reason to cancel. */
  async function drawAffected(collisions, title, { focus = true } = {}) {
    const heading = h('h2', { id: 'affected-title', tabindex: '-1' }, title);
    affected.hidden = false;
    affected.replaceChildren(heading, h('p', { role: 'status' }, 'Finding free times\u2026'));
    const cards = await Promise.all(collisions.map(c => card(c.bookingId)));
    affected.replaceChildren(heading, ...cards);
    if (focus) {
      heading.focus();
    }
  }

  const cards = new Map();  // booking id → its box, while shown

  async function card(bookingId) {
    const box = h('section', { class: 'affected', id: `affected-${bookingId}`, 'aria-labelledby': `b-${bookingId}` });
    cards.set(bookingId, box);
    await fill(box, bookingId, null);
    return box;
  }

  /** A time one booking just took is no longer free for the others: their lists are read again (reasons kept). */
  async function refreshOthers(movedId) {
    await Promise.all([...cards].filter(([id, box]) => id !== movedId && box.isConnected && box.querySelector('form'))
      .map(([id, box]) => fill(box, id, null, null,
        { typedReason: valueOf(box.querySelector(`#cancel-reason-${id}`) ?? { value: '' }) })));
  }

  async function fill(box, bookingId, chosen, said, { done = false, typedReason = '' } = {}) {
    const { booking, etag, words } = await describedBooking(bookingId);
    const heading = h('h3', { id: `b-${bookingId}` }, words);
    const message = h('div', { class: 'card-outcome' });
    if (said) {
      message.append(alert(...said));
    }
    if (done || booking.status !== 'BOOKED') {  // moved out of the leave, cancelled, or under way
      box.replaceChildren(heading, message, h('p', {}, `Now: ${statusWords(booking.status)}. Nothing more to do.`));
      return;
    }
    let slots = [];
    try {
      slots = (await get(`api/bookings/${bookingId}/alternatives`, { query: { limit: 20 } })).body
        .filter(slot => ownAdvisors.has(slot.advisor.id)).slice(0, 6);
    } catch (error) {
      if (error.status === 401) {
        return;
      }
    }
    const problems = h('div');
    const choices = slots.length ? h('fieldset', { class: 'choice-group' },
      h('legend', { class: 'field-label' }, 'Free times of your agency (the same advisor first)'),
      slots.map((slot, i) => h('div', { class: 'choice' },
        h('input', { type: 'radio', name: `slot-${bookingId}`, id: `slot-${bookingId}-${i}`, value: String(i),
          checked: chosen && chosen.start === slot.start && chosen.advisor.id === slot.advisor.id ? true : undefined }),
        h('label', { for: `slot-${bookingId}-${i}` }, describeSlot(slot)))))
      : h('p', {}, 'Your agency has no free time for this service in the next two weeks: cancel it, and the SSO can '
        + 'offer the client another agency.');
    const move = slots.length ? h('sgds-button', { type: 'submit', variant: 'primary', id: `move-${bookingId}` },
      'Move to this time') : null;
    const moveForm = h('form', { class: 'form form-wide' }, problems, choices, move ? h('div', { class: 'actions' }, move) : null);
    const reason = h('sgds-input', { label: 'Or cancel it: why?', id: `cancel-reason-${bookingId}`, name: 'reason',
      placeholder: '', hintText: 'The SSO sees it on the booking; the client\u2019s text gives no reason. At most 200 characters.' });
    const cancel = h('sgds-button', { type: 'submit', variant: 'danger', id: `cancel-${bookingId}` }, 'Cancel the booking');
    const cancelForm = h('form', { class: 'form' }, reason, h('div', { class: 'actions' }, cancel));
    submitOnEnter(cancelForm);
    box.replaceChildren(heading, message, moveForm, cancelForm);
    if (typedReason) {
      queueMicrotask(() => { reason.value = typedReason; });  // nothing typed is lost (an SGDS field takes a value once in the page)
    }

    moveForm.addEventListener('submit', async event => {
      event.preventDefault();
      const picked = choices.querySelector?.('input:checked');
      if (!picked) {
        problems.replaceChildren(errorSummary([{ message: 'Choose a new time', target: choices.querySelector('input') }]));
        problems.firstChild.focus();
        return;
      }
      const slot = slots[Number(picked.value)];
      move.loading = true;
      try {
        const { body: moved } = await post(`api/bookings/${bookingId}/reschedule`, {
          start: slot.start, advisorId: slot.advisor.id, roomId: slot.room?.id ?? null, mode: slot.mode,
          officeId: slot.office.id,
        }, { ifMatch: etag });
        await settle(box, bookingId, null, ['success', 'Moved', `New time: ${sessionTime(moved.start, moved.end)}. `
          + 'The client gets a text with it, and the advisor a new calendar invitation.'], { done: true });
        await refreshOthers(bookingId);
      } catch (error) {
        if (error.status === 401) {
          return;
        }
        await settle(box, bookingId, error.status === 412 ? slot : null, error.status === 412
          ? ['warning', 'Someone else changed this booking meanwhile', `Nothing was moved. You chose ${describeSlot(slot)}; `
            + 'check the booking as it is now and move it again if that is still right.']
          : error.status === 409 ? ['warning', 'That time was just taken', 'Here are the free times now.']
            : ['danger', 'The booking could not be moved', error.message]);
      }
    });

    cancelForm.addEventListener('submit', async event => {
      event.preventDefault();
      markField(reason, null);
      const why = valueOf(reason);
      if (!why) {
        markField(reason, 'Enter why the session is cancelled');
        problems.replaceChildren(errorSummary([{ message: 'Enter why the session is cancelled', target: reason }]));
        problems.firstChild.focus();
        return;
      }
      cancel.loading = true;
      try {
        await post(`api/bookings/${bookingId}/cancel`, { reason: why }, { ifMatch: etag });
        await settle(box, bookingId, null, ['success', 'Cancelled', 'The client gets a text saying so, with your reason. '
          + 'The time is offered to the waitlist.']);
      } catch (error) {
        if (error.status === 401) {
          return;
        }
        await settle(box, bookingId, null, error.status === 412
          ? ['warning', 'Someone else changed this booking meanwhile', 'Nothing was cancelled. The booking above is '
            + 'as it is now, and your reason is kept below: cancel again if it is still right.']
          : ['danger', 'The booking could not be cancelled', error.message], { typedReason: why });
      }
    });
  }

  /** Redraws one booking as it is now, with what the action came to at its top (taking focus). */
  async function settle(box, bookingId, chosen, said, options) {
    await Promise.all([fill(box, bookingId, chosen, said, options), drawExisting()]);
    const message = box.querySelector('.card-outcome sgds-alert');
    if (message) {
      message.setAttribute('tabindex', '-1');
      message.focus();
    }
  }

  /** A collision in words: day, time, service, SSO, mode, and the client's first name (what a partner may see). */
  async function described(collisions) {
    return Promise.all(collisions.map(async c => {
      if (c.hold) {
        return { words: `${sessionTime(c.start, c.end)}: being booked at a counter right now (a hold; it lapses by itself)` };
      }
      return describedBooking(c.bookingId);
    }));
  }

  async function describedBooking(id) {
    const answer = await get(`api/bookings/${id}`);
    const b = answer.body;
    const [service, office, who] = await Promise.all([
      name('services', b.serviceId, s => s.name?.en ?? s.code),
      name('offices', b.officeId, o => o.name),
      name('advisors', b.advisorId, a => a.displayName),
    ]);
    const words = `${sessionTime(b.start, b.end)}: ${service}, ${office}, ${modeWords(b.mode, { lowerCase: true })}, `
      + `with ${who}, for ${b.client?.firstName ?? 'a client'} (${statusWords(b.status).toLowerCase()}, booking ${b.id})`;
    return { booking: b, etag: answer.etag, words };
  }
}

/** Whose time away: an advisor (?advisor=) or the agency (?agency=, a partner's own by default); 404 outside scope. */
async function ownerOf(query, session) {
  if (query.advisor) {
    const advisor = (await get(`api/advisors/${encodeURIComponent(query.advisor)}`)).body;
    const [agency, advisors] = await Promise.all([agencyOf(advisor.agencyId), advisorsOf(advisor.agencyId)]);
    return { agency, advisor, advisors };
  }
  const agencyId = query.agency ?? session.agencyId;
  if (!agencyId) {
    return null;
  }
  if (session.agencyId && String(session.agencyId) !== String(agencyId)) {
    throw { status: 404 };  // another agency's closures: as if there were no such agency (the API answers 404 too)
  }
  const [agency, advisors] = await Promise.all([agencyOf(agencyId), advisorsOf(agencyId)]);
  return { agency, advisor: null, advisors };
}

async function agencyOf(id) {
  return (await get(`api/agencies/${encodeURIComponent(id)}`)).body;
}

async function advisorsOf(agencyId) {
  return (await get('api/advisors', { query: { agency: agencyId, active: true, size: 200 } })).body.items;
}

/** An administrator first chooses the agency. */
async function chooseAgency(main) {
  page(main, 'Leave and closures');
  const agencies = (await get('api/agencies', { query: { size: 200 } })).body.items;
  main.append(h('p', { class: 'lede' }, 'Choose the partner agency whose leave or closures you want to see.'),
    h('ul', { id: 'agencies' }, agencies.map(a => h('li', {}, h('a', { href: link('agency/leave', { agency: a.id }) }, a.name)))));
}

/** The agency's advisors and the agency itself; choosing one opens its leave. */
function picker(agency, advisor, advisors) {
  const select = h('select', { id: 'whose', class: 'native-select', 'aria-describedby': 'whose-hint',
    'on:change': event => {
      const value = event.target.value;
      go('agency/leave', value === 'agency' ? { agency: agency.id } : { advisor: value });
    } },
  h('option', { value: 'agency', selected: !advisor || undefined }, `The whole agency (${agency.name} closed)`),
  advisors.map(a => h('option', { value: a.id, selected: advisor?.id === a.id || undefined }, a.displayName)));
  return h('div', { class: 'form' }, h('label', { for: 'whose', class: 'field-label' }, 'Whose time away'),
    h('p', { class: 'field-hint', id: 'whose-hint' }, 'An advisor\u2019s leave, or a closure of the whole agency'), select);
}

/** "2026-12-21 09:00" (as people type it) → "2026-12-21T09:00", a Singapore time the API takes; a day stays a day. */
export function when(text) {
  return text.replace(/^(\d{4}-\d\d-\d\d)[ T]+(\d{1,2}):?(\d\d)$/, (_, day, hour, minute) => `${day}T${hour.padStart(2, '0')}:${minute}`);
}

function describeSlot(slot) {
  return `${sessionTime(slot.start, slot.end)} \u2013 ${slot.advisor.name}, ${modeWords(slot.mode, { lowerCase: true })}`
    + `${slot.room ? `, ${slot.room.name}` : ''}, ${slot.office.name}`;
}
