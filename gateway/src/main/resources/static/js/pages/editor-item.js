// Writing an item: Markdown with a preview rendered by the server exactly as readers will see it, steps for a
// practice, and saving, scheduling, publishing and withdrawing. Every change names the version read; a 409 means
// someone else changed it first, and the editor chooses what to do.

import { h, replace, field, uid, toast, announce, formatDateTime, debounce } from '../dom.js';
import { api } from '../api.js';
import { userZone } from '../session.js';
import { pageTitle, problemBox, loading, busy, showFormProblem, clearFormProblem, confirmDialog } from '../ui.js';
import { HABITS } from './library-cards.js';
import { STATUS_TEXT } from './editor.js';

export default async function render(root, ctx) {
  const slug = ctx.params.slug;
  const creating = !slug;
  ctx.title(creating ? 'New draft' : 'Edit item');
  const slot = h('div', {}, loading());
  root.append(h('p', {}, h('a', { href: '#/editor', text: '← Editor’s desk' })),
    ...pageTitle(creating ? 'A new draft' : 'Edit item'), slot);

  let item = null;
  if (!creating) {
    try {
      item = await api(`/api/content/editor/items/${encodeURIComponent(slug)}`, { signal: ctx.signal });
    } catch (error) {
      if (error.name !== 'AbortError') replace(slot, problemBox(error));
      return;
    }
    root.querySelector('h1').textContent = item.title;
    ctx.title(`Edit “${item.title}”`);
  }
  draw(slot, item, ctx);
}

function draw(slot, item, ctx) {
  const zone = userZone();
  const type = h('select', { name: 'type', id: uid('type'), disabled: Boolean(item) },
    h('option', { value: 'article', text: 'Article' }), h('option', { value: 'practice', text: 'Practice' }));
  type.value = item ? item.type : 'article';
  const title = h('input', { type: 'text', name: 'title', required: true, value: item ? item.title : '', attrs: { maxlength: '200' } });
  const slugInput = h('input', { type: 'text', name: 'slug', value: item ? item.slug : '', disabled: Boolean(item), attrs: { pattern: '[a-z0-9][a-z0-9-]{0,79}', maxlength: '80' } });
  const summary = h('textarea', { name: 'summary', value: item ? item.summary || '' : '', attrs: { maxlength: '500', rows: '3' } });
  const body = h('textarea', { name: 'body', class: 'tall', value: item ? item.body : '', required: true });
  const topics = h('input', { type: 'text', name: 'topics', value: item ? item.topics.join(', ') : '' });
  const minutes = h('input', { type: 'number', name: 'minutes', min: 1, max: 240, value: item && item.minutes ? item.minutes : '' });
  const author = h('input', { type: 'text', name: 'author', value: item ? item.author || '' : '', attrs: { maxlength: '100' } });
  const habits = h('fieldset', {}, h('legend', { text: 'Habits it serves' }),
    Object.entries(HABITS).map(([value, text]) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'habits', value, checked: Boolean(item && item.habits.includes(value)) }), h('span', { text }))));
  const steps = stepsEditor(item ? item.steps : []);
  const preview = h('div', { class: 'preview prose', attrs: { 'aria-live': 'polite' } });
  // bodyHtml comes from the server's renderer and sanitiser; it is the only HTML placed as is.
  if (item) preview.innerHTML = item.bodyHtml;
  else preview.textContent = 'The preview appears here as you write.';

  const refreshPreview = debounce(async () => {
    try {
      const answer = await api('/api/content/editor/preview', { method: 'POST', body: { body: body.value } });
      preview.innerHTML = answer.bodyHtml;
    } catch (error) {
      replace(preview, problemBox(error));
    }
  }, 700);
  body.addEventListener('input', refreshPreview);

  const stepsWrap = h('div', {}, steps.element);
  const syncType = () => { stepsWrap.hidden = type.value !== 'practice'; };
  type.addEventListener('change', syncType);
  syncType();

  const save = h('button', { type: 'submit', class: 'primary', text: item ? 'Save changes' : 'Save draft' });
  const form = h('form', { attrs: { novalidate: true, 'aria-labelledby': 'page-title' }, class: 'editor-form' },
    h('div', { class: 'form-problem' }),
    item ? h('p', { class: 'meta', text: `${STATUS_TEXT[item.status] || item.status} · version ${item.version}${item.status === 'scheduled' && item.publishAt ? ` · goes out ${formatDateTime(item.publishAt, zone)}` : ''}` }) : null,
    h('div', { class: 'inline-fields' }, field('Kind', type), field('Slug (optional)', slugInput, 'Made from the title when left empty.')),
    field('Title', title),
    field('Summary', summary),
    h('div', { class: 'editor-grid' },
      field('Body (Markdown)', body, 'Headings with #, lists with -, emphasis with *stars*. Raw HTML is shown as text.'),
      h('div', {}, h('p', { class: 'label', id: 'preview-label', text: 'Preview, as readers will see it' }), preview)),
    stepsWrap,
    habits,
    h('div', { class: 'inline-fields' },
      field('Topics', topics, 'Separated by commas, such as: mindfulness, sleep.'),
      field('Minutes (optional)', minutes, 'Worked out for you when left empty.'),
      field('Author (optional)', author)),
    h('div', { class: 'actions' }, save));
  preview.setAttribute('aria-labelledby', 'preview-label');
  preview.setAttribute('role', 'region');

  const payload = () => ({
    slug: item ? undefined : slugInput.value.trim() || undefined,
    type: type.value,
    title: title.value.trim(),
    summary: summary.value.trim() || null,
    body: body.value,
    topics: topics.value.split(',').map((t) => t.trim().toLowerCase().replace(/\s+/g, '-')).filter(Boolean),
    habits: [...form.querySelectorAll('input[name="habits"]:checked')].map((i) => i.value),
    minutes: minutes.value ? Number(minutes.value) : null,
    author: author.value.trim() || null,
    steps: type.value === 'practice' ? steps.values() : [],
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormProblem(form);
    await busy(save, async () => {
      try {
        const saved = item
          ? await api(`/api/content/editor/items/${encodeURIComponent(item.slug)}`, { method: 'PUT', body: { ...payload(), version: item.version } })
          : await api('/api/content/editor/items', { method: 'POST', body: payload() });
        toast(item ? 'Saved.' : 'Your draft is saved.');
        if (!item) {
          ctx.navigate(`/editor/${encodeURIComponent(saved.slug)}`, { replace: true });
          return;
        }
        draw(slot, saved, ctx);
        const again = slot.querySelector('button[type="submit"]');
        if (again) again.focus();
        announce(`Saved as version ${saved.version}.`);
      } catch (error) {
        conflictOrProblem(form, error, item, ctx);
      }
    }, 'Saving…');
  });

  const parts = [form];
  if (item) parts.push(publishing(item, ctx, form));
  replace(slot, ...parts);
}

function conflictOrProblem(form, error, item, ctx) {
  if (error.status === 409 && error.problem.currentVersion !== undefined && item) {
    showFormProblem(form, {
      title: error.title,
      detail: `Someone changed this item since you opened it (it is now version ${error.problem.currentVersion}). Your text is still here. You can load their version, or keep yours and save over it.`,
    });
    const slot = form.querySelector('.form-problem .problem');
    slot.append(h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'button', text: 'Load the latest version', on: { click: () => ctx.navigate(`/editor/${encodeURIComponent(item.slug)}`, { replace: true }) } }),
      h('button', {
        type: 'button', class: 'button', text: 'Keep my text and save over it',
        on: { click: () => { item.version = error.problem.currentVersion; form.requestSubmit(); } },
      })));
    return;
  }
  showFormProblem(form, error);
}

function publishing(item, ctx, form) {
  const at = h('input', { type: 'datetime-local', id: uid('at'), name: 'at' });
  const result = h('div', { attrs: { role: 'status' } });
  const act = (label, run, className = 'button') => h('button', {
    type: 'button', class: className, text: label,
    on: {
      click: async (event) => {
        await busy(event.currentTarget, async () => {
          try {
            const updated = await run();
            toast(`${STATUS_TEXT[updated.status] || updated.status}.`);
            ctx.navigate(`/editor/${encodeURIComponent(item.slug)}`, { replace: true });
          } catch (error) {
            conflictOrProblem(form, error, item, ctx);
          }
        });
      },
    },
  });
  const publishNow = act('Publish now', () => api(`/api/content/editor/items/${encodeURIComponent(item.slug)}/publish`, { method: 'POST', body: { version: item.version } }), 'primary');
  const schedule = act('Schedule', () => {
    if (!at.value) throw Object.assign(new Error('no time'), { title: 'Please choose when it should go out', detail: '', errors: [] });
    return api(`/api/content/editor/items/${encodeURIComponent(item.slug)}/publish`, { method: 'POST', body: { version: item.version, at: new Date(at.value).toISOString() } });
  });
  const withdraw = h('button', {
    type: 'button', class: 'danger', text: 'Withdraw from readers',
    on: {
      click: async (event) => {
        const button = event.currentTarget;
        const yes = await confirmDialog({ title: 'Withdraw this item?', text: 'Readers will no longer see it. You can publish it again later.', confirm: 'Withdraw', cancel: 'Keep it published', danger: true });
        if (!yes) return;
        await busy(button, async () => {
          try {
            await api(`/api/content/editor/items/${encodeURIComponent(item.slug)}/withdraw`, { method: 'POST', body: { version: item.version } });
            toast('Withdrawn.');
            ctx.navigate(`/editor/${encodeURIComponent(item.slug)}`, { replace: true });
          } catch (error) {
            conflictOrProblem(form, error, item, ctx);
          }
        });
      },
    },
  });
  const canPublish = item.status !== 'published';
  const canWithdraw = item.status === 'published' || item.status === 'scheduled';
  return h('section', { attrs: { 'aria-labelledby': 'publish-title' } },
    h('h2', { id: 'publish-title', text: 'Publishing' }),
    h('p', { class: 'meta', text: 'Save your changes first: publishing uses the saved version.' }),
    canPublish ? h('div', {},
      h('div', { class: 'actions' }, publishNow),
      h('div', { class: 'inline-fields' },
        h('div', { class: 'field' }, h('label', { for: at.id, text: `Or publish at (your time, ${userZone().replace(/_/g, ' ')})` }), at),
        h('div', { class: 'field' }, schedule))) : null,
    canWithdraw ? h('div', { class: 'actions' }, withdraw) : null,
    item.status === 'published' ? h('p', {}, h('a', { href: `#/library/${encodeURIComponent(item.slug)}`, text: 'See it as readers do' })) : null,
    result);
}

/** A practice's steps: text with an optional timer, add, remove and move. */
function stepsEditor(initial) {
  const list = h('ol', { class: 'plain-list' });
  const add = h('button', { type: 'button', class: 'button', text: 'Add a step' });
  const rows = () => [...list.children];
  const renumber = () => rows().forEach((row, i) => {
    row.querySelector('.step-label').textContent = `Step ${i + 1}`;
    row.querySelectorAll('button').forEach((b) => b.setAttribute('aria-label', `${b.dataset.action} step ${i + 1}`));
    row.querySelector('[data-action="Move up"]').disabled = i === 0;
    row.querySelector('[data-action="Move down"]').disabled = i === rows().length - 1;
  });
  const addRow = (step = { text: '', seconds: null }, focus = false) => {
    const textId = uid('step');
    const secId = uid('sec');
    const text = h('textarea', { id: textId, name: 'stepText', value: step.text, attrs: { rows: '2', maxlength: '1000' } });
    const seconds = h('input', { type: 'number', id: secId, name: 'stepSeconds', min: 5, max: 3600, value: step.seconds || '' });
    const move = (dir) => () => {
      const row = text.closest('li');
      if (dir < 0 && row.previousElementSibling) list.insertBefore(row, row.previousElementSibling);
      if (dir > 0 && row.nextElementSibling) list.insertBefore(row.nextElementSibling, row);
      renumber();
      row.querySelector(`[data-action="${dir < 0 ? 'Move up' : 'Move down'}"]`).focus();
    };
    const row = h('li', { class: 'step-row' },
      h('div', { class: 'field' }, h('label', { for: textId, class: 'step-label' }), text),
      h('div', { class: 'field' }, h('label', { for: secId, text: 'Timer (seconds)' }), seconds),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'button', text: 'Up', dataset: { action: 'Move up' }, on: { click: move(-1) } }),
        h('button', { type: 'button', class: 'button', text: 'Down', dataset: { action: 'Move down' }, on: { click: move(1) } }),
        h('button', {
          type: 'button', class: 'button', text: 'Remove', dataset: { action: 'Remove' },
          on: { click: () => { row.remove(); renumber(); add.focus(); } },
        })));
    list.append(row);
    renumber();
    if (focus) text.focus();
  };
  add.addEventListener('click', () => addRow(undefined, true));
  (initial.length ? initial : [{ text: '', seconds: null }]).forEach((s) => addRow(s));
  return {
    element: h('fieldset', {}, h('legend', { text: 'Steps of the practice' }), list, add),
    values: () => rows().map((row) => ({
      text: row.querySelector('textarea').value.trim(),
      seconds: row.querySelector('input').value ? Number(row.querySelector('input').value) : null,
    })).filter((s) => s.text),
  };
}
