// An advisor's details: name, email (calendar invitations go there), the languages they speak and the services of
// their agency they offer. Administrators reach every advisor (#/admin/advisors/…); a partner reaches their own
// agency's only (#/advisors/…/edit): the API answers another agency's advisor as not found, and so does this page.
// The agency is fixed once the advisor exists.

import { formScreen, optionsOf } from '../catalogue.js';
import { h, page } from '../ui.js';
import { LANGUAGES } from './clients.js';

const ROUTE = 'admin/advisors';

async function serviceOptions(agencyId) {
  if (!agencyId) {
    return [];
  }
  return optionsOf('api/services', { query: { agency: agencyId }, nameOf: service => service.name.en });
}

export async function render(main, { params, query, session }) {
  const partner = session.role === 'PARTNER';
  const fields = [
    { name: 'agencyId', label: 'Agency', kind: 'select', options: await optionsOf('api/agencies'), fixed: partner ? 'always' : true,
      placeholder: 'Choose an agency' },
    { name: 'displayName', label: 'Name', kind: 'text', hint: 'As clients will see it, for example Priya Raman' },
    { name: 'email', label: 'Email', kind: 'text', hint: 'Calendar invitations for their sessions go here',
      explain: message => (/blank|null/.test(message) ? 'Enter the advisor\u2019s email address'
        : 'Enter an email address like name@agency.org.sg') },
    { name: 'languages', label: 'Languages the advisor speaks', kind: 'checkboxes',
      options: Object.entries(LANGUAGES), explain: () => 'Choose at least one language the advisor speaks' },
    { name: 'serviceIds', label: 'Services the advisor offers', kind: 'checkboxes', options: [],
      none: partner ? 'Your agency has no services in Linkup yet.'
        : 'None to choose: choose the agency first, or add its services under Services.' },
  ];
  // A partner comes from, and goes back to, their agency's advisors list (screens/advisors.js).
  const home = partner ? 'advisors' : ROUTE;
  try {
    return await formScreen(main, query, 'advisors', {
      listRoute: home, nav: !partner, id: params.id ?? null, fields,
      newTitle: 'Add an advisor', titleOf: advisor => `Advisor: ${advisor.displayName}`,
      ready: async (controls, advisor) => {
        const agency = advisor?.agencyId ?? (partner ? session.agencyId : query.agency);
        controls.serviceIds.setOptions(await serviceOptions(agency));
        controls.agencyId.target?.addEventListener('change', async event => {
          controls.serviceIds.setOptions(await serviceOptions(event.target.value));
        });
      },
      formValues: advisor => ({
        agencyId: String(advisor?.agencyId ?? (partner ? session.agencyId : query.agency ?? '')),
        displayName: advisor?.displayName, email: advisor?.email, languages: advisor?.languages ?? ['EN'],
        serviceIds: (advisor?.serviceIds ?? []).map(String),
      }),
      toBody: values => ({
        agencyId: values.agencyId ? Number(values.agencyId) : null, displayName: values.displayName,
        email: values.email, languages: values.languages, serviceIds: values.serviceIds.map(Number),
      }),
      saved: (advisor, editing) => (partner ? [`advisors/${advisor.id}/edit`, { saved: editing ? 'changed' : 'new' }]
        : [ROUTE, { saved: advisor.displayName }]),
    });
  } catch (error) {
    if (error.status !== 404) {
      throw error;
    }
    // Another agency's advisor reads exactly like one that does not exist.
    page(main, 'Advisor not found');
    main.append(h('p', {}, 'There is no such advisor, or they belong to another agency.'),
      h('p', {}, h('a', { href: `#/${home}` }, 'Go to the advisors')));
    return null;
  }
}
