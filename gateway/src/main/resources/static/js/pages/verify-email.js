// Confirms the e-mail address with the link mailed at sign-up. The token comes in the address's fragment, which
// the browser never sends to a server, and is posted to the gateway as soon as the page opens.

import { h, replace, announce } from '../dom.js';
import { api } from '../api.js';
import { currentUser, profileChanged } from '../session.js';
import { pageTitle, problemBox, loading } from '../ui.js';

export default async function render(root, ctx) {
  ctx.title('Confirm your e-mail address');
  const token = ctx.query.get('token') || '';
  const outcome = h('div', { attrs: { 'aria-live': 'polite' } }, loading('Confirming your address…'));
  root.append(...pageTitle('Confirm your e-mail address'), outcome);
  const next = currentUser()
    ? h('p', {}, h('a', { href: '#/today', text: 'Go to your day' }))
    : h('p', {}, h('a', { href: '#/sign-in', text: 'Sign in' }));
  if (!token) {
    replace(outcome, problemBox({ title: 'This link is incomplete', detail: 'Please open the whole link from the e-mail.' }), next);
    return;
  }
  try {
    await api('/api/auth/verify-email', { method: 'POST', body: { token }, renew: false, signal: ctx.signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    replace(outcome, problemBox(error), next);
    return;
  }
  if (currentUser()) {
    try {
      profileChanged(await api('/api/me', { signal: ctx.signal }));
    } catch {
      // The notice goes away at the next visit.
    }
  }
  replace(outcome,
    h('div', { class: 'card', attrs: { 'data-testid': 'email-confirmed' } },
      h('p', { class: 'empty-title', text: 'Your e-mail address is confirmed' }),
      h('p', { text: 'Thank you. Reminders you choose to get by e-mail can now reach you there.' }),
      next));
  announce('Your e-mail address is confirmed.');
}
