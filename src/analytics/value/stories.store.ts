import type { Db } from '../../core/db/index.ts';
import type { ValueCycle, ValueKind } from '../../core/db/tables/value-stories.ts';
import type { Cursor } from '../../core/http/pagination.ts';
import { readableCommunityIds, type Actor } from '../../core/permissions/index.ts';

/** A value-creation story as read from the store. */
export interface ValueStory {
  id: number;
  communityId: number;
  author: { id: number; username: string; displayName: string };
  title: string;
  happened: string;
  gained: string;
  valueKind: ValueKind;
  applied: string;
  realized: string;
  reframing: string;
  cycles: ValueCycle[];
  createdAt: string;
  updatedAt: string;
}

/** A story's link, as one reader may see it. */
export interface StoryLink {
  type: 'topic' | 'article' | 'event';
  id: number;
  title: string;
  /** Page of the thread or article; null for events (no calendar yet). */
  url: string | null;
}

/** The columns of a story that are written. */
export interface StoryRow {
  title: string;
  happened: string;
  gained: string;
  value_kind: ValueKind;
  applied: string;
  realized: string;
  reframing: string;
}

/** Link lists by kind; on edit, a kind left out keeps its links. */
export type LinkTargets = { topics?: number[] | undefined; articles?: number[] | undefined; events?: number[] | undefined };

const LINK_KINDS = [['topics', 'topic'], ['articles', 'article'], ['events', 'event']] as const;

function base(db: Db) {
  return db
    .selectFrom('value_stories')
    .innerJoin('users', 'users.id', 'value_stories.author_id')
    .selectAll('value_stories')
    .select(['users.username', 'users.display_name']);
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

async function withCycles(db: Db, rows: Row[]): Promise<ValueStory[]> {
  if (rows.length === 0) return [];
  const cycles = await db.selectFrom('value_story_cycles').select(['story_id', 'cycle']).where('story_id', 'in', rows.map((r) => r.id)).execute();
  const order = ['immediate', 'potential', 'applied', 'realized', 'reframing'];
  return rows.map((r) => ({
    id: Number(r.id), communityId: r.community_id, author: { id: r.author_id, username: r.username, displayName: r.display_name },
    title: r.title, happened: r.happened, gained: r.gained, valueKind: r.value_kind, applied: r.applied, realized: r.realized, reframing: r.reframing,
    cycles: cycles.filter((c) => Number(c.story_id) === Number(r.id)).map((c) => c.cycle).sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    createdAt: r.created_at, updatedAt: r.updated_at,
  }));
}

/** One story by id, or undefined. Does not check who may read it: the service does. */
export async function findStory(db: Db, id: number): Promise<ValueStory | undefined> {
  const r = await base(db).where('value_stories.id', '=', id).executeTakeFirst();
  return r ? (await withCycles(db, [r]))[0] : undefined;
}

/** A community's stories, newest first (keyset on created_at, id). Fetch limit+1 to paginate. */
export async function listStories(db: Db, communityId: number, f: { after: Cursor | null; limit: number; from?: string; to?: string }): Promise<ValueStory[]> {
  let q = base(db).where('value_stories.community_id', '=', communityId);
  if (f.from) q = q.where('value_stories.created_at', '>=', f.from);
  if (f.to) q = q.where('value_stories.created_at', '<=', f.to);
  const after = f.after;
  if (after) q = q.where((eb) => eb.or([eb('value_stories.created_at', '<', String(after.v)), eb.and([eb('value_stories.created_at', '=', String(after.v)), eb('value_stories.id', '<', after.id)])]));
  return withCycles(db, await q.orderBy('value_stories.created_at', 'desc').orderBy('value_stories.id', 'desc').limit(f.limit).execute());
}

/** Stories by id (any order), for lists chosen elsewhere (the matrix, the report). */
export async function storiesByIds(db: Db, ids: number[]): Promise<ValueStory[]> {
  if (ids.length === 0) return [];
  return withCycles(db, await base(db).where('value_stories.id', 'in', ids).execute());
}

/** Inserts a story with its cycles and links; returns its id. Pass a transaction. */
export async function insertStory(db: Db, s: StoryRow & { community_id: number; author_id: number; at: string }, cycles: ValueCycle[], links: LinkTargets): Promise<number> {
  const { at, ...row } = s;
  const { id } = await db.insertInto('value_stories').values({ ...row, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  await writeCycles(db, Number(id), s.community_id, at, cycles);
  await writeLinks(db, Number(id), links);
  return Number(id);
}

/** Changes a story's text and the link kinds given (others stay); rewrites its cycles. Pass a transaction. */
export async function updateStory(db: Db, story: ValueStory, set: StoryRow, cycles: ValueCycle[], links: LinkTargets | null, at: string): Promise<void> {
  await db.updateTable('value_stories').set({ ...set, updated_at: at }).where('id', '=', story.id).execute();
  await db.deleteFrom('value_story_cycles').where('story_id', '=', story.id).execute();
  await writeCycles(db, story.id, story.communityId, story.createdAt, cycles);
  const replaced = LINK_KINDS.filter(([k]) => links?.[k] !== undefined).map(([, type]) => type);
  if (links && replaced.length > 0) {
    await db.deleteFrom('value_story_links').where('story_id', '=', story.id).where('target_type', 'in', replaced).execute();
    const kept = await db.selectFrom('value_story_links').select((eb) => eb.fn.max('position').as('p')).where('story_id', '=', story.id).executeTakeFirst();
    await writeLinks(db, story.id, links, kept?.p === null || kept?.p === undefined ? 0 : Number(kept.p) + 1);
  }
}

/** Deletes a story with its cycles and links. Pass a transaction. */
export async function deleteStoryRows(db: Db, id: number): Promise<void> {
  await db.deleteFrom('value_story_links').where('story_id', '=', id).execute();
  await db.deleteFrom('value_story_cycles').where('story_id', '=', id).execute();
  await db.deleteFrom('value_stories').where('id', '=', id).execute();
}

async function writeCycles(db: Db, storyId: number, communityId: number, createdAt: string, cycles: ValueCycle[]) {
  if (cycles.length > 0) await db.insertInto('value_story_cycles').values(cycles.map((cycle) => ({ story_id: storyId, community_id: communityId, cycle, created_at: createdAt }))).execute();
}

async function writeLinks(db: Db, storyId: number, l: LinkTargets, from = 0) {
  const rows = LINK_KINDS.flatMap(([k, type]) => (l[k] ?? []).map((id) => [type, id] as const));
  if (rows.length > 0) await db.insertInto('value_story_links').values(rows.map(([target_type, target_id], i) => ({ story_id: storyId, target_type, target_id, position: from + i }))).execute();
}

/** Of these topic ids, those that exist, are not deleted and are in a community the actor may read. */
export async function readableTopicIds(db: Db, actor: Actor | null, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('topics').select('id').where('id', 'in', ids).where('deleted_at', 'is', null).where('community_id', 'in', readableCommunityIds(db, actor)).execute();
  return new Set(rows.map((r) => Number(r.id)));
}

/** Of these article ids, those that exist in a community the actor may read. */
export async function readableArticleIds(db: Db, actor: Actor | null, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('articles').select('id').where('id', 'in', ids).where('community_id', 'in', readableCommunityIds(db, actor)).execute();
  return new Set(rows.map((r) => Number(r.id)));
}

/**
 * The links of stories as this reader may see them, in the order the author gave: threads and
 * articles in communities the reader may read (deleted threads drop out), and events by number.
 */
export async function linksOf(db: Db, actor: Actor | null, storyIds: number[]): Promise<Map<number, StoryLink[]>> {
  const out = new Map<number, StoryLink[]>();
  if (storyIds.length === 0) return out;
  const links = await db.selectFrom('value_story_links').selectAll().where('story_id', 'in', storyIds).orderBy('story_id').orderBy('position').execute();
  const ids = (t: string) => [...new Set(links.filter((l) => l.target_type === t).map((l) => Number(l.target_id)))];
  const topicIds = ids('topic');
  const articleIds = ids('article');
  const topics = topicIds.length === 0 ? [] : await db.selectFrom('topics').innerJoin('communities', 'communities.id', 'topics.community_id').select(['topics.id', 'topics.title', 'communities.slug']).where('topics.id', 'in', topicIds).where('topics.deleted_at', 'is', null).where('topics.community_id', 'in', readableCommunityIds(db, actor)).execute();
  const articles = articleIds.length === 0 ? [] : await db.selectFrom('articles').innerJoin('communities', 'communities.id', 'articles.community_id').select(['articles.id', 'articles.title', 'communities.slug']).where('articles.id', 'in', articleIds).where('articles.community_id', 'in', readableCommunityIds(db, actor)).execute();
  const found = new Map<string, StoryLink>([
    ...topics.map((t) => [`topic:${t.id}`, { type: 'topic' as const, id: Number(t.id), title: t.title, url: `/c/${t.slug}/t/${t.id}` }] as const),
    ...articles.map((a) => [`article:${a.id}`, { type: 'article' as const, id: Number(a.id), title: a.title, url: `/c/${a.slug}/a/${a.id}` }] as const),
  ]);
  for (const l of links) {
    const id = Number(l.target_id);
    const link = l.target_type === 'event' ? { type: 'event' as const, id, title: `Event ${id}`, url: null } : found.get(`${l.target_type}:${id}`);
    if (!link) continue;
    const list = out.get(Number(l.story_id)) ?? [];
    list.push(link);
    out.set(Number(l.story_id), list);
  }
  return out;
}
