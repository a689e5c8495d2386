import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, postForm, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import { countRows, makeBystanders, makeWorld, memberCountIsRight } from './communities.fixtures.ts';

describeEachDialect('community home and membership pages', (dialect) => {
  let t: TestApp;
  let by: Awaited<ReturnType<typeof makeBystanders>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    by = await makeBystanders(t);
  });
  afterAll(async () => t.close());

  const get = (url: string, b?: Omit<Browser, 'userId'>) => t.app.inject({ url, headers: b ? { cookie: b.cookie } : {} });

  describe('GET /c/:slug', () => {
    it('shows anonymous readers the content, linked topics and a "Sign in to join" link', async () => {
      const w = await makeWorld(t, 'public');
      const res = await get(`/c/${w.community.slug}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`DESCRIPTION ${w.tok}`);
      expect(res.body).toMatch(new RegExp(`href="/c/${w.community.slug}/t/\\d+"[^>]*>TOPIC ${w.tok}`));
      expect(res.body).toContain('Sign in to join');
      expect(res.body).not.toContain('Start a discussion');
    });

    it('offers outsiders a Join button on an open community', async () => {
      const w = await makeWorld(t, 'public');
      expect((await get(`/c/${w.community.slug}`, by.as.outsider)).body).toContain(`action="/c/${w.community.slug}/join"`);
    });

    it('gives members a Leave button and a "Start a discussion" link', async () => {
      const w = await makeWorld(t, 'public');
      const body = (await get(`/c/${w.community.slug}`, w.as.member)).body;
      expect(body).toContain(`action="/c/${w.community.slug}/leave"`);
      expect(body).toContain(`href="/c/${w.community.slug}/t/new"`);
      expect(body).toContain('You are a member');
    });

    it('tells the only steward to appoint another instead of offering Leave', async () => {
      const w = await makeWorld(t, 'public');
      const body = (await get(`/c/${w.community.slug}`, w.as.steward)).body;
      expect(body).toContain('As its only steward, appoint another steward before you leave.');
      expect(body).not.toContain(`action="/c/${w.community.slug}/leave"`);
    });

    it('marks solved questions with their answer count and links to the full lists', async () => {
      const w = await makeWorld(t, 'public');
      const db = t.deps.db;
      const now = new Date().toISOString();
      const q = await db.insertInto('topics').values({ community_id: w.community.id, author_id: w.member.id, kind: 'question', title: `SOLVED ${w.tok}`, reply_count: 1, answer_count: 1, last_posted_at: now, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      const a = await db.insertInto('posts').values({ topic_id: q.id, author_id: w.steward.id, kind: 'answer', body: 'Use a jig.', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      await db.updateTable('topics').set({ accepted_post_id: a.id }).where('id', '=', q.id).execute();
      const body = (await get(`/c/${w.community.slug}`)).body;
      expect(body).toMatch(new RegExp(`SOLVED ${w.tok}</a>\\s*<p class="meta"><span class="badge badge--solved">Solved</span> Question by [^<]* · 1 answer`));
      expect(body).toContain(`href="/c/${w.community.slug}/topics?view=unanswered"`);
      const api = (await t.app.inject(`/api/v1/communities/${w.community.slug}`)).json();
      expect(api.latestTopics.find((x: { id: number }) => x.id === q.id)).toMatchObject({ solved: true, answerCount: 1 });
    });

    it('lists only public acts as recent activity: never who voted, asked to join or was turned away', async () => {
      const w = await makeWorld(t, 'public');
      const now = new Date(Date.now() + 60_000).toISOString();
      for (const verb of ['post.voted', 'community.join_requested', 'community.request_rejected', 'community.member_removed', 'topic.created']) {
        await t.deps.db.insertInto('activity').values({ actor_id: w.member.id, verb, community_id: w.community.id, subject_type: 'x', subject_id: null, data: '{}', created_at: now }).execute();
      }
      const verbs = (await t.app.inject(`/api/v1/communities/${w.community.slug}`)).json().recentActivity.map((a: { verb: string }) => a.verb);
      expect(verbs).toContain('topic.created');
      for (const hidden of ['post.voted', 'community.join_requested', 'community.request_rejected', 'community.member_removed']) expect(verbs).not.toContain(hidden);
    });

    it('shows an empty state when there are no discussions', async () => {
      const steward = await makeUser(t.deps.db);
      const c = await makeCommunity(t.deps.db, steward.id);
      expect((await get(`/c/${c.slug}`)).body).toContain('No discussions yet — start the first one');
    });

    it('shows non-members of a private community its header and a request form, but no content', async () => {
      const w = await makeWorld(t, 'private-approval');
      const res = await get(`/c/${w.community.slug}`, by.as.outsider);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(w.community.name);
      expect(res.body).toContain(w.community.domain_statement);
      expect(res.body).toContain('badge--private');
      expect(res.body).toContain(`action="/c/${w.community.slug}/request"`);
      expect(res.body).toContain('name="message"');
      for (const s of w.secrets) expect(res.body).not.toContain(s);
    });

    it('tells a person with a pending request that it is waiting', async () => {
      const w = await makeWorld(t, 'private-approval');
      expect((await get(`/c/${w.community.slug}`, w.as.requester)).body).toContain('Your request to join is waiting');
    });

    it('offers Accept and Decline to the invitee of an invite-only community', async () => {
      const w = await makeWorld(t, 'private-invite');
      const body = (await get(`/c/${w.community.slug}`, w.as.invitee)).body;
      expect(body).toContain(`action="/invitations/${w.invitationId}/accept"`);
      expect(body).toContain(`action="/invitations/${w.invitationId}/decline"`);
    });
  });

  describe('membership form posts', () => {
    it('joins from the page, redirecting home with a flash message', async () => {
      const w = await makeWorld(t, 'public');
      const res = await postForm(t, `/c/${w.community.slug}/join`, {}, by.as.outsider);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/c/${w.community.slug}`);
      expect(res.cookies.find((c) => c.name === 'gh_flash')?.value).toContain('Welcome');
      expect(await memberCountIsRight(t.deps.db, w.community.id)).toBe(true);
    });

    it('refuses a join form without the CSRF token with 403 and writes nothing', async () => {
      const w = await makeWorld(t, 'public');
      const before = await countRows(t.deps.db, 'memberships');
      const res = await t.app.inject({ method: 'POST', url: `/c/${w.community.slug}/join`, headers: { cookie: by.as.outsider.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
      expect(res.statusCode).toBe(403);
      expect(await countRows(t.deps.db, 'memberships')).toBe(before);
    });

    it('sends a request with its message, and a steward approves it from the requests page', async () => {
      const w = await makeWorld(t, 'private-approval');
      expect((await postForm(t, `/c/${w.community.slug}/request`, { message: 'I mend nets' }, by.as.outsider)).statusCode).toBe(303);
      const page = await get(`/c/${w.community.slug}/requests`, w.as.steward);
      expect(page.body).toContain('I mend nets');
      const row = await t.deps.db.selectFrom('join_requests').select('id').where('user_id', '=', by.outsider.id).where('community_id', '=', w.community.id).executeTakeFirstOrThrow();
      expect(page.body).toContain(`action="/c/${w.community.slug}/requests/${row.id}/approve"`);
      expect((await postForm(t, `/c/${w.community.slug}/requests/${row.id}/approve`, {}, w.as.steward)).statusCode).toBe(303);
      expect((await get(`/c/${w.community.slug}`, by.as.outsider)).body).toContain(`DESCRIPTION ${w.tok}`);
    });

    it('answers the last steward trying to leave with a 409 page that explains why', async () => {
      const w = await makeWorld(t, 'public');
      const res = await postForm(t, `/c/${w.community.slug}/leave`, {}, w.as.steward);
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('at least one steward');
    });

    it('lists invitations on /invitations, and accepting one redirects into the community', async () => {
      const w = await makeWorld(t, 'private-invite');
      const page = await get('/invitations', w.as.invitee);
      expect(page.body).toContain(w.community.name);
      const res = await postForm(t, `/invitations/${w.invitationId}/accept`, {}, w.as.invitee);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/c/${w.community.slug}`);
      expect((await get('/invitations', w.as.invitee)).body).toContain('No invitations waiting');
    });
  });

  describe('GET /c/:slug/members', () => {
    it('gives stewards role and remove forms and the invite form', async () => {
      const w = await makeWorld(t, 'public');
      const body = (await get(`/c/${w.community.slug}/members`, w.as.steward)).body;
      expect(body).toContain(`action="/c/${w.community.slug}/members/${w.member.username}/role"`);
      expect(body).toContain(`action="/c/${w.community.slug}/members/${w.member.username}/remove"`);
      expect(body).toContain(`action="/c/${w.community.slug}/invitations"`);
    });

    it('gives moderators remove forms for non-stewards only, and no role forms', async () => {
      const w = await makeWorld(t, 'public');
      const body = (await get(`/c/${w.community.slug}/members`, w.as.moderator)).body;
      expect(body).toContain(`/members/${w.member.username}/remove"`);
      expect(body).not.toContain(`/members/${w.steward.username}/remove"`);
      expect(body).not.toContain('/role"');
    });

    it('shows plain members the list with roles and no management forms', async () => {
      const w = await makeWorld(t, 'public');
      const body = (await get(`/c/${w.community.slug}/members`, w.as.member)).body;
      expect(body).toContain(w.steward.username);
      expect(body).toContain('Steward');
      expect(body).not.toContain('/remove"');
      expect(body).not.toContain('Invite someone');
    });

    it('re-renders the invite form with 400 naming the username when no one has it', async () => {
      const w = await makeWorld(t, 'public');
      const res = await postForm(t, `/c/${w.community.slug}/invitations`, { username: 'no-such-person' }, w.as.steward);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#f-username"');
      expect(res.body).toContain('no-such-person');
      const ok = await postForm(t, `/c/${w.community.slug}/invitations`, { username: w.free.username }, w.as.steward);
      expect(ok.statusCode).toBe(303);
    });

    it('changes a role and removes a member from the page', async () => {
      const w = await makeWorld(t, 'public');
      expect((await postForm(t, `/c/${w.community.slug}/members/${w.member.username}/role`, { role: 'moderator' }, w.as.steward)).statusCode).toBe(303);
      expect((await postForm(t, `/c/${w.community.slug}/members/${w.member.username}/remove`, {}, w.as.steward)).statusCode).toBe(303);
      expect(await memberCountIsRight(t.deps.db, w.community.id)).toBe(true);
      expect((await get(`/c/${w.community.slug}/members`, w.as.steward)).body).not.toContain(`@${w.member.username}`);
    });
  });
});
