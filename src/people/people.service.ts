import { PUBLIC_VERBS } from '../core/activity.ts';
import type { Deps } from '../core/deps.ts';
import { notFound } from '../core/http/errors.ts';
import { decodeCursor, paginate } from '../core/http/pagination.ts';
import type { Actor } from '../core/permissions/index.ts';
import type { PersonSummary, Profile, ProfileActivity } from './people.schema.ts';
import { findPerson, listCommunitiesOf, listPeople, listRecentActivityOf } from './people.store.ts';
import { privacyOf, shown } from './profiles/privacy.store.ts';
import { professionalProfile } from './profiles/profile-details.service.ts';

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
 * A person's profile as the viewer may see it: optional fields the person hid from the viewer are
 * null; communities, activity and contributions only from communities the viewer may read. Anyone
 * (also anonymous) may look. Returns the person's id beside it. Throws 404 for an unknown username.
 */
export async function loadProfile(deps: Pick<Deps, 'db'>, viewer: Actor | null, username: string): Promise<{ id: number; profile: Profile }> {
  const person = await findPerson(deps.db, username.toLowerCase());
  if (!person) throw notFound('Person');
  const [communities, activity, details] = await Promise.all([
    listCommunitiesOf(deps.db, person.id, viewer),
    listRecentActivityOf(deps.db, person.id, viewer, PROFILE_VERBS, RECENT_ACTIVITY),
    professionalProfile(deps.db, viewer, person),
  ]);
  const { id, username: name, displayName, role, joinedAt } = person;
  return { id, profile: { username: name, displayName, role, joinedAt, ...details, communities, recentActivity: activity.map(toActivity) } };
}

/** The profile alone (see `loadProfile`). */
export async function getProfile(deps: Pick<Deps, 'db'>, viewer: Actor | null, username: string): Promise<Profile> {
  return (await loadProfile(deps, viewer, username)).profile;
}

/**
 * One page of the member directory, optionally filtered by `q` (only fields the viewer may see are
 * searched, and hidden fields come back null). Throws 400 naming `cursor` for a bad one.
 */
export async function searchPeople(deps: Pick<Deps, 'db'>, viewer: Actor | null, opts: { q?: string; cursor?: string; limit: number }): Promise<{ items: PersonSummary[]; nextCursor: string | null }> {
  const rows = await listPeople(deps.db, viewer, { q: opts.q, limit: opts.limit + 1, after: decodeCursor(opts.cursor) });
  const page = paginate(rows, opts.limit, (p) => ({ v: p.sortKey, id: p.id }));
  const privacy = await privacyOf(deps.db, page.items.map((p) => p.id));
  const items = page.items.map((p) => ({
    username: p.username,
    displayName: p.displayName,
    headline: shown(privacy, viewer, p.id, 'headline', p.headline),
    discipline: shown(privacy, viewer, p.id, 'discipline', p.discipline),
    location: shown(privacy, viewer, p.id, 'location', p.location),
    role: p.role,
    joinedAt: p.joinedAt,
  }));
  return { items, nextCursor: page.nextCursor };
}
