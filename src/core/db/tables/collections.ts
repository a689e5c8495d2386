/**
 * Tables of src/knowledge/collections (added to Database in ../schema.ts). Add one interface per table and
 * one entry per table to CollectionsTables.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CollectionsTables {}
