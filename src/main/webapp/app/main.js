// Starts the app: reads the UI settings, finds out who is signed in, and from then on draws the screen the address
// names. Screens are imported statically (each is a few kilobytes): a page loaded before a new version was deployed
// never asks for a module path that no longer exists.

import { del, get, whenServerAnswers, whenSignedOut } from './api.js';
import { activity, spokenLimit, stopIdle, watchIdle } from './idle.js';
import { go, match } from './router.js';
import { homeOf, mayOpen, ROUTES } from './routes.js';
import * as home from './screens/home.js';
import { forget, refresh, restore, signedIn, signOut } from './session.js';
import { drawHeader, showMasthead } from './shell.js';
import { h, page } from './ui.js';

const main = document.getElementById('main');
const header = document.getElementById('header');

let settings = { officialMasthead: false, idleMinutes: 15 };
/** Where to go after signing in, when the officer asked for a page before they were signed in. */
let wanted = null;
/** A message for the sign-in screen (why the session ended). */
let flash = null;
let leaveScreen = null;

const app = {
  /** Called by the sign-in screen. */
  signedIn(session) {
    startIdleWatch();
    const target = wanted && mayOpen(match(ROUTES, `#/${wanted}`).route ?? {}, session.role) ? wanted : homeOf(session.role);
    wanted = null;
    go(target);
  },
  takeFlash() {
    const message = flash;
    flash = null;
    return message;
  },
};

async function start() {
  skipLinkMovesFocus();
  whenSignedOut(() => endSession('Your session has ended. Sign in again to carry on.'));
  whenServerAnswers(activity);
  // Both questions at once: the first screen waits for the slower answer, not for the two in a row (UiBench).
  // The defaults are safe if the settings cannot be read: no official masthead, the server's usual idle limit.
  const asked = get('api/ui-settings').then(answer => answer.body, () => ({}));
  const restored = restore().then(signedIn => ({ signedIn }), error => ({ error }));
  settings = { ...settings, ...(await asked) };
  showMasthead(document.getElementById('masthead'), settings.officialMasthead === true);
  const { signedIn, error } = await restored;
  if (error) {
    page(main, 'Linkup cannot be reached');
    main.append(h('p', {}, error.message));
    return;
  }
  if (signedIn) {
    startIdleWatch();
  }
  window.addEventListener('hashchange', show);
  show();
}

async function show() {
  const found = match(ROUTES);
  const session = signedIn();
  if (!found.route) {
    if (!found.path) {
      go(session ? homeOf(session.role) : 'signin');
      return;
    }
    return draw(found, home.notFound, session);
  }
  if (!found.route.public && !session) {
    wanted = found.path + (location.hash.includes('?') ? `?${location.hash.split('?')[1]}` : '');
    go('signin');
    return;
  }
  if (found.route.public && session) {
    go(homeOf(session.role));
    return;
  }
  if (!mayOpen(found.route, session?.role)) {
    return draw(found, home.notAllowed, session);
  }
  return draw(found, found.route.screen, session);
}

async function draw(found, screen, session) {
  if (leaveScreen) {
    leaveScreen();
    leaveScreen = null;
  }
  drawHeader(header, session, found.route?.section, { onSignOut: signOutNow });
  // Each screen draws into its own box: when the officer moves on before a slow answer arrives, the screen left
  // behind writes into a box no longer on the page instead of over the new one.
  const box = h('div', { class: 'screen' });
  main.replaceChildren(box);
  try {
    leaveScreen = (await screen.render(box, { ...found, session, app })) || null;
  } catch (error) {
    if (error.status === 401 || !box.isConnected) {
      return;  // whenSignedOut has taken the officer to sign-in, or they have moved on
    }
    page(box, 'Something went wrong');
    box.append(h('p', {}, error.message));
  }
}

function startIdleWatch() {
  watchIdle(settings.idleMinutes, {
    onStay: () => refresh().catch(() => {}),
    onSignOut: signOutNow,
    onExpired: () => endSession(`You were signed out because Linkup was not used for ${spokenLimit(settings.idleMinutes)}. `
      + 'Sign in again to carry on.', { endOnServer: true }),
  });
}

async function signOutNow() {
  stopIdle();
  await signOut().catch(() => {});
  flash = { variant: 'success', text: 'You have signed out.' };
  go('signin');
}

function endSession(message, { endOnServer = false } = {}) {
  stopIdle();
  if (!signedIn()) {
    return;  // already signed out (a second refused request, or the sign-in screen's own calls)
  }
  wanted = match(ROUTES).path || null;
  if (endOnServer) {
    // The server ends an idle session by itself; this makes sure of it when the two clocks disagree by a little.
    del('api/session', { quiet401: true }).catch(() => {});
  }
  forget();
  flash = { variant: 'warning', text: message };
  go('signin');
}

/** The skip link's "#main" would be taken for a route: it moves focus itself. */
function skipLinkMovesFocus() {
  document.querySelector('[data-skip-link]')?.addEventListener('click', event => {
    event.preventDefault();
    main.focus();
  });
}

start();
