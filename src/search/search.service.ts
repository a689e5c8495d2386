import type { Deps } from '../core/deps.ts';
import { badRequest, fieldError, type FieldIssue } from '../core/http/errors.ts';
import { decodeCursor, encodeCursor } from '../core/http/pagination.ts';
import { canReadCommunity, type Actor } from '../core/permissions/index.ts';
import { findCommunityForActor } from '../communities/communities.access.ts';
import { MAX_OFFSET, searchDocuments, type SearchHit, type SearchQuery } from './search.rank.ts';
import type { SearchKind } from '../core/db/tables/search.ts';
import type { SearchQueryString, SearchResponse, SearchResult } from './search.schema.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function day(field: 'from' | 'to', raw: string | undefined, issues: FieldIssue[]): string | undefined {
  if (!raw) return undefined;
  const d = new Date(`${raw}T00:00:00.000Z`);
  if (!DAY.test(raw) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== raw) {
    issues.push({ field, message: `${field === 'from' ? 'From' : 'To'} must be a real day (YYYY-MM-DD)` });
    return undefined;
  }
  return field === 'from' ? d.toISOString() : new Date(d.getTime() + 86_400_000).toISOString();
}

/**
 * Checks a search request and turns it into a query: 400 naming the field for an empty q, a
 * community the actor cannot read (never says whether it exists), an unknown author, an impossible
 * day or a cursor this server did not give out.
 */
export async function parseSearch(deps: Deps, actor: Actor | null, raw: SearchQueryString): Promise<SearchQuery> {
  // Control characters are never searchable text (and PostgreSQL refuses NUL).
  // eslint-disable-next-line no-control-regex
  const q = (raw.q ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (q === '') throw badRequest('Type something to search for', [{ field: 'q', message: 'Search words must not be empty' }]);
  const issues: FieldIssue[] = [];
  let communityId: number | undefined;
  const slug = raw.community?.trim();
  if (slug) {
    const found = await findCommunityForActor(deps.db, slug, actor);
    if (found && canReadCommunity(actor, found.access)) communityId = found.community.id;
    else issues.push({ field: 'community', message: `Community is not one you can read (no community “${slug}”)` });
  }
  let authorId: number | undefined;
  const username = raw.author?.trim().replace(/^@/, '');
  if (username) {
    const u = await deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (u) authorId = u.id;
    else issues.push({ field: 'author', message: `Author is not a member (no @${username})` });
  }
  const from = day('from', raw.from, issues);
  const to = day('to', raw.to, issues);
  if (from && to && from >= to) issues.push({ field: 'to', message: 'To must not be before from' });
  if (issues.length > 0) throw badRequest(issues.map((i) => i.message).join('; '), issues);
  const sort = raw.sort === 'date' ? 'date' : 'relevance';
  const cursor = decodeCursor(raw.cursor);
  if (cursor && (cursor.v !== sort || cursor.id < 0 || cursor.id > MAX_OFFSET)) throw fieldError('cursor', 'is not a cursor this server gave out for this sort');
  const tag = raw.tag?.trim().toLowerCase();
  return {
    q, sort,
    ...(communityId !== undefined ? { communityId } : {}),
    ...(authorId !== undefined ? { authorId } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(raw.kind ? { kinds: [raw.kind as SearchKind] } : {}),
    ...(tag ? { tag } : {}),
    ...(raw.solved ? { solved: raw.solved === 'true' } : {}),
    ...(raw.state ? { state: raw.state } : {}),
    offset: cursor?.id ?? 0,
    limit: raw.limit ?? 20,
  };
}

async function describe(deps: Deps, hits: SearchHit[]): Promise<SearchResult[]> {
  const communityIds = [...new Set(hits.map((h) => h.communityId).filter((id): id is number => id !== null))];
  const userIds = [...new Set(hits.map((h) => h.authorId).filter((id): id is number => id !== null))];
  const communities = new Map(
    communityIds.length === 0 ? [] : (await deps.db.selectFrom('communities').select(['id', 'slug', 'name']).where('id', 'in', communityIds).execute()).map((c) => [c.id, c]),
  );
  const users = new Map(
    userIds.length === 0 ? [] : (await deps.db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', userIds).execute()).map((u) => [u.id, u]),
  );
  return hits.map((h) => {
    const c = h.communityId === null ? undefined : communities.get(h.communityId);
    const u = h.authorId === null ? undefined : users.get(h.authorId);
    const base = c ? `/c/${c.slug}` : '';
    const url = {
      topic: `${base}/t/${h.id}`,
      post: `${base}/t/${h.topicId ?? 0}#post-${h.id}`,
      article: `${base}/a/${h.id}`,
      term: `${base}/glossary/${h.id}`,
      member: `/u/${u?.username ?? ''}`,
      community: base,
    }[h.kind];
    const showAuthor = h.kind !== 'member' && h.kind !== 'community' && u;
    return {
      kind: h.kind, id: h.id, title: h.kind === 'post' ? `Re: ${h.label}` : h.label, url, snippetHtml: h.snippetHtml,
      community: c && h.kind !== 'community' ? { slug: c.slug, name: c.name } : null,
      author: showAuthor ? { username: u.username, displayName: u.display_name } : null,
      createdAt: h.createdAt, state: h.state, solved: h.solved, score: h.score,
    };
  });
}

/** Runs a checked search for the actor (visibility applied in SQL) and describes the hits for pages and the API. */
export async function runSearch(deps: Deps, actor: Actor | null, raw: SearchQueryString): Promise<SearchResponse> {
  const query = await parseSearch(deps, actor, raw);
  const page = await searchDocuments(deps.db, actor, query);
  const next = query.offset + query.limit;
  return {
    q: query.q,
    items: await describe(deps, page.hits),
    counts: page.counts,
    total: page.total,
    nextCursor: page.more && next <= MAX_OFFSET ? encodeCursor({ v: query.sort, id: next }) : null,
  };
}
