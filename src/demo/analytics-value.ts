import type { Db } from '../core/db/index.ts';
import type { KnowledgeSeedIds } from './knowledge.ts';

/** STUB — demo value-creation stories (owned by a helper, see /work/helper-brief.md). */
export async function addDemoValueStories(_tx: Db, _ids: KnowledgeSeedIds): Promise<void> {}
