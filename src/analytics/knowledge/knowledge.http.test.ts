import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, fakeClock, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import type { KnowledgeDto } from './knowledge.schema.ts';
import { KNOWLEDGE_NOW, knowledgeWorld } from './knowledge.world.ts';

const CSVS = ['months', 'most-reused', 'due-for-review', 'at-risk', 'at-risk-people'];

describeEachDialect('knowledge health pages, API and CSV', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof knowledgeWorld>>;
  let as: { steward: Browser; member: Browser; outsider: Browser };
  const get = (url: string, b?: Omit<Browser, 'userId'>) => t.app.inject({ method: 'GET', url, headers: b ? { cookie: b.cookie } : {} });
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(KNOWLEDGE_NOW) });
    w = await knowledgeWorld(t.deps.db);
    as = { steward: await signInAs(t, w.sara.id), member: await signInAs(t, w.ben.id), outsider: await signInAs(t, w.outsider.id) };
  });
  afterAll(async () => t.close());

  const expertNames = () => [w.eve.username, w.fay.username, w.ivy.username, w.hal.username, 'Eve Expert', 'Fay Expert', 'Ivy Asker', 'Hal Learner'];

  it('answers a member with the aggregates: reuse by month, most reused, due for review, sql at risk without names', async () => {
    const res = await api(t, 'GET', `/api/v1/communities/${w.guild.slug}/health/knowledge?months=3`, undefined, as.member);
    expect(res.statusCode).toBe(200);
    const k = res.json() as KnowledgeDto;
    expect(k.months).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(k.individuals).toBe(false);
    expect(k.monthly.map((m) => [m.month, m.articlesCreated, m.views, m.links, m.applied, m.reuseEvents])).toEqual([['2026-09', 1, 0, 0, 0, 0], ['2026-10', 1, 3, 2, 1, 6], ['2026-11', 1, 1, 0, 1, 2]]);
    expect(k.mostReused[0]).toEqual({ id: w.a1, title: 'Indexing basics', state: 'draft', url: `/c/${w.guild.slug}/a/${w.a1}`, views: 3, links: 2, applied: 2, reuseEvents: 7 });
    expect(k.dueForReview.map((d) => d.title)).toEqual(['Stale guide', 'Vacuum schedule', 'Backups']);
    expect(k.atRisk).toEqual([{ tag: 'sql', share: 40 / 46, experts: 2, evidence: 6, holders: 4, quietDays: 77 }]);
    expect(k.concentratedTags).toBe(2);
    for (const n of expertNames()) expect(res.body).not.toContain(n);
  });

  it('names the experts and apprentices to the steward', async () => {
    const k = (await api(t, 'GET', `/api/v1/communities/${w.guild.slug}/health/knowledge`, undefined, as.steward)).json() as KnowledgeDto;
    expect(k.individuals).toBe(true);
    expect(k.atRisk[0]!.people!.experts.map((e) => e.displayName)).toEqual(['Eve Expert', 'Fay Expert']);
    expect(k.atRisk[0]!.people!.apprentices.map((e) => e.displayName)).toEqual(['Ivy Asker', 'Hal Learner']);
  });

  it('renders the page with charts, tables and CSV links; names only for the steward', async () => {
    const member = await get(`/c/${w.guild.slug}/health/knowledge`, as.member);
    expect(member.statusCode).toBe(200);
    expect(member.body).toContain('<h1>Knowledge · Data Guild</h1>');
    expect(member.body).toMatch(/<th scope="row">sql<\/th>\s*<td>two members<\/td>\s*<td>87%<\/td>\s*<td>6<\/td>\s*<td>quiet for 77 days<\/td>/);
    expect(member.body).toContain(`<a href="/c/${w.guild.slug}/a/${w.a1}">Indexing basics</a>`);
    expect(member.body).toContain(`href="/c/${w.guild.slug}/health/knowledge/most-reused.csv"`);
    expect(member.body).not.toContain('at-risk-people.csv');
    for (const n of expertNames()) expect(member.body).not.toContain(n);
    const steward = await get(`/c/${w.guild.slug}/health/knowledge?months=6`, as.steward);
    expect(steward.body).toContain(`<a href="/u/${w.eve.username}">Eve Expert</a>`);
    expect(steward.body).toContain(`<a href="/u/${w.ivy.username}">Ivy Asker</a>`);
    expect(steward.body).toContain(`href="/c/${w.guild.slug}/health/knowledge/at-risk-people.csv?months=6"`);
  });

  it('downloads each table as CSV; the people table only for stewards', async () => {
    const months = await get(`/c/${w.guild.slug}/health/knowledge/months.csv?months=3`, as.member);
    expect(months.statusCode).toBe(200);
    expect(months.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(months.body).toBe('month,articles_created,views,links,applied,reuse_events\r\n2026-09,1,0,0,0,0\r\n2026-10,1,3,2,1,6\r\n2026-11,1,1,0,1,2\r\n');
    expect((await get(`/c/${w.guild.slug}/health/knowledge/at-risk.csv`, as.member)).body).toBe('tag,experts,share_held_percent,evidence,holders,quiet_days\r\nsql,2,87,6,4,77\r\n');
    expect((await get(`/c/${w.guild.slug}/health/knowledge/due-for-review.csv`, as.member)).body).toContain('Stale guide,needs_review,2026-11-01T00:00:00.000Z,yes,Ben Member; Cat Member');
    expect((await get(`/c/${w.guild.slug}/health/knowledge/at-risk-people.csv`, as.member)).statusCode).toBe(404);
    const people = await get(`/c/${w.guild.slug}/health/knowledge/at-risk-people.csv`, as.steward);
    expect(people.statusCode).toBe(200);
    expect(people.body.split('\r\n').slice(0, 3)).toEqual(['tag,role,username,name,detail', `sql,expert,${w.eve.username},Eve Expert,last act 2026-09-10`, `sql,expert,${w.fay.username},Fay Expert,last act 2026-07-15`]);
  });

  it('keeps a private community’s knowledge health from outsiders and anonymous readers on every path (404)', async () => {
    for (const b of [as.outsider, anonymousBrowser()]) {
      for (const url of [`/api/v1/communities/${w.vault.slug}/health/knowledge`, `/c/${w.vault.slug}/health/knowledge`, ...CSVS.map((c) => `/c/${w.vault.slug}/health/knowledge/${c}.csv`)]) {
        const res = await get(url, b);
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toContain('Vault combination');
      }
    }
    const member = await api(t, 'GET', `/api/v1/communities/${w.vault.slug}/health/knowledge`, undefined, as.member);
    expect(member.statusCode).toBe(200);
    expect((member.json() as KnowledgeDto).totals.articlesCreated).toBe(1);
  });

  it('lets anyone read a public community’s aggregates', async () => {
    const res = await api(t, 'GET', `/api/v1/communities/${w.guild.slug}/health/knowledge`);
    expect(res.statusCode).toBe(200);
    expect((res.json() as KnowledgeDto).atRisk.map((r) => r.tag)).toEqual(['sql']);
  });

  it('refuses a bad window with 400 naming months, on the API, the page and a CSV, and writes nothing', async () => {
    const before = await t.deps.db.selectFrom('activity').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    for (const q of ['0', '37', 'abc', '2.5']) {
      for (const url of [`/api/v1/communities/${w.guild.slug}/health/knowledge?months=${q}`, `/c/${w.guild.slug}/health/knowledge?months=${q}`, `/c/${w.guild.slug}/health/knowledge/months.csv?months=${q}`]) {
        const res = await get(url, as.member);
        expect(res.statusCode, url).toBe(400);
        expect(res.body).toMatch(/months/i);
      }
    }
    const json = await api(t, 'GET', `/api/v1/communities/${w.guild.slug}/health/knowledge?months=0`, undefined, as.member);
    expect(json.json().error.details[0].field).toMatch(/months/);
    const after = await t.deps.db.selectFrom('activity').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await api(t, 'GET', '/api/v1/communities/no-such-place/health/knowledge')).statusCode).toBe(404);
  });

  it('documents the API route in the OpenAPI under the health tag', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> };
    const op = doc.paths['/api/v1/communities/{slug}/health/knowledge']?.get;
    expect(op?.tags).toEqual(['health']);
    expect(op?.summary).toMatch(/knowledge/i);
  });
});
