// The practice player of a library item: one step at a time, a timer for the steps that have one, a chime and a
// vibration when a step's time is up (see cues.js), and, if the person wants it, moving on by itself. A practice
// finished here is recorded in the journal (POST /api/journal/practices/completions), where insights set practice
// days against mood. Keyboard friendly: every control is a real button or checkbox, and the live region says
// each step as it comes.

import { h, announce } from './dom.js';
import { api } from './api.js';
import { currentUser, userZone } from './session.js';
import { autoAdvanceOn, prepareSound, rememberAutoAdvance, rememberSound, soundOn, stepEnded } from './cues.js';

/**
 * @param item      the library item, with its steps ({text, seconds?})
 * @param ctx       the page's context (onLeave)
 * @param onPlaying called with true while the steps are being played and false otherwise, so that the page can
 *                  fold away the written steps: each step is on screen once
 */
export function practicePlayer(item, ctx, onPlaying = () => {}) {
  const steps = item.steps;
  let index = 0;
  let remaining = 0;
  let timer = 0;
  let running = false;

  const region = h('section', { class: 'player', attrs: { 'aria-labelledby': 'player-title' }, dataset: { testid: 'practice-player' } });
  const title = h('h2', { id: 'player-title', text: 'Practice step by step' });
  const settings = settingsFor();
  const start = h('button', { type: 'button', class: 'primary', text: 'Start the practice', on: { click: () => begin() } });
  const intro = h('div', {},
    h('p', { text: `${steps.length} steps, about ${item.minutes} minutes. Find a comfortable place. You can pause at any time.` }),
    h('div', { class: 'actions' }, start));
  region.append(title, intro, settings.element);

  const stepHeading = h('h3', { attrs: { tabindex: '-1' }, dataset: { testid: 'step-heading' } });
  const stepText = h('p', { class: 'step-text', dataset: { testid: 'step-text' } });
  const progress = h('progress', { max: steps.length, value: 1, attrs: { 'aria-label': 'Progress through the practice' } });
  const clock = h('p', { class: 'timer', attrs: { role: 'timer', 'aria-live': 'off' }, dataset: { testid: 'step-timer' } });
  const hint = h('p', { class: 'meta' });
  const timerButton = h('button', { type: 'button', class: 'button', on: { click: toggleTimer } });
  const back = h('button', { type: 'button', class: 'button', text: 'Previous step', on: { click: () => go(index - 1) } });
  const next = h('button', { type: 'button', class: 'primary', on: { click: () => (index + 1 < steps.length ? go(index + 1) : finish()) } });
  const stage = h('div', {}, stepHeading, progress, stepText, clock, hint, h('div', { class: 'actions' }, back, timerButton, next));

  function settingsFor() {
    const auto = h('input', { type: 'checkbox', id: 'player-auto-advance', checked: autoAdvanceOn(),
      on: { change: () => { rememberAutoAdvance(auto.checked); showHint(); } } });
    const sound = h('input', { type: 'checkbox', id: 'player-sound', checked: soundOn(),
      on: { change: () => { rememberSound(sound.checked); if (sound.checked) prepareSound(); } } });
    const element = h('fieldset', { class: 'player-settings' },
      h('legend', { text: 'While you practise' }),
      h('div', { class: 'check' }, auto, h('label', { for: auto.id, text: 'Move on by itself when a step’s time is up' })),
      h('div', { class: 'check' }, sound, h('label', { for: sound.id, text: 'A soft chime and a short vibration when a step ends' })),
      h('p', { class: 'meta', text: 'Remembered on this device. There is no vibration when your device asks for reduced motion.' }));
    return { element, auto: () => auto.checked };
  }

  function format(seconds) {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return `${m}:${String(s).padStart(2, '0')}`;
  }

  function stop() {
    window.clearInterval(timer);
    running = false;
  }

  function showHint() {
    const timed = Boolean(steps[index] && steps[index].seconds);
    hint.textContent = settings.auto() && !timed ? 'This step has no timer. Move on when you are ready.' : '';
  }

  function begin() {
    prepareSound();
    onPlaying(true);
    go(0);
  }

  /** Shows a step. Moved there by the person, the focus follows; moved on by the timer, it stays where it was. */
  function go(to, { byTimer = false } = {}) {
    stop();
    index = Math.max(0, Math.min(steps.length - 1, to));
    const step = steps[index];
    stepHeading.textContent = `Step ${index + 1} of ${steps.length}`;
    stepText.textContent = step.text;
    progress.value = index + 1;
    back.disabled = index === 0;
    next.textContent = index + 1 < steps.length ? 'Next step' : 'Finish';
    remaining = step.seconds || 0;
    clock.hidden = !remaining;
    timerButton.hidden = !remaining;
    if (remaining) {
      clock.textContent = format(remaining);
      timerButton.textContent = 'Start timer';
    }
    showHint();
    if (!stage.isConnected) region.replaceChildren(title, stage, settings.element);
    if (!byTimer) stepHeading.focus();
    announce(`Step ${index + 1} of ${steps.length}. ${step.text}`);
    if (remaining && settings.auto()) startTimer(false);
  }

  function toggleTimer() {
    if (running) {
      stop();
      timerButton.textContent = 'Resume timer';
      announce(`Paused with ${format(remaining)} left.`);
      return;
    }
    prepareSound();
    startTimer(true);
  }

  function startTimer(say) {
    running = true;
    timerButton.textContent = 'Pause timer';
    if (say) announce(`Timer started: ${format(remaining)}.`);
    timer = window.setInterval(tick, 1000);
  }

  function tick() {
    remaining -= 1;
    clock.textContent = format(Math.max(0, remaining));
    if (remaining > 0) return;
    stop();
    stepEnded();
    const last = index + 1 >= steps.length;
    if (settings.auto()) {
      if (last) finish();
      else go(index + 1, { byTimer: true });
      return;
    }
    timerButton.textContent = 'Start timer again';
    remaining = steps[index].seconds;
    announce(last ? 'Time is up. Finish when you are ready.' : 'Time is up for this step. Move on when you are ready.');
  }

  function finish() {
    stop();
    onPlaying(false);
    const done = h('h3', { attrs: { tabindex: '-1' }, text: 'Well done for giving yourself this time' });
    const record = recording();
    region.replaceChildren(title, done,
      h('p', { text: 'However it went, it counts. Would you like to note how you feel now?' }),
      record.element,
      h('div', { class: 'actions' },
        h('a', { class: 'button primary', href: `#/journal/new?practice=${encodeURIComponent(item.slug)}`, text: 'Write a few words' }),
        h('button', { type: 'button', class: 'button', text: 'Do it again', on: { click: begin } })),
      settings.element);
    done.focus();
    record.send();
  }

  /** Records this completion once: a retry carries the same Idempotency-Key, so it is never counted twice. */
  function recording() {
    const element = h('p', { attrs: { role: 'status' }, dataset: { testid: 'practice-recorded' } });
    const key = globalThis.crypto && crypto.randomUUID ? crypto.randomUUID() : null;
    const body = { slug: item.slug, title: item.title, completedAt: new Date().toISOString(), timeZone: userZone() };
    const send = async () => {
      if (!currentUser()) {
        element.replaceChildren(h('a', { href: `#/sign-in?next=${encodeURIComponent(`/library/${item.slug}`)}`, text: 'Sign in' }),
          ' to keep a note of the practices you finish and see them beside your moods in Insights.');
        return;
      }
      element.textContent = 'Keeping a note of this practice…';
      try {
        await api('/api/journal/practices/completions', { method: 'POST', body, headers: key ? { 'Idempotency-Key': key } : {} });
        element.replaceChildren('Noted in your journal. ',
          h('a', { href: '#/insights', text: 'See practice days beside your moods in Insights' }), '.');
      } catch (error) {
        element.replaceChildren(`${error.title || 'That did not work'}. Your practice still counts. `,
          h('button', { type: 'button', class: 'button', text: 'Try noting it again', on: { click: send } }));
      }
    };
    return { element, send };
  }

  ctx.onLeave(stop);
  return region;
}
