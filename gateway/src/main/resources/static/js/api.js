// Every call to the platform goes through here. The browser is signed in by HttpOnly cookies that the gateway
// sets; this module adds the CSRF header that unsafe requests need, reads problem+json errors, and renews the
// short-lived access token once when a request answers 401.

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const EXPIRY_KEY = 'mhc.accessExpiresAt';
const REFRESHED_KEY = 'mhc.refreshedAt';

/** A failed request, carrying the problem's title and detail so pages can show them kindly. */
export class ApiError extends Error {
  constructor(status, problem = {}) {
    super(problem.title || `Request failed (${status})`);
    this.status = status;
    this.title = problem.title || defaultTitle(status);
    this.detail = problem.detail || defaultDetail(status);
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.problem = problem;
  }
}

function defaultTitle(status) {
  if (status === 0) return 'We could not reach Mental Health Connect';
  if (status === 401) return 'Please sign in';
  if (status === 404) return 'We could not find that';
  if (status === 429) return 'Please slow down';
  if (status >= 500) return 'Something went wrong on our side';
  return 'That did not work';
}

function defaultDetail(status) {
  if (status === 0) return 'Please check your connection, then try again.';
  if (status >= 500) return 'It is not your fault. Please try again in a moment.';
  return '';
}

/** The readable CSRF cookie the gateway sets at sign-in; sent back in X-CSRF-Token on unsafe requests. */
export function csrfToken() {
  const match = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('mhc_csrf='));
  return match ? decodeURIComponent(match.slice('mhc_csrf='.length)) : '';
}

/** True when this browser may still hold a session (the CSRF cookie lives as long as the refresh cookie). */
export function mayHaveSession() {
  return csrfToken() !== '';
}

let onSignedOut = () => {};
/** Called when a request needs a session and none can be renewed. */
export function whenSignedOut(callback) {
  onSignedOut = callback;
}

/**
 * Calls the API. Options: method, body (an object is sent as JSON), headers, raw (return the Response),
 * renew (default true: on 401, renew the session once and try again).
 */
export async function api(path, options = {}) {
  const { method = 'GET', body, headers = {}, raw = false, renew = true, signal } = options;
  const response = await send(path, method, body, headers, signal);
  if (response.status === 401 && renew && !path.startsWith('/api/auth/')) {
    const renewal = await refreshSession();
    if (renewal === RENEWED) {
      return finish(await send(path, method, body, headers, signal), raw);
    }
    // The renewal never got an answer about the session (no network, or the service away): the session may well
    // still be good, so nothing is forgotten; the caller sees an unreachable service and tries again later.
    if (renewal === UNREACHABLE) throw new ApiError(0);
    onSignedOut();
  }
  return finish(response, raw);
}

async function send(path, method, body, headers, signal) {
  const init = { method, headers: { Accept: 'application/json, application/problem+json', ...headers }, signal, credentials: 'same-origin' };
  if (body !== undefined) {
    if (body instanceof Blob || body instanceof FormData || typeof body === 'string') {
      init.body = body;
    } else {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
  }
  if (UNSAFE.has(method)) {
    const token = csrfToken();
    if (token) init.headers['X-CSRF-Token'] = token;
  }
  try {
    return await fetch(path, init);
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0);
  }
}

async function finish(response, raw) {
  if (!response.ok) {
    let problem = {};
    try {
      const type = response.headers.get('Content-Type') || '';
      if (type.includes('json')) problem = await response.json();
    } catch {
      // An unreadable error body: the status alone is shown.
    }
    throw new ApiError(response.status, problem);
  }
  if (raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** Remembers when the current access token runs out, so it can be renewed a little before. */
export function rememberExpiry(expiresInSeconds) {
  const at = Date.now() + expiresInSeconds * 1000;
  localStorage.setItem(EXPIRY_KEY, String(at));
  localStorage.setItem(REFRESHED_KEY, String(Date.now()));
  return at;
}

export function knownExpiry() {
  return Number(localStorage.getItem(EXPIRY_KEY) || 0);
}

export function forgetExpiry() {
  localStorage.removeItem(EXPIRY_KEY);
  localStorage.removeItem(REFRESHED_KEY);
}

let refreshing = null;

/**
 * Renews the access token with the refresh cookie. Only one renewal runs at a time, across tabs too (Web Locks):
 * presenting a refresh token that another tab has just rotated would end the whole session. Answers RENEWED,
 * ENDED or UNREACHABLE.
 */
export function refreshSession() {
  if (!refreshing) {
    refreshing = withLock(renew).finally(() => { refreshing = null; });
  }
  return refreshing;
}

async function withLock(task) {
  if (navigator.locks && navigator.locks.request) {
    return navigator.locks.request('mhc-refresh', task);
  }
  return task();
}

let lastUser = null;
/** The user from the latest sign-in or renewal. */
export function renewedUser() {
  return lastUser;
}

/** What a renewal came to: a fresh access token, the session over (the server said so), or no answer about it. */
export const RENEWED = 'renewed';
export const ENDED = 'ended';
export const UNREACHABLE = 'unreachable';

async function renew() {
  const refreshedAt = Number(localStorage.getItem(REFRESHED_KEY) || 0);
  // Another tab renewed a moment ago: its cookies are ours too.
  if (Date.now() - refreshedAt < 15_000 && knownExpiry() > Date.now()) return RENEWED;
  if (!mayHaveSession()) return ENDED;
  let response;
  try {
    response = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-CSRF-Token': csrfToken() },
      credentials: 'same-origin',
    });
  } catch {
    return UNREACHABLE;
  }
  // Only the gateway refusing the refresh token ends the session. A busy or unavailable service (429, 5xx) says
  // nothing about it: ending the session then would forget the entries waiting on this device.
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    forgetExpiry();
    return ENDED;
  }
  if (!response.ok) return UNREACHABLE;
  try {
    const body = await response.json();
    lastUser = body.user || null;
    rememberExpiry(body.expiresIn || 600);
    return RENEWED;
  } catch {
    return UNREACHABLE;
  }
}

/** Query strings without empty values; arrays repeat the key. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else search.append(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
