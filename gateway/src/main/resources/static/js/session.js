// Who is signed in. The tokens themselves live in HttpOnly cookies that scripts cannot read; this module keeps the
// profile from /api/me, renews the access token shortly before it runs out, and tells the rest of the app when the
// person signs in or out.

import {
  api, ApiError, forgetExpiry, knownExpiry, mayHaveSession, refreshSession, rememberExpiry, renewedUser, whenSignedOut,
  RENEWED, UNREACHABLE,
} from './api.js';
import { forgetSupportShown } from './care.js';
import { forgetAllDrafts } from './drafts.js';
import { forgetAllWaiting, stopSending, waitingEntries } from './waiting-entries.js';

let user = null;
let renewTimer = 0;
/** How long to wait before asking again when a renewal got no answer about the session. */
const RENEWAL_RETRY_MS = 30_000;
const listeners = new Set();

export function currentUser() {
  return user;
}

export function isEditor() {
  return Boolean(user && Array.isArray(user.roles) && user.roles.includes('EDITOR'));
}

/** The person's own time zone, or the browser's while nobody is signed in. */
export function userZone() {
  return (user && user.timeZone) || detectedZone();
}

export function detectedZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The country part of the profile's locale (en-GB gives GB), else of the browser's language. */
export function userCountry() {
  const fromLocale = (tag) => {
    const match = /^[a-zA-Z]{2,3}[-_]([A-Za-z]{2})\b/.exec(tag || '');
    return match ? match[1].toUpperCase() : '';
  };
  return fromLocale(user && user.locale) || fromLocale(navigator.language) || '';
}

export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setUser(next) {
  const changed = (user && user.id) !== (next && next.id);
  user = next;
  listeners.forEach((listener) => listener(user, changed));
}

/** Updates the profile after a change on the account page. */
export function profileChanged(next) {
  setUser(next);
}

let unreachable = false;
/** True when the last restore could not reach Mental Health Connect, so who is signed in is not known yet. */
export function restoreUnreachable() {
  return unreachable;
}

/** At start: asks who is signed in, renewing the access token if it has run out. */
export async function restore() {
  unreachable = false;
  if (!mayHaveSession()) {
    setUser(null);
    return null;
  }
  try {
    const me = await api('/api/me', { renew: true });
    setUser(me);
    scheduleRenewal();
    return me;
  } catch (error) {
    unreachable = error instanceof ApiError && error.status === 0;
    if (!unreachable) forgetExpiry();
    setUser(null);
    return null;
  }
}

export async function signIn(email, password) {
  const body = await api('/api/auth/login', { method: 'POST', body: { email, password }, renew: false });
  rememberExpiry(body.expiresIn || 600);
  setUser(body.user);
  scheduleRenewal();
  broadcast('signed-in');
  return body.user;
}

export async function signUp(details) {
  return api('/api/auth/signup', { method: 'POST', body: details, renew: false });
}

export async function signOut() {
  try {
    await api('/api/auth/logout', { method: 'POST', renew: false });
  } catch {
    // Signing out locally still matters when the server cannot be reached.
  }
  endLocally();
  broadcast('signed-out');
}

/**
 * Forgets the session in this tab, for example after the account was deleted. {@code keepWaiting}: the entries saved
 * on this device and not yet added stay for the same person's next sign-in (a session that ended by itself: nobody
 * chose to leave them behind, and they are words the person saved).
 */
export function endLocally({ keepWaiting = false } = {}) {
  window.clearTimeout(renewTimer);
  // The "Support is here" card is private to the person who saw the panel: it never outlives their session here.
  forgetSupportShown();
  // Journal drafts are words: none stays on this device once nobody is signed in.
  forgetAllDrafts();
  // So are entries saved on this device and not yet added (app.js offers to stay signed in while some wait), unless
  // the session ended by itself: then they wait for the same person's next sign-in, which sends them.
  stopSending();
  if (!keepWaiting) forgetAllWaiting();
  forgetExpiry();
  setUser(null);
}

/** Makes sure the access cookie is fresh, for plain links such as the export download. */
export async function ensureFresh() {
  if (knownExpiry() - Date.now() < 60_000) {
    await refreshSession();
  }
}

function scheduleRenewal() {
  window.clearTimeout(renewTimer);
  const expiry = knownExpiry();
  // A minute before it runs out, or now when that moment has passed.
  const wait = Math.max(5_000, (expiry || Date.now()) - Date.now() - 60_000);
  renewTimer = window.setTimeout(async () => {
    if (!user) return;
    const renewal = await refreshSession();
    if (renewal === RENEWED) {
      const renewed = renewedUser();
      if (renewed && renewed.id === user.id) setUser({ ...user, ...renewed });
      scheduleRenewal();
    } else if (renewal === UNREACHABLE) {
      // Offline, or the service away: that is not the session ending, and ending it would forget the drafts and the
      // entries waiting on this device. The renewal is tried again when the browser is back online, or in a while.
      retryRenewal();
    } else {
      sessionExpired();
    }
  }, wait);
}

function retryRenewal() {
  if (navigator.onLine === false) {
    window.addEventListener('online', () => { if (user) scheduleRenewal(); }, { once: true });
  } else {
    renewTimer = window.setTimeout(() => { if (user) scheduleRenewal(); }, RENEWAL_RETRY_MS);
  }
}

function sessionExpired() {
  if (!user) return;
  const waiting = waitingEntries(user.id).length;
  endLocally({ keepWaiting: true });
  window.dispatchEvent(new CustomEvent('mhc:session-expired', { detail: { waiting } }));
}

whenSignedOut(sessionExpired);

// Other tabs of the same browser share the cookies: when one signs in or out, the others follow.
const channel = 'BroadcastChannel' in window ? new BroadcastChannel('mhc-session') : null;
function broadcast(type) {
  if (channel) channel.postMessage({ type });
}
if (channel) {
  channel.onmessage = (event) => {
    if (event.data.type === 'signed-out' && user) {
      endLocally();
      window.dispatchEvent(new CustomEvent('mhc:session-expired', { detail: { elsewhere: true } }));
    } else if (event.data.type === 'signed-in') {
      restore();
    }
  };
}
