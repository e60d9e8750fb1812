// What the journal pages share: the emotion vocabulary (from the journal service, cached for the visit), the mood
// picker, emotion chips, and the support panel shown when a saved entry's words suggest someone may be in danger.

import { h } from './dom.js';
import { api } from './api.js';
import { MOODS, KIND_HEADINGS, supportResource, emergencyBlock } from './ui.js';

let vocabulary = null;

export function emotions() {
  if (!vocabulary) {
    vocabulary = api('/api/journal/emotions').catch((error) => {
      vocabulary = null;
      throw error;
    });
  }
  return vocabulary;
}

export async function emotionLabels() {
  const list = await emotions();
  return Object.fromEntries(list.map((e) => [e.code, e.label]));
}

const QUADRANTS = [
  { pleasantness: 'PLEASANT', energy: 'HIGH', title: 'Pleasant and lively' },
  { pleasantness: 'PLEASANT', energy: 'LOW', title: 'Pleasant and calm' },
  { pleasantness: 'UNPLEASANT', energy: 'HIGH', title: 'Unpleasant and stirred up' },
  { pleasantness: 'UNPLEASANT', energy: 'LOW', title: 'Unpleasant and low' },
];

/** Five large radio buttons, 1 (very low) to 5 (very good). */
export function moodPicker(selected, legend = 'How is your mood?') {
  return h('fieldset', { class: 'mood-picker' },
    h('legend', { text: legend }),
    h('div', { class: 'moods' }, MOODS.map((mood) => h('label', { class: 'mood' },
      h('input', { type: 'radio', name: 'mood', value: mood.value, checked: Number(selected) === mood.value, required: true, attrs: { 'aria-describedby': 'mood-error' } }),
      h('span', {}, h('b', { text: mood.glyph, attrs: { 'aria-hidden': 'true' } }), mood.label)))),
    h('p', { class: 'field-error', id: 'mood-error', hidden: true }));
}

/** Emotion chips in the four groups of a mood meter; checkboxes underneath, up to ten. */
export function emotionChips(list, selected = []) {
  const chosen = new Set(selected);
  const groups = QUADRANTS.map((q) => {
    const items = list.filter((e) => e.pleasantness === q.pleasantness && e.energy === q.energy);
    if (!items.length) return null;
    const titleId = `emotions-${q.pleasantness}-${q.energy}`.toLowerCase();
    return h('div', { class: 'emotion-group', attrs: { role: 'group', 'aria-labelledby': titleId } },
      h('p', { class: 'group-title', id: titleId, text: q.title }),
      h('ul', { class: 'chips' }, items.map((e) => h('li', { class: 'chip' }, h('label', {},
        h('input', { type: 'checkbox', name: 'emotions', value: e.code, checked: chosen.has(e.code) }),
        h('span', { text: e.label }))))));
  });
  const fieldset = h('fieldset', {},
    h('legend', { text: 'Which feelings are here? (optional, up to ten)' }),
    h('p', { class: 'hint', text: 'Naming a feeling can make it a little easier to hold. There are no wrong answers.' }),
    groups);
  fieldset.addEventListener('change', () => {
    const checked = fieldset.querySelectorAll('input:checked');
    fieldset.querySelectorAll('input:not(:checked)').forEach((input) => { input.disabled = checked.length >= 10; });
  });
  return fieldset;
}

/**
 * The support panel: a modal dialog that keeps focus inside and that only its own button closes. A stray click on
 * the backdrop or a stray Escape does not dismiss it.
 */
export function showSupport(support) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const dialog = h('dialog', {
      class: 'dialog support-dialog',
      attrs: { 'aria-labelledby': 'support-dialog-title', 'aria-describedby': 'support-dialog-message', closedby: 'none' },
      dataset: { testid: 'crisis-support' },
    });
    let closing = false;
    const close = h('button', {
      type: 'button', class: 'primary', text: 'Close and return to my journal',
      on: {
        click: () => {
          closing = true;
          dialog.close();
        },
      },
    });
    const byKind = {};
    for (const resource of support.resources || []) {
      (byKind[resource.kind] = byKind[resource.kind] || []).push(resource);
    }
    const sections = Object.entries(byKind).map(([kind, resources]) => h('section', {},
      h('h3', { text: KIND_HEADINGS[kind] || 'More support' }),
      h('ul', { class: 'plain-list' }, resources.map((r) => supportResource(r, 'h4')))));
    const title = h('h2', { id: 'support-dialog-title', attrs: { tabindex: '-1' }, text: 'Your entry is saved. You are not alone.' });
    dialog.append(
      title,
      h('p', { id: 'support-dialog-message', text: support.message || 'It sounds like things are really hard right now.' }),
      emergencyBlock(support.emergency && support.emergency.message, support.emergency && support.emergency.number),
      sections.length ? h('div', {}, h('p', { text: 'People who can listen, right now:' }), sections) : null,
      h('p', {}, h('a', { href: '#/support', text: 'See every support option' }), ' (this panel stays open until you close it).'),
      h('div', { class: 'actions' }, close));

    // Escape asks to cancel: refused. Should the browser close it anyway, it opens again unless the button was used.
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    dialog.addEventListener('close', () => {
      if (!closing) {
        dialog.showModal();
        title.focus();
        return;
      }
      dialog.remove();
      if (opener && opener.isConnected && opener.focus) opener.focus();
      resolve();
    });
    document.body.append(dialog);
    dialog.showModal();
    title.focus();
  });
}
