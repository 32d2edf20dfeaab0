// The frame around every screen: the official masthead (only when configured), the main navigation built from the
// route table for the signed-in role, who is signed in, and the sign-out button.

import { navigationFor } from './routes.js';
import { h } from './ui.js';

const ROLE_NAMES = {
  ADMIN: 'Administrator',
  COUNTER_STAFF: 'Counter staff',
  SUPERVISOR: 'Supervisor',
  PARTNER: 'Partner agency',
};

/** "A Singapore Government Agency Website": only a site on a gov.sg domain may show it (linkup.ui.official-masthead). */
export function showMasthead(slot, official) {
  slot.replaceChildren(official ? h('sgds-masthead') : '');
}

/** Draws the header for a session (or for nobody), marking `section` as the current one. */
export function drawHeader(header, session, section, { onSignOut }) {
  const items = session ? navigationFor(session.role).map(route => {
    const current = route.section === section;
    return h('sgds-mainnav-item', { active: current },
      h('a', { href: `#/${route.path}`, 'aria-current': current ? 'page' : null }, route.nav));
  }) : [];
  const user = session ? h('div', { slot: 'end', class: 'app-user' },
    h('span', { class: 'app-user-name' }, `${session.username} · ${ROLE_NAMES[session.role] ?? session.role}`),
    h('sgds-button', { variant: 'outline', size: 'sm', id: 'sign-out', 'on:click': onSignOut }, 'Sign out')) : null;
  // Signed out there is nothing to list: no Menu button that opens an empty menu.
  const nav = h('sgds-mainnav', { 'prop:brandHref': '#/', expand: session ? 'md' : 'always' },
    h('span', { slot: 'brand', class: 'app-brand' }, 'Linkup'),
    items, user);
  header.replaceChildren(nav);
  currentNav = nav;
  mendMenuButton(nav);
  nav.addEventListener('click', () => mendMenuButton(nav));
  // The menu counts as open only once its animation ends: say so then, not at the click.
  nav.addEventListener('sgds-after-show', () => mendMenuButton(nav));
  nav.addEventListener('sgds-after-hide', () => mendMenuButton(nav));
  nav.addEventListener('keydown', event => closeOnEscape(nav, event));
  keepMenuClosed();
}

/** The header's navigation now on the page (the header is drawn afresh for every screen). */
let currentNav = null;

/**
 * SGDS 3.8.0 leaves the collapsed menu open over the page when the window narrows past its breakpoint (a window
 * made narrower, a zoom to 200 % and more): below the breakpoint it stays closed until the Menu button opens it.
 */
async function keepMenuClosed() {
  const nav = currentNav;
  await nav?.updateComplete;
  const body = nav?.shadowRoot?.querySelector('.navbar-body');
  if (body && nav.breakpointReached && !nav.expanded && !nav.expanding) {
    body.hidden = true;
  }
  if (nav) {
    mendMenuButton(nav);
  }
}

window.addEventListener('resize', keepMenuClosed);

/** Escape closes the open menu and leaves focus on the Menu button, as with any disclosure. */
async function closeOnEscape(nav, event) {
  if (event.key !== 'Escape' || !nav.expanded) {
    return;
  }
  event.preventDefault();
  await nav.hide();
  await mendMenuButton(nav);
  nav.shadowRoot?.querySelector('.navbar-toggler')?.shadowRoot?.querySelector('button, a')?.focus();
}

/**
 * Below the md breakpoint SGDS 3.8.0 shows a menu button whose name and state sit on the sgds-icon-button host
 * (axe at 320 px: aria-prohibited-attr, button-name) instead of on the real button inside it: moved there.
 */
async function mendMenuButton(nav) {
  await nav.updateComplete;
  const toggle = nav.shadowRoot?.querySelector('.navbar-toggler');
  await toggle?.updateComplete;
  const button = toggle?.shadowRoot?.querySelector('button, a');
  if (!button) {
    return;
  }
  button.setAttribute('aria-label', 'Menu');
  button.setAttribute('aria-expanded', String(nav.expanded === true));
  ['aria-label', 'aria-expanded', 'aria-controls'].forEach(name => toggle.removeAttribute(name));
}
