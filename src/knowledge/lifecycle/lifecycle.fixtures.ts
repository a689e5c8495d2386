import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../core/db/index.ts';
import { api, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { addMember, makeUser } from '../../../test/helpers/factories.ts';
import { makeAnswer, makeQuestion } from '../../discussions/answers/answers.fixtures.ts';
import { articlesWorld, countRows, writeArticleVia } from '../articles/articles.fixtures.ts';

/** Row counts of every lifecycle table, the articles and activity: for "writes nothing" assertions. */
export async function lifecycleCounts(db: Db): Promise<number[]> {
  const tables = ['articles', 'article_transitions', 'article_endorsements', 'community_knowledge_settings', 'activity'] as const;
  const counts = await Promise.all(tables.map((t) => countRows(db, t)));
  const states = await db.selectFrom('articles').select(['id', 'state', 'superseded_by', 'review_due_at']).orderBy('id').execute();
  return [...counts, states.length, JSON.stringify(states).length];
}

/** Gives the user demonstrated expertise in `tag` in the community: an answer that is accepted ('accepted'), scores 2 ('score'), or only 1 ('weak'). */
export async function giveExpertise(db: Db, communityId: number, userId: number, tag: string, how: 'accepted' | 'score' | 'weak' = 'accepted'): Promise<void> {
  const q = await makeQuestion(db, communityId, userId, { title: `Question about ${tag}` });
  await db.insertInto('topic_tags').values({ topic_id: q.topicId, community_id: communityId, tag }).execute();
  const answer = await makeAnswer(db, q.topicId, userId);
  if (how === 'accepted') await db.updateTable('topics').set({ accepted_post_id: answer }).where('id', '=', q.topicId).execute();
  else await db.updateTable('posts').set({ score: how === 'score' ? 2 : 1 }).where('id', '=', answer).execute();
}

/**
 * The articles world plus three expert members (tag "knives") in each community, signed in.
 * "member" (Ben) writes the articles; "other" (Cat) has no expertise.
 */
export async function lifecycleWorld(t: TestApp) {
  const w = await articlesWorld(t);
  const db = t.deps.db;
  const experts: Browser[] = [];
  const expertUsers = [];
  for (let i = 0; i < 3; i++) {
    const u = await makeUser(db, { display_name: `Expert ${i + 1}` });
    expertUsers.push(u);
    for (const c of [w.pub, w.priv]) {
      await addMember(db, c.id, u.id);
      await giveExpertise(db, c.id, u.id, 'knives', i === 1 ? 'score' : 'accepted');
    }
    experts.push(await signInAs(t, u.id));
  }
  return { ...w, experts: experts as [Browser, Browser, Browser], expertUsers };
}

/** Writes an article tagged "knives" as `browser`; returns its id. */
export async function writeTagged(t: TestApp, browser: Browser, slug: string, fields: Record<string, unknown> = {}): Promise<number> {
  return (await writeArticleVia(t, browser, slug, { tags: ['knives'], ...fields })).id;
}

/** POSTs a transition through the API. */
export function transition(t: TestApp, id: number, body: Record<string, unknown>, as?: Omit<Browser, 'userId'>): Promise<LightMyRequestResponse> {
  return api(t, 'POST', `/api/v1/articles/${id}/transitions`, body, as);
}

/** Endorses through the API. */
export function endorse(t: TestApp, id: number, as?: Omit<Browser, 'userId'>, note?: string): Promise<LightMyRequestResponse> {
  return api(t, 'POST', `/api/v1/articles/${id}/endorsements`, note === undefined ? {} : { note }, as);
}

/** The state of an article, straight from the database. */
export async function stateOf(db: Db, id: number): Promise<string | undefined> {
  return (await db.selectFrom('articles').select('state').where('id', '=', id).executeTakeFirst())?.state;
}

/** Fails unless the response has the status; returns it for chaining. */
export function expectStatus(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body.slice(0, 300)}`);
  return res;
}
