import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { elementsOf, pageFindings } from '../../../test/helpers/html-safety.ts';
import { fixtureDump } from './import.fixtures.ts';
import { importStackExchange } from './import.service.ts';

describeEachDialect('imported topics in the API and on the page', (dialect) => {
  let t: TestApp;
  let question: number;
  let native: number;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const owner = await makeUser(t.deps.db);
    const c = await makeCommunity(t.deps.db, owner.id, { slug: 'tiny' });
    await importStackExchange(t.deps, fixtureDump('tiny-2020'), { community: 'tiny' });
    const q = await t.deps.db.selectFrom('import_sources').select('local_id').where('kind', '=', 'question').where('original_id', '=', 1).executeTakeFirstOrThrow();
    question = q.local_id;
    const at = '2026-11-01T00:00:00.000Z';
    const topic = await t.deps.db
      .insertInto('topics')
      .values({ community_id: c.id, author_id: owner.id, kind: 'discussion', title: 'Written here', reply_count: 0, last_posted_at: at, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.deps.db.insertInto('posts').values({ topic_id: topic.id, author_id: owner.id, kind: 'opening', body: 'Native.', body_html: '<p>Native.</p>', created_at: at, updated_at: at }).execute();
    native = topic.id;
  });
  afterAll(async () => t.close());

  it('makes imported people findable in the member search, as on /members', async () => {
    const res = await api(t, 'GET', `/api/v1/search?q=${encodeURIComponent('Ångström')}&kind=member`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json().items as Array<{ kind: string; title: string }>).map((i) => [i.kind, i.title])).toEqual([['member', 'Alice Ångström']]);
  });

  it('GET /api/v1/topics/:id shows the question’s source; a topic written here has source null', async () => {
    const res = await api(t, 'GET', `/api/v1/topics/${question}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().source).toEqual({ site: 'tiny.stackexchange.com', id: 1, url: 'https://tiny.stackexchange.com/q/1' });
    expect(res.json().createdAt).toBe('2020-01-05T09:00:00.000Z');
    const mine = await api(t, 'GET', `/api/v1/topics/${native}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().source).toBeNull();
  });

  it('GET /api/v1/topics/:id/posts shows each post’s source (the opening post as the question, answers by /a/)', async () => {
    const res = await api(t, 'GET', `/api/v1/topics/${question}/posts`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ kind: string; source: { url: string } | null }>;
    expect(items.map((p) => [p.kind, p.source?.url])).toEqual([
      ['opening', 'https://tiny.stackexchange.com/q/1'],
      ['answer', 'https://tiny.stackexchange.com/a/3'],
      ['answer', 'https://tiny.stackexchange.com/a/2'],
    ]);
  });

  it('the topic page credits the original author, site and licence, linking the original', async () => {
    const res = await api(t, 'GET', `/c/tiny/t/${question}`);
    expect(res.statusCode).toBe(200);
    const els = elementsOf(res.body);
    const lines = els.filter((e) => e.tag === 'p' && (e.attr('class') ?? '').includes('import-attribution')).map((e) => e.text.replace(/\s+/g, ' ').trim());
    expect(lines).toEqual([
      'Originally asked on tiny.stackexchange.com by Alice Ångström · CC BY-SA 4.0',
      'Originally answered on tiny.stackexchange.com by Gone Person · CC BY-SA 3.0',
      'Originally answered on tiny.stackexchange.com by Bob · CC BY-SA 4.0',
    ]);
    const hrefs = els.filter((e) => e.tag === 'a').map((e) => e.attr('href'));
    expect(hrefs).toEqual(expect.arrayContaining(['https://tiny.stackexchange.com/q/1', 'https://tiny.stackexchange.com/a/3', 'https://creativecommons.org/licenses/by-sa/4.0/', 'https://creativecommons.org/licenses/by-sa/3.0/']));
    expect(pageFindings(res.body)).toEqual([]);
    const mine = await api(t, 'GET', `/c/tiny/t/${native}`);
    expect(elementsOf(mine.body).filter((e) => (e.attr('class') ?? '').includes('import-attribution'))).toEqual([]);
  });
});
