import type { Generated } from 'kysely';

/** The cycles of the Wenger-Trayner value-creation framework a story can reach. */
export type ValueCycle = 'immediate' | 'potential' | 'applied' | 'realized' | 'reframing';
/** What the "what it gave you" prompt describes: value now, value for later, or both. */
export type ValueKind = 'immediate' | 'potential' | 'both';

/** A member's value-creation story, in the framework's prompts (src/analytics/value). */
export interface ValueStoryTable {
  id: Generated<number>;
  community_id: number;
  author_id: number;
  title: string;
  /** What happened in the community (the activity). */
  happened: string;
  /** What it gave them (immediate or potential value). */
  gained: string;
  value_kind: ValueKind;
  /** What they did differently ('' when not told). */
  applied: string;
  /** What difference it made ('' when not told). */
  realized: string;
  /** What it changed in how success is defined ('' when not told). */
  reframing: string;
  created_at: string;
  updated_at: string;
}

/** A cycle a story reaches (derived from its prompts and value kind). */
export interface ValueStoryCycleTable {
  story_id: number;
  community_id: number;
  cycle: ValueCycle;
  /** The story's created_at, so cycles count by period without a join. */
  created_at: string;
}

/** A thread, article or (when the calendar lands) event a story links to. */
export interface ValueStoryLinkTable {
  story_id: number;
  target_type: 'topic' | 'article' | 'event';
  target_id: number;
  position: number;
}

/** Activity rows per community, month, verb and subject type: `n` all actors, `people` person accounts only. */
export interface VerbMonthTable {
  community_id: number;
  month: string;
  verb: string;
  subject_type: string;
  n: number;
  people: number;
}

/** Tables of src/analytics/value (added to Database in ../schema.ts). */
export interface ValueStoriesTables {
  value_stories: ValueStoryTable;
  value_story_cycles: ValueStoryCycleTable;
  value_story_links: ValueStoryLinkTable;
  analytics_verb_months: VerbMonthTable;
}
