import { recordActivity } from '../../core/activity.ts';
import type { Db } from '../../core/db/index.ts';
import { api, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';

/** "Now" in the value tests: the window of 3 months is 2026-09 … 2026-11. */
export const VALUE_NOW = new Date('2026-11-20T12:00:00Z');

/** Row counts of the story tables plus activity, for "writes nothing" assertions. */
export async function storyCounts(db: Db): Promise<number[]> {
  return Promise.all((['value_stories', 'value_story_cycles', 'value_story_links', 'activity'] as const).map(async (t) => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n)));
}

/**
 * A public guild and a private circle: Sam steward of both, Mia and Otto members of both, Una an
 * outsider, Ada an organisation admin; a thread and an article in each community.
 */
export async function valueWorld(t: TestApp) {
  const db = t.deps.db;
  const steward = await makeUser(db, { display_name: 'Sam Steward' });
  const member = await makeUser(db, { display_name: 'Mia Member' });
  const other = await makeUser(db, { display_name: 'Otto Other' });
  const outsider = await makeUser(db, { display_name: 'Una Outsider' });
  const admin = await makeUser(db, { display_name: 'Ada Admin', role: 'admin' });
  const pub = await makeCommunity(db, steward.id, { name: 'Open Guild', visibility: 'public', join_policy: 'open', sponsor: 'Chief Engineer', domain_statement: 'Safe bridges.' });
  const priv = await makeCommunity(db, steward.id, { name: 'Whisper Circle', visibility: 'private', join_policy: 'invite' });
  for (const c of [pub, priv]) {
    await addMember(db, c.id, member.id);
    await addMember(db, c.id, other.id);
  }
  const at = '2026-10-01T10:00:00.000Z';
  const topic = async (communityId: number, title: string) =>
    Number((await db.insertInto('topics').values({ community_id: communityId, author_id: other.id, kind: 'question', title, reply_count: 0, last_posted_at: at, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id);
  const article = async (communityId: number, title: string) =>
    Number((await db.insertInto('articles').values({ community_id: communityId, author_id: other.id, type: 'guide', title, body: 'Body.', created_at: at, updated_at: at, edited_at: null, edited_by: null }).returning('id').executeTakeFirstOrThrow()).id);
  const ids = {
    pubTopic: await topic(pub.id, 'How do we load-test a footbridge?'),
    pubArticle: await article(pub.id, 'Footbridge load checklist'),
    privTopic: await topic(priv.id, 'Secret sway readings'),
    privArticle: await article(priv.id, 'Hidden damper guide'),
  };
  const as = {
    steward: await signInAs(t, steward.id),
    member: await signInAs(t, member.id),
    other: await signInAs(t, other.id),
    outsider: await signInAs(t, outsider.id),
    admin: await signInAs(t, admin.id),
  };
  return { steward, member, other, outsider, admin, pub, priv, ids, as };
}

/** The API shape of a story, as tests read it. */
export interface StoryJson {
  id: number;
  title: string;
  cycles: string[];
  valueKind: string;
  links: Array<{ type: string; id: number; title: string; url: string | null }>;
  author: { username: string };
  url: string;
}

/** Records a story through the API; fails the test unless it is created. */
export async function recordStoryVia(t: TestApp, browser: Omit<Browser, 'userId'>, slug: string, fields: Record<string, unknown> = {}): Promise<StoryJson> {
  const res = await api(t, 'POST', `/api/v1/communities/${slug}/value-stories`, { title: 'The sway fix', happened: 'Otto answered my question on damping.', gained: 'A method I had not known.', ...fields }, browser);
  if (res.statusCode !== 201) throw new Error(`could not record a story: ${res.statusCode} ${res.body}`);
  return res.json() as StoryJson;
}

/** Appends a hand-made activity row (as an import or the product would). */
export function act(db: Db, actorId: number | null, verb: string, communityId: number | null, at: string, subjectType = 'post'): Promise<void> {
  return recordActivity(db, { actorId, verb, communityId, subjectType, subjectId: 1, at });
}
