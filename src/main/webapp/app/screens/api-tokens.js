// The agency's API tokens (GET/POST /api/agencies/{id}/tokens, DELETE …/{tokenId}): the keys its own systems use to
// keep availability in step. A new token is shown once, with Copy; revoking one asks first, as systems using it
// stop working at once.

import { del, get, post } from '../api.js';
import { agencyFor } from '../agency.js';
import { copyField, errorSummary, h, markField, outcome, page, singaporeTime, submitOnEnter, valueOf } from '../ui.js';
import { table } from './booking-detail.js';

export async function render(main, context) {
  page(main, 'API tokens');
  const agency = await agencyFor(main, context);
  if (!agency) {
    return;
  }
  const base = `api/agencies/${agency}/tokens`;
  main.append(h('p', { class: 'lede' }, 'A token lets one of your agency\u2019s own systems use Linkup\u2019s API for '
    + 'your agency. Give each system its own token, so that you can revoke one without stopping the others.'));
  const notice = h('div', { id: 'notice' });
  const issued = h('div', { id: 'issued' });
  const list = h('section', { 'aria-labelledby': 'tokens-title' });
  const panel = h('div', { id: 'token-panel' });
  const name = h('sgds-input', { label: 'What will use the token?', id: 'token-name', name: 'name', placeholder: '',
    hintText: 'For example: Rostering system. 1 to 80 characters.' });
  const problems = h('div');
  const issue = h('sgds-button', { type: 'submit', variant: 'primary', id: 'issue-token' }, 'Issue a token');
  const form = h('form', { class: 'form', 'aria-labelledby': 'issue-title' },
    h('h2', { id: 'issue-title' }, 'Issue a token'), problems, name, h('div', { class: 'actions' }, issue));
  main.append(notice, issued, form, list, panel);
  let tokens = [];

  function tell(variant, title, ...body) {
    outcome(notice, variant, title, ...body);
  }

  async function reload() {
    tokens = (await get(base)).body;
    const parts = [h('h2', { id: 'tokens-title' }, 'Your tokens')];
    if (!tokens.length) {
      parts.push(h('p', { id: 'no-tokens' }, 'No tokens yet.'));
    } else {
      parts.push(table('tokens-table', 'tokens-title', ['Name', 'Starts with', 'Issued', 'Last used', 'Status', 'Action'],
        tokens.map(t => [t.name, `${t.prefix}\u2026`, `${singaporeTime(t.issuedAt)} by ${t.issuedBy}`,
          t.lastUsedAt ? singaporeTime(t.lastUsedAt) : 'Never',
          t.revokedAt ? h('sgds-badge', { variant: 'neutral' }, `Revoked ${singaporeTime(t.revokedAt)}`)
            : h('sgds-badge', { variant: 'success' }, 'Working'),
          t.revokedAt ? '' : h('sgds-button', { variant: 'danger', size: 'sm', id: `revoke-token-${t.id}`,
            'on:click': () => confirmRevoke(t) }, `Revoke ${t.name}`)])));
    }
    list.replaceChildren(...parts);
  }

  submitOnEnter(form);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    problems.replaceChildren();
    markField(name, null);
    const typed = valueOf(name);
    if (!typed) {
      refuse('Enter what will use the token');
      return;
    }
    issue.loading = true;
    try {
      const token = (await post(base, { name: typed })).body;
      name.value = '';
      issued.replaceChildren(h('div', { class: 'confirmation-panel', id: 'token-issued' },
        h('h2', { id: 'issued-title', tabindex: '-1' }, `Token issued for ${token.name}`),
        h('p', {}, h('strong', {}, 'This is the only time the token is shown. '),
          'Copy it now into the system\u2019s settings or secret store. If it is lost, revoke it and issue another.'),
        copyField('token-secret', `Token for ${token.name}`, token.token)));
      issued.querySelector('h2').focus();
      await reload();
    } catch (error) {
      if (error.status === 400 && error.fieldErrors.name) {
        refuse(`What will use the token: ${error.fieldErrors.name}`);
      } else if (error.status !== 401) {
        tell('danger', 'The token could not be issued', error.message);
      }
    } finally {
      issue.loading = false;
    }
  });

  function refuse(message) {
    markField(name, message);
    problems.replaceChildren(errorSummary([{ message, target: name }]));
    problems.firstChild.focus();
  }

  function confirmRevoke(token) {
    const keep = () => {
      panel.replaceChildren();
      list.querySelector(`#revoke-token-${token.id}`)?.focus();
    };
    panel.replaceChildren(h('div', { class: 'confirm-panel', role: 'group', 'aria-labelledby': 'revoke-title' },
      h('h2', { id: 'revoke-title', tabindex: '-1' }, `Revoke the token for ${token.name}?`),
      h('p', {}, `It starts with ${token.prefix}\u2026. Any system using it stops working at once; this cannot be undone.`),
      h('div', { class: 'actions' },
        h('sgds-button', { variant: 'danger', id: 'confirm-revoke-token', 'on:click': async event => {
          event.currentTarget.loading = true;
          try {
            await del(`${base}/${token.id}`);
            panel.replaceChildren();
            issued.replaceChildren();
            await reload();
            tell('success', 'Token revoked', `The token for ${token.name} no longer works.`);
          } catch (error) {
            if (error.status !== 401) {
              tell('danger', 'The token could not be revoked', error.message);
            }
          }
        } }, 'Revoke the token'),
        h('sgds-button', { variant: 'ghost', id: 'keep-token', 'on:click': keep }, 'Keep it'))));
    panel.querySelector('h2').focus();
  }

  await reload();
}
