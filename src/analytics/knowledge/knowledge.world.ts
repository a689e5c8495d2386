import { recordActivity } from '../../core/activity.ts';
import type { Db } from '../../core/db/index.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';

/** "Now" of the hand-made knowledge history. */
export const KNOWLEDGE_NOW = new Date('2026-11-26T12:00:00Z');
/** The evidence day: every item on one day, so shares are exact ratios of the weights. */
const EVIDENCE_AT = '2026-06-01T10:00:00.000Z';

/**
 * A hand-made knowledge history with known answers (docs/analytics/knowledge.md):
 *
 * Data Guild (public; steward Sara). Articles: A1 "Indexing basics" by Eve (created 2026-09-10),
 * A2 "Query plans" by Ben (2026-10-05, its body links to A1), A3 "Backups" by Cat (2026-11-02,
 * endorsed, due 2026-12-10), A4 "Old runbook" (endorsed, due 2027-03-01: not due), A5 "Stale guide"
 * (needs review, owners Ben and Cat), A6 "Vacuum schedule" (endorsed, due 2026-11-20: past).
 * Reuse: October — A1 viewed by Ben on two days and Cat once (Eve's own view not counted), applied by
 * Ben twice (one member), linked from A2 and from Ben's post; November — A2 viewed by Cat, A1
 * applied by Cat. So Sep 1 created / 0 reuse, Oct 1 / 6 (3 views, 2 links, 1 applied), Nov 1 / 2.
 *
 * Expertise: "sql" Eve 30 (3 items) + Fay 10 + Hal 4 + a bot 2 = 46 over 6 items: Eve and Fay hold
 * 40/46; Eve last acted 2026-09-10 (writing A1: viewing it in October does not count), Fay
 * 2026-07-15: at risk, quiet 77 days. Apprentices: Ivy (a question and an answer in sql in November: 1 + 3 = 4
 * points) before Hal (evidence 4 decayed 178 days ≈ 2.85); the bot is left out. "ops": Eve 20 + Gus
 * 15 + Cat 5 over 5 items: concentrated in Eve and Gus, but Gus acted on 2026-11-20: not at risk.
 * "python": five members 10 each (spread). "tiny": Fay 10 over 2 items (too little evidence).
 *
 * Vault (private; steward Sara, member Ben): one article, for privacy checks.
 */
export async function knowledgeWorld(db: Db) {
  const mk = (name: string) => makeUser(db, { display_name: name });
  const sara = await mk('Sara Steward');
  const [ben, cat, eve, fay, gus, hal, ivy, outsider] = [await mk('Ben Member'), await mk('Cat Member'), await mk('Eve Expert'), await mk('Fay Expert'), await mk('Gus Active'), await mk('Hal Learner'), await mk('Ivy Asker'), await mk('Otto Outsider')];
  const bot = await makeUser(db, { display_name: 'Build Bot' });
  await db.updateTable('users').set({ account_kind: 'bot' }).where('id', '=', bot.id).execute();
  const guild = await makeCommunity(db, sara.id, { name: 'Data Guild', visibility: 'public', join_policy: 'open' });
  const vault = await makeCommunity(db, sara.id, { name: 'Vault', visibility: 'private', join_policy: 'invite' });
  for (const u of [ben, cat, eve, fay, gus, hal, ivy, bot]) await addMember(db, guild.id, u.id);
  await addMember(db, vault.id, ben.id);

  const act = (actorId: number, verb: string, at: string, subjectType: string, subjectId: number | null, communityId = guild.id, data: Record<string, unknown> = {}) => recordActivity(db, { actorId, verb, communityId, subjectType, subjectId, at, data });
  const article = async (authorId: number, title: string, createdAt: string, extra: { state?: string; review_due_at?: string | null; communityId?: number; owners?: number[] } = {}) => {
    const a = await db
      .insertInto('articles')
      .values({ community_id: extra.communityId ?? guild.id, author_id: authorId, type: 'how_to', title, body: 'Body.', body_html: '<p>Body.</p>', state: extra.state ?? 'draft', created_at: createdAt, updated_at: createdAt, edited_at: null, edited_by: null, review_due_at: extra.review_due_at ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, owner] of (extra.owners ?? [authorId]).entries()) await db.insertInto('article_owners').values({ article_id: a.id, user_id: owner, added_at: `${createdAt.slice(0, 19)}.00${i}Z` }).execute();
    return Number(a.id);
  };
  const a1 = await article(eve.id, 'Indexing basics', '2026-09-10T09:00:00.000Z');
  await act(eve.id, 'article.created', '2026-09-10T09:00:00.000Z', 'article', a1);
  const a2 = await article(ben.id, 'Query plans', '2026-10-05T09:00:00.000Z');
  await db.insertInto('links').values({ source_type: 'article', source_id: a2, target_type: 'article', target_id: a1, created_at: '2026-10-05T09:00:00.000Z' }).execute();
  await act(ben.id, 'article.created', '2026-10-05T09:00:00.000Z', 'article', a2);
  const a3 = await article(cat.id, 'Backups', '2026-11-02T09:00:00.000Z', { state: 'endorsed', review_due_at: '2026-12-10T00:00:00.000Z' });
  await act(cat.id, 'article.created', '2026-11-02T09:00:00.000Z', 'article', a3);
  const a4 = await article(cat.id, 'Old runbook', '2025-03-01T09:00:00.000Z', { state: 'endorsed', review_due_at: '2027-03-01T00:00:00.000Z' });
  const a5 = await article(ben.id, 'Stale guide', '2025-02-01T09:00:00.000Z', { state: 'needs_review', review_due_at: '2026-11-01T00:00:00.000Z', owners: [ben.id, cat.id] });
  const a6 = await article(cat.id, 'Vacuum schedule', '2025-05-01T09:00:00.000Z', { state: 'endorsed', review_due_at: '2026-11-20T00:00:00.000Z' });
  const secret = await article(sara.id, 'Vault combination', '2026-10-01T09:00:00.000Z', { communityId: vault.id });
  await act(sara.id, 'article.created', '2026-10-01T09:00:00.000Z', 'article', secret, vault.id);

  // A discussion by Ben whose reply links to A1 (October), and Ben's question in sql that Ivy answers (November).
  const topic = async (authorId: number, title: string, kind: 'question' | 'discussion', at: string, tag: string) => {
    const t = await db.insertInto('topics').values({ community_id: guild.id, author_id: authorId, kind, title, reply_count: 0, last_posted_at: at, created_at: at, updated_at: at, accepted_post_id: null }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('posts').values({ topic_id: t.id, author_id: authorId, kind: 'opening', body: 'Q', body_html: '<p>Q</p>', created_at: at, updated_at: at, edited_at: null, deleted_at: null, deleted_by: null }).execute();
    await db.insertInto('topic_tags').values({ topic_id: t.id, community_id: guild.id, tag }).execute();
    await act(authorId, 'topic.created', at, 'topic', t.id, guild.id, { kind });
    return Number(t.id);
  };
  const post = async (topicId: number, authorId: number, kind: 'reply' | 'answer', at: string) => {
    const p = await db.insertInto('posts').values({ topic_id: topicId, author_id: authorId, kind, body: 'A', body_html: '<p>A</p>', created_at: at, updated_at: at, edited_at: null, deleted_at: null, deleted_by: null }).returning('id').executeTakeFirstOrThrow();
    await db.updateTable('topics').set({ last_posted_at: at }).where('id', '=', topicId).execute();
    await act(authorId, 'post.created', at, 'post', p.id, guild.id, { topicId, kind });
    return Number(p.id);
  };
  const chat = await topic(sara.id, 'Index chat', 'discussion', '2026-10-14T09:00:00.000Z', 'general');
  const linkingPost = await post(chat, ben.id, 'reply', '2026-10-15T09:00:00.000Z');
  await db.insertInto('links').values({ source_type: 'post', source_id: linkingPost, target_type: 'article', target_id: a1, created_at: '2026-10-15T09:00:00.000Z' }).execute();
  const sqlQuestion = await topic(ivy.id, 'Why is my join slow?', 'question', '2026-11-10T09:00:00.000Z', 'sql');
  await post(sqlQuestion, ivy.id, 'answer', '2026-11-12T09:00:00.000Z');

  // Views and "I applied this".
  await act(ben.id, 'article.viewed', '2026-10-01T09:00:00.000Z', 'article', a1);
  await act(ben.id, 'article.viewed', '2026-10-02T09:00:00.000Z', 'article', a1);
  await act(cat.id, 'article.viewed', '2026-10-02T10:00:00.000Z', 'article', a1);
  await act(eve.id, 'article.viewed', '2026-10-03T09:00:00.000Z', 'article', a1);
  await act(cat.id, 'article.viewed', '2026-11-03T09:00:00.000Z', 'article', a2);
  await act(ben.id, 'knowledge.applied', '2026-10-05T10:00:00.000Z', 'article', a1);
  await act(ben.id, 'knowledge.applied', '2026-10-06T10:00:00.000Z', 'article', a1);
  await act(cat.id, 'knowledge.applied', '2026-11-04T10:00:00.000Z', 'article', a1);

  // Last acts of the experts and learners.
  await act(eve.id, 'post.voted', '2026-08-01T10:00:00.000Z', 'post', linkingPost);
  await act(fay.id, 'post.voted', '2026-07-15T10:00:00.000Z', 'post', linkingPost);
  await act(gus.id, 'post.voted', '2026-11-20T10:00:00.000Z', 'post', linkingPost);
  await act(hal.id, 'post.voted', '2026-11-15T10:00:00.000Z', 'post', linkingPost);
  await act(bot.id, 'post.voted', '2026-11-16T10:00:00.000Z', 'post', linkingPost);

  // Demonstrated expertise, all on one day.
  let subject = 900_000;
  const evidence = async (userId: number, weights: number[], tag: string) => {
    for (const weight of weights) {
      const e = await db.insertInto('expertise_evidence').values({ user_id: userId, community_id: guild.id, kind: 'endorsed_article', subject_type: 'article', subject_id: (subject += 1), weight, points: 0, at: EVIDENCE_AT }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('expertise_evidence_tags').values({ evidence_id: e.id, tag }).execute();
    }
  };
  await evidence(eve.id, [10, 10, 10], 'sql');
  await evidence(fay.id, [10], 'sql');
  await evidence(hal.id, [4], 'sql');
  await evidence(bot.id, [2], 'sql');
  await evidence(eve.id, [10, 10], 'ops');
  await evidence(gus.id, [10, 5], 'ops');
  await evidence(cat.id, [5], 'ops');
  for (const u of [ben, cat, gus, hal, ivy]) await evidence(u.id, [10], 'python');
  await evidence(fay.id, [5, 5], 'tiny');

  return { sara, ben, cat, eve, fay, gus, hal, ivy, bot, outsider, guild, vault, a1, a2, a3, a4, a5, a6, secret, linkingPost, sqlQuestion };
}
