// Inline voting on topic pages. Enhances the ▲/▼ vote buttons (in a [data-vote-post] box; they submit
// the page's form#post-actions) so a vote goes through the JSON API (PUT/DELETE /api/v1/posts/:id/vote)
// and the score and pressed state update in place. Without this script the same buttons post the
// page's form to the post's vote address and come back to the post.

/** @param {HTMLElement} box @param {{score: number, myVote: 1 | -1 | null}} state */
function render(box, state) {
  const score = box.querySelector('[data-vote-score]');
  if (score) score.textContent = String(state.score);
  for (const button of box.querySelectorAll('button[data-vote-value]')) {
    const value = Number(button.dataset.voteValue);
    const on = state.myVote === value;
    button.setAttribute('aria-pressed', on ? 'true' : 'false');
    // Pressing the pressed button again takes the vote back, as the plain form does.
    button.value = on ? '0' : String(value);
  }
}

/** @param {HTMLElement} box @param {string} message */
function showError(box, message) {
  let note = box.parentElement?.querySelector(`[data-vote-error="${box.dataset.votePost}"]`);
  if (!note) {
    note = document.createElement('p');
    note.className = 'vote__error';
    note.setAttribute('role', 'alert');
    note.dataset.voteError = box.dataset.votePost ?? '';
    box.after(note);
  }
  note.textContent = message;
}

/** @param {HTMLElement} box */
function clearError(box) {
  box.parentElement?.querySelector(`[data-vote-error="${box.dataset.votePost}"]`)?.remove();
}

/** @param {SubmitEvent} event */
async function onSubmit(event) {
  const form = /** @type {HTMLFormElement} */ (event.currentTarget);
  const button = /** @type {HTMLButtonElement | null} */ (event.submitter);
  // The page's other buttons (reactions, bookmark) submit the same form: only votes are handled here.
  const box = /** @type {HTMLElement | null | undefined} */ (button?.closest('[data-vote-post]'));
  if (!button?.dataset.voteValue || !box || box.getAttribute('aria-busy') === 'true') return;
  event.preventDefault();
  const url = `/api/v1/posts/${box.dataset.votePost}/vote`;
  const takeBack = button.getAttribute('aria-pressed') === 'true';
  const csrf = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="_csrf"]'))?.value ?? '';
  box.setAttribute('aria-busy', 'true');
  try {
    const res = takeBack
      ? await fetch(url, { method: 'DELETE', credentials: 'same-origin', headers: { accept: 'application/json', 'x-csrf-token': csrf } })
      : await fetch(url, {
          method: 'PUT',
          credentials: 'same-origin',
          headers: { accept: 'application/json', 'content-type': 'application/json' },
          body: JSON.stringify({ value: Number(button.dataset.voteValue) }),
        });
    const data = await res.json().catch(() => null);
    if (!res.ok) {
      showError(box, data?.error?.message ?? 'Your vote could not be saved. Reload the page and try again.');
      return;
    }
    clearError(box);
    render(box, data);
  } catch {
    showError(box, 'Your vote could not be sent. Check your connection and try again.');
  } finally {
    box.removeAttribute('aria-busy');
  }
}

document.getElementById('post-actions')?.addEventListener('submit', onSubmit);
