/**
 * How one act of the activity stream counts in the activity rollups (docs/analytics/activity.md).
 * Pure: the step reads the rows (with the post's kind and author joined in, for demo rows that lack
 * them) and folds them with these functions.
 */

/** An activity row as the activity step reads it from the database. */
export interface ActRow {
  actorId: number | null;
  verb: string;
  communityId: number;
  at: string;
  data: Record<string, unknown>;
  /** posts.kind and posts.author_id when the subject is a post. */
  postKind: string | null;
  postAuthorId: number | null;
  /** topics.kind when the subject is a topic. */
  topicKind: string | null;
}

export type Counter = 'questions' | 'answers' | 'replies' | 'articles' | 'comments' | 'events' | 'reactions' | 'views';
/** The counters that make up `contributions`. */
export const CONTRIBUTION_COUNTERS: readonly Counter[] = ['questions', 'answers', 'replies', 'articles', 'comments', 'events'];

const REACTIONS = new Set(['post.voted', 'post.reacted', 'knowledge.applied', 'article.endorsement_added']);
const VIEWS = new Set(['topic.viewed', 'article.viewed']);

/**
 * The counter an act adds to for its actor, or null when it only counts as an act. `replies` holds
 * every discussion post that is not a question or an answer: replies and discussions opened.
 */
export function counterOf(r: ActRow): Counter | null {
  switch (r.verb) {
    case 'topic.created':
      return topicKind(r) === 'question' ? 'questions' : 'replies';
    case 'post.created':
      return postKind(r) === 'answer' ? 'answers' : 'replies';
    case 'comment.created':
      return 'comments';
    case 'article.created':
      return 'articles';
    case 'event.created':
      return 'events';
    default:
      if (REACTIONS.has(r.verb)) return 'reactions';
      if (VIEWS.has(r.verb)) return 'views';
      return null;
  }
}

function topicKind(r: ActRow): string | null {
  const k = r.data['kind'];
  return typeof k === 'string' ? k : r.topicKind;
}

function postKind(r: ActRow): string | null {
  const k = r.data['kind'];
  return typeof k === 'string' ? k : r.postKind;
}

/** Whose accepted answer an `answer.accepted` row credits (data.answerAuthorId, else the post's author). */
export function acceptedAuthor(r: ActRow): number | null {
  if (r.verb !== 'answer.accepted') return null;
  const a = r.data['answerAuthorId'];
  return typeof a === 'number' ? a : r.postAuthorId;
}

/** A row of analytics_member_months, before it is written. */
export interface MemberMonth {
  communityId: number;
  month: string;
  userId: number;
  contributions: number;
  questions: number;
  answers: number;
  replies: number;
  articles: number;
  comments: number;
  events: number;
  reactions: number;
  views: number;
  accepted: number;
  acts: number;
  firstAt: string | null;
  lastAt: string | null;
}

function emptyMemberMonth(communityId: number, month: string, userId: number): MemberMonth {
  return { communityId, month, userId, contributions: 0, questions: 0, answers: 0, replies: 0, articles: 0, comments: 0, events: 0, reactions: 0, views: 0, accepted: 0, acts: 0, firstAt: null, lastAt: null };
}

/**
 * Folds acts of one community into one row per (month, member): the actor's counters and acts, and
 * the accepted-answer credit for the answer's author. Rows outside `months` are ignored.
 */
export function foldMemberMonths(communityId: number, rows: readonly ActRow[], months: ReadonlySet<string>): MemberMonth[] {
  const out = new Map<string, MemberMonth>();
  const get = (month: string, userId: number): MemberMonth => {
    const key = `${month}|${userId}`;
    let m = out.get(key);
    if (!m) out.set(key, (m = emptyMemberMonth(communityId, month, userId)));
    return m;
  };
  for (const r of rows) {
    const month = r.at.slice(0, 7);
    if (!months.has(month)) continue;
    if (r.actorId !== null) {
      const m = get(month, r.actorId);
      m.acts += 1;
      if (m.firstAt === null || r.at < m.firstAt) m.firstAt = r.at;
      if (m.lastAt === null || r.at > m.lastAt) m.lastAt = r.at;
      const c = counterOf(r);
      if (c) {
        m[c] += 1;
        if (CONTRIBUTION_COUNTERS.includes(c)) m.contributions += 1;
      }
    }
    const author = acceptedAuthor(r);
    if (author !== null) get(month, author).accepted += 1;
  }
  return [...out.values()];
}
