import type { EvidenceKind } from '../../core/db/tables/expertise.ts';

/**
 * The numbers behind demonstrated expertise and reputation, in one place (docs/people/expertise.md
 * and docs/people/recognition.md quote them).
 *
 * Expertise of a member in a tag = Σ over evidence items carrying the tag of weight × 0.5^(age / half-life),
 * where age is days from the evidence's date to now. Negative totals count as 0.
 */
export const HALF_LIFE_DAYS = 365;

/** Expertise weight of one accepted answer. */
export const ACCEPTED_ANSWER_WEIGHT = 10;
/** Expertise weight per point of an answer's net score (upvotes − downvotes). */
export const ANSWER_VOTE_WEIGHT = 2;
/** Expertise weight of one endorsed article, to each of its owners. */
export const ENDORSED_ARTICLE_WEIGHT = 15;
/** Expertise weight per member who applied one of the member's answers or articles. */
export const APPLIED_WEIGHT = 3;

/** Reputation points: per upvote on an answer, per upvote on a question, per downvote received, accepted answer, endorsed article, per "I applied this". */
export const POINTS = { answerUpvote: 10, questionUpvote: 5, downvote: -2, acceptedAnswer: 15, endorsedArticle: 20, applied: 5 } as const;

/** Human names of the evidence kinds. */
export const evidenceLabels: Record<EvidenceKind, string> = {
  accepted_answer: 'Accepted answer',
  answer_votes: 'Answer votes',
  question_votes: 'Question votes',
  endorsed_article: 'Endorsed article',
  applied: 'Applied by others',
};

const DAY_MS = 86_400_000;

/** The decay factor of evidence dated `at` seen at `now`: 1 today, ½ one half-life ago. Future dates count as today. */
export function decayFactor(at: string, now: Date, halfLifeDays = HALF_LIFE_DAYS): number {
  const ageDays = Math.max(0, (now.getTime() - Date.parse(at)) / DAY_MS);
  return Math.pow(0.5, ageDays / halfLifeDays);
}

/** Votes on an answer: expertise weight from the net score, reputation from ups and downs. */
export function answerVoteEvidence(up: number, down: number): { weight: number; points: number } {
  return { weight: ANSWER_VOTE_WEIGHT * (up - down), points: POINTS.answerUpvote * up + POINTS.downvote * down };
}

/** Votes on a question: reputation only (asking well is not expertise in the tag). */
export function questionVoteEvidence(up: number, down: number): { weight: number; points: number } {
  return { weight: 0, points: POINTS.questionUpvote * up + POINTS.downvote * down };
}

/** Rounds a score for display and the API (one decimal). */
export function roundScore(x: number): number {
  return Math.round(x * 10) / 10;
}
