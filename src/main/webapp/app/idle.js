// Warns a minute before the session's idle limit (linkup.session.idle-minutes, told by GET /api/ui-settings) and
// offers to stay signed in. Every answer from the server restarts the count, as every request restarts the server's.
// A limit under two minutes is warned of halfway, so that the warning never comes after the sign-out.

import { h } from './ui.js';

const WARN_AHEAD_MS = 60_000;

/** "15 minutes", "1 minute", "30 seconds": the idle limit as the sign-in screen says it. */
export function spokenLimit(minutes) {
  if (minutes >= 1 && Number.isInteger(minutes)) {
    return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  }
  const seconds = Math.round(minutes * 60);
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

let idleMs = 0;
let warnTimer = null;
let endTimer = null;
let tick = null;
let modal = null;
let handlers = null;
/** Where focus was when the warning opened: it goes back there when the officer stays. */
let returnFocus = null;

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
  warnTimer = setTimeout(() => warn(deadline), idleMs - Math.min(WARN_AHEAD_MS, idleMs / 2));
  endTimer = setTimeout(() => {
    const { onExpired } = handlers;
    stopIdle();
    onExpired();
  }, idleMs);
}

function warn(deadline) {
  returnFocus = deepestFocus();
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

/** The element that really has focus: inside an SGDS component, its inner input or button (the host may not take it). */
function deepestFocus() {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) {
    element = element.shadowRoot.activeElement;
  }
  return element;
}

function secondsLeft(deadline) {
  return String(Math.max(0, Math.round((deadline - Date.now()) / 1000)));
}

function closeWarning() {
  if (modal) {
    modal.remove();
    modal = null;
    if (returnFocus?.isConnected) {
      returnFocus.focus();
    }
  }
  returnFocus = null;
}
