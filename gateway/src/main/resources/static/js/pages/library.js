// The library: search with filters, cards, and the reader's saved items. The filters live in the address
// (#/library?q=...&type=...) so that Back and a shared link show the same results.

import { h, add, replace, uid, announce } from '../dom.js';
import { api, query } from '../api.js';
import { currentUser } from '../session.js';
import { pageTitle, problemBox, emptyState, loading } from '../ui.js';
import { itemCard, HABITS, topicLabel } from './library-cards.js';

const PAGE_SIZE = 12;

export default async function render(root, ctx) {
  ctx.title('Library');
  const params = {
    q: ctx.query.get('q') || '',
    type: ctx.query.get('type') || '',
    topic: ctx.query.get('topic') || '',
    habit: ctx.query.get('habit') || '',
    maxMinutes: ctx.query.get('maxMinutes') || '',
  };

  const q = h('input', { type: 'search', name: 'q', value: params.q, id: uid('q'), attrs: { maxlength: '200' } });
  const type = h('select', { name: 'type', id: uid('type') },
    h('option', { value: '', text: 'Articles and practices' }),
    h('option', { value: 'article', text: 'Articles' }),
    h('option', { value: 'practice', text: 'Practices' }));
  type.value = params.type;
  const topic = h('select', { name: 'topic', id: uid('topic') }, h('option', { value: '', text: 'Any topic' }));
  const habit = h('select', { name: 'habit', id: uid('habit') }, h('option', { value: '', text: 'Any habit' }),
    Object.entries(HABITS).map(([value, text]) => h('option', { value, text })));
  habit.value = params.habit;
  const length = h('select', { name: 'maxMinutes', id: uid('len') }, h('option', { value: '', text: 'Any length' }),
    [3, 5, 10, 20].map((m) => h('option', { value: m, text: `Up to ${m} minutes` })));
  length.value = params.maxMinutes;
  const habitHint = h('p', { class: 'hint', id: `${habit.id}-hint`, text: 'The habit filter applies when you search for words.' });
  habit.setAttribute('aria-describedby', habitHint.id);

  const form = h('form', { attrs: { role: 'search', 'aria-label': 'Search the library' } },
    h('div', { class: 'field' }, h('label', { for: q.id, text: 'Search the library' }), q),
    h('div', { class: 'inline-fields' },
      h('div', { class: 'field' }, h('label', { for: type.id, text: 'Kind' }), type),
      h('div', { class: 'field' }, h('label', { for: topic.id, text: 'Topic' }), topic),
      h('div', { class: 'field' }, h('label', { for: habit.id, text: 'Habit' }), habit),
      h('div', { class: 'field' }, h('label', { for: length.id, text: 'Length' }), length)),
    habitHint,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', text: 'Show results' }),
      h('a', { href: '#/library', class: 'button', text: 'Clear' })));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = { q: q.value.trim(), type: type.value, topic: topic.value, habit: habit.value, maxMinutes: length.value };
    ctx.navigate(`/library${query(next)}`);
  });

  const status = h('p', { attrs: { role: 'status' }, class: 'meta' });
  const suggestion = h('div', { dataset: { testid: 'did-you-mean' } });
  // "Did you mean": the same search and filters with the misspelt words corrected.
  const didYouMean = (text) => (text && text !== params.q
    ? h('p', {}, 'Did you mean ', h('a', { href: `#/library${query({ ...params, q: text })}`, text: text }), '?')
    : null);
  const results = h('ul', { class: 'cards' });
  const more = h('div', {});
  // Named by its heading only once it has one: a section labelled by a missing heading is not a region.
  const savedSection = h('section', {});

  const searching = Object.values(params).some(Boolean);
  add(root,
    ...pageTitle('Library', 'Short readings and guided practices for the five habits of self-compassion.'),
    form,
    // What the reader saved shows once, on the library's own page, not under the results of every search.
    searching ? null : savedSection,
    h('section', { attrs: { 'aria-labelledby': 'results-title' } },
      h('h2', { id: 'results-title', text: params.q ? `Results for “${params.q}”` : 'Everything in the library' }),
      status, suggestion, results, more),
  );

  // Topics come from the library itself, so the list never offers a topic with nothing in it.
  api('/api/content/items?size=50', { signal: ctx.signal }).then((all) => {
    const topics = [...new Set(all.items.flatMap((i) => i.topics || []))].sort();
    topics.forEach((t) => topic.append(h('option', { value: t, text: topicLabel(t) })));
    topic.value = params.topic;
  }).catch(() => {});

  let page = 0;
  async function load(append) {
    if (!append) status.textContent = 'Looking…';
    try {
      let items;
      let total;
      if (params.q) {
        const answer = await api(`/api/content/search${query({ ...params, page, size: PAGE_SIZE })}`, { signal: ctx.signal });
        items = answer.items;
        total = answer.total;
        if (!append) replace(suggestion, didYouMean(answer.suggestion));
      } else {
        // Listing has no length filter, so it is applied to each page here.
        const answer = await api(`/api/content/items${query({ type: params.type, topic: params.topic, page, size: PAGE_SIZE })}`, { signal: ctx.signal });
        items = params.maxMinutes ? answer.items.filter((i) => i.minutes <= Number(params.maxMinutes)) : answer.items;
        total = params.maxMinutes ? null : answer.total;
      }
      results.append(...items.map((item) => itemCard(item, 'h3', ctx.query)));
      const shown = results.children.length;
      if (shown === 0) {
        status.textContent = '';
        replace(more, emptyState(params.q ? 'Nothing matched those words.' : 'Nothing here yet with those filters.',
          'Try fewer words, or clear a filter. Every search is a good start.'));
        announce('No results.');
        return;
      }
      status.textContent = total === null ? `${shown} shown` : `${total} ${total === 1 ? 'result' : 'results'}`;
      const hasMore = total === null ? items.length > 0 && (page + 1) * PAGE_SIZE < 10000 && items.length === PAGE_SIZE : shown < total;
      replace(more, hasMore ? h('button', {
        type: 'button', class: 'button', text: 'Show more',
        on: {
          click: async (event) => {
            const firstNew = results.children.length;
            page += 1;
            event.target.disabled = true;
            await load(true);
            const link = results.children[firstNew] && results.children[firstNew].querySelector('a');
            if (link) link.focus();
          },
        },
      }) : null);
    } catch (error) {
      if (error.name === 'AbortError') return;
      status.textContent = '';
      replace(more, problemBox(error));
    }
  }

  async function loadSaved() {
    if (!currentUser() || searching) return;
    replace(savedSection, h('h2', { id: 'saved-title', text: 'Saved for later' }), loading());
    savedSection.setAttribute('aria-labelledby', 'saved-title');
    try {
      const saved = await api('/api/content/saved', { signal: ctx.signal });
      replace(savedSection, h('h2', { id: 'saved-title', text: 'Saved for later' }),
        saved.items.length
          ? h('ul', { class: 'cards' }, saved.items.map((item) => itemCard(item, 'h3')))
          : emptyState('Nothing saved yet.', 'When something speaks to you, press “Save for later” on its page and it will wait for you here.'));
    } catch (error) {
      if (error.name === 'AbortError') return;
      replace(savedSection, h('h2', { id: 'saved-title', text: 'Saved for later' }), problemBox(error));
    }
  }

  results.replaceChildren();
  more.replaceChildren(loading());
  await Promise.all([load(false), loadSaved()]);
  if (more.querySelector('.loading')) more.replaceChildren();
}
