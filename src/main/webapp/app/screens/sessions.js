// The partner agency's week: its advisors as rows, Monday to Sunday as columns, each session a link to its page
// (sessions/:id). One call for the week (GET /api/bookings?agency&from&to), one for the advisors. The week is in the
// address (?week=2026-12-07), so Back and a bookmark return to it; today's column says "Today" in words.

import { get } from '../api.js';
import { modeWords, statusBadge } from '../bookings.js';
import { go, link } from '../router.js';
import { agencyFor } from '../agency.js';
import { alert, h, page } from '../ui.js';

/** Sessions a partner plans around: holds, let-go holds and cancellations occupy nobody's week. */
const HIDDEN = ['HELD', 'RELEASED', 'CANCELLED'];

const DAY_HEAD = new Intl.DateTimeFormat('en-SG', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
const WEEK_DAY = new Intl.DateTimeFormat('en-SG', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short',
  year: 'numeric' });
const TIME = new Intl.DateTimeFormat('en-SG', { timeZone: 'Asia/Singapore', hour: 'numeric', minute: '2-digit' });
const SINGAPORE_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Singapore', year: 'numeric', month: '2-digit',
  day: '2-digit' });

/** Today in Singapore as 2026-12-07, whatever the computer's own time zone. */
export function singaporeToday(now = new Date()) {
  return SINGAPORE_DAY.format(now);
}

/** 2026-12-09 + 3 → 2026-12-12 (dates as text, counted in UTC so no zone shifts them). */
export function addDays(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the week the day is in. */
export function mondayOf(day) {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;  // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

export async function render(main, context) {
  const { query } = context;
  const today = singaporeToday();
  // A week typed into the address that is no real day (2026-13-45) falls back to this week instead of breaking the page.
  const asked = /^\d{4}-\d\d-\d\d$/.test(query.week ?? '') && !Number.isNaN(Date.parse(`${query.week}T00:00:00Z`))
    && new Date(`${query.week}T00:00:00Z`).toISOString().startsWith(query.week);
  const monday = asked ? mondayOf(query.week) : mondayOf(today);
  const days = [0, 1, 2, 3, 4, 5, 6].map(i => addDays(monday, i));
  page(main, 'Sessions');
  const agency = await agencyFor(main, context);
  if (!agency) {
    return;
  }
  const week = target => go('sessions', { agency: query.agency, week: target });
  const title = `Week of ${WEEK_DAY.format(new Date(`${days[0]}T00:00:00Z`))} to ${WEEK_DAY.format(new Date(`${days[6]}T00:00:00Z`))}`;
  main.append(
    h('p', { class: 'lede' }, 'Your agency\u2019s sessions by advisor and day, in Singapore time. Open a session for '
      + 'its details, the video link and to record how it went.'),
    h('nav', { class: 'actions week-nav', 'aria-label': 'Weeks' },
      h('sgds-button', { variant: 'outline', id: 'previous-week', 'on:click': () => week(addDays(monday, -7)) },
        'Previous week'),
      h('sgds-button', { variant: 'ghost', id: 'this-week', 'on:click': () => week(undefined) }, 'This week'),
      h('sgds-button', { variant: 'outline', id: 'next-week', 'on:click': () => week(addDays(monday, 7)) },
        'Next week')));
  const box = h('div', { id: 'week', 'aria-live': 'polite' }, h('p', { role: 'status' }, 'Loading the week\u2026'));
  main.append(box);

  const [advisors, bookings] = await Promise.all([
    get('api/advisors', { query: { agency, size: 200 } }).then(r => r.body.items),
    get('api/bookings', { query: { agency, from: days[0], to: days[6], size: 200 } }).then(r => r.body),
  ]);
  const sessions = bookings.items.filter(b => !HIDDEN.includes(b.status));
  const byAdvisor = new Map(advisors.map(a => [a.id, a.displayName]));
  // An advisor deactivated since still had their sessions: they get a row too, named as well as we can.
  const rows = [...new Set([...advisors.filter(a => a.active !== false).map(a => a.id), ...sessions.map(s => s.advisorId)])];
  const parts = [h('h2', { id: 'week-title' }, title)];
  if (bookings.total > bookings.items.length) {
    parts.push(alert('warning', 'Not every session is shown', `This week has ${bookings.total} bookings; the first `
      + `${bookings.items.length} are shown.`));
  }
  parts.push(h('p', { id: 'week-count' }, sessions.length === 1 ? '1 session this week.'
    : `${sessions.length ? sessions.length : 'No'} sessions this week.`));
  if (rows.length) {
    parts.push(weekTable(days, today, rows.map(id => [id, byAdvisor.get(id) ?? `Advisor ${id}`]), sessions));
  } else {
    parts.push(h('p', {}, 'Your agency has no advisors yet.'));
  }
  box.replaceChildren(...parts);
}

function weekTable(days, today, advisors, sessions) {
  const head = h('tr', {}, h('th', { scope: 'col' }, 'Advisor'),
    days.map(day => h('th', { scope: 'col', class: day === today ? 'today' : null, id: `day-${day}` },
      DAY_HEAD.format(new Date(`${day}T00:00:00Z`)), day === today ? h('span', { class: 'today-tag' }, ' (today)') : null)));
  const body = advisors.map(([id, name]) => h('tr', {},
    h('th', { scope: 'row' }, name),
    days.map(day => {
      const theirs = sessions.filter(s => s.advisorId === id && s.start.slice(0, 10) === day);
      const label = `${DAY_HEAD.format(new Date(`${day}T00:00:00Z`))}${day === today ? ' (today)' : ''}`;
      return h('td', { class: day === today ? 'today' : null, 'data-day': label },
        theirs.length ? h('ul', { class: 'week-sessions' }, theirs.map(sessionItem)) : h('span', { class: 'week-free' }, '\u2013'));
    })));
  return h('table', { class: 'week-table', id: 'week-table', 'aria-labelledby': 'week-title' },
    h('thead', {}, head), h('tbody', {}, body));
}

function sessionItem(booking) {
  return h('li', { class: 'week-session' },
    h('a', { href: link(`sessions/${booking.id}`), id: `session-${booking.id}` },
      `${TIME.format(new Date(booking.start))} ${booking.client.firstName ?? 'Client'}`),
    h('span', { class: 'week-mode' }, modeWords(booking.mode)),
    statusBadge(booking.status));
}
