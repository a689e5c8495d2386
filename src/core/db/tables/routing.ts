/** Tables of src/people/routing (added to Database in ../schema.ts). Columns added to existing tables go in a module augmentation there. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RoutingTables {}
