// Writing or changing a journal entry: the words first, then an optional mood and feelings, and the reframe helper
// for answering the inner critic. While someone writes, a draft is kept on this device (drafts.js) and offered again
// when the form reopens; saving forgets it. When the answer carries a support block, the support panel comes first;
// the entry is always saved. A crisis entry is followed by no cheerful toast, and a very low mood by a quiet one.
// A new entry saved while Mental Health Connect cannot be reached is kept on this device with its Idempotency-Key and
// added to the journal once the connection is back (waiting-entries.js); one the journal asked to change opens here
// again from #/journal/new?waiting=<key>. A change to an existing entry needs the connection: offline, its draft stays.

import { h, field, toast, debounce, announce, nowIn } from '../dom.js';
import { api } from '../api.js';
import { currentUser, userZone } from '../session.js';
import { pageTitle, showFormProblem, clearFormProblem, busy, loading, problemBox, fieldProblem } from '../ui.js';
import { emotions, emotionChips, moodPicker, showSupport } from '../journal-kit.js';
import { PROMPTS } from './today.js';
import { rememberSupportShown } from '../care.js';
import { loadDraft, saveDraft, forgetDraft } from '../drafts.js';
import { keepForLater, newIdempotencyKey, waitingEntry, forgetWaiting } from '../waiting-entries.js';

export default async function render(root, ctx) {
  const id = ctx.params.id;
  const editing = Boolean(id);
  ctx.title(editing ? 'Change an entry' : 'Write an entry');
  const slot = h('div', {}, loading());
  root.append(...pageTitle(editing ? 'Change this entry' : 'Write in your journal',
    editing ? 'Change whatever you like. Your words stay private to you.' : 'However today went, there is room for it here. Only you can read this.'), slot);

  let entry = null;
  let vocabulary;
  try {
    [vocabulary, entry] = await Promise.all([
      emotions(),
      editing ? api(`/api/journal/entries/${encodeURIComponent(id)}`, { signal: ctx.signal }) : null,
    ]);
  } catch (error) {
    if (error.name === 'AbortError') return;
    slot.replaceChildren(problemBox(error));
    return;
  }

  const writer = currentUser() && currentUser().id;
  // A waiting entry the journal asked to change: its words fill the form, and saving it replaces the waiting one.
  const held = editing ? null : waitingEntry(writer, ctx.query.get('waiting'));
  const prompt = ctx.query.get('prompt');
  const practice = ctx.query.get('practice') || (entry && entry.practiceId) || (held && held.payload.practiceId) || '';
  const promptText = prompt !== null && PROMPTS[Number(prompt)] ? PROMPTS[Number(prompt)] : '';

  const title = h('input', { type: 'text', name: 'title', value: (entry && entry.title) || '', attrs: { maxlength: '200' } });
  const body = h('textarea', {
    name: 'body', required: true, class: 'tall', value: (entry && entry.body) || '',
    attrs: { maxlength: '20000', placeholder: promptText || 'Write whatever is on your mind. A sentence is enough.' },
  });
  const tags = h('input', { type: 'text', name: 'tags', value: ((entry && entry.tags) || []).join(', ') });
  const critic = h('textarea', { name: 'innerCritic', value: (entry && entry.reframe && entry.reframe.innerCritic) || '', attrs: { maxlength: '2000' } });
  const friend = h('textarea', { name: 'friend', value: (entry && entry.reframe && entry.reframe.friend) || '', attrs: { maxlength: '2000' } });
  const kinder = h('textarea', { name: 'kinderView', value: (entry && entry.reframe && entry.reframe.kinderView) || '', attrs: { maxlength: '2000' } });
  const hasReframe = Boolean(entry && entry.reframe && (entry.reframe.innerCritic || entry.reframe.friend || entry.reframe.kinderView));
  const heldTime = held && held.payload.localDateTime;
  const when = h('input', {
    type: 'datetime-local', name: 'localDateTime', step: '60',
    value: entry ? String(entry.localDateTime).slice(0, 16) : (heldTime ? String(heldTime).slice(0, 16) : ''),
  });

  const submit = h('button', { type: 'submit', class: 'primary', text: editing ? 'Save changes' : 'Save entry' });
  const moods = moodPicker(entry && entry.mood);
  const draftNote = h('div', { attrs: { role: 'status' } });
  const form = h('form', { attrs: { novalidate: true, 'aria-labelledby': 'page-title' } },
    h('div', { class: 'form-problem' }),
    promptText ? h('div', { class: 'panel' }, h('p', { class: 'meta', text: 'Today’s prompt' }), h('p', { text: promptText })) : null,
    practice ? h('p', { class: 'meta', text: `After the practice “${practice.replace(/-/g, ' ')}”.` }) : null,
    draftNote,
    field('Title (optional)', title),
    field('Your words', body, promptText ? `Prompt: ${promptText}` : 'Kept as a draft on this device while you write, until you save.'),
    moods,
    emotionChips(vocabulary, (entry && entry.emotions) || []),
    h('details', { class: 'panel', open: hasReframe },
      h('summary', { text: 'Answer your inner critic (optional)' }),
      h('p', { class: 'hint', text: 'When a harsh thought is loud, it can help to write it down, then answer it as you would answer a friend.' }),
      field('What is your inner critic saying?', critic),
      field('What would you say to a good friend who felt this way?', friend),
      field('A kinder way to see it', kinder)),
    h('details', {},
      h('summary', { text: 'More options' }),
      field('Tags (optional)', tags, 'Up to five of your own words, separated by commas, such as: work, family.'),
      field('When did this happen? (optional)', when, `Leave it empty for now. Your time zone: ${userZone().replace(/_/g, ' ')}.`)),
    h('div', { class: 'actions' }, submit,
      h('a', { class: 'button', href: editing ? `#/journal/${encodeURIComponent(id)}` : '#/journal', text: 'Cancel' })));

  let dirty = false;
  let lastSent = null;
  let saveKey = null;
  const version = editing ? entry.version : undefined;
  const draftOf = () => ({
    version,
    title: title.value,
    body: body.value,
    mood: (form.querySelector('input[name="mood"]:checked') || {}).value || '',
    emotions: [...form.querySelectorAll('input[name="emotions"]:checked')].map((i) => i.value),
    tags: tags.value,
    innerCritic: critic.value,
    friend: friend.value,
    kinderView: kinder.value,
  });
  const keepDraft = debounce(() => {
    // Only for the person still signed in: after signing out, nothing more is kept. A waiting entry opened again
    // stays safe where it waits; its changes do not overwrite the draft of a new entry.
    if (!held && writer && dirty && currentUser() && currentUser().id === writer) saveDraft(writer, id, draftOf());
  }, 400);
  form.addEventListener('input', () => { dirty = true; keepDraft(); });
  form.addEventListener('change', () => { dirty = true; keepDraft(); });
  ctx.guard(() => dirty);
  const draft = held ? draftOfPayload(held.payload) : (writer ? loadDraft(writer, id, version) : null);
  if (held) {
    restoreDraft(form, draft, { title, body, tags, critic, friend, kinder });
    draftNote.replaceChildren(h('div', { class: 'panel', dataset: { testid: 'held-entry' } },
      h('p', { text: 'This entry was saved on this device, but your journal could not add it as it is.' }),
      held.held && held.held.detail ? h('p', { text: held.held.detail }) : null,
      h('p', { text: 'Change what it asks for, then save it again.' })));
  } else if (draft) {
    const fields = { title, body, tags, critic, friend, kinder };
    const before = draftOf();
    restoreDraft(form, draft, fields);
    const discard = h('button', { type: 'button', class: 'link-button', text: editing ? 'Go back to the saved entry' : 'Start afresh' });
    discard.addEventListener('click', () => {
      forgetDraft(writer, id);
      restoreDraft(form, before, fields);
      dirty = false;
      draftNote.replaceChildren();
      body.focus();
    });
    draftNote.replaceChildren(h('p', { class: 'panel' },
      'Your draft from this device is back, just as you left it. ', discard));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormProblem(form);
    const mood = form.querySelector('input[name="mood"]:checked');
    if (!body.value.trim()) {
      fieldProblem(body, 'Please write at least a few words.');
      return;
    }
    const tagList = tags.value.split(',').map((t) => t.trim()).filter(Boolean);
    if (tagList.length > 5) {
      fieldProblem(tags, 'Up to five tags, please.');
      return;
    }
    const reframe = critic.value.trim() || friend.value.trim() || kinder.value.trim()
      ? { innerCritic: critic.value.trim() || null, friend: friend.value.trim() || null, kinderView: kinder.value.trim() || null }
      : null;
    const payload = {
      title: title.value.trim() || null,
      body: body.value,
      mood: mood ? Number(mood.value) : null,
      emotions: [...form.querySelectorAll('input[name="emotions"]:checked')].map((i) => i.value),
      tags: tagList,
      reframe,
      practiceId: practice || null,
      timeZone: editing ? entry.timeZone : userZone(),
      localDateTime: when.value ? `${when.value}:00`.slice(0, 19) : undefined,
    };
    if (editing) payload.version = entry.version;
    // A new entry carries an Idempotency-Key, the same for as long as the words are the same: a save sent again after
    // a lost answer gives back the entry saved the first time instead of a second one.
    const sent = JSON.stringify(payload);
    if (!editing && sent !== lastSent) {
      lastSent = sent;
      saveKey = newIdempotencyKey();
    }
    // Offline for sure: nothing is sent. The entry keeps the time it was written, not the time it will be added.
    if (!editing && navigator.onLine === false) {
      keptOnThisDevice({ ...payload, localDateTime: payload.localDateTime || nowIn(payload.timeZone) });
      return;
    }
    await busy(submit, async () => {
      try {
        const saved = await api(editing ? `/api/journal/entries/${encodeURIComponent(id)}` : '/api/journal/entries', {
          method: editing ? 'PUT' : 'POST', body: payload,
          headers: !editing && saveKey ? { 'Idempotency-Key': saveKey } : {},
        });
        dirty = false;
        if (held) forgetWaiting(writer, held.key);
        else if (writer) forgetDraft(writer, id);
        if (saved.support) {
          // After the panel, no cheerful toast: a quiet "Support is here" card waits on Today for a day instead.
          const next = await showSupport(saved.support);
          rememberSupportShown(currentUser() && currentUser().id);
          if (next === 'safety-plan') {
            if (!editing) history.replaceState(null, '', `#/journal/${encodeURIComponent(saved.id)}`);
            ctx.navigate('/safety-plan');
            return;
          }
        } else if (saved.suggestion || saved.mood === 1) {
          // Hopeless-sounding words or a very low mood: a quiet toast, and the entry page offers support gently.
          toast(editing ? 'Your changes are saved.' : 'Your entry is saved.');
          ctx.navigate(`/journal/${encodeURIComponent(saved.id)}${saved.suggestion ? '?support=gentle' : ''}`, { replace: !editing });
          return;
        } else {
          toast(editing ? 'Your changes are saved.' : 'Your entry is saved. Thank you for taking this moment.');
        }
        ctx.navigate(`/journal/${encodeURIComponent(saved.id)}`, { replace: !editing });
      } catch (error) {
        // No answer: the save may or may not have arrived, so it is kept exactly as sent, with its key, and sent
        // again later; should the first have arrived, the journal answers with that entry instead of a second one.
        if (!editing && error.status === 0 && keptOnThisDevice(payload)) return;
        if (editing && error.status === 0) {
          error.detail = 'Changes to an entry can only be saved while you are online. They are kept as a draft on this device; save them again when you are back online.';
        }
        if (error.status === 409) {
          error.detail = 'This entry was changed somewhere else since you opened it. Copy anything you want to keep, then reload the entry.';
        }
        showFormProblem(form, error);
      }
    }, 'Saving…');
  });

  /** Keeps the new entry on this device to add later, and says so calmly. False when the browser will not store it. */
  function keptOnThisDevice(toSend) {
    if (!writer || !keepForLater(writer, saveKey, toSend)) return false;
    dirty = false;
    if (held) forgetWaiting(writer, held.key);
    else forgetDraft(writer, id);
    const heading = h('h2', { attrs: { tabindex: '-1' }, text: 'Saved on this device' });
    slot.replaceChildren(h('div', { class: 'panel', dataset: { testid: 'kept-on-device' } },
      heading,
      h('p', { text: 'It will be added to your journal when you are back online. Keep this device signed in until then.' }),
      h('p', { class: 'actions' },
        h('a', { class: 'button primary', href: '#/journal', text: 'Go to your journal' }),
        h('a', { class: 'button', href: '#/today', text: 'Back to Today' }))));
    heading.focus();
    announce('Saved on this device. It will be added to your journal when you are back online.');
    return true;
  }

  slot.replaceChildren(form);
}

/** A waiting entry's request body as the form's draft, so restoreDraft can put it back into the form. */
function draftOfPayload(payload) {
  const reframe = payload.reframe || {};
  return {
    title: payload.title || '',
    body: payload.body || '',
    mood: payload.mood ? String(payload.mood) : '',
    emotions: payload.emotions || [],
    tags: (payload.tags || []).join(', '),
    innerCritic: reframe.innerCritic || '',
    friend: reframe.friend || '',
    kinderView: reframe.kinderView || '',
  };
}

/** Puts a draft's words and choices back into the form. */
function restoreDraft(form, draft, fields) {
  const text = (value) => (typeof value === 'string' ? value : '');
  fields.title.value = text(draft.title);
  fields.body.value = text(draft.body);
  fields.tags.value = text(draft.tags);
  fields.critic.value = text(draft.innerCritic);
  fields.friend.value = text(draft.friend);
  fields.kinder.value = text(draft.kinderView);
  form.querySelectorAll('input[name="mood"]').forEach((input) => { input.checked = input.value === String(draft.mood); });
  const chosen = new Set(Array.isArray(draft.emotions) ? draft.emotions : []);
  form.querySelectorAll('input[name="emotions"]').forEach((input) => { input.checked = chosen.has(input.value); });
  form.querySelectorAll('fieldset').forEach((set) => set.dispatchEvent(new Event('change')));
  if (fields.critic.value || fields.friend.value || fields.kinder.value) fields.critic.closest('details').open = true;
}
