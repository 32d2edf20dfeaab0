// Offices (administrator): the SSOs, their address and map position (for "nearest SSO first"), opening hours per
// weekday in Singapore time, and closures on whole days. GET/POST/PUT /api/offices, …/deactivate, …/closures.

import { del, get, post } from '../api.js';
import { backToList, clearRefusal, control, formScreen, listOf, numberOrText, showRefusal } from '../catalogue.js';
import { alert, h, submitOnEnter } from '../ui.js';

const ROUTE = 'admin/offices';
const API = 'api/offices';
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const DAY_NAMES = Object.fromEntries(DAYS.map(day => [day, day.charAt(0) + day.slice(1).toLowerCase()]));
const INTERVAL = /^(\d{1,2})[:.](\d{2})\s*(?:-|\u2013|\u2014|to)\s*(\d{1,2})[:.](\d{2})$/i;

/** "08:30-12:30, 13:30-17:30" → [{ opens, closes }]; "" → []; null when it cannot be read. */
export function parseDay(text) {
  const parts = text.split(/[,;]/).map(part => part.trim()).filter(Boolean);
  const intervals = parts.map(part => INTERVAL.exec(part)).map(found => found && {
    opens: `${found[1].padStart(2, '0')}:${found[2]}`, closes: `${found[3].padStart(2, '0')}:${found[4]}`,
  });
  return intervals.every(Boolean) ? intervals : null;
}

function dayText(office, day) {
  return office.openingHours.filter(hours => hours.day === day)
    .map(hours => `${hours.opens.slice(0, 5)}-${hours.closes.slice(0, 5)}`).join(', ');
}

export const list = listOf('offices', {
  lede: 'The Social Service Offices, their opening hours and closures. An inactive office offers no new sessions.',
  search: ['Name or code', 'For example Ang Mo Kio'],
  searched: office => [office.name, office.code, office.postalCode],
  columns: [
    { head: 'Name', cell: office => office.name },
    { head: 'Code', cell: office => office.code },
    { head: 'Postal code', cell: office => office.postalCode },
    { head: 'Open on', cell: office => DAYS.filter(day => dayText(office, day)).map(day => DAY_NAMES[day].slice(0, 3))
      .join(', ') || 'No opening hours' },
  ],
});

const hoursFields = DAYS.map(day => ({
  name: `hours.${day}`, id: `hours-${day}`, label: DAY_NAMES[day], kind: 'text',
  owns: violation => violation.field === `hours.${day}`
    || (violation.field.startsWith('openingHours') && violation.message.includes(day)),
  explain: message => (message.startsWith('Opening hours')
    ? message : `Opening hours: ${message.replace(/\b[A-Z]{6,9}\b/g, word => DAY_NAMES[word] ?? word)}`),
}));

const FIELDS = [
  { name: 'code', label: 'Code', kind: 'text', hint: 'Short and unique: letters, digits, - and _, for example AMK' },
  { name: 'name', label: 'Name', kind: 'text', hint: 'As clients know it, for example SSO@Ang Mo Kio' },
  { name: 'address', label: 'Address', kind: 'text' },
  { name: 'postalCode', label: 'Postal code', kind: 'text', hint: 'Six digits',
    explain: () => 'Enter the postal code: six digits, for example 560123' },
  { name: 'latitude', label: 'Latitude', kind: 'text', hint: 'Decimal degrees, for example 1.3691 (Singapore lies between 1.1 and 1.5)' },
  { name: 'longitude', label: 'Longitude', kind: 'text', hint: 'Decimal degrees, for example 103.8454' },
  ...hoursFields,
];

export const form = {
  render(main, { params, query }) {
    return formScreen(main, query, 'offices', {
      id: params.id ?? null, fields: FIELDS,
      newTitle: 'Add an office', titleOf: office => `Office: ${office.name}`,
      layout: controls => [
        ...FIELDS.filter(field => !field.name.startsWith('hours.')).map(field => controls[field.name].element),
        h('fieldset', { class: 'hours-group', id: 'opening-hours' },
          h('legend', { class: 'field-label' }, 'Opening hours (Singapore time)'),
          h('p', { class: 'field-hint' }, 'Times like 08:30-17:30; with a lunch break 08:30-12:30, 13:30-17:30. '
            + 'Leave a day empty when the office is closed.'),
          hoursFields.map(field => controls[field.name].element)),
      ],
      formValues: office => ({
        code: office?.code, name: office?.name, address: office?.address, postalCode: office?.postalCode,
        latitude: office?.latitude ?? '', longitude: office?.longitude ?? '',
        ...Object.fromEntries(DAYS.map(day => [`hours.${day}`, office ? dayText(office, day) : ''])),
      }),
      check: values => DAYS.filter(day => parseDay(values[`hours.${day}`]) === null).map(day => ({
        field: `hours.${day}`,
        message: `Opening hours, ${DAY_NAMES[day]}: write the times like 08:30-17:30, or leave the day empty`,
      })),
      toBody: values => ({
        code: values.code, name: values.name, address: values.address, postalCode: values.postalCode,
        latitude: numberOrText(values.latitude), longitude: numberOrText(values.longitude),
        openingHours: DAYS.flatMap(day => parseDay(values[`hours.${day}`]).map(hours => ({ day, ...hours }))),
      }),
      // A new office goes on to its own page, where its closures are kept.
      saved: (office, editing) => (editing ? backToList(ROUTE, o => o.name)(office) : [`${ROUTE}/${office.id}`, { saved: 'new' }]),
      after: closures,
    });
  },
};

const longDay = new Intl.DateTimeFormat('en-SG', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** "2027-03-15" → "Mon, 15 Mar 2027": a calendar day, the same everywhere. */
function dayOf(iso) {
  return longDay.format(new Date(`${iso}T00:00:00Z`));
}

/** The office's closures: a list with Withdraw, and a small form to add one. */
async function closures(main, office) {
  const listArea = h('div', { id: 'closure-list' });
  const notice = h('div', { id: 'closure-notice', class: 'notice' });
  const problems = h('div');
  const controls = {
    firstDay: control({ name: 'firstDay', id: 'closure-first', label: 'First day', kind: 'text', hint: 'For example 2027-03-15' }),
    lastDay: control({ name: 'lastDay', id: 'closure-last', label: 'Last day', kind: 'text',
      hint: 'The same as the first day for a single day',
      explain: message => (/before/.test(message) ? 'The last day cannot be before the first day' : `Last day: ${message}`) }),
    reason: control({ name: 'reason', id: 'closure-reason', label: 'Reason', kind: 'text',
      hint: 'Staff see it, for example: Renovation of the ground floor' }),
  };
  const add = h('sgds-button', { type: 'submit', variant: 'outline', id: 'add-closure' }, 'Add the closure');
  const closureForm = h('form', { class: 'form', 'aria-labelledby': 'closure-form-title' },
    h('h3', { id: 'closure-form-title' }, 'Add a closure'), problems,
    Object.values(controls).map(c => c.element), h('div', { class: 'actions' }, add));
  main.append(h('section', { id: 'closures', 'aria-labelledby': 'closures-title' },
    h('h2', { id: 'closures-title' }, 'Closures'),
    h('p', {}, 'Whole days the office is closed, such as a renovation or a staff retreat: no sessions are offered there '
      + 'on those days. Bookings already made stay; move them from the booking page.'),
    notice, listArea, closureForm));
  submitOnEnter(closureForm);

  const draw = async () => {
    const all = (await get(`${API}/${office.id}/closures`)).body;
    if (!all.length) {
      listArea.replaceChildren(h('p', { id: 'closures-caption' }, 'No closures.'));
      return;
    }
    listArea.replaceChildren(h('table', { class: 'catalogue-table', id: 'closures-table' },
      h('caption', {}, `${all.length} ${all.length === 1 ? 'closure' : 'closures'}`),
      h('thead', {}, h('tr', {}, ['First day', 'Last day', 'Reason', 'Change'].map(text => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, all.map(closure => h('tr', {},
        h('td', {}, dayOf(closure.firstDay)), h('td', {}, dayOf(closure.lastDay)), h('td', {}, closure.reason),
        h('td', {}, h('sgds-button', { variant: 'outline', size: 'sm', id: `withdraw-${closure.id}`,
          'on:click': () => withdraw(closure) }, 'Withdraw',
        h('span', { class: 'visually-hidden' }, ` the closure from ${dayOf(closure.firstDay)}`))))))));
  };

  const withdraw = async closure => {
    try {
      await del(`${API}/${office.id}/closures/${closure.id}`);
      notice.replaceChildren(alert('success', 'Closure withdrawn',
        `${office.name} is open again from ${dayOf(closure.firstDay)} to ${dayOf(closure.lastDay)}, as its hours say.`));
    } catch (error) {
      if (error.status !== 401) {
        notice.replaceChildren(alert('danger', 'The closure could not be withdrawn', error.message));
      }
    }
    await draw();
    document.getElementById('closures-title').focus();
  };

  closureForm.addEventListener('submit', async event => {
    event.preventDefault();
    clearRefusal(problems, controls);
    notice.replaceChildren();
    const body = Object.fromEntries(Object.entries(controls).map(([name, c]) => [name, c.get() || null]));
    add.loading = true;
    try {
      const saved = (await post(`${API}/${office.id}/closures`, body)).body;
      Object.values(controls).forEach(c => c.set(''));
      notice.replaceChildren(alert('success', 'Closure added',
        `${office.name} is closed from ${dayOf(saved.firstDay)} to ${dayOf(saved.lastDay)}: ${saved.reason}.`));
      await draw();
      notice.firstChild.setAttribute('tabindex', '-1');
      notice.firstChild.focus();
    } catch (error) {
      if (error.status !== 401) {
        showRefusal(problems, controls, error.violations.map(v => ({ ...v,
          message: /wrong form/.test(v.message) ? 'write the day like 2027-03-15' : v.message })), error.message);
      }
    } finally {
      add.loading = false;
    }
  });
  document.getElementById('closures-title').setAttribute('tabindex', '-1');
  await draw();
}
