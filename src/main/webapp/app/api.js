// The one way screens talk to Linkup's API: JSON in and out, the session's CSRF token on every change, If-Match when
// a screen holds a version, and every refusal turned into an ApiError a screen can show to a person.

const CSRF_HEADER = 'X-CSRF-Token';  // security/control/CsrfGuard.HEADER

let csrfToken = null;
let onSignedOut = () => {};
let onActivity = () => {};

/** The token from POST/GET /api/session; null after sign-out. */
export function useCsrfToken(token) {
  csrfToken = token;
}

/** Called on a 401 from a signed-in call: the session ended (idle, signed out elsewhere, account locked). */
export function whenSignedOut(handler) {
  onSignedOut = handler;
}

/** Called after every answer from the server: each request keeps the session alive (the idle warning listens). */
export function whenServerAnswers(handler) {
  onActivity = handler;
}

/**
 * A problem+json answer (RFC 9457) as a screen needs it: title and detail in plain words, violations by field,
 * and any extra members (such as `alternatives` of a slot-taken 409) under `extras`.
 */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `The server answered ${status}`);
    const { type, title, detail, violations, instance, status: _, ...extras } = problem;
    this.status = status;
    this.type = (type || '').replace('urn:linkup:problem:', '');
    this.title = title || 'Something went wrong';
    this.detail = detail || '';
    this.violations = Array.isArray(violations) ? violations : [];
    this.extras = extras;
  }

  /** field → message, for putting each complaint beside its field. */
  get fieldErrors() {
    const byField = {};
    for (const { field, message } of this.violations) {
      byField[field] ??= message;
    }
    return byField;
  }
}

/**
 * Sends one request. `path` is relative to the page ("api/clients"), so the app works under any context root.
 * Options: body (sent as JSON), text and contentType (a body sent as it is, such as an iCalendar file), query
 * (object; empty values left out), ifMatch (an ETag), headers (more request headers, such as Idempotency-Key), quiet401 (a 401 is an
 * answer, not an ended session — used for signing in and for asking whether one is signed in).
 * Resolves to { status, etag, body }; rejects with an ApiError.
 */
export async function request(method, path, { body, text, contentType, query, ifMatch, headers: extra, quiet401 = false } = {}) {
  const headers = { ...extra, Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (text !== undefined) {
    headers['Content-Type'] = contentType;
  }
  if (method !== 'GET' && csrfToken) {
    headers[CSRF_HEADER] = csrfToken;
  }
  if (ifMatch) {
    headers['If-Match'] = ifMatch;
  }
  let response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      body: text ?? (body === undefined ? undefined : JSON.stringify(body)),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (networkFailure) {
    throw new ApiError(0, {
      title: 'No connection',
      detail: 'Linkup could not be reached. Check the network connection and try again; nothing was changed.',
    });
  }
  onActivity();
  const answer = await readBody(response);
  if (response.ok) {
    return { status: response.status, etag: response.headers.get('ETag'), body: answer };
  }
  const problem = answer && typeof answer === 'object' ? answer : { title: response.statusText, detail: '' };
  const error = new ApiError(response.status, problem);
  if (response.status === 401 && !quiet401) {
    onSignedOut(error);
  }
  throw error;
}

export const get = (path, options) => request('GET', path, options);
export const post = (path, body, options) => request('POST', path, { ...options, body });
export const put = (path, body, options) => request('PUT', path, { ...options, body });
export const del = (path, options) => request('DELETE', path, options);

/** Every item of a paged listing ({ items, total }), page by page: the API gives at most 200 at a time. */
export async function getAll(path, query) {
  const items = [];
  for (let pageNo = 0; ; pageNo++) {
    const { body } = await get(path, { query: { ...query, page: pageNo, size: 200 } });
    items.push(...body.items);
    if (body.items.length === 0 || items.length >= body.total) {
      return items;
    }
  }
}

function withQuery(path, query) {
  if (!query) {
    return path;
  }
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) {
      value.forEach(each => params.append(name, each));  // status=WAITING&status=OFFERED
    } else if (value !== undefined && value !== null && value !== '') {
      params.append(name, value);
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function readBody(response) {
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch (malformed) {
      return null;
    }
  }
  return null;
}
