// An article or a practice: its rendered body, reactions with counts, save for later, and for a practice the player
// (practice-player.js) that goes step by step with a timer, a chime and, if wanted, moving on by itself.

import { h, replace, announce, toast } from '../dom.js';
import { api, ApiError } from '../api.js';
import { currentUser } from '../session.js';
import { problemBox, loading } from '../ui.js';
import { typeLabel, HABITS, libraryHref } from './library-cards.js';
import { practicePlayer } from '../practice-player.js';

const REACTIONS = [
  { value: 'helpful', label: 'Helpful' },
  { value: 'calming', label: 'Calming' },
  { value: 'inspiring', label: 'Inspiring' },
  { value: 'relatable', label: 'Relatable' },
];

export default async function render(root, ctx) {
  const slug = ctx.params.slug;
  ctx.title('Library');
  const heading = h('h1', { id: 'page-title', attrs: { tabindex: '-1' }, text: 'Opening…' });
  const body = h('div', {}, loading());
  // Opened from a search: back to its results (the search is in this page's address).
  const back = libraryHref(ctx.query);
  const backText = back === '#/library' ? '← Back to the library' : '← Back to your search';
  root.append(h('p', {}, h('a', { href: back, text: backText, dataset: { testid: 'back-to-library' } })), heading, body);

  let item;
  try {
    item = await api(`/api/content/items/${encodeURIComponent(slug)}`, { signal: ctx.signal });
  } catch (error) {
    if (error.name === 'AbortError') return;
    heading.textContent = error.status === 404 ? 'We could not find this reading' : 'This reading did not open';
    ctx.title(heading.textContent);
    replace(body, problemBox(error), h('p', {}, h('a', { href: '#/library', text: 'Browse the library' })));
    return;
  }
  heading.textContent = item.title;
  ctx.title(item.title);

  const content = h('div', { class: 'prose', dataset: { testid: 'item-body' } });
  // bodyHtml is rendered from Markdown and sanitised by content-service (an allow-list); it is the only HTML placed as is.
  content.innerHTML = item.bodyHtml;

  const isPractice = item.type === 'practice';
  const reactions = h('section', { attrs: { 'aria-labelledby': 'reactions-title' } }, h('h2', { id: 'reactions-title', text: 'How did this land for you?' }));
  const save = h('div', {});

  replace(body,
    h('p', { class: 'meta', text: `${typeLabel(item.type)} · ${item.minutes} min${item.author ? ` · by ${item.author}` : ''}` }),
    item.summary ? h('p', { class: 'lead', text: item.summary }) : null,
    save,
    // While the player shows one step at a time, the written steps fold away, so no step is on screen twice.
    isPractice && item.steps && item.steps.length ? practicePlayer(item, ctx, (playing) => { content.hidden = playing; }) : null,
    content,
    item.habits && item.habits.length ? h('p', { class: 'meta', text: `Habits: ${item.habits.map((x) => HABITS[x] || x).join(', ')}` }) : null,
    reactions,
    item.related && item.related.length ? h('section', { attrs: { 'aria-labelledby': 'related-title' } },
      h('h2', { id: 'related-title', text: 'You might also like' }),
      h('ul', {}, item.related.map((r) => h('li', {}, h('a', { href: `#/library/${encodeURIComponent(r.slug)}`, text: r.title }),
        ` (${typeLabel(r.type).toLowerCase()})`)))) : null);

  await Promise.all([showReactions(reactions, slug, ctx), showSave(save, slug, ctx)]);
}

async function showReactions(section, slug, ctx) {
  const list = h('ul', { class: 'reactions' });
  const note = h('p', { class: 'meta' });
  section.append(list, note);
  let state;
  try {
    state = await api(`/api/content/items/${encodeURIComponent(slug)}/reactions`, { signal: ctx.signal });
  } catch (error) {
    if (error.name !== 'AbortError') section.append(problemBox(error));
    return;
  }
  const signedIn = Boolean(currentUser());
  const draw = () => {
    replace(list, ...REACTIONS.map((r) => {
      const count = (state.counts && state.counts[r.value]) || 0;
      const mine = state.mine === r.value;
      return h('li', {}, h('button', {
        type: 'button',
        attrs: { 'aria-pressed': String(mine), 'aria-label': `${r.label}, ${count} ${count === 1 ? 'person' : 'people'}${mine ? ', your reaction' : ''}` },
        dataset: { reaction: r.value },
        disabled: !signedIn,
        on: { click: () => react(r.value) },
      }, `${r.label} `, h('span', { class: 'pill', text: String(count), attrs: { 'aria-hidden': 'true' } })));
    }));
    note.replaceChildren(signedIn ? 'One reaction each; press it again to take it back.' : '');
    if (!signedIn) note.append(h('a', { href: `#/sign-in?next=${encodeURIComponent(`/library/${slug}`)}`, text: 'Sign in' }), ' to react or save.');
  };
  const react = async (value) => {
    const taking = state.mine === value;
    try {
      state = await api(`/api/content/items/${encodeURIComponent(slug)}/reaction`, taking
        ? { method: 'DELETE' } : { method: 'PUT', body: { reaction: value } });
      draw();
      const button = list.querySelector(`[data-reaction="${value}"]`);
      if (button) button.focus();
      announce(taking ? 'Reaction taken back.' : `Thank you. You found this ${value}.`);
    } catch (error) {
      toast(`${error.title}. ${error.detail}`);
    }
  };
  draw();
}

async function showSave(slot, slug, ctx) {
  if (!currentUser()) return;
  let saved = false;
  try {
    const list = await api('/api/content/saved', { signal: ctx.signal });
    saved = list.items.some((i) => i.slug === slug);
  } catch {
    // Without the list the button starts as "Save"; saving again changes nothing.
  }
  const button = h('button', { type: 'button', class: 'button', attrs: { 'aria-pressed': String(saved) } });
  const draw = () => {
    button.textContent = saved ? 'Saved for later ✓' : 'Save for later';
    button.setAttribute('aria-pressed', String(saved));
  };
  button.addEventListener('click', async () => {
    try {
      await api(`/api/content/saved/${encodeURIComponent(slug)}`, { method: saved ? 'DELETE' : 'PUT' });
      saved = !saved;
      draw();
      announce(saved ? 'Saved. You will find it in the library under Saved for later.' : 'Removed from your saved items.');
    } catch (error) {
      toast(error instanceof ApiError ? `${error.title}. ${error.detail}` : 'That did not work. Please try again.');
    }
  });
  draw();
  slot.replaceChildren(h('div', { class: 'actions' }, button));
}
