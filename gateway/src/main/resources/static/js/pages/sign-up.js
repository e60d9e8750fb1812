// Create an account. The time zone is detected in the browser and can be changed; the country (part of the locale)
// decides which crisis lines are offered first.

import { h, field, announce } from '../dom.js';
import { signIn, signUp, detectedZone } from '../session.js';
import { pageTitle, showFormProblem, clearFormProblem, busy } from '../ui.js';
import { zoneSelect, countrySelect, browserCountry, browserLanguage, localeOf } from '../places.js';
import { passwordInput, passwordField } from './sign-in.js';

export default function render(root, ctx) {
  ctx.title('Create an account');
  const name = h('input', { type: 'text', name: 'displayName', autocomplete: 'nickname', required: true, attrs: { maxlength: '60' } });
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true, attrs: { maxlength: '254' } });
  const password = passwordInput('password', 'new-password', 'Password');
  const zone = zoneSelect(detectedZone(), { id: 'signup-zone' });
  const country = countrySelect(browserCountry(), { id: 'signup-country' }, 'I would rather not say');
  const submit = h('button', { type: 'submit', class: 'primary', text: 'Create my account' });


  const form = h('form', { attrs: { novalidate: true, 'aria-labelledby': 'page-title' } },
    h('div', { class: 'form-problem' }),
    field('What should we call you?', name, 'A first name or a nickname is fine.'),
    field('E-mail address', email, 'For signing in and, if you choose, reminders. We never share it.'),
    passwordField('Password', password,
      'At least 12 characters. A few ordinary words strung together work well, such as “river lamp quiet morning”.'),
    field('Your time zone', zone, `We found ${detectedZone().replace(/_/g, ' ')} from your device. Reminders arrive at your local time.`),
    field('Country or region', country, 'So that the support we show first is local to you.'),
    h('div', { class: 'actions' }, submit));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormProblem(form);
    const missing = [[name, 'displayName'], [email, 'email'], [password.input, 'password']]
      .filter(([input]) => !input.value.trim())
      .map(([, fieldName]) => ({ field: fieldName, message: 'Please fill this in.' }));
    if (missing.length) {
      showFormProblem(form, { title: 'A few fields are still empty', detail: 'Please fill them in, then try again.', errors: missing });
      return;
    }
    await busy(submit, async () => {
      try {
        await signUp({
          email: email.value.trim(),
          password: password.input.value,
          displayName: name.value.trim(),
          timeZone: zone.value,
          locale: localeOf(browserLanguage(), country.value),
        });
        await signIn(email.value.trim(), password.input.value);
        announce('Your account is ready. We have sent you an e-mail to confirm your address.');
        ctx.navigate('/onboarding', { replace: true });
      } catch (error) {
        showFormProblem(form, error);
      }
    }, 'Creating your account…');
  });

  root.append(
    ...pageTitle('Create your account', 'A quiet place to practise being kind to yourself. It takes a minute.'),
    form,
    h('p', {}, 'Already have an account? ', h('a', { href: '#/sign-in', text: 'Sign in' })),
  );
}
