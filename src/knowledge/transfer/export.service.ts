import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Db } from '../../core/db/index.ts';
import { knowledgeFiles } from './transfer.format.ts';
import { loadArticles, loadTerms } from './transfer.store.ts';

/**
 * The knowledge folder of a community (relative path → file text): its articles and glossary terms
 * with front matter, and a README index. Callers check that the reader may read the community.
 */
export async function exportKnowledge(db: Db, communityId: number): Promise<Map<string, string>> {
  const [articles, terms] = await Promise.all([loadArticles(db, communityId), loadTerms(db, communityId)]);
  return knowledgeFiles(articles, terms);
}

/** A fixed file time, so the zip's bytes depend only on the files (zip times start in 1980). */
const ZIP_TIME = new Date('1980-01-01T00:00:00Z');

/** The folder as a zip archive: `<folder>/articles/` and `<folder>/glossary/` (even when empty), then the files in path order. */
export function zipKnowledge(files: Map<string, string>, folder: string): Uint8Array {
  const entries: Zippable = {};
  for (const dir of ['articles/', 'glossary/']) entries[`${folder}/${dir}`] = [new Uint8Array(0), { mtime: ZIP_TIME }];
  for (const [path, text] of files) entries[`${folder}/${path}`] = [strToU8(text), { mtime: ZIP_TIME }];
  return zipSync(entries, { level: 6 });
}
