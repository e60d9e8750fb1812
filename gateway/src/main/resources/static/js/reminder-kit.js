// What the reminder pages and onboarding share: the kinds, weekdays, friendly schedule text and the live preview of
// the next occurrences (POST /api/reminders/preview).

import { h, debounce, todayIn, UI_LOCALE } from './dom.js';
import { api } from './api.js';

export const KINDS = [
  { value: 'journal', label: 'Journaling', title: 'A few words for your journal', hint: 'A nudge to write a little.' },
  { value: 'practice', label: 'A practice', title: 'A moment for a practice', hint: 'A short guided practice from the library.' },
  { value: 'check-in', label: 'A check-in', title: 'Time for a gentle check-in', hint: 'The twelve-question reflection.' },
  { value: 'custom', label: 'Something of my own', title: '', hint: 'Your own words.' },
];

export const WEEKDAYS = [
  { code: 'MO', short: 'Mon', long: 'Monday' },
  { code: 'TU', short: 'Tue', long: 'Tuesday' },
  { code: 'WE', short: 'Wed', long: 'Wednesday' },
  { code: 'TH', short: 'Thu', long: 'Thursday' },
  { code: 'FR', short: 'Fri', long: 'Friday' },
  { code: 'SA', short: 'Sat', long: 'Saturday' },
  { code: 'SU', short: 'Sun', long: 'Sunday' },
];

export const CHANNELS = [
  { value: 'inbox', label: 'In the app (inbox)', hint: 'Shows up live while the app is open.' },
  { value: 'email', label: 'E-mail', hint: 'To the address on your account.' },
  { value: 'webhook', label: 'My webhook', hint: 'For your own tools; set it up below the list of reminders.' },
  { value: 'push', label: 'Browser notifications', hint: 'Pops up even when the app is closed, on each device where you turned on “Notifications on this device” (Reminders page).' },
];

export function kindLabel(kind) {
  const found = KINDS.find((k) => k.value === kind);
  return found ? found.label : kind;
}

function listWords(words) {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "Every day at 08:00 and 21:00" or "Mondays and Fridays at 21:00", from the friendly form when there is one. */
export function describeSchedule(schedule) {
  if (!schedule) return '';
  if (!schedule.times) return `A custom schedule (${schedule.rrule})`;
  const days = schedule.weekdays && schedule.weekdays.length && schedule.weekdays.length < 7
    ? listWords(WEEKDAYS.filter((d) => schedule.weekdays.includes(d.code)).map((d) => `${d.long}s`))
    : 'Every day';
  return `${days} at ${listWords(schedule.times)}`;
}

/** An occurrence's local time, read from its offset date-time, in words. */
export function occurrenceText(occurrence) {
  const date = new Date(occurrence.at);
  let text;
  try {
    text = new Intl.DateTimeFormat(UI_LOCALE, {
      weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: occurrence.timeZone,
    }).format(date);
  } catch {
    text = occurrence.local;
  }
  return occurrence.shifted ? `${text} (moved later: the clocks change that day)` : text;
}

/**
 * "Skipped today — you already wrote" for an occurrence the service says will not be sent (its `skipped` reason and
 * words), without "today" on another day; null when it will come.
 */
export function skipText(occurrence) {
  if (!occurrence || !occurrence.skipped) return null;
  const today = String(occurrence.local).slice(0, 10) === todayIn(occurrence.timeZone);
  return `Skipped${today ? ' today' : ''} — ${occurrence.skipped.words}`;
}

/** A skip said in words (never by colour alone), marked for styling and tests. */
export function skipNote(text, tag = 'p') {
  return h(tag, { class: 'skip-note', dataset: { testid: 'skip-note' }, text });
}

/**
 * A live list of the next occurrences. Call `update(schedule, kind, reminderId)` with {times, weekdays, timeZone}, the
 * reminder's kind and, when an existing reminder is being changed, its id (its pending "skip next"); it asks the server after a short pause and shows the answer, or the problem, in an aria-live region. An
 * occurrence that would be skipped (a journaling reminder on a day already written, a pause, quiet hours) says so.
 */
export function previewPanel(count = 5) {
  const list = h('ol', { class: 'plain-list' });
  const status = h('p', { class: 'meta', text: 'Choose a time to see when it will arrive.' });
  const panel = h('div', { class: 'panel', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' }, dataset: { testid: 'reminder-preview' } },
    h('h2', { class: 'h3', text: 'When it will arrive' }), status, list);
  let sequence = 0;
  const ask = debounce(async (schedule, kind, reminderId) => {
    const mine = ++sequence;
    if (!schedule.times || schedule.times.length === 0) {
      status.textContent = 'Choose a time to see when it will arrive.';
      list.replaceChildren();
      return;
    }
    try {
      const kindQuery = `${kind ? `&kind=${encodeURIComponent(kind)}` : ''}${reminderId ? `&reminder=${encodeURIComponent(reminderId)}` : ''}`;
      const occurrences = await api(`/api/reminders/preview?count=${count}${kindQuery}`, { method: 'POST', body: schedule });
      if (mine !== sequence) return;
      status.textContent = occurrences.length ? 'The next few times, in your chosen time zone:' : 'This schedule has no coming times.';
      list.replaceChildren(...occurrences.map((o) => h('li', {}, occurrenceText(o),
        o.skipped ? [' · ', skipNote(skipText(o), 'span')] : null)));
    } catch (error) {
      if (mine !== sequence) return;
      status.textContent = `${error.title}. ${error.detail || ''}`.trim();
      list.replaceChildren();
    }
  }, 400);
  return { panel, update: ask };
}

/** A list of time inputs with add and remove, up to twelve. */
export function timesEditor(initial = ['21:00'], onChange = () => {}) {
  const list = h('ul', { class: 'plain-list' });
  const add = h('button', { type: 'button', class: 'button', text: 'Add another time' });
  const wrap = h('fieldset', {}, h('legend', { text: 'At what time?' }),
    h('p', { class: 'hint', text: 'Times at least 15 minutes apart. Several times a day are fine.' }), list, add);

  const rows = () => [...list.querySelectorAll('input[type="time"]')];
  const renumber = () => {
    rows().forEach((input, i) => {
      const row = input.closest('li');
      row.querySelector('label').textContent = `Time ${i + 1}`;
      const remove = row.querySelector('button');
      remove.setAttribute('aria-label', `Remove time ${i + 1}`);
      remove.hidden = rows().length === 1;
    });
    add.hidden = rows().length >= 12;
  };
  const addRow = (value, focus) => {
    const id = `time-${Math.random().toString(36).slice(2, 8)}`;
    const input = h('input', { type: 'time', id, name: 'times', value, required: true, on: { input: onChange, change: onChange } });
    const remove = h('button', {
      type: 'button', class: 'button', text: 'Remove',
      on: {
        click: () => {
          const index = rows().indexOf(input);
          input.closest('li').remove();
          renumber();
          onChange();
          const next = rows()[Math.max(0, index - 1)];
          if (next) next.focus();
        },
      },
    });
    list.append(h('li', { class: 'inline-fields' }, h('div', { class: 'field' }, h('label', { for: id, text: 'Time' }), input), remove));
    renumber();
    if (focus) input.focus();
  };
  add.addEventListener('click', () => {
    addRow('12:00', true);
    onChange();
  });
  (initial.length ? initial : ['21:00']).forEach((t) => addRow(t, false));
  return {
    element: wrap,
    values: () => rows().map((i) => i.value).filter(Boolean).sort(),
  };
}

/** Seven weekday checkboxes; none chosen means every day. */
export function weekdaysEditor(initial = [], onChange = () => {}) {
  const boxes = WEEKDAYS.map((day) => {
    const input = h('input', { type: 'checkbox', name: 'weekdays', value: day.code, checked: initial.includes(day.code), on: { change: onChange } });
    return h('li', { class: 'chip' }, h('label', {}, input, h('span', { text: day.short, attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'visually-hidden', text: day.long })));
  });
  const element = h('fieldset', {},
    h('legend', { text: 'On which days?' }),
    h('p', { class: 'hint', text: 'Leave them all unticked for every day.' }),
    h('ul', { class: 'chips' }, boxes));
  return {
    element,
    values: () => [...element.querySelectorAll('input:checked')].map((i) => i.value),
  };
}
