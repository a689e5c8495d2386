import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, fakeClock, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeCommunity } from '../../../test/helpers/factories.ts';
import { recordStoryVia, storyCounts, VALUE_NOW, valueWorld, type StoryJson } from './value.fixtures.ts';

describeEachDialect('value stories API', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof valueWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(VALUE_NOW) });
    w = await valueWorld(t);
  });
  afterAll(async () => t.close());
  const db = () => t.deps.db;

  describe('POST /api/v1/communities/:slug/value-stories', () => {
    it('records a story whose cycles follow from the prompts it fills, with its links and a value_story.created row', async () => {
      const s = await recordStoryVia(t, w.as.member, w.pub.slug, { valueKind: 'both', applied: 'I added a damper test to our plan.', topics: [w.ids.pubTopic], articles: [w.ids.pubArticle] });
      expect(s.cycles).toEqual(['immediate', 'potential', 'applied']);
      expect(s.author.username).toBe(w.member.username);
      expect(s.links).toEqual([
        { type: 'topic', id: w.ids.pubTopic, title: 'How do we load-test a footbridge?', url: `/c/${w.pub.slug}/t/${w.ids.pubTopic}` },
        { type: 'article', id: w.ids.pubArticle, title: 'Footbridge load checklist', url: `/c/${w.pub.slug}/a/${w.ids.pubArticle}` },
      ]);
      const act = await db().selectFrom('activity').select(['verb', 'community_id', 'actor_id']).where('subject_type', '=', 'value_story').where('subject_id', '=', s.id).execute();
      expect(act).toEqual([{ verb: 'value_story.created', community_id: w.pub.id, actor_id: w.member.id }]);
    });

    it('reaches only potential value when the author says the value is for later, and realized/reframing when told', async () => {
      const s = await recordStoryVia(t, w.as.other, w.pub.slug, { valueKind: 'potential', realized: 'Inspection time halved.', reframing: 'We now judge bridges by sway comfort, not only load.' });
      expect(s.cycles).toEqual(['potential', 'realized', 'reframing']);
    });

    const bad: Array<[string, Record<string, unknown>, string]> = [
      ['a missing title', { title: undefined }, 'title'],
      ['a blank title', { title: '   ' }, 'title'],
      ['a missing "what happened"', { happened: undefined }, 'happened'],
      ['a blank "what it gave you"', { gained: ' \n ' }, 'gained'],
      ['an unknown value kind', { valueKind: 'later' }, 'valueKind'],
      ['a too long "what you did differently"', { applied: 'x'.repeat(5001) }, 'applied'],
      ['a thread number that is not a number', { topics: ['seven'] }, 'topics'],
      ['a thread that does not exist', { topics: [987654] }, 'topics'],
      ['an article that does not exist', { articles: [987654] }, 'articles'],
      ['an event (no calendar yet)', { events: [3] }, 'events'],
      ['eleven threads', { topics: Array.from({ length: 11 }, (_, i) => i + 1) }, 'topics'],
    ];
    for (const [what, fields, field] of bad) {
      it(`refuses ${what} with 400 naming ${field} and writes nothing`, async () => {
        const before = await storyCounts(db());
        const body = { title: 'A story', happened: 'Something happened.', gained: 'Something useful.', ...fields };
        const res = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/value-stories`, JSON.parse(JSON.stringify(body)), w.as.member);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details.map((d: { field: string }) => d.field.split('.')[0])).toContain(field);
        expect(await storyCounts(db())).toEqual(before);
      });
    }

    it('refuses a link to a thread in a private community the author may not read, naming topics', async () => {
      const hidden = await makeCommunity(db(), w.steward.id, { name: 'Locked Room', visibility: 'private', join_policy: 'invite' });
      const topicId = Number((await db().insertInto('topics').values({ community_id: hidden.id, author_id: w.steward.id, kind: 'discussion', title: 'Locked', reply_count: 0, last_posted_at: VALUE_NOW.toISOString(), created_at: VALUE_NOW.toISOString(), updated_at: VALUE_NOW.toISOString() }).returning('id').executeTakeFirstOrThrow()).id);
      const before = await storyCounts(db());
      const res = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/value-stories`, { title: 'x', happened: 'y', gained: 'z', topics: [topicId] }, w.as.member);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([{ field: 'topics', message: `no thread you can read has the number ${topicId}` }]);
      expect(await storyCounts(db())).toEqual(before);
    });

    it('lets only members record: 401 anonymous, 403 for a non-member, writing nothing', async () => {
      const before = await storyCounts(db());
      const body = { title: 'x', happened: 'y', gained: 'z' };
      expect((await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/value-stories`, body)).statusCode).toBe(401);
      expect((await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/value-stories`, body, w.as.outsider)).statusCode).toBe(403);
      expect((await api(t, 'POST', `/api/v1/communities/${w.priv.slug}/value-stories`, body, w.as.outsider)).statusCode).toBe(404);
      expect(await storyCounts(db())).toEqual(before);
    });
  });

  describe('reading', () => {
    it('shows each reader only the links they may read: a private thread drops out for an outsider', async () => {
      const s = await recordStoryVia(t, w.as.member, w.pub.slug, { title: 'Across circles', topics: [w.ids.privTopic, w.ids.pubTopic], articles: [w.ids.privArticle] });
      expect(s.links.map((l) => l.title)).toEqual(['Secret sway readings', 'How do we load-test a footbridge?', 'Hidden damper guide']);
      for (const who of [w.as.outsider, anonymousBrowser()]) {
        const res = await api(t, 'GET', `/api/v1/value-stories/${s.id}`, undefined, who);
        expect(res.statusCode).toBe(200);
        expect((res.json() as StoryJson).links.map((l) => l.title)).toEqual(['How do we load-test a footbridge?']);
        expect(res.body).not.toMatch(/Secret sway|Hidden damper/);
      }
    });

    it('keeps a private community’s stories from non-members on every API path (404)', async () => {
      const s = await recordStoryVia(t, w.as.member, w.priv.slug, { title: 'Whispered win' });
      for (const who of [w.as.outsider, w.as.admin, anonymousBrowser()]) {
        for (const [method, url] of [['GET', `/api/v1/value-stories/${s.id}`], ['GET', `/api/v1/communities/${w.priv.slug}/value-stories`], ['PATCH', `/api/v1/value-stories/${s.id}`], ['DELETE', `/api/v1/value-stories/${s.id}`]] as const) {
          const res = await api(t, method, url, method === 'PATCH' ? { title: 'Mine now' } : method === 'DELETE' ? {} : undefined, who);
          expect([401, 404], `${method} ${url}`).toContain(res.statusCode);
          expect(res.body).not.toContain('Whispered win');
        }
      }
      expect((await api(t, 'GET', `/api/v1/value-stories/${s.id}`, undefined, w.as.other)).statusCode).toBe(200);
    });

    it('lists newest first with a keyset cursor, and refuses a forged cursor naming cursor', async () => {
      const c = await makeCommunity(db(), w.member.id, { name: 'List Guild' });
      for (const title of ['First', 'Second', 'Third']) {
        await recordStoryVia(t, w.as.member, c.slug, { title });
        (t.deps.clock as ReturnType<typeof fakeClock>).advance(60_000);
      }
      const p1 = (await api(t, 'GET', `/api/v1/communities/${c.slug}/value-stories?limit=2`)).json() as { items: StoryJson[]; nextCursor: string };
      expect(p1.items.map((s) => s.title)).toEqual(['Third', 'Second']);
      const p2 = (await api(t, 'GET', `/api/v1/communities/${c.slug}/value-stories?limit=2&cursor=${p1.nextCursor}`)).json() as { items: StoryJson[]; nextCursor: string | null };
      expect(p2.items.map((s) => s.title)).toEqual(['First']);
      expect(p2.nextCursor).toBeNull();
      const bad = await api(t, 'GET', `/api/v1/communities/${c.slug}/value-stories?cursor=nonsense`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('cursor');
    });
  });

  describe('PATCH and DELETE /api/v1/value-stories/:id', () => {
    it('lets the author change the prompts and links; the cycles follow; others get 403 and change nothing', async () => {
      const s = await recordStoryVia(t, w.as.member, w.pub.slug, { applied: 'Did it.', topics: [w.ids.pubTopic] });
      expect(s.cycles).toEqual(['immediate', 'applied']);
      for (const who of [w.as.other, w.as.steward]) expect((await api(t, 'PATCH', `/api/v1/value-stories/${s.id}`, { title: 'Hijacked' }, who)).statusCode).toBe(403);
      const bad = await api(t, 'PATCH', `/api/v1/value-stories/${s.id}`, { gained: '   ' }, w.as.member);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('gained');
      const res = await api(t, 'PATCH', `/api/v1/value-stories/${s.id}`, { applied: '', realized: 'Saved a week.', articles: [w.ids.pubArticle], topics: [] }, w.as.member);
      expect(res.statusCode).toBe(200);
      const after = res.json() as StoryJson;
      expect(after.title).toBe('The sway fix');
      expect(after.cycles).toEqual(['immediate', 'realized']);
      expect(after.links.map((l) => l.type)).toEqual(['article']);
      const topicsOnly = (await api(t, 'PATCH', `/api/v1/value-stories/${s.id}`, { topics: [w.ids.pubTopic] }, w.as.member)).json() as StoryJson;
      expect(topicsOnly.links.map((l) => l.type)).toEqual(['article', 'topic']);
      const verbs = await db().selectFrom('activity').select('verb').where('subject_type', '=', 'value_story').where('subject_id', '=', s.id).orderBy('id').execute();
      expect(verbs.map((v) => v.verb)).toEqual(['value_story.created', 'value_story.edited', 'value_story.edited']);
    });

    it('lets the author or a steward delete, not another member', async () => {
      const a = await recordStoryVia(t, w.as.member, w.pub.slug);
      const b = await recordStoryVia(t, w.as.member, w.pub.slug, { topics: [w.ids.pubTopic] });
      expect((await api(t, 'DELETE', `/api/v1/value-stories/${a.id}`, {}, w.as.other)).statusCode).toBe(403);
      expect((await api(t, 'DELETE', `/api/v1/value-stories/${a.id}`, {}, w.as.member)).statusCode).toBe(204);
      expect((await api(t, 'DELETE', `/api/v1/value-stories/${b.id}`, {}, w.as.steward)).statusCode).toBe(204);
      expect((await api(t, 'GET', `/api/v1/value-stories/${b.id}`)).statusCode).toBe(404);
      const left = await db().selectFrom('value_story_links').select('story_id').where('story_id', 'in', [a.id, b.id]).execute();
      expect(left).toEqual([]);
      const gone = await db().selectFrom('activity').select(['verb', 'actor_id']).where('verb', '=', 'value_story.deleted').where('subject_id', '=', b.id).execute();
      expect(gone).toEqual([{ verb: 'value_story.deleted', actor_id: w.steward.id }]);
    });
  });

  it('documents every value-story route in the OpenAPI document under its tag', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    for (const [path, method] of [['/api/v1/communities/{slug}/value-stories', 'get'], ['/api/v1/communities/{slug}/value-stories', 'post'], ['/api/v1/value-stories/{id}', 'get'], ['/api/v1/value-stories/{id}', 'patch'], ['/api/v1/value-stories/{id}', 'delete']] as const) {
      expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(['value stories']);
    }
  });
});
