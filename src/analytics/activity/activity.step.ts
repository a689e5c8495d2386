import type { AnalyticsStep } from '../refresh.ts';

/** STUB — owned by a helper (see /work/helper-brief.md). */
export const activityStep: AnalyticsStep = {
  name: 'activity',
  tables: [],
  begin: () => ({ add() {}, async finish() {} }),
};
