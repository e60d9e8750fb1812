// The journal: entries newest first, with filters kept in the address, and "Show more" through the cursor. Above
// them, the new entries saved on this device while offline that are still waiting to be added (waiting-entries.js),
// shown from this device even when the journal itself cannot be reached; once they are added, the list loads again.

import { h, replace, uid, UI_LOCALE } from '../dom.js';
import { api, query } from '../api.js';
import { MOODS, moodLabel, pageTitle, problemBox, emptyState, loading } from '../ui.js';
import { emotions } from '../journal-kit.js';
import { currentUser } from '../session.js';
import { onWaitingChange, waitingEntries } from '../waiting-entries.js';

export function entryLine(entry, labels) {
  const title = entry.title || firstWords(entry.body);
  return h('li', { class: 'card' },
    h('p', { class: 'meta' }, localText(entry.localDateTime), entry.mood ? [' · ', h('span', { text: `Mood: ${moodLabel(entry.mood)}` })] : null),
    h('h3', {}, h('a', { href: `#/journal/${encodeURIComponent(entry.id)}`, text: title })),
    entry.emotions && entry.emotions.length
      ? h('ul', { class: 'tags', attrs: { 'aria-label': 'Feelings' } }, entry.emotions.map((e) => h('li', { class: 'pill', text: labels[e] || e }))) : null,
    entry.tags && entry.tags.length
      ? h('ul', { class: 'tags', attrs: { 'aria-label': 'Tags' } }, entry.tags.map((t) => h('li', { class: 'pill on', text: `#${t}` }))) : null);
}

/** An entry's local date-time as the writer lived it ("Sat, 14 Mar 2026, 21:05"). */
export function localText(localDateTime) {
  if (!localDateTime) return '';
  const [date, time = '00:00'] = String(localDateTime).split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Intl.DateTimeFormat(UI_LOCALE, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d, hh, mm)));
}

/** The entries waiting on this device, or nothing when there are none. */
function waitingSection(items) {
  if (!items.length) return null;
  return h('section', { class: 'panel', dataset: { testid: 'waiting-entries' }, attrs: { 'aria-labelledby': 'waiting-title' } },
    h('h2', { id: 'waiting-title', text: 'Saved on this device' }),
    h('p', { text: 'These will be added to your journal when you are back online. Keep this device signed in until then.' }),
    h('ul', { class: 'cards' }, items.map((item) => h('li', { class: 'card' },
      h('p', { class: 'meta' }, localText(item.payload.localDateTime) || 'Written while offline', ' · ',
        h('span', { class: 'pill', text: item.held ? 'Needs another look' : 'Waiting to be added' })),
      h('h3', { text: item.payload.title || firstWords(item.payload.body) }),
      item.held ? h('p', {}, item.held.detail ? `${item.held.detail} ` : 'Your journal could not add it as it is. ',
        h('a', { href: `#/journal/new?waiting=${encodeURIComponent(item.key)}`, text: 'Open it to look again' })) : null))));
}

function firstWords(text) {
  const words = String(text || '').trim().split(/\s+/).slice(0, 8).join(' ');
  return words.length < String(text || '').trim().length ? `${words}…` : words || 'Untitled entry';
}

export default async function render(root, ctx) {
  ctx.title('Journal');
  const filters = {
    from: ctx.query.get('from') || '',
    to: ctx.query.get('to') || '',
    mood: ctx.query.getAll('mood'),
    emotion: ctx.query.get('emotion') || '',
    q: ctx.query.get('q') || '',
  };
  const filtering = Boolean(filters.from || filters.to || filters.mood.length || filters.emotion || filters.q);

  const q = h('input', { type: 'search', name: 'q', id: uid('q'), value: filters.q, attrs: { maxlength: '200' } });
  const from = h('input', { type: 'date', name: 'from', id: uid('from'), value: filters.from });
  const to = h('input', { type: 'date', name: 'to', id: uid('to'), value: filters.to });
  const emotion = h('select', { name: 'emotion', id: uid('emotion') }, h('option', { value: '', text: 'Any feeling' }));
  const moods = h('fieldset', {}, h('legend', { text: 'Mood' }),
    h('ul', { class: 'chips' }, MOODS.map((m) => h('li', { class: 'chip' }, h('label', {},
      h('input', { type: 'checkbox', name: 'mood', value: m.value, checked: filters.mood.includes(String(m.value)) }),
      h('span', { text: m.label }))))));
  const form = h('form', { attrs: { role: 'search', 'aria-label': 'Filter your journal' } },
    h('div', { class: 'field' }, h('label', { for: q.id, text: 'Search your words' }), q),
    h('div', { class: 'inline-fields' },
      h('div', { class: 'field' }, h('label', { for: from.id, text: 'From' }), from),
      h('div', { class: 'field' }, h('label', { for: to.id, text: 'To' }), to),
      h('div', { class: 'field' }, h('label', { for: emotion.id, text: 'Feeling' }), emotion)),
    moods,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button', text: 'Filter' }),
      filtering ? h('a', { class: 'button', href: '#/journal', text: 'Show all entries' }) : null));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const moodValues = [...form.querySelectorAll('input[name="mood"]:checked')].map((i) => i.value);
    ctx.navigate(`/journal${query({ q: q.value.trim(), from: from.value, to: to.value, emotion: emotion.value, mood: moodValues })}`);
  });

  const list = h('ul', { class: 'cards', dataset: { testid: 'journal-list' } });
  const me = currentUser() && currentUser().id;
  const waiting = h('div', { dataset: { testid: 'waiting-slot' } }, waitingSection(waitingEntries(me)));
  const status = h('p', { class: 'meta', attrs: { role: 'status' } });
  const more = h('div', {}, loading());
  root.append(
    ...pageTitle('Your journal', 'Private to you. Every entry is sealed before it is stored.'),
    h('p', {}, h('a', { class: 'button primary', href: '#/journal/new', text: 'Write an entry' })),
    waiting,
    h('details', { open: filtering, class: 'panel' }, h('summary', { text: 'Search and filter' }), form),
    h('h2', { class: 'visually-hidden', text: 'Entries' }),
    status, list, more);

  let labels = {};
  try {
    const vocabulary = await emotions();
    labels = Object.fromEntries(vocabulary.map((e) => [e.code, e.label]));
    vocabulary.forEach((e) => emotion.append(h('option', { value: e.code, text: e.label, selected: e.code === filters.emotion })));
  } catch {
    // Feelings then show by their codes.
  }

  let cursor = null;
  let loads = 0; // a reload makes the answers of earlier loads stale
  async function load() {
    const generation = loads;
    try {
      const page = await api(`/api/journal/entries${query({ ...filters, cursor, size: 20 })}`, { signal: ctx.signal });
      if (generation !== loads) return 0;
      const firstNew = list.children.length;
      list.append(...page.items.map((entry) => entryLine(entry, labels)));
      cursor = page.nextCursor || null;
      if (list.children.length === 0) {
        replace(more, filtering
          ? emptyState('No entries match these filters.', 'Try a wider range of dates or fewer filters.')
          : emptyState('Your journal is waiting for your first words.', 'A sentence is enough. There is no right way to do this.',
            h('a', { class: 'button primary', href: '#/journal/new', text: 'Write your first entry' })));
        status.textContent = filtering ? 'No entries match.' : '';
        return firstNew;
      }
      status.textContent = `${list.children.length} ${list.children.length === 1 ? 'entry' : 'entries'} shown${cursor ? '; there are more' : ''}.`;
      replace(more, cursor ? h('button', {
        type: 'button', class: 'button', text: 'Show older entries',
        on: {
          click: async (event) => {
            event.target.disabled = true;
            const index = await load();
            const link = list.children[index] && list.children[index].querySelector('a');
            if (link) link.focus();
          },
        },
      }) : null);
      return firstNew;
    } catch (error) {
      if (error.name === 'AbortError' || generation !== loads) return 0;
      replace(more, problemBox(error));
      return 0;
    }
  }
  // When waiting entries are added (here or in another tab), they leave the section and the list shows them.
  let shown = waitingEntries(me).length;
  ctx.onLeave(onWaitingChange(() => {
    const now = waitingEntries(me);
    replace(waiting, waitingSection(now));
    if (now.length < shown) {
      loads += 1;
      list.replaceChildren();
      cursor = null;
      replace(more, loading());
      load();
    }
    shown = now.length;
  }));
  await load();
}
