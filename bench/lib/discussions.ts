import { EPOCH, iso, SPAN_MS, type Organisation } from './organisation.ts';
import { progress } from './progress.ts';
import type { Rng } from './random.ts';
import type { Scale } from './scales.ts';
import type { BulkTarget, Column, Row } from './target.ts';
import type { TextWriter } from './text.ts';

const TOPIC_COLUMNS: Column[] = [['id', 'int'], ['community_id', 'int'], ['author_id', 'int'], ['kind', 'text'], ['title', 'text'], ['reply_count', 'int'], ['answer_count', 'int'], ['accepted_post_id', 'int'], ['last_posted_at', 'text'], ['created_at', 'text'], ['updated_at', 'text']];
const POST_COLUMNS: Column[] = [['id', 'int'], ['topic_id', 'int'], ['author_id', 'int'], ['kind', 'text'], ['body', 'text'], ['body_html', 'text'], ['score', 'int'], ['comment_count', 'int'], ['created_at', 'text'], ['updated_at', 'text']];
const VOTE_COLUMNS: Column[] = [['post_id', 'int'], ['user_id', 'int'], ['value', 'int'], ['created_at', 'text'], ['updated_at', 'text']];
const COMMENT_COLUMNS: Column[] = [['id', 'int'], ['post_id', 'int'], ['author_id', 'int'], ['body', 'text'], ['body_html', 'text'], ['created_at', 'text']];
const TOPIC_TAG_COLUMNS: Column[] = [['topic_id', 'int'], ['community_id', 'int'], ['tag', 'text']];
const ACTIVITY_COLUMNS: Column[] = [['actor_id', 'int'], ['verb', 'text'], ['community_id', 'int'], ['subject_type', 'text'], ['subject_id', 'int'], ['data', 'text'], ['created_at', 'text']];

/**
 * Posts per topic: one opening post plus a long-tailed number of replies (most threads short, one in
 * ten several times longer), adjusted so the total is exactly `posts`.
 */
export function planThreadSizes(rng: Rng, topics: number, posts: number): Int32Array {
  const sizes = new Int32Array(topics);
  const meanReplies = Math.max(0, posts / topics - 1);
  let total = 0;
  for (let i = 0; i < topics; i++) {
    const stretch = rng.chance(0.1) ? 4.6 : 0.6;
    sizes[i] = 1 + Math.floor(meanReplies * stretch * -Math.log(1 - rng.next()));
    total += sizes[i]!;
  }
  while (total !== posts) {
    const i = rng.int(topics);
    if (total < posts) {
      sizes[i]!++;
      total++;
    } else if (sizes[i]! > 1) {
      sizes[i]!--;
      total--;
    }
  }
  return sizes;
}

interface Buffers {
  topics: Row[];
  posts: Row[];
  votes: Row[];
  comments: Row[];
  topicTags: Row[];
  activity: Row[];
}

async function flush(target: BulkTarget, b: Buffers): Promise<number> {
  const rows = b.topics.length + b.posts.length + b.votes.length + b.comments.length + b.topicTags.length + b.activity.length;
  await target.transaction(async () => {
    await target.insert('topics', TOPIC_COLUMNS, b.topics);
    await target.insert('topic_tags', TOPIC_TAG_COLUMNS, b.topicTags);
    for (let i = 0; i < b.posts.length; i += 5000) await target.insert('posts', POST_COLUMNS, b.posts.slice(i, i + 5000));
    await target.insert('votes', VOTE_COLUMNS, b.votes);
    await target.insert('comments', COMMENT_COLUMNS, b.comments);
    await target.insert('activity', ACTIVITY_COLUMNS, b.activity);
  });
  for (const k of Object.keys(b) as Array<keyof Buffers>) b[k] = [];
  return rows;
}

/**
 * Topics (60% questions), their posts, votes (score = sum of votes), comments, tags, accepted answers
 * (about half the answered questions) and a topic.created activity row each. Streams in batches.
 */
export async function generateDiscussions(target: BulkTarget, scale: Scale, rng: Rng, text: TextWriter, org: Organisation): Promise<void> {
  const sizes = planThreadSizes(rng, scale.topics, scale.posts);
  const b: Buffers = { topics: [], posts: [], votes: [], comments: [], topicTags: [], activity: [] };
  const bar = progress('posts', scale.posts);
  let postId = 0;
  let commentId = 0;
  for (let t = 0; t < scale.topics; t++) {
    const topicId = t + 1;
    const c = org.communityPicker.sample(rng);
    const members = org.members[c]!;
    const who = () => members[org.activity[c]!.sample(rng)]!;
    const question = rng.chance(0.6);
    const opened = EPOCH + Math.floor((SPAN_MS * t) / scale.topics) + rng.int(3600_000);
    const author = who();
    let at = opened;
    let bestAnswer: { id: number; score: number } | null = null;
    const n = sizes[t]!;
    for (let i = 0; i < n; i++) {
      postId++;
      if (i > 0) at += 60_000 + Math.floor(-Math.log(1 - rng.next()) * 3 * 3600_000);
      const kind = i === 0 ? 'opening' : question ? 'answer' : 'reply';
      const body = text.body();
      const voters = new Set<number>();
      let score = 0;
      while (voters.size < members.length && rng.chance(voters.size === 0 ? 0.45 : 0.5)) {
        const v = who();
        if (voters.has(v)) continue;
        voters.add(v);
        const value = rng.chance(0.9) ? 1 : -1;
        score += value;
        b.votes.push([postId, v, value, iso(at + 3600_000), iso(at + 3600_000)]);
      }
      let comments = 0;
      if (rng.chance(0.15)) {
        comments = 1 + rng.int(3);
        for (let k = 0; k < comments; k++) {
          const body = text.comment();
          b.comments.push([++commentId, postId, who(), body, `<p>${body}</p>\n`, iso(at + (k + 1) * 600_000)]);
        }
      }
      b.posts.push([postId, topicId, i === 0 ? author : who(), kind, body.markdown, body.html, score, comments, iso(at), iso(at)]);
      if (kind === 'answer' && (bestAnswer === null || score > bestAnswer.score)) bestAnswer = { id: postId, score };
    }
    const accepted = bestAnswer && rng.chance(0.55) ? bestAnswer.id : null;
    b.topics.push([topicId, c + 1, author, question ? 'question' : 'discussion', text.title(question), n - 1, question ? n - 1 : 0, accepted, iso(at), iso(opened), iso(at)]);
    const tags = new Set<string>();
    const want = 1 + rng.int(3);
    while (tags.size < want) tags.add(org.tags[c]![org.tagPicker[c]!.sample(rng)]!);
    for (const tag of tags) b.topicTags.push([topicId, c + 1, tag]);
    b.activity.push([author, 'topic.created', c + 1, 'topic', topicId, JSON.stringify({ kind: question ? 'question' : 'discussion' }), iso(opened)]);
    if (b.posts.length >= 20_000 || t === scale.topics - 1) {
      const posts = b.posts.length;
      bar.tick(posts, await flush(target, b));
    }
  }
  bar.done();
}
