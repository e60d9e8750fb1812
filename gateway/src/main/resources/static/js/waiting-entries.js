// New journal entries saved on this device while Mental Health Connect could not be reached. When Save is pressed
// offline, the entry is kept in this browser's localStorage, for that person, together with the Idempotency-Key it
// was given, and it is added to the journal once the connection is back: on the browser's `online` event, when the
// app starts signed in, and otherwise after a growing pause (15 s, doubling, at most 15 min). Each one is sent again
// with its same key, so a save whose first answer was lost on the way can never make a second entry: the journal
// answers the repeat with the entry saved the first time (for 24 hours).
//  - A 2xx answer: the entry is in the journal; it is forgotten here and the app is told (onAdded).
//  - No answer, a 5xx, 429, or 409 (the first request with this key is still being handled): kept, tried later.
//  - 404: the entry was added by an earlier send whose answer was lost, and deleted since; nothing is left to do.
//  - Any other 4xx: the entry itself needs a change. It is kept as "needs a look", never sent again on its own, and
//    the person is told (onHeld); opening it in the form (#/journal/new?waiting=<key>) lets them fix and save it.
// Only one send runs at a time: within a tab by a flag, across tabs by a Web Lock (where the browser has them); each
// entry is read again inside the lock, so one that another tab has just added is not sent twice.
// Like drafts (drafts.js), these are words: they go nowhere but to the journal, are never written to the console, and
// every one is forgotten on sign-out (app.js offers to wait when some are still here).

import { api } from './api.js';

const PREFIX = 'mhc.journal-waiting.';
const LOCK = 'mhc-journal-waiting';
const FIRST_PAUSE_MS = 15_000;
const LONGEST_PAUSE_MS = 15 * 60_000;

let owner = null;
let timer = 0;
let running = null;
const changeListeners = new Set();
const addedListeners = new Set();
const heldListeners = new Set();

function storageKey(userId, key) {
  return `${PREFIX}${userId}.${key}`;
}

/** A fresh Idempotency-Key: a random UUID, also where crypto.randomUUID is missing (an insecure address). */
export function newIdempotencyKey() {
  if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Keeps a new entry to add later, exactly as it is to be sent (the key's answer is only given again for the same
 * body). Returns false when this browser refuses to store it (storage full, or private browsing).
 */
export function keepForLater(userId, key, payload) {
  try {
    localStorage.setItem(storageKey(userId, key),
      JSON.stringify({ key, payload, keptAt: Date.now(), attempts: 0, nextTryAt: Date.now() + FIRST_PAUSE_MS }));
  } catch {
    return false;
  }
  changed();
  if (userId === owner) schedule();
  return true;
}

/** The entries waiting on this device for this person, oldest first. */
export function waitingEntries(userId) {
  if (!userId) return [];
  const mine = `${PREFIX}${userId}.`;
  try {
    return Object.keys(localStorage).filter((k) => k.startsWith(mine))
      .map((k) => read(k)).filter(Boolean).sort((a, b) => a.keptAt - b.keptAt);
  } catch {
    return [];
  }
}

/** One waiting entry, or null. */
export function waitingEntry(userId, key) {
  return userId && key ? read(storageKey(userId, key)) : null;
}

export function forgetWaiting(userId, key) {
  try {
    localStorage.removeItem(storageKey(userId, key));
  } catch {
    // Nothing was stored.
  }
  changed();
}

/** Forgets every waiting entry on this device, whoever wrote it: on sign-out, nothing written stays behind. */
export function forgetAllWaiting() {
  try {
    Object.keys(localStorage).filter((k) => k.startsWith(PREFIX)).forEach((k) => localStorage.removeItem(k));
  } catch {
    // Nothing was stored.
  }
  changed();
}

/** Called whenever the waiting entries change, here or in another tab. Returns a function that stops it. */
export function onWaitingChange(listener) {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** Called with the journal's answer when a waiting entry has been added. */
export function onAdded(listener) {
  addedListeners.add(listener);
}

/** Called with the entry and the problem when the journal asked for a change to a waiting entry. */
export function onHeld(listener) {
  heldListeners.add(listener);
}

/** Starts sending this person's waiting entries: now, when the browser is back online, and after each pause. */
export function startSending(userId) {
  owner = userId;
  return sendWaiting();
}

/** Stops sending (on sign-out); what is stored is forgotten by forgetAllWaiting. */
export function stopSending() {
  owner = null;
  window.clearTimeout(timer);
}

/**
 * Sends every waiting entry of the person signed in, whatever its pause (`due`: only those whose pause is over).
 * A call while a send runs (two `online` events, a start and an `online` event) joins it instead of starting another;
 * an entry kept meanwhile has its own pause, after which it is sent.
 */
export function sendWaiting({ due = false } = {}) {
  if (running) return running;
  running = (async () => {
    // Offline for sure: nothing could arrive; the `online` event starts the next send.
    if (owner && navigator.onLine !== false) await exclusively(() => sendAll(owner, due));
  })().finally(() => {
    running = null;
    schedule();
  });
  return running;
}

/** Runs the task unless another tab is running it: then this one leaves the work to that tab. */
async function exclusively(task) {
  if (navigator.locks && navigator.locks.request) {
    return navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => (lock ? task() : null));
  }
  return task();
}

async function sendAll(userId, due) {
  for (const listed of waitingEntries(userId)) {
    if (owner !== userId) return;
    // Read again: another tab may have added it, or the person may have opened it, since the list was made.
    const item = waitingEntry(userId, listed.key);
    if (!item || item.held || (due && item.nextTryAt > Date.now())) continue;
    const outcome = await send(userId, item);
    // No answer or a busy service: the other entries would fare no better now.
    if (outcome === 'later') return;
  }
}

async function send(userId, item) {
  try {
    const saved = await api('/api/journal/entries', {
      method: 'POST', body: item.payload, headers: { 'Idempotency-Key': item.key },
    });
    forgetWaiting(userId, item.key);
    addedListeners.forEach((listener) => listener(saved));
    return 'added';
  } catch (error) {
    const status = error && error.status;
    if (status === 404) {
      forgetWaiting(userId, item.key);
      return 'gone';
    }
    if (status === undefined || status === 0 || status >= 500 || status === 429 || status === 409 || status === 401) {
      // 401 here means the session could not be renewed; the session module then ends it and forgets everything.
      update(userId, { ...item, attempts: item.attempts + 1, nextTryAt: Date.now() + pause(item.attempts + 1) });
      return 'later';
    }
    const held = { ...item, held: { title: error.title || 'That did not work', detail: error.detail || '' } };
    update(userId, held);
    heldListeners.forEach((listener) => listener(held, error));
    return 'held';
  }
}

/** 15 s after the first failed send, doubling each time up to 15 min, with a little jitter so tabs do not align. */
function pause(attempts) {
  const base = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.9 + Math.random() * 0.2));
}

function schedule() {
  window.clearTimeout(timer);
  if (!owner || navigator.onLine === false) return;
  const next = waitingEntries(owner).filter((item) => !item.held).map((item) => item.nextTryAt);
  if (!next.length) return;
  const wait = Math.max(1_000, Math.min(...next) - Date.now());
  timer = window.setTimeout(() => sendWaiting({ due: true }), wait);
}

function update(userId, item) {
  try {
    // Only while it is still waiting: another tab may have added it in the meantime.
    if (localStorage.getItem(storageKey(userId, item.key)) === null) return;
    localStorage.setItem(storageKey(userId, item.key), JSON.stringify(item));
  } catch {
    // It stays as it was, and is tried again at the next chance.
  }
  changed();
}

function read(k) {
  try {
    const item = JSON.parse(localStorage.getItem(k) || 'null');
    return item && typeof item === 'object' && item.key && item.payload ? item : null;
  } catch {
    return null;
  }
}

function changed() {
  changeListeners.forEach((listener) => {
    try {
      listener();
    } catch {
      // One page's listener must not stop the others.
    }
  });
}

window.addEventListener('online', () => {
  if (owner) sendWaiting();
});
// Another tab kept, added or forgot one: pages showing the list redraw it.
window.addEventListener('storage', (event) => {
  if (event.key === null || event.key.startsWith(PREFIX)) changed();
});
