// Today: a practice for right now, a journaling prompt and a gentle measure of showing up. No streaks, no guilt.
// For a day after the crisis panel closed, a calm "Support is here" card comes first. Entries saved on this device
// while offline and not yet added are named under the prompt, until they are.

import { add, h, replace, todayIn, uid, UI_LOCALE } from '../dom.js';
import { api, query } from '../api.js';
import { currentUser, userZone } from '../session.js';
import { MOODS, pageTitle, problemBox, loading, daysOf } from '../ui.js';
import { itemCard } from './library-cards.js';
import { skipNote, skipText } from '../reminder-kit.js';
import { forgetSupportShown, loadSafetyPlan, supportRecentlyShown } from '../care.js';
import { onWaitingChange, waitingEntries } from '../waiting-entries.js';

export const PROMPTS = [
  'What is one thing you handled today, even imperfectly?',
  'If a good friend had your day, what would you say to them?',
  'What did your inner critic say today? What would a kinder voice answer?',
  'What is something small that brought you a moment of ease?',
  'What are you carrying right now that you could set down, even for a minute?',
  'Which feeling visited most today? Can you let it be there without judging it?',
  'What is one mistake from this week that taught you something?',
  'How did you look after yourself today? How could you tomorrow?',
  'Who or what helped you feel less alone lately?',
  'What would it mean to be “good enough” today?',
  'What does your body need right now?',
  'Write a few words of thanks to yourself for something you did.',
];

export function promptOfTheDay(zone) {
  const day = todayIn(zone);
  const number = Number(day.replace(/-/g, ''));
  return { index: number % PROMPTS.length, text: PROMPTS[number % PROMPTS.length] };
}

function greeting(zone) {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: zone }).format(new Date()));
  if (hour < 5) return 'Hello, night owl';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export default async function render(root, ctx) {
  ctx.title('Today');
  const user = currentUser();
  const zone = userZone();
  const prompt = promptOfTheDay(zone);

  const practiceSlot = h('div', {}, loading('Finding a practice for you…'));
  const minutes = h('select', { name: 'minutes', id: uid('minutes') },
    [3, 5, 10, 20].map((m) => h('option', { value: m, text: `${m} minutes`, selected: m === 5 })));
  const moodInputs = MOODS.map((mood) => h('li', { class: 'chip' }, h('label', {},
    h('input', { type: 'radio', name: 'now-mood', value: mood.value }), h('span', { text: mood.label }))));
  const finder = h('form', { class: 'stack', attrs: { 'aria-label': 'Find a practice' } },
    h('fieldset', {}, h('legend', { text: 'How are you right now? (optional)' }), h('ul', { class: 'chips' }, moodInputs)),
    h('div', { class: 'inline-fields' },
      h('div', { class: 'field' }, h('label', { for: minutes.id, text: 'Time you have' }), minutes),
      h('button', { type: 'submit', class: 'button', text: 'Suggest a practice' })));
  finder.addEventListener('submit', (event) => {
    event.preventDefault();
    loadPractice();
  });

  const consistencySlot = h('div', {}, loading('Looking back over the last month…'));
  const waitingSlot = h('div', { dataset: { testid: 'today-waiting' } });
  const drawWaiting = () => {
    const count = waitingEntries(user.id).length;
    replace(waitingSlot, count ? h('p', { class: 'meta' },
      `${count === 1 ? 'One entry is' : `${count} entries are`} saved on this device, waiting to be added to your journal when you are back online. `,
      h('a', { href: '#/journal', text: count === 1 ? 'See it in your journal' : 'See them in your journal' })) : null);
  };
  drawWaiting();
  ctx.onLeave(onWaitingChange(drawWaiting));
  const comingSlot = h('div', {});

  const supportCard = supportRecentlyShown(user.id) ? supportIsHere() : null;

  // add(), not root.append(): without a recent crisis panel there is no support card, and append would write "null".
  add(root,
    ...pageTitle(`${greeting(zone)}, ${user.displayName}`, 'Here is something small for today. Take what helps and leave the rest.'),
    supportCard,
    h('section', { attrs: { 'aria-labelledby': 'practice-title' } },
      h('h2', { id: 'practice-title', text: 'A practice for right now' }), finder, practiceSlot),
    h('section', { attrs: { 'aria-labelledby': 'prompt-title' } },
      h('h2', { id: 'prompt-title', text: 'A journaling prompt' }),
      h('blockquote', { class: 'panel', dataset: { testid: 'today-prompt' } }, h('p', { text: prompt.text })),
      h('p', {}, h('a', { class: 'button primary', href: `#/journal/new?prompt=${prompt.index}`, text: 'Write about this' }),
        ' ', h('a', { class: 'button', href: '#/journal/new', text: 'Write about something else' })),
      waitingSlot),
    h('section', { attrs: { 'aria-labelledby': 'showing-up-title' } },
      h('h2', { id: 'showing-up-title', text: 'Showing up for yourself' }), consistencySlot),
    comingSlot,
  );

  // For a day after the support panel closed: a quiet card, first on the page, that support is still here.
  function supportIsHere() {
    const planLink = h('a', { href: '#/safety-plan', text: 'Your safety plan' });
    const hide = h('button', { type: 'button', class: 'link-button', text: 'Hide this card' });
    const card = h('section', { class: 'panel warm', dataset: { testid: 'support-is-here' }, attrs: { 'aria-labelledby': 'support-here-title' } },
      h('h2', { id: 'support-here-title', text: 'Support is here' }),
      h('p', { text: 'Things felt very hard a little while ago. However you are now, you do not have to go through it alone.' }),
      h('ul', {},
        h('li', {}, h('a', { href: '#/support', text: 'People you can talk to, any time' })),
        h('li', {}, planLink)),
      h('p', {}, hide));
    hide.addEventListener('click', () => {
      forgetSupportShown();
      card.remove();
      root.querySelector('h1').focus();
    });
    loadSafetyPlan(ctx.signal).then((plan) => {
      planLink.textContent = plan ? 'Look at your safety plan' : 'Make a safety plan, when you feel ready';
    }).catch(() => {});
    return card;
  }

  async function loadPractice() {
    const mood = root.querySelector('input[name="now-mood"]:checked');
    replace(practiceSlot, loading('Finding a practice for you…'));
    try {
      const answer = await api(`/api/content/recommendations${query({ mood: mood ? mood.value : '', minutes: minutes.value })}`, { signal: ctx.signal });
      const [first, ...rest] = answer.items || [];
      if (!first) {
        replace(practiceSlot, h('p', { text: 'Nothing fits that time just now. A few slow breaths count too.' }));
        return;
      }
      replace(practiceSlot,
        answer.supportSuggested ? h('div', { class: 'panel warm' },
          h('p', { text: 'It sounds like a heavy moment. You deserve support as well as practice.' }),
          h('p', {}, h('a', { href: '#/support', text: 'See who you can talk to now' }))) : null,
        h('ul', { class: 'cards' }, itemCard({ ...first, type: 'practice' }, 'h3')),
        rest.length ? h('details', {}, h('summary', { text: 'Other ideas' }),
          h('ul', { class: 'cards' }, rest.slice(0, 3).map((item) => itemCard({ ...item, type: 'practice' }, 'h3')))) : null);
    } catch (error) {
      if (error.name === 'AbortError') return;
      replace(practiceSlot, problemBox(error));
    }
  }

  async function loadConsistency() {
    try {
      const insights = await api(`/api/journal/insights${query({ timeZone: zone })}`, { signal: ctx.signal });
      const c = insights.consistency;
      const bar = h('div', { class: 'meter-bar', attrs: { 'aria-hidden': 'true' } }, h('div', { class: 'meter-fill' }));
      bar.firstChild.style.width = `${Math.max(2, Math.round((100 * c.daysJournaled) / c.days))}%`;
      replace(consistencySlot,
        h('p', { class: 'lead', text: c.message }),
        c.daysJournaled > 0
          ? h('p', { text: `You wrote on ${daysOf(c)}.` })
          : h('p', { text: 'The days you write will gather here. There is no streak to keep and nothing to reset.' }),
        c.daysJournaled > 0 ? bar : null,
        h('p', {}, h('a', { href: '#/insights', text: 'See your insights' })));
    } catch (error) {
      if (error.name === 'AbortError') return;
      replace(consistencySlot, problemBox(error));
    }
  }

  async function loadComing() {
    try {
      const [reminders, inbox] = await Promise.all([
        api('/api/reminders', { signal: ctx.signal }),
        api('/api/notifications/inbox', { signal: ctx.signal }),
      ]);
      const upcoming = (reminders.items || []).flatMap((r) => (r.next || []).map((o) => ({ r, o })))
        .sort((a, b) => new Date(a.o.at) - new Date(b.o.at));
      const next = upcoming.find((c) => !c.o.skipped);
      // What was promised but will not come before it (already written today, a pause…), said as such.
      const skipped = upcoming.filter((c) => c.o.skipped && (!next || new Date(c.o.at) < new Date(next.o.at))).slice(0, 3);
      const when = (o) => new Intl.DateTimeFormat(UI_LOCALE, { weekday: 'long', hour: '2-digit', minute: '2-digit', timeZone: o.timeZone }).format(new Date(o.at));
      const parts = [];
      if (inbox.unread > 0) parts.push(h('p', {}, h('a', { href: '#/inbox', text: `${inbox.unread} unread in your inbox` })));
      skipped.forEach((c) => parts.push(skipNote(`${skipText(c.o)}: “${c.r.title}”, ${when(c.o)}.`)));
      if (next) {
        parts.push(h('p', { text: `Your next reminder, “${next.r.title}”, arrives ${when(next.o)}.` }));
      }
      if (parts.length) {
        replace(comingSlot, h('section', { attrs: { 'aria-labelledby': 'coming-title' } },
          h('h2', { id: 'coming-title', text: 'Coming up' }), ...parts, h('p', {}, h('a', { href: '#/reminders', text: 'Your reminders' }))));
      }
    } catch {
      // Reminders are a nice extra here; their own page shows any problem.
    }
  }

  await Promise.all([loadPractice(), loadConsistency(), loadComing()]);
}
