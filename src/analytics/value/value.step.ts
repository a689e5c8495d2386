import type { AnalyticsStep } from '../refresh.ts';

/** STUB — owned by a helper (see /work/helper-brief.md). */
export const valueStep: AnalyticsStep = {
  name: 'value',
  tables: [],
  begin: () => ({ add() {}, async finish() {} }),
};
