import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, fakeClock, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { healthWindow } from '../period.ts';
import { act, recordStoryVia, VALUE_NOW, valueWorld, type StoryJson } from './value.fixtures.ts';
import { valueSummary } from './value.service.ts';

interface MatrixJson {
  stories: number;
  matrix: Array<{ cycle: string; stories: number; newest: Array<{ title: string }>; indicators: Array<{ key: string; value: number }>; indicatorTotal: number }>;
  months: Array<Record<string, number | string>>;
}

const byCycle = (m: MatrixJson) => Object.fromEntries(m.matrix.map((r) => [r.cycle, { stories: r.stories, total: r.indicatorTotal, ...Object.fromEntries(r.indicators.map((i) => [i.key, i.value])) }]));

describeEachDialect('value matrix, CSV and sponsor report', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof valueWorld>>;
  let s1: StoryJson;
  let s2: StoryJson;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(VALUE_NOW) });
    w = await valueWorld(t);
    const db = t.deps.db;
    const bot = (await makeUser(db, { account_kind: 'bot' })).id;
    const [m, o, c] = [w.member.id, w.other.id, w.pub.id];
    // A hand-made history (window of 3 months: 2026-09 … 2026-11).
    for (let i = 0; i < 5; i++) await act(db, m, 'post.created', c, `2026-07-0${i + 1}T10:00:00.000Z`);
    await act(db, m, 'post.created', c, '2026-09-02T10:00:00.000Z');
    await act(db, o, 'post.created', c, '2026-09-03T10:00:00.000Z');
    await act(db, bot, 'post.created', c, '2026-09-04T10:00:00.000Z');
    await act(db, o, 'post.voted', c, '2026-09-05T10:00:00.000Z');
    await act(db, m, 'article.created', c, '2026-10-01T10:00:00.000Z', 'article');
    await act(db, w.steward.id, 'article.endorsed', c, '2026-10-02T10:00:00.000Z', 'article');
    await act(db, m, 'knowledge.applied', c, '2026-10-03T10:00:00.000Z', 'article');
    await act(db, o, 'knowledge.applied', c, '2026-10-04T10:00:00.000Z', 'article');
    await act(db, o, 'mentorship.started', c, '2026-10-05T10:00:00.000Z', 'mentorship');
    await act(db, m, 'knowledge.applied', c, '2026-11-01T10:00:00.000Z', 'post');
    await act(db, w.steward.id, 'article.superseded', c, '2026-11-02T10:00:00.000Z', 'article');
    await act(db, m, 'post.created', w.priv.id, '2026-11-02T10:00:00.000Z');
    s1 = await recordStoryVia(t, w.as.member, w.pub.slug, { title: 'Damper test in our plan', valueKind: 'both', applied: 'Added a damper test.', topics: [w.ids.pubTopic] });
    (t.deps.clock as ReturnType<typeof fakeClock>).advance(60_000);
    s2 = await recordStoryVia(t, w.as.other, w.pub.slug, { title: 'Inspections halved', realized: 'Inspection time halved.', reframing: 'We judge by comfort too.' });
    await recordStoryVia(t, w.as.member, w.priv.slug, { title: 'Whispered win' });
  });
  afterAll(async () => t.close());

  describe('GET /api/v1/communities/:slug/health/value', () => {
    it('counts stories per cycle and each cycle’s indicators over the window, person accounts only', async () => {
      const res = await api(t, 'GET', `/api/v1/communities/${w.pub.slug}/health/value?months=3`, undefined, w.as.other);
      expect(res.statusCode).toBe(200);
      const m = res.json() as MatrixJson;
      expect(m.stories).toBe(2);
      expect(byCycle(m)).toEqual({
        immediate: { stories: 2, total: 3, responses: 2, comments: 0, answersAccepted: 0, reactions: 1 },
        potential: { stories: 1, total: 2, articlesWritten: 1, threadsCaptured: 0, practicesEndorsed: 1, glossaryTerms: 0 },
        applied: { stories: 1, total: 3, articlesApplied: 2, mentorshipsStarted: 1, articleReads: 0 },
        realized: { stories: 1, total: 1, answersApplied: 1, eventsAttended: 0 },
        reframing: { stories: 1, total: 1, practicesSuperseded: 1 },
      });
      expect(m.matrix.find((r) => r.cycle === 'immediate')?.newest.map((s) => s.title)).toEqual(['Inspections halved', 'Damper test in our plan']);
      expect(m.months).toEqual([
        { month: '2026-09', stories: 0, immediate: 3, potential: 0, applied: 0, realized: 0, reframing: 0 },
        { month: '2026-10', stories: 0, immediate: 0, potential: 2, applied: 3, realized: 0, reframing: 0 },
        { month: '2026-11', stories: 2, immediate: 0, potential: 0, applied: 0, realized: 1, reframing: 1 },
      ]);
    });

    it('gives the lead valueSummary with the same figures: one month entry per window month', async () => {
      const sum = await valueSummary(t.deps, w.pub.id, healthWindow(t.deps.clock.now(), 3));
      expect(sum).toEqual({
        stories: 2,
        storiesByCycle: { immediate: 2, potential: 1, applied: 1, realized: 1, reframing: 1 },
        indicatorsByCycle: { immediate: 3, potential: 2, applied: 3, realized: 1, reframing: 1 },
        months: [
          { month: '2026-09', stories: 0, immediate: 3, potential: 0, applied: 0, realized: 0, reframing: 0 },
          { month: '2026-10', stories: 0, immediate: 0, potential: 2, applied: 3, realized: 0, reframing: 0 },
          { month: '2026-11', stories: 2, immediate: 0, potential: 0, applied: 0, realized: 1, reframing: 1 },
        ],
      });
    });

    it('takes in earlier months with a longer window', async () => {
      const m = (await api(t, 'GET', `/api/v1/communities/${w.pub.slug}/health/value?months=6`)).json() as MatrixJson;
      expect(byCycle(m).immediate).toMatchObject({ responses: 7, total: 8 });
      expect(m.months.map((x) => x.month)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    });

    for (const bad of ['0', '37', 'abc', '2.5']) {
      it(`refuses ?months=${bad} with 400 naming months`, async () => {
        for (const url of [`/api/v1/communities/${w.pub.slug}/health/value?months=${bad}`, `/api/v1/communities/${w.pub.slug}/health/report?months=${bad}`]) {
          const res = await api(t, 'GET', url);
          expect(res.statusCode).toBe(400);
          expect(res.json().error.details[0].field).toMatch(/months/);
        }
        const page = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/health/value?months=${bad}` });
        expect(page.statusCode).toBe(400);
      });
    }
  });

  it('renders the value page: headline cards, the matrix as a table with row headers, charts and CSV links', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/health/value?months=3`, headers: { cookie: w.as.other.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<dt>Stories recorded<\/dt><dd>2<\/dd>/);
    expect(page.body).toMatch(/<th scope="row">Immediate value/);
    for (const s of [s1, s2]) expect(page.body).toContain(`href="/c/${w.pub.slug}/value-stories/${s.id}"`);
    expect(page.body).toMatch(/Votes and reactions: <strong>1<\/strong>/);
    for (const csv of ['matrix.csv?months=3', 'monthly.csv?months=3', 'stories.csv?months=3']) expect(page.body).toContain(`/c/${w.pub.slug}/health/value/${csv}`);
    expect(page.body).not.toContain('Whispered win');
    expect(page.body).toContain(`href="/c/${w.pub.slug}/value-stories/new"`);
    const anon = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/health/value?months=3` });
    expect(anon.statusCode).toBe(200);
    expect(anon.body).not.toContain(`href="/c/${w.pub.slug}/value-stories/new"`);
  });

  it('exports the matrix, the monthly series and the stories as CSV; authors only for stewards', async () => {
    const matrix = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/health/value/matrix.csv?months=3` });
    expect(matrix.headers['content-type']).toContain('text/csv');
    const lines = matrix.body.trim().split('\r\n');
    expect(lines[0]).toBe('cycle,measure,value');
    expect(lines).toContain('immediate,Stories reaching this cycle,2');
    expect(lines).toContain('applied,Mentorships started,1');
    const monthly = (await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/health/value/monthly.csv?months=3` })).body.trim().split('\r\n');
    expect(monthly).toEqual(['month,stories,immediate,potential,applied,realized,reframing', '2026-09,0,3,0,0,0,0', '2026-10,0,0,2,3,0,0', '2026-11,2,0,0,0,1,1']);
    const plain = (await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/health/value/stories.csv?months=3`, headers: { cookie: w.as.other.cookie } })).body;
    expect(plain.split('\r\n')[0]).toBe('id,title,recorded_at,cycles,url');
    expect(plain).toContain('Inspections halved');
    expect(plain).not.toContain(w.member.username);
    const steward = (await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/health/value/stories.csv?months=3`, headers: { cookie: w.as.steward.cookie } })).body;
    expect(steward.split('\r\n')[0]).toBe('id,title,recorded_at,cycles,author,url');
    expect(steward).toContain(`,${w.member.username},`);
  });

  it('shows the printable sponsor report: domain, sponsor, members, the matrix, selected stories, its stage and health', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/health/report?months=3`, headers: { cookie: w.as.other.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Value report: Open Guild');
    expect(page.body).toContain('Safe bridges.');
    expect(page.body).toContain('Chief Engineer');
    expect(page.body).toMatch(/<dt>Members<\/dt><dd>3<\/dd>/);
    // Stage and health from the latest estimate: three members, so still potential.
    expect(page.body).toContain('<strong>Stage: Potential.</strong>');
    expect(page.body).toContain('Fewer than 10 members so far.');
    expect(page.body).toContain('<link rel="stylesheet" href="/health/value-report.css"/>');
    expect(page.body.indexOf('Inspections halved')).toBeLessThan(page.body.lastIndexOf('Damper test in our plan'));
    expect(page.body).not.toContain('Mia Member');
    const steward = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/health/report?months=3`, headers: { cookie: w.as.steward.cookie } });
    expect(steward.body).toContain('by Mia Member');
    const json = (await api(t, 'GET', `/api/v1/communities/${w.pub.slug}/health/report?months=3`, undefined, w.as.other)).json() as { members: number; stories: number; selected: Array<{ title: string; why: string; author: string | null; links: Array<{ title: string }> }> };
    expect(json).toMatchObject({ members: 3, stories: 2, health: { stage: 'potential', reason: 'Fewer than 10 members so far.' } });
    expect(json.selected.map((s) => [s.title, s.why, s.author])).toEqual([['Inspections halved', 'recent', null], ['Damper test in our plan', 'recent', null]]);
    expect(json.selected[1]?.links.map((l) => l.title)).toEqual(['How do we load-test a footbridge?']);
    const css = await t.app.inject({ method: 'GET', url: '/health/value-report.css' });
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.body).toContain('@media print');
  });

  it('keeps a private community’s value, stories and report from non-members on every path (404)', async () => {
    const paths = ['/c/:s/health/value', '/c/:s/health/value/matrix.csv', '/c/:s/health/value/monthly.csv', '/c/:s/health/value/stories.csv', '/c/:s/health/report', '/api/v1/communities/:s/health/value', '/api/v1/communities/:s/health/report', '/c/:s/value-stories'].map((p) => p.replace(':s', w.priv.slug));
    for (const who of [w.as.outsider, w.as.admin, anonymousBrowser()]) {
      for (const url of paths) {
        const res = await t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toContain('Whispered win');
      }
    }
    const member = await t.app.inject({ method: 'GET', url: `/c/${w.priv.slug}/health/value`, headers: { cookie: w.as.other.cookie } });
    expect(member.statusCode).toBe(200);
    expect(member.body).toContain('Whispered win');
  });

  it('documents the value health routes in the OpenAPI document under health', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    for (const path of ['/api/v1/communities/{slug}/health/value', '/api/v1/communities/{slug}/health/report']) expect(doc.paths[path]?.get?.tags, path).toEqual(['health']);
  });
});
