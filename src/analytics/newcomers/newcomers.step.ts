import type { AnalyticsStep } from '../refresh.ts';

/** STUB — owned by a helper (see /work/helper-brief.md). */
export const newcomersStep: AnalyticsStep = {
  name: 'newcomers',
  tables: [],
  begin: () => ({ add() {}, async finish() {} }),
};
