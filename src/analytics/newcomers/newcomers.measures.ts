import { quantile } from '../responsiveness/responsiveness.measures.ts';
import type { ActivityRow } from '../refresh.ts';

/** Pure rules of the newcomer figures (docs/analytics/newcomers.md). */

/** The trajectory of legitimate peripheral participation, in order (Lave & Wenger). */
export const STEPS = ['read', 'react', 'ask', 'reply', 'accepted', 'article', 'event', 'mentor'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_LABELS: Record<Step | 'joined', string> = {
  joined: 'Joined',
  read: 'Read',
  react: 'Reacted',
  ask: 'Asked',
  reply: 'Replied',
  accepted: 'Answer accepted',
  article: 'Wrote an article',
  event: 'Hosted an event',
  mentor: 'Mentored',
};

/** Steps that are contributions (time to first contribution). */
export const CONTRIBUTION_STEPS: readonly Step[] = ['ask', 'reply', 'article', 'event'];
/** No new step for this many days: the newcomer has stalled. */
export const STALL_DAYS = 60;
const DAY = 86_400_000;

/** A step a row shows someone reaching; `userId` null when the row lacks who (resolved from the tables). */
export interface StepHit {
  userId: number | null;
  step: Step;
  at: string;
  /** For 'ask' without data.kind: the topic to look up; for 'accepted' without data.answerAuthorId: the post. */
  lookup?: { topicId?: number; postId?: number };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** The trajectory step an activity row shows its actor (or the credited member) reaching, if any. */
export function stepOf(r: ActivityRow): StepHit | null {
  const actor = r.actorId;
  switch (r.verb) {
    case 'topic.viewed':
    case 'article.viewed':
      return actor === null ? null : { userId: actor, step: 'read', at: r.at };
    case 'post.voted':
    case 'post.reacted':
    case 'knowledge.applied':
      return actor === null ? null : { userId: actor, step: 'react', at: r.at };
    case 'topic.created':
      if (actor === null || r.data.kind === 'discussion') return null;
      return r.data.kind === 'question' ? { userId: actor, step: 'ask', at: r.at } : { userId: actor, step: 'ask', at: r.at, lookup: { topicId: r.subjectId ?? 0 } };
    case 'post.created':
    case 'comment.created':
      return actor === null ? null : { userId: actor, step: 'reply', at: r.at };
    case 'answer.accepted': {
      const author = num(r.data.answerAuthorId);
      return author !== null ? { userId: author, step: 'accepted', at: r.at } : { userId: null, step: 'accepted', at: r.at, lookup: { postId: r.subjectId ?? 0 } };
    }
    case 'article.created':
      return actor === null ? null : { userId: actor, step: 'article', at: r.at };
    case 'event.created':
      return actor === null ? null : { userId: actor, step: 'event', at: r.at };
    case 'mentorship.started': {
      const mentor = num(r.data.mentorId) ?? actor;
      return mentor === null ? null : { userId: mentor, step: 'mentor', at: r.at };
    }
    default:
      return null;
  }
}

/** Acts that make a member "active" for retention: anything they did in the community but bookkeeping. */
export const ACTIVE_VERBS = new Set([
  'topic.viewed', 'article.viewed', 'post.voted', 'post.reacted', 'knowledge.applied', 'article.endorsement_added',
  'topic.created', 'post.created', 'comment.created', 'answer.accepted', 'article.created', 'article.endorsed',
  'event.created', 'event.attended', 'mentorship.started', 'glossary.term_created', 'value_story.created',
]);

/** Retention windows, in days after joining: [from, to). */
export const RETURN_30: readonly [number, number] = [30, 60];
export const RETURN_90: readonly [number, number] = [90, 180];

/** True when `at` falls in [joined + from days, joined + to days). */
export function within(joinedAt: string, at: string, [from, to]: readonly [number, number]): boolean {
  const d = Date.parse(at) - Date.parse(joinedAt);
  return d >= from * DAY && d < to * DAY;
}

/** True once the whole retention window has passed (the member could have come back in it). */
export const windowPassed = (joinedAt: string, now: Date, [, to]: readonly [number, number]) => now.getTime() - Date.parse(joinedAt) >= to * DAY;

/** Days (one decimal) from `from` to `to`, never negative. */
export const daysBetween = (from: string, to: string) => Math.max(0, Math.round(((Date.parse(to) - Date.parse(from)) / DAY) * 10) / 10);

/** Where a newcomer stands: the furthest step reached (in trajectory order), and whether they have stalled there. */
export interface Standing {
  furthest: Step | 'joined';
  /** When they last reached a new step (or joined). */
  lastStepAt: string;
  /** No new step for STALL_DAYS days and not at the last step. */
  stalled: boolean;
}

/** The standing of a newcomer who joined at `joinedAt` and reached `reached` (step → first time), at `now`. */
export function standing(joinedAt: string, reached: ReadonlyMap<Step, string>, now: Date): Standing {
  let furthest: Step | 'joined' = 'joined';
  let lastStepAt = joinedAt;
  for (const s of STEPS) {
    const at = reached.get(s);
    if (at === undefined) continue;
    furthest = s;
    if (at > lastStepAt) lastStepAt = at;
  }
  const stalled = furthest !== 'mentor' && now.getTime() - Date.parse(lastStepAt) >= STALL_DAYS * DAY;
  return { furthest, lastStepAt, stalled };
}

/** Median of a list (null when empty), one decimal. */
export function median(values: readonly number[]): number | null {
  const m = quantile(values, 0.5);
  return m === null ? null : Math.round(m * 10) / 10;
}

/** Time to first contribution: days from joining to the earliest contribution step (null when none). */
export function daysToFirstContribution(joinedAt: string, reached: ReadonlyMap<Step, string>): number | null {
  const times = CONTRIBUTION_STEPS.flatMap((s) => (reached.has(s) ? [reached.get(s)!] : [])).sort();
  return times.length === 0 ? null : daysBetween(joinedAt, times[0]!);
}
