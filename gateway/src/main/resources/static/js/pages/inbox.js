// The in-app inbox. It updates live: the app keeps one EventSource open (see live.js) and new reminders appear at
// the top, announced politely. Each item offers snooze, skip and stop in one click, through the API.

import { h, add, replace, announce, toast, formatDateTime, dayIn, todayIn } from '../dom.js';
import { api } from '../api.js';
import { userZone } from '../session.js';
import { pageTitle, problemBox, emptyState, loading, busy } from '../ui.js';
import { onInbox, setUnread, unreadCount, liveState } from '../live.js';
import { skipNote } from '../reminder-kit.js';

const STATE_TEXT = {
  live: 'New reminders appear here as they arrive.',
  connecting: 'Connecting for live updates…',
  retrying: 'Reconnecting for live updates…',
  off: 'Live updates are paused. New reminders show when you reload the page.',
};

export default async function render(root, ctx) {
  ctx.title('Inbox');
  const zone = userZone();
  const state = h('p', { class: 'meta', dataset: { testid: 'live-state' }, text: STATE_TEXT[liveState()] || '' });
  const list = h('ul', { class: 'plain-list', dataset: { testid: 'inbox-list' } });
  const slot = h('div', {}, loading());
  const readAll = h('button', { type: 'button', class: 'button', text: 'Mark all as read', hidden: true });
  root.append(...pageTitle('Inbox', 'Your reminders, gathered in one calm place.'), state, h('div', { class: 'actions' }, readAll), slot);

  const ids = new Set();

  // A skipped occurrence stays in the history with its reason; nothing arrived, so there is nothing to act on.
  function skippedRow(item) {
    const at = item.scheduledAt || item.createdAt;
    const today = dayIn(new Date(at), zone) === todayIn(zone);
    return h('li', { class: 'skipped', dataset: { id: item.id } },
      h('div', { class: 'row' },
        h('h2', { class: 'h3', text: item.title }),
        h('span', { class: 'meta', text: formatDateTime(at, zone) })),
      skipNote(`Skipped${today ? ' today' : ''} — ${item.skipped.words}.`));
  }

  function row(item) {
    ids.add(item.id);
    if (item.skipped) return skippedRow(item);
    const li = h('li', { class: item.read ? '' : 'unread', dataset: { id: item.id } });
    const mark = h('button', { type: 'button', class: 'button', text: 'Mark as read', attrs: { 'aria-label': `Mark as read: ${item.title}` } });
    mark.hidden = item.read;
    mark.addEventListener('click', () => markRead(item, li, mark));
    const act = (label, path, body, done) => h('button', {
      type: 'button', class: 'button', text: label,
      attrs: { 'aria-label': `${label}: ${item.title}` },
      on: {
        click: async (event) => {
          await busy(event.currentTarget, async () => {
            try {
              await api(`/api/reminders/${item.reminderId}/${path}`, { method: 'POST', body });
              toast(done);
              announce(done);
              if (!item.read) await markRead(item, li, mark, true);
            } catch (error) {
              toast(error.status === 404 ? 'This reminder no longer exists.' : `${error.title}. ${error.detail}`);
            }
          });
        },
      },
    });
    add(li,
      h('div', { class: 'row' },
        h('h2', { class: 'h3', text: item.title }),
        h('span', { class: 'meta', text: formatDateTime(item.scheduledAt || item.createdAt, zone) })),
      item.read ? null : h('p', { class: 'pill on unread-label', text: 'New' }),
      item.message ? h('p', { text: item.message }) : null,
      h('div', { class: 'actions' },
        openLink(item),
        mark,
        act('Snooze 15 minutes', 'snooze', { delay: '15m' }, 'Snoozed. It will come back in 15 minutes.'),
        // The rarer choices wait behind "More", so that a card on a phone is not a tower of buttons.
        h('details', { class: 'more-actions', dataset: { testid: 'more-actions' } },
          h('summary', { text: 'More', attrs: { 'aria-label': `More for ${item.title}` } }),
          h('div', { class: 'more-list' },
            act('Snooze 1 hour', 'snooze', { delay: '1h' }, 'Snoozed. It will come back in an hour.'),
            act('Snooze until tomorrow', 'snooze', { delay: 'tomorrow' }, 'Snoozed until this time tomorrow.'),
            act('Skip the next one', 'skip-next', undefined, 'The next one is skipped. The ones after it come as usual.'),
            act('Stop this reminder', 'stop', undefined, 'Stopped. You can start it again from Reminders.')))));
    return li;
  }

  function openLink(item) {
    let href = '#/today';
    const open = item.links && item.links.open;
    if (open) {
      try {
        const url = new URL(open, location.origin);
        if (url.origin === location.origin && url.hash.startsWith('#/')) href = url.hash;
      } catch {
        // Keep the default.
      }
    } else if (item.kind === 'journal') href = '#/journal/new';
    return h('a', { class: 'button primary', href, text: 'Open', attrs: { 'aria-label': `Open: ${item.title}` } });
  }

  async function markRead(item, li, mark, quiet) {
    try {
      await api(`/api/notifications/inbox/${encodeURIComponent(item.id)}/read`, { method: 'POST' });
      item.read = true;
      li.classList.remove('unread');
      const label = li.querySelector('.unread-label');
      if (label) label.remove();
      const focusNext = document.activeElement === mark;
      mark.hidden = true;
      if (focusNext) li.querySelector('a').focus();
      setUnread(unreadCount() - 1);
      if (!quiet) announce('Marked as read.');
      readAll.hidden = unreadCount() === 0;
    } catch (error) {
      toast(`${error.title}. ${error.detail}`);
    }
  }

  readAll.addEventListener('click', async () => {
    await busy(readAll, async () => {
      try {
        await api('/api/notifications/inbox/read-all', { method: 'POST' });
        await load();
        announce('Everything is marked as read.');
      } catch (error) {
        toast(`${error.title}. ${error.detail}`);
      }
    });
  });

  function draw(inbox) {
    ids.clear();
    list.replaceChildren(...inbox.items.map(row));
    setUnread(inbox.unread || 0);
    readAll.hidden = !inbox.unread;
    replace(slot, inbox.items.length ? list : emptyState('Your inbox is clear.', 'Reminders you choose to receive in the app will appear here, live.',
      h('a', { class: 'button', href: '#/reminders', text: 'Set up a reminder' })));
  }

  async function load() {
    try {
      draw(await api('/api/notifications/inbox', { signal: ctx.signal }));
    } catch (error) {
      if (error.name !== 'AbortError') replace(slot, problemBox(error));
    }
  }

  ctx.onLeave(onInbox((type, detail) => {
    if (type === 'state') state.textContent = STATE_TEXT[detail] || '';
    if (type === 'resync' && detail) draw(detail);
    if (type === 'item' && !ids.has(detail.id)) {
      if (!list.isConnected) replace(slot, list);
      list.prepend(row(detail));
      readAll.hidden = unreadCount() === 0;
      announce(`A reminder arrived: ${detail.title}`);
    }
  }));

  await load();
}
