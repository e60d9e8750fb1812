// Push reminders on this device (Web Push). The browser asks for permission only when the person turns the switch on
// (a click is the gesture browsers require), subscribes with reminder-service's VAPID public key, and hands the
// subscription to reminder-service (PUT /api/notifications/push/subscriptions). Turning it off forgets it on both
// sides. The service worker (/sw.js) shows the reminders.

import { h, replace } from './dom.js';
import { api, ApiError } from './api.js';
import { serviceWorkerReady } from './install.js';

const SUBSCRIPTIONS = '/api/notifications/push/subscriptions';

/** Whether this browser can receive push reminders at all. */
export function pushSupported() {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** This device's subscription, or null. */
async function currentSubscription() {
  if (!pushSupported()) return null;
  const registration = await navigator.serviceWorker.getRegistration('/');
  return registration ? registration.pushManager.getSubscription() : null;
}

function fromBase64Url(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function sameKey(subscription, key) {
  const used = subscription.options && subscription.options.applicationServerKey;
  if (!used) return false;
  const bytes = new Uint8Array(used);
  return bytes.length === key.length && bytes.every((b, i) => b === key[i]);
}

/**
 * Turns push reminders on for this device. Call it straight from a click: the permission prompt comes first, before
 * anything is awaited, so the browser still sees the person's gesture. Answers the permission: 'granted' when this
 * device is subscribed and reminder-service has it, 'denied' or 'default' when the person did not allow it.
 */
export async function turnOn() {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission;
  const registration = await serviceWorkerReady();
  const { publicKey } = await api('/api/notifications/push/public-key');
  const key = fromBase64Url(publicKey);
  let subscription = await registration.pushManager.getSubscription();
  if (subscription && !sameKey(subscription, key)) {
    // Made for another key (a new deployment): push services refuse it now.
    await subscription.unsubscribe();
    subscription = null;
  }
  if (!subscription) {
    subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  }
  try {
    await api(SUBSCRIPTIONS, { method: 'PUT', body: subscription.toJSON() });
  } catch (error) {
    await subscription.unsubscribe().catch(() => {});
    throw error;
  }
  return permission;
}

/** Turns push reminders off for this device: reminder-service forgets it first, then the browser does. */
export async function turnOff() {
  const subscription = await currentSubscription();
  if (!subscription) return;
  await api(SUBSCRIPTIONS, { method: 'DELETE', body: { endpoint: subscription.endpoint } });
  await subscription.unsubscribe();
}

/**
 * After signing out, this device stops showing the person's reminders. Nobody is signed in to tell reminder-service,
 * so only the browser forgets; the push service then answers 404 or 410 and reminder-service drops the address.
 */
export async function forgetOnThisDevice() {
  const subscription = await currentSubscription();
  if (subscription) await subscription.unsubscribe();
}

/** Sends this device's subscription again, so reminder-service has it even if it dropped it meanwhile. */
async function resend(subscription) {
  try {
    await api(SUBSCRIPTIONS, { method: 'PUT', body: subscription.toJSON() });
  } catch {
    // The switch still shows the browser's state; the next visit tries again.
  }
}

function failureText(error) {
  if (error instanceof ApiError) return `${error.title}. ${error.detail || ''}`.trim();
  // The browser's own push service (for Chrome, Google's) could not be reached or refused the subscription, or the
  // service worker did not start.
  return 'Your browser could not set up notifications just now, so nothing changed. Please try again later.';
}

/**
 * The "Notifications on this device" section of the Reminders page: a switch, and a status line (role=status, so screen
 * readers hear it) that says in words what happened.
 */
export function pushSection() {
  const title = h('h2', { id: 'device-push-title', text: 'Notifications on this device' });
  const slot = h('div', {});
  const section = h('section', { attrs: { 'aria-labelledby': 'device-push-title' }, dataset: { testid: 'device-push' } },
    title,
    h('p', { text: 'Reminders sent as “Browser notifications” pop up here, even when the app is closed. Each one offers “Snooze 15 min” and “Done”.' }),
    slot);
  draw(slot);
  return section;
}

async function draw(slot) {
  if (!pushSupported()) {
    replace(slot, h('p', { class: 'meta', text: 'This browser cannot show notifications from the app. Your reminders still reach you in the app and through your other channels.' }));
    return;
  }
  const status = h('p', { class: 'meta', attrs: { role: 'status' } });
  const box = h('input', { type: 'checkbox', name: 'devicePush', id: 'device-push-switch' });
  const say = (text) => { status.textContent = text; };
  const subscription = await currentSubscription().catch(() => null);
  const blocked = Notification.permission === 'denied';
  box.checked = Boolean(subscription) && Notification.permission === 'granted';
  if (box.checked) {
    say('On: reminders can pop up on this device.');
    resend(subscription);
  } else if (blocked) {
    say('Notifications are blocked for this site in your browser’s settings. Allow them there, then turn this on.');
  } else if (Notification.permission === 'granted') {
    say('Off. Turn it on to get reminders here.');
  } else {
    say('Off. Turning it on asks your browser for permission.');
  }
  let working = false;
  box.addEventListener('change', async () => {
    if (working) return;
    working = true;
    const wanted = box.checked;
    slot.setAttribute('aria-busy', 'true');
    try {
      if (wanted) {
        const permission = await turnOn();
        if (permission === 'granted') {
          say('On: reminders can pop up on this device. Choose “Browser notifications” in a reminder to send it here.');
        } else {
          box.checked = false;
          say(permission === 'denied'
            ? 'Notifications are blocked for this site in your browser’s settings. Allow them there, then turn this on.'
            : 'Nothing changed: notifications were not allowed.');
        }
      } else {
        await turnOff();
        say('Off: reminders no longer pop up on this device.');
      }
    } catch (error) {
      box.checked = !wanted;
      say(failureText(error));
    } finally {
      working = false;
      slot.removeAttribute('aria-busy');
    }
  });
  replace(slot,
    h('label', { class: 'check' }, box, h('span', { text: 'Show my reminders as notifications on this device' })),
    status);
}
