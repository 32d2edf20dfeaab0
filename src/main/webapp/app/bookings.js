// The words (and badge colours) every screen uses for a booking, its mode, what happened to it and a waitlist entry:
// one table, so that the board, the booking page, booking and the waitlist never call one thing by two names.
// Colour is never the only cue: a badge always carries its words. Mode words are the ones the officer chooses
// from when booking (book.js), so what they picked reads the same everywhere afterwards.

import { h } from './ui.js';

/**
 * Who may change bookings and the waitlist (BookingsResource, WaitlistResource: book, check in, walk in, reschedule,
 * cancel, accept, decline, take off). Supervisors only read: a screen shows them no button that changes anything.
 */
export function mayChangeBookings(session) {
  return ['COUNTER_STAFF', 'ADMIN'].includes(session?.role);
}

/** A booking's status: [words, SGDS badge variant]. The board's card borders (app.css .status-*) repeat the colour. */
export const STATUS = {
  HELD: ['Held', 'neutral'],
  BOOKED: ['Booked', 'primary'],
  CHECKED_IN: ['Checked in', 'cyan'],
  IN_PROGRESS: ['In progress', 'purple'],
  COMPLETED: ['Completed', 'success'],
  NO_SHOW: ['No-show', 'danger'],
  CANCELLED: ['Cancelled', 'neutral'],
  RELEASED: ['Hold ended', 'neutral'],
};

/** How the session happens, in the words of book.js's choice. */
export const MODES = {
  IN_PERSON: 'In person at the SSO',
  VIDEO_AT_SSO: 'Video call from an SSO room',
  VIDEO_REMOTE: 'Video call from home',
};

/** What happened to a booking (the audit's actions), as the history lists it. */
export const ACTIONS = {
  BOOKING_HELD: 'Slot held',
  BOOKING_BOOKED: 'Booked',
  BOOKING_RESCHEDULED: 'Rescheduled',
  BOOKING_CANCELLED: 'Cancelled',
  BOOKING_CONFIRMED_BY_CLIENT: 'Client confirmed by SMS',
  BOOKING_CHECKED_IN: 'Checked in',
  BOOKING_STARTED: 'Session started',
  BOOKING_COMPLETED: 'Session completed',
  BOOKING_NO_SHOW: 'Marked as no-show',
  HOLD_RELEASED: 'Hold released',
};

/** A waitlist entry's status: [words, SGDS badge variant]. */
export const WAITLIST_STATUS = {
  WAITING: ['Waiting', 'primary'],
  OFFERED: ['Offer open', 'warning'],
  ACCEPTED: ['Booked', 'success'],
  DECLINED: ['Offer declined', 'neutral'],
  WITHDRAWN: ['Taken off the list', 'neutral'],
};

const EARLY_CHECK_IN_MS = 2 * 3600 * 1000;  // Booking.EARLY_CHECK_IN

/**
 * Whether the counter may check the client in now (Booking.checkIn): a BOOKED session at the SSO, from 2 hours before
 * its start until its end. A client at home (VIDEO_REMOTE) has no counter to check in at.
 */
export function mayCheckIn(booking, now = Date.now()) {
  return booking.status === 'BOOKED' && booking.mode !== 'VIDEO_REMOTE'
    && now >= new Date(booking.start).getTime() - EARLY_CHECK_IN_MS && now < new Date(booking.end).getTime();
}

/** The status in words, or the code itself when a newer server sends one this table does not know. */
export function statusWords(status) {
  return STATUS[status]?.[0] ?? status;
}

/** The mode in words; lowerCase for the middle of a sentence ("…, in person at the SSO"). */
export function modeWords(mode, { lowerCase = false } = {}) {
  const words = MODES[mode] ?? mode ?? '';
  return lowerCase ? words.charAt(0).toLowerCase() + words.slice(1) : words;
}

/** An SGDS badge with the status's words and colour. */
export function statusBadge(status, attributes = {}, table = STATUS) {
  const [text, variant] = table[status] ?? [status, 'neutral'];
  return h('sgds-badge', { variant, ...attributes }, text);
}

/** What came of a session (Outcome), as the partner records it and the SSO reads it. */
export const OUTCOMES = {
  ATTENDED: 'Attended',
  FOLLOW_UP_NEEDED: 'Follow-up needed',
  REFERRED_ON: 'Referred on',
};

/** Whether the advisor may start the session now (Booking.start): after check-in, or at once for a client at home. */
export function mayStart(booking) {
  return booking.status === 'CHECKED_IN' || (booking.status === 'BOOKED' && booking.mode === 'VIDEO_REMOTE');
}

/** Whether the partner may record the outcome (Booking.complete): once the client is there or the session began. */
export function mayComplete(booking) {
  return ['CHECKED_IN', 'IN_PROGRESS'].includes(booking.status);
}
