// Register a client (POST /api/clients) or change their details (PUT /api/clients/{id}). The API is the judge of
// what is valid: its problem+json violations come back as an error summary at the top, linking to each field, and
// the same words at the field. Nothing the officer typed is lost on a refusal.

import { get, post, put } from '../api.js';
import { go, link } from '../router.js';
import { errorSummary, formatMobile, h, markField, page, submitOnEnter, valueOf } from '../ui.js';
import { friendly, LANGUAGES } from './clients.js';

const ORDER = ['name', 'mobile', 'preferredLanguage', 'email', 'partialNric', 'smsConsent', 'officeId'];

export async function render(main, { params, query, session }) {
  const editing = Boolean(params.id);
  const existing = editing ? (await get(`api/clients/${encodeURIComponent(params.id)}`)).body : null;
  if (existing?.anonymisedAt) {
    go(`clients/${existing.id}`);  // nothing left to change: the client's page says why
    return;
  }
  const offices = await officesOf(session);
  const heading = page(main, editing ? `Change details: ${existing.name}` : 'Register a new client', { focus: false });

  const fields = {
    name: h('sgds-input', { label: 'Full name', id: 'name', name: 'name', placeholder: '',
      hintText: 'As on the NRIC or passport' }),
    mobile: h('sgds-input', { label: 'Mobile number', id: 'mobile', name: 'mobile', type: 'tel', placeholder: '',
      hintText: 'Singapore numbers need no +65, for example 9123 4567' }),
    preferredLanguage: languageField(),
    // type text: a browser-checked email field would block the submit before the API could explain the problem.
    email: h('sgds-input', { label: 'Email (optional)', id: 'email', name: 'email', placeholder: '',
      hintText: 'Calendar invitations go here' }),
    partialNric: h('sgds-input', { label: 'NRIC or FIN, last 4 characters (optional)', id: 'partialNric',
      name: 'partialNric', placeholder: '', hintText: 'Three digits and the letter, for example 567D. Never the full NRIC.' }),
    smsConsent: h('sgds-checkbox', { id: 'smsConsent', name: 'smsConsent' },
      'The client agrees to get texts about their sessions'),
    officeId: officeField(offices),
  };
  const values = existing ?? {
    name: query.name ?? '', mobile: query.mobile ?? '', preferredLanguage: 'EN', smsConsent: true,
    officeId: offices.length === 1 ? offices[0].id : undefined,
  };
  const problems = h('div');
  const submit = h('sgds-button', { type: 'submit', variant: 'primary', id: 'save' },
    editing ? 'Save changes' : 'Register client');
  const form = h('form', { class: 'form' },
    fields.name, fields.mobile, fields.preferredLanguage, fields.email, fields.partialNric, fields.smsConsent,
    fields.officeId.element,
    h('div', { class: 'actions' }, submit,
      h('a', { href: editing ? link(`clients/${existing.id}`) : link('clients') }, 'Cancel')));
  main.append(problems, form);
  // Values only once the fields are in the page: an SGDS field given a value before it is connected throws.
  fields.name.value = values.name ?? '';
  fields.mobile.value = formatMobile(values.mobile ?? '');
  fields.preferredLanguage.value = values.preferredLanguage ?? 'EN';
  fields.email.value = values.email ?? '';
  fields.partialNric.value = values.partialNric ?? '';
  fields.smsConsent.checked = values.smsConsent !== false;
  if (fields.officeId.select) {
    fields.officeId.select.value = values.officeId ?? '';
  }

  submitOnEnter(form);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    Object.values(fields).forEach(field => markField(field.select ?? field, null));  // markField skips non-elements
    problems.replaceChildren();
    const body = {
      name: valueOf(fields.name),
      mobile: valueOf(fields.mobile),
      preferredLanguage: fields.preferredLanguage.value || null,
      email: valueOf(fields.email) || null,
      partialNric: valueOf(fields.partialNric) || null,
      smsConsent: fields.smsConsent.checked,
      officeId: fields.officeId.value(),
    };
    submit.loading = true;
    try {
      const saved = editing ? (await put(`api/clients/${existing.id}`, body)).body
        : (await post('api/clients', body)).body;
      go(`clients/${saved.id}`, { saved: editing ? 'changed' : 'new' });
    } catch (error) {
      if (error.status === 401) {
        return;
      }
      const byField = error.fieldErrors;
      const listed = ORDER.filter(field => byField[field]).map(field => {
        const message = explain(field, byField[field]);
        const control = fields[field].select ?? fields[field];
        markField(control, message);
        const target = control instanceof Element && control.localName === 'fieldset' ? control.querySelector('input') : control;
        return { message, target: target instanceof Element ? target : null };
      });
      const unplaced = error.violations.filter(v => !ORDER.includes(v.field));
      const summary = errorSummary(listed.length || unplaced.length
        ? [...listed, ...unplaced.map(v => ({ message: `${v.field}: ${v.message}` }))]
        : [{ message: error.status === 409
          ? 'Another client already has these details, or someone changed this client meanwhile. Search again first.'
          : error.message }]);
      problems.replaceChildren(summary);
      summary.focus();
    } finally {
      submit.loading = false;
    }
  });

  // Focus once every SGDS field has drawn: a component finishing later must not take it away again.
  await Promise.all([...form.querySelectorAll('*')].map(element => element.updateComplete).filter(Boolean));
  await new Promise(requestAnimationFrame);
  (query.fix === 'mobile' ? fields.mobile : heading).focus();
}

/** The API's words made into an instruction for the officer. */
function explain(field, message) {
  switch (field) {
    case 'name': return 'Enter the client\u2019s full name';
    case 'mobile': return /required|blank|empty/i.test(message) ? 'Enter the client\u2019s mobile number' : friendly('mobile', message);
    case 'email': return 'Enter an email address like name@example.com, or leave it empty';
    case 'partialNric': return friendly('partialNric', message);
    case 'preferredLanguage': return 'Choose the language for texts';
    case 'officeId': return 'Choose the office that looks after the client';
    default: return message;
  }
}

async function officesOf(session) {
  const { body } = await get('api/offices', { query: { active: true, size: 200 } });
  const mine = session.officeIds?.length ? body.items.filter(office => session.officeIds.includes(office.id)) : body.items;
  return mine;
}

/**
 * Native radios in a fieldset (GOV.UK's pattern): SGDS 3.8.0's sgds-radio nests a focusable input inside a focusable
 * role="radio" host (axe: nested-interactive), takes focus whenever it is checked, and draws its dot as a data: image
 * the CSP refuses. `value` reads and sets the choice like an SGDS field.
 */
function languageField() {
  const fieldset = h('fieldset', { id: 'preferredLanguage', class: 'choice-group', 'aria-describedby': 'preferredLanguage-error' },
    h('legend', { class: 'field-label' }, 'Language for texts'),
    h('p', { class: 'field-error', id: 'preferredLanguage-error', hidden: true }),
    Object.entries(LANGUAGES).map(([code, name]) => h('div', { class: 'choice' },
      h('input', { type: 'radio', name: 'preferredLanguage', id: `language-${code}`, value: code }),
      h('label', { for: `language-${code}` }, name))));
  Object.defineProperty(fieldset, 'value', {
    get: () => fieldset.querySelector('input:checked')?.value ?? '',
    set: code => {
      const radio = fieldset.querySelector(`input[value="${code}"]`);
      if (radio) {
        radio.checked = true;
      }
    },
  });
  return fieldset;
}

/** One office: said, not asked. Several (an officer covering two SSOs, or an admin): a select. */
function officeField(offices) {
  if (offices.length === 1) {
    return {
      element: h('p', {}, h('span', { class: 'field-label' }, 'Office: '), offices[0].name),
      value: () => offices[0].id,
    };
  }
  const select = h('select', { id: 'officeId', name: 'officeId', class: 'native-select', 'aria-describedby': 'officeId-error' },
    h('option', { value: '' }, 'Choose an office'),
    offices.map(office => h('option', { value: office.id }, office.name)));
  return {
    select,
    element: h('div', {},
      h('label', { for: 'officeId', class: 'field-label' }, 'Office that looks after the client'),
      h('p', { class: 'field-error', id: 'officeId-error', hidden: true }),
      select),
    value: () => (select.value ? Number(select.value) : null),
  };
}
