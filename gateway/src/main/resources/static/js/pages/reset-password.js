// Chooses a new password with the link from the e-mail. The token travels in the address's fragment, which the
// browser never sends to a server; it is posted to the gateway once the person has chosen a password.

import { h, announce } from '../dom.js';
import { api } from '../api.js';
import { currentUser, endLocally } from '../session.js';
import { pageTitle, problemBox, showFormProblem, clearFormProblem, busy } from '../ui.js';
import { passwordInput, passwordField } from './sign-in.js';

export default function render(root, ctx) {
  ctx.title('Choose a new password');
  const token = ctx.query.get('token') || '';
  root.append(...pageTitle('Choose a new password', 'Once it is saved, every device signed in to your account is signed out.'));
  if (!token) {
    root.append(linkGone({ title: 'This link is incomplete', detail: 'Please open the whole link from the e-mail, or ask for a new one.' }));
    return;
  }
  const password = passwordInput('newPassword', 'new-password', 'New password');
  const submit = h('button', { type: 'submit', class: 'primary', text: 'Save my new password' });
  const form = h('form', { attrs: { novalidate: true, 'aria-labelledby': 'page-title' } },
    h('div', { class: 'form-problem' }),
    passwordField('New password', password,
      'At least 12 characters. A few ordinary words strung together work well, such as “river lamp quiet morning”.'),
    h('div', { class: 'actions' }, submit));
  const outcome = h('div', { attrs: { 'aria-live': 'polite' } });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormProblem(form);
    if (!password.input.value) {
      showFormProblem(form, { title: 'Please choose a password', detail: 'Your new password is needed.', errors: [{ field: 'newPassword', message: 'Please fill this in.' }] });
      return;
    }
    await busy(submit, async () => {
      try {
        await api('/api/auth/password-reset/confirm', { method: 'POST', body: { token, newPassword: password.input.value }, renew: false });
        form.hidden = true;
        // Every session ended on the server, this browser's included.
        if (currentUser()) endLocally();
        outcome.replaceChildren(h('div', { class: 'card', attrs: { 'data-testid': 'password-changed' } },
          h('p', { class: 'empty-title', text: 'Your new password is saved' }),
          h('p', { text: 'We have signed you out everywhere, and sent you an e-mail to say so. Please sign in with your new password.' }),
          h('p', {}, h('a', { href: '#/sign-in', text: 'Sign in' }))));
        announce('Your new password is saved. Please sign in with it.');
      } catch (error) {
        if (error.status === 410) {
          form.hidden = true;
          outcome.replaceChildren(linkGone(error));
          outcome.querySelector('.problem').focus();
        } else {
          showFormProblem(form, error);
        }
      }
    }, 'Saving…');
  });

  root.append(form, outcome);
}

function linkGone(error) {
  const box = problemBox(error, h('p', {}, h('a', { href: '#/forgot-password', text: 'Ask for a new link' })));
  box.setAttribute('tabindex', '-1');
  return box;
}
