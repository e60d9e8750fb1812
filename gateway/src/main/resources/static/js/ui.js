// Pieces several pages share: kind error messages, empty states, form errors, confirmation dialogs, mood words and
// the way a support resource is shown.

import { h, add, UI_LOCALE } from './dom.js';

export const MOODS = [
  { value: 1, label: 'Very low', glyph: '◔' },
  { value: 2, label: 'Low', glyph: '◑' },
  { value: 3, label: 'Okay', glyph: '◕' },
  { value: 4, label: 'Good', glyph: '●' },
  { value: 5, label: 'Very good', glyph: '✺' },
];

export function moodLabel(value) {
  const mood = MOODS.find((m) => m.value === Math.round(value));
  return mood ? mood.label : '';
}

/** The days written in a period, as the insights count them: "1 of 30 days". */
export function daysOf(consistency) {
  return `${consistency.daysJournaled} of ${consistency.days} ${consistency.days === 1 ? 'day' : 'days'}`;
}

/** The page's main heading; the router moves focus here after every change of page. */
export function pageTitle(text, lead) {
  const heading = h('h1', { text, attrs: { tabindex: '-1' }, id: 'page-title' });
  return lead ? [heading, h('p', { class: 'lead', text: lead })] : [heading];
}

/** A kind message for a failed request: the problem's title and detail. */
export function problemBox(error, extra) {
  const title = error && error.title ? error.title : 'Something did not work';
  const detail = error && error.detail ? error.detail : 'Please try again in a moment.';
  const list = error && error.errors && error.errors.length
    ? h('ul', {}, error.errors.map((e) => h('li', { text: fieldMessage(e) })))
    : null;
  return h('div', { class: 'problem', attrs: { role: 'alert' } },
    h('p', { class: 'problem-title', text: title }),
    detail ? h('p', { text: detail }) : null,
    list,
    extra || null);
}

function fieldMessage(error) {
  const name = (error.field || '').replace(/^.*\./, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return name ? `${name}: ${error.message || 'needs another look'}` : (error.message || 'needs another look');
}

/**
 * Shows a problem at the top of a form and marks the fields it names (by their `name` attribute). Moves focus to
 * the message so that keyboard and screen-reader users learn what happened.
 */
export function showFormProblem(form, error) {
  clearFormProblem(form);
  const slot = form.querySelector('.form-problem');
  const box = problemBox(error);
  box.setAttribute('tabindex', '-1');
  if (slot) slot.replaceChildren(box);
  else form.prepend(h('div', { class: 'form-problem' }, box));
  for (const e of (error && error.errors) || []) {
    const last = (e.field || '').replace(/\[\d+\]/g, '').split('.').pop();
    const control = form.querySelector(`[name="${CSS.escape(e.field || '')}"]`) || form.querySelector(`[name="${CSS.escape(last)}"]`);
    if (!control) continue;
    control.setAttribute('aria-invalid', 'true');
    const message = document.getElementById(`${control.id}-error`);
    if (message) {
      message.textContent = e.message || 'This needs another look.';
      message.hidden = false;
      const described = new Set((control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
      described.add(message.id);
      control.setAttribute('aria-describedby', [...described].join(' '));
    }
  }
  box.focus();
}

export function clearFormProblem(form) {
  const slot = form.querySelector('.form-problem');
  if (slot) slot.replaceChildren();
  form.querySelectorAll('[aria-invalid="true"]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((el) => { el.hidden = true; el.textContent = ''; });
}

/** A field's own error shown without a request (for example, a required choice left empty). */
export function fieldProblem(control, message) {
  control.setAttribute('aria-invalid', 'true');
  const slot = document.getElementById(`${control.id}-error`);
  if (slot) {
    slot.textContent = message;
    slot.hidden = false;
    const described = new Set((control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
    described.add(slot.id);
    control.setAttribute('aria-describedby', [...described].join(' '));
  }
  control.focus();
}

export function emptyState(title, text, action) {
  return h('div', { class: 'empty' },
    h('p', { class: 'empty-title', text: title }),
    text ? h('p', { text }) : null,
    action || null);
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading', attrs: { role: 'status' }, text });
}

/** A button that shows it is busy while `task` runs, so it cannot be pressed twice. */
export async function busy(button, task, busyText) {
  const before = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  if (busyText) button.textContent = busyText;
  try {
    return await task();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    if (busyText) button.textContent = before;
  }
}

/**
 * A modal confirmation. Resolves true only when the confirm button is pressed. Escape and the cancel button
 * resolve false; focus returns to where it was.
 */
export function confirmDialog({ title, text, confirm = 'Yes', cancel = 'Keep it', danger = false, body, confirmWhen }) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const titleId = `dlg-${Date.now()}`;
    // The dialog's description is its text, or the paragraphs of its body (not the controls in it).
    const description = text ? h('p', { id: `${titleId}-text`, text }) : null;
    const described = description ? [description] : [...((body && body.querySelectorAll('p')) || [])];
    described.forEach((p, i) => { if (!p.id) p.id = `${titleId}-text-${i}`; });
    const dialog = h('dialog', {
      class: 'dialog',
      attrs: { 'aria-labelledby': titleId, 'aria-describedby': described.map((p) => p.id).join(' ') || null },
    });
    const finish = (value) => {
      dialog.close();
      dialog.remove();
      if (opener && opener.focus) opener.focus();
      resolve(value);
    };
    const yes = h('button', { type: 'button', class: danger ? 'button danger' : 'button primary', text: confirm, on: { click: () => finish(true) } });
    const no = h('button', { type: 'button', class: 'button', text: cancel, on: { click: () => finish(false) } });
    // A confirmation that needs a ticked box first (such as deleting an account).
    if (confirmWhen) {
      yes.disabled = !confirmWhen.checked;
      confirmWhen.addEventListener('change', () => { yes.disabled = !confirmWhen.checked; });
    }
    add(dialog,
      h('h2', { id: titleId, text: title }),
      description,
      body,
      h('div', { class: 'actions' }, no, yes),
    );
    dialog.addEventListener('cancel', (event) => { event.preventDefault(); finish(false); });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}

export const KIND_HEADINGS = {
  CRISIS_LINE: 'Crisis lines',
  PROFESSIONAL_HELP_DIRECTORY: 'Finding professional help',
  PEER_SUPPORT: 'Peer support',
};

/** One support resource: its name, what it is, and every way to reach it as a link. */
export function supportResource(resource, headingLevel = 'h3') {
  const contacts = (resource.contacts || []).map((contact) => {
    const link = contactLink(contact);
    return h('li', {}, link);
  });
  return h('li', { class: 'card resource' },
    h(headingLevel, { text: resource.name }),
    resource.description ? h('p', { text: resource.description }) : null,
    contacts.length ? h('ul', { class: 'contacts' }, contacts) : null,
    resource.hours ? h('p', { class: 'meta', text: `Hours: ${resource.hours}` }) : null,
    resource.languages && resource.languages.length
      ? h('p', { class: 'meta', text: `Languages: ${languageNames(resource.languages)}` }) : null);
}

function languageNames(codes) {
  try {
    const names = new Intl.DisplayNames(UI_LOCALE, { type: 'language' });
    return codes.map((c) => names.of(c)).join(', ');
  } catch {
    return codes.join(', ');
  }
}

export function contactLink(contact) {
  const value = String(contact.value || '');
  const label = contact.label || '';
  const withValue = label && !label.includes(value) ? `${label}: ${value}` : (label || value);
  switch (contact.type) {
    case 'PHONE':
      return h('a', { href: `tel:${value.replace(/[^0-9+]/g, '')}`, text: label ? withValue : `Call ${value}` });
    case 'SMS':
      return h('a', { href: `sms:${value.replace(/[^0-9+]/g, '')}`, text: label ? withValue : `Text ${value}` });
    case 'CHAT':
    case 'WEB': {
      if (!/^https?:\/\//i.test(value)) return h('span', { text: withValue });
      let host = value;
      try {
        host = new URL(value).hostname.replace(/^www\./, '');
      } catch {
        // The address as written.
      }
      const kind = contact.type === 'CHAT' ? 'Chat online' : 'Website';
      return h('a', { href: value, rel: 'noopener noreferrer', target: '_blank', text: `${label || kind} (${host}, opens in a new tab)` });
    }
    default:
      return h('span', { text: withValue });
  }
}

/** The emergency fallback that is always shown with support resources. */
export function emergencyBlock(message, number) {
  return h('div', { class: 'emergency' },
    h('p', { class: 'emergency-text', text: message || 'If you are in danger now, call your local emergency number.' }),
    number ? h('p', {}, h('a', { class: 'button danger', href: `tel:${number}`, text: `Call ${number}` })) : null);
}
