// Warns a minute before the session's idle limit (linkup.session.idle-minutes, told by GET /api/ui-settings) and
// offers to stay signed in. Every answer from the server restarts the count, as every request restarts the server's.

import { h } from './ui.js';

const WARN_AHEAD_MS = 60_000;

let idleMs = 0;
let warnTimer = null;
let endTimer = null;
let tick = null;
let modal = null;
let handlers = null;

/** Starts watching; `onStay` must reach the server (GET /api/session), `onSignOut` ends the session now. */
export function watchIdle(minutes, { onStay, onSignOut, onExpired }) {
  stopIdle();
  idleMs = minutes * 60_000;
  handlers = { onStay, onSignOut, onExpired };
  activity();
}

export function stopIdle() {
  clearTimeout(warnTimer);
  clearTimeout(endTimer);
  clearInterval(tick);
  closeWarning();
  handlers = null;
}

/** The server just answered: the session has its full idle time again. */
export function activity() {
  if (!handlers || idleMs <= 0) {
    return;
  }
  clearTimeout(warnTimer);
  clearTimeout(endTimer);
  clearInterval(tick);
  closeWarning();
  const deadline = Date.now() + idleMs;
  warnTimer = setTimeout(() => warn(deadline), Math.max(0, idleMs - WARN_AHEAD_MS));
  endTimer = setTimeout(() => {
    const { onExpired } = handlers;
    stopIdle();
    onExpired();
  }, idleMs);
}

function warn(deadline) {
  const left = h('span', {}, secondsLeft(deadline));
  const stay = h('sgds-button', { variant: 'primary', id: 'stay-signed-in', 'on:click': () => handlers?.onStay() },
    'Stay signed in');
  modal = h('sgds-modal', { open: true, id: 'idle-warning', 'on:sgds-close': () => handlers?.onStay() },
    h('span', { slot: 'title' }, 'You will be signed out soon'),
    h('p', {}, 'Linkup signs you out when it has not been used for a while, to keep clients\u2019 details safe. '
      + 'You will be signed out in ', left, ' seconds.'),
    h('div', { slot: 'footer', class: 'actions' },
      h('sgds-button', { variant: 'outline', 'on:click': () => handlers?.onSignOut() }, 'Sign out'),
      stay));
  document.body.append(modal);
  tick = setInterval(() => {
    left.textContent = secondsLeft(deadline);
  }, 1000);
  // The dialog holds focus; its main action comes first for Enter.
  requestAnimationFrame(() => stay.focus());
}

function secondsLeft(deadline) {
  return String(Math.max(0, Math.round((deadline - Date.now()) / 1000)));
}

function closeWarning() {
  if (modal) {
    modal.remove();
    modal = null;
  }
}
