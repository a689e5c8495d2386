import type { Db } from '../../core/db/index.ts';
import { renderMarkdown } from '../../core/markdown/index.ts';
import { setTags } from '../articles/articles.store.ts';
import { checkTermInput } from '../glossary/glossary.rules.ts';
import { reviewDueFrom } from '../lifecycle/lifecycle.service.ts';
import { recordLinks } from '../links/links.store.ts';
import { insertTerm, searchKeyOf, updateTerm } from '../glossary/glossary.store.ts';
import { byCodeUnits } from './transfer.format.ts';
import type { ParsedArticle, ParsedTerm } from './transfer.parse.ts';

/** Who imports: their id and username. */
export interface Importer {
  id: number;
  username: string;
}

/** What became of one item. */
export type Outcome = 'created' | 'updated' | 'unchanged';

/** The transaction and what every item's writes need. */
export interface ImportContext {
  tx: Db;
  communityId: number;
  importer: Importer;
  /** Members named in the folder, by lower-cased username. */
  people: Map<string, number>;
  at: string;
  /** The site's origin (BASE_URL), for recording an article's internal links. */
  origin: string;
  /** The community's review interval, for articles imported as endorsed. */
  reviewIntervalDays: number;
}

const IMPORT_REASON = 'Imported from a knowledge folder';

/**
 * Records a state the import gives an article as a lifecycle transition, and (like endorsing)
 * starts the review clock of an endorsed article from now; other states have no review date.
 */
async function recordState(ctx: ImportContext, articleId: number, from: string, to: string): Promise<void> {
  if (from === to) return;
  const review = to === 'endorsed' ? { reviewed_at: ctx.at, review_due_at: reviewDueFrom(ctx.at, ctx.reviewIntervalDays) } : { review_due_at: null };
  await ctx.tx.updateTable('articles').set(review).where('id', '=', articleId).execute();
  await ctx.tx.insertInto('article_transitions').values({ article_id: articleId, from_state: from, to_state: to, actor_id: ctx.importer.id, reason: IMPORT_REASON, successor_id: null, created_at: ctx.at }).execute();
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sortedIds = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);

function personId(ctx: ImportContext, username: string | null): number {
  return (username && ctx.people.get(username.replace(/^@/, '').toLowerCase())) || ctx.importer.id;
}

/** Creates the article, or updates the one with the same title when anything differs. */
export async function importArticle(ctx: ImportContext, a: ParsedArticle, html: string): Promise<Outcome> {
  const { tx, communityId, at } = ctx;
  const authorId = personId(ctx, a.author);
  const ownerIds = sortedIds(a.owners && a.owners.length > 0 ? a.owners.map((u) => personId(ctx, u)) : [authorId]);
  const tags = [...a.tags].sort(byCodeUnits);
  const existing = await tx.selectFrom('articles').select(['id', 'type', 'state', 'wiki', 'body', 'title', 'revision']).where('community_id', '=', communityId).where('title', '=', a.title).orderBy('id').executeTakeFirst();
  if (!existing) {
    const created = a.created ?? at;
    const { id } = await tx
      .insertInto('articles')
      .values({ community_id: communityId, author_id: authorId, type: a.type, title: a.title, body: a.body, body_html: html, state: a.state, wiki: a.wiki ? 1 : 0, created_at: created, updated_at: a.updated ?? created, edited_at: null, edited_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('article_owners').values(ownerIds.map((user_id) => ({ article_id: id, user_id, added_at: created }))).execute();
    await setTags(tx, id, communityId, tags);
    await recordLinks(tx, { kind: 'article', id }, html, ctx.origin, at);
    await recordState(ctx, id, 'draft', a.state);
    return 'created';
  }
  const oldTags = (await tx.selectFrom('article_tags').select('tag').where('article_id', '=', existing.id).execute()).map((t) => t.tag).sort(byCodeUnits);
  const oldOwners = sortedIds((await tx.selectFrom('article_owners').select('user_id').where('article_id', '=', existing.id).execute()).map((o) => o.user_id));
  const bodyChanged = existing.body !== a.body;
  const ownersChanged = !same(oldOwners.map(String), ownerIds.map(String));
  const tagsChanged = !same(oldTags, tags);
  if (!bodyChanged && !ownersChanged && !tagsChanged && existing.type === a.type && existing.state === a.state && Number(existing.wiki) === (a.wiki ? 1 : 0)) return 'unchanged';
  if (bodyChanged) {
    await tx.insertInto('article_revisions').values({ article_id: existing.id, revision: existing.revision, editor_id: ctx.importer.id, title: existing.title, body: existing.body, reason: IMPORT_REASON, created_at: at }).execute();
  }
  await tx
    .updateTable('articles')
    .set({
      type: a.type, state: a.state, wiki: a.wiki ? 1 : 0, updated_at: at,
      ...(bodyChanged ? { body: a.body, body_html: html, revision: existing.revision + 1, edited_at: at, edited_by: ctx.importer.id } : {}),
    })
    .where('id', '=', existing.id)
    .execute();
  await recordState(ctx, existing.id, existing.state, a.state);
  if (bodyChanged) await recordLinks(tx, { kind: 'article', id: existing.id }, html, ctx.origin, at);
  if (tagsChanged) await setTags(tx, existing.id, communityId, tags);
  if (ownersChanged) {
    await tx.deleteFrom('article_owners').where('article_id', '=', existing.id).execute();
    await tx.insertInto('article_owners').values(ownerIds.map((user_id) => ({ article_id: existing.id, user_id, added_at: at }))).execute();
  }
  return 'updated';
}

/** Creates the term, or updates the one with the same term (case-insensitive) when anything differs. */
export async function importTerm(ctx: ImportContext, t: ParsedTerm): Promise<Outcome> {
  const { tx, communityId, at } = ctx;
  const key = t.term.trim().toLowerCase();
  const existing = await tx.selectFrom('glossary_terms').select(['id', 'term', 'definition', 'synonyms', 'owner_id']).where('community_id', '=', communityId).where('term_key', '=', key).executeTakeFirst();
  const ownerId = personId(ctx, t.owner);
  const owner = ownerId === ctx.importer.id ? undefined : t.owner?.replace(/^@/, '');
  const v = await checkTermInput(tx, communityId, existing?.id ?? null, { term: t.term, definition: t.definition, synonyms: t.synonyms, ...(owner ? { owner } : {}) }, ctx.importer.id);
  const values = {
    term: v.term, term_key: v.term.toLowerCase(), definition: v.definition, definition_html: renderMarkdown(v.definition).html,
    synonyms: JSON.stringify(v.synonyms), search_key: searchKeyOf(v.term, v.synonyms), owner_id: v.ownerId,
  };
  if (!existing) {
    const created = t.created ?? at;
    await insertTerm(tx, { ...values, community_id: communityId, created_by: ctx.importer.id, created_at: created, updated_at: t.updated ?? created });
    return 'created';
  }
  if (existing.term === v.term && existing.definition === v.definition && existing.synonyms === values.synonyms && existing.owner_id === v.ownerId) return 'unchanged';
  await updateTerm(tx, existing.id, { ...values, updated_at: at });
  return 'updated';
}
