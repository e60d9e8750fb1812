// A gentle notice above every page while the signed-in person's address is not confirmed, with a way to have the
// link sent again. It goes away as soon as the address is confirmed.

import { h, replace } from './dom.js';
import { api } from './api.js';
import { busy } from './ui.js';

const slot = document.getElementById('account-notice');

/** Shows or hides the notice for this person (or nobody). */
export function drawVerifyNotice(user) {
  if (!slot) return;
  if (!user || user.emailVerified !== false) {
    replace(slot);
    return;
  }
  const shown = slot.querySelector('[data-testid=verify-notice]');
  if (shown && shown.dataset.email === user.email) return;
  const status = h('p', { class: 'notice-status', attrs: { role: 'status' } });
  const again = h('button', { type: 'button', class: 'button', text: 'Send the link again' });
  again.addEventListener('click', () => busy(again, async () => {
    status.textContent = '';
    try {
      const answer = await api('/api/auth/verify-email/resend', { method: 'POST' });
      status.textContent = answer && answer.message ? answer.message : 'We have sent a new link.';
    } catch (error) {
      status.textContent = `${error.title}. ${error.detail}`;
    }
  }, 'Sending…'));
  replace(slot, h('section', { class: 'notice', attrs: { 'aria-label': 'Please confirm your e-mail address', 'data-testid': 'verify-notice', 'data-email': user.email } },
    h('p', {}, h('strong', { text: 'Please confirm your e-mail address. ' }),
      `We sent a link to ${user.email}. Until you open it, we send nothing else there, reminders included.`),
    h('div', { class: 'actions' }, again),
    status));
}
