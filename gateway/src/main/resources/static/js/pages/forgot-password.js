// Asks for a link to choose a new password. The answer is the same whether or not the address has an account, so
// the page always shows the same kind confirmation.

import { h, field, announce } from '../dom.js';
import { api } from '../api.js';
import { pageTitle, showFormProblem, clearFormProblem, busy } from '../ui.js';

export default function render(root, ctx) {
  ctx.title('Forgot your password?');
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true, attrs: { maxlength: '254' } });
  const submit = h('button', { type: 'submit', class: 'primary', text: 'Send me a link' });
  const form = h('form', { attrs: { novalidate: true, 'aria-labelledby': 'page-title' } },
    h('div', { class: 'form-problem' }),
    field('E-mail address', email, 'The address you signed up with.'),
    h('div', { class: 'actions' }, submit));
  const outcome = h('div', { attrs: { 'aria-live': 'polite' } });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormProblem(form);
    if (!email.value.trim()) {
      showFormProblem(form, { title: 'Please enter your e-mail address', detail: 'We send the link there.', errors: [{ field: 'email', message: 'Please fill this in.' }] });
      return;
    }
    await busy(submit, async () => {
      try {
        await api('/api/auth/password-reset', { method: 'POST', body: { email: email.value.trim() }, renew: false });
        form.hidden = true;
        outcome.replaceChildren(
          h('div', { class: 'card', attrs: { 'data-testid': 'reset-requested' } },
            h('p', { class: 'empty-title', text: 'Please look in your inbox' }),
            h('p', { text: `If an account uses ${email.value.trim()}, we have sent it a link to choose a new password. It works for 30 minutes, and only once.` }),
            h('p', { text: 'Nothing there after a few minutes? Have a look in your spam folder, or try again.' })));
        announce('Please look in your inbox for a link to choose a new password.');
      } catch (error) {
        showFormProblem(form, error);
      }
    }, 'Sending…');
  });

  root.append(
    ...pageTitle('Forgot your password?', 'It happens. Tell us your address and we will mail you a link to choose a new one.'),
    form,
    outcome,
    h('p', {}, 'Remembered it? ', h('a', { href: '#/sign-in', text: 'Sign in' })),
  );
}
