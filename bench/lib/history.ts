import { createRng, WeightedSampler, zipfWeights, type Rng } from './random.ts';
import type { BulkTarget, Column, Row } from './target.ts';
import { progress } from './progress.ts';

/*
 * One community's history for the health-analytics benchmark (issue 8): `members` people joining over
 * `months` months, a few doing most of the work (Zipf), most going quiet after a while, and `activity`
 * rows of every kind the dashboards read — questions and discussions, answers and replies, comments,
 * votes, reactions, accepted answers, articles, "I applied this", views, joins — with the topics,
 * posts, comments and articles they name, in time order.
 */

export interface HistoryOptions {
  members: number;
  activity: number;
  months: number;
  /** The history ends here. */
  end: Date;
  seed?: number;
}

export interface History {
  communityId: number;
  slug: string;
  stewardId: number;
  memberId: number;
  counts: Record<string, number>;
}

const USER: Column[] = [['id', 'int'], ['username', 'text'], ['email', 'text'], ['password_hash', 'text'], ['display_name', 'text'], ['bio', 'text'], ['discipline', 'text'], ['location', 'text'], ['time_zone', 'text'], ['role', 'text'], ['created_at', 'text'], ['updated_at', 'text']];
const COMMUNITY: Column[] = [['id', 'int'], ['slug', 'text'], ['name', 'text'], ['domain_statement', 'text'], ['description', 'text'], ['formality', 'text'], ['sponsor', 'text'], ['locality', 'text'], ['location', 'text'], ['visibility', 'text'], ['join_policy', 'text'], ['member_count', 'int'], ['created_by', 'int'], ['created_at', 'text'], ['updated_at', 'text']];
const MEMBERSHIP: Column[] = [['community_id', 'int'], ['user_id', 'int'], ['role', 'text'], ['created_at', 'text']];
const TOPIC: Column[] = [['id', 'int'], ['community_id', 'int'], ['author_id', 'int'], ['kind', 'text'], ['title', 'text'], ['reply_count', 'int'], ['answer_count', 'int'], ['accepted_post_id', 'int'], ['last_posted_at', 'text'], ['created_at', 'text'], ['updated_at', 'text']];
const POST: Column[] = [['id', 'int'], ['topic_id', 'int'], ['author_id', 'int'], ['kind', 'text'], ['body', 'text'], ['body_html', 'text'], ['score', 'int'], ['comment_count', 'int'], ['created_at', 'text'], ['updated_at', 'text']];
const COMMENT: Column[] = [['id', 'int'], ['post_id', 'int'], ['author_id', 'int'], ['body', 'text'], ['body_html', 'text'], ['created_at', 'text']];
const ARTICLE: Column[] = [['id', 'int'], ['community_id', 'int'], ['author_id', 'int'], ['type', 'text'], ['title', 'text'], ['body', 'text'], ['body_html', 'text'], ['state', 'text'], ['wiki', 'int'], ['revision', 'int'], ['created_at', 'text'], ['updated_at', 'text']];
const ACTIVITY: Column[] = [['id', 'int'], ['actor_id', 'int'], ['verb', 'text'], ['community_id', 'int'], ['subject_type', 'text'], ['subject_id', 'int'], ['data', 'text'], ['created_at', 'text']];

/** Share of the activity rows of each kind (community.joined is one per member, on top). */
const MIX: Array<[verb: string, share: number]> = [
  ['topic.viewed', 0.28], ['post.created', 0.24], ['post.voted', 0.17], ['topic.created', 0.08], ['comment.created', 0.08],
  ['post.reacted', 0.06], ['article.viewed', 0.04], ['answer.accepted', 0.025], ['knowledge.applied', 0.01], ['article.created', 0.005], ['article.endorsement_added', 0.005],
];
const DISCIPLINES = ['engineering', 'research', 'operations', 'design', 'support', 'finance', '', ''];
const PLACES = ['Lisbon', 'Nairobi', 'Toronto', 'Pune', 'Berlin', '', ''];
const MONTH_MS = 30.44 * 86_400_000;

/** Writes the history into an empty, migrated target (ids from 1). */
export async function generateHistory(target: BulkTarget, o: HistoryOptions): Promise<History> {
  const rng = createRng(o.seed ?? 8);
  const end = o.end.getTime();
  const start = end - o.months * MONTH_MS;
  const iso = (ms: number) => new Date(ms).toISOString();
  // Members join on a growth curve (slow start, fast middle, steady later) and stay active for a while.
  const join = new Float64Array(o.members);
  const quit = new Float64Array(o.members);
  for (let i = 0; i < o.members; i++) {
    join[i] = i === 0 ? start : start + Math.pow(rng.next(), 0.7) * (end - start) * 0.97;
    quit[i] = i < 5 ? end : Math.min(end, join[i]! + -Math.log(1 - rng.next()) * 14 * MONTH_MS);
  }
  const weight = zipfWeights(o.members, 1.05);
  shuffle(rng, weight, 1);
  const sampler = new WeightedSampler(weight);
  const mix = new WeightedSampler(MIX.map(([, s]) => s));

  const users: Row[] = [];
  const memberships: Row[] = [];
  const activity: Array<[number, string, number, string, number, string, number]> = [];
  for (let i = 0; i < o.members; i++) {
    const at = iso(join[i]!);
    users.push([i + 1, `member${i + 1}`, `member${i + 1}@bench.example`, null, `Member ${i + 1}`, '', DISCIPLINES[rng.int(DISCIPLINES.length)]!, PLACES[rng.int(PLACES.length)]!, 'UTC', 'member', at, at]);
    memberships.push([1, i + 1, i === 0 ? 'steward' : 'member', at]);
    activity.push([i + 1, 'community.joined', 1, 'user', i + 1, '{"via":"bench"}', join[i]!]);
  }
  // Events: an actor by weight, a time inside their active span.
  const events: Array<{ verb: string; actor: number; at: number }> = [];
  for (let k = 0; k < o.activity - o.members; k++) {
    const m = sampler.sample(rng);
    events.push({ verb: MIX[mix.sample(rng)]![0], actor: m + 1, at: join[m]! + rng.next() * (quit[m]! - join[m]!) });
  }
  events.sort((a, b) => a.at - b.at);

  const topics: Row[] = [];
  const posts: Row[] = [];
  const comments: Row[] = [];
  const articles: Row[] = [];
  const topicInfo: Array<{ id: number; asker: number; question: boolean; answers: Array<{ id: number; author: number }>; accepted: boolean }> = [];
  const articleIds: number[] = [];
  const recent = <T>(xs: T[]): T | undefined => (xs.length === 0 ? undefined : xs[Math.max(0, xs.length - 1 - rng.int(Math.min(xs.length, 300)))]);
  for (const e of events) {
    const at = iso(e.at);
    let verb = e.verb;
    if (verb !== 'topic.created' && verb !== 'article.created' && topicInfo.length === 0) verb = 'topic.created';
    if ((verb === 'article.viewed' || verb === 'knowledge.applied' || verb === 'article.endorsement_added') && articleIds.length === 0) verb = 'article.created';
    if (verb === 'topic.created') {
      const question = rng.chance(0.6);
      const id = topicInfo.length + 1;
      topicInfo.push({ id, asker: e.actor, question, answers: [], accepted: false });
      topics.push([id, 1, e.actor, question ? 'question' : 'discussion', `Topic ${id}`, 0, 0, null, at, at, at]);
      posts.push([posts.length + 1, id, e.actor, 'opening', `Opening of ${id}`, `<p>Opening of ${id}</p>\n`, 0, 0, at, at]);
      activity.push([e.actor, verb, 1, 'topic', id, JSON.stringify({ title: `Topic ${id}`, kind: question ? 'question' : 'discussion' }), e.at]);
    } else if (verb === 'post.created') {
      const t = recent(topicInfo)!;
      const kind = t.question ? 'answer' : 'reply';
      const id = posts.length + 1;
      posts.push([id, t.id, e.actor, kind, `Post ${id}`, `<p>Post ${id}</p>\n`, 0, 0, at, at]);
      if (t.question && e.actor !== t.asker) t.answers.push({ id, author: e.actor });
      activity.push([e.actor, verb, 1, 'post', id, JSON.stringify({ topicId: t.id, title: `Topic ${t.id}`, kind }), e.at]);
    } else if (verb === 'comment.created') {
      const postId = 1 + Math.max(0, posts.length - 1 - rng.int(Math.min(posts.length, 500)));
      const id = comments.length + 1;
      comments.push([id, postId, e.actor, `Comment ${id}`, `<p>Comment ${id}</p>\n`, at]);
      activity.push([e.actor, verb, 1, 'comment', id, JSON.stringify({ postId, topicId: posts[postId - 1]![1] }), e.at]);
    } else if (verb === 'answer.accepted') {
      const t = [...topicInfo.slice(-300)].reverse().find((x) => x.question && !x.accepted && x.answers.length > 0);
      if (!t) continue;
      t.accepted = true;
      const a = t.answers[rng.int(t.answers.length)]!;
      activity.push([t.asker, verb, 1, 'post', a.id, JSON.stringify({ topicId: t.id, previous: null, answerAuthorId: a.author }), e.at]);
    } else if (verb === 'post.voted' || verb === 'post.reacted') {
      const postId = 1 + Math.max(0, posts.length - 1 - rng.int(Math.min(posts.length, 500)));
      const p = posts[postId - 1]!;
      activity.push([e.actor, verb, 1, 'post', postId, JSON.stringify(verb === 'post.voted' ? { value: 1, previous: 0, topicId: p[1], postAuthorId: p[2] } : { reaction: 'thanks', topicId: p[1] }), e.at]);
    } else if (verb === 'topic.viewed') {
      activity.push([e.actor, verb, 1, 'topic', recent(topicInfo)!.id, '{}', e.at]);
    } else if (verb === 'article.created') {
      const id = articles.length + 1;
      articleIds.push(id);
      articles.push([id, 1, e.actor, 'how-to', `Article ${id}`, `Body ${id}`, `<p>Body ${id}</p>\n`, 'published', 0, 1, at, at]);
      activity.push([e.actor, verb, 1, 'article', id, JSON.stringify({ title: `Article ${id}`, type: 'how-to' }), e.at]);
    } else {
      const id = articleIds[rng.int(articleIds.length)]!;
      activity.push([e.actor, verb, 1, 'article', id, JSON.stringify({ title: `Article ${id}` }), e.at]);
    }
  }
  activity.sort((a, b) => a[6] - b[6]);

  const counts: Record<string, number> = { users: users.length, topics: topics.length, posts: posts.length, comments: comments.length, articles: articles.length, activity: activity.length };
  const bar = progress('history rows', users.length + topics.length + posts.length + comments.length + articles.length + activity.length);
  const write = async (table: string, cols: Column[], rows: Row[]) => {
    for (let i = 0; i < rows.length; i += 10_000) {
      const chunk = rows.slice(i, i + 10_000);
      await target.transaction(() => target.insert(table, cols, chunk));
      bar.tick(chunk.length);
    }
  };
  await write('users', USER, users);
  const first = iso(start);
  await write('communities', COMMUNITY, [[1, 'guild', 'The Guild', 'Everything the guild knows', '', 'formal', 'Operations', 'distributed', '', 'public', 'open', o.members, 1, first, first]]);
  await write('memberships', MEMBERSHIP, memberships);
  await write('topics', TOPIC, topics);
  await write('posts', POST, posts);
  await write('comments', COMMENT, comments);
  await write('articles', ARTICLE, articles);
  await write('activity', ACTIVITY, activity.map((a, i) => [i + 1, a[0], a[1], a[2], a[3], a[4], a[5], iso(a[6])]));
  bar.done();
  await target.finish(['users', 'communities', 'topics', 'posts', 'comments', 'articles', 'activity']);
  return { communityId: 1, slug: 'guild', stewardId: 1, memberId: 2, counts };
}

function shuffle(rng: Rng, xs: Float64Array, from: number): void {
  for (let i = xs.length - 1; i > from; i--) {
    const j = from + rng.int(i - from + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
}
