/*
 * The lifecycle stage of a community of practice (Wenger, McDermott & Snyder 2002, "Cultivating
 * Communities of Practice", ch. 4–5: potential, coalescing, maturing, stewardship, transformation),
 * estimated each month from what the activity stream can see. A decision list, so the reason is one
 * rule and its evidence: docs/analytics.md gives the thresholds and why.
 */

export const STAGES = ['potential', 'coalescing', 'maturing', 'stewardship', 'transformation'] as const;
export type Stage = (typeof STAGES)[number];

/** One month of the figures the estimate reads (from the other parts' summaries). */
export interface StageMonth {
  month: string;
  /** Members at the end of the month (staff and bots left out). */
  members: number;
  newMembers: number;
  activeMembers: number;
  /** Members at the core participation level that month. */
  core: number;
  contributions: number;
  articlesCreated: number;
  /** Acts of reusing knowledge (views of articles, links to them, "I applied this"). */
  reuseEvents: number;
  /** Share (0–1) of active members who joined less than 90 days before; null without active members. */
  newcomerShare: number | null;
  /** Median hours to a first response to the month's questions; null without questions. */
  medianFirstResponseHours: number | null;
}

/** One reading the estimate made, as shown beside the stage. */
export interface Evidence {
  key: 'members' | 'core' | 'growth' | 'activity' | 'reuse' | 'newcomers' | 'response';
  label: string;
  value: string;
  /** Whether this reading is what decided the stage. */
  decisive: boolean;
}

export interface StageEstimate {
  month: string;
  stage: Stage;
  /** The rule that decided, in a sentence. */
  reason: string;
  evidence: Evidence[];
  /** The readings as numbers (growth and activity change as fractions; null where there is no figure). */
  figures: { growth: number; core: number; activityChange: number | null; articlesCreated: number; reuseEvents: number; newcomerShare: number | null; medianFirstResponseHours: number | null };
}

/** Thresholds of the decision list (docs/analytics.md, "Lifecycle stage"). */
export const STAGE_RULES = {
  /** Fewer members than this, or a core smaller than `minCore`: still potential. */
  minMembers: 10,
  minCore: 2,
  /** Contributions in the last 3 months down this much on the 3 before, and not growing: transformation. */
  declineBy: 0.4,
  /** Members grew at least this much over 3 months, or newcomers are at least this share of the active: coalescing. */
  coalescingGrowth: 0.15,
  coalescingNewcomers: 0.35,
  /** Growth under this over 3 months, and at least this many reuse acts per article written: stewardship. */
  flatGrowth: 0.05,
  reusePerArticle: 5,
} as const;

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const mean = (xs: ReadonlyArray<number | null>): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? sum(v) / v.length : null;
};

/**
 * The stage at month `i` of `months` (oldest first), from the three months ending there and the three
 * before (fewer at the start of a history: what exists is used).
 */
export function estimateStage(months: readonly StageMonth[], i: number): StageEstimate {
  const m = months[i]!;
  const last3 = months.slice(Math.max(0, i - 2), i + 1);
  const prior3 = months.slice(Math.max(0, i - 5), Math.max(0, i - 2));
  const before = months[Math.max(0, i - 3)]!;
  const growth = i >= 1 ? (m.members - before.members) / Math.max(1, before.members) : 0;
  const recent = sum(last3.map((x) => x.contributions));
  const earlier = sum(prior3.map((x) => x.contributions));
  const activityChange = earlier > 0 ? recent / earlier - 1 : null;
  const core = Math.round((sum(last3.map((x) => x.core)) / last3.length) * 10) / 10;
  const created = sum(last3.map((x) => x.articlesCreated));
  const reused = sum(last3.map((x) => x.reuseEvents));
  const reusePerArticle = created > 0 ? reused / created : reused > 0 ? Infinity : 0;
  const newcomers = mean(last3.map((x) => x.newcomerShare));
  const response = mean(last3.map((x) => x.medianFirstResponseHours));

  const R = STAGE_RULES;
  let stage: Stage;
  let reason: string;
  let decisive: Array<Evidence['key']>;
  if (m.members < R.minMembers || core < R.minCore) {
    stage = 'potential';
    reason = m.members < R.minMembers ? `Fewer than ${R.minMembers} members so far.` : `No core group yet (fewer than ${R.minCore} core members on average over three months).`;
    decisive = m.members < R.minMembers ? ['members'] : ['core'];
  } else if (activityChange !== null && activityChange <= -R.declineBy && growth <= 0.02) {
    stage = 'transformation';
    reason = `Contributions fell ${pct(-activityChange)} on the three months before, and membership is not growing.`;
    decisive = ['activity', 'growth'];
  } else if (growth >= R.coalescingGrowth || (newcomers !== null && newcomers >= R.coalescingNewcomers)) {
    stage = 'coalescing';
    reason = growth >= R.coalescingGrowth ? `Membership grew ${pct(growth)} in three months: the community is gathering.` : `Newcomers are ${pct(newcomers!)} of the active members: the community is gathering.`;
    decisive = growth >= R.coalescingGrowth ? ['growth'] : ['newcomers'];
  } else if (growth < R.flatGrowth && created + reused > 0 && reusePerArticle >= R.reusePerArticle) {
    stage = 'stewardship';
    reason = `Membership is steady and its knowledge is reused (${Number.isFinite(reusePerArticle) ? reusePerArticle.toFixed(1) : 'only'} reuse acts per article written): the practice is established and kept.`;
    decisive = ['growth', 'reuse'];
  } else {
    stage = 'maturing';
    reason = `A core of ${core} carries a growing practice: knowledge is still being written more than reused.`;
    decisive = ['core', 'reuse'];
  }
  const ev = (key: Evidence['key'], label: string, value: string): Evidence => ({ key, label, value, decisive: decisive.includes(key) });
  return {
    month: m.month,
    stage,
    reason,
    figures: { growth, core, activityChange, articlesCreated: created, reuseEvents: reused, newcomerShare: newcomers, medianFirstResponseHours: response },
    evidence: [
      ev('members', 'Members', String(m.members)),
      ev('growth', 'Growth over three months', `${growth >= 0 ? '+' : ''}${pct(growth)}`),
      ev('core', 'Core members (3-month average)', String(core)),
      ev('activity', 'Contributions, last three months vs three before', activityChange === null ? `${recent} (no earlier figure)` : `${recent} vs ${earlier} (${activityChange >= 0 ? '+' : ''}${pct(activityChange)})`),
      ev('reuse', 'Articles written vs reuse acts (3 months)', `${created} written, ${reused} reuse acts`),
      ev('newcomers', 'Newcomers among the active', newcomers === null ? 'no active members' : pct(newcomers)),
      ev('response', 'Median time to a first response', response === null ? 'no questions' : `${response.toFixed(1)} h`),
    ],
  };
}

/** The estimate for every month (oldest first). */
export function stageHistory(months: readonly StageMonth[]): StageEstimate[] {
  return months.map((_, i) => estimateStage(months, i));
}

/** What stewards can do at each stage (after Wenger, McDermott & Snyder 2002). */
export const PLAYBOOKS: Record<Stage, { summary: string; steps: string[] }> = {
  potential: {
    summary: 'People with a shared concern are finding each other.',
    steps: ['Write down the domain: the questions this community exists to work on.', 'Find the few people who care most and ask them to form a core group.', 'Interview potential members about the problems they would bring.', 'Hold a first gathering with a concrete problem to solve together.'],
  },
  coalescing: {
    summary: 'The community is gathering and building trust.',
    steps: ['Welcome newcomers personally and answer their first questions fast.', 'Set a rhythm: a regular event or a weekly digest people can count on.', 'Capture the first solved problems as articles and a glossary of shared terms.', 'Give early members small roles (answering, curating, hosting).'],
  },
  maturing: {
    summary: 'The practice is growing: the community defines its role and its knowledge.',
    steps: ['Organise the knowledge: collections, endorsed practices, owners for each.', 'Set boundaries: what the domain covers, what belongs to other communities.', 'Route questions to the people who know and spread the load beyond the core.', 'Show the sponsor the value stories, not only the activity.'],
  },
  stewardship: {
    summary: 'An established practice that needs to stay fresh.',
    steps: ['Review endorsed practices that are due and retire what is superseded.', 'Renew leadership: bring active members into the core, let the tired rest.', 'Invite new perspectives: other disciplines, locations, newcomers’ questions.', 'Keep knowledge from resting on one or two people (see knowledge at risk).'],
  },
  transformation: {
    summary: 'Activity is falling: the community is changing shape or closing.',
    steps: ['Ask members what they still need: a new focus, a merge, or a close.', 'Make sure endorsed knowledge has owners who will keep it, or archive it clearly.', 'If it closes, celebrate what it gave and point members to neighbouring communities.', 'If it renews, restate the domain and start the coalescing steps again.'],
  },
};
