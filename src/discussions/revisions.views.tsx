import type { ComponentChildren } from 'preact';
import { EmptyState, TimeAgo } from '../core/views/components.tsx';
import { TopicBreadcrumb } from './discussions.views.tsx';
import type { Post } from './posts.store.ts';
import type { DiffPart, Edit } from './revisions.service.ts';

/**
 * A word-level diff as <ins>/<del>. Screen readers do not announce those elements, so each change
 * also carries hidden words ("added:", "removed:", "end") around it.
 */
export function WordDiff({ parts, label }: { parts: DiffPart[]; label: string }) {
  return (
    <div class="diff" role="group" aria-label={label}>
      {parts.map((p) =>
        p.op === 'added' ? (
          <ins>
            <span class="visually-hidden">[added: </span>
            {p.text}
            <span class="visually-hidden">]</span>
          </ins>
        ) : p.op === 'removed' ? (
          <del>
            <span class="visually-hidden">[removed: </span>
            {p.text}
            <span class="visually-hidden">]</span>
          </del>
        ) : (
          <span>{p.text}</span>
        ),
      )}
    </div>
  );
}

/** One edit with its word diffs; `restore` is an optional control shown under it (articles). */
export function EditItem({ e, restore }: { e: Edit; restore?: ComponentChildren }) {
  return (
    <li class="revision" id={`revision-${e.revision}`}>
      <h2>
        Edit {e.revision}: version {e.revision} → {e.revision + 1}
      </h2>
      <p class="meta">
        By <a href={`/u/${e.editor.username}`}>{e.editor.displayName}</a> <TimeAgo at={e.createdAt} />
        {e.reason ? ` — “${e.reason}”` : ' — no reason given'}
      </p>
      {e.title && (
        <>
          <h3>Title</h3>
          <WordDiff parts={e.title.diff} label={`Changes to the title in edit ${e.revision}`} />
        </>
      )}
      <h3>Text</h3>
      {e.body.before === e.body.after ? <p class="meta">The text did not change.</p> : <WordDiff parts={e.body.diff} label={`Changes to the text in edit ${e.revision}`} />}
      {restore}
    </li>
  );
}

/** The history of a post: every edit, newest first, each as a word diff of what it changed. */
export function RevisionsPage(p: { topic: { id: number; title: string; community: { slug: string; name: string } }; post: Post; edits: Edit[] }) {
  const postHref = `/c/${p.topic.community.slug}/t/${p.topic.id}#post-${p.post.id}`;
  return (
    <>
      <TopicBreadcrumb community={p.topic.community} topic={p.topic} />
      <h1>History of a post</h1>
      <p class="meta">
        <a href={postHref}>The post</a> by <a href={`/u/${p.post.author.username}`}>{p.post.author.displayName}</a>, written <TimeAgo at={p.post.createdAt} />.{' '}
        {p.edits.length === 1 ? 'Edited once.' : p.edits.length > 1 ? `Edited ${p.edits.length} times.` : ''}
      </p>
      <p class="diff-legend meta">
        <ins>Added words</ins> and <del>removed words</del> are marked in each edit.
      </p>
      {p.edits.length === 0 ? (
        <EmptyState title="Never edited">
          <p>This post is as it was first written.</p>
        </EmptyState>
      ) : (
        <ol class="revision-list" reversed>
          {[...p.edits].reverse().map((e) => (
            <EditItem e={e} />
          ))}
        </ol>
      )}
    </>
  );
}
