// A hash router: #/journal/123?x=y. Each page is an ES module loaded on first use, so a first visit downloads only
// the page it shows. After every change of page, focus moves to the page's h1 so keyboard and screen-reader users
// start at the top of the new content.

import { h, replace } from './dom.js';
import { currentUser, isEditor } from './session.js';
import { problemBox, confirmDialog } from './ui.js';

const ROUTES = [
  { path: '', page: 'home', access: 'public' },
  { path: 'today', page: 'today' },
  { path: 'library', page: 'library', access: 'public' },
  { path: 'library/:slug', page: 'item', access: 'public' },
  { path: 'journal', page: 'journal' },
  { path: 'journal/new', page: 'entry-form' },
  { path: 'journal/:id', page: 'entry' },
  { path: 'journal/:id/edit', page: 'entry-form' },
  { path: 'insights', page: 'insights' },
  { path: 'check-in', page: 'check-in' },
  { path: 'reminders', page: 'reminders' },
  { path: 'reminders/new', page: 'reminder-form' },
  { path: 'reminders/:id', page: 'reminder-form' },
  { path: 'inbox', page: 'inbox' },
  { path: 'support', page: 'support', access: 'public' },
  { path: 'safety-plan', page: 'safety-plan' },
  { path: 'account', page: 'account' },
  { path: 'editor', page: 'editor', access: 'editor' },
  { path: 'editor/new', page: 'editor-item', access: 'editor' },
  { path: 'editor/:slug', page: 'editor-item', access: 'editor' },
  { path: 'sign-in', page: 'sign-in', access: 'guest' },
  { path: 'sign-up', page: 'sign-up', access: 'guest' },
  { path: 'forgot-password', page: 'forgot-password', access: 'public' },
  { path: 'reset-password', page: 'reset-password', access: 'public' },
  { path: 'verify-email', page: 'verify-email', access: 'public' },
  { path: 'onboarding', page: 'onboarding' },
];

let current = null; // { controller, cleanups, guard, hash }
let navigations = 0;
const afterRender = new Set();

export function onPageShown(listener) {
  afterRender.add(listener);
}

/** Goes to a route such as '/journal/new' or '#/journal/new'. */
export function navigate(to, { replace: replaceEntry = false } = {}) {
  const hash = to.startsWith('#') ? to : `#${to.startsWith('/') ? to : `/${to}`}`;
  if (replaceEntry) {
    history.replaceState(null, '', hash);
    show();
  } else if (location.hash === hash) {
    show();
  } else {
    location.hash = hash;
  }
}

export function parse(hash = location.hash) {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart, queryPart = ''] = raw.split('?');
  const path = pathPart.replace(/\/+$/, '');
  return { path, query: new URLSearchParams(queryPart) };
}

function match(path) {
  let parts;
  try {
    parts = path ? path.split('/').map(decodeURIComponent) : [];
  } catch {
    return null;
  }
  for (const route of ROUTES) {
    const pattern = route.path ? route.path.split('/') : [];
    if (pattern.length !== parts.length) continue;
    const params = {};
    const ok = pattern.every((segment, i) => {
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = parts[i];
        return true;
      }
      return segment === parts[i];
    });
    if (ok) return { route, params };
  }
  return null;
}

/** Starts loading the current route's page module early, while the session is still being restored. */
export function prefetch() {
  const found = match(parse().path);
  if (found) import(`./pages/${found.route.page}.js`).catch(() => {});
}

/**
 * Loads the modules of the pages the menu offers while the browser is idle, once the first page is shown: the first
 * open of one from the menu then waits only for its data, not for its code and the modules that code imports in
 * turn (two round trips, each a revalidation of a no-cache file).
 */
export function prefetchPages(paths) {
  const pages = [...new Set(paths.map((path) => match(path)).filter(Boolean).map((found) => found.route.page))];
  const load = () => pages.forEach((page) => import(`./pages/${page}.js`).catch(() => {}));
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}

export function start() {
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('beforeunload', (event) => {
    if (current && current.guard && current.guard()) {
      event.preventDefault();
    }
  });
  show();
}

async function onHashChange(event) {
  // Hashes that are not routes (such as #main from the skip link) change nothing.
  if (location.hash && !location.hash.startsWith('#/')) return;
  if (current && current.guard && current.guard()) {
    const target = location.hash;
    const previous = new URL(event.oldURL).hash;
    history.replaceState(null, '', previous);
    const leave = await confirmDialog({
      title: 'Leave without saving?',
      text: 'What you wrote here has not been saved yet.',
      confirm: 'Leave this page',
      cancel: 'Stay and keep writing',
    });
    if (!leave) return;
    current.guard = null;
    location.hash = target;
    return;
  }
  show();
}

/** Shows the page for the current hash. */
export async function show() {
  const { path, query } = parse();
  const found = match(path);
  const user = currentUser();
  const pageEl = document.getElementById('page');

  if (found && !user && !['public', 'guest'].includes(found.route.access || 'user')) {
    const next = `/${path}${query.toString() ? `?${query}` : ''}`;
    navigate(`/sign-in?next=${encodeURIComponent(next)}`, { replace: true });
    return;
  }
  if (found && user && found.route.access === 'guest') {
    navigate('/today', { replace: true });
    return;
  }

  leaveCurrent();
  const controller = new AbortController();
  const page = { controller, cleanups: [], guard: null, hash: location.hash };
  current = page;
  navigations += 1;
  const focusAfter = navigations > 1;

  const container = h('div', { class: 'page' });
  const ctx = {
    params: found ? found.params : {},
    query,
    path,
    signal: controller.signal,
    navigate,
    title: (text) => { document.title = text ? `${text} · Mental Health Connect` : 'Mental Health Connect'; },
    onLeave: (fn) => page.cleanups.push(fn),
    guard: (fn) => { page.guard = fn; },
    isCurrent: () => current === page,
  };

  let pending = null;
  try {
    if (!found) {
      ctx.title('Not found');
      replace(container, ...notFound());
    } else if (found.route.access === 'editor' && !isEditor()) {
      ctx.title('Editors only');
      replace(container, ...editorsOnly());
    } else {
      const module = await import(`./pages/${found.route.page}.js`);
      if (current !== page) return;
      // A page builds its heading at once and fills in what it fetches afterwards.
      pending = module.default(container, ctx);
    }
  } catch (error) {
    if (current !== page) return;
    showFailure(container, ctx, error);
  }
  pageEl.replaceChildren(container);
  afterRender.forEach((listener) => listener(path));
  if (focusAfter) {
    const heading = pageEl.querySelector('h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
    window.scrollTo(0, 0);
  }
  if (pending) {
    try {
      await pending;
    } catch (error) {
      if ((error && error.name === 'AbortError') || current !== page) return;
      showFailure(container, ctx, error, true);
    }
  }
}

function showFailure(container, ctx, error, keepHeading = false) {
  // Kept in the console for whoever investigates; the person sees a kind message.
  console.error(error);
  const box = problemBox(error && error.title ? error : {
    title: 'This page did not load', detail: 'Please check your connection and try again.',
  });
  if (keepHeading && container.querySelector('h1')) {
    container.querySelectorAll('.loading').forEach((el) => el.remove());
    container.append(box);
    return;
  }
  ctx.title('Something went wrong');
  replace(container, h('h1', { id: 'page-title', attrs: { tabindex: '-1' }, text: 'This page did not load' }), box);
}

function leaveCurrent() {
  if (!current) return;
  current.controller.abort();
  current.cleanups.forEach((fn) => {
    try {
      fn();
    } catch {
      // A page's tidy-up must not stop the next page.
    }
  });
  current = null;
}

function notFound() {
  return [
    h('h1', { id: 'page-title', attrs: { tabindex: '-1' }, text: 'This page could not be found' }),
    h('p', { text: 'The link may be old or mistyped. Nothing is wrong on your side.' }),
    h('p', {}, h('a', { href: '#/', text: 'Go to the start page' })),
  ];
}

function editorsOnly() {
  return [
    h('h1', { id: 'page-title', attrs: { tabindex: '-1' }, text: 'This page is for editors' }),
    h('p', { text: 'The editor’s desk is open to people who write the library. If you think you should have access, ask an administrator.' }),
    h('p', {}, h('a', { href: '#/library', text: 'Read the library' })),
  ];
}
