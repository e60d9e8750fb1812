// The installable app: registers the service worker (/sw.js, scope "/") once the page has loaded, so it never
// competes with the first visit, and forgets what this device keeps for a person when they sign out: the library
// readings kept for offline use, and the push subscription.

import { onSessionChange } from './session.js';

const LIBRARY_CACHE = 'mhc-library-v1';
const READY_WITHIN_MS = 10_000;

let registering = null;

function register() {
  if (!registering) {
    registering = navigator.serviceWorker.register('/sw.js', { scope: '/' });
  }
  return registering;
}

/** The active service worker's registration; rejects when this browser has none or it did not start in time. */
export async function serviceWorkerReady() {
  if (!('serviceWorker' in navigator)) throw new Error('No service workers in this browser');
  await register();
  let timer = 0;
  const late = new Promise((resolve, reject) => {
    timer = window.setTimeout(() => reject(new Error('The service worker did not start')), READY_WITHIN_MS);
  });
  try {
    return await Promise.race([navigator.serviceWorker.ready, late]);
  } finally {
    window.clearTimeout(timer);
  }
}

if ('serviceWorker' in navigator) {
  const start = () => register().catch(() => {
    // Without it the app works as before, online only; nothing to tell the person.
  });
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

onSessionChange(async (user, changed) => {
  if (user || !changed) return;
  // Someone signed out (here, in another tab, or their session ended): what they read and their reminders stay theirs.
  if ('caches' in window) caches.delete(LIBRARY_CACHE).catch(() => {});
  if ('serviceWorker' in navigator) {
    const { forgetOnThisDevice } = await import('./push.js');
    forgetOnThisDevice().catch(() => {});
  }
});
