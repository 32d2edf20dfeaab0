// Partner agencies (administrator): who sees SSO clients, in which domain, and whether their services are
// sensitive (texts to clients then never name the service). GET/POST/PUT /api/agencies, …/deactivate.

import { backToList, formScreen, listOf, numberOrText } from '../catalogue.js';

const ROUTE = 'admin/agencies';
export const DOMAINS = [
  ['EMPLOYMENT', 'Employment'], ['HOUSING', 'Housing'], ['LEGAL', 'Legal aid'], ['FAMILY', 'Family service'],
  ['HEALTHCARE', 'Healthcare'],
];
const DOMAIN_NAMES = Object.fromEntries(DOMAINS);
const SENSITIVE = [
  ['', 'As the domain says (legal aid and family service are always sensitive)'],
  ['true', 'Sensitive: texts to clients never name the service'],
  ['false', 'Not sensitive'],
];

export const list = listOf('agencies', {
  lede: 'Agencies whose advisors see SSO clients. Deactivating an agency stops its services being offered.',
  search: ['Name or code', 'For example Workforce'],
  filters: [{ name: 'domain', label: 'Domain', any: 'Every domain', options: DOMAINS }],
  columns: [
    { head: 'Name', cell: agency => agency.name },
    { head: 'Code', cell: agency => agency.code },
    { head: 'Domain', cell: agency => DOMAIN_NAMES[agency.domain] ?? agency.domain },
    { head: 'Texts name the service', cell: agency => (agency.sensitive ? 'No (sensitive)' : 'Yes') },
  ],
});

export const form = {
  render(main, { params, query }) {
    return formScreen(main, query, 'agencies', {
      id: params.id ?? null,
      newTitle: 'Add a partner agency', titleOf: agency => `Agency: ${agency.name}`,
      fields: [
        { name: 'code', label: 'Code', kind: 'text', hint: 'Short and unique: letters, digits, - and _, for example WSG' },
        { name: 'name', label: 'Name', kind: 'text' },
        { name: 'domain', label: 'Domain', kind: 'select', options: DOMAINS, placeholder: 'Choose a domain' },
        { name: 'sensitive', label: 'Sensitive', kind: 'radios', options: SENSITIVE },
        { name: 'baseAddress', label: 'Address of its own office', kind: 'text', hint: 'Where its advisors sit for video sessions' },
        { name: 'baseLatitude', label: 'Latitude of its office', kind: 'text', hint: 'Decimal degrees, for example 1.2966' },
        { name: 'baseLongitude', label: 'Longitude of its office', kind: 'text', hint: 'Decimal degrees, for example 103.8520' },
      ],
      formValues: agency => ({
        code: agency?.code, name: agency?.name, domain: agency?.domain ?? '',
        // Saved as the domain's default stays "as the domain says"; only an exception to it is shown as chosen.
        sensitive: agency && agency.sensitive !== ['LEGAL', 'FAMILY'].includes(agency.domain) ? String(agency.sensitive) : '',
        baseAddress: agency?.baseAddress, baseLatitude: agency?.baseLatitude ?? '', baseLongitude: agency?.baseLongitude ?? '',
      }),
      toBody: values => ({
        code: values.code, name: values.name, domain: values.domain || null,
        sensitive: values.sensitive === '' ? null : values.sensitive === 'true',
        baseAddress: values.baseAddress, baseLatitude: numberOrText(values.baseLatitude),
        baseLongitude: numberOrText(values.baseLongitude),
      }),
      saved: backToList(ROUTE, agency => agency.name),
    });
  },
};
