// The start page. Signed in, it is Today; otherwise a short welcome with a few readings from the library.

import { h } from '../dom.js';
import { api } from '../api.js';
import { currentUser } from '../session.js';
import { emptyState } from '../ui.js';
import { itemCard } from './library-cards.js';

export default async function home(root, ctx) {
  if (currentUser()) {
    const today = await import('./today.js');
    return today.default(root, ctx);
  }
  ctx.title('');
  const status = h('p', { class: 'loading', attrs: { role: 'status' }, text: 'Gathering a few readings for you…' });
  const list = h('ul', { class: 'cards' });
  root.append(
    h('section', { class: 'welcome', attrs: { 'aria-labelledby': 'page-title' } },
      h('h1', { id: 'page-title', attrs: { tabindex: '-1' }, text: 'Be a little kinder to yourself today' }),
      h('p', { class: 'lead', text: 'Short readings and guided practices, a private journal and gentle reminders, to help you meet hard moments the way you would meet a good friend’s.' }),
      h('div', { class: 'actions' },
        h('a', { class: 'button primary', href: '#/sign-up', text: 'Create a free account' }),
        h('a', { class: 'button', href: '#/sign-in', text: 'Sign in' }),
        h('a', { class: 'button', href: '#/library', text: 'Browse the library' }))),
    h('section', { attrs: { 'aria-labelledby': 'library-title' } },
      h('h2', { id: 'library-title', text: 'From the library' }),
      status,
      list),
    h('section', { class: 'panel warm', attrs: { 'aria-labelledby': 'support-title' } },
      h('h2', { id: 'support-title', text: 'If it is more than a bad day' }),
      h('p', { text: 'You do not have to carry it alone. If you are in danger now, call your local emergency number. Talking to someone you trust, your doctor, or a crisis line can help too.' }),
      h('p', {}, h('a', { href: '#/support', text: 'Find support where you live' }))),
  );
  try {
    const page = await api('/api/content/items?size=6', { signal: ctx.signal });
    list.replaceChildren(...page.items.map((item) => itemCard(item, 'h3')));
    status.replaceWith(page.items.length ? '' : emptyState('The library is still being written.', 'Please come back soon.'));
  } catch (error) {
    if (error.name === 'AbortError') return;
    status.textContent = 'The library is taking a short rest. Please try again in a moment.';
  }
}
