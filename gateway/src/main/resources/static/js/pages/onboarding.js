// Right after sign-up: choose a first reminder, or none. Nothing here is required.

import { h, field, announce, toast } from '../dom.js';
import { api } from '../api.js';
import { currentUser, userZone } from '../session.js';
import { pageTitle, showFormProblem, clearFormProblem, busy } from '../ui.js';
import { previewPanel } from '../reminder-kit.js';

const CHOICES = [
  { id: 'evening-journal', kind: 'journal', time: '21:00', title: 'A few words for your journal', label: 'An evening moment to journal', hint: 'Every evening. Skipped on days you have already written.' },
  { id: 'morning-practice', kind: 'practice', time: '08:00', title: 'A breathing space', practiceSlug: 'a-breathing-space', label: 'A three-minute breathing space in the morning', hint: 'Every morning, a short guided practice.' },
  { id: 'weekly-check-in', kind: 'check-in', time: '18:00', weekdays: ['SU'], title: 'Time for a gentle check-in', label: 'A weekly check-in on Sunday evening', hint: 'Once a week, twelve short statements.' },
  { id: 'none', label: 'No reminders for now', hint: 'You can add one whenever you like from Reminders.' },
];

export default function render(root, ctx) {
  ctx.title('Welcome');
  const user = currentUser();
  const zone = userZone();
  const preview = previewPanel(3);
  const time = h('input', { type: 'time', name: 'time', value: '21:00', id: 'onboarding-time' });
  const email = h('input', { type: 'checkbox', name: 'email' });
  const details = h('div', {},
    field('At what time?', time, `In your time zone, ${zone.replace(/_/g, ' ')}.`),
    h('label', { class: 'check' }, email, h('span', { text: 'Also send it by e-mail (it always appears in your in-app inbox)' })),
    preview.panel);

  const radios = CHOICES.map((choice) => {
    const input = h('input', { type: 'radio', name: 'choice', value: choice.id, checked: choice.id === 'evening-journal' });
    const hintId = `hint-${choice.id}`;
    input.setAttribute('aria-describedby', hintId);
    return h('label', { class: 'check card' }, input,
      h('span', {}, h('strong', { text: choice.label }), h('br'), h('span', { class: 'meta', id: hintId, text: choice.hint })));
  });
  const chosen = () => CHOICES.find((c) => c.id === root.querySelector('input[name="choice"]:checked').value);
  const refresh = () => {
    const choice = chosen();
    details.hidden = choice.id === 'none';
    if (choice.id !== 'none') {
      preview.update({ times: [time.value], weekdays: choice.weekdays || [], timeZone: zone }, choice.kind);
    }
  };
  const submit = h('button', { type: 'submit', class: 'primary', text: 'Continue' });
  const form = h('form', {},
    h('div', { class: 'form-problem' }),
    h('fieldset', {}, h('legend', { text: 'Would you like a gentle reminder?' }), h('div', { class: 'stack' }, radios)),
    details,
    h('div', { class: 'actions' }, submit));

  form.addEventListener('change', (event) => {
    if (event.target.name === 'choice') {
      const choice = chosen();
      if (choice.time) time.value = choice.time;
    }
    refresh();
  });
  time.addEventListener('input', refresh);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormProblem(form);
    const choice = chosen();
    if (choice.id === 'none') {
      announce('No reminders. You can add one any time.');
      ctx.navigate('/today', { replace: true });
      return;
    }
    await busy(submit, async () => {
      try {
        await api('/api/reminders', {
          method: 'POST',
          body: {
            kind: choice.kind,
            title: choice.title,
            practiceSlug: choice.practiceSlug,
            channels: email.checked ? ['inbox', 'email'] : ['inbox'],
            schedule: { times: [time.value], weekdays: choice.weekdays || [], timeZone: zone },
          },
        });
        toast('Your reminder is set. You can change it any time in Reminders.');
        ctx.navigate('/today', { replace: true });
      } catch (error) {
        showFormProblem(form, error);
      }
    }, 'Saving…');
  });

  root.append(
    ...pageTitle(`Welcome${user ? `, ${user.displayName}` : ''}`,
      'Small, regular moments of kindness add up. A reminder can help, and it will never nag.'),
    form,
  );
  refresh();
}
