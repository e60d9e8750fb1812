// The live inbox: one EventSource per signed-in tab on /api/notifications/stream. The server names each event
// "reminder", its data is the inbox item as JSON and its id is the item's id, so the browser resumes after a short
// break with Last-Event-ID by itself. When the stream is refused (the access token ran out), the session is renewed
// and a new stream opened; the inbox is then read again, because a new EventSource starts without Last-Event-ID.

import { api, refreshSession, RENEWED } from './api.js';

let source = null;
let unread = 0;
let state = 'off'; // off | connecting | live | retrying
let retryTimer = 0;
let failures = 0;
const listeners = new Set();

export function onInbox(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(type, detail) {
  listeners.forEach((listener) => listener(type, detail));
}

export function unreadCount() {
  return unread;
}

export function liveState() {
  return state;
}

export function setUnread(count) {
  unread = Math.max(0, count);
  emit('unread', unread);
}

function setState(next) {
  state = next;
  emit('state', state);
}

export async function connect() {
  disconnect();
  setState('connecting');
  await refreshUnread();
  open();
}

export async function refreshUnread() {
  try {
    const inbox = await api('/api/notifications/inbox');
    setUnread(inbox.unread || 0);
    return inbox;
  } catch {
    return null;
  }
}

function open() {
  if (!('EventSource' in window)) return;
  source = new EventSource('/api/notifications/stream');
  source.addEventListener('open', () => {
    failures = 0;
    setState('live');
  });
  source.addEventListener('reminder', (event) => {
    let item;
    try {
      item = JSON.parse(event.data);
    } catch {
      return;
    }
    if (!item.read) setUnread(unread + 1);
    emit('item', item);
  });
  source.addEventListener('error', () => {
    if (!source) return;
    if (source.readyState === EventSource.CLOSED) {
      // Refused, most likely because the access token ran out: renew it and open a new stream.
      source = null;
      setState('retrying');
      failures += 1;
      const wait = Math.min(60_000, 2_000 * 2 ** Math.min(failures, 5));
      retryTimer = window.setTimeout(async () => {
        if (await refreshSession() === RENEWED) {
          const inbox = await refreshUnread();
          emit('resync', inbox);
          open();
        } else {
          setState('off');
        }
      }, wait);
    } else {
      // The browser reconnects by itself, sending Last-Event-ID.
      setState('retrying');
    }
  });
}

export function disconnect() {
  window.clearTimeout(retryTimer);
  if (source) {
    source.close();
    source = null;
  }
  setState('off');
}
