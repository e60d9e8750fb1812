// Create or change a reminder with a friendly schedule (times, weekdays, zone), a live preview of the next times,
// channels, and for an existing one its delivery history.

import { h, replace, field, uid, toast, formatDateTime } from '../dom.js';
import { api } from '../api.js';
import { userZone } from '../session.js';
import { pageTitle, problemBox, loading, busy, confirmDialog, showFormProblem, clearFormProblem, emptyState } from '../ui.js';
import { KINDS, CHANNELS, previewPanel, timesEditor, weekdaysEditor, describeSchedule } from '../reminder-kit.js';
import { zoneSelect } from '../places.js';

const STATUS_WORDS = { SENT: 'Sent', DELIVERED: 'Delivered', FAILED: 'Did not arrive', SKIPPED: 'Skipped', MISSED: 'Missed', RETRYING: 'Trying again' };

export default async function render(root, ctx) {
  const id = ctx.params.id;
  const editing = Boolean(id);
  ctx.title(editing ? 'Change a reminder' : 'Add a reminder');
  const slot = h('div', {}, loading());
  root.append(h('p', {}, h('a', { href: '#/reminders', text: '← All reminders' })),
    ...pageTitle(editing ? 'Change this reminder' : 'Add a reminder', editing ? null : 'Choose what, when and how. You can change or stop it at any time.'), slot);

  let reminder = null;
  let practices = [];
  let prefs = null;
  try {
    [reminder, practices, prefs] = await Promise.all([
      editing ? api(`/api/reminders/${encodeURIComponent(id)}`, { signal: ctx.signal }) : null,
      api('/api/content/items?type=practice&size=50', { signal: ctx.signal }).then((p) => p.items).catch(() => []),
      api('/api/notifications/preferences', { signal: ctx.signal }).catch(() => null),
    ]);
  } catch (error) {
    if (error.name === 'AbortError') return;
    replace(slot, problemBox(error));
    return;
  }
  if (editing) ctx.title(`Change “${reminder.title}”`);

  const preview = previewPanel(5);
  const zone = zoneSelect(reminder ? reminder.schedule.timeZone : userZone(), { id: uid('zone') });
  const initialTimes = reminder && reminder.schedule.times ? reminder.schedule.times : ['21:00'];
  const chosenKind = () => {
    const checked = form.querySelector('input[name="kind"]:checked');
    return checked ? checked.value : (reminder ? reminder.kind : 'journal');
  };
  const update = () => preview.update({ times: times.values(), weekdays: weekdays.values(), timeZone: zone.value }, chosenKind(), editing ? id : null);
  const times = timesEditor(initialTimes, update);
  const weekdays = weekdaysEditor(reminder && reminder.schedule.weekdays ? reminder.schedule.weekdays : [], update);
  zone.addEventListener('change', update);

  const kindRadios = KINDS.map((kind) => h('label', { class: 'check' },
    h('input', { type: 'radio', name: 'kind', value: kind.value, checked: (reminder ? reminder.kind : 'journal') === kind.value }),
    h('span', {}, h('strong', { text: kind.label }), ` — ${kind.hint}`)));
  const title = h('input', { type: 'text', name: 'title', required: true, value: reminder ? reminder.title : KINDS[0].title, attrs: { maxlength: '100' } });
  const message = h('textarea', { name: 'message', value: (reminder && reminder.message) || '', attrs: { maxlength: '500', rows: '3' } });
  const practice = h('select', { name: 'practiceSlug', id: uid('practice') }, h('option', { value: '', text: 'Let the library suggest one' }),
    practices.map((p) => h('option', { value: p.slug, text: `${p.title} (${p.minutes} min)`, selected: reminder && reminder.practiceSlug === p.slug })));
  const practiceField = field('Which practice?', practice);
  const webhookReady = Boolean(prefs && prefs.webhook && !prefs.webhook.disabledReason);
  const emailOff = Boolean(prefs && prefs.emailEnabled === false);
  const channelBoxes = CHANNELS.map((channel) => {
    const hint = channel.value === 'webhook' && !webhookReady
      ? 'Set up a webhook on the Reminders page first.'
      : channel.value === 'email' && emailOff ? 'E-mail reminders are turned off in your preferences.' : channel.hint;
    const hintId = uid('hint');
    return h('label', { class: 'check' },
      h('input', {
        type: 'checkbox', name: 'channels', value: channel.value,
        checked: reminder ? reminder.channels.includes(channel.value) : channel.value === 'inbox',
        disabled: channel.value === 'webhook' && !webhookReady && !(reminder && reminder.channels.includes('webhook')),
        attrs: { 'aria-describedby': hintId },
      }),
      h('span', {}, h('strong', { text: channel.label }), h('br'), h('span', { class: 'meta', id: hintId, text: hint })));
  });
  const grace = h('select', { name: 'gracePeriodMinutes', id: uid('grace') },
    [15, 30, 60, 120, 240].map((m) => h('option', { value: m, text: m < 60 ? `${m} minutes` : `${m / 60} ${m === 60 ? 'hour' : 'hours'}`, selected: (reminder ? reminder.gracePeriodMinutes : 60) === m })));

  const submit = h('button', { type: 'submit', class: 'primary', text: editing ? 'Save changes' : 'Add reminder' });
  const form = h('form', { attrs: { novalidate: true, 'aria-labelledby': 'page-title' } },
    h('div', { class: 'form-problem' }),
    h('fieldset', {}, h('legend', { text: 'What is it for?' }), kindRadios),
    practiceField,
    field('Title', title, 'This is what you will see when it arrives.'),
    field('A few words to go with it (optional)', message),
    reminder && !reminder.schedule.times
      ? h('p', { class: 'panel', text: `This reminder has a custom schedule (${reminder.schedule.rrule}). Saving times below replaces it.` }) : null,
    times.element,
    weekdays.element,
    field('Time zone', zone, 'Reminders follow this zone, including its changes of the clocks.'),
    preview.panel,
    h('fieldset', {}, h('legend', { text: 'How should it reach you?' }), channelBoxes),
    h('details', {}, h('summary', { text: 'More options' }),
      field('If we were briefly offline, still send it up to', grace, 'Later than this, it is quietly recorded as missed rather than arriving at an odd hour.')),
    h('div', { class: 'actions' }, submit, h('a', { class: 'button', href: '#/reminders', text: 'Cancel' })));

  const syncKind = (changed) => {
    const kind = form.querySelector('input[name="kind"]:checked').value;
    practiceField.hidden = kind !== 'practice';
    if (changed) {
      const known = KINDS.map((k) => k.title);
      if (!title.value.trim() || known.includes(title.value)) title.value = KINDS.find((k) => k.value === kind).title;
    }
  };
  form.addEventListener('change', (event) => {
    if (event.target.name === 'kind') {
      syncKind(true);
      update();
    }
  });
  syncKind(false);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormProblem(form);
    const channels = [...form.querySelectorAll('input[name="channels"]:checked')].map((i) => i.value);
    const errors = [];
    if (!title.value.trim()) errors.push({ field: 'title', message: 'Please give it a short title.' });
    if (!channels.length) errors.push({ field: 'channels', message: 'Please choose at least one way for it to reach you.' });
    if (!times.values().length) errors.push({ field: 'times', message: 'Please choose at least one time.' });
    if (errors.length) {
      showFormProblem(form, { title: 'A few things need another look', detail: '', errors });
      return;
    }
    const kind = form.querySelector('input[name="kind"]:checked').value;
    const body = {
      kind,
      title: title.value.trim(),
      message: message.value.trim() || null,
      practiceSlug: kind === 'practice' && practice.value ? practice.value : null,
      channels,
      gracePeriodMinutes: Number(grace.value),
      schedule: { times: times.values(), weekdays: weekdays.values(), timeZone: zone.value },
    };
    if (editing) body.version = reminder.version;
    await busy(submit, async () => {
      try {
        const saved = await api(editing ? `/api/reminders/${encodeURIComponent(id)}` : '/api/reminders', { method: editing ? 'PUT' : 'POST', body });
        toast(editing ? 'Your changes are saved.' : `“${saved.title}” is set: ${describeSchedule(saved.schedule).toLowerCase()}.`);
        ctx.navigate('/reminders');
      } catch (error) {
        if (error.status === 409 && error.problem.currentVersion !== undefined) {
          error.detail = 'It was changed somewhere else since you opened it. Reload the page to see the latest, then make your change again.';
        }
        showFormProblem(form, error);
      }
    }, 'Saving…');
  });

  const parts = [form];
  if (editing) {
    const remove = h('button', { type: 'button', class: 'danger', text: 'Delete this reminder' });
    remove.addEventListener('click', async () => {
      const yes = await confirmDialog({ title: `Delete “${reminder.title}”?`, text: 'It will stop, and its history goes with it.', confirm: 'Delete reminder', cancel: 'Keep it', danger: true });
      if (!yes) return;
      try {
        await api(`/api/reminders/${encodeURIComponent(id)}`, { method: 'DELETE' });
        toast('The reminder is deleted.');
        ctx.navigate('/reminders', { replace: true });
      } catch (error) {
        form.prepend(problemBox(error));
      }
    });
    const history = h('section', { attrs: { 'aria-labelledby': 'history-title' } },
      h('h2', { id: 'history-title', text: 'What happened to it' }), loading());
    parts.push(history, h('div', { class: 'actions' }, remove));
    loadHistory(history, id, reminder.schedule.timeZone, ctx);
  }
  replace(slot, ...parts);
  update();
}

async function loadHistory(section, id, zone, ctx) {
  try {
    const answer = await api(`/api/reminders/${encodeURIComponent(id)}/deliveries`, { signal: ctx.signal });
    const items = answer.items || [];
    section.querySelector('.loading').replaceWith(items.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table' },
        h('caption', { text: 'Deliveries, newest first' }),
        h('thead', {}, h('tr', {}, ['Due', 'Channel', 'What happened', 'Attempts'].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, items.map((d) => h('tr', {},
          h('td', { text: formatDateTime(d.scheduledAt, zone) }),
          h('td', { text: d.channel || '–' }),
          h('td', { text: `${STATUS_WORDS[String(d.status).toUpperCase()] || d.status}${d.reason ? ` (${d.reason})` : ''}` }),
          h('td', { text: String(d.attempts || 0) }))))))
      : emptyState('Nothing has been sent yet.', 'Once it has arrived somewhere, you will see it here.'));
  } catch (error) {
    if (error.name === 'AbortError') return;
    const placeholder = section.querySelector('.loading');
    if (placeholder) placeholder.replaceWith(problemBox(error));
  }
}
