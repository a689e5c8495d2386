// Similar questions while starting a topic. When typing in the new-topic form's title (or body or
// tags) pauses, asks POST /api/v1/communities/:slug/similar and fills the aria-live list under the
// form. Without this script the form's "Check for similar questions" button does the same through
// the server.

const section = /** @type {HTMLElement | null} */ (document.querySelector('[data-similar-for]'));
const form = /** @type {HTMLFormElement | null} */ (document.querySelector('form.topic-form'));
const results = document.getElementById('similar-results');
const PAUSE_MS = 600;

/** @param {string} [tag] @param {string} [text] */
function el(tag = 'p', text = '') {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

/** @param {{title: string, url: string, solved: boolean, community: string}[]} items */
function show(items) {
  if (!results) return;
  if (items.length === 0) {
    results.replaceChildren(el('p', 'No similar questions found.'));
    return;
  }
  const list = el('ul');
  list.className = 'related__list';
  for (const item of items) {
    const li = el('li');
    const a = /** @type {HTMLAnchorElement} */ (el('a', item.title));
    a.href = item.url;
    li.append(a);
    if (item.solved) {
      const mark = el('span', ' · solved');
      mark.className = 'related__mark';
      li.append(mark);
    }
    list.append(li);
  }
  results.replaceChildren(list);
}

if (section && form && results) {
  const slug = section.dataset.similarFor ?? '';
  const field = (/** @type {string} */ name) => /** @type {HTMLInputElement | HTMLTextAreaElement | null} */ (form.elements.namedItem(name));
  const csrf = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="_csrf"]'))?.value ?? '';
  let timer = 0;
  let asked = '';
  let controller = /** @type {AbortController | null} */ (null);

  const check = async () => {
    const title = field('title')?.value.trim() ?? '';
    const body = field('body')?.value ?? '';
    const tags = (field('tags')?.value ?? '').split(',').map((t) => t.trim()).filter((t) => t.length > 0).slice(0, 50);
    const key = JSON.stringify([title, body, tags]);
    if (title.length < 3 || key === asked) return;
    asked = key;
    controller?.abort();
    controller = new window.AbortController();
    try {
      const res = await fetch(`/api/v1/communities/${encodeURIComponent(slug)}/similar`, {
        method: 'POST',
        credentials: 'same-origin',
        signal: controller.signal,
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ title: title.slice(0, 1000), body: body.slice(0, 100000), tags: tags.map((t) => t.slice(0, 60)) }),
      });
      if (!res.ok) return;
      const data = await res.json();
      show(data.items ?? []);
    } catch {
      // A newer request replaced this one, or the network failed: the button still works.
    }
  };

  for (const name of ['title', 'body', 'tags']) {
    field(name)?.addEventListener('input', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, PAUSE_MS);
    });
  }
}
