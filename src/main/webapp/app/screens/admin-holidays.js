// Public holidays (GET /api/holidays?year=, administrators import with PUT text/calendar): one year at a time, with
// the previous and next year a click away, and an .ics file chosen on the computer, read in the page and sent as it
// is. The API replaces every year the file mentions and says how many days it took; a file it cannot use comes back
// as its problem, said in words.

import { get, put } from '../api.js';
import { go, link } from '../router.js';
import { errorSummary, h, outcome, page } from '../ui.js';

const DAY = new Intl.DateTimeFormat('en-SG', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });

/** "2026-08-09" → "Sunday, 9 August": a date without a time, so no time zone can shift it. */
function dayWords(isoDate) {
  return DAY.format(new Date(`${isoDate}T00:00:00Z`));
}

function thisYear() {
  return Number(new Intl.DateTimeFormat('en-SG', { timeZone: 'Asia/Singapore', year: 'numeric' }).format(new Date()));
}

export async function render(main, { query }) {
  const asked = Number(query.year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear();
  page(main, `Public holidays ${year}`);
  const said = h('div', { id: 'holidays-outcome' });
  const problems = h('div', { id: 'holidays-problems' });
  const { body: days } = await get('api/holidays', { query: { year } });

  const years = h('nav', { class: 'actions', id: 'holidays-years', 'aria-label': 'Other years' },
    year > 2000 ? h('a', { href: link('admin/holidays', { year: year - 1 }), id: 'holidays-previous' }, `\u2190 ${year - 1}`) : null,
    year < 2100 ? h('a', { href: link('admin/holidays', { year: year + 1 }), id: 'holidays-next' }, `${year + 1} \u2192`) : null);
  const caption = h('p', { class: 'results-caption', id: 'holidays-caption' },
    days.length ? `${days.length} public ${days.length === 1 ? 'holiday' : 'holidays'} in ${year}. No sessions are `
      + 'offered on these days.' : `No public holidays are known for ${year}. Import them before bookings reach into it.`);
  const table = days.length ? h('sgds-table', { role: 'table', 'aria-labelledby': 'holidays-caption', id: 'holidays-table' },
    h('sgds-table-row', {}, h('sgds-table-head', {}, 'Date'), h('sgds-table-head', {}, 'Holiday')),
    days.map(day => h('sgds-table-row', {},
      h('sgds-table-cell', {}, dayWords(day.day)), h('sgds-table-cell', {}, day.name)))) : null;
  table?.updateComplete.then(() => table.shadowRoot?.querySelector('div[tabindex]')?.removeAttribute('tabindex'));

  const file = h('input', { type: 'file', id: 'holidays-file', name: 'file', accept: '.ics,text/calendar',
    class: 'file-input', 'aria-describedby': 'holidays-file-hint holidays-file-error' });
  const fileError = h('p', { class: 'field-error', id: 'holidays-file-error', hidden: true });
  const submit = h('sgds-button', { type: 'submit', variant: 'primary', id: 'holidays-import' }, 'Import');
  const form = h('form', { class: 'form', id: 'holidays-form', 'aria-labelledby': 'holidays-import-title' },
    h('h2', { id: 'holidays-import-title' }, 'Import public holidays'),
    h('label', { for: 'holidays-file', class: 'field-label' }, 'iCalendar file (.ics)'),
    h('p', { class: 'field-hint', id: 'holidays-file-hint' }, 'Every year the file covers is replaced by its days; '
      + 'other years stay as they are. MOM publishes the list; config/sg-public-holidays.ics holds the current one.'),
    fileError, file, h('div', { class: 'actions' }, submit));

  main.append(said, problems, years, caption, table, form);

  const refuse = message => {
    file.setAttribute('aria-invalid', 'true');
    fileError.textContent = `Error: ${message}`;
    fileError.hidden = false;
    const summary = errorSummary([{ message, target: file }], { title: 'The holidays were not imported' });
    problems.replaceChildren(summary);
    summary.focus();
  };

  form.addEventListener('submit', async event => {
    event.preventDefault();
    problems.replaceChildren();
    said.replaceChildren();
    file.setAttribute('aria-invalid', 'false');
    fileError.hidden = true;
    const chosen = file.files[0];
    if (!chosen) {
      refuse('Choose the .ics file to import');
      return;
    }
    submit.loading = true;
    try {
      const text = await chosen.text();
      const { body } = await put('api/holidays', undefined, { text, contentType: 'text/calendar' });
      go('admin/holidays', { year: body.years.includes(year) ? year : body.years[0], imported: body.days,
        covering: body.years.join(', ') });
    } catch (error) {
      if (error.status === 401) {
        return;
      }
      const why = error.fieldErrors.calendar ?? error.detail ?? error.message;
      refuse(error.status === 413 ? 'The file is too large to import. Split it by year.'
        : `${chosen.name} could not be used: ${why.replace(/\.$/, '')}. Choose an iCalendar file (.ics) with one `
          + 'event per holiday.');
    } finally {
      submit.loading = false;
    }
  });

  // Said once, right after the import (the address carries it, so Back does not claim a second import).
  if (query.imported && query.covering) {
    const count = Number(query.imported);
    outcome(said, 'success', 'Holidays imported', `${count} public ${count === 1 ? 'holiday' : 'holidays'} imported `
      + `for ${query.covering}. Those years now hold exactly the file's days.`);
    history.replaceState(null, '', link('admin/holidays', { year }));
  }
}
