/**
 * Tables of src/knowledge/lifecycle (added to Database in ../schema.ts). Add one interface per table and
 * one entry per table to LifecycleTables.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LifecycleTables {}
