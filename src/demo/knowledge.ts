import { recordActivity } from '../core/activity.ts';
import type { Db } from '../core/db/index.ts';
import { renderMarkdown } from '../core/markdown/index.ts';
import { searchKeyOf } from '../knowledge/glossary/glossary.store.ts';
import { demoArticles, demoTerms } from './knowledge-data.ts';

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
export async function addDemoKnowledge(tx: Db, ids: KnowledgeSeedIds): Promise<{ articles: number; terms: number }> {
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
  return { articles: demoArticles.length, terms: demoTerms.length };
}
