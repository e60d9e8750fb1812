// Sign in with e-mail and password. The gateway answers with HttpOnly cookies; nothing secret is kept by scripts.

import { h, field, announce } from '../dom.js';
import { signIn } from '../session.js';
import { pageTitle, showFormProblem, clearFormProblem, busy } from '../ui.js';

export function passwordInput(name, autocomplete, labelText) {
  const input = h('input', { type: 'password', name, autocomplete, required: true, attrs: { maxlength: '128' } });
  const toggle = h('button', {
    type: 'button', class: 'button', text: 'Show',
    attrs: { 'aria-pressed': 'false', 'aria-label': `Show ${labelText.toLowerCase()}` },
    on: {
      click: () => {
        // A toggle keeps its name; its pressed state says whether the password is shown.
        const show = input.type === 'password';
        input.type = show ? 'text' : 'password';
        toggle.setAttribute('aria-pressed', String(show));
      },
    },
  });
  return { input, toggle };
}

/** A labelled password field with its Show/Hide button beside the input. */
export function passwordField(labelText, password, hint) {
  const wrapper = field(labelText, password.input, hint);
  const row = h('div', { class: 'password-row' });
  password.input.replaceWith(row);
  row.append(password.input, password.toggle);
  return wrapper;
}

export function safeNext(next) {
  // Only a route inside the app, never another site.
  return next && /^\/[a-z0-9/_?=&%.-]*$/i.test(next) && !next.startsWith('//') ? next : '/today';
}

export default function render(root, ctx) {
  ctx.title('Sign in');
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true, attrs: { maxlength: '254' } });
  const password = passwordInput('password', 'current-password', 'Password');
  const submit = h('button', { type: 'submit', class: 'primary', text: 'Sign in' });

  const form = h('form', { attrs: { novalidate: true, 'aria-labelledby': 'page-title' } },
    h('div', { class: 'form-problem' }),
    field('E-mail address', email),
    passwordField('Password', password),
    h('div', { class: 'actions' }, submit, h('a', { href: '#/forgot-password', text: 'Forgot your password?' })));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormProblem(form);
    if (!email.value.trim() || !password.input.value) {
      showFormProblem(form, { title: 'Please fill in both fields', detail: 'Your e-mail address and your password are both needed to sign in.' });
      return;
    }
    await busy(submit, async () => {
      try {
        await signIn(email.value.trim(), password.input.value);
        announce('You are signed in.');
        ctx.navigate(safeNext(ctx.query.get('next')), { replace: true });
      } catch (error) {
        showFormProblem(form, error.status === 401
          ? { title: error.title, detail: 'The e-mail address or the password did not match. Please try again; it happens to everyone.' }
          : error);
      }
    }, 'Signing in…');
  });

  root.append(
    ...pageTitle('Welcome back', 'Sign in to your journal, reminders and check-ins.'),
    form,
    h('p', {}, 'New here? ', h('a', { href: `#/sign-up${ctx.query.get('next') ? `?next=${encodeURIComponent(ctx.query.get('next'))}` : ''}`, text: 'Create an account' })),
  );
}
