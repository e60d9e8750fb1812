// Care that stays: the person's safety plan as the crisis panel and other pages show it, the gentle "would you like
// support?" suggestion, and the quiet memory, on this device only, that a support panel was shown in the last day.

import { h } from './dom.js';
import { api } from './api.js';
import { contactLink } from './ui.js';

const SHOWN_KEY = 'mhc-support-shown';
const STAYS_FOR = 24 * 60 * 60 * 1000;

/** The sections of a safety plan, in the order of the Stanley–Brown steps. */
export const PLAN_SECTIONS = [
  { key: 'warningSigns', title: 'Warning signs', hint: 'Thoughts, feelings or situations that tell me a hard time may be coming.', item: 'Warning sign', add: 'Add a warning sign' },
  { key: 'copingStrategies', title: 'Things I can do on my own', hint: 'Small things that can take my mind off it for a while, without anyone else.', item: 'Something I can do', add: 'Add something I can do' },
  { key: 'distractions', title: 'People and places that help me feel better', hint: 'Company or places that lift me a little, even without talking about how I feel.', item: 'Person or place', add: 'Add a person or place' },
  { key: 'contacts', title: 'People I can ask for help', hint: 'People I trust to talk to when it gets hard, and how to reach them.', add: 'Add a person' },
  { key: 'professionals', title: 'Professionals and helplines', hint: 'My doctor, a therapist, or a line I can call or text at any hour.', add: 'Add a professional or helpline' },
  { key: 'saferSurroundings', title: 'Making my surroundings safer', hint: 'What I can put away or ask someone to keep, so that the hardest moments are safer.', item: 'A step', add: 'Add a step' },
];

/** The person's safety plan, or null when they have not made one. */
export async function loadSafetyPlan(signal) {
  try {
    return await api('/api/journal/safety-plan', { signal });
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }
}

export function planIsEmpty(plan) {
  return !plan || (!plan.reasonForLiving && PLAN_SECTIONS.every((section) => !(plan[section.key] || []).length));
}

/** A phone number as a link to call; a person's "how to reach them" as plain text unless it looks like a number. */
function reachLink(value) {
  if (/^\+?[0-9][0-9 ()-]{3,}$/.test(value)) return contactLink({ type: 'PHONE', value, label: value });
  return h('span', { text: value });
}

function entryOf(section, item) {
  if (section.key === 'contacts') {
    return h('li', {}, h('strong', { text: item.name }), item.contact ? [' · ', reachLink(item.contact)] : null);
  }
  if (section.key === 'professionals') {
    return h('li', {}, h('strong', { text: item.name }),
      item.phone ? [' · ', reachLink(item.phone)] : null,
      item.url ? [' · ', contactLink({ type: 'WEB', value: item.url, label: 'Website' })] : null);
  }
  return h('li', { text: item });
}

/** The plan, read-only: the reason for living first, then every section that has something in it. */
export function planSummary(plan, headingLevel = 'h3') {
  const sections = PLAN_SECTIONS.filter((section) => (plan[section.key] || []).length).map((section) => h('section', { class: 'plan-section' },
    h(headingLevel, { text: section.title }),
    h('ul', {}, plan[section.key].map((item) => entryOf(section, item)))));
  return h('div', { class: 'plan-summary' },
    plan.reasonForLiving ? h('p', { class: 'plan-reason' }, h('span', { class: 'meta', text: 'My reason for living: ' }), plan.reasonForLiving) : null,
    sections);
}

/** The gentle suggestion: support without alarm, for a low check-in or a very low mood. */
export function gentleSuggestion(headingLevel = 'h2', hasPlan = undefined) {
  const id = `gentle-${Math.random().toString(36).slice(2, 8)}`;
  return h('section', { class: 'panel warm', dataset: { testid: 'gentle-support' }, attrs: { 'aria-labelledby': id } },
    h(headingLevel, { id, text: 'Would you like some support?' }),
    h('p', { text: 'It sounds like things are heavy right now. You do not have to carry them on your own, and reaching out is a kind thing to do for yourself.' }),
    h('ul', {},
      h('li', {}, h('a', { href: '#/support', text: 'See who you can talk to' })),
      h('li', {}, h('a', { href: '#/safety-plan', text: hasPlan ? 'Look at your safety plan' : 'Your safety plan' }))));
}

/** Remembers, on this device only, that the support panel was shown to this person just now. */
export function rememberSupportShown(userId) {
  try {
    localStorage.setItem(SHOWN_KEY, JSON.stringify({ user: userId, at: Date.now() }));
  } catch {
    // Private browsing may refuse storage; the card is a kindness, not a requirement.
  }
}

/** Whether the "Support is here" card should still show for this person (within a day of the panel). */
export function supportRecentlyShown(userId) {
  try {
    const shown = JSON.parse(localStorage.getItem(SHOWN_KEY) || 'null');
    if (!shown || shown.user !== userId) return false;
    const age = Date.now() - Number(shown.at);
    if (age >= 0 && age < STAYS_FOR) return true;
    localStorage.removeItem(SHOWN_KEY);
    return false;
  } catch {
    return false;
  }
}

/** Forgets it, as on signing out, so the next person on this device never sees it. */
export function forgetSupportShown() {
  try {
    localStorage.removeItem(SHOWN_KEY);
  } catch {
    // Nothing was stored.
  }
}
