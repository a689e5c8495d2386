import type { AnalyticsStep } from '../refresh.ts';

/** STUB — owned by a helper (see /work/helper-brief.md). */
export const inclusionStep: AnalyticsStep = {
  name: 'inclusion',
  tables: [],
  begin: () => ({ add() {}, async finish() {} }),
};
