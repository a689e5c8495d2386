import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, signInAs, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { BAD_INPUT_DIR, BAD_INPUT_SKIP_REASON, badInputMissing, blnsPayloads, xssPayloads, type Payload } from '../../test/helpers/bad-input.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import { pageFindings, parsePage, textOf } from '../../test/helpers/html-safety.ts';
import { replyVia, topicVia } from '../discussions/moderation/moderation.fixtures.ts';
import type { SearchResponse } from './search.schema.ts';

const HOSTILE = 'hostile <script>alert(1)</script><img src=x onerror=alert(2)> \u0001</mark><mark>&amp; "q" \u0002 <b>hostile</b>';
const onlyMarks = (html: string) => [...html.matchAll(/<[^>]*>/g)].every((m) => m[0] === '<mark>' || m[0] === '</mark>');
const balancedMarks = (html: string) => html.split('<mark>').length === html.split('</mark>').length;

/** A sample of a corpus: every n-th payload, so both databases see a spread of it quickly. */
function sample(all: Payload[], n: number): Payload[] {
  return all.filter((_, i) => i % n === 0);
}
function sqliPayloads(): Payload[] {
  const file = path.join(BAD_INPUT_DIR, 'sqli/sqli.txt');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((text, i) => ({ source: `sqli.txt:${i + 1}`, text }));
}

const SYNTAX = [
  '"', '""', '"unbalanced', 'a"b', '*', 'lathe*', '^lathe', 'NEAR(lathe spindle)', 'lathe NEAR spindle', 'AND', 'OR', 'NOT', 'lathe AND', 'OR lathe', 'NOT lathe',
  'lathe OR', '(', ')', '((lathe', 'lathe)', 'title:lathe', 'body:lathe', '{title}: lathe', '-', '-lathe', '--', 'lathe -', "'", "'; drop table search_docs; --", '\\', ':',
  '+', '&', '|', '!', '<->', 'lathe <-> spindle', '@@', 'x'.repeat(1000), 'lathe '.repeat(166), 'lathe\u0000spindle', '\u0001lathe\u0002', '🔧 lathe', 'ḷäthé',
];

describeEachDialect('search API and page', (dialect) => {
  let t: TestApp;
  let b: Browser;
  let slug: string;
  let topicId: number;
  const search = async (qs: string, browser?: Browser) => api(t, 'GET', `/api/v1/search?${qs}`, undefined, browser);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const u = await makeUser(t.deps.db);
    const c = await makeCommunity(t.deps.db, u.id);
    slug = c.slug;
    b = await signInAs(t, u.id);
    topicId = await topicVia(t, b, slug, { title: 'Lathe spindle runout', body: 'My lathe spindle wobbles.', kind: 'question', tags: ['lathe'] });
    await replyVia(t, b, topicId, `Check the bearings. ${HOSTILE}`);
  });
  afterAll(() => t.close());

  it('answers with results the schema describes: kind, title, url, snippet, community, author, date', async () => {
    const res = await search('q=spindle');
    expect(res.statusCode).toBe(200);
    const body = res.json() as SearchResponse;
    expect(body.items.map((i) => i.kind)).toContain('topic');
    const topic = body.items.find((i) => i.kind === 'topic')!;
    expect(topic).toMatchObject({ id: topicId, title: 'Lathe spindle runout', url: `/c/${slug}/t/${topicId}`, community: { slug }, solved: false });
    expect(topic.snippetHtml).toContain('<mark>spindle</mark>');
    expect(body.counts.topic).toBe(1);
    expect(body.total).toBe(1);
  });

  it('is in the OpenAPI document under the search tag, with its filters and response', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, { get: { tags: string[]; parameters: { name: string }[]; responses: Record<string, unknown> } }> };
    const op = doc.paths['/api/v1/search']!.get;
    expect(op.tags).toEqual(['search']);
    expect(op.parameters.map((p) => p.name).sort()).toEqual(['author', 'community', 'cursor', 'from', 'kind', 'limit', 'q', 'solved', 'sort', 'state', 'tag', 'to']);
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400']);
  });

  it('returns hostile stored text in snippets only as escaped text with <mark> hits', async () => {
    const body = (await search('q=hostile')).json() as SearchResponse;
    expect(body.items).toHaveLength(1);
    const snip = body.items[0]!.snippetHtml;
    expect(snip).toContain('<mark>hostile</mark>');
    expect(snip).not.toMatch(/<script|<img|<b>/);
    expect(onlyMarks(snip)).toBe(true);
    expect(balancedMarks(snip)).toBe(true);
    const page = (await t.app.inject('/search?q=hostile')).body;
    expect(pageFindings(page)).toEqual([]);
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
  });

  it('says which field is wrong: empty q, unknown kind or sort, a bad day, an unreadable community or author, a foreign cursor', async () => {
    for (const [qs, field] of [['q=', 'q'], ['q=%20%20', 'q'], ['', 'q'], ['q=x&kind=bogus', 'kind'], ['q=x&sort=popular', 'sort'], ['q=x&from=2026-02-30', 'from'], ['q=x&to=yesterday', 'to'],
      ['q=x&community=no-such-place', 'community'], ['q=x&author=nobody-here', 'author'], ['q=x&cursor=abc', 'cursor'], ['q=x&state=gone', 'state'], ['q=x&solved=maybe', 'solved'],
      [`q=${'y'.repeat(1001)}`, 'q'], ['q=x&limit=0', 'limit']] as const) {
      const res = await search(qs);
      expect(res.statusCode, qs).toBe(400);
      expect((res.json() as { error: { details: { field: string }[] } }).error.details.map((d) => d.field), qs).toContain(field);
    }
  });

  it('treats FTS and tsquery syntax as plain text: results or nothing, never an error', async () => {
    for (const q of SYNTAX) {
      const res = await search(`q=${encodeURIComponent(q)}`);
      expect(res.statusCode, JSON.stringify(q)).toBe(200);
    }
    const nul = await search('q=%00%01');
    expect(nul.statusCode).toBe(400);
    expect(JSON.stringify(nul.json())).toContain('"field":"q"');
    const phrase = (await search(`q=${encodeURIComponent('"spindle runout"')}`)).json() as SearchResponse;
    expect(phrase.items.map((i) => i.id)).toEqual([topicId]);
    const excluded = (await search(`q=${encodeURIComponent('spindle -runout')}`)).json() as SearchResponse;
    expect(excluded.items.some((i) => i.kind === 'topic')).toBe(false);
    const either = (await search(`q=${encodeURIComponent('bearings OR runout')}`)).json() as SearchResponse;
    expect(either.items).toHaveLength(2);
  });

  describe.skipIf(badInputMissing)(`bad-input corpus through /api/v1/search${badInputMissing ? ` (${BAD_INPUT_SKIP_REASON})` : ''}`, () => {
    it('answers a sample of XSS, naughty strings and SQL injection payloads with 200 or a 400 naming q, and safe snippets', async () => {
      const payloads = [...sample(xssPayloads(), 40), ...sample(blnsPayloads(), 8), ...sample(sqliPayloads(), 20)];
      expect(payloads.length).toBeGreaterThan(100);
      for (const p of payloads) {
        const res = await search(`q=${encodeURIComponent(p.text)}`);
        expect([200, 400], p.source).toContain(res.statusCode);
        if (res.statusCode === 400) {
          expect((res.json() as { error: { details: { field: string }[] } }).error.details[0]?.field, p.source).toBe('q');
          continue;
        }
        for (const item of (res.json() as SearchResponse).items) expect(onlyMarks(item.snippetHtml), p.source).toBe(true);
      }
      expect(Number((await t.deps.db.selectFrom('search_docs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(0);
    });
  });

  it('shows a page with the form and an empty state, results with badges and a next-page link, and a header quick search', async () => {
    const empty = await t.app.inject('/search');
    expect(empty.statusCode).toBe(200);
    const doc = parsePage(empty.body);
    expect(textOf(doc, 'h1')).toBe('Search');
    expect(empty.body).toContain('Type a few words above');
    expect(empty.body).toContain('id="quick-search-q"');
    expect(empty.body).toMatch(/<label for="quick-search-q"[^>]*>Search Guildhall<\/label>/);
    for (let i = 0; i < 3; i++) await replyVia(t, b, topicId, `Bearings again, take ${i}.`);
    const page = await t.app.inject('/search?q=bearings&limit=2');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('class="badge badge--post"');
    expect(page.body).toMatch(/href="\/search\?q=bearings&amp;cursor=[^"]+" rel="next"/);
    const next = /href="(\/search\?q=bearings&amp;cursor=[^"]+)" rel="next"/.exec(page.body)![1]!.replace(/&amp;/g, '&');
    const second = await t.app.inject(`${next}&limit=2`);
    expect(second.statusCode).toBe(200);
    const titles = (html: string) => [...html.matchAll(/href="(\/c\/[^"]+#post-\d+)"/g)].map((m) => m[1]);
    expect(titles(second.body)).toHaveLength(2);
    expect(titles(second.body).filter((h) => titles(page.body).includes(h))).toEqual([]);
    const none = await t.app.inject('/search?q=zzzzqqqq');
    expect(none.body).toContain('Nothing matches');
    const bad = await t.app.inject('/search?q=x&from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#f-from"');
    expect(pageFindings(page.body)).toEqual([]);
  });
});
