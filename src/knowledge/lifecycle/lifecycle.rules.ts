/**
 * The best-practice lifecycle as pure rules: which state changes exist, who may make them, and who may
 * endorse or delete. No database, no HTTP: the service asks, then acts. docs/knowledge/lifecycle.md
 * describes the same table for people.
 */

export const articleStates = ['draft', 'proposed', 'endorsed', 'needs_review', 'superseded', 'archived'] as const;
export type ArticleState = (typeof articleStates)[number];

/** Human names of the states. */
export const stateLabels: Record<ArticleState, string> = {
  draft: 'Draft',
  proposed: 'Proposed',
  endorsed: 'Endorsed',
  needs_review: 'Needs review',
  superseded: 'Superseded',
  archived: 'Archived',
};

/** States hidden from the default article list (a state filter still shows them). */
export const hiddenByDefault: readonly ArticleState[] = ['superseded', 'archived'];

/** States in which endorsements are collected (and may be withdrawn). */
export const endorsableStates: readonly ArticleState[] = ['proposed', 'needs_review'];

/** Who is asking, as far as the rules care. Moderators are members here; admins who are not members are nobody. */
export interface Who {
  member: boolean;
  owner: boolean;
  steward: boolean;
}

/** Why a request is refused: `invalid` = not possible from this state (409), `forbidden` = not for you (403), `field` = a field is wrong (400). */
export type Refusal = { ok: false; kind: 'invalid' | 'forbidden' | 'field'; field?: string; message: string };
export type Verdict<T = object> = ({ ok: true } & T) | Refusal;

type Actor = 'owner' | 'steward' | 'member';

/** One manual transition: from which states, who may make it, and the activity verb it records. */
interface Edge {
  from: readonly ArticleState[];
  to: ArticleState;
  by: readonly Actor[];
  verb: string;
  reasonRequired: boolean;
  successorRequired: boolean;
}

const edges: Edge[] = [
  { from: ['draft'], to: 'proposed', by: ['owner'], verb: 'article.proposed', reasonRequired: false, successorRequired: false },
  { from: ['proposed'], to: 'draft', by: ['owner'], verb: 'article.proposal_withdrawn', reasonRequired: false, successorRequired: false },
  { from: ['endorsed'], to: 'needs_review', by: ['member'], verb: 'article.needs_review', reasonRequired: true, successorRequired: false },
  { from: ['needs_review'], to: 'endorsed', by: ['owner', 'steward'], verb: 'article.reconfirmed', reasonRequired: false, successorRequired: false },
  { from: ['proposed', 'endorsed', 'needs_review'], to: 'superseded', by: ['owner', 'steward'], verb: 'article.superseded', reasonRequired: false, successorRequired: true },
  { from: ['draft', 'proposed', 'endorsed', 'needs_review', 'superseded'], to: 'archived', by: ['owner', 'steward'], verb: 'article.archived', reasonRequired: true, successorRequired: false },
];

const plain = (s: ArticleState) => stateLabels[s].toLowerCase();

function allowed(by: readonly Actor[], who: Who): boolean {
  if (!who.member) return false;
  return by.some((b) => b === 'member' || (b === 'owner' && who.owner) || (b === 'steward' && who.steward));
}

function describe(by: readonly Actor[]): string {
  if (by.includes('member')) return 'members of the community';
  return by.map((b) => (b === 'owner' ? 'its owners' : 'stewards')).join(' or ');
}

/** What a manual transition needs, when it exists. */
export interface TransitionPlan {
  verb: string;
  reasonRequired: boolean;
  successorRequired: boolean;
}

/**
 * May `who` move an article from `from` to `to` by hand? Endorsement (proposed → endorsed) is not a
 * manual transition: it happens through endorsements. The review interval's needs_review is the system's.
 */
export function checkTransition(from: ArticleState, to: ArticleState, who: Who): Verdict<TransitionPlan> {
  if (from === to) return { ok: false, kind: 'invalid', field: 'to', message: `The article is already ${plain(from)}.` };
  if (from === 'proposed' && to === 'endorsed') {
    return { ok: false, kind: 'invalid', field: 'to', message: 'A proposed article becomes endorsed through endorsements (by a steward, or by enough members with expertise in its tags), not by a state change.' };
  }
  const edge = edges.find((e) => e.to === to && e.from.includes(from));
  if (!edge) return { ok: false, kind: 'invalid', field: 'to', message: `A ${plain(from)} article cannot become ${plain(to)}.` };
  if (!allowed(edge.by, who)) return { ok: false, kind: 'forbidden', message: `Only ${describe(edge.by)} may make a ${plain(from)} article ${plain(to)}.` };
  return { ok: true, verb: edge.verb, reasonRequired: edge.reasonRequired, successorRequired: edge.successorRequired };
}

/** The states `who` may move an article in state `from` to by hand, in lifecycle order. */
export function availableTransitions(from: ArticleState, who: Who): ArticleState[] {
  return articleStates.filter((to) => checkTransition(from, to, who).ok);
}

/** The community's endorsement rules. */
export interface EndorsementRules {
  stewardEndorsement: boolean;
  endorsementsRequired: number;
}

/**
 * May `who` endorse an article in `state`? `immediate` when a steward's endorsement endorses at once.
 * Order of refusals: not a member, own article, wrong state, no expertise.
 */
export function checkEndorse(state: ArticleState, who: Who, hasExpertise: boolean, rules: EndorsementRules): Verdict<{ immediate: boolean }> {
  if (!who.member) return { ok: false, kind: 'forbidden', message: 'Only members of this community may endorse its articles.' };
  if (who.owner) return { ok: false, kind: 'forbidden', message: 'You cannot endorse an article you own.' };
  if (!endorsableStates.includes(state)) return { ok: false, kind: 'invalid', message: `Only proposed articles or articles that need review can be endorsed; this one is ${plain(state)}.` };
  if (who.steward && rules.stewardEndorsement) return { ok: true, immediate: true };
  if (!hasExpertise) {
    return { ok: false, kind: 'forbidden', message: 'Endorsing needs demonstrated expertise in one of the article’s tags: an accepted answer, or an answer scored 2 or more, in a topic of this community with that tag.' };
  }
  return { ok: true, immediate: false };
}

/** May an endorsement be withdrawn in `state`? Only while endorsements are being collected. */
export function checkUnendorse(state: ArticleState): Verdict {
  if (!endorsableStates.includes(state)) return { ok: false, kind: 'invalid', message: `Endorsements can be withdrawn only while the article is proposed or needs review; this one is ${plain(state)}.` };
  return { ok: true };
}

/** May `who` delete the article? Stewards always; owners while it is a draft that was never proposed. */
export function checkDelete(state: ArticleState, everProposed: boolean, who: Who): Verdict {
  if (!who.member) return { ok: false, kind: 'forbidden', message: 'Only stewards, or owners of a draft that was never proposed, may delete an article.' };
  if (who.steward) return { ok: true };
  if (who.owner && state === 'draft' && !everProposed) return { ok: true };
  if (who.owner) return { ok: false, kind: 'forbidden', message: 'Owners may delete only a draft that was never proposed; archive it instead, or ask a steward.' };
  return { ok: false, kind: 'forbidden', message: 'Only stewards, or owners of a draft that was never proposed, may delete an article.' };
}

/** A state read from the database or a request, narrowed; unknown values read as draft. */
export function asState(v: string): ArticleState {
  return (articleStates as readonly string[]).includes(v) ? (v as ArticleState) : 'draft';
}
