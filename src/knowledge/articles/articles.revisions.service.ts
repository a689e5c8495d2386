import type { Deps } from '../../core/deps.ts';
import { notFound } from '../../core/http/errors.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { wordDiff, type DiffPart } from '../../discussions/revisions.service.ts';
import { listRevisions, type Article, type Person } from './articles.store.ts';
import { assertMayEdit, editArticle, findReadableArticle, type ReadableArticle } from './articles.service.ts';

/** One edit: it replaced version `revision` with the next one; who, when, why, and word diffs. */
export interface ArticleEdit {
  revision: number;
  editor: Person;
  reason: string;
  createdAt: string;
  title: { before: string; after: string; diff: DiffPart[] } | null;
  body: { before: string; after: string; diff: DiffPart[] };
}

/** The edit history of an article the actor may read, oldest edit first. */
export async function articleHistory(deps: Deps, actor: Actor | null, id: number): Promise<ReadableArticle & { edits: ArticleEdit[] }> {
  const r = await findReadableArticle(deps, actor, id);
  const revs = await listRevisions(deps.db, id);
  const edits = revs.map((rev, i): ArticleEdit => {
    const next = revs[i + 1];
    const titleAfter = next ? next.title : r.article.title;
    const bodyAfter = next ? next.body : r.article.body;
    return {
      revision: rev.revision,
      editor: rev.editor,
      reason: rev.reason,
      createdAt: rev.createdAt,
      title: rev.title !== titleAfter ? { before: rev.title, after: titleAfter, diff: wordDiff(rev.title, titleAfter) } : null,
      body: { before: rev.body, after: bodyAfter, diff: wordDiff(rev.body, bodyAfter) },
    };
  });
  return { ...r, edits };
}

/** Restores stored version `rev` as a new revision (same rights as editing); 404 when there is no such stored version. */
export async function restoreRevision(deps: Deps, actor: Actor | null, id: number, rev: number): Promise<Article> {
  assertMayEdit(actor, await findReadableArticle(deps, actor, id));
  const found = (await listRevisions(deps.db, id)).find((x) => x.revision === rev);
  if (!found) throw notFound('Revision');
  return editArticle(deps, actor, id, { title: found.title, body: found.body, reason: `Restored version ${rev}` }, 'article.restored');
}
