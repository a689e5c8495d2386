/**
 * Tables of src/knowledge/stories (added to Database in ../schema.ts). Add one interface per table and
 * one entry per table to StoriesTables.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StoriesTables {}
