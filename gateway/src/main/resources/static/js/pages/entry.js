// One journal entry: read it, change it, or delete it after a confirmation. A very low mood, or words that sounded
// hopeless when it was saved, bring a gentle offer of support.

import { h, replace, toast } from '../dom.js';
import { api } from '../api.js';
import { moodLabel, problemBox, loading, confirmDialog, busy } from '../ui.js';
import { emotionLabels } from '../journal-kit.js';
import { localText } from './journal.js';
import { gentleSuggestion } from '../care.js';

export default async function render(root, ctx) {
  const id = ctx.params.id;
  ctx.title('Journal entry');
  const heading = h('h1', { id: 'page-title', attrs: { tabindex: '-1' }, text: 'Your entry' });
  const slot = h('div', {}, loading());
  root.append(h('p', {}, h('a', { href: '#/journal', text: '← All entries' })), heading, slot);

  let entry;
  let labels = {};
  try {
    [entry, labels] = await Promise.all([
      api(`/api/journal/entries/${encodeURIComponent(id)}`, { signal: ctx.signal }),
      emotionLabels().catch(() => ({})),
    ]);
  } catch (error) {
    if (error.name === 'AbortError') return;
    heading.textContent = error.status === 404 ? 'We could not find this entry' : 'This entry did not open';
    replace(slot, problemBox(error), h('p', {}, h('a', { href: '#/journal', text: 'Back to your journal' })));
    return;
  }
  heading.textContent = entry.title || 'Your entry';
  ctx.title(entry.title || 'Journal entry');

  const remove = h('button', { type: 'button', class: 'danger', text: 'Delete entry' });
  remove.addEventListener('click', async () => {
    const yes = await confirmDialog({
      title: 'Delete this entry?',
      text: 'It will be gone for good, and it cannot be brought back.',
      confirm: 'Delete it',
      cancel: 'Keep it',
      danger: true,
    });
    if (!yes) return;
    await busy(remove, async () => {
      try {
        await api(`/api/journal/entries/${encodeURIComponent(id)}?version=${entry.version}`, { method: 'DELETE' });
        toast('The entry is deleted.');
        ctx.navigate('/journal', { replace: true });
      } catch (error) {
        if (error.status === 409) error.detail = 'It changed somewhere else since you opened it. Reload the page and try again.';
        slot.prepend(problemBox(error));
      }
    }, 'Deleting…');
  });

  const reframe = entry.reframe && (entry.reframe.innerCritic || entry.reframe.friend || entry.reframe.kinderView)
    ? h('section', { class: 'panel', attrs: { 'aria-labelledby': 'reframe-title' } },
      h('h2', { id: 'reframe-title', text: 'Answering the inner critic' }),
      h('dl', {},
        entry.reframe.innerCritic ? [h('dt', { text: 'My inner critic said' }), h('dd', { class: 'pre', text: entry.reframe.innerCritic })] : null,
        entry.reframe.friend ? [h('dt', { text: 'What I would say to a friend' }), h('dd', { class: 'pre', text: entry.reframe.friend })] : null,
        entry.reframe.kinderView ? [h('dt', { text: 'A kinder way to see it' }), h('dd', { class: 'pre', text: entry.reframe.kinderView })] : null))
    : null;

  replace(slot,
    h('p', { class: 'meta', text: `${localText(entry.localDateTime)} · ${entry.timeZone.replace(/_/g, ' ')}` }),
    entry.mood ? h('p', {}, h('strong', { text: 'Mood: ' }), moodLabel(entry.mood)) : null,
    entry.emotions && entry.emotions.length
      ? h('div', {}, h('strong', { text: 'Feelings: ' }), h('ul', { class: 'tags', attrs: { 'aria-label': 'Feelings' } },
        entry.emotions.map((e) => h('li', { class: 'pill', text: labels[e] || e })))) : null,
    h('div', { class: 'prose pre entry-body', text: entry.body }),
    reframe,
    entry.tags && entry.tags.length
      ? h('ul', { class: 'tags', attrs: { 'aria-label': 'Tags' } }, entry.tags.map((t) => h('li', { class: 'pill on', text: `#${t}` }))) : null,
    // A very low mood gets the same gentle suggestion as a low check-in: an offer, never an alarm.
    entry.mood === 1 || ctx.query.get('support') === 'gentle' ? gentleSuggestion('h2') : null,
    entry.practiceId ? h('p', {}, 'Written after ', h('a', { href: `#/library/${encodeURIComponent(entry.practiceId)}`, text: entry.practiceId.replace(/-/g, ' ') }), '.') : null,
    h('div', { class: 'actions' },
      h('a', { class: 'button primary', href: `#/journal/${encodeURIComponent(id)}/edit`, text: 'Change entry' }),
      remove));
}
