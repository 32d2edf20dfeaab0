// Services (administrator): what a partner agency offers, named in the four languages clients read (English,
// Chinese, Malay, Tamil), how it may take place, and its terms: length, buffers, notice and how far ahead it can be
// booked. A service stays with its agency. GET/POST/PUT /api/services, …/deactivate.

import { backToList, formScreen, listOf, numberOrText, optionsOf } from '../catalogue.js';
import { h } from '../ui.js';

const ROUTE = 'admin/services';
export const MODES = [
  ['IN_PERSON', 'In person at an SSO'],
  ['VIDEO_AT_SSO', 'Video call from an SSO video room'],
  ['VIDEO_REMOTE', 'Video call from the client\u2019s own device'],
];
const SHORT_MODE = { IN_PERSON: 'In person', VIDEO_AT_SSO: 'Video at the SSO', VIDEO_REMOTE: 'Video from home' };
const NAMES = [['en', 'English', 'en'], ['zh', 'Chinese', 'zh'], ['ms', 'Malay', 'ms'], ['ta', 'Tamil', 'ta']];

const minutes = (name, label, hint) => ({ name, label, kind: 'text', hint,
  explain: message => `${label}: ${/wrong form/.test(message) ? 'enter a whole number of minutes' : message}` });

export const list = listOf('services', {
  lede: 'What partner agencies offer, on what terms. An inactive service is no longer offered for booking.',
  search: ['Name (any language) or code', 'For example Career coaching'],
  filters: [{ name: 'agency', label: 'Agency', any: 'Every agency', from: 'api/agencies' }],
  searched: service => [service.code, ...Object.values(service.name)],
  nameOf: service => service.name.en,
  columns: [
    { head: 'Name', cell: service => service.name.en },
    { head: 'Code', cell: service => service.code },
    { head: 'Agency', cell: (service, names) => names.agency.get(String(service.agencyId)) ?? '' },
    { head: 'Length', cell: service => `${service.durationMinutes} min` },
    { head: 'How', cell: service => MODES.filter(([mode]) => service.allowedModes.includes(mode))
      .map(([mode]) => SHORT_MODE[mode]).join(', ') },
  ],
});

const FIELDS = [
  { name: 'agencyId', label: 'Agency', kind: 'select', fixed: true, placeholder: 'Choose an agency' },
  { name: 'code', label: 'Code', kind: 'text', hint: 'Short and unique: letters, digits, - and _, for example WSG-CAREER' },
  ...NAMES.map(([code, language, lang]) => ({ name: `name.${code}`, label: `Name in ${language}`, kind: 'text', lang,
    hint: code === 'en' ? 'Staff see this one; clients read the name in their own language' : null,
    explain: message => (/blank|null/.test(message) ? `Enter the name in ${language}` : `Name in ${language}: ${message}`) })),
  { name: 'allowedModes', label: 'How the session may take place', kind: 'checkboxes', options: MODES },
  minutes('durationMinutes', 'Length in minutes', 'A multiple of 5, for example 45'),
  minutes('bufferBeforeMinutes', 'Free minutes before', 'The advisor and room are kept free this long before; 0 for none'),
  minutes('bufferAfterMinutes', 'Free minutes after', 'For notes after the session, for example 15'),
  minutes('minNoticeMinutes', 'Notice in minutes', 'How soon before the start it can still be booked: 120 is two hours, 1440 a day'),
  { name: 'horizonDays', label: 'Booked at most this many days ahead', kind: 'text', hint: 'For example 60' },
];

export const form = {
  async render(main, { params, query }) {
    const agencies = await optionsOf('api/agencies');
    FIELDS[0].options = agencies;
    return formScreen(main, query, 'services', {
      id: params.id ?? null, fields: FIELDS,
      newTitle: 'Add a service', titleOf: service => `Service: ${service.name.en}`,
      layout: controls => [
        controls.agencyId.element, controls.code.element,
        h('fieldset', { class: 'names-group' }, h('legend', { class: 'field-label' }, 'Name in the four languages'),
          NAMES.map(([code]) => controls[`name.${code}`].element)),
        ...FIELDS.slice(6).map(field => controls[field.name].element),
      ],
      formValues: service => ({
        agencyId: service ? String(service.agencyId) : query.agency ?? '', code: service?.code,
        ...Object.fromEntries(NAMES.map(([code]) => [`name.${code}`, service?.name[code]])),
        allowedModes: service?.allowedModes ?? [],
        durationMinutes: service?.durationMinutes ?? 45, bufferBeforeMinutes: service?.bufferBeforeMinutes ?? 0,
        bufferAfterMinutes: service?.bufferAfterMinutes ?? 15, minNoticeMinutes: service?.minNoticeMinutes ?? 120,
        horizonDays: service?.horizonDays ?? 60,
      }),
      toBody: values => ({
        agencyId: values.agencyId ? Number(values.agencyId) : null, code: values.code,
        name: Object.fromEntries(NAMES.map(([code]) => [code, values[`name.${code}`]])),
        allowedModes: values.allowedModes,
        durationMinutes: numberOrText(values.durationMinutes), bufferBeforeMinutes: numberOrText(values.bufferBeforeMinutes),
        bufferAfterMinutes: numberOrText(values.bufferAfterMinutes), minNoticeMinutes: numberOrText(values.minNoticeMinutes),
        horizonDays: numberOrText(values.horizonDays),
      }),
      saved: backToList(ROUTE, service => service.name.en),
    });
  },
};
