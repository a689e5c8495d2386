/**
 * Tables of src/knowledge/links (added to Database in ../schema.ts). Add one interface per table and
 * one entry per table to LinksTables.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LinksTables {}
