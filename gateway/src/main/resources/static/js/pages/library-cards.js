// A library item as a card, used by the welcome page, the library, saved items and Today.

import { h, markedText } from '../dom.js';

export function typeLabel(type) {
  return String(type).toLowerCase() === 'practice' ? 'Practice' : 'Article';
}

/**
 * The search an item was opened from, as the address of the library's results (`#/library?q=...`): only the
 * library's own filters, so that the item page's back link cannot be sent anywhere else.
 */
export const LIBRARY_FILTERS = ['q', 'type', 'topic', 'habit', 'maxMinutes'];
export function libraryHref(params) {
  const kept = new URLSearchParams();
  for (const key of LIBRARY_FILTERS) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  const text = kept.toString();
  return text ? `#/library?${text}` : '#/library';
}

/** `from` is the library search the card is shown in (URLSearchParams): the item's back link returns to it. */
export function itemCard(item, heading = 'h3', from = null) {
  const back = from ? libraryHref(from).replace(/^#\/library\??/, '') : '';
  const href = `#/library/${encodeURIComponent(item.slug)}${back ? `?${back}` : ''}`;
  // A search snippet is shown under the summary when it shows where the words matched.
  const snippet = item.snippet && item.snippet.includes('<mark>')
    ? markedText(h('p', { class: 'meta snippet' }, '“'), item.snippet) : null;
  if (snippet) snippet.append('”');
  return h('li', { class: 'card' },
    h('p', { class: 'meta', text: `${typeLabel(item.type)} · ${item.minutes} min` }),
    h(heading, {}, h('a', { href, text: item.title })),
    h('p', { text: item.summary || '' }),
    snippet,
    item.reason ? h('p', { class: 'meta', text: item.reason }) : null);
}

export const HABITS = {
  'challenge-negative-self-talk': 'Answering the inner critic',
  mindfulness: 'Mindfulness',
  'embrace-imperfection': 'Making room for imperfection',
  'self-care': 'Self-care',
  'seek-support': 'Reaching out for support',
};

export function topicLabel(topic) {
  const text = String(topic).replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
