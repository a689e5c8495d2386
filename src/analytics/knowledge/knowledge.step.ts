import type { AnalyticsStep } from '../refresh.ts';

/** STUB — owned by a helper (see /work/helper-brief.md). */
export const knowledgeStep: AnalyticsStep = {
  name: 'knowledge',
  tables: [],
  begin: () => ({ add() {}, async finish() {} }),
};
