// Support: crisis lines and other help for a chosen country, with the emergency number always shown first.
// Open to everyone, signed in or not, and linked from the header of every page.

import { h, replace, uid } from '../dom.js';
import { api } from '../api.js';
import { currentUser, userCountry } from '../session.js';
import { problemBox, loading, emergencyBlock, supportResource, KIND_HEADINGS } from '../ui.js';
import { countrySelect, countryName } from '../places.js';

export default async function render(root, ctx) {
  ctx.title('Get support now');
  const chosen = (ctx.query.get('country') || userCountry() || '').toUpperCase();
  const country = countrySelect(chosen, { id: uid('country') }, 'Choose your country');
  const form = h('form', { class: 'inline-fields', attrs: { 'aria-label': 'Choose a country' } },
    h('div', { class: 'field' }, h('label', { for: country.id, text: 'Where are you?' }), country),
    h('div', { class: 'field' }, h('button', { type: 'submit', class: 'button', text: 'Show support' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate(`/support${country.value ? `?country=${country.value}` : ''}`);
  });

  const emergency = h('div', {}, emergencyBlock(null, null));
  const slot = h('div', {}, loading('Finding support near you…'));
  root.append(
    h('h1', { id: 'page-title', attrs: { tabindex: '-1' }, text: 'You do not have to face this alone' }),
    h('p', { class: 'lead', text: 'If things feel like too much right now, reaching out is a strong and kind thing to do.' }),
    emergency,
    form,
    slot,
    h('section', { attrs: { 'aria-labelledby': 'meanwhile-title' } },
      h('h2', { id: 'meanwhile-title', text: 'While you wait, or if you are not ready to call' }),
      h('ul', {},
        h('li', { text: 'Breathe out slowly, a little longer than you breathe in, a few times.' }),
        h('li', { text: 'Move somewhere you feel a bit safer, or close to other people.' }),
        h('li', { text: 'Tell one person you trust how you are really doing.' }),
        currentUser() ? h('li', {}, 'Look at ', h('a', { href: '#/safety-plan', text: 'your safety plan' }), ', or make one.') : null,
        h('li', {}, 'Read ', h('a', { href: '#/library/when-it-is-more-than-a-bad-day', text: 'When it is more than a bad day' }), '.'))));

  let directory;
  try {
    directory = await api(`/api/content/support${chosen ? `?country=${encodeURIComponent(chosen)}` : ''}`, { signal: ctx.signal });
  } catch (error) {
    if (error.name === 'AbortError') return;
    replace(emergency, emergencyBlock('If you are in danger now, call your local emergency number (112 works in many countries).', '112'));
    replace(slot, problemBox(error));
    return;
  }
  replace(emergency, emergencyBlock(directory.fallback && directory.fallback.message, directory.fallback && directory.fallback.emergencyNumber));

  const groups = {};
  for (const resource of directory.resources) (groups[resource.kind] = groups[resource.kind] || []).push(resource);
  const where = chosen ? countryName(chosen) : 'every country';
  replace(slot,
    h('h2', { text: chosen ? `Support in ${where}` : 'Support around the world' }),
    chosen ? null : h('p', { class: 'meta', text: 'Choose your country above to see the lines closest to you first.' }),
    ...Object.keys(KIND_HEADINGS).filter((kind) => groups[kind]).map((kind) => h('section', { attrs: { 'aria-label': KIND_HEADINGS[kind] } },
      h('h3', { text: KIND_HEADINGS[kind] }),
      h('ul', { class: 'cards' }, groups[kind].map((r) => supportResource(r, 'h4'))))),
    directory.resources.length ? null : h('p', { text: 'We do not list local lines for this country yet. The emergency number above always applies, and the worldwide directory can help you find a line nearby.' }));
}
