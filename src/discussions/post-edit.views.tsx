import type { Config } from '../core/config.ts';
import type { FieldIssue } from '../core/http/errors.ts';
import { ErrorSummary, Field, PostForm } from '../core/views/components.tsx';
import type { ViewContext } from '../core/views/context.ts';
import { TopicBreadcrumb } from './discussions.views.tsx';
import { MARKDOWN_HINT } from './topic-form.views.tsx';

/** What the edit form holds. Title and tags only for an opening post. */
export interface EditFormValues {
  title: string | null;
  body: string;
  tags: string | null;
  reason: string;
}

interface Where {
  ctx: ViewContext;
  topic: { id: number; title: string; community: { slug: string; name: string } };
  postId: number;
}

/** The page for editing a post: title and tags for an opening post, the body, and why. */
export function EditPostPage(p: Where & { values: EditFormValues; issues: FieldIssue[]; limits: Config['limits'] }) {
  const base = `/c/${p.topic.community.slug}/t/${p.topic.id}`;
  return (
    <>
      <TopicBreadcrumb community={p.topic.community} topic={p.topic} />
      <h1>Edit {p.values.title !== null ? 'topic' : 'post'}</h1>
      <p class="meta">
        The current version is kept in the post’s <a href={`${base}/posts/${p.postId}/revisions`}>history</a>, where anyone who can read it sees what changed.
      </p>
      <ErrorSummary issues={p.issues} />
      <PostForm ctx={p.ctx} action={`${base}/posts/${p.postId}/edit`} class="topic-form">
        {p.values.title !== null && <Field name="title" label="Title" value={p.values.title} issues={p.issues} required maxLength={p.limits.titleMax} />}
        <div data-markdown-preview>
          <Field name="body" label="Text" value={p.values.body} issues={p.issues} required multiline rows={12} maxLength={p.limits.bodyMax} hint={MARKDOWN_HINT} />
        </div>
        {p.values.tags !== null && <Field name="tags" label="Tags" value={p.values.tags} issues={p.issues} hint={`Up to ${p.limits.tagsMax}, separated by commas.`} />}
        <Field name="reason" label="Reason for the edit" value={p.values.reason} issues={p.issues} maxLength={300} hint="Shown in the history, e.g. “fixed a typo”." />
        <div class="actions">
          <button type="submit">Save changes</button>
          <a href={`${base}#post-${p.postId}`}>Cancel</a>
        </div>
      </PostForm>
    </>
  );
}

/** The page confirming a delete, asking why. Deleting an opening post deletes the topic. */
export function DeletePostPage(p: Where & { opening: boolean; reason: string; issues: FieldIssue[]; reasonRequired: boolean }) {
  const base = `/c/${p.topic.community.slug}/t/${p.topic.id}`;
  return (
    <>
      <TopicBreadcrumb community={p.topic.community} topic={p.topic} />
      <h1>Delete {p.opening ? 'this topic' : 'this post'}?</h1>
      <p>
        {p.opening
          ? 'Deleting the opening post deletes the whole topic: it leaves every list, and only moderators can still open it.'
          : 'The post stays in the thread as “deleted”, with your reason; only moderators can still read its text.'}
      </p>
      <ErrorSummary issues={p.issues} />
      <PostForm ctx={p.ctx} action={`${base}/posts/${p.postId}/delete`}>
        <Field name="reason" label="Reason" value={p.reason} issues={p.issues} required={p.reasonRequired} maxLength={300} hint="Shown in place of the post." />
        <div class="actions">
          <button type="submit" class="button--danger">
            Delete {p.opening ? 'topic' : 'post'}
          </button>
          <a href={`${base}#post-${p.postId}`}>Cancel</a>
        </div>
      </PostForm>
    </>
  );
}
