// Inline voting on topic pages. Enhances the ▲/▼ vote forms (form[data-vote-post]) so a vote goes
// through the JSON API (PUT/DELETE /api/v1/posts/:id/vote) and the score and pressed state update in
// place. Without this script the same forms post to the server and come back to the post.

/** @param {HTMLFormElement} form @param {{score: number, myVote: 1 | -1 | null}} state */
function render(form, state) {
  const score = form.querySelector('[data-vote-score]');
  if (score) score.textContent = String(state.score);
  for (const button of form.querySelectorAll('button[data-vote-value]')) {
    const value = Number(button.dataset.voteValue);
    const on = state.myVote === value;
    button.setAttribute('aria-pressed', on ? 'true' : 'false');
    // Pressing the pressed button again takes the vote back, as the plain form does.
    button.value = on ? '0' : String(value);
  }
}

/** @param {HTMLFormElement} form @param {string} message */
function showError(form, message) {
  let note = form.parentElement?.querySelector(`[data-vote-error="${form.dataset.votePost}"]`);
  if (!note) {
    note = document.createElement('p');
    note.className = 'vote__error';
    note.setAttribute('role', 'alert');
    note.dataset.voteError = form.dataset.votePost ?? '';
    form.after(note);
  }
  note.textContent = message;
}

/** @param {HTMLFormElement} form */
function clearError(form) {
  form.parentElement?.querySelector(`[data-vote-error="${form.dataset.votePost}"]`)?.remove();
}

/** @param {SubmitEvent} event */
async function onSubmit(event) {
  const form = /** @type {HTMLFormElement} */ (event.currentTarget);
  const button = /** @type {HTMLButtonElement | null} */ (event.submitter);
  if (!button?.dataset.voteValue || form.getAttribute('aria-busy') === 'true') return;
  event.preventDefault();
  const url = `/api/v1/posts/${form.dataset.votePost}/vote`;
  const takeBack = button.getAttribute('aria-pressed') === 'true';
  const csrf = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="_csrf"]'))?.value ?? '';
  form.setAttribute('aria-busy', 'true');
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
      showError(form, data?.error?.message ?? 'Your vote could not be saved. Reload the page and try again.');
      return;
    }
    clearError(form);
    render(form, data);
  } catch {
    showError(form, 'Your vote could not be sent. Check your connection and try again.');
  } finally {
    form.removeAttribute('aria-busy');
  }
}

for (const form of document.querySelectorAll('form[data-vote-post]')) {
  form.addEventListener('submit', onSubmit);
}
