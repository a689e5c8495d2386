import type { Db } from '../../core/db/index.ts';
import { insertSources } from './import.store.ts';
import { placeholderUsername, siteKey } from './site.ts';

/** What an import did, by kind; also what `importStackExchange` returns and the CLI prints. */
export interface ImportCounts {
  site: string;
  users: number;
  questions: number;
  answers: number;
  comments: number;
  votes: number;
  links: number;
  revisions: number;
  tags: number;
  /** Items already imported by an earlier run (left as they are). */
  unchanged: number;
  skipped: {
    /** Created on or after --until. */
    afterUntil: number;
    /** Posts other than questions and answers (tag wikis, …). */
    otherPosts: number;
    /** Votes other than up and down (favourites, close, bounty, …). */
    otherVotes: number;
    /** Post links other than related (1) and duplicate (3). */
    otherLinks: number;
    /** Answers, comments, votes, links or revisions whose post is not in the import. */
    orphans: number;
    /** Badges are counted, not stored. */
    badges: number;
  };
}

/** A post the import knows: its local post and topic, and whether it is a question's opening post. */
export interface KnownPost {
  postId: number;
  topicId: number;
  question: boolean;
}

/** What the phases of one import share: where it writes, and the maps from original ids to local rows. */
export interface ImportState {
  tx: Db;
  communityId: number;
  site: string;
  until: string | null;
  now: string;
  users: Map<number, number>;
  /** Display names on the site, by original user id (for attribution lines). */
  names: Map<number, string>;
  posts: Map<number, KnownPost>;
  /** Original ids already imported, per kind (comments, votes, links, revisions). */
  seen: { comment: Set<number>; vote: Set<number>; link: Set<number>; revision: Set<number> };
  /** Original post ids imported before whose rows were removed since (never re-created). */
  gonePosts: Set<number>;
  /** Original post ids first imported by this run. */
  newPosts: Set<number>;
  deletedUserId: number | null;
  counts: ImportCounts;
}

export function emptyCounts(site: string): ImportCounts {
  return {
    site,
    users: 0,
    questions: 0,
    answers: 0,
    comments: 0,
    votes: 0,
    links: 0,
    revisions: 0,
    tags: 0,
    unchanged: 0,
    skipped: { afterUntil: 0, otherPosts: 0, otherVotes: 0, otherLinks: 0, orphans: 0, badges: 0 },
  };
}

/** Total of the items an import wrote (0 on a re-run that found everything already there). */
export function importedTotal(c: ImportCounts): number {
  return c.users + c.questions + c.answers + c.comments + c.votes + c.links + c.revisions + c.tags;
}

/** Loads what earlier runs imported from `site`, so this run skips it. */
export async function loadState(tx: Db, communityId: number, site: string, until: string | null, now: string): Promise<ImportState> {
  const state: ImportState = {
    tx,
    communityId,
    site,
    until,
    now,
    users: new Map(),
    names: new Map(),
    posts: new Map(),
    seen: { comment: new Set(), vote: new Set(), link: new Set(), revision: new Set() },
    newPosts: new Set(),
    gonePosts: new Set(),
    deletedUserId: null,
    counts: emptyCounts(site),
  };
  const rows = await tx
    .selectFrom('import_sources')
    .leftJoin('posts', 'posts.id', 'import_sources.post_id')
    .select(['import_sources.kind', 'import_sources.original_id', 'import_sources.local_id', 'import_sources.post_id', 'import_sources.author_name', 'posts.topic_id'])
    .where('import_sources.site', '=', site)
    .execute();
  for (const r of rows) {
    if (r.kind === 'user') {
      if (r.original_id === DELETED_USER_ID) state.deletedUserId = r.local_id;
      else {
        state.users.set(r.original_id, r.local_id);
        state.names.set(r.original_id, r.author_name);
      }
    } else if (r.kind === 'question' || r.kind === 'answer') {
      if (r.topic_id === null) state.gonePosts.add(r.original_id);
      else state.posts.set(r.original_id, { postId: r.post_id ?? 0, topicId: r.kind === 'question' ? r.local_id : (r.topic_id ?? 0), question: r.kind === 'question' });
    } else state.seen[r.kind].add(r.original_id);
  }
  return state;
}

/** The original id under which a site's "deleted user" placeholder is recorded (Stack Exchange ids are never 0). */
const DELETED_USER_ID = 0;

/** The local author for an original user id: their placeholder, or the site's one "deleted user". */
export async function authorFor(state: ImportState, userId: number | null): Promise<number> {
  const known = userId === null ? undefined : state.users.get(userId);
  if (known !== undefined) return known;
  if (state.deletedUserId !== null) return state.deletedUserId;
  const key = siteKey(state.site);
  let username = `deleted-${key}`;
  if (await usernameTaken(state.tx, username)) username = placeholderUsername('deleted', 0, key);
  const row = await state.tx
    .insertInto('users')
    .values({ username, email: `deleted-user@${state.site}.invalid`, password_hash: null, display_name: 'deleted user', bio: '', discipline: '', location: '', time_zone: '', role: 'member', created_at: state.now, updated_at: state.now, placeholder: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  state.deletedUserId = Number(row.id);
  await insertSources(state.tx, state.communityId, state.site, state.now, [{ kind: 'user', originalId: DELETED_USER_ID, localId: state.deletedUserId, authorName: 'deleted user', createdAt: state.now }]);
  return state.deletedUserId;
}

async function usernameTaken(db: Db, username: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

/** True when `created` falls on or after --until (then the item is left out). */
export function afterUntil(state: ImportState, created: string): boolean {
  if (state.until === null || created < state.until) return false;
  state.counts.skipped.afterUntil += 1;
  return true;
}

/** The name to credit for an original user id: their display name on the site, else the name the row gives, else "deleted user". */
export function creditName(state: ImportState, userId: number | null, fallback: string | undefined): string {
  return (userId === null ? undefined : state.names.get(userId)) || fallback || 'deleted user';
}

/**
 * The licence of a post or comment: its ContentLicense, or for dumps without one the licence Stack
 * Exchange used on its creation date (CC BY-SA 2.5 until 2011-04-08, 3.0 until 2018-05-02, then 4.0).
 */
export function licenseOf(given: string | undefined, created: string): string {
  if (given) return given;
  if (created < '2011-04-08') return 'CC BY-SA 2.5';
  return created < '2018-05-02' ? 'CC BY-SA 3.0' : 'CC BY-SA 4.0';
}
