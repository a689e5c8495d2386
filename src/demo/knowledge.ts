import { recordActivity } from '../core/activity.ts';
import type { Db } from '../core/db/index.ts';
import { renderMarkdown } from '../core/markdown/index.ts';
import { searchKeyOf } from '../knowledge/glossary/glossary.store.ts';
import { reviewDueFrom } from '../knowledge/lifecycle/lifecycle.service.ts';
import { demoArticles, demoCollections, demoTerms, type DemoArticle } from './knowledge-data.ts';

/** What the knowledge seed needs from the rest of the seed: people and communities by name, and time. */
export interface KnowledgeSeedIds {
  uid: (username: string) => number;
  communityId: (slug: string) => number;
  at: (daysAgo: number, hoursLater?: number) => string;
}

/**
 * Seeds the demo's knowledge repository: articles (each type, in several lifecycle states, with tags and
 * owners) and glossary terms, with the activity rows writing them would record. Returns the counts.
 */
export async function addDemoKnowledge(tx: Db, ids: KnowledgeSeedIds): Promise<{ articles: number; terms: number; collections: number }> {
  const articleIds = new Map<string, number>();
  for (const a of demoArticles) {
    const communityId = ids.communityId(a.community);
    const at = ids.at(a.daysAgo);
    const authorId = ids.uid(a.author);
    const { id } = await tx
      .insertInto('articles')
      .values({ community_id: communityId, author_id: authorId, type: a.type, title: a.title, body: a.body, body_html: renderMarkdown(a.body).html, state: a.state, wiki: a.wiki ? 1 : 0, created_at: at, updated_at: at, edited_at: null, edited_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const owner of [a.author, ...(a.owners ?? [])]) await tx.insertInto('article_owners').values({ article_id: id, user_id: ids.uid(owner), added_at: at }).execute();
    for (const tag of a.tags) await tx.insertInto('article_tags').values({ article_id: id, community_id: communityId, tag }).execute();
    await recordActivity(tx, { actorId: authorId, verb: 'article.created', communityId, subjectType: 'article', subjectId: id, data: { title: a.title, type: a.type }, at });
    await addLifecycle(tx, ids, a, { id, communityId, authorId });
    articleIds.set(a.title, id);
  }
  for (const t of demoTerms) {
    const communityId = ids.communityId(t.community);
    const at = ids.at(t.daysAgo);
    const ownerId = ids.uid(t.owner);
    const { id } = await tx
      .insertInto('glossary_terms')
      .values({ community_id: communityId, term: t.term, term_key: t.term.toLowerCase(), definition: t.definition, definition_html: renderMarkdown(t.definition).html, synonyms: JSON.stringify(t.synonyms), search_key: searchKeyOf(t.term, t.synonyms), owner_id: ownerId, created_by: ownerId, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordActivity(tx, { actorId: ownerId, verb: 'glossary.term_created', communityId, subjectType: 'glossary_term', subjectId: id, data: { term: t.term }, at });
  }
  for (const c of demoCollections) await addCollection(tx, ids, c, articleIds);
  return { articles: demoArticles.length, terms: demoTerms.length, collections: demoCollections.length };
}

const DEFAULT_REVIEW_DAYS = 180;

/** The state changes that brought an article to its demo state, as the lifecycle would have recorded them. */
async function addLifecycle(tx: Db, ids: KnowledgeSeedIds, a: DemoArticle, art: { id: number; communityId: number; authorId: number }): Promise<void> {
  if (a.state === 'draft') return;
  const proposedAt = ids.at(a.daysAgo, 2);
  const step = async (from: string, to: string, actorId: number, reason: string, at: string, verb: string) => {
    await tx.insertInto('article_transitions').values({ article_id: art.id, from_state: from, to_state: to, actor_id: actorId, reason, successor_id: null, created_at: at }).execute();
    await recordActivity(tx, { actorId, verb, communityId: art.communityId, subjectType: 'article', subjectId: art.id, data: { title: a.title, from, to, ...(reason ? { reason } : {}) }, at });
  };
  await step('draft', 'proposed', art.authorId, '', proposedAt, 'article.proposed');
  if (a.state === 'proposed') {
    await tx.updateTable('articles').set({ endorsement_round: 1 }).where('id', '=', art.id).execute();
    return;
  }
  if (!a.endorsedBy) throw new Error(`demo article "${a.title}" is endorsed but names no endorser`);
  const endorserId = ids.uid(a.endorsedBy);
  const endorsedAt = ids.at(a.daysAgo - 1);
  await tx.insertInto('article_endorsements').values({ article_id: art.id, round: 1, user_id: endorserId, note: '', created_at: endorsedAt }).execute();
  await recordActivity(tx, { actorId: endorserId, verb: 'article.endorsement_added', communityId: art.communityId, subjectType: 'article', subjectId: art.id, data: { title: a.title }, at: endorsedAt });
  await step('proposed', 'endorsed', endorserId, 'endorsed by a steward', endorsedAt, 'article.endorsed');
  await tx.updateTable('articles').set({ endorsement_round: 1, reviewed_at: endorsedAt, review_due_at: reviewDueFrom(endorsedAt, DEFAULT_REVIEW_DAYS) }).where('id', '=', art.id).execute();
}

/** A collection and its items, found by title among the demo's articles and the community's topics. */
async function addCollection(tx: Db, ids: KnowledgeSeedIds, c: (typeof demoCollections)[number], articleIds: Map<string, number>): Promise<void> {
  const communityId = ids.communityId(c.community);
  const ownerId = ids.uid(c.owner);
  const at = ids.at(c.daysAgo);
  const { id } = await tx
    .insertInto('collections')
    .values({ community_id: communityId, owner_id: ownerId, title: c.title, description: c.description, description_html: renderMarkdown(c.description).html, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  let position = 0;
  for (const item of c.items) {
    const target = item.article ? { type: 'article' as const, id: articleIds.get(item.article) } : { type: 'topic' as const, id: (await tx.selectFrom('topics').select('id').where('community_id', '=', communityId).where('title', '=', item.topic ?? '').executeTakeFirst())?.id };
    if (target.id === undefined) throw new Error(`demo collection "${c.title}" names something that is not there: ${item.article ?? item.topic}`);
    await tx.insertInto('collection_items').values({ collection_id: id, position: position++, target_type: target.type, target_id: target.id, note: item.note ?? '', added_by: ownerId, created_at: at }).execute();
  }
  await recordActivity(tx, { actorId: ownerId, verb: 'collection.created', communityId, subjectType: 'collection', subjectId: id, data: { title: c.title }, at });
}
