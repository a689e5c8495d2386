import type { ValueCycle, ValueKind } from '../../core/db/tables/value-stories.ts';

export type { ValueCycle, ValueKind };

/** The cycles in the order the framework tells them (Wenger, Trayner & de Laat 2011). */
export const VALUE_CYCLES: readonly ValueCycle[] = ['immediate', 'potential', 'applied', 'realized', 'reframing'];
export const VALUE_KINDS: readonly ValueKind[] = ['immediate', 'potential', 'both'];

/** What each cycle means, as the matrix and the story form say it. */
export const CYCLE_TEXT: Record<ValueCycle, { label: string; question: string }> = {
  immediate: { label: 'Immediate value', question: 'Activities and interactions that were useful in themselves: a question answered, help given, a good conversation.' },
  potential: { label: 'Potential value', question: 'Knowledge capital for later: skills, insight, connections, documented practices.' },
  applied: { label: 'Applied value', question: 'Practice changed: people did something differently because of the community.' },
  realized: { label: 'Realized value', question: 'Performance improved: the change made a difference that matters to the organisation.' },
  reframing: { label: 'Reframing value', question: 'What counts as success was redefined: new goals, criteria or strategies.' },
};

/** The prompts of a story that decide its cycles. */
export interface StoryPrompts {
  gained: string;
  valueKind: ValueKind;
  applied: string;
  realized: string;
  reframing: string;
}

/**
 * The cycles a story reaches, in framework order. "What it gave you" is immediate value, potential
 * value or both as the author chose (valueKind); each later prompt that is filled reaches its cycle:
 * applied (what you did differently), realized (what difference it made), reframing.
 */
export function cyclesOf(s: StoryPrompts): ValueCycle[] {
  const out = new Set<ValueCycle>();
  if (s.gained.trim() !== '') {
    if (s.valueKind !== 'potential') out.add('immediate');
    if (s.valueKind !== 'immediate') out.add('potential');
  }
  if (s.applied.trim() !== '') out.add('applied');
  if (s.realized.trim() !== '') out.add('realized');
  if (s.reframing.trim() !== '') out.add('reframing');
  return VALUE_CYCLES.filter((c) => out.has(c));
}

/** One automatic indicator of a cycle: the sum of the person-account activity of these verbs. */
export interface IndicatorDef {
  key: string;
  cycle: ValueCycle;
  label: string;
  /** verb, or verb with the subject type it must have. */
  verbs: ReadonlyArray<{ verb: string; subjectType?: string }>;
}

/**
 * The matrix's automatic indicators, read from analytics_verb_months (docs/analytics/value.md says why
 * each belongs to its cycle, and which proposed ones cannot be counted per community yet).
 */
export const INDICATORS: readonly IndicatorDef[] = [
  { key: 'responses', cycle: 'immediate', label: 'Replies and answers posted', verbs: [{ verb: 'post.created' }] },
  { key: 'comments', cycle: 'immediate', label: 'Comments', verbs: [{ verb: 'comment.created' }] },
  { key: 'answersAccepted', cycle: 'immediate', label: 'Answers accepted', verbs: [{ verb: 'answer.accepted' }] },
  { key: 'reactions', cycle: 'immediate', label: 'Votes and reactions', verbs: [{ verb: 'post.voted' }, { verb: 'post.reacted' }] },
  { key: 'articlesWritten', cycle: 'potential', label: 'Articles written', verbs: [{ verb: 'article.created' }] },
  { key: 'threadsCaptured', cycle: 'potential', label: 'Threads captured as articles', verbs: [{ verb: 'article.promoted' }] },
  { key: 'practicesEndorsed', cycle: 'potential', label: 'Practices endorsed', verbs: [{ verb: 'article.endorsed' }] },
  { key: 'glossaryTerms', cycle: 'potential', label: 'Glossary terms defined', verbs: [{ verb: 'glossary.term_created' }] },
  { key: 'articlesApplied', cycle: 'applied', label: '“I applied this” on articles', verbs: [{ verb: 'knowledge.applied', subjectType: 'article' }] },
  { key: 'mentorshipsStarted', cycle: 'applied', label: 'Mentorships started', verbs: [{ verb: 'mentorship.started' }] },
  { key: 'articleReads', cycle: 'applied', label: 'Article reads by members (reuse)', verbs: [{ verb: 'article.viewed' }] },
  { key: 'answersApplied', cycle: 'realized', label: '“I applied this” on answers', verbs: [{ verb: 'knowledge.applied', subjectType: 'post' }] },
  { key: 'eventsAttended', cycle: 'realized', label: 'Event attendances (when the calendar lands)', verbs: [{ verb: 'event.attended' }] },
  { key: 'practicesSuperseded', cycle: 'reframing', label: 'Practices superseded by new ones', verbs: [{ verb: 'article.superseded' }] },
];

/** Every verb an indicator reads (the store filters the rollup by them). */
export const INDICATOR_VERBS: readonly string[] = [...new Set(INDICATORS.flatMap((d) => d.verbs.map((v) => v.verb)))];

/** One rollup row as the measures read it. */
export interface VerbCount {
  month: string;
  verb: string;
  subjectType: string;
  people: number;
}

const matches = (d: IndicatorDef, r: VerbCount) => d.verbs.some((v) => v.verb === r.verb && (v.subjectType === undefined || v.subjectType === r.subjectType));

/** Each indicator's total over the rows (rows already limited to the window). */
export function indicatorTotals(rows: readonly VerbCount[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(INDICATORS.map((d) => [d.key, 0]));
  for (const r of rows) for (const d of INDICATORS) if (matches(d, r)) out[d.key] = (out[d.key] ?? 0) + r.people;
  return out;
}

/** Per month of `months`, the sum of each cycle's indicators (0 where nothing happened). */
export function cycleSeries(rows: readonly VerbCount[], months: readonly string[]): Record<ValueCycle, number[]> {
  const index = new Map(months.map((m, i) => [m, i]));
  const out = Object.fromEntries(VALUE_CYCLES.map((c) => [c, months.map(() => 0)])) as Record<ValueCycle, number[]>;
  for (const r of rows) {
    const i = index.get(r.month);
    if (i === undefined) continue;
    for (const d of INDICATORS) if (matches(d, r)) out[d.cycle][i] = (out[d.cycle][i] ?? 0) + r.people;
  }
  return out;
}
