// One advisor's availability (GET/POST/PUT/DELETE /api/advisors/{id}/rules): their weekly blocks — days, times, every
// how many weeks, from when until when, in person at which SSO or by video, and the dates left out. The partner picks
// days and times; the API turns them into the RRULE it keeps (WeeklyPattern), so nobody types one. While a block is
// edited, a preview (POST …/rules/preview) shows the sessions the advisor would have open over the next two weeks, as
// counters would find them. Changes carry the version read as If-Match: a block changed by someone else meanwhile is
// reloaded and said, and the form keeps what was typed. An advisor of another agency is a page that does not exist.

import { del, get, post, put } from '../api.js';
import { link } from '../router.js';
import { alert, errorSummary, h, markField, page, submitOnEnter, valueOf } from '../ui.js';
import { spoken } from './advisors.js';
import { notFound } from './home.js';

const WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const DAY_NAMES = {
  MONDAY: 'Monday', TUESDAY: 'Tuesday', WEDNESDAY: 'Wednesday', THURSDAY: 'Thursday', FRIDAY: 'Friday',
  SATURDAY: 'Saturday', SUNDAY: 'Sunday',
};
const RRULE_DAYS = { MO: 'MONDAY', TU: 'TUESDAY', WE: 'WEDNESDAY', TH: 'THURSDAY', FR: 'FRIDAY', SA: 'SATURDAY', SU: 'SUNDAY' };

/** How client and advisor meet, as the partner chooses it for a block. */
const MODE_CHOICES = {
  IN_PERSON: 'In person at an SSO',
  VIDEO_AT_SSO: 'Video call \u2014 the client sits in an SSO video room',
  VIDEO_REMOTE: 'Video call \u2014 the client joins from home',
};
const MODE_SHORT = {
  IN_PERSON: 'In person',
  VIDEO_AT_SSO: 'Video, client at an SSO',
  VIDEO_REMOTE: 'Video, client at home',
};

/** The form's fields in the order an error summary lists them; the API's field names. */
const ORDER = ['weekdays', 'everyWeeks', 'startTime', 'endTime', 'modes', 'officeId', 'validFrom', 'validUntil',
  'exceptDates', 'rrule'];

const PREVIEW_DELAY_MS = 400;

export async function render(main, { params, session }) {
  let advisor;
  try {
    advisor = (await get(`api/advisors/${encodeURIComponent(params.id)}`)).body;
  } catch (error) {
    if (error.status === 404 || error.status === 400) {
      return notFound.render(main, { session });  // another agency's advisor reads like one that does not exist
    }
    throw error;
  }
  const [offices, services] = await Promise.all([
    get('api/offices', { query: { active: true, size: 200 } }).then(({ body }) => body.items),
    Promise.all(advisor.serviceIds.map(id => get(`api/services/${id}`).then(({ body }) => body).catch(() => null)))
      .then(found => found.filter(Boolean)),
  ]);
  const officeNames = new Map(offices.map(office => [office.id, office.name]));

  page(main, `Availability: ${advisor.displayName}`);
  main.append(
    h('p', { class: 'lede' }, `Speaks ${spoken(advisor.languages)}. `
      + `Offers ${services.length ? services.map(s => s.name?.en ?? s.code).join(', ') : 'no service yet'}.`),
    h('p', {}, h('a', { href: link('advisors') }, 'All advisors'), ' \u00b7 ',
      h('a', { href: link('agency/leave', { advisor: advisor.id }), id: 'advisor-leave' },
        `Leave and time away for ${advisor.displayName}`)));
  const notice = h('div', { id: 'notice' });
  const blocks = h('section', { 'aria-labelledby': 'blocks-title', id: 'blocks' });
  const editor = h('div', { id: 'editor' });
  main.append(notice, blocks, editor);

  let rules = [];
  let editing = null;  // { rule (null: new), etag, form } while the form is open

  async function reload() {
    rules = (await get(`api/advisors/${advisor.id}/rules`)).body;
    drawBlocks();
  }

  function tell(variant, title, ...body) {
    const message = alert(variant, title, ...body);
    message.id = 'outcome';
    message.setAttribute('tabindex', '-1');
    notice.replaceChildren(message);
    message.focus();
  }

  function drawBlocks() {
    const heading = h('h2', { id: 'blocks-title' }, 'Weekly availability');
    const add = h('sgds-button', { variant: 'primary', id: 'add-block', 'on:click': () => openEditor(null) },
      'Add a block');
    if (!rules.length) {
      blocks.replaceChildren(heading, h('p', { id: 'no-blocks' },
        'No availability yet: counters cannot book this advisor. Add a block of time the advisor is available.'),
      h('div', { class: 'actions' }, add));
      return;
    }
    const list = h('ul', { class: 'block-list', id: 'block-list' }, rules.map(rule => h('li', {
      class: 'block', id: `block-${rule.id}`, 'data-rule': rule.id,
    },
    h('p', { class: 'block-when' }, describeRule(rule)),
    h('p', { class: 'block-how' }, describeWhere(rule, officeNames)),
    h('p', { class: 'field-hint' }, describeValidity(rule)),
    rule.weekdays ? null : h('p', { class: 'field-hint' },
      'This repeat was set up outside this screen; it cannot be changed here, only withdrawn.'),
    h('div', { class: 'actions' },
      rule.weekdays ? h('sgds-button', { variant: 'outline', size: 'sm', id: `change-${rule.id}`,
        'on:click': () => openEditor(rule) }, 'Change') : null,
      h('sgds-button', { variant: 'danger', size: 'sm', id: `withdraw-${rule.id}`,
        'on:click': () => openWithdraw(rule) }, 'Withdraw')))));
    blocks.replaceChildren(heading, list, h('div', { class: 'actions' }, add));
  }

  function openWithdraw(rule) {
    closeEditor();
    const confirm = h('sgds-button', { variant: 'danger', id: 'confirm-withdraw' }, 'Withdraw the block');
    const area = h('section', { 'aria-labelledby': 'withdraw-title', class: 'form' },
      h('h2', { id: 'withdraw-title', tabindex: '-1' }, 'Withdraw this block?'),
      h('p', {}, describeRule(rule), '. ', describeWhere(rule, officeNames), '.'),
      h('p', {}, 'Sessions already booked stay booked. Counters will not be offered new sessions from this block.'),
      h('div', { class: 'actions' }, confirm,
        h('sgds-button', { variant: 'ghost', id: 'keep-block', 'on:click': () => {
          closeEditor();
          blocks.querySelector(`#withdraw-${rule.id}`)?.focus();
        } }, 'Keep it')));
    editor.replaceChildren(area);
    area.querySelector('h2').focus();
    confirm.addEventListener('click', async () => {
      confirm.loading = true;
      try {
        await del(`api/advisors/${advisor.id}/rules/${rule.id}`, { ifMatch: `"${rule.version}"` });
        closeEditor();
        await reload();
        tell('success', 'Block withdrawn', `${describeRule(rule)} is no longer offered to counters.`);
      } catch (error) {
        if (error.status === 401) {
          return;
        }
        closeEditor();
        await reload();
        if (error.status === 412) {
          const now = rules.find(r => r.id === rule.id);
          tell('warning', 'Someone else changed this block since you opened it',
            `Nothing was withdrawn. It now reads: ${now ? `${describeRule(now)}, ${describeWhere(now, officeNames)}` : 'withdrawn'}. `
            + 'Check it below, then withdraw it again if that is still right.');
        } else if (error.status === 404) {
          tell('info', 'This block was already withdrawn', 'Someone else withdrew it meanwhile.');
        } else {
          tell('danger', 'The block could not be withdrawn', error.message);
        }
      }
    });
  }

  function closeEditor() {
    if (editing?.timer) {
      clearTimeout(editing.timer);
    }
    editing = null;
    editor.replaceChildren();
  }

  function openEditor(rule) {
    closeEditor();
    const fields = editorFields(offices, services);
    const problems = h('div');
    const save = h('sgds-button', { type: 'submit', variant: 'primary', id: 'save-block' },
      rule ? 'Save changes' : 'Save block');
    const form = h('form', { class: 'form form-wide', id: 'block-form', 'aria-labelledby': 'editor-title' },
      h('h2', { id: 'editor-title', tabindex: '-1' }, rule ? 'Change a block' : 'Add a block'),
      problems,
      fields.weekdays, fields.everyWeeks.element,
      h('div', { class: 'time-pair' }, fields.startTime, fields.endTime),
      fields.modes, fields.officeId.element,
      h('div', { class: 'time-pair' }, fields.validFrom, fields.validUntil),
      fields.exceptDates,
      h('div', { class: 'actions' }, save,
        h('sgds-button', { variant: 'ghost', id: 'cancel-block', 'on:click': () => {
          closeEditor();
          (rule ? blocks.querySelector(`#change-${rule.id}`) : blocks.querySelector('#add-block'))?.focus();
        } }, 'Cancel')));
    const preview = h('section', { class: 'preview', id: 'preview', 'aria-labelledby': 'preview-title' },
      h('h2', { id: 'preview-title' }, 'Preview: open sessions in the next two weeks'),
      fields.service.element,
      h('p', { id: 'preview-status', class: 'field-hint', role: 'status' }, 'The preview shows once the block is complete.'),
      h('div', { id: 'preview-clash' }),
      h('div', { id: 'preview-days' }));
    editor.replaceChildren(h('div', { class: 'block-editor' }, form, preview));
    editing = { rule, etag: rule ? `"${rule.version}"` : null, form, timer: null, asked: 0 };
    fill(fields, rule);
    submitOnEnter(form);

    const schedulePreview = () => {
      clearTimeout(editing?.timer);
      if (editing) {
        editing.timer = setTimeout(() => showPreview(fields, preview), PREVIEW_DELAY_MS);
      }
    };
    form.addEventListener('input', schedulePreview);
    form.addEventListener('change', schedulePreview);
    fields.modes.addEventListener('change', () => fields.officeId.show(fields.modes.value.includes('IN_PERSON')));
    fields.service.select?.addEventListener('change', schedulePreview);
    showPreview(fields, preview);

    form.addEventListener('submit', async event => {
      event.preventDefault();
      ORDER.forEach(name => markField(fields[name]?.control ?? fields[name], null));
      problems.replaceChildren();
      const typed = bodyOf(fields);
      if (typed.problems.length) {
        refuse(problems, fields, typed.problems);
        return;
      }
      save.loading = true;
      try {
        if (editing.rule) {
          await put(`api/advisors/${advisor.id}/rules/${editing.rule.id}`, typed.body, { ifMatch: editing.etag });
        } else {
          await post(`api/advisors/${advisor.id}/rules`, typed.body);
        }
        const said = describeRule({ ...typed.body, rrule: 'FREQ=WEEKLY' });
        closeEditor();
        await reload();
        tell('success', rule ? 'Block changed' : 'Block saved', `${said}. Counters can book these times now.`);
      } catch (error) {
        if (error.status === 401) {
          return;
        }
        if (error.status === 412 || (error.status === 404 && editing.rule)) {
          await reload();
          const now = rules.find(r => r.id === editing.rule.id);
          if (now) {
            editing.etag = `"${now.version}"`;
          }
          refuse(problems, fields, [{ message: now
            ? `Someone else changed this block since you opened it. It now reads: ${describeRule(now)}, `
              + `${describeWhere(now, officeNames)}. Your changes are still below: save again to replace it.`
            : 'Someone else withdrew this block meanwhile. Cancel, then add it again if it is still needed.' }],
          'This block was changed by someone else');
        } else if (error.status === 409) {
          refuse(problems, fields, [{ message: overlapInWords(error, rules, officeNames), field: 'weekdays' }],
            'This block overlaps another one');
        } else if (error.status === 400 && error.violations.length) {
          refuse(problems, fields, error.violations.map(v => ({ field: fieldOf(v.field), message: explain(fieldOf(v.field), v.message) })));
        } else {
          refuse(problems, fields, [{ message: error.message }]);
        }
      } finally {
        save.loading = false;
      }
    });
    form.querySelector('h2').focus();
  }

  /** Asks for the preview of the form as it is; an answer overtaken by a later question is dropped. */
  async function showPreview(fields, preview) {
    if (!editing) {
      return;
    }
    const status = preview.querySelector('#preview-status');
    const clashArea = preview.querySelector('#preview-clash');
    const daysArea = preview.querySelector('#preview-days');
    const typed = bodyOf(fields);
    if (typed.problems.length) {
      status.textContent = `The preview shows once the block is complete: ${typed.problems[0].message.toLowerCase()}.`;
      clashArea.replaceChildren();
      daysArea.replaceChildren();
      return;
    }
    const asked = ++editing.asked;
    const mine = editing;
    status.textContent = 'Updating the preview\u2026';
    let answer;
    try {
      answer = (await post(`api/advisors/${advisor.id}/rules/preview`, typed.body, {
        query: { replacing: editing.rule?.id, service: fields.service.value() },
      })).body;
    } catch (error) {
      if (editing !== mine || asked !== mine.asked || error.status === 401) {
        return;
      }
      const first = error.violations[0];
      status.textContent = first
        ? `The preview shows once the block is complete: ${explain(fieldOf(first.field), first.message)}.`
        : `No preview: ${error.message}`;
      clashArea.replaceChildren();
      daysArea.replaceChildren();
      return;
    }
    if (editing !== mine || asked !== mine.asked) {
      return;
    }
    const sessions = answer.days.flatMap(day => day.sessions);
    const fromThis = sessions.filter(s => s.thisRule).length;
    status.textContent = answer.service
      ? `${sessions.length} open ${sessions.length === 1 ? 'session' : 'sessions'} of ${answer.durationMinutes} minutes `
        + `(${answer.service.name}) in the next two weeks, ${fromThis} of them from this block.`
        + (answer.truncated ? ' Only the first ones are listed.' : '')
      : 'The advisor offers no active service yet, so no session can be booked.';
    clashArea.replaceChildren(answer.clash ? h('p', { class: 'preview-clash', id: 'clash' },
      h('strong', {}, 'Cannot be saved like this: '),
      clashInWords(answer.clash, rules, officeNames), ' Change the days or the times.') : '');
    daysArea.replaceChildren(previewTable(answer.days));
  }

  await reload();
}

/** The form's fields, each with what an error is shown on (`control`) and its value. */
function editorFields(offices, services) {
  const weekdays = h('fieldset', { id: 'weekdays', class: 'choice-group day-choices', 'aria-describedby': 'weekdays-error' },
    h('legend', { class: 'field-label' }, 'Days of the week'),
    h('p', { class: 'field-error', id: 'weekdays-error', hidden: true }),
    WEEK.map(day => h('div', { class: 'choice' },
      h('input', { type: 'checkbox', name: 'weekdays', id: `day-${day}`, value: day }),
      h('label', { for: `day-${day}` }, DAY_NAMES[day]))));
  Object.defineProperty(weekdays, 'value', {
    get: () => [...weekdays.querySelectorAll('input:checked')].map(input => input.value),
  });

  const weeksSelect = h('select', { id: 'everyWeeks', name: 'everyWeeks', class: 'native-select',
    'aria-describedby': 'everyWeeks-error' },
  Array.from({ length: 52 }, (_, i) => h('option', { value: i + 1 }, i === 0 ? 'Every week' : `Every ${i + 1} weeks`)));
  const everyWeeks = {
    control: weeksSelect,
    element: h('div', {},
      h('label', { for: 'everyWeeks', class: 'field-label' }, 'How often'),
      h('p', { class: 'field-hint', id: 'everyWeeks-hint' }, 'Every 2 weeks counts from the week of the first day below.'),
      h('p', { class: 'field-error', id: 'everyWeeks-error', hidden: true }),
      weeksSelect),
  };

  const modes = h('fieldset', { id: 'modes', class: 'choice-group', 'aria-describedby': 'modes-error' },
    h('legend', { class: 'field-label' }, 'How clients meet the advisor in this block'),
    h('p', { class: 'field-error', id: 'modes-error', hidden: true }),
    Object.entries(MODE_CHOICES).map(([mode, label]) => h('div', { class: 'choice' },
      h('input', { type: 'checkbox', name: 'modes', id: `mode-${mode}`, value: mode }),
      h('label', { for: `mode-${mode}` }, label))));
  Object.defineProperty(modes, 'value', {
    get: () => [...modes.querySelectorAll('input:checked')].map(input => input.value),
  });

  const officeSelect = h('select', { id: 'officeId', name: 'officeId', class: 'native-select', 'aria-describedby': 'officeId-error' },
    h('option', { value: '' }, 'Choose an SSO'),
    offices.map(office => h('option', { value: office.id }, office.name)));
  const officeBox = h('div', { id: 'office-field' },
    h('label', { for: 'officeId', class: 'field-label' }, 'SSO where the advisor sits (in person)'),
    h('p', { class: 'field-error', id: 'officeId-error', hidden: true }),
    officeSelect);
  const officeId = {
    control: officeSelect,
    element: officeBox,
    show: shown => { officeBox.hidden = !shown; },
    value: () => (officeSelect.value ? Number(officeSelect.value) : null),
  };

  const serviceSelect = services.length > 1 ? h('select', { id: 'preview-service', class: 'native-select' },
    services.map(service => h('option', { value: service.id },
      `${service.name?.en ?? service.code} (${service.durationMinutes} minutes)`))) : null;
  const service = {
    select: serviceSelect,
    element: serviceSelect ? h('div', {},
      h('label', { for: 'preview-service', class: 'field-label' }, 'Sessions of the service'), serviceSelect) : '',
    value: () => (serviceSelect ? Number(serviceSelect.value) : undefined),
  };

  const input = (id, label, hintText) => h('sgds-input', { id, name: id, label, hintText, placeholder: '' });
  return {
    weekdays,
    everyWeeks,
    startTime: input('startTime', 'From', '24-hour time, for example 09:00'),
    endTime: input('endTime', 'Until', '24-hour time, for example 12:30'),
    modes,
    officeId,
    validFrom: input('validFrom', 'First day', 'For example 2026-12-07'),
    validUntil: input('validUntil', 'Last day (optional)', 'Leave empty if the block goes on'),
    exceptDates: input('exceptDates', 'Days without this block (optional)',
      'Dates separated by commas, for example 2026-12-24, 2026-12-31'),
    service,
  };
}

/** Puts a rule (or a new block's defaults) into the form; only once the fields are in the page (SGDS). */
function fill(fields, rule) {
  const days = rule?.weekdays ?? [];
  days.forEach(day => { fields.weekdays.querySelector(`#day-${day}`).checked = true; });
  fields.everyWeeks.control.value = String(rule?.everyWeeks ?? 1);
  fields.startTime.value = rule ? hhmm(rule.startTime) : '';
  fields.endTime.value = rule ? hhmm(rule.endTime) : '';
  (rule?.modes ?? []).forEach(mode => { fields.modes.querySelector(`#mode-${mode}`).checked = true; });
  fields.officeId.control.value = rule?.officeId ?? '';
  fields.officeId.show(!rule || (rule.modes ?? []).includes('IN_PERSON'));
  fields.validFrom.value = rule?.validFrom ?? singaporeToday();
  fields.validUntil.value = rule?.validUntil ?? '';
  fields.exceptDates.value = (rule?.exceptDates ?? []).join(', ');
}

/** The request body the form says, or the problems a person can fix before asking the API. */
function bodyOf(fields) {
  const problems = [];
  const time = (field, name, what) => {
    const text = valueOf(field);
    const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(text);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
      problems.push({ field: name, message: text ? `Enter ${what} as 24-hour time, like 09:00` : `Enter ${what}` });
      return null;
    }
    return `${m[1].padStart(2, '0')}:${m[2]}`;
  };
  const day = (field, name, what, optional) => {
    const text = valueOf(field);
    if (!text && optional) {
      return null;
    }
    if (!/^\d{4}-\d\d-\d\d$/.test(text)) {
      problems.push({ field: name, message: text ? `Enter ${what} as a date like 2026-12-07` : `Enter ${what}` });
      return null;
    }
    return text;
  };
  const weekdays = fields.weekdays.value;
  if (!weekdays.length) {
    problems.push({ field: 'weekdays', message: 'Choose at least one day of the week' });
  }
  const startTime = time(fields.startTime, 'startTime', 'the time the block starts');
  const endTime = time(fields.endTime, 'endTime', 'the time the block ends');
  const modes = fields.modes.value;
  if (!modes.length) {
    problems.push({ field: 'modes', message: 'Choose how clients meet the advisor' });
  }
  const inPerson = modes.includes('IN_PERSON');
  if (inPerson && !fields.officeId.value()) {
    problems.push({ field: 'officeId', message: 'Choose the SSO where the advisor sits' });
  }
  const validFrom = day(fields.validFrom, 'validFrom', 'the first day', false);
  const validUntil = day(fields.validUntil, 'validUntil', 'the last day', true);
  const exceptDates = valueOf(fields.exceptDates).split(/[\s,;]+/).filter(Boolean);
  if (exceptDates.some(text => !/^\d{4}-\d\d-\d\d$/.test(text))) {
    problems.push({ field: 'exceptDates', message: 'Enter the days without this block as dates like 2026-12-24, separated by commas' });
  }
  return {
    problems,
    body: {
      weekdays, everyWeeks: Number(fields.everyWeeks.control.value), startTime, endTime, validFrom, validUntil,
      modes, officeId: inPerson ? fields.officeId.value() : null, exceptDates,
    },
  };
}

function refuse(problems, fields, listed, title) {
  const items = listed.map(({ field, message }) => {
    const named = fields[field];
    const control = named?.control ?? named;
    if (control instanceof Element) {
      markField(control, message);
    }
    const target = control instanceof Element && control.localName === 'fieldset' ? control.querySelector('input') : control;
    return { message, target: target instanceof Element ? target : null };
  });
  const summary = errorSummary(items, title ? { title } : undefined);
  summary.id = 'block-problems';
  problems.replaceChildren(summary);
  summary.focus();
}

/** The API's field names as the form's. */
function fieldOf(field) {
  return field === 'office' ? 'officeId' : field?.replace(/^.*\.(body|in)\./, '') ?? '';
}

function explain(field, message) {
  switch (field) {
    case 'weekdays': return 'Choose at least one day of the week';
    case 'startTime': return /grid|boundary/.test(message) ? `The start time ${message}` : 'Enter the time the block starts';
    case 'endTime': return /after/.test(message) ? 'The block must end after it starts (on the same day)'
      : /boundary/.test(message) ? `The end time ${message}` : 'Enter the time the block ends';
    case 'modes': return 'Choose how clients meet the advisor';
    case 'officeId': return /IN_PERSON rules name|required/.test(message) ? 'Choose the SSO where the advisor sits'
      : 'Choose an SSO from the list';
    case 'validFrom': return 'Enter the first day';
    case 'validUntil': return 'The last day cannot be before the first day';
    case 'rrule': return /never occurs/.test(message)
      ? 'The block never happens between the first and last day: choose other days or dates' : message;
    default: return message;
  }
}

/** A 409 of saving, said with the other block's days and times instead of its number. */
function overlapInWords(error, rules, officeNames) {
  const ruleId = error.extras.ruleId ?? Number(/availability rule (\d+)/.exec(error.detail)?.[1]);
  const date = error.extras.date ?? /on (\d{4}-\d\d-\d\d)/.exec(error.detail)?.[1];
  const other = rules.find(rule => rule.id === ruleId);
  return `${other ? `It overlaps the block \u201c${describeRule(other)}, ${describeWhere(other, officeNames)}\u201d`
    : 'It overlaps another block of this advisor'}${date ? ` on ${longDate(date)}` : ''}. An advisor can be in one `
    + 'place at a time: change the days or the times, or change the other block first.';
}

function clashInWords(clash, rules, officeNames) {
  const other = rules.find(rule => rule.id === clash.ruleId) ?? clash;
  return `it overlaps the block \u201c${describeRule(other)}, ${describeWhere(other, officeNames)}\u201d on ${longDate(clash.date)}.`;
}

/** "Mondays and Wednesdays, every 2 weeks, 09:00–12:30" — or an RRULE the form cannot say, in words. */
export function describeRule(rule) {
  const times = `${hhmm(rule.startTime)}\u2013${hhmm(rule.endTime)}`;
  if (rule.weekdays?.length) {
    const weeks = rule.everyWeeks > 1 ? `, every ${rule.everyWeeks} weeks` : '';
    return `${dayList(rule.weekdays)}${weeks}, ${times}`;
  }
  return `${rruleInWords(rule.rrule)}, ${times}`;
}

function dayList(days) {
  const ordered = WEEK.filter(day => days.includes(day));
  if (ordered.length === 7) {
    return 'Every day';
  }
  if (ordered.length === 5 && !ordered.includes('SATURDAY') && !ordered.includes('SUNDAY')) {
    return 'Weekdays (Monday to Friday)';
  }
  const names = ordered.map(day => `${DAY_NAMES[day]}s`);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The common RRULEs in words; anything rarer is named as a custom repeat. */
function rruleInWords(rrule) {
  const parts = Object.fromEntries((rrule || '').split(';').map(part => part.split('=')));
  const every = Number(parts.INTERVAL || 1);
  const days = (parts.BYDAY || '').split(',').filter(Boolean);
  const ordinal = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', '-1': 'last' };
  const plainDays = days.filter(d => RRULE_DAYS[d]).map(d => RRULE_DAYS[d]);
  switch (parts.FREQ) {
    case 'DAILY':
      return every === 1 ? 'Every day' : `Every ${every} days`;
    case 'WEEKLY':
      return plainDays.length ? `${dayList(plainDays)}${every > 1 ? `, every ${every} weeks` : ''}`
        : `Every ${every > 1 ? `${every} weeks` : 'week'} on the first day's weekday`;
    case 'MONTHLY': {
      const pos = parts.BYSETPOS ?? /^(-?\d)/.exec(days[0] || '')?.[1];
      const day = RRULE_DAYS[(days[0] || '').replace(/^-?\d/, '')];
      if (pos && day && ordinal[pos]) {
        return `The ${ordinal[pos]} ${DAY_NAMES[day]} of ${every > 1 ? `every ${every} months` : 'each month'}`;
      }
      if (parts.BYMONTHDAY) {
        return `Day ${parts.BYMONTHDAY} of ${every > 1 ? `every ${every} months` : 'each month'}`;
      }
      return 'Monthly';
    }
    case 'YEARLY':
      return 'Once a year';
    default:
      return 'A custom repeat';
  }
}

function describeWhere(rule, officeNames) {
  return (rule.modes ?? []).slice().sort((a, b) => Object.keys(MODE_SHORT).indexOf(a) - Object.keys(MODE_SHORT).indexOf(b))
    .map(mode => (mode === 'IN_PERSON'
      ? `in person at ${officeNames.get(rule.officeId) ?? 'an SSO'}` : MODE_SHORT[mode].replace(/^V/, 'v')))
    .join('; ').replace(/^./, c => c.toUpperCase());
}

function describeValidity(rule) {
  const from = `From ${longDate(rule.validFrom)}`;
  const until = rule.validUntil ? ` until ${longDate(rule.validUntil)}` : ', no end date';
  const except = rule.exceptDates?.length ? `. Not on ${rule.exceptDates.map(longDate).join(', ')}` : '';
  return `${from}${until}${except}.`;
}

/** Two weeks, a row a day: the open sessions by how and where, this block's marked in words. */
function previewTable(days) {
  return h('table', { class: 'preview-table', id: 'preview-table' },
    h('caption', { class: 'visually-hidden' }, 'Open sessions per day'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Day'), h('th', { scope: 'col' }, 'Open sessions'))),
    h('tbody', {}, days.map(day => h('tr', { 'data-date': day.date },
      h('th', { scope: 'row' }, shortDate(day.date)),
      h('td', {}, day.sessions.length ? groups(day.sessions).map(group => h('p', { class: 'preview-group' },
        h('span', { class: group.thisRule ? 'preview-tag preview-tag-new' : 'preview-tag' },
          group.thisRule ? 'This block' : 'Other blocks'),
        ` ${group.label}: `, group.times.join(', ')))
        : h('span', { class: 'field-hint' }, 'None'))))));
}

function groups(sessions) {
  const byKey = new Map();
  for (const session of sessions) {
    const label = session.mode === 'IN_PERSON' ? `In person at ${session.office.name}` : MODE_SHORT[session.mode];
    const key = `${session.thisRule}|${label}`;
    if (!byKey.has(key)) {
      byKey.set(key, { thisRule: session.thisRule, label, times: [] });
    }
    byKey.get(key).times.push(clock(session.start));
  }
  return [...byKey.values()].sort((a, b) => Number(b.thisRule) - Number(a.thisRule));
}

const CLOCK = new Intl.DateTimeFormat('en-SG', { timeZone: 'Asia/Singapore', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const SHORT = new Intl.DateTimeFormat('en-SG', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
const LONG = new Intl.DateTimeFormat('en-SG', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Singapore', year: 'numeric', month: '2-digit', day: '2-digit' });

function clock(instant) {
  return CLOCK.format(new Date(instant));
}

/** A date (YYYY-MM-DD, a day in Singapore) as "Mon, 7 Dec". */
function shortDate(date) {
  return SHORT.format(new Date(`${date}T00:00:00Z`));
}

function longDate(date) {
  return LONG.format(new Date(`${date}T00:00:00Z`));
}

function hhmm(time) {
  return (time || '').slice(0, 5);
}

function singaporeToday() {
  return TODAY.format(new Date());
}
