// The web app's service worker (registered by js/install.js, scope "/"). Two jobs:
//  1. The app shell works offline: its files are kept in a versioned cache at install and refreshed on every
//     successful load (network first, so a release shows at once; the cache only answers when the network cannot).
//  2. Library readings already opened stay readable offline: GET /api/content/items/<slug> answers are kept (network
//     first, cache fallback). Nothing else from /api/ is ever kept: no journal, no account, no reminders.
// A classic script, not a module, so that every browser with service workers can run it.

'use strict';

// Change the version when the list below changes or an old shell must not be served any more; activate then
// deletes every older cache of this app.
const VERSION = 'v1';
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
  '/js/dom.js',
  '/js/install.js',
  '/js/journal-kit.js',
  '/js/live.js',
  '/js/places.js',
  '/js/reminder-kit.js',
  '/js/router.js',
  '/js/session.js',
  '/js/ui.js',
  '/js/verify-notice.js',
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
