// Rooms (administrator): each SSO's interview rooms and video rooms (a video room also takes in-person sessions).
// A room stays at its office; one taken out of use is deactivated, never deleted. GET/POST/PUT /api/rooms.

import { backToList, formScreen, listOf, optionsOf } from '../catalogue.js';

const ROUTE = 'admin/rooms';
export const KINDS = [
  ['INTERVIEW_ROOM', 'Interview room: in-person sessions'],
  ['VIDEO_ROOM', 'Video room: video sessions from the SSO, and in-person sessions'],
];
const SHORT_KIND = { INTERVIEW_ROOM: 'Interview room', VIDEO_ROOM: 'Video room' };

export const list = listOf('rooms', {
  lede: 'Rooms at each SSO. Video rooms let a client meet an advisor by video; an inactive room gets no new sessions.',
  search: ['Room name', 'For example Video room'],
  filters: [{ name: 'office', label: 'Office', any: 'Every office', from: 'api/offices' }],
  searched: (room, names) => [room.name, names.office.get(String(room.officeId))],
  columns: [
    { head: 'Name', cell: room => room.name },
    { head: 'Office', cell: (room, names) => names.office.get(String(room.officeId)) ?? '' },
    { head: 'Kind', cell: room => SHORT_KIND[room.kind] ?? room.kind },
  ],
});

export const form = {
  async render(main, { params, query }) {
    const offices = await optionsOf('api/offices');
    return formScreen(main, query, 'rooms', {
      id: params.id ?? null,
      newTitle: 'Add a room', titleOf: room => `Room: ${room.name}`,
      fields: [
        { name: 'officeId', label: 'Office', kind: 'select', options: offices, fixed: true, placeholder: 'Choose an office' },
        { name: 'name', label: 'Name', kind: 'text', hint: 'As on the door, for example Video room 2' },
        { name: 'kind', label: 'Kind of room', kind: 'radios', options: KINDS },
      ],
      formValues: room => ({ officeId: room ? String(room.officeId) : query.office ?? '', name: room?.name,
        kind: room?.kind ?? 'INTERVIEW_ROOM' }),
      toBody: values => ({ officeId: values.officeId ? Number(values.officeId) : null, name: values.name,
        kind: values.kind || null }),
      saved: backToList(ROUTE, room => room.name),
    });
  },
};
