import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DialectName } from '../src/core/db/index.ts';
import { api, buildTestApp, postForm, signInAs, type Browser, type TestApp } from './helpers/app.ts';
import { badInputMissing, BAD_INPUT_SKIP_REASON, blnsPayloads, xssPayloads, type Payload } from './helpers/bad-input.ts';
import { describeEachDialect } from './helpers/db.ts';
import { addMember, makeCommunity, makeUser } from './helpers/factories.ts';
import { countTags, pageFindings, parsePage, textOf } from './helpers/html-safety.ts';

/*
 * Hostile titles, bodies and tags through the real app: members post a deterministic sample of the
 * XSS lists and the BLNS (every polyglot and OWASP evasion, then an even spread over the rest) with the
 * form and the API; the server must answer 2xx/3xx or a 4xx, never a 5xx, and every page that shows
 * the result must be free of scripts, event handlers, dangerous URLs and injected tags.
 */

if (badInputMissing) process.stdout.write(`\n⚠ ${BAD_INPUT_SKIP_REASON}\n`);

const FORM_CONTROLS = ['form', 'input', 'button', 'textarea', 'select'] as const;

/** `k` items spread evenly over `list`, first and last included (deterministic). */
function spread<T>(list: T[], k: number): T[] {
  if (list.length <= k) return list;
  return Array.from({ length: k }, (_, i) => list[Math.round((i * (list.length - 1)) / Math.max(1, k - 1))] as T);
}

/** The sample: the nastiest lists in full (or spread, for a small sample), then the other XSS lists and the BLNS. */
function samplePayloads(size: 'full' | 'small'): Payload[] {
  const xss = xssPayloads();
  const nastiest = xss.filter((p) => /^(XSS_Polyglots|owasp-)/.test(p.source));
  const otherXss = xss.filter((p) => !nastiest.includes(p));
  const blns = blnsPayloads().filter((p) => p.text.trim() !== '' && !p.text.startsWith('#'));
  return size === 'full' ? [...nastiest, ...spread(otherXss, 100), ...spread(blns, 80)] : [...spread(nastiest, 25), ...spread(otherXss, 20), ...spread(blns, 15)];
}

/** What the HTML parser does to text before we compare: CR LF → LF, NUL → U+FFFD. */
function asParsed(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
}

function topicIdFrom(res: LightMyRequestResponse, via: 'api' | 'form'): number | null {
  if (via === 'api') return res.statusCode === 201 ? (res.json() as { id: number }).id : null;
  const m = res.statusCode === 303 ? /\/t\/(\d+)/.exec(String(res.headers.location ?? '')) : null;
  return m ? Number(m[1]) : null;
}

function corpusSuite(dialect: DialectName): void {
  let t: TestApp;
  let asker: Browser;
  let slug: string;
  const size = dialect === 'sqlite' ? 'full' : 'small';
  const payloads = badInputMissing ? [] : samplePayloads(size);
  let serverErrors: string[] = [];
  let findings: string[] = [];

  /** Notes a 5xx; a refused form comes back as a page echoing the input, so that page is checked too. */
  function record(what: string, res: LightMyRequestResponse): void {
    if (res.statusCode >= 500) serverErrors.push(`${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    const type = String(res.headers['content-type'] ?? '');
    if (res.statusCode === 400 && type.includes('text/html')) for (const f of pageFindings(res.body)) findings.push(`${what}, the refused form: ${f}`);
    if (res.statusCode === 400 && !type.includes('text/html') && !type.includes('application/json')) findings.push(`${what}: a 400 answered as ${type}`);
  }

  async function createTopic(via: 'api' | 'form', fields: { kind: string; title: string; body: string; tags?: string }): Promise<LightMyRequestResponse> {
    if (via === 'form') return postForm(t, `/c/${slug}/t/new`, { ...fields, tags: fields.tags ?? '' }, asker);
    const tags = fields.tags === undefined ? undefined : [fields.tags];
    return api(t, 'POST', `/api/v1/communities/${slug}/topics`, { kind: fields.kind, title: fields.title, body: fields.body, ...(tags ? { tags } : {}) }, asker);
  }

  async function checkPage(url: string, label: string, baseline?: Record<string, number>): Promise<ReturnType<typeof parsePage>> {
    const res = await t.app.inject({ url, headers: { cookie: asker.cookie } });
    record(`GET ${url} (${label})`, res);
    expect(res.statusCode, `GET ${url}`).toBe(200);
    const doc = parsePage(res.body);
    for (const f of pageFindings(doc)) findings.push(`${label} on ${url}: ${f}`);
    if (baseline) {
      const counts = countTags(doc, FORM_CONTROLS);
      if (JSON.stringify(counts) !== JSON.stringify(baseline)) findings.push(`${label} on ${url}: form controls ${JSON.stringify(counts)}, a harmless topic has ${JSON.stringify(baseline)}`);
    }
    return doc;
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const owner = await makeUser(t.deps.db, { username: 'corpus-asker' });
    const community = await makeCommunity(t.deps.db, owner.id, { slug: 'corpus', name: 'Corpus' });
    await addMember(t.deps.db, community.id, (await makeUser(t.deps.db, { username: 'alice' })).id, 'member');
    slug = community.slug;
    asker = await signInAs(t, owner.id);
  });
  beforeEach(() => {
    serverErrors = [];
    findings = [];
  });
  afterAll(async () => t?.close());

  it(`posts ${size === 'full' ? '~300' : '~60'} hostile titles and bodies by form and API; no 5xx, and topic and community pages stay safe`, { timeout: 120_000 }, async () => {
    const baseline: Record<string, Record<string, number>> = {};
    for (const kind of ['discussion', 'question']) {
      const res = await createTopic('api', { kind, title: `A harmless ${kind}`, body: 'Nothing to see.' });
      const id = topicIdFrom(res, 'api');
      expect(id, `baseline ${kind}: ${res.body.slice(0, 300)}`).not.toBeNull();
      baseline[kind] = countTags((await t.app.inject({ url: `/c/${slug}/t/${id}`, headers: { cookie: asker.cookie } })).body, FORM_CONTROLS);
    }
    let created = 0;
    for (const [i, p] of payloads.entries()) {
      const via = i % 2 === 0 ? 'form' : 'api';
      const kind = i % 4 < 2 ? 'question' : 'discussion';
      const body = i % 3 === 0 ? `${p.text}\n\n> ${p.text}\n\n- [${p.text}](${p.text})` : p.text;
      const res = await createTopic(via, { kind, title: p.text, body });
      record(`create by ${via} with ${p.source}`, res);
      expect([200, 201, 303, 400], `create by ${via} with ${p.source}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      const id = topicIdFrom(res, via);
      if (id === null) continue;
      created += 1;
      const page = await checkPage(`/c/${slug}/t/${id}`, p.source, baseline[kind]);
      const stored = await t.deps.db.selectFrom('topics').select('title').where('id', '=', id).executeTakeFirstOrThrow();
      for (const tag of ['h1', 'title']) {
        const text = textOf(page, tag) ?? '';
        if (!text.includes(asParsed(stored.title))) findings.push(`${p.source}: the title does not show as text in <${tag}>: ${JSON.stringify(text)}`);
      }
      if (created % 10 === 0) {
        await checkPage(`/c/${slug}`, `community page after ${p.source}`);
        await checkPage(`/c/${slug}/topics`, `topic list after ${p.source}`);
      }
    }
    await checkPage(`/c/${slug}/topics?view=unanswered`, 'unanswered list');
    expect(serverErrors).toEqual([]);
    expect(findings).toEqual([]);
    expect(created, 'most payloads make a valid title and body').toBeGreaterThan(payloads.length / 2);
  });

  it('rejects hostile tags with 400 naming tags, or normalises them; never a 5xx, and tag pages stay safe', { timeout: 120_000 }, async () => {
    const before = await t.deps.db.selectFrom('topics').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    let accepted = 0;
    for (const [i, p] of payloads.entries()) {
      const via = i % 2 === 0 ? 'api' : 'form';
      const res = await createTopic(via, { kind: 'discussion', title: `Tags ${i}`, body: 'Checking tags.', tags: p.text });
      record(`tags by ${via} with ${p.source}`, res);
      expect([201, 303, 400], `tags by ${via} with ${p.source}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      if (res.statusCode === 400 && via === 'api') {
        const fields = (res.json() as { error: { details: { field: string }[] } }).error.details.map((d) => d.field);
        expect(fields.some((f) => f.startsWith('tags')), `${p.source}: 400 names tags, got ${fields.join(', ')}`).toBe(true);
      }
      if (res.statusCode === 400 && via === 'form') expect(res.body, `${p.source}: the form says what is wrong with the tags`).toMatch(/tag/i);
      const id = topicIdFrom(res, via);
      if (id !== null) {
        accepted += 1;
        await checkPage(`/c/${slug}/t/${id}`, `tags ${p.source}`);
      }
    }
    const after = await t.deps.db.selectFrom('topics').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n), 'a refused topic writes nothing').toBe(accepted);
    const tags = await t.deps.db.selectFrom('topic_tags').select('tag').distinct().execute();
    for (const { tag } of tags) expect(tag, 'stored tags are normalised').toMatch(/^[a-z0-9-]+$/);
    await checkPage(`/c/${slug}/tags`, 'tag index');
    for (const { tag } of tags.slice(0, 20)) await checkPage(`/c/${slug}/tags/${encodeURIComponent(tag)}`, `tag page ${tag}`);
    expect(serverErrors).toEqual([]);
    expect(findings).toEqual([]);
  });
}

describe.skipIf(badInputMissing)(`hostile input through the app${badInputMissing ? ' (SKIPPED: ../shared/data/bad-input missing)' : ''}`, () => {
  describeEachDialect('titles, bodies and tags from the XSS lists and the BLNS', corpusSuite);
});
