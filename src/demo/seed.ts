import { hash } from '@node-rs/argon2';
import { recordActivity } from '../core/activity.ts';
import type { Db } from '../core/db/index.ts';
import { renderMarkdown } from '../core/markdown/index.ts';
import { demoCommunities } from './communities.ts';
import { addDemoEngagement } from './engagement.ts';
import { addDemoKnowledge } from './knowledge.ts';
import { addDemoProfiles } from './people-profiles.ts';
import { addDemoExpertise } from './people-expertise.ts';
import { addDemoRouting } from './people-routing.ts';
import { addDemoNetwork } from './people-network.ts';
import { addDemoMentoring } from './people-mentoring.ts';
import { addDemoValueStories } from './analytics-value.ts';
import type { DemoTopic } from './demo.types.ts';
import { DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_USERNAME, demoPeople } from './people.ts';
import { accessibilityTopics } from './topics-accessibility.ts';
import { dataTopics } from './topics-data.ts';
import { incidentTopics } from './topics-incidents.ts';
import { makersTopics } from './topics-makers.ts';
import { rebuildSearchIndex } from '../search/search.index.ts';

/** Every demo topic, across the four communities. */
export const demoTopics: DemoTopic[] = [...accessibilityTopics, ...dataTopics, ...makersTopics, ...incidentTopics];

/** What seeding did: the sign-in to print, or why nothing was written. */
export type SeedResult =
  | { seeded: true; organisation: string; username: string; password: string; counts: { users: number; communities: number; topics: number; posts: number; articles: number; terms: number; collections: number } }
  | { seeded: false; reason: string };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Seeds the demo organisation into an EMPTY database in one transaction: people, communities (with
 * tags, memberships, a pending join request and invitation), topics and replies, one activity row per
 * act and consistent counters. Refuses (returns `seeded: false`, writes nothing) when any user exists.
 */
export async function seedDemo(db: Db, opts: { now: Date }): Promise<SeedResult> {
  const passwordHash = await hash(DEMO_PASSWORD);
  const now = opts.now.getTime();
  const at = (daysAgo: number, hoursLater = 0) => new Date(now - daysAgo * DAY + hoursLater * HOUR).toISOString();

  return db.transaction().execute(async (tx): Promise<SeedResult> => {
    const existing = await tx.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) {
      return { seeded: false, reason: `the database already has ${existing.n} user(s); the demo is only seeded into an empty database` };
    }

    const userIds = new Map<string, number>();
    const userCreated = new Map<string, string>();
    for (const p of demoPeople) {
      const created = at(p.joinedDaysAgo);
      const row = await tx
        .insertInto('users')
        .values({
          username: p.username,
          email: `${p.username}@northwind.example`,
          password_hash: passwordHash,
          display_name: p.displayName,
          bio: p.bio,
          discipline: p.discipline,
          location: p.location,
          time_zone: p.timeZone,
          role: p.role ?? 'member',
          created_at: created,
          updated_at: created,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds.set(p.username, row.id);
      userCreated.set(p.username, created);
      await recordActivity(tx, { actorId: row.id, verb: 'user.signed_up', subjectType: 'user', subjectId: row.id, data: { role: p.role ?? 'member', via: 'demo' }, at: created });
    }
    const uid = (username: string) => {
      const id = userIds.get(username);
      if (id === undefined) throw new Error(`demo content names an unknown person: ${username}`);
      return id;
    };

    const communityIds = new Map<string, number>();
    for (const c of demoCommunities) {
      const creator = c.members[0]!;
      const created = at(c.createdDaysAgo);
      const row = await tx
        .insertInto('communities')
        .values({
          slug: c.slug,
          name: c.name,
          domain_statement: c.domainStatement,
          description: c.description,
          formality: c.formality,
          sponsor: c.sponsor,
          locality: c.locality,
          location: c.location,
          visibility: c.visibility,
          join_policy: c.joinPolicy,
          member_count: c.members.length,
          created_by: uid(creator.username),
          created_at: created,
          updated_at: created,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      communityIds.set(c.slug, row.id);
      await tx.insertInto('community_tags').values(c.tags.map((tag) => ({ community_id: row.id, tag }))).execute();
      await recordActivity(tx, { actorId: uid(creator.username), verb: 'community.created', communityId: row.id, subjectType: 'community', subjectId: row.id, data: { slug: c.slug, name: c.name }, at: created });

      for (const [i, m] of c.members.entries()) {
        // A member joins after both the community and their account exist.
        const base = Math.max(Date.parse(created), Date.parse(userCreated.get(m.username) ?? created));
        const joined = i === 0 ? created : new Date(base + (i + 1) * HOUR).toISOString();
        await tx.insertInto('memberships').values({ community_id: row.id, user_id: uid(m.username), role: m.role, created_at: joined }).execute();
        if (i > 0) {
          await recordActivity(tx, { actorId: uid(m.username), verb: 'community.joined', communityId: row.id, subjectType: 'user', subjectId: uid(m.username), data: { via: 'demo', role: m.role }, at: joined });
        }
      }
      for (const r of c.pendingRequests ?? []) {
        const asked = at(3);
        const req = await tx
          .insertInto('join_requests')
          .values({ community_id: row.id, user_id: uid(r.username), message: r.message, status: 'pending', created_at: asked, decided_by: null, decided_at: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordActivity(tx, { actorId: uid(r.username), verb: 'community.join_requested', communityId: row.id, subjectType: 'join_request', subjectId: req.id, at: asked });
      }
      for (const invitee of c.pendingInvitations ?? []) {
        const invited = at(1);
        const inv = await tx
          .insertInto('invitations')
          .values({ community_id: row.id, invitee_id: uid(invitee), invited_by: uid(creator.username), status: 'pending', created_at: invited, decided_at: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordActivity(tx, { actorId: uid(creator.username), verb: 'community.invited', communityId: row.id, subjectType: 'invitation', subjectId: inv.id, data: { username: invitee }, at: invited });
      }
    }

    let posts = 0;
    const knownUsers = new Set(demoPeople.map((p) => p.username));
    for (const t of demoTopics) {
      const communityId = communityIds.get(t.community);
      if (communityId === undefined) throw new Error(`demo topic names an unknown community: ${t.community}`);
      const opened = at(t.daysAgo);
      const last = t.replies.length > 0 ? at(t.daysAgo, Math.max(...t.replies.map((r) => r.hoursLater))) : opened;
      const topic = await tx
        .insertInto('topics')
        .values({ community_id: communityId, author_id: uid(t.author), kind: t.kind, title: t.title, reply_count: t.replies.length, answer_count: t.kind === 'question' ? t.replies.length : 0, last_posted_at: last, created_at: opened, updated_at: opened })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.insertInto('posts').values({ topic_id: topic.id, author_id: uid(t.author), kind: 'opening', body: t.body, body_html: renderMarkdown(t.body, { knownUsers }).html, created_at: opened, updated_at: opened }).execute();
      await recordActivity(tx, { actorId: uid(t.author), verb: 'topic.created', communityId, subjectType: 'topic', subjectId: topic.id, data: { title: t.title, kind: t.kind }, at: opened });
      posts += 1;
      const replyIds: number[] = [];
      for (const r of t.replies) {
        const postedAt = at(t.daysAgo, r.hoursLater);
        const kind = t.kind === 'question' ? 'answer' : 'reply';
        const post = await tx.insertInto('posts').values({ topic_id: topic.id, author_id: uid(r.author), kind, body: r.body, body_html: renderMarkdown(r.body, { knownUsers }).html, created_at: postedAt, updated_at: postedAt }).returning('id').executeTakeFirstOrThrow();
        replyIds.push(post.id);
        await recordActivity(tx, { actorId: uid(r.author), verb: 'post.created', communityId, subjectType: 'post', subjectId: post.id, data: { topicId: topic.id, title: t.title }, at: postedAt });
        posts += 1;
      }
      const community = demoCommunities.find((c) => c.slug === t.community);
      await addDemoEngagement(tx, t, {
        topicId: topic.id,
        communityId,
        replyIds,
        voters: (community?.members ?? []).map((m) => uid(m.username)),
        authorOf: (i) => uid(t.replies[i]?.author ?? t.author),
        askerId: uid(t.author),
        at: (i) => at(t.daysAgo, (t.replies[i]?.hoursLater ?? 0) + 1),
      });
    }

    const seedIds = {
      uid,
      at,
      communityId: (slug: string) => {
        const id = communityIds.get(slug);
        if (id === undefined) throw new Error(`demo content names an unknown community: ${slug}`);
        return id;
      },
    };
    const knowledge = await addDemoKnowledge(tx, seedIds);
    // Mentorships first: the expertise rebuild awards mentor badges and the network draws "mentored" ties from them.
    await addDemoProfiles(tx, seedIds);
    await addDemoMentoring(tx, seedIds);
    await addDemoExpertise(tx, seedIds);
    await addDemoRouting(tx, seedIds);
    await addDemoNetwork(tx, seedIds);
    await addDemoValueStories(tx, seedIds);
    await rebuildSearchIndex(tx);

    return {
      seeded: true,
      organisation: DEMO_ORGANISATION,
      username: DEMO_USERNAME,
      password: DEMO_PASSWORD,
      counts: { users: demoPeople.length, communities: demoCommunities.length, topics: demoTopics.length, posts, ...knowledge },
    };
  });
}
