import type { Db } from '../core/db/index.ts';
import type { KnowledgeSeedIds } from './knowledge.ts';

/** Seeds the demo's part of src/people/network (called by seed.ts after the knowledge seed, in the same transaction). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function addDemoNetwork(tx: Db, ids: KnowledgeSeedIds): Promise<void> {}
