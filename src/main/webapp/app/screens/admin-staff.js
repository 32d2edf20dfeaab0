// Staff accounts (/api/staff, administrators only): find an account, create one, change its role and scope, set a
// new password, lift a lock-out, disable or enable it. Accounts are never deleted — a disabled one keeps its audit
// trail. The API judges every field; its violations come back as an error summary and at the field. A change of
// role or scope carries the account's ETag: if another administrator changed it meanwhile (412), the form keeps
// what was typed and says what the account now is.

import { get, post, put } from '../api.js';
import { go, link } from '../router.js';
import { errorSummary, h, markField, outcome, page, singaporeTime, submitOnEnter, valueOf } from '../ui.js';
import { autocomplete, passwordToggle } from './signin.js';

export const ROLES = {
  COUNTER_STAFF: 'Counter staff',
  SUPERVISOR: 'Supervisor',
  PARTNER: 'Partner agency',
  ADMIN: 'Administrator',
};
const OFFICE_ROLES = ['COUNTER_STAFF', 'SUPERVISOR'];
const STATES = { active: 'Active', locked: 'Locked', disabled: 'Disabled' };

/** An account's state in words and an SGDS badge colour: disabled, locked (until when, Singapore time) or active. */
export function accountState(account, now = Date.now()) {
  if (account.enabled === false) {
    return { key: 'disabled', words: 'Disabled', variant: 'neutral' };
  }
  if (account.lockedUntil && new Date(account.lockedUntil).getTime() > now) {
    const until = new Intl.DateTimeFormat('en-SG', { timeZone: 'Asia/Singapore', hour: 'numeric', minute: '2-digit' })
      .format(new Date(account.lockedUntil));
    return { key: 'locked', words: `Locked until ${until}`, variant: 'danger' };
  }
  return { key: 'active', words: 'Active', variant: 'success' };
}

/** Offices and agencies by id, for saying an account's scope in names. */
async function catalogue() {
  const [offices, agencies] = await Promise.all([
    get('api/offices', { query: { size: 200 } }), get('api/agencies', { query: { size: 200 } })]);
  return { offices: offices.body.items, agencies: agencies.body.items };
}

function scopeWords(account, { offices, agencies }) {
  if (account.agencyId) {
    return agencies.find(agency => agency.id === account.agencyId)?.name ?? `Agency ${account.agencyId}`;
  }
  if (account.officeIds?.length) {
    return account.officeIds.map(id => offices.find(office => office.id === id)?.name ?? `Office ${id}`)
      .sort().join(', ');
  }
  return account.role === 'ADMIN' ? 'Every office and agency' : '—';
}

function badge({ words, variant }) {
  return h('sgds-badge', { variant }, words);
}

/** SGDS 3.8.0 wraps rows in a focusable div, which breaks row ownership for assistive technology: not focusable. */
function plainTable(table) {
  table.updateComplete.then(() => table.shadowRoot?.querySelector('div[tabindex]')?.removeAttribute('tabindex'));
  return table;
}

function nativeSelect(id, label, options, value) {
  const select = h('select', { id, name: id, class: 'native-select', 'aria-describedby': `${id}-error` },
    Object.entries(options).map(([key, words]) => h('option', { value: key, selected: key === value }, words)));
  return {
    select,
    element: h('div', {}, h('label', { for: id, class: 'field-label' }, label),
      h('p', { class: 'field-error', id: `${id}-error`, hidden: true }), select),
  };
}

export const list = {
  async render(main, { query }) {
    page(main, 'Staff accounts');
    const find = h('sgds-input', { label: 'Name or username', id: 'staff-find', name: 'q', placeholder: '',
      hintText: 'Part of it is enough' });
    const role = nativeSelect('staff-role', 'Role', { '': 'Every role', ...ROLES }, query.role ?? '');
    const state = nativeSelect('staff-state', 'State', { '': 'Any state', ...STATES }, query.state ?? '');
    const form = h('form', { class: 'search-row staff-filters', role: 'search', 'aria-label': 'Find staff accounts' },
      find, role.element, state.element,
      h('sgds-button', { type: 'submit', variant: 'primary', id: 'staff-search' }, 'Search'));
    const results = h('div', { id: 'staff-results' });
    main.append(
      h('p', { class: 'lede' }, 'Accounts are never deleted: disable one that is no longer needed.'),
      form,
      h('div', { class: 'actions' },
        h('sgds-button', { variant: 'outline', href: link('admin/staff/new'), id: 'staff-new' }, 'Create an account')),
      results);
    find.value = query.q ?? '';
    submitOnEnter(form);
    form.addEventListener('submit', event => {
      event.preventDefault();
      go('admin/staff', { q: valueOf(find), role: role.select.value, state: state.select.value });
    });

    const [{ body }, names] = await Promise.all([
      get('api/staff', { query: { q: query.q, role: query.role, size: 200 } }), catalogue()]);
    const now = Date.now();
    const shown = body.items.filter(account => !query.state || accountState(account, now).key === query.state);
    const caption = h('p', { class: 'results-caption', id: 'staff-caption', role: 'status' },
      `${shown.length} ${shown.length === 1 ? 'account' : 'accounts'}${query.q ? ` matching \u201c${query.q}\u201d` : ''}`
      + `${query.role ? `, ${ROLES[query.role] ?? query.role}` : ''}${STATES[query.state] ? `, ${STATES[query.state].toLowerCase()}` : ''}`
      + `${body.total > body.items.length ? ` (of the first ${body.items.length}; narrow the search)` : ''}.`);
    const parts = [h('h2', {}, 'Accounts'), caption];
    if (shown.length) {
      parts.push(plainTable(h('sgds-table', { role: 'table', 'aria-labelledby': 'staff-caption', id: 'staff-table' },
        h('sgds-table-row', {}, ['Name', 'Username', 'Role', 'Offices or agency', 'State', 'Last sign-in']
          .map(text => h('sgds-table-head', {}, text))),
        shown.map(account => h('sgds-table-row', { id: `staff-${account.id}` },
          h('sgds-table-cell', {}, h('a', { href: link(`admin/staff/${account.id}`) }, account.displayName)),
          h('sgds-table-cell', {}, account.username),
          h('sgds-table-cell', {}, ROLES[account.role] ?? account.role),
          h('sgds-table-cell', {}, scopeWords(account, names)),
          h('sgds-table-cell', {}, badge(accountState(account, now))),
          h('sgds-table-cell', {}, account.lastSignInAt ? singaporeTime(account.lastSignInAt) : 'Never'))))));
    }
    results.replaceChildren(...parts);
  },
};

const ORDER = ['username', 'displayName', 'role', 'officeIds', 'agencyId', 'password'];

/** The API's words made into an instruction for the administrator. */
function explain(field, message) {
  switch (field) {
    case 'username': return /blank|null|empty/i.test(message) ? 'Enter a username' : `Username: ${message}`;
    case 'displayName': return /blank|null|empty/i.test(message) ? 'Enter the person\u2019s name' : `Name: ${message}`;
    case 'role': return 'Choose a role';
    case 'officeIds': return /at least one/.test(message) ? 'Choose at least one office' : `Offices: ${message}`;
    case 'agencyId': return /one agency/.test(message) ? 'Choose the agency' : `Agency: ${message}`;
    case 'password': return /^must /.test(message) ? `The password ${message}` : `The password needs ${message}`;
    default: return `${field}: ${message}`;
  }
}

export const form = {
  async render(main, { params }) {
    const editing = Boolean(params.id);
    const [names, loaded] = await Promise.all([catalogue(),
      editing ? get(`api/staff/${encodeURIComponent(params.id)}`).catch(error => {
        if (error.status === 404 || error.status === 400) {
          return null;
        }
        throw error;
      }) : null]);
    if (editing && !loaded) {
      page(main, 'Account not found');
      main.append(h('p', {}, h('a', { href: link('admin/staff') }, 'Back to staff accounts')));
      return;
    }
    let account = loaded?.body;
    let etag = loaded?.etag;
    const heading = page(main, editing ? `Account: ${account.displayName}` : 'Create a staff account', { focus: false });
    const problems = h('div', { id: 'staff-problems' });

    const fields = {
      username: h('sgds-input', { label: 'Username', id: 'username', name: 'username', placeholder: '',
        hintText: 'What the person types to sign in, for example tan.mei.ling' }),
      displayName: h('sgds-input', { label: 'Name', id: 'displayName', name: 'displayName', placeholder: '',
        hintText: 'As colleagues know the person' }),
    };
    const role = nativeSelect('role', 'Role', { '': 'Choose a role', ...ROLES }, account?.role ?? '');
    const activeOffices = names.offices.filter(office => office.active !== false
      || account?.officeIds?.includes(office.id));
    const offices = h('fieldset', { id: 'officeIds', class: 'choice-group', 'aria-describedby': 'officeIds-error' },
      h('legend', { class: 'field-label' }, 'Offices (SSOs) the person works for'),
      h('p', { class: 'field-error', id: 'officeIds-error', hidden: true }),
      activeOffices.map(office => h('div', { class: 'choice' },
        h('input', { type: 'checkbox', name: 'officeIds', id: `office-${office.id}`, value: office.id,
          checked: account?.officeIds?.includes(office.id) }),
        h('label', { for: `office-${office.id}` }, office.name))));
    const agency = nativeSelect('agencyId', 'Partner agency',
      { '': 'Choose an agency', ...Object.fromEntries(names.agencies.map(a => [a.id, a.name])) },
      account?.agencyId ? String(account.agencyId) : '');
    const password = h('sgds-input', { label: 'Password', id: 'password', name: 'password', type: 'password',
      placeholder: '', hintText: 'At least 12 characters, not containing the username. Give it to the person in '
        + 'person, not by email.' });
    const showScope = () => {
      offices.hidden = !OFFICE_ROLES.includes(role.select.value);
      agency.element.hidden = role.select.value !== 'PARTNER';
    };
    role.select.addEventListener('change', showScope);
    showScope();

    const submit = h('sgds-button', { type: 'submit', variant: 'primary', id: 'staff-save' },
      editing ? 'Save changes' : 'Create account');
    const formElement = h('form', { class: 'form', id: 'staff-form', 'aria-labelledby': 'staff-form-title' },
      h('h2', { id: 'staff-form-title' }, editing ? 'Name, role and scope' : 'The person and their role'),
      editing ? h('p', {}, h('span', { class: 'field-label' }, 'Username: '), account.username) : fields.username,
      fields.displayName, role.element, offices, agency.element, editing ? null : password,
      h('div', { class: 'actions' }, submit, h('a', { href: link('admin/staff') }, 'Back to staff accounts')));
    const stateArea = h('section', { id: 'staff-state-area', 'aria-labelledby': 'staff-state-title' });
    const passwordArea = h('section', { id: 'staff-password-area', 'aria-labelledby': 'staff-password-title' });
    const said = h('div', { id: 'staff-outcome' });
    main.append(said, problems, formElement, ...(editing ? [stateArea, passwordArea] : []));
    if (!editing) {
      fields.username.value = '';
      autocomplete(password, 'new-password');
      passwordToggle(password);
    }
    fields.displayName.value = account?.displayName ?? '';
    submitOnEnter(formElement);

    const controls = { ...fields, role: role.select, officeIds: offices, agencyId: agency.select, password };
    const showProblems = (error, fallback) => {
      const byField = error.fieldErrors;
      const listed = ORDER.filter(field => byField[field] && controls[field]).map(field => {
        const message = explain(field, byField[field]);
        markField(controls[field], message);
        const target = controls[field].localName === 'fieldset' ? controls[field].querySelector('input') : controls[field];
        return { message, target };
      });
      const others = error.violations.filter(v => !ORDER.includes(v.field)).map(v => ({ message: `${v.field}: ${v.message}` }));
      const summary = errorSummary(listed.length || others.length ? [...listed, ...others] : [{ message: fallback ?? error.message }]);
      problems.replaceChildren(summary);
      summary.focus();
    };

    formElement.addEventListener('submit', async event => {
      event.preventDefault();
      Object.values(controls).forEach(control => markField(control, null));
      problems.replaceChildren();
      said.replaceChildren();
      const chosenRole = role.select.value || null;
      const body = {
        username: editing ? account.username : valueOf(fields.username),
        displayName: valueOf(fields.displayName),
        role: chosenRole,
        officeIds: OFFICE_ROLES.includes(chosenRole)
          ? [...offices.querySelectorAll('input:checked')].map(box => Number(box.value)) : [],
        agencyId: chosenRole === 'PARTNER' && agency.select.value ? Number(agency.select.value) : null,
      };
      if (!editing) {
        body.password = password.value;
      }
      submit.loading = true;
      try {
        if (editing) {
          const saved = await put(`api/staff/${account.id}`, body, { ifMatch: etag });
          account = saved.body;
          etag = saved.etag;
          heading.textContent = `Account: ${account.displayName}`;
          drawState();
          outcome(said, 'success', 'Changes saved',
            `${account.displayName} is now ${ROLES[account.role]} for ${scopeWords(account, names)}.`);
        } else {
          const created = (await post('api/staff', body)).body;
          go(`admin/staff/${created.id}`, { created: 'yes' });
        }
      } catch (error) {
        if (error.status === 401) {
          return;
        }
        if (error.status === 412) {
          const fresh = await get(`api/staff/${account.id}`);
          account = fresh.body;
          etag = fresh.etag;
          drawState();
          outcome(said, 'warning', 'Someone else changed this account meanwhile',
            `It is now ${ROLES[account.role]} for ${scopeWords(account, names)}, named ${account.displayName}. `
            + 'What you chose is still in the form: check it and save again to replace theirs.');
          return;
        }
        if (!editing) {
          password.value = '';  // a refused password is typed again, never kept in the page
        }
        showProblems(error, error.status === 409 ? 'Another account already has this username. Choose another.' : null);
      } finally {
        submit.loading = false;
      }
    });

    function drawState() {
      const state = accountState(account);
      const buttons = [];
      if (state.key === 'locked') {
        buttons.push(h('sgds-button', { variant: 'primary', id: 'staff-unlock', 'on:click': () => change('unlock',
          'Account unlocked', `${account.displayName} can sign in again now.`) }, 'Unlock'));
      }
      buttons.push(account.enabled
        ? h('sgds-button', { variant: 'danger', id: 'staff-disable', 'on:click': () => change('disable',
          'Account disabled', `${account.displayName} can no longer sign in; a session still open ends with its next `
            + 'step. The account and its history stay.') }, 'Disable account')
        : h('sgds-button', { variant: 'outline', id: 'staff-enable', 'on:click': () => change('enable',
          'Account enabled', `${account.displayName} can sign in again.`) }, 'Enable account'));
      stateArea.replaceChildren(h('h2', { id: 'staff-state-title' }, 'Signing in'),
        h('dl', { class: 'details' },
          h('dt', {}, 'State'), h('dd', { id: 'staff-state' }, badge(state)),
          h('dt', {}, 'Last sign-in'), h('dd', {}, account.lastSignInAt ? singaporeTime(account.lastSignInAt) : 'Never')),
        h('div', { class: 'actions' }, buttons),
        h('p', {}, 'In the audit log: ',
          h('a', { href: link('admin/audit', { actor: account.username }), id: 'staff-audit-actor' },
            `what ${account.username} did`), ' \u00b7 ',
          h('a', { href: link('admin/audit', { subjectType: 'StaffAccount', subjectId: account.id }), id: 'staff-audit-subject' },
            'changes to this account')));
    }

    async function change(action, title, words) {
      try {
        account = (await post(`api/staff/${account.id}/${action}`)).body;
        etag = (await get(`api/staff/${account.id}`)).etag;
        drawState();
        outcome(said, 'success', title, words);
      } catch (error) {
        if (error.status !== 401) {
          outcome(said, 'danger', error.title, error.detail || error.message);
        }
      }
    }

    if (editing) {
      drawState();
      const newPassword = h('sgds-input', { label: 'New password', id: 'new-password', name: 'new-password',
        type: 'password', placeholder: '', hintText: 'At least 12 characters, not containing the username. It also '
          + 'lifts a lock-out.' });
      const setButton = h('sgds-button', { type: 'submit', variant: 'outline', id: 'staff-set-password' }, 'Set password');
      const passwordForm = h('form', { class: 'form', 'aria-labelledby': 'staff-password-title' },
        newPassword, h('div', { class: 'actions' }, setButton));
      passwordArea.replaceChildren(h('h2', { id: 'staff-password-title' }, 'Set a new password'), passwordForm);
      autocomplete(newPassword, 'new-password');
      passwordToggle(newPassword);
      submitOnEnter(passwordForm);
      passwordForm.addEventListener('submit', async event => {
        event.preventDefault();
        markField(newPassword, null);
        problems.replaceChildren();
        try {
          account = (await post(`api/staff/${account.id}/password`, { password: newPassword.value })).body;
          etag = (await get(`api/staff/${account.id}`)).etag;
          newPassword.value = '';
          drawState();
          outcome(said, 'success', 'Password set', `Give the new password to ${account.displayName} in person.`);
        } catch (error) {
          if (error.status === 401) {
            return;
          }
          newPassword.value = '';
          const message = error.fieldErrors.password ? explain('password', error.fieldErrors.password) : error.message;
          markField(newPassword, message);
          const summary = errorSummary([{ message, target: newPassword }]);
          problems.replaceChildren(summary);
          summary.focus();
        }
      });
    }

    await Promise.all([...main.querySelectorAll('*')].map(element => element.updateComplete).filter(Boolean));
    await new Promise(requestAnimationFrame);
    if (editing && location.hash.includes('created=yes')) {
      outcome(said, 'success', 'Account created', `${account.displayName} can sign in as ${account.username} `
        + 'with the password you gave.');
    } else {
      heading.focus();
    }
  },
};
