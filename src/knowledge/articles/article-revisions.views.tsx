import { EmptyState, PostForm } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import { EditItem } from '../../discussions/revisions.views.tsx';
import type { ArticleEdit } from './articles.revisions.service.ts';
import type { Article } from './articles.store.ts';
import { ArticlesBreadcrumb } from './articles.views.tsx';


/** The history of an article: every edit, newest first, as word diffs, each with a restore form for editors. */
export function ArticleRevisionsPage(p: { ctx: ViewContext; community: { slug: string; name: string }; a: Article; edits: ArticleEdit[]; canEdit: boolean }) {
  const base = `/c/${p.community.slug}/a/${p.a.id}`;
  return (
    <>
      <ArticlesBreadcrumb community={p.community} />
      <h1>History of “{p.a.title}”</h1>
      <p class="meta">
        <a href={base}>The article</a> is at version {p.a.revision}.
      </p>
      <p class="diff-legend meta">
        <ins>Added words</ins> and <del>removed words</del> are marked in each edit.
      </p>
      {p.edits.length === 0 ? (
        <EmptyState title="Never edited">
          <p>This article is as it was first written.</p>
        </EmptyState>
      ) : (
        <ol class="revision-list" reversed>
          {[...p.edits].reverse().map((e) => (
            <EditItem
              e={e}
              restore={
                p.canEdit && (
                  <PostForm ctx={p.ctx} action={`${base}/revisions/${e.revision}/restore`} class="article-restore" aria-label={`Restore version ${e.revision}`}>
                    <button class="button button--small button--secondary" type="submit">
                      Restore version {e.revision}
                    </button>
                  </PostForm>
                )
              }
            />
          ))}
        </ol>
      )}
    </>
  );
}
