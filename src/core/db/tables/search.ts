/**
 * Tables of the search feature (added to Database in ../schema.ts). Add one interface per table and
 * one entry per table to SearchTables.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SearchTables {}
