import fs from 'node:fs';
import path from 'node:path';
import { recordActivity } from '../../core/activity.ts';
import type { Deps } from '../../core/deps.ts';
import { rebuildSearchIndex } from '../../search/search.index.ts';
import { ImportError } from './import.errors.ts';
import { importedTotal, loadState, type ImportCounts, type ImportState } from './import.state.ts';
import { BATCH, recountImported } from './import.store.ts';
import { importComments, importLinks, importTags, importVotes } from './phase-extras.ts';
import { HistoryImporter } from './phase-history.ts';
import { applyAcceptedAnswers, preparePosts, writePosts, type PendingAccepts } from './phase-posts.ts';
import { importUsers } from './phase-users.ts';
import { isSiteName, siteFromFolder } from './site.ts';
import { streamRows, type DumpRow } from './xml-rows.ts';

export type { ImportCounts } from './import.state.ts';
export { DumpError } from './xml-rows.ts';
export { ImportError } from './import.errors.ts';

/** Progress after each batch of one file: rows read so far, bytes of the file read, and the counts. */
export interface ImportProgress {
  file: string;
  rows: number;
  bytes: number;
  size: number;
  counts: ImportCounts;
}

export interface ImportOptions {
  /** The slug of an existing community to import into. */
  community: string;
  /** ISO date: only what was created before it is imported. */
  until?: string;
  /** The site's host name; defaults to one derived from the folder name (see siteFromFolder). */
  site?: string;
  onProgress?: (p: ImportProgress) => void;
}

/** The dump files, in the order they are read; Users and Posts must be there. */
const FILES = ['Tags.xml', 'Users.xml', 'Posts.xml', 'PostHistory.xml', 'Comments.xml', 'Votes.xml', 'PostLinks.xml', 'Badges.xml'] as const;
const REQUIRED = new Set(['Users.xml', 'Posts.xml']);

/** Checks the folder and the options before anything is written; throws ImportError. */
function prepare(dir: string, opts: ImportOptions): { site: string; until: string | null; files: Map<string, string> } {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ImportError(`${dir} is not a folder`);
  const site = (opts.site ?? siteFromFolder(dir)).toLowerCase();
  if (!isSiteName(site)) throw new ImportError(`"${site}" is not a site name like cardano.stackexchange.com; pass --site`);
  let until: string | null = null;
  if (opts.until !== undefined) {
    const d = /^\d{4}-\d\d-\d\d(T[\d:.]+Z?)?$/.test(opts.until) ? new Date(opts.until.length === 10 || opts.until.endsWith('Z') ? opts.until : `${opts.until}Z`) : null;
    if (!d || Number.isNaN(d.getTime())) throw new ImportError(`--until "${opts.until}" is not an ISO date like 2021-06-30`);
    until = d.toISOString();
  }
  const files = new Map<string, string>();
  const present = new Map(fs.readdirSync(dir).map((f) => [f.toLowerCase(), f]));
  for (const name of FILES) {
    const found = present.get(name.toLowerCase());
    if (found) files.set(name, path.join(dir, found));
    else if (REQUIRED.has(name)) throw new ImportError(`${path.join(dir, name)} is missing; a Stack Exchange dump folder holds Users.xml and Posts.xml (and Comments, Votes, PostLinks, Tags, Badges, PostHistory)`);
  }
  return { site, until, files };
}

/**
 * Imports a Stack Exchange dump folder into an existing community, in ONE transaction: it all
 * lands, or (on a DumpError or any other failure) nothing does. Items imported before from the same
 * site are skipped, so a re-run writes nothing. Throws ImportError (bad options, unknown community,
 * missing file, site already imported into another community) and DumpError (file and line).
 */
export async function importStackExchange(deps: Pick<Deps, 'db' | 'clock'>, dir: string, opts: ImportOptions): Promise<ImportCounts> {
  const { site, until, files } = prepare(dir, opts);
  const community = await deps.db.selectFrom('communities').select(['id', 'slug']).where('slug', '=', opts.community).executeTakeFirst();
  if (!community) throw new ImportError(`no community "${opts.community}"`);
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const elsewhere = await tx.selectFrom('import_sources').innerJoin('communities', 'communities.id', 'import_sources.community_id').select('communities.slug').where('import_sources.site', '=', site).where('import_sources.community_id', '!=', community.id).executeTakeFirst();
    if (elsewhere) throw new ImportError(`${site} was already imported into "${elsewhere.slug}"; one site goes into one community`);
    const state = await loadState(tx, community.id, site, until, now);
    const accepts: PendingAccepts = new Map();
    const history = new HistoryImporter(state);
    const posts = pipelined((rows: DumpRow[]) => preparePosts(state, rows, accepts), (p) => writePosts(state, p));
    const handlers: Record<(typeof FILES)[number], (rows: DumpRow[]) => Promise<void>> = {
      'Tags.xml': (rows) => importTags(state, rows),
      'Users.xml': (rows) => importUsers(state, rows),
      'Posts.xml': posts.handle,
      'PostHistory.xml': (rows) => history.add(rows),
      'Comments.xml': (rows) => importComments(state, rows),
      'Votes.xml': (rows) => importVotes(state, rows),
      'PostLinks.xml': (rows) => importLinks(state, rows),
      'Badges.xml': async (rows) => void (state.counts.skipped.badges += rows.length),
    };
    for (const name of FILES) {
      const file = files.get(name);
      if (file) {
        try {
          await readFile(state, name, file, handlers[name], opts.onProgress);
        } finally {
          // Never leave a write running when the transaction ends (it would run after the rollback).
          if (name === 'Posts.xml') await posts.settle();
        }
      }
      if (name === 'Posts.xml') {
        posts.rethrow();
        await applyAcceptedAnswers(state, accepts);
      }
      if (name === 'PostHistory.xml') await history.finish();
    }
    await finish(state);
    return state.counts;
  });
}

/**
 * One write in flight while the next batch is read and prepared: converting bodies (CPU) overlaps
 * the database round trips. A batch is prepared before waiting for the previous write, and every
 * failure surfaces only after the write in flight has settled.
 */
function pipelined<P>(prepare: (rows: DumpRow[]) => P, write: (p: P) => Promise<void>) {
  let inflight: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;
  const settle = () => inflight;
  const rethrow = () => {
    if (failure) throw failure.error;
  };
  const handle = async (rows: DumpRow[]): Promise<void> => {
    let prepared: P;
    try {
      prepared = prepare(rows);
    } finally {
      await settle();
    }
    rethrow();
    inflight = write(prepared).catch((error: unknown) => {
      failure = { error };
    });
  };
  return { handle, settle, rethrow };
}

async function readFile(state: ImportState, name: string, file: string, handle: (rows: DumpRow[]) => Promise<void>, onProgress: ImportOptions['onProgress']): Promise<void> {
  const size = fs.statSync(file).size;
  let rows = 0;
  await streamRows(file, BATCH, async (batch, bytes) => {
    await handle(batch);
    rows += batch.length;
    onProgress?.({ file: name, rows, bytes, size, counts: state.counts });
  });
}

/** Counters, one activity row and the search index — only when this run wrote something. */
async function finish(state: ImportState): Promise<void> {
  if (importedTotal(state.counts) === 0) return;
  await recountImported(state.tx, state.communityId, state.site);
  await recordActivity(state.tx, { actorId: null, verb: 'import.completed', communityId: state.communityId, subjectType: 'community', subjectId: state.communityId, data: { ...state.counts }, at: state.now });
  await rebuildSearchIndex(state.tx, { communityId: state.communityId });
  // People are indexed organisation-wide, not per community: re-index them so the imported authors
  // are found by the member search, as they are listed on /members.
  await rebuildSearchIndex(state.tx, { kinds: ['member'] });
}
