import { PUBLIC_VERBS } from '../core/activity.ts';
import type { Deps } from '../core/deps.ts';
import { notFound } from '../core/http/errors.ts';
import { decodeCursor, paginate } from '../core/http/pagination.ts';
import type { Actor } from '../core/permissions/index.ts';
import type { PersonSummary, Profile, ProfileActivity } from './people.schema.ts';
import { findPerson, listCommunitiesOf, listPeople, listRecentActivityOf } from './people.store.ts';

/**
 * The acts a profile shows. An allow-list, not everything in the stream: moderation and
 * invitations (removed, role changed, invited, requested) are not a person's public record.
 * Features that add contributions (articles, answers…) add their verbs here.
 */
export const PROFILE_VERBS = PUBLIC_VERBS;

const RECENT_ACTIVITY = 20;

function parseData(raw: string): Record<string, unknown> {
  try {
    const v = JSON.parse(raw) as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

type ActivityRow = Awaited<ReturnType<typeof listRecentActivityOf>>[number];

function toActivity(r: ActivityRow): ProfileActivity {
  const data = parseData(r.data);
  const topicId = r.subject_type === 'topic' ? r.subject_id : typeof data.topicId === 'number' ? data.topicId : null;
  return {
    verb: r.verb,
    createdAt: r.created_at,
    community: { slug: r.slug, name: r.name },
    topicId,
    title: typeof data.title === 'string' ? data.title : null,
  };
}

/**
 * A person's profile as the viewer may see it: communities and activity only from communities the
 * viewer may read. Anyone (also anonymous) may look. Throws 404 for an unknown username.
 */
export async function getProfile(deps: Pick<Deps, 'db'>, viewer: Actor | null, username: string): Promise<Profile> {
  const person = await findPerson(deps.db, username.toLowerCase());
  if (!person) throw notFound('Person');
  const [communities, activity] = await Promise.all([
    listCommunitiesOf(deps.db, person.id, viewer),
    listRecentActivityOf(deps.db, person.id, viewer, PROFILE_VERBS, RECENT_ACTIVITY),
  ]);
  const { id: _id, ...profile } = person;
  return { ...profile, communities, recentActivity: activity.map(toActivity) };
}

/** One page of the member directory, optionally filtered by `q`. Throws 400 naming `cursor` for a bad one. */
export async function searchPeople(deps: Pick<Deps, 'db'>, opts: { q?: string; cursor?: string; limit: number }): Promise<{ items: PersonSummary[]; nextCursor: string | null }> {
  const rows = await listPeople(deps.db, { q: opts.q, limit: opts.limit + 1, after: decodeCursor(opts.cursor) });
  const page = paginate(rows, opts.limit, (p) => ({ v: p.sortKey, id: p.id }));
  return { items: page.items.map(({ id: _id, sortKey: _k, ...p }) => p), nextCursor: page.nextCursor };
}
