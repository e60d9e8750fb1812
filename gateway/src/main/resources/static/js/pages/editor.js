// The editor's desk: every item in any state, newest change first, with a filter by state.

import { h, replace, uid, formatDateTime } from '../dom.js';
import { api, query } from '../api.js';
import { userZone } from '../session.js';
import { pageTitle, problemBox, emptyState, loading } from '../ui.js';

export const STATUS_TEXT = { draft: 'Draft', scheduled: 'Scheduled', published: 'Published', withdrawn: 'Withdrawn' };

export default async function render(root, ctx) {
  ctx.title('Editor');
  const status = ctx.query.get('status') || '';
  const page = Number(ctx.query.get('page')) || 0;
  const select = h('select', { id: uid('status'), name: 'status' }, h('option', { value: '', text: 'Every state' }),
    Object.entries(STATUS_TEXT).map(([value, text]) => h('option', { value, text, selected: value === status })));
  const form = h('form', { class: 'inline-fields', attrs: { 'aria-label': 'Filter items' } },
    h('div', { class: 'field' }, h('label', { for: select.id, text: 'Show' }), select),
    h('div', { class: 'field' }, h('button', { type: 'submit', class: 'button', text: 'Filter' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate(`/editor${query({ status: select.value })}`);
  });
  const slot = h('div', {}, loading());
  root.append(...pageTitle('Editor’s desk', 'Drafts, scheduled pieces and the published library.'),
    h('p', {}, h('a', { class: 'button primary', href: '#/editor/new', text: 'Start a new draft' })), form, slot);

  try {
    const answer = await api(`/api/content/editor/items${query({ status, page, size: 25 })}`, { signal: ctx.signal });
    if (!answer.items.length) {
      replace(slot, emptyState('Nothing here yet.', status ? 'No items in this state.' : 'Start a first draft; it stays private until you publish it.'));
      return;
    }
    const zone = userZone();
    const pages = Math.ceil(answer.total / answer.size);
    replace(slot,
      h('div', { class: 'table-wrap' }, h('table', { class: 'data-table' },
        h('caption', { text: `${answer.total} items, most recently changed first` }),
        h('thead', {}, h('tr', {}, ['Title', 'Kind', 'State', 'Changed'].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, answer.items.map((item) => h('tr', {},
          h('th', { scope: 'row' }, h('a', { href: `#/editor/${encodeURIComponent(item.slug)}`, text: item.title })),
          h('td', { text: item.type === 'practice' ? 'Practice' : 'Article' }),
          h('td', { text: `${STATUS_TEXT[item.status] || item.status}${item.status === 'scheduled' && item.publishAt ? ` for ${formatDateTime(item.publishAt, zone)}` : ''}` }),
          h('td', { text: formatDateTime(item.updatedAt, zone) })))))),
      pages > 1 ? h('nav', { class: 'actions', attrs: { 'aria-label': 'Pages' } },
        page > 0 ? h('a', { class: 'button', href: `#/editor${query({ status, page: page - 1 })}`, text: 'Newer' }) : null,
        h('span', { text: `Page ${page + 1} of ${pages}` }),
        page + 1 < pages ? h('a', { class: 'button', href: `#/editor${query({ status, page: page + 1 })}`, text: 'Older' }) : null) : null);
  } catch (error) {
    if (error.name !== 'AbortError') replace(slot, problemBox(error));
  }
}
