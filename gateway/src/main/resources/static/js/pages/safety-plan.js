// The safety plan, on the Stanley–Brown model: made on a calmer day, for the harder ones. Read it, change it, or let
// it go. A first plan starts with the professionals and helplines of the person's country as suggestions to keep or
// remove. The crisis panel shows it first.

import { h, replace, announce, field, uid } from '../dom.js';
import { api } from '../api.js';
import { userCountry } from '../session.js';
import { pageTitle, problemBox, loading, busy, showFormProblem, clearFormProblem, fieldProblem, confirmDialog, emptyState } from '../ui.js';
import { countryName } from '../places.js';
import { PLAN_SECTIONS, loadSafetyPlan, planSummary, planIsEmpty } from '../care.js';

const MAX_ITEMS = 10;

/** What each kind of row asks for: one line, a person, or a professional. */
const ROW_FIELDS = {
  contacts: [
    { key: 'name', label: 'Name', max: 100 },
    { key: 'contact', label: 'Phone, or how to reach them', max: 200 },
  ],
  professionals: [
    { key: 'name', label: 'Name', max: 200 },
    { key: 'phone', label: 'Phone', max: 40, type: 'tel' },
    { key: 'url', label: 'Website', max: 500, type: 'url' },
  ],
};

export default async function render(root, ctx) {
  ctx.title('My safety plan');
  const heading = pageTitle('My safety plan', 'A plan made on a calmer day, for the harder ones. Only you can read it.');
  const slot = h('div', {}, loading('Opening your safety plan…'));
  root.append(...heading, slot);

  let plan;
  try {
    plan = await loadSafetyPlan(ctx.signal);
  } catch (error) {
    if (error.name === 'AbortError') return;
    replace(slot, problemBox(error));
    return;
  }
  if (plan) showPlan();
  else await edit();

  function showPlan(justSaved) {
    ctx.guard(() => false);
    const change = h('button', { type: 'button', class: 'primary', text: 'Change my plan', on: { click: () => edit() } });
    const remove = h('button', { type: 'button', class: 'danger', text: 'Delete my plan' });
    remove.addEventListener('click', async () => {
      const yes = await confirmDialog({
        title: 'Delete your safety plan?',
        text: 'It will be gone from your account. You can make a new one whenever you like.',
        confirm: 'Delete it', cancel: 'Keep it', danger: true,
      });
      if (!yes) return;
      await busy(remove, async () => {
        try {
          await api(`/api/journal/safety-plan?version=${plan.version}`, { method: 'DELETE' });
          plan = null;
          await edit();
          announce('Your safety plan is deleted.');
        } catch (error) {
          if (error.status === 409) error.detail = 'It changed on another device since you opened it. Reload the page and try again.';
          slot.prepend(problemBox(error));
        }
      }, 'Deleting…');
    });
    replace(slot,
      justSaved ? h('p', { class: 'success', attrs: { role: 'status' }, text: 'Your safety plan is saved.' }) : null,
      planIsEmpty(plan)
        ? emptyState('Your plan is empty for now.', 'Add a few words whenever you feel ready. Even one line can help.')
        : h('div', { dataset: { testid: 'safety-plan' } }, planSummary(plan, 'h2')),
      h('p', { class: 'meta', text: 'Your plan is sealed like your journal. It comes with your journal export, and when something you write sounds very hard, it is shown to you first.' }),
      h('div', { class: 'actions' }, change, remove));
  }

  async function edit() {
    replace(slot, loading('Getting your plan ready…'));
    const suggestions = plan ? null : await suggestedProfessionals(ctx.signal);
    if (!ctx.isCurrent()) return;
    const start = plan || { professionals: suggestions ? suggestions.items : [] };
    let dirty = false;

    const sections = PLAN_SECTIONS.map((section) => sectionEditor(section, start[section.key] || [],
      section.key === 'professionals' && suggestions ? suggestions : null));
    const reason = h('textarea', { name: 'reasonForLiving', value: start.reasonForLiving || '', attrs: { maxlength: '500', rows: '3' } });
    const save = h('button', { type: 'submit', class: 'primary', text: 'Save my plan' });
    const form = h('form', { attrs: { novalidate: true, 'aria-labelledby': 'page-title' }, dataset: { testid: 'safety-plan-form' } },
      h('div', { class: 'form-problem' }),
      h('p', { text: 'Fill in as much or as little as you like, in your own words. You can come back and change it at any time.' }),
      sections.map((section) => section.element),
      field('My reason for living (optional)', reason, 'Someone, something or a hope that matters to you.'),
      h('div', { class: 'actions' }, save,
        plan ? h('button', { type: 'button', class: 'button', text: 'Cancel', on: { click: () => showPlan() } })
          : h('a', { class: 'button', href: '#/today', text: 'Not now' })));
    form.addEventListener('input', () => { dirty = true; });
    ctx.guard(() => dirty);

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFormProblem(form);
      const body = {};
      for (const section of sections) {
        const collected = section.collect();
        if (collected === null) return;
        body[section.key] = collected;
      }
      body.reasonForLiving = reason.value.trim() || null;
      if (plan) body.version = plan.version;
      await busy(save, async () => {
        try {
          plan = await api('/api/journal/safety-plan', { method: 'PUT', body });
          dirty = false;
          showPlan(true);
          heading[0].focus();
          announce('Your safety plan is saved.');
        } catch (error) {
          if (error.status === 409) {
            error.detail = 'Your plan was changed on another device since you opened it. Copy anything you want to keep, then reload the page.';
          }
          showFormProblem(form, error);
        }
      }, 'Saving…');
    });

    replace(slot, form);
  }
}

/** One section of the plan as a fieldset of rows, each removable, with a button to add one more. */
function sectionEditor(section, items, suggestions) {
  const fields = ROW_FIELDS[section.key];
  const legendId = uid('legend');
  const list = h('ol', { class: 'plan-rows' });
  const add = h('button', { type: 'button', class: 'button', text: section.add });
  const element = h('fieldset', { class: 'plan-fieldset', attrs: { 'aria-describedby': `${legendId}-hint` } },
    h('legend', { id: legendId, text: section.title }),
    h('p', { class: 'hint', id: `${legendId}-hint`, text: section.hint }),
    suggestions && suggestions.items.length
      ? h('p', { class: 'meta', text: `Suggested from the support list${suggestions.country ? ` for ${countryName(suggestions.country)}` : ''}. Keep the ones that feel right and remove the rest.` })
      : null,
    list,
    h('p', {}, add));

  function label(index) {
    return `${section.item || (section.key === 'contacts' ? 'Person' : 'Professional or helpline')} ${index + 1}`;
  }

  function renumber() {
    [...list.children].forEach((row, index) => {
      row.querySelectorAll('[data-part]').forEach((input) => {
        input.name = fields ? `${section.key}[${index}].${input.dataset.part}` : `${section.key}[${index}]`;
        const own = row.querySelector(`label[for="${input.id}"]`);
        if (own) own.textContent = fields ? `${fields.find((f) => f.key === input.dataset.part).label} (${label(index).toLowerCase()})` : label(index);
      });
      const remove = row.querySelector('.remove-row');
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', `Remove ${label(index).toLowerCase()}`);
    });
    add.disabled = list.children.length >= MAX_ITEMS;
  }

  function control(part, value, max, type) {
    const input = h('input', { type: type || 'text', id: uid('plan'), value: value || '', attrs: { maxlength: String(max), autocomplete: 'off' } });
    if (part) input.dataset.part = part;
    else input.dataset.part = 'text';
    return input;
  }

  function addRow(item, focus) {
    const remove = h('button', { type: 'button', class: 'link-button remove-row' });
    let row;
    if (fields) {
      const parts = fields.map((f) => {
        const input = control(f.key, item && item[f.key], f.max, f.type);
        return h('div', { class: 'field' }, h('label', { for: input.id }), input, h('p', { class: 'field-error', id: `${input.id}-error`, hidden: true }));
      });
      row = h('li', { class: ['plan-row', 'plan-group', item && item.suggested ? 'suggested' : null] }, h('div', { class: 'inline-fields' }, parts), remove);
    } else {
      const input = control(null, item, 300);
      row = h('li', { class: 'plan-row' },
        h('div', { class: 'field' }, h('label', { for: input.id, class: 'visually-hidden' }), input, h('p', { class: 'field-error', id: `${input.id}-error`, hidden: true })),
        remove);
    }
    remove.addEventListener('click', () => {
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      renumber();
      element.dispatchEvent(new Event('input', { bubbles: true }));
      (next ? next.querySelector('input') : add).focus();
    });
    list.append(row);
    renumber();
    if (focus) row.querySelector('input').focus();
  }

  add.addEventListener('click', () => {
    if (list.children.length < MAX_ITEMS) addRow(null, true);
  });
  items.forEach((item) => addRow(item, false));
  if (!items.length) addRow(null, false);

  /** The section's items, without empty rows; null after showing a problem on a row that needs a name. */
  function collect() {
    const out = [];
    for (const row of [...list.children]) {
      const inputs = [...row.querySelectorAll('input')];
      if (inputs.every((input) => !input.value.trim())) {
        row.remove();
        continue;
      }
      if (!fields) {
        out.push(inputs[0].value.trim());
        continue;
      }
      const value = Object.fromEntries(inputs.map((input) => [input.dataset.part, input.value.trim() || null]));
      if (!value.name) {
        fieldProblem(inputs[0], 'Please add a name, or remove this row.');
        return null;
      }
      out.push(value);
    }
    if (!list.children.length) addRow(null, false);
    renumber();
    return out;
  }

  return { key: section.key, element, collect };
}

/**
 * The first plan's professionals and helplines: the emergency number and the lines content-service lists for the
 * person's country, marked as suggestions. Nothing is suggested when the list cannot be reached.
 */
async function suggestedProfessionals(signal) {
  const country = userCountry();
  try {
    const directory = await api(`/api/content/support${country ? `?country=${encodeURIComponent(country)}` : ''}`, { signal });
    const order = ['CRISIS_LINE', 'PEER_SUPPORT', 'PROFESSIONAL_HELP_DIRECTORY'];
    const resources = [...(directory.resources || [])]
      .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
      .slice(0, 5)
      .map((resource) => {
        const contacts = resource.contacts || [];
        const phone = contacts.find((c) => c.type === 'PHONE' && String(c.value).length <= 40);
        const web = contacts.find((c) => (c.type === 'WEB' || c.type === 'CHAT') && /^https?:\/\/\S+$/i.test(c.value) && c.value.length <= 500);
        return { name: String(resource.name).slice(0, 200), phone: phone ? phone.value : null, url: web ? web.value : null, suggested: true };
      });
    const number = directory.fallback && directory.fallback.emergencyNumber;
    const items = number ? [{ name: 'Emergency services', phone: number, url: null, suggested: true }, ...resources] : resources;
    return { country, items: items.slice(0, MAX_ITEMS) };
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    return null;
  }
}
