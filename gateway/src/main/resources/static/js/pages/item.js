// An article or a practice: its rendered body, reactions with counts, save for later, and for a practice a player
// that goes step by step with a timer.

import { h, replace, announce, toast } from '../dom.js';
import { api, ApiError } from '../api.js';
import { currentUser } from '../session.js';
import { problemBox, loading } from '../ui.js';
import { typeLabel, HABITS, libraryHref } from './library-cards.js';

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
    isPractice && item.steps && item.steps.length ? player(item, ctx) : null,
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

/** The practice player: one step at a time, a timer for steps that have one, keyboard friendly. */
function player(item, ctx) {
  const steps = item.steps;
  let index = 0;
  let remaining = 0;
  let timer = 0;
  let running = false;

  const region = h('section', { class: 'player', attrs: { 'aria-labelledby': 'player-title' } });
  const title = h('h2', { id: 'player-title', text: 'Practice step by step' });
  const intro = h('div', {},
    h('p', { text: `${steps.length} steps, about ${item.minutes} minutes. Find a comfortable place. You can pause at any time.` }),
    h('ol', { class: 'steps-list' }, steps.map((s) => h('li', { text: s.text }))),
    h('button', { type: 'button', class: 'primary', text: 'Start the practice', on: { click: () => go(0) } }));
  region.append(title, intro);

  const stepHeading = h('h3', { attrs: { tabindex: '-1' } });
  const stepText = h('p', { class: 'step-text' });
  const progress = h('progress', { max: steps.length, value: 1, attrs: { 'aria-label': 'Progress through the practice' } });
  const clock = h('p', { class: 'timer', attrs: { role: 'timer', 'aria-live': 'off' } });
  const timerButton = h('button', { type: 'button', class: 'button', on: { click: toggleTimer } });
  const back = h('button', { type: 'button', class: 'button', text: 'Previous step', on: { click: () => go(index - 1) } });
  const next = h('button', { type: 'button', class: 'primary', on: { click: () => (index + 1 < steps.length ? go(index + 1) : finish()) } });
  const stage = h('div', {}, stepHeading, progress, stepText, clock, h('div', { class: 'actions' }, back, timerButton, next));

  function format(seconds) {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return `${m}:${String(s).padStart(2, '0')}`;
  }

  function stop() {
    window.clearInterval(timer);
    running = false;
  }

  function go(to) {
    stop();
    index = Math.max(0, Math.min(steps.length - 1, to));
    const step = steps[index];
    stepHeading.textContent = `Step ${index + 1} of ${steps.length}`;
    stepText.textContent = step.text;
    progress.value = index + 1;
    back.disabled = index === 0;
    next.textContent = index + 1 < steps.length ? 'Next step' : 'Finish';
    remaining = step.seconds || 0;
    clock.hidden = !remaining;
    timerButton.hidden = !remaining;
    if (remaining) {
      clock.textContent = format(remaining);
      timerButton.textContent = 'Start timer';
    }
    region.replaceChildren(title, stage);
    stepHeading.focus();
  }

  function toggleTimer() {
    if (running) {
      stop();
      timerButton.textContent = 'Resume timer';
      announce(`Paused with ${format(remaining)} left.`);
      return;
    }
    running = true;
    timerButton.textContent = 'Pause timer';
    announce(`Timer started: ${format(remaining)}.`);
    timer = window.setInterval(() => {
      remaining -= 1;
      clock.textContent = format(Math.max(0, remaining));
      if (remaining <= 0) {
        stop();
        timerButton.textContent = 'Start timer again';
        remaining = steps[index].seconds;
        announce(index + 1 < steps.length ? 'Time is up for this step. Move on when you are ready.' : 'Time is up. Finish when you are ready.');
      }
    }, 1000);
  }

  function finish() {
    stop();
    const done = h('h3', { attrs: { tabindex: '-1' }, text: 'Well done for giving yourself this time' });
    region.replaceChildren(title, done,
      h('p', { text: 'However it went, it counts. Would you like to note how you feel now?' }),
      h('div', { class: 'actions' },
        h('a', { class: 'button primary', href: `#/journal/new?practice=${encodeURIComponent(item.slug)}`, text: 'Write a few words' }),
        h('button', { type: 'button', class: 'button', text: 'Do it again', on: { click: () => go(0) } })));
    done.focus();
  }

  ctx.onLeave(stop);
  return region;
}
