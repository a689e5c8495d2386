/**
 * Tables of src/knowledge/attachments (added to Database in ../schema.ts). Add one interface per table and
 * one entry per table to AttachmentsTables.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AttachmentsTables {}
