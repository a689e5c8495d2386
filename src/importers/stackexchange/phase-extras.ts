import { renderMarkdown } from '../../core/markdown/index.ts';
import { afterUntil, authorFor, creditName, licenseOf, type ImportState } from './import.state.ts';
import { addToScores, idsInOrder, insertSources, type SourceRow } from './import.store.ts';
import { normaliseTag, originalUrl } from './site.ts';
import { dateAttr, intAttr, optionalInt, type DumpRow } from './xml-rows.ts';

const NO_USERS: ReadonlySet<string> = new Set();

/** The post a row points at, or null (counted as an orphan) when it is not in the import. */
function targetPost(state: ImportState, postId: number) {
  const post = state.posts.get(postId);
  if (!post) state.counts.skipped.orphans += 1;
  return post ?? null;
}

/** True (and counted) when an earlier run imported this item. */
function seenBefore(state: ImportState, kind: keyof ImportState['seen'], id: number): boolean {
  if (!state.seen[kind].has(id)) return false;
  state.counts.unchanged += 1;
  return true;
}

/** Comments.xml: comments on questions' opening posts and on answers, with their original author and date. */
export async function importComments(state: ImportState, rows: DumpRow[]): Promise<void> {
  const file = 'Comments.xml';
  const fresh: Array<{ id: number; postId: number; authorId: number; authorName: string; body: string; created: string; license: string }> = [];
  for (const row of rows) {
    const id = intAttr(row, file, 'Id');
    const created = dateAttr(row, file, 'CreationDate');
    if (afterUntil(state, created) || seenBefore(state, 'comment', id)) continue;
    const post = targetPost(state, intAttr(row, file, 'PostId'));
    if (!post) continue;
    const owner = optionalInt(row, file, 'UserId');
    const body = (row.attrs.Text ?? '').trim() || '(empty)';
    const authorName = creditName(state, owner, row.attrs.UserDisplayName);
    fresh.push({ id, postId: post.postId, authorId: await authorFor(state, owner), authorName, body, created, license: licenseOf(row.attrs.ContentLicense, created) });
  }
  if (fresh.length === 0) return;
  const ids = idsInOrder(
    await state.tx
      .insertInto('comments')
      .values(fresh.map((c) => ({ post_id: c.postId, author_id: c.authorId, body: c.body, body_html: renderMarkdown(c.body, { knownUsers: NO_USERS }).html, created_at: c.created, deleted_at: null })))
      .returning('id')
      .execute(),
  );
  const sources: SourceRow[] = fresh.map((c, i) => ({ kind: 'comment', originalId: c.id, localId: ids[i] as number, postId: c.postId, url: originalUrl.comment(state.site, c.id), license: c.license, authorName: c.authorName, createdAt: c.created }));
  await insertSources(state.tx, state.communityId, state.site, state.now, sources);
  state.counts.comments += fresh.length;
}

/**
 * Votes.xml: up (2) and down (3) votes add to their post's score. Public dumps leave out who voted,
 * so a vote becomes a row of `votes` only when the dump names a voter who was imported; other vote
 * types (favourites, close, bounties, …) are counted and skipped.
 */
export async function importVotes(state: ImportState, rows: DumpRow[]): Promise<void> {
  const file = 'Votes.xml';
  const deltas = new Map<number, number>();
  const sources: SourceRow[] = [];
  const named: Array<{ post_id: number; user_id: number; value: number; created_at: string; updated_at: string }> = [];
  for (const row of rows) {
    const id = intAttr(row, file, 'Id');
    const type = intAttr(row, file, 'VoteTypeId');
    if (type !== 2 && type !== 3) {
      state.counts.skipped.otherVotes += 1;
      continue;
    }
    const created = dateAttr(row, file, 'CreationDate');
    if (afterUntil(state, created) || seenBefore(state, 'vote', id)) continue;
    const post = targetPost(state, intAttr(row, file, 'PostId'));
    if (!post) continue;
    const value = type === 2 ? 1 : -1;
    const voter = optionalInt(row, file, 'UserId');
    const voterId = voter === null ? undefined : state.users.get(voter);
    if (voterId !== undefined) named.push({ post_id: post.postId, user_id: voterId, value, created_at: created, updated_at: created });
    deltas.set(post.postId, (deltas.get(post.postId) ?? 0) + value);
    sources.push({ kind: 'vote', originalId: id, localId: post.postId, createdAt: created });
  }
  if (named.length > 0) await state.tx.insertInto('votes').values(named).onConflict((oc) => oc.doNothing()).execute();
  await addToScores(state.tx, deltas);
  await insertSources(state.tx, state.communityId, state.site, state.now, sources);
  state.counts.votes += sources.length;
}

/** PostLinks.xml: related (1) and duplicate (3) links between imported topics, into topic_links. */
export async function importLinks(state: ImportState, rows: DumpRow[]): Promise<void> {
  const file = 'PostLinks.xml';
  for (const row of rows) {
    const id = intAttr(row, file, 'Id');
    const type = intAttr(row, file, 'LinkTypeId');
    if (type !== 1 && type !== 3) {
      state.counts.skipped.otherLinks += 1;
      continue;
    }
    const created = dateAttr(row, file, 'CreationDate');
    if (afterUntil(state, created) || seenBefore(state, 'link', id)) continue;
    const from = targetPost(state, intAttr(row, file, 'PostId'));
    const to = from && targetPost(state, intAttr(row, file, 'RelatedPostId'));
    if (!from || !to) continue;
    // Links are few (about one per ten questions): one statement each keeps duplicates of a pair simple.
    const kind = type === 1 ? ('related' as const) : ('duplicate' as const);
    const link = { community_id: state.communityId, topic_id: from.topicId, target_topic_id: to.topicId, kind, created_at: created };
    const inserted = await state.tx.insertInto('topic_links').values(link).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
    const localId =
      inserted?.id ??
      (await state.tx.selectFrom('topic_links').select('id').where('topic_id', '=', from.topicId).where('target_topic_id', '=', to.topicId).where('kind', '=', kind).executeTakeFirstOrThrow()).id;
    await insertSources(state.tx, state.communityId, state.site, state.now, [{ kind: 'link', originalId: id, localId, createdAt: created }]);
    state.counts.links += 1;
  }
}

/** Tags.xml: the site's tags join the community's tag list (those already there are left alone). */
export async function importTags(state: ImportState, rows: DumpRow[]): Promise<void> {
  const tags = [...new Set(rows.map((r) => normaliseTag(r.attrs.TagName ?? '')).filter((t) => t !== ''))];
  if (tags.length === 0) return;
  const existing = new Set((await state.tx.selectFrom('community_tags').select('tag').where('community_id', '=', state.communityId).where('tag', 'in', tags).execute()).map((r) => r.tag));
  const fresh = tags.filter((t) => !existing.has(t));
  if (fresh.length > 0) await state.tx.insertInto('community_tags').values(fresh.map((tag) => ({ community_id: state.communityId, tag }))).execute();
  state.counts.tags += fresh.length;
}
