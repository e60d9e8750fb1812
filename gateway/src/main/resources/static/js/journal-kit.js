// What the journal pages share: the emotion vocabulary (from the journal service, cached for the visit), the mood
// picker, emotion chips, and the support panel shown when a saved entry's words suggest someone may be in danger,
// with the person's own safety plan first.

import { h, add } from './dom.js';
import { api } from './api.js';
import { MOODS, KIND_HEADINGS, supportResource, emergencyBlock } from './ui.js';
import { loadSafetyPlan, planIsEmpty, planSummary } from './care.js';

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

/**
 * Five large radio buttons, 1 (very low) to 5 (very good). Choosing one is optional; once one is chosen, a small
 * button takes the choice back, because radio buttons alone cannot be unticked.
 */
export function moodPicker(selected, legend = 'How is your mood? (optional)') {
  const clear = h('button', { type: 'button', class: 'link-button', text: 'Leave the mood out', hidden: !selected });
  const fieldset = h('fieldset', { class: 'mood-picker' },
    h('legend', { text: legend }),
    h('div', { class: 'moods' }, MOODS.map((mood) => h('label', { class: 'mood' },
      h('input', { type: 'radio', name: 'mood', value: mood.value, checked: Number(selected) === mood.value }),
      h('span', {}, h('b', { text: mood.glyph, attrs: { 'aria-hidden': 'true' } }), mood.label)))),
    h('p', {}, clear));
  fieldset.addEventListener('change', () => { clear.hidden = !fieldset.querySelector('input:checked'); });
  clear.addEventListener('click', () => {
    fieldset.querySelectorAll('input:checked').forEach((input) => { input.checked = false; });
    clear.hidden = true;
    fieldset.querySelector('input').focus();
    fieldset.dispatchEvent(new Event('change', { bubbles: true }));
  });
  return fieldset;
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
 * The support panel: a modal dialog that keeps focus inside and that only its own buttons close. A stray click on
 * the backdrop or a stray Escape does not dismiss it. The person's own safety plan comes first when they have one;
 * otherwise the panel offers to make one. "Every support option" opens inside the panel, so the page behind never
 * moves. Resolves with 'safety-plan' when the person chose to go to their plan, and with nothing otherwise.
 */
export async function showSupport(support) {
  let plan;
  try {
    plan = await loadSafetyPlan();
  } catch {
    plan = undefined; // Unknown: the panel still offers the plan page, in softer words.
  }
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const dialog = h('dialog', {
      class: 'dialog support-dialog',
      attrs: { 'aria-labelledby': 'support-dialog-title', 'aria-describedby': 'support-dialog-message', closedby: 'none' },
      dataset: { testid: 'crisis-support' },
    });
    let outcome = null;
    const finish = (value) => {
      outcome = value;
      dialog.close();
    };
    const close = h('button', { type: 'button', class: 'primary', text: 'Close and return to my journal', on: { click: () => finish('closed') } });
    const byKind = {};
    for (const resource of support.resources || []) {
      (byKind[resource.kind] = byKind[resource.kind] || []).push(resource);
    }
    const sections = Object.entries(byKind).map(([kind, resources]) => h('section', {},
      h('h3', { text: KIND_HEADINGS[kind] || 'More support' }),
      h('ul', { class: 'plain-list' }, resources.map((r) => supportResource(r, 'h4')))));
    const title = h('h2', { id: 'support-dialog-title', attrs: { tabindex: '-1' }, text: 'Your entry is saved. You are not alone.' });
    add(dialog,
      title,
      h('p', { id: 'support-dialog-message', text: support.message || 'It sounds like things are really hard right now.' }),
      emergencyBlock(support.emergency && support.emergency.message, support.emergency && support.emergency.number),
      planPart(plan, finish),
      sections.length ? h('div', {}, h('p', { text: 'People who can listen, right now:' }), sections) : null,
      everyOption(support.country),
      h('div', { class: 'actions' }, close));

    // Escape asks to cancel: refused. Should the browser close it anyway, it opens again unless a button was used.
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    dialog.addEventListener('close', () => {
      if (!outcome) {
        dialog.showModal();
        title.focus();
        return;
      }
      dialog.remove();
      if (opener && opener.isConnected && opener.focus) opener.focus();
      resolve(outcome === 'safety-plan' ? 'safety-plan' : undefined);
    });
    document.body.append(dialog);
    dialog.showModal();
    title.focus();
  });
}

/** The person's own plan, first; or, without one, a gentle offer to make one. */
function planPart(plan, finish) {
  if (plan && !planIsEmpty(plan)) {
    return h('section', { class: 'panel', dataset: { testid: 'panel-safety-plan' }, attrs: { 'aria-labelledby': 'panel-plan-title' } },
      h('h3', { id: 'panel-plan-title', text: 'Your safety plan' }),
      h('p', { class: 'meta', text: 'You made this on a calmer day, for a moment like this one. Take it one step at a time.' }),
      planSummary(plan, 'h4'),
      h('p', {}, h('button', { type: 'button', class: 'link-button', text: 'Open my safety plan', on: { click: () => finish('safety-plan') } })));
  }
  return h('section', { class: 'panel', dataset: { testid: 'panel-safety-plan-offer' }, attrs: { 'aria-labelledby': 'panel-plan-title' } },
    h('h3', { id: 'panel-plan-title', text: 'A plan for hard moments' }),
    h('p', { text: plan === undefined
      ? 'A safety plan can help: your warning signs, what helps, and who to reach, all in one place.'
      : 'A safety plan gathers your warning signs, what helps, and who you can reach, in one place for moments like this. You can make one now or later, and only you can read it.' }),
    h('p', {}, h('button', { type: 'button', class: 'button', text: plan === undefined ? 'Go to my safety plan' : 'Make a safety plan', on: { click: () => finish('safety-plan') } })));
}

/** "Every support option": the whole directory for the country, opened inside the panel. */
function everyOption(country) {
  const regionId = 'support-every-option';
  const region = h('div', { id: regionId, hidden: true });
  let loaded = false;
  const toggle = h('button', {
    type: 'button', class: 'button', text: 'See every support option',
    attrs: { 'aria-expanded': 'false', 'aria-controls': regionId },
  });
  toggle.addEventListener('click', async () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    region.hidden = !open;
    toggle.textContent = open ? 'Hide the other support options' : 'See every support option';
    if (!open || loaded) return;
    loaded = true;
    region.replaceChildren(h('p', { class: 'loading', attrs: { role: 'status' }, text: 'Finding every option near you…' }));
    try {
      const directory = await api(`/api/content/support${country ? `?country=${encodeURIComponent(country)}` : ''}`);
      const groups = {};
      for (const resource of directory.resources || []) (groups[resource.kind] = groups[resource.kind] || []).push(resource);
      const kinds = Object.keys(KIND_HEADINGS).filter((kind) => groups[kind]);
      region.replaceChildren(
        h('h3', { id: 'every-option-title', attrs: { tabindex: '-1' }, text: 'Every support option' }),
        ...kinds.map((kind) => h('section', {},
          h('h4', { text: KIND_HEADINGS[kind] }),
          h('ul', { class: 'plain-list' }, groups[kind].map((r) => supportResource(r, 'h5'))))),
        kinds.length ? null : h('p', { text: 'We do not list more lines for this country yet. The emergency number above always applies.' }));
      region.querySelector('h3').focus();
    } catch {
      loaded = false;
      region.replaceChildren(h('p', { attrs: { role: 'status' }, text: 'The full list did not load just now. The lines above and the emergency number are always here.' }));
    }
  });
  return h('div', { class: 'every-option' }, h('p', {}, toggle), region);
}
