// Starts the web app: finds out who is signed in, draws the navigation, opens the live inbox and hands the page
// over to the router. Loaded as an ES module, so the Content Security Policy can forbid inline script. While someone
// is signed in, it sends the journal entries saved on this device while offline (waiting-entries.js) and says when
// they are added; signing out with some still waiting asks first, because signing out removes them from this device.

import { h, replace, toast, announce } from './dom.js';
import { confirmDialog } from './ui.js';
import { currentUser, isEditor, onSessionChange, restore, restoreUnreachable, signOut } from './session.js';
import { navigate, onPageShown, parse, prefetch, prefetchPages, show, start } from './router.js';
import { connect, disconnect, onInbox, unreadCount } from './live.js';
import { drawVerifyNotice } from './verify-notice.js';
import { onAdded, onHeld, sendWaiting, startSending, stopSending, waitingEntries } from './waiting-entries.js';
import { rememberSupportShown } from './care.js';
import './install.js';

const nav = document.getElementById('nav-list');
const menuButton = document.getElementById('menu-button');
const mainNav = document.getElementById('main-nav');

function link(href, text, extra) {
  return h('li', {}, h('a', { href, text, ...(extra || {}) }));
}

function inboxLink() {
  const count = unreadCount();
  const a = h('a', { href: '#/inbox', id: 'nav-inbox' }, 'Inbox');
  if (count > 0) {
    a.append(' ', h('span', { class: 'badge', attrs: { 'aria-hidden': 'true' }, text: String(count) }),
      h('span', { class: 'visually-hidden', text: ` (${count} unread)` }));
  }
  return h('li', {}, a);
}

function drawNav() {
  const user = currentUser();
  if (!user) {
    replace(nav,
      link('#/library', 'Library'),
      link('#/sign-in', 'Sign in'),
      link('#/sign-up', 'Create an account'));
  } else {
    replace(nav,
      link('#/today', 'Today'),
      link('#/library', 'Library'),
      link('#/journal', 'Journal'),
      link('#/insights', 'Insights'),
      link('#/check-in', 'Check-in'),
      link('#/reminders', 'Reminders'),
      inboxLink(),
      isEditor() ? link('#/editor', 'Editor') : null,
      link('#/account', 'Account'),
      h('li', {}, h('button', {
        type: 'button', class: 'link-button', text: 'Sign out',
        on: { click: async () => {
          if (!(await readyToSignOut())) return;
          await signOut();
          toast('You are signed out. Take care.');
          navigate('/', { replace: true });
        } },
      })));
  }
  markCurrent();
}

/**
 * True when signing out loses nothing, or the person chose to go anyway. Entries still waiting on this device are
 * sent first; those that cannot be are removed on sign-out (nothing written stays on a shared device), so the person
 * is asked before, and may stay signed in until they are back online.
 */
async function readyToSignOut() {
  const user = currentUser();
  if (!user || !waitingEntries(user.id).length) return true;
  await sendWaiting();
  const count = waitingEntries(user.id).length;
  if (!count) return true;
  const one = count === 1;
  return confirmDialog({
    title: one ? 'Sign out and remove the entry waiting on this device?' : `Sign out and remove the ${count} entries waiting on this device?`,
    text: `${one ? 'One entry you saved on this device has' : `${count} entries you saved on this device have`} not reached your journal yet. `
      + `Signing out removes ${one ? 'it' : 'them'} from this device, so that nobody else who uses it can read ${one ? 'it' : 'them'}. `
      + `To keep ${one ? 'it' : 'them'}, stay signed in until you are back online.`,
    confirm: one ? 'Sign out and remove it' : 'Sign out and remove them',
    cancel: 'Stay signed in',
    danger: true,
  });
}

function markCurrent() {
  const { path } = parse();
  const section = path.split('/')[0];
  nav.querySelectorAll('a').forEach((a) => {
    const target = a.getAttribute('href').replace(/^#\/?/, '').split('/')[0];
    if (target === section && section !== '') a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  const support = document.querySelector('.support-link');
  if (section === 'support') support.setAttribute('aria-current', 'page');
  else support.removeAttribute('aria-current');
}

// On small screens the navigation folds behind a Menu button; the support link stays visible at all times.
const narrow = window.matchMedia('(max-width: 47.99rem)');
function setupMenu() {
  const fold = narrow.matches;
  menuButton.hidden = !fold;
  if (fold) {
    mainNav.classList.toggle('closed', menuButton.getAttribute('aria-expanded') !== 'true');
  } else {
    mainNav.classList.remove('closed');
  }
}
menuButton.addEventListener('click', () => {
  const open = menuButton.getAttribute('aria-expanded') !== 'true';
  menuButton.setAttribute('aria-expanded', String(open));
  mainNav.classList.toggle('closed', !open);
  if (open) {
    const first = nav.querySelector('a, button');
    if (first) first.focus();
  }
});
mainNav.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && narrow.matches && menuButton.getAttribute('aria-expanded') === 'true') {
    menuButton.setAttribute('aria-expanded', 'false');
    mainNav.classList.add('closed');
    menuButton.focus();
  }
});
narrow.addEventListener('change', setupMenu);

// The skip link moves focus into the page without changing the route.
document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  const heading = document.querySelector('#page h1');
  (heading || document.getElementById('main')).focus();
});

// Once a signed-in person's first page is shown, the menu's other pages are loaded while the browser is idle.
let menuPrefetched = false;
function prefetchMenu() {
  if (menuPrefetched || !currentUser()) return;
  menuPrefetched = true;
  prefetchPages([...nav.querySelectorAll('a[href^="#/"]')].map((a) => a.getAttribute('href').replace(/^#\/?/, '')));
}

onPageShown(() => {
  prefetchMenu();
  markCurrent();
  if (narrow.matches) {
    menuButton.setAttribute('aria-expanded', 'false');
    mainNav.classList.add('closed');
  }
});

onInbox((type) => {
  if (type === 'unread') {
    const old = document.getElementById('nav-inbox');
    if (old) {
      const fresh = inboxLink();
      const wasCurrent = old.getAttribute('aria-current');
      old.parentElement.replaceWith(fresh);
      if (wasCurrent) fresh.firstChild.setAttribute('aria-current', wasCurrent);
    }
  }
});

onInbox((type, item) => {
  if (type === 'item' && parse().path !== 'inbox') {
    toast(`A reminder arrived: ${item.title}`);
  }
});

onSessionChange((user, changed) => {
  drawNav();
  drawVerifyNotice(user);
  if (changed) {
    if (user) {
      connect();
      startSending(user.id);
    } else {
      disconnect();
      stopSending();
    }
  }
});

// An entry saved on this device reached the journal. When its words signal a crisis, the support panel comes, just
// as when it is saved online, and no toast; otherwise a quiet toast.
onAdded((saved) => {
  if (saved && saved.support) {
    import('./journal-kit.js').then(({ showSupport }) => showSupport(saved.support))
      .then((next) => {
        rememberSupportShown(currentUser() && currentUser().id);
        if (next === 'safety-plan') navigate('/safety-plan');
      })
      .catch(() => toast('An entry you saved on this device is now in your journal.'));
    return;
  }
  toast('An entry you saved on this device is now in your journal.');
});

onHeld(() => {
  toast('An entry saved on this device could not be added as it is. It is waiting in your journal for another look.');
});

window.addEventListener('mhc:session-expired', (event) => {
  const elsewhere = event.detail && event.detail.elsewhere;
  const waiting = (event.detail && event.detail.waiting) || 0;
  const kept = waiting === 1 ? ' The entry saved on this device will be added to your journal then.'
    : waiting > 1 ? ` The ${waiting} entries saved on this device will be added to your journal then.` : '';
  announce(elsewhere ? 'You signed out in another tab.' : `Your session has ended. Please sign in again.${kept}`);
  toast(elsewhere ? 'You signed out in another tab.'
    : `Your session has ended. Please sign in again; nothing you saved is lost.${kept}`);
  // The router sends private pages to sign-in and leaves public ones as they are.
  show();
});

// Started offline, the app could not ask who is signed in, so it showed sign-in. It asks again when the browser is
// back online, and every 30 s meanwhile (a browser may think it is online when it is not); a person still signed in
// then goes where they were going, and what waits on this device is sent.
let askAgainTimer = 0;
async function askAgainWhoIsSignedIn() {
  window.clearTimeout(askAgainTimer);
  if (currentUser() || !restoreUnreachable()) return;
  if (!(await restore())) {
    if (restoreUnreachable()) askAgainTimer = window.setTimeout(askAgainWhoIsSignedIn, 30_000);
    return;
  }
  const { path, query } = parse();
  if (path === 'sign-in' && query.get('next')) {
    const { safeNext } = await import('./pages/sign-in.js');
    navigate(safeNext(query.get('next')), { replace: true });
  } else {
    show();
  }
}
window.addEventListener('online', askAgainWhoIsSignedIn);

function emailChangeNotice() {
  const params = new URLSearchParams(location.search);
  const outcome = params.get('email-change');
  if (!outcome) return;
  const messages = {
    confirmed: 'Your new e-mail address is confirmed.',
    taken: 'That e-mail address already belongs to another account, so nothing changed.',
    expired: 'That confirmation link has expired or was already used. You can ask for a new one on your account page.',
  };
  toast(messages[outcome] || 'The e-mail link has been handled.');
  history.replaceState(null, '', `/${location.hash}`);
}

async function boot() {
  setupMenu();
  prefetch();
  await restore();
  if (restoreUnreachable()) askAgainTimer = window.setTimeout(askAgainWhoIsSignedIn, 30_000);
  drawNav();
  emailChangeNotice();
  start();
}

boot().catch(() => show());
