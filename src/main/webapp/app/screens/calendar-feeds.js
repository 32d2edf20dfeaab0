// Each advisor's calendar subscription (GET/POST/DELETE /api/advisors/{id}/calendar-feed): whether one works, a new
// link (shown once, with Copy), and revoking it after a confirmation. Outlook, Google and Apple Calendar then show
// the advisor's Linkup sessions beside their other appointments.

import { del, get, post } from '../api.js';
import { agencyFor } from '../agency.js';
import { copyField, h, outcome, page, singaporeTime } from '../ui.js';

export async function render(main, context) {
  page(main, 'Calendar feeds');
  const agency = await agencyFor(main, context);
  if (!agency) {
    return;
  }
  main.append(h('p', { class: 'lede' }, 'A subscription link puts an advisor\u2019s Linkup sessions into their own '
    + 'calendar (Outlook, Google or Apple Calendar: \u201cAdd calendar from URL\u201d). Anyone with the link sees the '
    + 'session times, so keep it to the advisor. A new link stops the old one working.'));
  const notice = h('div', { id: 'notice' });
  const list = h('div', { id: 'feeds' }, h('p', { role: 'status' }, 'Loading\u2026'));
  main.append(notice, list);

  const advisors = (await get('api/advisors', { query: { agency, active: true, size: 200 } })).body.items;
  if (!advisors.length) {
    list.replaceChildren(h('p', {}, 'Your agency has no advisors yet.'));
    return;
  }
  const feeds = await Promise.all(advisors.map(a => get(`api/advisors/${a.id}/calendar-feed`).then(r => r.body)));
  list.replaceChildren(h('ul', { class: 'feed-list' }, advisors.map((advisor, i) => {
    const item = h('li', { class: 'feed', id: `feed-${advisor.id}` });
    drawFeed(item, advisor, feeds[i], null);
    return item;
  })));

  function tell(variant, title, ...body) {
    outcome(notice, variant, title, ...body);
  }

  /** One advisor: the state of their link, and what may be done with it. `created` is the answer with the new link. */
  function drawFeed(item, advisor, feed, created) {
    const id = advisor.id;
    const area = h('div', { id: `feed-panel-${id}` });
    // DOM replaceChildren() writes null as the text "null": leave out what is not there.
    item.replaceChildren(...[
      h('h2', { id: `feed-title-${id}`, class: 'feed-title', tabindex: '-1' }, advisor.displayName),
      h('p', { id: `feed-state-${id}` }, feed.active
        ? `Subscription link working since ${singaporeTime(feed.createdAt)}${feed.createdBy ? `, made by ${feed.createdBy}` : ''}.`
        : 'No subscription link.'),
      created ? h('div', { class: 'feed-created' },
        h('p', {}, h('strong', {}, 'Copy the link now: '), 'it is shown only this once.'),
        copyField(`feed-url-${id}`, `Subscription link for ${advisor.displayName}`, created.url)) : null,
      h('div', { class: 'actions' },
        h('sgds-button', { variant: feed.active ? 'outline' : 'primary', id: `create-feed-${id}`,
          'on:click': event => create(event, item, advisor, feed) }, feed.active ? 'Replace with a new link' : 'Create a link'),
        feed.active ? h('sgds-button', { variant: 'danger', id: `revoke-feed-${id}`,
          'on:click': () => confirmRevoke(item, area, advisor, feed) }, 'Revoke the link') : null),
      area].filter(Boolean));
  }

  async function create(event, item, advisor, feed) {
    const button = event.currentTarget;
    button.loading = true;
    try {
      const created = (await post(`api/advisors/${advisor.id}/calendar-feed`)).body;
      drawFeed(item, advisor, created, created);
      item.querySelector(`#feed-url-${advisor.id}`).focus();
    } catch (error) {
      if (error.status !== 401) {
        button.loading = false;
        tell('danger', 'The link could not be made', error.message);
      }
    }
  }

  function confirmRevoke(item, area, advisor, feed) {
    const id = advisor.id;
    const keep = () => {
      area.replaceChildren();
      item.querySelector(`#revoke-feed-${id}`)?.focus();
    };
    area.replaceChildren(h('div', { class: 'confirm-panel', role: 'group', 'aria-labelledby': `revoke-title-${id}` },
      h('h3', { id: `revoke-title-${id}`, tabindex: '-1' }, `Revoke ${advisor.displayName}\u2019s link?`),
      h('p', {}, 'Calendars subscribed to it stop showing new and changed sessions. You can make a new link later.'),
      h('div', { class: 'actions' },
        h('sgds-button', { variant: 'danger', id: `confirm-revoke-feed-${id}`, 'on:click': async event => {
          event.currentTarget.loading = true;
          try {
            await del(`api/advisors/${id}/calendar-feed`);
            drawFeed(item, advisor, { active: false }, null);
            tell('success', 'Link revoked', `${advisor.displayName}\u2019s calendar subscription link no longer works.`);
          } catch (error) {
            if (error.status !== 401) {
              tell('danger', 'The link could not be revoked', error.message);
            }
          }
        } }, 'Revoke'),
        h('sgds-button', { variant: 'ghost', id: `keep-feed-${id}`, 'on:click': keep }, 'Keep it'))));
    area.querySelector('h3').focus();
  }
}
