// Reminders: the list with one-click pause, skip and delete; notifications on this device (push.js); the preferences
// (quiet hours, pause, e-mail, zone); and the webhook set-up, whose secret is shown once.

import { h, replace, field, uid, toast, announce } from '../dom.js';
import { api } from '../api.js';
import { userZone } from '../session.js';
import { pageTitle, problemBox, emptyState, loading, busy, confirmDialog, showFormProblem, clearFormProblem } from '../ui.js';
import { describeSchedule, kindLabel, occurrenceText, skipNote, skipText } from '../reminder-kit.js';
import { zoneSelect } from '../places.js';
import { pushSection } from '../push.js';

const CHANNEL_WORDS = { inbox: 'in the app', email: 'by e-mail', webhook: 'to your webhook', push: 'as a notification' };

function channelWords(channels) {
  return channels.map((c) => CHANNEL_WORDS[c] || c).join(', ');
}

export default async function render(root, ctx) {
  ctx.title('Reminders');
  const listSlot = h('div', {}, loading());
  const prefsSlot = h('div', {}, loading());
  const webhookSlot = h('div', {});
  root.append(
    ...pageTitle('Reminders', 'Gentle nudges at your local time, through the channels you choose. Snooze, skip or stop any of them in one click.'),
    h('p', {}, h('a', { class: 'button primary', href: '#/reminders/new', text: 'Add a reminder' })),
    h('section', { attrs: { 'aria-labelledby': 'list-title' } }, h('h2', { id: 'list-title', text: 'Your reminders' }), listSlot),
    pushSection(),
    h('section', { attrs: { 'aria-labelledby': 'prefs-title' } }, h('h2', { id: 'prefs-title', text: 'Quiet hours and pauses' }), prefsSlot),
    h('section', { attrs: { 'aria-labelledby': 'webhook-title' } }, h('h2', { id: 'webhook-title', text: 'Webhook for your own tools' }), webhookSlot),
  );

  let prefs = null;

  async function loadList() {
    try {
      const answer = await api('/api/reminders', { signal: ctx.signal });
      drawList(answer);
    } catch (error) {
      if (error.name !== 'AbortError') replace(listSlot, problemBox(error));
    }
  }

  function drawList(answer) {
    if (!answer.items.length) {
      replace(listSlot, emptyState('No reminders yet.', 'A reminder can help a small habit take root. It will never nag, and you can pause it any time.',
        h('a', { class: 'button primary', href: '#/reminders/new', text: 'Add your first reminder' })));
      return;
    }
    replace(listSlot,
      h('ul', { class: 'plain-list', dataset: { testid: 'reminder-list' } }, answer.items.map(reminderRow)),
      h('p', { class: 'meta', text: `${answer.items.length} of up to ${answer.limit} reminders.` }));
  }

  function reminderRow(reminder) {
    const next = reminder.next && reminder.next[0];
    // The next one may not come: already written today, skipped by choice, paused, quiet hours. Say so, and when.
    const skipped = reminder.active ? skipText(next) : null;
    const after = skipped ? reminder.next.find((o) => !o.skipped) : null;
    const status = reminder.active
      ? (next ? `Next: ${occurrenceText(next)}` : 'No coming times.')
      : 'Stopped. It will not arrive until you start it again.';
    const act = (path, message) => async (event) => {
      await busy(event.currentTarget, async () => {
        try {
          await api(`/api/reminders/${reminder.id}/${path}`, { method: 'POST', body: path === 'snooze' ? { delay: '1h' } : undefined });
          toast(message);
          await loadList();
          const again = listSlot.querySelector(`[data-id="${reminder.id}"] a`);
          if (again) again.focus();
        } catch (error) {
          toast(`${error.title}. ${error.detail}`);
        }
      });
    };
    const remove = async (event) => {
      const button = event.currentTarget;
      const yes = await confirmDialog({ title: `Delete “${reminder.title}”?`, text: 'It will stop, and its history goes with it.', confirm: 'Delete reminder', cancel: 'Keep it', danger: true });
      if (!yes) return;
      await busy(button, async () => {
        try {
          await api(`/api/reminders/${reminder.id}`, { method: 'DELETE' });
          toast('The reminder is deleted.');
          await loadList();
          const heading = document.getElementById('list-title');
          if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
        } catch (error) {
          toast(`${error.title}. ${error.detail}`);
        }
      });
    };
    return h('li', { dataset: { id: reminder.id } },
      h('div', { class: 'row' },
        h('h3', {}, h('a', { href: `#/reminders/${reminder.id}`, text: reminder.title })),
        h('span', { class: reminder.active ? 'pill on' : 'pill', text: reminder.active ? 'On' : 'Stopped' })),
      h('p', { class: 'meta', text: `${kindLabel(reminder.kind)} · ${describeSchedule(reminder.schedule)} · ${reminder.schedule.timeZone.replace(/_/g, ' ')} · ${channelWords(reminder.channels)}` }),
      h('p', { text: status }),
      skipped ? skipNote(`${skipped}.${after ? ` After that: ${occurrenceText(after)}.` : ''}`) : null,
      h('div', { class: 'actions' },
        h('a', { class: 'button', href: `#/reminders/${reminder.id}`, text: 'Change', attrs: { 'aria-label': `Change: ${reminder.title}` } }),
        reminder.active
          ? h('button', { type: 'button', class: 'button', text: 'Skip the next one', attrs: { 'aria-label': `Skip the next one: ${reminder.title}` }, on: { click: act('skip-next', 'The next one is skipped. The ones after it come as usual.') } })
          : null,
        reminder.active
          ? h('button', { type: 'button', class: 'button', text: 'Stop', attrs: { 'aria-label': `Stop: ${reminder.title}` }, on: { click: act('stop', 'Stopped. Start it again whenever you like.') } })
          : h('button', { type: 'button', class: 'button', text: 'Start again', attrs: { 'aria-label': `Start again: ${reminder.title}` }, on: { click: act('resume', 'It is on again.') } }),
        h('button', { type: 'button', class: 'button', text: 'Delete', attrs: { 'aria-label': `Delete: ${reminder.title}` }, on: { click: remove } })));
  }

  async function loadPrefs() {
    try {
      prefs = await api('/api/notifications/preferences', { signal: ctx.signal });
      drawPrefs();
      drawWebhook();
    } catch (error) {
      if (error.name !== 'AbortError') replace(prefsSlot, problemBox(error));
    }
  }

  function drawPrefs() {
    const quietOn = h('input', { type: 'checkbox', name: 'quietOn', checked: Boolean(prefs.quietHours) });
    const start = h('input', { type: 'time', name: 'start', value: prefs.quietHours ? prefs.quietHours.start : '22:00', id: uid('qs') });
    const end = h('input', { type: 'time', name: 'end', value: prefs.quietHours ? prefs.quietHours.end : '07:00', id: uid('qe') });
    const mode = h('select', { name: 'mode', id: uid('qm') },
      h('option', { value: 'delay', text: 'Wait until quiet hours end' }),
      h('option', { value: 'skip', text: 'Skip it' }));
    mode.value = prefs.quietHours ? prefs.quietHours.mode : 'delay';
    const quietFields = h('div', { class: 'inline-fields' },
      h('div', { class: 'field' }, h('label', { for: start.id, text: 'From' }), start),
      h('div', { class: 'field' }, h('label', { for: end.id, text: 'Until' }), end),
      h('div', { class: 'field' }, h('label', { for: mode.id, text: 'A reminder due in quiet hours should' }), mode));
    quietFields.hidden = !quietOn.checked;
    quietOn.addEventListener('change', () => { quietFields.hidden = !quietOn.checked; });

    const paused = h('input', { type: 'date', name: 'pausedUntil', value: prefs.pausedUntil || '' });
    const emailEnabled = h('input', { type: 'checkbox', name: 'emailEnabled', checked: prefs.emailEnabled });
    const digest = h('input', { type: 'checkbox', name: 'weeklyDigest', checked: prefs.weeklyDigest });
    const zone = zoneSelect(prefs.timeZone || userZone());
    const save = h('button', { type: 'submit', class: 'primary', text: 'Save preferences' });
    const form = h('form', { attrs: { novalidate: true, 'aria-labelledby': 'prefs-title' } },
      h('div', { class: 'form-problem' }),
      h('fieldset', {}, h('legend', { text: 'Quiet hours' }),
        h('label', { class: 'check' }, quietOn, h('span', { text: 'Keep some hours free of reminders' })), quietFields),
      field('Pause every reminder until (optional)', paused, 'For a holiday or a hard week. Leave empty for no pause.'),
      h('label', { class: 'check' }, emailEnabled, h('span', { text: `Allow reminders by e-mail${prefs.email ? ` to ${prefs.email}` : ''}` })),
      h('label', { class: 'check' }, digest, h('span', { text: 'A weekly e-mail with new readings from the library' })),
      field('Time zone for quiet hours', zone),
      h('div', { class: 'actions' }, save,
        prefs.pausedUntil ? h('button', { type: 'button', class: 'button', text: 'End the pause now', on: { click: () => { paused.value = ''; form.requestSubmit(); } } }) : null));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFormProblem(form);
      await busy(save, async () => {
        try {
          prefs = await api('/api/notifications/preferences', {
            method: 'PUT',
            body: {
              timeZone: zone.value,
              quietHours: quietOn.checked ? { start: start.value, end: end.value, mode: mode.value } : null,
              pausedUntil: paused.value || null,
              emailEnabled: emailEnabled.checked,
              weeklyDigest: digest.checked,
              version: prefs.version,
            },
          });
          announce('Your preferences are saved.');
          toast('Your preferences are saved.');
          drawPrefs();
        } catch (error) {
          if (error.status === 409) {
            error.detail = 'They were changed somewhere else a moment ago. The latest are shown now; please make your change again.';
            await loadPrefs();
          }
          showFormProblem(prefsSlot.querySelector('form'), error);
        }
      }, 'Saving…');
    });
    replace(prefsSlot, form);
  }

  function drawWebhook(secretShown) {
    const hook = prefs.webhook;
    const url = h('input', { type: 'url', name: 'url', value: hook ? hook.url : '', attrs: { placeholder: 'https://example.org/hooks/reminders', maxlength: '2000' } });
    const setUp = h('button', { type: 'submit', class: 'primary', text: hook ? 'Change address (makes a new secret)' : 'Set up webhook' });
    const result = h('div', { attrs: { role: 'status' } });
    const form = h('form', { attrs: { novalidate: true, 'aria-labelledby': 'webhook-title' } },
      h('p', { text: 'Reminders can also be sent as signed JSON (Standard Webhooks) to an address of yours, for chat, home automation or a phone bridge.' }),
      h('div', { class: 'form-problem' }),
      field('Webhook address (https)', url),
      h('div', { class: 'actions' }, setUp));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFormProblem(form);
      await busy(setUp, async () => {
        try {
          const created = await api('/api/notifications/webhook', { method: 'PUT', body: { url: url.value.trim() } });
          prefs = await api('/api/notifications/preferences');
          drawWebhook(created.secret);
        } catch (error) {
          showFormProblem(form, error);
        }
      }, 'Setting up…');
    });

    const parts = [form];
    if (secretShown) parts.unshift(secretBox(secretShown));
    if (hook) {
      parts.push(
        h('p', {}, 'Sending to ', h('strong', { text: hook.url }), '.'),
        hook.disabledReason ? h('p', { class: 'problem', text: `Paused: ${hook.disabledReason}. Set the address again to start sending.` }) : null,
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'button', text: 'Send a test', on: { click: (event) => test(event, result) } }),
          h('button', { type: 'button', class: 'button', text: 'Make a new secret', on: { click: rotate } }),
          h('button', { type: 'button', class: 'button', text: 'Remove webhook', on: { click: removeHook } })),
        result);
    }
    replace(webhookSlot, ...parts);
    if (secretShown) webhookSlot.querySelector('.secret-box h3').focus();
  }

  function secretBox(secret) {
    const code = h('code', { class: 'secret', text: secret, dataset: { testid: 'webhook-secret' } });
    const copy = h('button', {
      type: 'button', class: 'button', text: 'Copy secret',
      on: {
        click: async () => {
          try {
            await navigator.clipboard.writeText(secret);
            announce('Copied.');
            copy.textContent = 'Copied ✓';
          } catch {
            announce('Copying did not work here; please select the text and copy it.');
          }
        },
      },
    });
    return h('div', { class: 'panel warm secret-box' },
      h('h3', { attrs: { tabindex: '-1' }, text: 'Your signing secret (shown only this once)' }),
      h('p', { text: 'Keep it where your receiver can read it. It proves that a request really came from us. If you lose it, make a new one.' }),
      code, h('div', { class: 'actions' }, copy));
  }

  async function test(event, result) {
    await busy(event.currentTarget, async () => {
      try {
        const answer = await api('/api/notifications/webhook/test', { method: 'POST' });
        replace(result, answer.delivered
          ? h('p', { class: 'success', text: 'The test arrived. Your webhook works.' })
          : h('div', { class: 'problem' }, h('p', { class: 'problem-title', text: 'The test did not arrive' }), h('p', { text: answer.reason || 'The receiver did not answer.' })));
      } catch (error) {
        replace(result, problemBox(error));
      }
    }, 'Sending…');
  }

  async function rotate(event) {
    const button = event.currentTarget;
    const yes = await confirmDialog({ title: 'Make a new secret?', text: 'The old secret keeps working alongside the new one until the next time you do this, so you can switch your receiver over calmly.', confirm: 'Make a new secret', cancel: 'Not now' });
    if (!yes) return;
    await busy(button, async () => {
      try {
        const created = await api('/api/notifications/webhook/rotate', { method: 'POST' });
        prefs = await api('/api/notifications/preferences');
        drawWebhook(created.secret);
      } catch (error) {
        toast(`${error.title}. ${error.detail}`);
      }
    });
  }

  async function removeHook() {
    const yes = await confirmDialog({ title: 'Remove the webhook?', text: 'Reminders set to go there will still arrive through your other channels.', confirm: 'Remove it', cancel: 'Keep it', danger: true });
    if (!yes) return;
    try {
      await api('/api/notifications/webhook', { method: 'DELETE' });
      prefs = await api('/api/notifications/preferences');
      drawWebhook();
      toast('The webhook is removed.');
    } catch (error) {
      toast(`${error.title}. ${error.detail}`);
    }
  }

  await Promise.all([loadList(), loadPrefs()]);
}
