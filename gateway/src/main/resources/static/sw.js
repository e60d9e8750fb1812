// The web app's service worker (registered by js/install.js, scope "/"). Three jobs:
//  1. The app shell works offline: its files are kept in a versioned cache at install and refreshed on every
//     successful load (network first, so a release shows at once; the cache only answers when the network cannot).
//  2. Library readings already opened stay readable offline: GET /api/content/items/<slug> answers are kept (network
//     first, cache fallback). Nothing else from /api/ is ever kept: no journal, no account, no reminders.
//  3. Push reminders: a push shows the reminder with "Snooze 15 min" and "Done"; an action POSTs the notification's
//     signed action link (no sign-in needed, the link is the proof), a click on the body opens the app.
// A classic script, not a module, so that every browser with service workers can run it.

'use strict';

// Change the version when the list below changes or an old shell must not be served any more; activate then
// deletes every older cache of this app.
const VERSION = 'v3';
const SHELL_CACHE = `mhc-shell-${VERSION}`;
const LIBRARY_CACHE = 'mhc-library-v1';
const OWN_CACHES = [SHELL_CACHE, LIBRARY_CACHE];

const SHELL = [
  '/',
  '/index.html',
  '/app.css',
  '/favicon.svg',
  '/manifest.webmanifest',
  '/icons/icon-192.png',
  '/js/api.js',
  '/js/app.js',
  '/js/care.js',
  '/js/charts.js',
  '/js/cues.js',
  '/js/dom.js',
  '/js/drafts.js',
  '/js/install.js',
  '/js/journal-kit.js',
  '/js/live.js',
  '/js/places.js',
  '/js/practice-player.js',
  '/js/push.js',
  '/js/reminder-kit.js',
  '/js/router.js',
  '/js/session.js',
  '/js/ui.js',
  '/js/verify-notice.js',
  '/js/waiting-entries.js',
  '/js/pages/account.js',
  '/js/pages/check-in.js',
  '/js/pages/entry-form.js',
  '/js/pages/entry.js',
  '/js/pages/forgot-password.js',
  '/js/pages/home.js',
  '/js/pages/inbox.js',
  '/js/pages/insights.js',
  '/js/pages/item.js',
  '/js/pages/journal.js',
  '/js/pages/library-cards.js',
  '/js/pages/library.js',
  '/js/pages/onboarding.js',
  '/js/pages/reminder-form.js',
  '/js/pages/reminders.js',
  '/js/pages/reset-password.js',
  '/js/pages/safety-plan.js',
  '/js/pages/sign-in.js',
  '/js/pages/sign-up.js',
  '/js/pages/support.js',
  '/js/pages/today.js',
  '/js/pages/verify-email.js',
];

// One reading of the library: /api/content/items/<slug>, and nothing below it (reactions, reaction).
const LIBRARY_ITEM = /^\/api\/content\/items\/[^/]+$/;
const ACTION_LINK = /^\/api\/notifications\/actions\/[^/]+$/;

self.addEventListener('install', (event) => {
  // `reload` skips the HTTP cache, so the new version starts from the files as they are now.
  event.waitUntil(caches.open(SHELL_CACHE)
    .then((cache) => cache.addAll(SHELL.map((path) => new Request(path, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((name) => name.startsWith('mhc-') && !OWN_CACHES.includes(name))
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (LIBRARY_ITEM.test(url.pathname)) {
    event.respondWith(networkFirst(request, LIBRARY_CACHE));
  } else if (request.mode === 'navigate' && (url.pathname === '/' || url.pathname === '/index.html')) {
    event.respondWith(networkFirst(request, SHELL_CACHE, '/index.html'));
  } else if (isShellFile(url.pathname)) {
    event.respondWith(networkFirst(request, SHELL_CACHE));
  }
  // Everything else, the rest of /api/ above all, goes to the network as if there were no service worker.
});

function isShellFile(path) {
  return SHELL.includes(path) || /^\/js\/[\w/-]+\.js$/.test(path) || /^\/icons\/[\w-]+\.png$/.test(path);
}

/** The network's answer, kept for later when it is a complete 200; the kept one when the network fails. */
async function networkFirst(request, cacheName, fallbackPath) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.status === 200 && response.type === 'basic') {
      await cache.put(fallbackPath || request, response.clone());
    }
    return response;
  } catch (offline) {
    const kept = await cache.match(fallbackPath || request, { ignoreSearch: Boolean(fallbackPath), ignoreVary: true });
    if (kept) return kept;
    throw offline;
  }
}

// ---- Push reminders ----

const ACTION_TITLES = { snooze: 'Snooze 15 min', done: 'Done' };

self.addEventListener('push', (event) => {
  event.waitUntil(showReminder(readPush(event.data)));
});

/** The payload reminder-service sends: {title, body, tag, reminderId, url, actions: [{action, title, link}]}. */
function readPush(data) {
  if (!data) return {};
  try {
    return data.json();
  } catch {
    return { body: data.text() };
  }
}

function showReminder(reminder) {
  const actions = (Array.isArray(reminder.actions) ? reminder.actions : [])
    .filter((action) => action && ACTION_TITLES[action.action] && typeof action.link === 'string');
  const links = {};
  actions.forEach((action) => { links[action.action] = action.link; });
  return self.registration.showNotification(reminder.title || 'A gentle reminder', {
    body: reminder.body || '',
    tag: reminder.tag || undefined,
    icon: '/icons/icon-192.png',
    lang: 'en',
    data: { url: reminder.url || '/', links },
    actions: actions.map((action) => ({ action: action.action, title: action.title || ACTION_TITLES[action.action] })),
  });
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(respond(event.notification.data || {}, event.action));
});

async function respond(data, action) {
  const link = action && data.links ? sameOrigin(data.links[action], ACTION_LINK) : null;
  if (!link) {
    return openApp(sameOrigin(data.url) || '/');
  }
  try {
    const answer = await fetch(link, { method: 'POST', credentials: 'omit', cache: 'no-store' });
    if (answer.ok) return undefined;
  } catch {
    // Offline, or the service did not answer: the page below explains or acts when it opens.
  }
  // The link's own page acts on snooze and done when it opens, and says kindly when the link no longer works.
  return self.clients.openWindow(link);
}

/** The address when it is one of this app's (and, when given, of that shape); null otherwise. */
function sameOrigin(address, shape) {
  if (typeof address !== 'string') return null;
  try {
    const url = new URL(address, self.location.origin);
    if (url.origin !== self.location.origin) return null;
    if (shape && !shape.test(url.pathname)) return null;
    return url.href;
  } catch {
    return null;
  }
}

async function openApp(address) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (open) {
    // Focus is allowed only while the click is fresh; the page follows the address either way.
    await open.focus().catch(() => undefined);
    return open.navigate(address).catch(() => undefined);
  }
  return self.clients.openWindow(address);
}
