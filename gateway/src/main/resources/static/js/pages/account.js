// The account: profile and time zone, e-mail and password, signed-in devices, export (and import) of the journal,
// and deletion with a final confirmation and its progress until every service has confirmed.

import { h, replace, field, uid, toast, announce, formatDateTime } from '../dom.js';
import { api } from '../api.js';
import { currentUser, ensureFresh, endLocally, profileChanged } from '../session.js';
import { pageTitle, problemBox, loading, busy, showFormProblem, clearFormProblem, confirmDialog } from '../ui.js';
import { zoneSelect, countrySelect, localeOf } from '../places.js';
import { disconnect } from '../live.js';
import { passwordInput, passwordField } from './sign-in.js';

const SERVICE_NAMES = {
  'content-service': 'Your reactions and saved readings',
  'journal-service': 'Your journal, check-ins and their keys',
  'reminder-service': 'Your reminders, inbox and preferences',
};

export default async function render(root, ctx) {
  ctx.title('Account');
  const user = currentUser();
  root.append(
    ...pageTitle('Your account', `Signed in as ${user.email}.`),
    profileSection(user),
    emailSection(),
    passwordSection(),
    sessionsSection(ctx),
    safetyPlanSection(),
    exportSection(),
    deleteSection(ctx));
}

function section(id, title, ...children) {
  return h('section', { attrs: { 'aria-labelledby': id } }, h('h2', { id, text: title }), ...children);
}

function safetyPlanSection() {
  return section('safety-plan-title', 'Your safety plan',
    h('p', { text: 'A plan for hard moments: your warning signs, what helps, and who you can reach. It is sealed like your journal, comes with your export, and goes when your account goes.' }),
    h('p', {}, h('a', { href: '#/safety-plan', text: 'Open your safety plan' })));
}

function profileSection(user) {
  const name = h('input', { type: 'text', name: 'displayName', value: user.displayName, required: true, attrs: { maxlength: '60' } });
  const zone = zoneSelect(user.timeZone, { id: uid('zone') });
  const localeMatch = /^([a-z]{2,3})(?:-([A-Z]{2}))?$/.exec(user.locale || 'en');
  const language = localeMatch ? localeMatch[1] : 'en';
  const country = countrySelect(localeMatch && localeMatch[2] ? localeMatch[2] : '', { id: uid('country') }, 'I would rather not say');
  const save = h('button', { type: 'submit', class: 'primary', text: 'Save profile' });
  const form = h('form', { attrs: { novalidate: true, 'aria-labelledby': 'profile-title' } },
    h('div', { class: 'form-problem' }),
    field('Name', name),
    field('Time zone', zone, 'Reminders and your journal’s days follow it.'),
    field('Country or region', country, 'The support we show first is for this country.'),
    h('div', { class: 'actions' }, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormProblem(form);
    await busy(save, async () => {
      try {
        const updated = await api('/api/me', { method: 'PATCH', body: { displayName: name.value.trim(), timeZone: zone.value, locale: localeOf(language, country.value) } });
        profileChanged(updated);
        toast('Your profile is saved.');
        announce('Your profile is saved.');
      } catch (error) {
        showFormProblem(form, error);
      }
    }, 'Saving…');
  });
  return section('profile-title', 'Profile', form);
}

function emailSection() {
  const email = h('input', { type: 'email', name: 'newEmail', autocomplete: 'email', required: true });
  const password = passwordInput('currentPassword', 'current-password', 'Current password');
  const save = h('button', { type: 'submit', class: 'button', text: 'Send a confirmation link' });
  const done = h('div', { attrs: { role: 'status' } });
  const form = h('form', { attrs: { novalidate: true, 'aria-labelledby': 'email-title' } },
    h('div', { class: 'form-problem' }),
    field('New e-mail address', email, 'We send a link to the new address. Nothing changes until you follow it.'),
    passwordField('Current password', password),
    h('div', { class: 'actions' }, save), done);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormProblem(form);
    await busy(save, async () => {
      try {
        await api('/api/me/email', { method: 'POST', body: { newEmail: email.value.trim(), currentPassword: password.input.value } });
        replace(done, h('p', { class: 'success', text: `We sent a link to ${email.value.trim()}. It works for 24 hours.` }));
        password.input.value = '';
      } catch (error) {
        showFormProblem(form, error);
      }
    }, 'Sending…');
  });
  return section('email-title', 'E-mail address', form);
}

function passwordSection() {
  const current = passwordInput('currentPassword', 'current-password', 'Current password');
  const next = passwordInput('newPassword', 'new-password', 'New password');
  const currentField = passwordField('Current password', current);
  const nextField = passwordField('New password', next, 'At least 12 characters. A few ordinary words together work well.');
  const save = h('button', { type: 'submit', class: 'button', text: 'Change password' });
  const form = h('form', { attrs: { novalidate: true, 'aria-labelledby': 'password-title' } },
    h('div', { class: 'form-problem' }), currentField, nextField, h('div', { class: 'actions' }, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormProblem(form);
    await busy(save, async () => {
      try {
        await api('/api/me/password', { method: 'POST', body: { currentPassword: current.input.value, newPassword: next.input.value } });
        current.input.value = '';
        next.input.value = '';
        toast('Your password is changed. Other devices will need to sign in again.');
      } catch (error) {
        showFormProblem(form, error);
      }
    }, 'Changing…');
  });
  return section('password-title', 'Password', form);
}

/** "Chrome on Linux" from a user agent, or the start of it. */
function deviceName(agent) {
  if (!agent) return 'A browser';
  const browser = /Edg\//.test(agent) ? 'Edge' : /Firefox\//.test(agent) ? 'Firefox' : /Chrome\//.test(agent) ? 'Chrome'
    : /Safari\//.test(agent) ? 'Safari' : null;
  const system = /Android/.test(agent) ? 'Android' : /iPhone|iPad/.test(agent) ? 'iOS' : /Windows/.test(agent) ? 'Windows'
    : /Mac OS X|Macintosh/.test(agent) ? 'macOS' : /Linux/.test(agent) ? 'Linux' : null;
  if (browser && system) return `${browser} on ${system}`;
  return browser || system || agent.slice(0, 40);
}

function sessionsSection(ctx) {
  const slot = h('div', {}, loading());
  const load = async () => {
    try {
      const sessions = await api('/api/me/sessions', { signal: ctx.signal });
      replace(slot, h('ul', { class: 'plain-list' }, sessions.map((s, i) => h('li', { class: 'row' },
        h('div', {},
          h('p', {}, h('strong', { text: deviceName(s.device) }), i === 0 ? ' (most recently used, probably this one)' : ''),
          h('p', { class: 'meta', text: `Signed in ${formatDateTime(s.createdAt)} · last used ${formatDateTime(s.lastUsedAt)}` })),
        h('button', {
          type: 'button', class: 'button', text: 'Sign out there', attrs: { 'aria-label': `Sign out there: ${deviceName(s.device)}, last used ${formatDateTime(s.lastUsedAt)}` },
          on: {
            click: async (event) => {
              await busy(event.currentTarget, async () => {
                try {
                  await api(`/api/me/sessions/${encodeURIComponent(s.id)}`, { method: 'DELETE' });
                  toast('That device is signed out.');
                  await load();
                  slot.closest('section').querySelector('h2').focus();
                } catch (error) {
                  toast(`${error.title}. ${error.detail}`);
                }
              });
            },
          },
        })))));
    } catch (error) {
      if (error.name !== 'AbortError') replace(slot, problemBox(error));
    }
  };
  load();
  const s = section('sessions-title', 'Where you are signed in', h('p', { class: 'meta', text: 'Signing out a device ends its session; it may keep access for up to ten minutes.' }), slot);
  s.querySelector('h2').setAttribute('tabindex', '-1');
  return s;
}

function exportSection() {
  const download = (format) => async (event) => {
    await busy(event.currentTarget, async () => {
      await ensureFresh();
      const a = h('a', { href: `/api/journal/export?format=${format}`, download: '' });
      document.body.append(a);
      a.click();
      a.remove();
      announce('Your download has started.');
    });
  };
  const file = h('input', { type: 'file', name: 'import', accept: 'application/json,.json', id: uid('import') });
  const result = h('div', { attrs: { role: 'status' } });
  const bring = h('button', { type: 'button', class: 'button', text: 'Bring it back' });
  bring.addEventListener('click', async () => {
    if (!file.files.length) {
      replace(result, h('p', { class: 'field-error', text: 'Please choose a JSON export first.' }));
      file.focus();
      return;
    }
    await busy(bring, async () => {
      try {
        const answer = await api('/api/journal/import', { method: 'POST', body: file.files[0], headers: { 'Content-Type': 'application/json' } });
        replace(result, h('p', { class: 'success', text: `Brought back ${answer.entriesImported} entries and ${answer.checkInsImported} check-ins. ${answer.entriesSkipped + answer.checkInsSkipped} were already here.` }));
      } catch (error) {
        replace(result, problemBox(error));
      }
    }, 'Bringing it back…');
  });
  return section('export-title', 'Your journal, to keep',
    h('p', { text: 'Download everything you have written and your check-ins. The file is yours; keep it somewhere private.' }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'button primary', text: 'Download as JSON', on: { click: download('json') } }),
      h('button', { type: 'button', class: 'button', text: 'Download as Markdown (zip)', on: { click: download('markdown') } })),
    h('details', {}, h('summary', { text: 'Bring back a JSON export' }),
      h('div', { class: 'field' }, h('label', { for: file.id, text: 'JSON export file' }), file),
      h('div', { class: 'actions' }, bring), result));
}

function deleteSection(ctx) {
  const start = h('button', { type: 'button', class: 'danger', text: 'Delete my account…' });
  const slot = h('div', {});
  start.addEventListener('click', async () => {
    const understand = h('input', { type: 'checkbox', id: uid('understand') });
    const body = h('div', {},
      h('p', { text: 'This erases your journal, check-ins, reminders, reactions and saved readings, everywhere. It cannot be undone.' }),
      h('p', { text: 'If you would like a copy, download your journal first.' }),
      h('label', { class: 'check' }, understand, h('span', { text: 'I understand that this cannot be undone' })));
    const yes = await confirmDialog({
      title: 'Delete your account for good?', body, confirm: 'Delete everything', cancel: 'Keep my account', danger: true, confirmWhen: understand,
    });
    if (!yes || !understand.checked) return;
    await busy(start, async () => {
      try {
        const status = await api('/api/me', { method: 'DELETE', renew: false });
        disconnect();
        start.hidden = true;
        // Nothing else on this page can be used any more: only the progress stays.
        const page = slot.closest('.page');
        if (page) {
          page.querySelectorAll('section').forEach((other) => { if (!other.contains(slot)) other.hidden = true; });
          const lead = page.querySelector('.lead');
          if (lead) lead.hidden = true;
        }
        follow(slot, status, ctx);
      } catch (error) {
        replace(slot, problemBox(error));
      }
    }, 'Deleting…');
  });
  return section('delete-title', 'Delete your account',
    h('p', { text: 'You can leave at any time. We will erase everything you have shared with us.' }), start, slot);
}

/** Shows the deletion's progress, asking every two seconds, until every service has confirmed. */
function follow(slot, first, ctx) {
  const heading = h('h3', { attrs: { tabindex: '-1' }, text: 'Deleting your account…' });
  const list = h('ul', { class: 'plain-list', dataset: { testid: 'deletion-progress' } });
  const note = h('p', { attrs: { role: 'status' } });
  replace(slot, h('div', { class: 'panel' }, heading, list, note));
  heading.focus();
  let timer = 0;
  let announced = 0;
  const draw = (status) => {
    const services = [...(status.confirmed || []), ...(status.pending || [])];
    replace(list, ...services.map((service) => {
      const done = (status.confirmed || []).includes(service);
      return h('li', {}, `${done ? '✓ Erased' : '… Erasing'}: ${SERVICE_NAMES[service] || service}`);
    }));
    const confirmed = (status.confirmed || []).length;
    if (status.complete) {
      heading.textContent = 'Your account is deleted';
      note.textContent = 'Everything is erased. Thank you for the time you spent here, and please take good care of yourself.';
      note.after(h('p', {}, h('a', { href: '#/', text: 'Go to the start page' })));
      window.clearInterval(timer);
      // The account is gone: clear this browser's cookies too.
      api('/api/auth/logout', { method: 'POST', renew: false }).catch(() => {}).finally(endLocally);
      heading.focus();
    } else if (confirmed !== announced) {
      announced = confirmed;
      note.textContent = `${confirmed} of ${services.length} parts erased. This usually takes a few seconds.`;
    }
  };
  draw(first);
  if (first.complete) return;
  const poll = async () => {
    try {
      draw(await api('/api/me/deletion', { renew: false }));
    } catch (error) {
      if (error.status === 401) {
        window.clearInterval(timer);
        note.textContent = 'Your deletion is under way and will finish on its own. You have been signed out.';
        endLocally();
      }
    }
  };
  timer = window.setInterval(poll, 2000);
  ctx.onLeave(() => window.clearInterval(timer));
}
