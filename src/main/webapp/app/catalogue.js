// What the administrator's catalogue screens (offices, rooms, partner agencies, services, advisors) share: each is a
// list with a search, an active/inactive filter and Deactivate/Activate (the API never deletes), and a form whose
// refusals come back as an error summary plus the message at each field, and whose stale save (412) shows what is
// saved now beside what was typed. A screen module says only what its records hold.

import { get, getAll, post, put } from './api.js';
import { go, link } from './router.js';
import { alert, errorSummary, h, markField, page, submitOnEnter, valueOf } from './ui.js';

/** The catalogue's kinds of record: route admin/<key>, API api/<key>, and the words for them. */
const SECTIONS = {
  offices: { title: 'Offices', noun: 'office', plural: 'offices', add: 'Add an office' },
  rooms: { title: 'Rooms', noun: 'room', plural: 'rooms', add: 'Add a room' },
  agencies: { title: 'Partner agencies', noun: 'agency', plural: 'agencies', add: 'Add a partner agency' },
  services: { title: 'Services', noun: 'service', plural: 'services', add: 'Add a service' },
  advisors: { title: 'Advisors', noun: 'advisor', plural: 'advisors', add: 'Add an advisor' },
};

const SHOW = [['all', 'Active and inactive'], ['active', 'Active only'], ['inactive', 'Inactive only']];

/** The catalogue's own navigation, under the page heading. */
export function catalogueNav(current) {
  return h('nav', { class: 'catalogue-nav', 'aria-label': 'Catalogue' },
    h('ul', {}, Object.entries(SECTIONS).map(([key, { title }]) => h('li', {},
      h('a', { href: link(`admin/${key}`), 'aria-current': `admin/${key}` === current ? 'page' : null }, title)))));
}

/** [id, name] choices of every record of a listing, inactive ones said so (an old record may still name one). */
export async function optionsOf(path, { query, nameOf = item => item.name } = {}) {
  return (await getAll(path, query)).map(item => [String(item.id), item.active ? nameOf(item) : `${nameOf(item)} (inactive)`]);
}

/** A typed number as a number; anything else as typed, so that the API says what is wrong with it. */
export function numberOrText(text) {
  if (text === '') {
    return null;
  }
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

export function statusBadge(active) {
  return active ? h('sgds-badge', { variant: 'success' }, 'Active') : h('sgds-badge', { variant: 'neutral' }, 'Inactive');
}

/** A labelled native select (SGDS 3.8.0's select cannot be given a value before it has drawn). */
function nativeSelect(id, label, options, value) {
  const select = h('select', { id, name: id, class: 'native-select', 'aria-describedby': `${id}-error` },
    options.map(([optionValue, text]) => h('option', { value: optionValue, selected: String(optionValue) === String(value ?? '') }, text)));
  const element = h('div', { class: 'field' },
    h('label', { for: id, class: 'field-label' }, label),
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
    select);
  return { element, select };
}

/**
 * The list of one kind of record (a key of SECTIONS). spec: lede, search [label, hint], searched(item, names) → the
 * texts the search looks in (default: name and code), nameOf(item) (default: its name), columns
 * [{ head, cell(item, names) }] (the first links to the record), filters [{ name, label, any, options [[value, text]]
 * or from (a listing whose records are the options) }], passed to the API as they are named. names: for each filter,
 * value → text (an office's id → its name).
 */
export function listOf(key, details) {
  return { render: (main, { query }) => listScreen(main, query, key, details) };
}

async function listScreen(main, query, key, details) {
  const spec = { ...SECTIONS[key], route: `admin/${key}`, api: `api/${key}`, nameOf: item => item.name,
    searched: item => [spec.nameOf(item), item.code], ...details };
  const chosen = await Promise.all((spec.filters || []).map(async filter => ({ ...filter,
    options: filter.options ?? await optionsOf(filter.from, { nameOf: filter.nameOf }) })));
  const names = Object.fromEntries(chosen.map(filter => [filter.name, new Map(filter.options)]));
  page(main, spec.title);
  const show = SHOW.some(([value]) => value === query.show) ? query.show : 'all';
  const notice = h('div', { id: 'notice', class: 'notice' });
  if (query.saved) {
    notice.append(alert('success', `${capital(spec.noun)} saved`, `${query.saved} is saved.`));
  }
  const [searchLabel, searchHint] = spec.search;
  const find = h('sgds-input', { label: searchLabel, id: 'find', name: 'q', type: 'search', placeholder: '',
    hintText: searchHint });
  const showField = nativeSelect('show', 'Show', SHOW, show);
  const filters = chosen.map(filter => ({ name: filter.name,
    ...nativeSelect(filter.name, filter.label, [['', filter.any], ...filter.options], query[filter.name]) }));
  const form = h('form', { class: 'catalogue-filters', role: 'search', 'aria-label': `Find ${spec.plural}` },
    find, showField.element, filters.map(filter => filter.element),
    h('sgds-button', { type: 'submit', variant: 'primary', id: 'search' }, 'Search'));
  const results = h('div', { id: 'results' });
  main.append(catalogueNav(spec.route), spec.lede ? h('p', { class: 'lede' }, spec.lede) : null, notice,
    h('div', { class: 'actions' }, h('sgds-button', { variant: 'outline', href: link(`${spec.route}/new`), id: 'add' },
      spec.add)),
    form, results);
  find.value = query.q ?? '';
  submitOnEnter(form);
  form.addEventListener('submit', event => {
    event.preventDefault();
    go(spec.route, { q: valueOf(find), show: showField.select.value,
      ...Object.fromEntries(filters.map(filter => [filter.name, filter.select.value])) });
  });

  const serverFilters = Object.fromEntries(filters.map(filter => [filter.name, query[filter.name]]));
  const words = (query.q ?? '').trim().toLowerCase();
  const load = async () => {
    const items = await getAll(spec.api, { ...serverFilters, active: show === 'all' ? undefined : show === 'active' });
    const shown = words ? items.filter(item => spec.searched(item, names)
      .some(text => String(text ?? '').toLowerCase().includes(words))) : items;
    const count = shown.length;
    const caption = h('p', { class: 'results-caption', id: 'results-caption', role: 'status' },
      count === 0 ? `No ${spec.plural} found.` : `${count} ${count === 1 ? spec.noun : spec.plural}`
        + `${words ? ` matching \u201c${query.q.trim()}\u201d` : ''}.`);
    results.replaceChildren(caption, count ? table(shown, spec, names, changed) : '');
  };
  /** After Deactivate or Activate: the list as it is now, the message, and focus back on the same record's button. */
  const changed = async (item, message) => {
    await load();
    notice.replaceChildren(message);
    (document.getElementById(`toggle-${item.id}`) ?? message).focus();
  };
  await load();
}

function table(items, spec, names, changed) {
  const table = h('sgds-table', { role: 'table', 'aria-labelledby': 'results-caption', id: 'results-table' },
    h('sgds-table-row', {}, [...spec.columns.map(column => column.head), 'Status', 'Change'].map(text =>
      h('sgds-table-head', {}, text))),
    items.map(item => row(item, spec, names, changed)));
  // SGDS 3.8.0 wraps the rows in a focusable div (for scrolling), which breaks the table's row ownership for
  // assistive technology (axe: aria-required-children); this table need not scroll.
  table.updateComplete.then(() => table.shadowRoot?.querySelector('div[tabindex]')?.removeAttribute('tabindex'));
  return table;
}

function row(item, spec, names, changed) {
  const [first, ...rest] = spec.columns;
  const name = spec.nameOf(item);
  const toggle = async event => {
    const button = event.currentTarget;
    button.loading = true;
    try {
      await post(`${spec.api}/${item.id}/${item.active ? 'deactivate' : 'activate'}`);
      await changed(item, item.active
        ? alert('success', `${name} is now inactive`,
          'It is no longer offered for new sessions; existing bookings keep it. Activate it again at any time.')
        : alert('success', `${name} is active again`, 'It can be chosen for new sessions.'));
    } catch (error) {
      button.loading = false;
      if (error.status !== 401) {
        const message = alert('danger', `${name} could not be changed`, error.message);
        message.setAttribute('tabindex', '-1');
        await changed(item, message);
      }
    }
  };
  return h('sgds-table-row', { id: `row-${item.id}` },
    h('sgds-table-cell', {}, h('a', { href: link(`${spec.route}/${item.id}`) }, first.cell(item, names))),
    rest.map(column => h('sgds-table-cell', {}, column.cell(item, names))),
    h('sgds-table-cell', {}, statusBadge(item.active)),
    h('sgds-table-cell', {}, h('sgds-button', {
      variant: item.active ? 'danger' : 'outline', size: 'sm', id: `toggle-${item.id}`, 'on:click': toggle,
    }, item.active ? 'Deactivate' : 'Activate', h('span', { class: 'visually-hidden' }, ` ${name}`))));
}

/**
 * One field of a form. kind: text (an sgds-input), select (native), checkboxes or radios (native, in a fieldset).
 * options [[value, text]]; fixed: shown, not changed, once the record exists; owns(violation) places an API
 * complaint here (default: its name); explain(message) says it for a person.
 */
export function control(field, editing = false) {
  const id = field.id ?? field.name.replace(/[^A-Za-z0-9_-]/g, '-');
  if (field.fixed === 'always' || (field.fixed && editing)) {
    let kept = null;
    const text = h('span', {});
    return { field, id, element: h('p', { class: 'field-fixed' }, h('span', { class: 'field-label' }, `${field.label}: `), text),
      get: () => kept, set: value => { kept = value; text.textContent = optionText(field, value); } };
  }
  if (field.kind === 'select') {
    const { element, select } = nativeSelect(id, field.label, [['', field.placeholder ?? 'Choose\u2026'], ...field.options], '');
    return { field, id, element, target: select, marked: select,
      get: () => select.value, set: value => { select.value = value ?? ''; },
      setOptions: options => select.replaceChildren(...[['', field.placeholder ?? 'Choose\u2026'], ...options]
        .map(([value, text]) => h('option', { value }, text))) };
  }
  if (field.kind === 'checkboxes' || field.kind === 'radios') {
    const type = field.kind === 'checkboxes' ? 'checkbox' : 'radio';
    const choices = h('div', {});
    const fieldset = h('fieldset', { id, class: 'choice-group', 'aria-describedby': `${id}-error` },
      h('legend', { class: 'field-label' }, field.label),
      field.hint ? h('p', { class: 'field-hint' }, field.hint) : null,
      h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
      choices);
    const setOptions = options => choices.replaceChildren(...(options.length ? options.map(([value, text]) =>
      h('div', { class: 'choice' },
        h('input', { type, name: id, id: `${id}-${value}`, value }),
        h('label', { for: `${id}-${value}` }, text))) : [h('p', {}, field.none ?? 'None to choose from.')]));
    setOptions(field.options || []);
    const inputs = () => [...choices.querySelectorAll('input')];
    return { field, id, element: fieldset, marked: fieldset, setOptions,
      get target() { return inputs()[0] ?? fieldset; },
      get: () => {
        const chosen = inputs().filter(input => input.checked).map(input => input.value);
        return type === 'checkbox' ? chosen : chosen[0] ?? '';
      },
      set: value => {
        const wanted = new Set([value ?? ''].flat().map(String));
        inputs().forEach(input => { input.checked = wanted.has(input.value); });
      } };
  }
  const input = h('sgds-input', { label: field.label, id, name: id, placeholder: '', hintText: field.hint,
    type: field.type, lang: field.lang });
  return { field, id, element: input, target: input, marked: input,
    get: () => valueOf(input), set: value => { input.value = value == null ? '' : String(value); } };
}

function optionText(field, value) {
  if (Array.isArray(value)) {
    return value.length ? value.map(one => optionText(field, one)).join(', ') : 'none';
  }
  const found = (field.options || []).find(([optionValue]) => String(optionValue) === String(value));
  return found ? found[1] : value === '' || value === null || value === undefined ? 'empty' : String(value);
}

/** "Name: must not be blank" said as an instruction. */
function explain(field, message) {
  if (field.explain) {
    return field.explain(message);
  }
  if (/must not be (blank|null|empty)|required/i.test(message)) {
    return field.kind === 'text' ? `Enter the ${field.label.toLowerCase()}` : `Choose the ${field.label.toLowerCase()}`;
  }
  return `${field.label}: ${message}`;
}

/**
 * The form of one kind of record (a key of SECTIONS): create (POST) or change (PUT with If-Match). spec: id (null for
 * new), newTitle, titleOf(record), fields, formValues(record | null) → { field name: value }, toBody(values, record),
 * check(values) → [{ field, message }] found before sending, layout(controls) → the form's content (default: the
 * fields in order), ready(controls, record), after(main, record), saved(record, editing) → where to go.
 */
export async function formScreen(main, query, key, details) {
  const spec = { ...SECTIONS[key], route: `admin/${key}`, api: `api/${key}`, ...details };
  const editing = spec.id != null;
  let etag = null;
  let record = null;
  if (editing) {
    const answer = await get(`${spec.api}/${encodeURIComponent(spec.id)}`);
    record = answer.body;
    etag = answer.etag;
  }
  const heading = page(main, editing ? spec.titleOf(record) : spec.newTitle, { focus: false });
  const controls = Object.fromEntries(spec.fields.map(field => [field.name, control(field, editing)]));
  const notice = h('div', { id: 'notice', class: 'notice' });
  if (query.saved) {
    notice.append(alert('success', `${capital(spec.noun)} saved`, query.saved === 'new'
      ? `The ${spec.noun} is created.` : 'Your changes are saved.'));
  }
  const problems = h('div');
  const submit = h('sgds-button', { type: 'submit', variant: 'primary', id: 'save' },
    editing ? 'Save changes' : `Create ${spec.noun}`);
  const form = h('form', { class: 'form', id: 'record-form' },
    spec.layout ? spec.layout(controls) : Object.values(controls).map(c => c.element),
    h('div', { class: 'actions' }, submit, h('a', { href: link(spec.listRoute ?? spec.route), id: 'cancel' }, 'Cancel')));
  main.append(spec.nav === false ? '' : catalogueNav(spec.route), notice, problems, form);
  await spec.ready?.(controls, record);
  fill(controls, spec.formValues(record));
  submitOnEnter(form);

  const values = () => Object.fromEntries(Object.entries(controls).map(([name, c]) => [name, c.get()]));

  const refuse = (violations, fallback) => showRefusal(problems, controls, violations, fallback);

  const stale = async typed => {
    const answer = await get(`${spec.api}/${encodeURIComponent(spec.id)}`);
    record = answer.body;
    etag = answer.etag;
    const now = spec.formValues(record);
    const said = name => optionText(controls[name].field, now[name]);
    const differing = Object.keys(controls).filter(name => said(name) !== optionText(controls[name].field, typed[name]));
    heading.textContent = spec.titleOf(record);
    const message = alert('warning', `Someone else changed this ${spec.noun} since you opened it`,
      h('p', {}, 'Nothing was saved. What is saved now, beside what you typed:'),
      h('ul', { id: 'saved-now' }, differing.map(name => h('li', {},
        `${controls[name].field.label}: saved now \u201c${said(name)}\u201d, you typed \u201c${optionText(controls[name].field, typed[name])}\u201d`))),
      h('p', {}, 'The form still holds what you typed: save again to replace their change with yours, or ',
        h('a', { href: '#', id: 'take-saved', 'on:click': event => {
          event.preventDefault();
          fill(controls, now);
          notice.replaceChildren();
          heading.focus();
        } }, 'show the saved version in the form'), '.'));
    message.id = 'outcome';
    message.setAttribute('tabindex', '-1');
    notice.replaceChildren(message);
    message.focus();
  };

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearRefusal(problems, controls);
    const typed = values();
    const found = spec.check ? spec.check(typed) : [];
    if (found.length) {
      refuse(found, '');
      return;
    }
    submit.loading = true;
    try {
      const body = spec.toBody(typed, record);
      const answer = editing ? await put(`${spec.api}/${record.id}`, body, { ifMatch: etag })
        : await post(spec.api, body);
      const [path, where] = spec.saved(answer.body, editing);
      go(path, where);
    } catch (error) {
      if (error.status === 412) {
        await stale(typed);
      } else if (error.status !== 401) {
        refuse(error.violations ?? [], error.status === 409
          ? `Another ${spec.noun} already has this code or name, or it changed meanwhile. ${error.detail}`
          : error.message);
      }
    } finally {
      submit.loading = false;
    }
  });

  if (editing && spec.after) {
    await spec.after(main, record);
  }
  // Focus once every SGDS field has drawn: a component finishing later must not take it away again.
  await Promise.all([...form.querySelectorAll('*')].map(element => element.updateComplete).filter(Boolean));
  await new Promise(requestAnimationFrame);
  if (!notice.querySelector('#outcome')) {
    heading.focus();
  }
  return null;  // nothing to stop when the officer moves on (main.js calls what a screen returns)
}

/**
 * The API's (or the form's own) complaints: each at its field and all in an error summary at the top, which takes
 * focus; complaints about no field of the form are listed by their field's name.
 */
export function showRefusal(problems, controls, violations, fallback) {
  const byControl = new Map();
  const unplaced = [];
  for (const violation of violations) {
    const owner = Object.values(controls).find(c => (c.field.owns ? c.field.owns(violation)
      : violation.field === c.field.name || violation.field.startsWith(`${c.field.name}.`)
        || violation.field.startsWith(`${c.field.name}[`)));
    if (owner && !byControl.has(owner)) {
      byControl.set(owner, explain(owner.field, violation.message));
    } else if (!owner) {
      unplaced.push({ message: `${violation.field}: ${violation.message}` });
    }
  }
  const listed = Object.values(controls).filter(c => byControl.has(c)).map(c => {
    markField(c.marked, byControl.get(c));
    return { message: byControl.get(c), target: c.target };
  });
  const summary = errorSummary(listed.length || unplaced.length ? [...listed, ...unplaced] : [{ message: fallback }]);
  problems.replaceChildren(summary);
  summary.focus();
}

/** Clears every field's message and the summary before the next try. */
export function clearRefusal(problems, controls) {
  Object.values(controls).forEach(c => markField(c.marked, null));
  problems.replaceChildren();
}

function fill(controls, values) {
  Object.entries(controls).forEach(([name, c]) => c.set(values[name]));
}

function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** After saving, back to the list, which names what was saved. */
export function backToList(route, nameOf) {
  return saved => [route, { saved: nameOf(saved) }];
}
