import type { Db } from '../../core/db/index.ts';
import { badRequest } from '../../core/http/errors.ts';

/**
 * The tags of a community's vocabulary among `tags`: its own tag list (community_tags, edited in
 * its settings) and the tags already used on its topics and articles.
 */
async function knownTags(db: Db, communityId: number, tags: string[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('community_tags')
    .select('tag')
    .where('community_id', '=', communityId)
    .where('tag', 'in', tags)
    .union(db.selectFrom('topic_tags').select('tag').where('community_id', '=', communityId).where('tag', 'in', tags))
    .union(db.selectFrom('article_tags').select('tag').where('community_id', '=', communityId).where('tag', 'in', tags))
    .execute();
  return new Set(rows.map((r) => r.tag));
}

/**
 * Applies a community's tag policy to tags about to be written (already checked by `checkTags`).
 * 'open' (the default): any tag is accepted, and a new one comes into being by being used.
 * 'closed': a tag that is neither in the community's tag list nor already in use there is a 400
 * naming `tags` and listing the unknown tags. Call it before writing anything.
 */
export async function checkCommunityTags(db: Db, communityId: number, tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return;
  const community = await db.selectFrom('communities').select('tag_policy').where('id', '=', communityId).executeTakeFirst();
  if (community?.tag_policy !== 'closed') return;
  const unique = [...new Set(tags)];
  const known = await knownTags(db, communityId, unique);
  const unknown = unique.filter((t) => !known.has(t));
  if (unknown.length === 0) return;
  const list = unknown.map((t) => `"${t}"`).join(', ');
  const message = `Tags: this community only accepts tags it already uses; ${list} ${unknown.length === 1 ? 'is' : 'are'} not in its tag list`;
  throw badRequest(message, [{ field: 'tags', message }]);
}
