// Reports (GET /api/reports/{name}; administrators everything, supervisors their SSOs, partners their agency): which
// report, the Singapore dates it covers, by month or week, grouped and filtered — all of it in the address
// (#/reports?report=travel&from=…), so a reload or a shared link shows the same report. Each chart has its table under
// it with the same figures; a cell about fewer than 5 clients reads "< 5", one with nothing to show "–".
//
// Charts are drawn by Chart.js (MIT, canvas), loaded only when this screen opens — the other screens' first load stays
// as it was. Every chart is named (role="img", aria-label) and summed up in a sentence; its series differ by line
// style and point shape, are named in a legend under the chart (and at the end of their line where the chart is wide),
// and have colours of at least 4.5:1 on white. Animation is off for a person who asked for reduced motion.

import { get, getAll } from '../api.js';
import { MODES } from '../bookings.js';
import { go, link } from '../router.js';
import { alert, errorSummary, h, markField, page, singaporeTime, tableScroll } from '../ui.js';
import { singaporeToday } from './sessions.js';

/** The reports, in the order of their links; `trend` are the line charts over the periods, `bars` the column by group. */
const REPORTS = [
  {
    name: 'sessions', words: 'Sessions',
    about: 'Sessions booked, attended, completed, cancelled (and by whom) and missed, with the no-show rate — also '
      + 'split by whether the client confirmed the reminder by SMS.',
    trend: [{ columns: ['booked', 'attended', 'noShows'], title: per => `Sessions booked, attended and missed per ${per}` }],
    bars: () => 'booked',
  },
  {
    name: 'lead-times', words: 'Lead times',
    about: 'Days from booking to session: the median and the 90th percentile (9 in 10 sessions were booked at most '
      + 'this far ahead).',
    trend: [{ columns: ['leadMedianDays', 'leadP90Days'],
      title: per => `Days booked ahead per ${per}: median and 90th percentile` }],
    bars: () => 'leadMedianDays',
  },
  {
    name: 'utilisation', words: 'Utilisation',
    about: 'Advisors\u2019 booked hours over their available hours, and rooms\u2019 booked hours over the SSO\u2019s '
      + 'opening hours.',
    groupBy: ['NONE', 'OFFICE', 'AGENCY'],
    trend: [{ columns: ['advisorUtilisation', 'roomUtilisation'], title: per => `Utilisation per ${per}: advisors and rooms` }],
    bars: groupBy => (groupBy === 'OFFICE' ? 'roomUtilisation' : 'advisorUtilisation'),
  },
  {
    name: 'sms', words: 'SMS',
    about: 'Texts sent, delivered and failed (by the provider\u2019s reason), clients who opted out, and calendar '
      + 'invitations sent and failed.',
    trend: [{ columns: ['smsSent', 'smsDelivered', 'smsFailed'], title: per => `Texts sent, delivered and failed per ${per}` }],
    bars: () => 'smsSent',
  },
  {
    name: 'travel', words: 'Travel saved',
    about: 'The travel clients were spared by a session at their SSO or by video from home instead of a trip to the '
      + 'agency\u2019s own office: hours and kilometres.',
    trend: [{ columns: ['hoursSaved'], perGroup: true, reference: true }, { columns: ['kmSaved'], perGroup: true }],
    bars: () => 'hoursSaved',
  },
  {
    name: 'first-free-slot', words: 'First free slot',
    about: 'For each service, how many days from now until the first time a client could be booked.',
    periods: false,
    bars: () => 'daysToFirstSlot',
  },
];

const GROUP_WORDS = { NONE: 'None', OFFICE: 'SSO', AGENCY: 'Agency', SERVICE: 'Service', MODE: 'How (mode)' };
/** The whole of the groups, in the tables and on the charts. */
const ALL_WORDS = { OFFICE: 'All SSOs', AGENCY: 'All agencies', SERVICE: 'All services', MODE: 'All ways' };
const UTILISATION_GROUP_WORDS = { ...GROUP_WORDS, OFFICE: 'SSO (rooms)', AGENCY: 'Agency (advisors)' };
const PERIOD_WORDS = { MONTH: 'Month', WEEK: 'Week (Monday to Sunday, cut at month ends)' };
const FILTERS = ['office', 'agency', 'service', 'mode'];

/** Series colours: each at least 4.5:1 on white (so also as the text of its end label), told apart by dash and shape too. */
const COLOURS = ['#1d4ed8', '#b45309', '#047857', '#7e22ce', '#be123c', '#0e7490'];
const DASHES = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 4], [16, 4]];
const SHAPES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'];
const REFERENCE_COLOUR = '#374151';
/** Lines per chart at most: with more groups the largest are drawn, and the table holds every one. */
const MOST_LINES = 6;
const SUPPRESSED = '< 5';
const NOT_APPLICABLE = '\u2013';

const WHOLE = new Intl.NumberFormat('en-SG', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('en-SG', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const DAY = new Intl.DateTimeFormat('en-SG', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/** A figure as a person reads it, with its unit. */
function formatted(value, unit) {
  if (value === null || value === undefined) {
    return NOT_APPLICABLE;
  }
  switch (unit) {
    case 'percent': return `${ONE_DECIMAL.format(value)}%`;
    case 'days': return `${ONE_DECIMAL.format(value)} ${value === 1 ? 'day' : 'days'}`;
    case 'hours': return `${ONE_DECIMAL.format(value)} h`;
    case 'km': return `${ONE_DECIMAL.format(value)} km`;
    case 'instant': return singaporeTime(value);
    default: return WHOLE.format(value);
  }
}

/** The words of one cell: "< 5" when it is hidden for privacy, "–" when there is nothing to show. */
function cellWords(row, column) {
  if (!row) {
    return NOT_APPLICABLE;
  }
  const value = row.cells?.[column.key];
  if (value === null || value === undefined) {
    return (row.suppressed || []).includes(column.key) ? SUPPRESSED : NOT_APPLICABLE;
  }
  return formatted(value, column.unit);
}

const UNIT_TITLES = { sessions: 'Sessions', messages: 'Messages', percent: 'Per cent', days: 'Days', hours: 'Hours',
  km: 'Kilometres' };

function dayWords(day) {
  return DAY.format(new Date(`${day}T00:00:00Z`));
}

/** The first and last day of the last 12 whole months ending with this one (the API's default), in Singapore. */
function lastTwelveMonths(today = singaporeToday()) {
  const [year, month] = today.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 12, 1));
  const last = new Date(Date.UTC(year, month, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** What the address asks for, with what the chosen report cannot take left out. */
function choiceFrom(query) {
  const report = REPORTS.find(r => r.name === query.report) ?? REPORTS[0];
  const groups = report.groupBy ?? Object.keys(GROUP_WORDS);
  return {
    report,
    from: report.periods === false ? '' : query.from || '',
    to: report.periods === false ? '' : query.to || '',
    period: report.periods === false ? '' : (query.period in PERIOD_WORDS ? query.period : 'MONTH'),
    groupBy: report.periods === false ? '' : (groups.includes(query.groupBy) ? query.groupBy : 'NONE'),
    ...Object.fromEntries(FILTERS.map(name => [name, query[name] || ''])),
  };
}

/** The address (and the API's query) of a choice; defaults are left out so links stay short. */
function queryOf(choice, reportName = choice.report.name) {
  const target = REPORTS.find(r => r.name === reportName);
  const groups = target.groupBy ?? Object.keys(GROUP_WORDS);
  return {
    report: reportName,
    from: target.periods === false ? '' : choice.from, to: target.periods === false ? '' : choice.to,
    period: target.periods === false || choice.period === 'MONTH' ? '' : choice.period,
    groupBy: target.periods === false || choice.groupBy === 'NONE' || !groups.includes(choice.groupBy) ? '' : choice.groupBy,
    ...Object.fromEntries(FILTERS.map(name => [name, choice[name]])),
  };
}

export async function render(main, { query, session }) {
  page(main, 'Reports');
  const choice = choiceFrom(query);
  const { report } = choice;
  const scope = session.role === 'SUPERVISOR' ? 'Figures for sessions held at your SSO.'
    : session.role === 'PARTNER' ? 'Figures for your agency\u2019s services.' : 'Figures for every SSO and agency.';
  main.append(
    h('p', { class: 'lede' }, `${scope} Dates are Singapore dates.`),
    h('nav', { class: 'report-nav', 'aria-label': 'Reports' }, h('ul', {}, REPORTS.map(r => h('li', {},
      h('a', { href: link('reports', queryOf(choice, r.name)), id: `report-${r.name}`,
        'aria-current': r === report ? 'page' : undefined }, r.words))))));

  const problems = h('div', { id: 'report-problems' });
  const form = h('form', { class: 'report-form', id: 'report-form', 'aria-label': 'What the report covers' });
  const results = h('div', { id: 'report-results', 'aria-busy': 'true' },
    h('p', { role: 'status' }, 'Loading the report\u2026'));
  main.append(problems, form, results);

  const [lists, answer] = await Promise.all([
    choicesFor(session),
    get(`api/reports/${report.name}`, { query: apiQuery(choice) }).then(r => ({ body: r.body }), error => ({ error })),
  ]);
  const controls = drawForm(form, choice, lists, answer.body);
  if (answer.error) {
    results.removeAttribute('aria-busy');
    refused(answer.error, { problems, results, controls });
    return;
  }
  await drawAnswer(results, choice, answer.body);
}

function apiQuery(choice) {
  const { report, ...rest } = queryOf(choice);
  return rest;
}

/** The lists for the filters, only what the caller may report on. */
async function choicesFor(session) {
  const partner = session.role === 'PARTNER';
  const [offices, agencies, services] = await Promise.all([
    getAll('api/offices'),
    getAll('api/agencies'),
    getAll('api/services', partner ? { agency: session.agencyId } : {}),
  ]);
  const mine = new Set((session.officeIds || []).map(String));
  return {
    offices: session.role === 'SUPERVISOR' ? offices.filter(o => mine.has(String(o.id))) : offices,
    agencies: partner ? agencies.filter(a => a.id === session.agencyId) : agencies,
    services,
    agencyNames: new Map(agencies.map(a => [a.id, a.name])),
  };
}

function select(id, label, options, value) {
  const control = h('select', { id, name: id, class: 'native-select', 'aria-describedby': `${id}-error` },
    options.map(([key, words]) => h('option', { value: key, selected: String(key) === String(value) }, words)));
  return {
    control,
    element: h('div', { class: 'report-field' }, h('label', { for: id, class: 'field-label' }, label),
      h('p', { class: 'field-error', id: `${id}-error`, hidden: true }), control),
  };
}

function dateField(id, label, value) {
  const control = h('input', { type: 'date', id, name: id, class: 'native-date', value: value || null,
    'aria-describedby': `${id}-error` });
  return {
    control,
    element: h('div', { class: 'report-field' }, h('label', { for: id, class: 'field-label' }, label),
      h('p', { class: 'field-error', id: `${id}-error`, hidden: true }), control),
  };
}

function drawForm(form, choice, lists, answer) {
  const { report } = choice;
  const defaults = lastTwelveMonths();
  const from = dateField('report-from', 'From', choice.from || answer?.from || defaults.from);
  const to = dateField('report-to', 'To (included)', choice.to || answer?.to || defaults.to);
  const words = report.name === 'utilisation' ? UTILISATION_GROUP_WORDS : GROUP_WORDS;
  const hasPeriods = report.periods !== false;
  const period = select('report-period', 'By', Object.entries(PERIOD_WORDS), choice.period);
  const groupBy = select('report-group-by', 'Group by', (report.groupBy ?? Object.keys(GROUP_WORDS))
    .map(key => [key, words[key]]), choice.groupBy);
  const serviceName = s => `${s.name?.en ?? s.code} (${lists.agencyNames.get(s.agencyId) ?? 'agency'})`;
  const office = select('report-office', 'SSO', [['', lists.offices.length === 1 ? lists.offices[0].name
    : 'Every SSO'], ...(lists.offices.length === 1 ? [] : lists.offices.map(o => [o.id, o.name]))], choice.office);
  const agency = select('report-agency', 'Agency', [['', lists.agencies.length === 1 ? lists.agencies[0].name
    : 'Every agency'], ...(lists.agencies.length === 1 ? [] : lists.agencies.map(a => [a.id, a.name]))], choice.agency);
  const service = select('report-service', 'Service', [['', 'Every service'],
    ...lists.services.map(s => [s.id, serviceName(s)])], choice.service);
  const mode = select('report-mode', 'How', [['', 'Every way'], ...Object.entries(MODES)], choice.mode);
  // The filters fold away: most of the time a report is read for everything in view. Open when one is in use.
  const FILTER_WORDS = { office: 'SSO', agency: 'agency', service: 'service', mode: 'how' };
  const inUse = FILTERS.filter(name => choice[name]).map(name => FILTER_WORDS[name]);
  const filters = h('details', { class: 'report-filters', id: 'report-filters', open: inUse.length > 0 },
    h('summary', { id: 'report-filters-summary' }, inUse.length ? `Filtered by ${inUse.join(', ')}`
      : 'Filter by SSO, agency, service or how'),
    h('div', { class: 'report-filter-fields' }, office.element, agency.element, service.element, mode.element));
  form.replaceChildren(...[
    hasPeriods ? from.element : null, hasPeriods ? to.element : null,
    hasPeriods ? period.element : null, hasPeriods ? groupBy.element : null,
    filters,
    h('div', { class: 'actions' },
      h('sgds-button', { type: 'submit', variant: 'primary', id: 'report-show' }, 'Show the report'),
      h('a', { href: link('reports', { report: report.name }), id: 'report-reset' }, 'Start again from the last 12 months')),
  ].filter(Boolean));
  form.addEventListener('submit', event => {
    event.preventDefault();
    go('reports', queryOf({
      report, from: hasPeriods ? from.control.value : '', to: hasPeriods ? to.control.value : '',
      period: hasPeriods ? period.control.value : '', groupBy: hasPeriods ? groupBy.control.value : '',
      office: office.control.value, agency: agency.control.value, service: service.control.value,
      mode: mode.control.value,
    }));
  });
  return { from: from.control, to: to.control, period: period.control, groupBy: groupBy.control,
    office: office.control, agency: agency.control, service: service.control, mode: mode.control };
}

/** A refused report: bad values at their fields with a summary at the top; a choice out of reach said plainly. */
function refused(error, { problems, results, controls }) {
  if (error.status === 404) {
    results.replaceChildren(alert('warning', 'Nothing to show for this choice',
      'The SSO, agency or service chosen is not one you can report on. ',
      h('a', { href: link('reports'), id: 'report-start-again' }, 'Start again with everything you can see')));
    return;
  }
  if (error.status !== 400) {
    throw error;
  }
  const labels = { from: 'From', to: 'To', period: 'By', groupBy: 'Group by', office: 'SSO', agency: 'Agency',
    service: 'Service', mode: 'How' };
  const listed = error.violations.map(({ field, message }) => {
    const name = String(field).split('.').pop();
    markField(controls[name], message.charAt(0).toUpperCase() + message.slice(1));
    return { message: `${labels[name] ?? name}: ${message}`, target: controls[name] ?? null };
  });
  const summary = errorSummary(listed.length ? listed : [{ message: error.detail || error.title }],
    { title: 'The report could not be made' });
  problems.replaceChildren(summary);
  results.replaceChildren();
  summary.focus();
}

/** The report's heading, download, charts with their tables, and the notes. */
async function drawAnswer(results, choice, answer) {
  const { report } = choice;
  const rows = new Map(answer.rows.map(row => [`${row.period ?? ''}|${row.group ?? ''}`, row]));
  const rowOf = (periodKey, groupKey) => rows.get(`${periodKey ?? ''}|${groupKey ?? ''}`);
  const columns = new Map(answer.columns.map(column => [column.key, column]));
  const grouped = answer.groups.length > 0;
  const groupWord = report.periods === false ? 'Service' : GROUP_WORDS[answer.groupBy] ?? 'Group';
  // First free slot is searched from now: it has no range, the moment it was searched is what it is about.
  const heading = report.periods === false ? `${answer.title}, searched ${singaporeTime(answer.generatedAt)}`
    : `${answer.title}: ${dayWords(answer.from)} to ${dayWords(answer.to)}${answer.period === 'WEEK' ? ', by week'
      : ', by month'}`;
  // The CSV of exactly what is shown: the range as the API widened it to whole periods.
  const range = report.periods === false ? {} : { from: answer.from, to: answer.to };
  const asked = Object.fromEntries(Object.entries({ ...apiQuery(choice), ...range, format: 'csv' })
    .filter(([, value]) => value));
  const csv = `api/reports/${report.name}?${new URLSearchParams(asked)}`;

  const parts = [
    h('div', { class: 'report-heading' },
      h('h2', { id: 'report-title' }, heading),
      h('sgds-button', { variant: 'outline', id: 'report-csv', href: csv,
        download: `linkup-${report.name}-${answer.from}-${answer.to}.csv` }, 'Download CSV')),
    h('p', { class: 'lede' }, report.about, report.periods === false ? ' The CSV holds the same figures.'
      : ' The CSV holds the same figures, for every period and group.'),
  ];
  const figures = [];
  if (report.periods !== false) {
    report.trend.forEach((trend, index) => figures.push(trendFigure(`report-trend-${index}`, trend, answer, columns,
      rowOf, grouped, index === 0)));
  }
  if (grouped) {
    figures.push(groupFigure('report-groups', columns.get(report.bars(answer.groupBy)) ?? answer.columns[0], answer,
      rowOf, groupWord));
  }
  parts.push(...figures.map(figure => figure.element));
  parts.push(notes(report, answer, report.name === 'travel' ? await methodLink() : null));
  results.replaceChildren(...parts);
  results.removeAttribute('aria-busy');

  try {
    const Chart = await chartLibrary();
    if (!results.isConnected) {
      return;
    }
    figures.forEach(figure => figure.draw(Chart));
    results.dataset.charts = 'drawn';
  } catch (failed) {
    results.dataset.charts = 'failed';
    results.prepend(alert('warning', 'The charts could not be drawn',
      'The tables below hold every figure. Reload the page to try the charts again.'));
  }
}

/** Lines over the periods: the report's key columns in total, or one column per group (the largest groups). */
function trendFigure(id, trend, answer, columns, rowOf, grouped, everyColumn) {
  const periods = answer.periods;
  const first = columns.get(trend.columns[0]);
  const perGroup = trend.perGroup && grouped;
  let series;
  let tableHead;
  let tableRows;
  let summary;
  const reference = trend.reference && answer.reference && answer.reference.perPeriod !== null
    && answer.reference.perPeriod !== undefined ? answer.reference : null;
  if (perGroup) {
    const ranked = [...answer.groups].sort((a, b) => (rowOf(null, b.key)?.cells?.[first.key] ?? -1)
      - (rowOf(null, a.key)?.cells?.[first.key] ?? -1));
    const all = { label: ALL_WORDS[answer.groupBy] ?? 'All', values: periods.map(p => rowOf(p.key, null)), column: first };
    series = ranked.slice(0, MOST_LINES).map(group => ({
      label: group.label, values: periods.map(p => rowOf(p.key, group.key)), column: first }));
    // With one group its line is the whole: no second line on top of it.
    if (ranked.length > 1) {
      series.push(all);
    }
    tableHead = ['Period', ...answer.groups.map(g => g.label), all.label];
    tableRows = [...periods.map(p => [p.label, ...answer.groups.map(g => cellWords(rowOf(p.key, g.key), first)),
      cellWords(rowOf(p.key, null), first)]),
    ['Total', ...answer.groups.map(g => cellWords(rowOf(null, g.key), first)), cellWords(rowOf(null, null), first)]];
    // The sentence speaks of the whole and the largest group; the table has every one.
    summary = trendSummary([all], periods, rowOf(null, null), reference, ranked.length > 1
      ? `Largest: ${ranked[0].label}, ${cellWords(rowOf(null, ranked[0].key), first)} over the range.`
        + (ranked.length > MOST_LINES ? ` The ${MOST_LINES} largest of ${ranked.length} are drawn.` : '') : '');
  } else {
    const shown = trend.columns.map(key => columns.get(key)).filter(Boolean);
    series = shown.map(column => ({ label: column.label, values: periods.map(p => rowOf(p.key, null)), column }));
    // Under the first chart, every column of the report by period; under a further one, its own columns.
    const inTable = everyColumn ? answer.columns : shown;
    tableHead = ['Period', ...inTable.map(c => c.label)];
    tableRows = [...periods.map(p => [p.label, ...inTable.map(c => cellWords(rowOf(p.key, null), c))]),
      ['Total', ...inTable.map(c => cellWords(rowOf(null, null), c))]];
    summary = trendSummary(series, periods, rowOf(null, null), reference, '');
  }
  const per = answer.period === 'WEEK' ? 'week' : 'month';
  const title = perGroup ? `${first.label} per ${per}, by ${GROUP_WORDS[answer.groupBy]}`
    : trend.title?.(per) ?? `${series.map(s => s.label).join(', ')} per ${per}`;
  const unit = first.unit;
  const legend = legendOf(id, [...series.map((s, i) => ({ label: s.label, colour: COLOURS[i % COLOURS.length],
    dash: DASHES[i % DASHES.length], shape: SHAPES[i % SHAPES.length] })),
  ...(reference ? [{ label: reference.label, colour: REFERENCE_COLOUR, dash: [3, 3], shape: null }] : [])]);
  return figure(id, title, summary, tableHead, tableRows, Chart => new Chart(canvasIn(id), {
    type: 'line',
    data: {
      labels: periods.map(p => p.label),
      datasets: [
        ...series.map((s, i) => ({
          label: s.label,
          data: s.values.map(row => numberOf(row, s.column)),
          borderColor: COLOURS[i % COLOURS.length],
          backgroundColor: COLOURS[i % COLOURS.length],
          borderDash: DASHES[i % DASHES.length],
          pointStyle: SHAPES[i % SHAPES.length],
          pointRadius: i === 0 ? 5 : 4,
          borderWidth: 2,
          spanGaps: false,
          // The first line at the bottom: where two lines meet, the dashed one over the solid one shows both.
          order: series.length - i,
        })),
        ...(reference ? [{
          label: reference.label,
          data: periods.map(() => reference.perPeriod),
          borderColor: REFERENCE_COLOUR,
          backgroundColor: REFERENCE_COLOUR,
          borderDash: [3, 3],
          borderWidth: 2,
          pointRadius: 0,
          reference: true,
          order: series.length + 1,
        }] : []),
      ],
    },
    options: chartOptions(unit, {
      // Room for the names at the lines' ends on a wide chart; a narrow one has only the legend under it.
      layout: { padding: context => ({ right: context.chart.width >= WIDE_CHART
        ? widestLabel(series.map(s => s.label)) + 16 : 8 }) },
      scales: {
        x: { ticks: { color: TEXT_COLOUR }, grid: { display: false } },
        y: { beginAtZero: true, ticks: { color: TEXT_COLOUR, callback: value => tick(value, unit) },
          title: { display: true, text: UNIT_TITLES[unit] ?? '', color: TEXT_COLOUR } },
      },
    }),
    plugins: [endLabels],
  }), legend);
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes) {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, String(value)));
  return element;
}

/** A legend in words under the chart: each line's dash and point shape drawn beside its name (aria-hidden). */
function legendOf(id, entries) {
  return h('ul', { class: 'report-legend', id: `${id}-legend`, 'aria-label': 'Legend' }, entries.map(entry => {
    const sample = svg('svg', { width: 44, height: 14, viewBox: '0 0 44 14', 'aria-hidden': 'true', focusable: 'false' });
    sample.append(svg('line', { x1: 1, y1: 7, x2: 43, y2: 7, stroke: entry.colour, 'stroke-width': 2,
      'stroke-dasharray': entry.dash.length ? entry.dash.join(' ') : 'none' }));
    const marker = shapeOf(entry.shape, entry.colour);
    if (marker) {
      sample.append(marker);
    }
    return h('li', {}, sample, entry.label);
  }));
}

/** Chart.js's point styles, drawn the same way at the middle of a legend sample. */
function shapeOf(shape, colour) {
  const paint = { fill: colour, stroke: colour, 'stroke-width': 1.5 };
  switch (shape) {
    case 'circle': return svg('circle', { cx: 22, cy: 7, r: 4, ...paint });
    case 'rect': return svg('rect', { x: 18, y: 3, width: 8, height: 8, ...paint });
    case 'triangle': return svg('polygon', { points: '22,2 27,11 17,11', ...paint });
    case 'rectRot': return svg('polygon', { points: '22,2 27,7 22,12 17,7', ...paint });
    case 'crossRot': return svg('path', { d: 'M18,3 L26,11 M26,3 L18,11', stroke: colour, 'stroke-width': 2 });
    case 'star': return svg('path', { d: 'M18,3 L26,11 M26,3 L18,11 M22,2 L22,12 M17,7 L27,7', stroke: colour,
      'stroke-width': 1.5 });
    default: return null;
  }
}

/** Bars by group over the whole range; a bar hidden for privacy is written "< 5" where it would be. */
function groupFigure(id, column, answer, rowOf, groupWord) {
  const groups = answer.groups;
  const values = groups.map(g => rowOf(null, g.key));
  const title = `${column.label} by ${groupWord.toLowerCase() === 'sso' ? 'SSO' : groupWord.toLowerCase()}`;
  const tableHead = [groupWord, ...answer.columns.map(c => c.label)];
  const total = rowOf(null, null);
  const tableRows = [...groups.map((g, i) => [g.label, ...answer.columns.map(c => cellWords(values[i], c))]),
    ...(total && answer.columns.some(c => cellWords(total, c) !== NOT_APPLICABLE)
      ? [[ALL_WORDS[answer.groupBy] ?? 'All', ...answer.columns.map(c => cellWords(total, c))]] : [])];
  const summary = barSummary(groups, values, column);
  return figure(id, title, summary, tableHead, tableRows, Chart => {
    const canvas = canvasIn(id);
    // A bar per group at a readable thickness: the box grows with the groups (CSSOM, which the CSP allows).
    canvas.parentElement.style.height = `${6 + groups.length * 2.5}rem`;
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: groups.map(g => g.label),
        datasets: [{
          label: column.label,
          data: values.map(row => numberOf(row, column)),
          words: values.map(row => cellWords(row, column)),
          backgroundColor: COLOURS[0],
          borderColor: COLOURS[0],
          maxBarThickness: 28,
        }],
      },
      options: chartOptions(column.unit, {
        indexAxis: 'y',
        layout: { padding: { right: 72 } },
        scales: {
          x: { beginAtZero: true, ticks: { color: TEXT_COLOUR, callback: value => tick(value, column.unit) },
            title: { display: true, text: UNIT_TITLES[column.unit] ?? '', color: TEXT_COLOUR } },
          y: { ticks: { color: TEXT_COLOUR }, grid: { display: false } },
        },
      }),
      plugins: [barLabels],
    });
  });
}

const TEXT_COLOUR = '#1f2937';

const TICK = new Intl.NumberFormat('en-SG', { maximumFractionDigits: 1 });

/** An axis tick: the number, with "%" for a rate (the axis title names the other units). */
function tick(value, unit) {
  return unit === 'percent' ? `${TICK.format(value)}%` : TICK.format(value);
}

function chartOptions(unit, extra) {
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: still ? false : { duration: 400 },
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          label: context => `${context.dataset.label}: ${context.raw === null ? (context.dataset.words?.[context.dataIndex]
            ?? SUPPRESSED) : formatted(context.raw, unit)}`,
        },
      },
    },
    ...extra,
  };
}

function numberOf(row, column) {
  const value = row?.cells?.[column.key];
  return typeof value === 'number' ? value : null;
}

/** A figure: its heading and one-sentence summary as the caption, the canvas, and the table with the same figures. */
function figure(id, title, summary, tableHead, tableRows, draw, legend = null) {
  const canvas = h('canvas', { id: `${id}-chart`, role: 'img', 'aria-label': `Chart: ${title}`,
    'aria-describedby': `${id}-summary` }, `${title}. ${summary}`);
  const tableId = `${id}-table`;
  const element = h('figure', { class: 'report-figure', id },
    h('figcaption', {}, h('h3', { id: `${id}-title` }, title), h('p', { id: `${id}-summary`, class: 'report-summary' }, summary)),
    h('div', { class: 'report-chart' }, canvas),
    legend,
    h('p', { class: 'results-caption', id: `${id}-caption` }, `${title}: the figures`),
    figuresTable(tableId, `${id}-caption`, tableHead, tableRows));
  let chart = null;
  return {
    element,
    draw(Chart) {
      chart?.destroy();
      chart = draw(Chart);
    },
  };
}

const TOTALS = new Set(['Total', 'All', ...Object.values(ALL_WORDS)]);

/** An SGDS table whose first column names each row (row headers), numbers right-aligned, the total row set apart. */
function figuresTable(id, labelledBy, head, rows) {
  const table = h('sgds-table', { role: 'table', 'aria-labelledby': labelledBy, id, class: 'report-table' },
    h('sgds-table-row', {}, head.map((text, i) => h('sgds-table-head', { class: i ? 'report-number-head' : null }, text))),
    rows.map((cells, r) => h('sgds-table-row', { class: r === rows.length - 1 && TOTALS.has(cells[0])
      ? 'report-total' : null },
    cells.map((cell, i) => (i === 0 ? h('sgds-table-head', { 'data-row-header': true, class: 'report-row-head' }, cell)
      : h('sgds-table-cell', { class: 'report-number' }, cell))))));
  // SGDS 3.8.0 gives every head cell role="columnheader" when it connects; the first of a body row heads the row.
  table.updateComplete.then(() => {
    table.shadowRoot?.querySelector('div[tabindex]')?.removeAttribute('tabindex');
    table.querySelectorAll('[data-row-header]').forEach(cell => cell.setAttribute('role', 'rowheader'));
  });
  return tableScroll(table, labelledBy);
}

function canvasIn(id) {
  return document.getElementById(`${id}-chart`);
}

/** Per series: "Booked: 11 over the range; 4 in Dec 2026; highest 6 in Oct 2026." ("< 5" where hidden). */
function trendSummary(series, periods, total, reference, extra) {
  if (!periods.length) {
    return 'No periods in this range.';
  }
  const lastPeriod = periods[periods.length - 1].label;
  const sentences = series.map(s => {
    const points = s.values.map((row, i) => ({ value: numberOf(row, s.column), period: periods[i].label }))
      .filter(p => p.value !== null);
    const high = points.reduce((best, p) => (best === null || p.value > best.value ? p : best), null);
    const latest = spoken(cellWords(s.values[s.values.length - 1], s.column));
    return `${s.label}: ${spoken(cellWords(s.total ?? total, s.column))} over the range; ${latest} in ${lastPeriod}`
      + (high && high.value > 0 && high.period !== lastPeriod
        ? `; highest ${formatted(high.value, s.column.unit)} in ${high.period}` : '') + '.';
  });
  if (reference) {
    sentences.push(`Dotted line: ${reference.label} (${formatted(reference.perPeriod, series[0].column.unit)} a `
      + 'period).');
  }
  if (extra) {
    sentences.push(extra);
  }
  return sentences.join(' ');
}

/** A cell's words in a sentence: the table's dash reads as words there. */
function spoken(words) {
  return words === NOT_APPLICABLE ? 'no figure' : words;
}

function barSummary(groups, values, column) {
  const drawn = groups.map((g, i) => ({ label: g.label, value: numberOf(values[i], column) })).filter(b => b.value !== null);
  const hidden = groups.length - drawn.length;
  if (!drawn.length) {
    return `No group has a figure to draw${hidden ? `; ${hidden} show ${SUPPRESSED}` : ''}.`;
  }
  const high = drawn.reduce((best, b) => (b.value > best.value ? b : best));
  const low = drawn.reduce((best, b) => (b.value < best.value ? b : best));
  return `${groups.length} ${groups.length === 1 ? 'bar' : 'bars'}; highest ${high.label} `
    + `(${formatted(high.value, column.unit)})` + (drawn.length > 1 ? `, lowest ${low.label} `
      + `(${formatted(low.value, column.unit)})` : '') + (hidden ? `; ${hidden} with no bar (${SUPPRESSED} or none)` : '') + '.';
}

/**
 * What "< 5" and "–" mean (the API's own note says the first; it is said here only if the API stops saying it), the
 * API's notes, and for travel saved where its method is written.
 */
function notes(report, answer, methodUrl) {
  const given = answer.notes || [];
  const items = [
    given.some(note => note.includes(SUPPRESSED)) ? null : h('li', {}, `\u201c${SUPPRESSED}\u201d: fewer than 5 clients `
      + 'are behind this figure, or it is hidden so that it cannot be worked out from a total.'),
    ...given.map(note => h('li', {}, note)),
    h('li', {}, `\u201c${NOT_APPLICABLE}\u201d: nothing to show, such as a rate with no sessions to divide by.`),
  ];
  if (report.name === 'travel') {
    const section = '\u201cClient travel saved: the method\u201d in Linkup\u2019s README';
    items.push(h('li', { id: 'report-method' }, 'Method: the trip each client was spared, from coordinates with a '
      + 'detour factor and a public-transport speed plus walking and waiting; every parameter and its source: ',
    methodUrl ? h('a', { href: methodUrl, id: 'report-method-link' }, section) : section, '.'));
  }
  return h('section', { class: 'report-notes', 'aria-labelledby': 'report-notes-title' },
    h('h2', { id: 'report-notes-title' }, 'About these figures'), h('ul', {}, items));
}

/** Where this deployment publishes the README's travel method (linkup.ui.travel-method-url), if it says. */
async function methodLink() {
  try {
    return (await get('api/ui-settings')).body.travelMethodUrl || null;
  } catch (unreadable) {
    return null;
  }
}

// --- Chart.js, loaded on first use (a same-origin script: the CSP stays default-src 'self') ---

let loading = null;

function chartLibrary() {
  if (window.Chart) {
    return Promise.resolve(window.Chart);
  }
  loading ??= new Promise((resolve, reject) => {
    const script = h('script', { src: 'assets/{{vendor:chartjs}}/dist/chart.umd.min.js', id: 'chartjs',
      'on:load': () => (window.Chart ? resolve(window.Chart) : reject(new Error('Chart.js did not start'))),
      'on:error': () => {
        loading = null;
        script.remove();
        reject(new Error('Chart.js could not be loaded'));
      } });
    document.head.append(script);
  });
  return loading;
}

/** Names each line at its last point, in the line's colour, nudged apart so that no two names overlap. */
const endLabels = {
  id: 'linkupEndLabels',
  afterDatasetsDraw(chart) {
    const { ctx, chartArea } = chart;
    if (chart.width < WIDE_CHART) {
      return;
    }
    const labels = [];
    chart.data.datasets.forEach((dataset, index) => {
      const meta = chart.getDatasetMeta(index);
      let last = -1;
      dataset.data.forEach((value, i) => {
        if (value !== null) {
          last = i;
        }
      });
      if (last < 0 || !meta.data[last]) {
        return;
      }
      if (dataset.reference) {
        referenceLabel(ctx, chartArea, dataset, meta.data[0].y);
        return;
      }
      labels.push({ y: meta.data[last].y, text: dataset.label, colour: dataset.borderColor });
    });
    labels.sort((a, b) => a.y - b.y);
    for (let i = 1; i < labels.length; i++) {
      labels[i].y = Math.max(labels[i].y, labels[i - 1].y + LABEL_GAP);
    }
    const overflow = labels.length ? labels[labels.length - 1].y - chartArea.bottom : 0;
    ctx.save();
    ctx.font = LABEL_FONT;
    ctx.textBaseline = 'middle';
    labels.forEach(label => {
      ctx.fillStyle = label.colour;
      ctx.fillText(label.text, chartArea.right + 8, overflow > 0 ? label.y - overflow : label.y);
    });
    ctx.restore();
  },
};

/** The reference line's name over its right end, on white so that a series crossing there leaves it readable. */
function referenceLabel(ctx, area, dataset, y) {
  ctx.save();
  ctx.font = LABEL_FONT;
  const width = ctx.measureText(dataset.label).width;
  const above = y - area.top > 24;
  const top = above ? y - 22 : y + 4;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(area.right - width - 12, top, width + 8, 18);
  ctx.fillStyle = dataset.borderColor;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  ctx.fillText(dataset.label, area.right - 8, top + 9);
  ctx.restore();
}

/** Writes each bar's figure at its end, and "< 5" where a bar is hidden for privacy. */
const barLabels = {
  id: 'linkupBarLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const dataset = chart.data.datasets[0];
    const x = chart.scales.x;
    const y = chart.scales.y;
    ctx.save();
    ctx.font = LABEL_FONT;
    ctx.textBaseline = 'middle';
    ctx.fillStyle = TEXT_COLOUR;
    dataset.data.forEach((value, i) => {
      const end = x.getPixelForValue(value ?? 0);
      ctx.fillText(dataset.words[i], end + 6, y.getPixelForValue(i));
    });
    ctx.restore();
  },
};

const LABEL_FONT = '600 13px Inter, system-ui, sans-serif';
/** Below this width (px) a line chart names its lines in the legend under it only. */
const WIDE_CHART = 600;

/** The room the end labels need to the right of the plot; at most a quarter of the window (a long name is cut). */
function widestLabel(texts) {
  const context = document.createElement('canvas').getContext('2d');
  context.font = LABEL_FONT;
  return Math.min(Math.max(0, ...texts.map(text => context.measureText(text).width)), window.innerWidth / 4);
}
const LABEL_GAP = 16;
