// One session as the partner agency sees it (GET /api/bookings/{id}, scoped to the agency's advisors): when, what,
// how and where, the client's first name and language (never their NRIC or mobile: the API does not send them), the
// referral note only where the client consented (the API withholds it otherwise, and the screen says so in words),
// the video link for a video session, and starting and completing it. Every change sends the ETag read with the
// session as If-Match; a 412 reloads it, says so, and keeps the outcome and note the advisor entered.

import { get, post } from '../api.js';
import { mayComplete, mayStart, modeWords, OUTCOMES, statusBadge, statusWords } from '../bookings.js';
import { link } from '../router.js';
import { errorSummary, h, markField, outcome, page, submitOnEnter, valueOf } from '../ui.js';
import { names, sessionTime } from './booking-detail.js';
import { notFound } from './home.js';

const LANGUAGES = { EN: 'English', ZH: 'Chinese', MS: 'Malay', TA: 'Tamil' };

export async function render(main, context) {
  const id = context.params.id;
  const name = names();
  let state;
  try {
    state = await load(id, name);
  } catch (error) {
    if (error.status === 404 || error.status === 400) {
      notFound.render(main, context);  // another agency's session: nothing about it, not even that it exists
      return;
    }
    throw error;
  }
  page(main, `Session with ${state.booking.client.firstName ?? 'a client'}`);
  const notice = h('div', { id: 'notice' });
  const details = h('section', { 'aria-labelledby': 'details-title' });
  const actions = h('div', { id: 'session-actions' });
  main.append(notice, details, actions,
    h('p', {}, h('a', { href: link('sessions', { week: state.booking.start.slice(0, 10) }) }, 'Back to the week')));
  let typed = null;  // what the advisor entered in the outcome form, kept across a reload

  function draw() {
    details.replaceChildren(...detailsOf(state));
    actions.replaceChildren(...actionsOf());
  }

  async function reload() {
    state = await load(id, name);
    draw();
  }

  function tell(variant, title, ...body) {
    outcome(notice, variant, title, ...body);
  }

  async function stale(youChose) {
    await reload();
    tell('warning', 'Someone else changed this session since you opened it',
      h('span', {}, `It now reads: ${statusWords(state.booking.status)}. `),
      h('span', { id: 'you-chose' }, `You chose: ${youChose}. `),
      h('span', {}, 'Nothing was changed. Check the session below, then try again if it is still right.'));
  }

  function actionsOf() {
    const booking = state.booking;
    const parts = [];
    if (mayStart(booking)) {
      parts.push(h('div', { class: 'actions' },
        h('sgds-button', { variant: 'primary', id: 'start', 'on:click': start }, 'Start the session')));
    } else if (booking.status === 'BOOKED') {
      parts.push(h('p', { class: 'field-hint', id: 'wait-for-check-in' }, 'The SSO checks the client in when they '
        + 'arrive; then you can start the session and record how it went.'));
    }
    if (mayComplete(booking)) {
      parts.push(outcomeForm());
    }
    return parts;
  }

  async function start(event) {
    const button = event.currentTarget;
    button.loading = true;
    try {
      await post(`api/bookings/${id}/start`, undefined, { ifMatch: state.etag });
      await reload();
      tell('success', 'Session started', 'Record how it went when you finish.');
    } catch (error) {
      if (error.status === 412) {
        await stale('start the session');
      } else if (error.status !== 401) {
        tell('danger', 'The session could not be started', error.message);
      }
    } finally {
      button.loading = false;
    }
  }

  function outcomeForm() {
    const problems = h('div');
    const choices = h('fieldset', { class: 'choice-group', id: 'outcomes' },
      h('legend', { class: 'field-label' }, 'How did it go?'),
      Object.entries(OUTCOMES).map(([code, words]) => h('div', { class: 'choice' },
        h('input', { type: 'radio', name: 'outcome', id: `outcome-${code}`, value: code,
          checked: typed?.outcome === code ? true : undefined }),
        h('label', { for: `outcome-${code}` }, words))));
    const note = h('sgds-input', { label: 'Note', id: 'outcome-note', name: 'note', placeholder: '',
      hintText: 'Needed for "Referred on": to whom. At most 500 characters.', value: typed?.note ?? '' });
    const save = h('sgds-button', { type: 'submit', variant: 'primary', id: 'complete' }, 'Complete the session');
    const form = h('form', { class: 'form form-wide', 'aria-labelledby': 'outcome-title' },
      h('h2', { id: 'outcome-title' }, 'Record the outcome'), problems, choices, note,
      h('div', { class: 'actions' }, save));
    submitOnEnter(form);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      problems.replaceChildren();
      markField(note, null);
      const picked = choices.querySelector('input:checked')?.value;
      typed = { outcome: picked, note: valueOf(note) };
      if (!picked) {
        refuse(problems, choices.querySelector('input'), null, 'Choose how the session went');
        return;
      }
      if (picked === 'REFERRED_ON' && !typed.note) {
        refuse(problems, note, note, 'Say in the note where the client was referred on to');
        return;
      }
      save.loading = true;
      try {
        await post(`api/bookings/${id}/complete`, { outcome: picked, note: typed.note || null }, { ifMatch: state.etag });
        typed = null;
        await reload();
        tell('success', 'Session completed', `Outcome: ${OUTCOMES[picked]}. The SSO sees it on the booking.`);
      } catch (error) {
        if (error.status === 412) {
          await stale(`${OUTCOMES[picked]}${typed.note ? `, \u201c${typed.note}\u201d` : ''}`);
        } else if (error.status === 400 && error.fieldErrors.note) {
          refuse(problems, note, note, `Note: ${error.fieldErrors.note}`);
        } else if (error.status !== 401) {
          tell('danger', 'The session could not be completed', error.message);
        }
      } finally {
        save.loading = false;
      }
    });
    return form;
  }

  draw();
}

function refuse(problems, target, field, message) {
  markField(field, message);
  problems.replaceChildren(errorSummary([{ message, target }]));
  problems.firstChild.focus();
}

async function load(id, name) {
  const answer = await get(`api/bookings/${encodeURIComponent(id)}`);
  const booking = answer.body;
  const [service, office, advisor, room] = await Promise.all([
    name('services', booking.serviceId, s => s.name?.en ?? s.code),
    name('offices', booking.officeId, o => o.name),
    name('advisors', booking.advisorId, a => a.displayName),
    name('rooms', booking.roomId, r => r.name),
  ]);
  return { booking, etag: answer.etag, service, office, advisor, room };
}

function detailsOf({ booking, service, office, advisor, room }) {
  const video = booking.mode !== 'IN_PERSON';
  return [
    h('h2', { id: 'details-title', class: 'visually-hidden' }, 'The session'),
    h('dl', { class: 'details', id: 'session-details' },
      row('Status', statusBadge(booking.status, { id: 'status' })),
      row('When', sessionTime(booking.start, booking.end)),
      row('Service', service),
      row('Advisor', advisor),
      row('How', modeWords(booking.mode)),
      booking.mode === 'VIDEO_REMOTE' ? null : row('Where', [office, room ? `, ${room}` : '']),
      video ? row('Video link', booking.videoLink
        ? h('a', { href: booking.videoLink, target: '_blank', rel: 'noopener noreferrer', id: 'video-link' },
          'Start the video call (opens in a new tab)')
        : 'Not ready yet') : null,
      row('Client', `${booking.client.firstName ?? 'Not known'}${booking.client.language
        ? `, reads ${LANGUAGES[booking.client.language] ?? booking.client.language}` : ''}`),
      row('Referral note', h('span', { id: 'referral-note' }, booking.consentToShare
        ? booking.referralNote || 'None'
        : 'The client did not consent to share the referral note')),
      booking.outcome ? row('Outcome', h('span', { id: 'outcome-recorded' }, OUTCOMES[booking.outcome] ?? booking.outcome,
        booking.outcomeNote ? `: ${booking.outcomeNote}` : '')) : null,
      row('Booking number', String(booking.id))),
  ];
}

function row(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}
