/** STUB — tables of this part of src/analytics (added to Database in ../schema.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by its owner
export interface AnalyticsActivityTables {}
