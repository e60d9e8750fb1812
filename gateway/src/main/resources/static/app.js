// The landing page: shows a few items from the library. A plain ES module, so that a Content Security
// Policy can forbid inline script.

const status = document.getElementById('library-status');
const list = document.getElementById('library-items');

function card(item) {
  const li = document.createElement('li');
  li.className = 'card';
  const kind = document.createElement('p');
  kind.className = 'meta';
  kind.textContent = `${item.type === 'practice' ? 'Practice' : 'Article'} · ${item.minutes} min`;
  const title = document.createElement('h3');
  title.textContent = item.title;
  const summary = document.createElement('p');
  summary.textContent = item.summary;
  li.append(kind, title, summary);
  return li;
}

async function showLibrary() {
  try {
    const response = await fetch('/api/content/items?size=6', { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`status ${response.status}`);
    }
    const page = await response.json();
    list.replaceChildren(...page.items.map(card));
    status.textContent = page.items.length === 0
      ? 'The library is still being written. Please come back soon.'
      : '';
  } catch {
    status.textContent = 'The library is taking a short rest. Please try again in a moment.';
  }
}

showLibrary();
