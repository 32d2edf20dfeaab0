// Who is signed in, as GET/POST /api/session answer it: { username, role, officeIds, agencyId, csrfToken }.
// Kept in memory only: a reload asks the server again, so the CSRF token never sits in storage a script could read.

import { del, get, post, useCsrfToken } from './api.js';

let current = null;

export function signedIn() {
  return current;
}

/** On start: is there still a session behind the cookie? */
export async function restore() {
  try {
    adopt((await get('api/session', { quiet401: true })).body);
  } catch (error) {
    if (error.status !== 401) {
      throw error;
    }
    forget();
  }
  return current;
}

export async function signIn(username, password) {
  adopt((await post('api/session', { username, password }, { quiet401: true })).body);
  return current;
}

/** Asks the server to keep the session; it also proves that it is still there. */
export async function refresh() {
  adopt((await get('api/session')).body);
}

export async function signOut() {
  try {
    await del('api/session', { quiet401: true });
  } finally {
    forget();
  }
}

export function forget() {
  current = null;
  useCsrfToken(null);
}

function adopt(answer) {
  current = answer;
  useCsrfToken(answer.csrfToken);
}
