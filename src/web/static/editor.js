/* global CSS, AbortController */
// Markdown editor island: gives every <textarea data-markdown-preview> (or textarea inside an element
// with that attribute) a "Write / Preview" toggle. Preview asks POST /api/v1/markdown/preview, which
// renders exactly as a post would show it. Without JavaScript the textarea works as before.

const ENDPOINT = '/api/v1/markdown/preview';

function makeButton(text, pressed) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'md-editor__mode';
  b.textContent = text;
  b.setAttribute('aria-pressed', String(pressed));
  return b;
}

function note(text, className = 'md-editor__note') {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

async function fetchPreview(text, csrf, signal) {
  const res = await fetch(ENDPOINT, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify({ text }),
    signal,
  });
  const data = await res.json().catch(() => null);
  if (res.ok && data) return data;
  if (res.status === 401) throw new Error('Sign in again to see a preview.');
  throw new Error(data?.error?.message ?? 'The preview is not available right now.');
}

function enhance(textarea, index) {
  if (textarea.dataset.mdEnhanced) return;
  textarea.dataset.mdEnhanced = '1';
  const csrf = textarea.form?.querySelector('input[name="_csrf"]')?.value ?? '';
  const label = textarea.id ? document.querySelector(`label[for="${CSS.escape(textarea.id)}"]`) : null;
  const name = (label?.firstChild?.textContent ?? 'text').trim();

  const bar = document.createElement('div');
  bar.className = 'md-editor__modes';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', `${name}: write or preview`);
  const write = makeButton('Write', true);
  const preview = makeButton('Preview', false);
  bar.append(write, preview);

  const region = document.createElement('div');
  region.id = `${textarea.id || 'md'}-preview-${index}`;
  region.className = 'md-editor__preview markdown';
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-label', `Preview of ${name}`);
  region.setAttribute('role', 'region');
  region.hidden = true;
  preview.setAttribute('aria-controls', region.id);

  textarea.before(bar);
  textarea.after(region);

  let controller = null;
  let shownText = null;

  function setMode(previewing) {
    write.setAttribute('aria-pressed', String(!previewing));
    preview.setAttribute('aria-pressed', String(previewing));
    textarea.hidden = previewing;
    region.hidden = !previewing;
  }

  async function showPreview() {
    region.style.minHeight = `${textarea.offsetHeight}px`;
    setMode(true);
    const text = textarea.value;
    if (text === shownText) return;
    controller?.abort();
    controller = new AbortController();
    region.setAttribute('aria-busy', 'true');
    region.replaceChildren(note('Rendering the preview…'));
    try {
      const data = await fetchPreview(text, csrf, controller.signal);
      shownText = text;
      region.innerHTML = data.html || '';
      if (!data.html) region.replaceChildren(note('Nothing to preview yet.'));
      if (data.unknownMentions?.length) {
        const who = data.unknownMentions.map((m) => `@${m}`).join(', ');
        region.append(note(`Not members here: ${who}. Posting will be refused until you change these mentions.`, 'md-editor__note md-editor__note--warning'));
      }
    } catch (err) {
      if (err.name === 'AbortError') return;
      shownText = null;
      region.replaceChildren(note(err.message, 'md-editor__note md-editor__note--warning'));
    } finally {
      region.removeAttribute('aria-busy');
    }
  }

  write.addEventListener('click', () => {
    setMode(false);
    textarea.focus();
  });
  preview.addEventListener('click', () => void showPreview());
  // A required, empty textarea hidden behind the preview could not be focused by form validation.
  textarea.addEventListener('invalid', () => setMode(false));
}

const selector = 'textarea[data-markdown-preview], [data-markdown-preview] textarea';
document.querySelectorAll(selector).forEach((t, i) => enhance(t, i));
