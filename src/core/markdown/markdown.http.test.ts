import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeUser } from '../../../test/helpers/factories.ts';

describeEachDialect('Markdown preview', (dialect) => {
  let t: TestApp;
  let member: Browser;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { LIMIT_BODY_MAX: '1000' } });
    const writer = await makeUser(t.deps.db, { username: 'writer' });
    await makeUser(t.deps.db, { username: 'Alice' });
    member = await signInAs(t, writer.id);
  });
  afterAll(async () => t.close());

  describe('POST /api/v1/markdown/preview', () => {
    it('answers an anonymous caller with 401, even for a body that would not validate', async () => {
      for (const body of [{ text: 'hi' }, { text: 'x'.repeat(5000) }, {}]) {
        const res = await api(t, 'POST', '/api/v1/markdown/preview', body);
        expect(res.statusCode).toBe(401);
        expect(res.json().error.code).toBe('UNAUTHENTICATED');
      }
    });

    it('renders the text as a post would show it, linking members it mentions and listing the others', async () => {
      const res = await api(t, 'POST', '/api/v1/markdown/preview', { text: '# Kiln\n\nAsk @alice or @ghost: `x<y`\n\n<script>alert(1)</script>' }, member);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        html: '<h2>Kiln</h2>\n<p>Ask <a href="/u/alice" class="mention">@alice</a> or @ghost: <code>x&lt;y</code></p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
        mentions: ['alice', 'ghost'],
        unknownMentions: ['ghost'],
      });
    });

    it('highlights code on the server and renders an empty text as nothing', async () => {
      const code = await api(t, 'POST', '/api/v1/markdown/preview', { text: '```js\nlet a = 1\n```' }, member);
      expect(code.json().html).toContain('<code class="hljs language-js"><span class="hljs-keyword">let</span>');
      const empty = await api(t, 'POST', '/api/v1/markdown/preview', { text: '' }, member);
      expect(empty.json()).toEqual({ html: '', mentions: [], unknownMentions: [] });
    });

    it('accepts a text of exactly the body limit', async () => {
      const res = await api(t, 'POST', '/api/v1/markdown/preview', { text: 'a'.repeat(1000) }, member);
      expect(res.statusCode).toBe(200);
    });

    it('rejects a text longer than the body limit with 400 naming text', async () => {
      const res = await api(t, 'POST', '/api/v1/markdown/preview', { text: 'a'.repeat(1001) }, member);
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details).toEqual([{ field: 'text', message: expect.stringContaining('1000') }]);
    });

    it('rejects a missing text, or one that is not a string, with 400 naming text', async () => {
      for (const body of [{}, { text: { nested: 'x' } }, { text: ['a', 'b'] }]) {
        const res = await api(t, 'POST', '/api/v1/markdown/preview', body, member);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('text');
      }
    });

    it('works with a bearer-free session and a form-style CSRF header (what the editor sends)', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/markdown/preview',
        headers: { cookie: member.cookie, 'content-type': 'application/json', 'x-csrf-token': member.csrf },
        payload: JSON.stringify({ text: '**ok**' }),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().html).toBe('<p><strong>ok</strong></p>\n');
    });

    it('is documented in the OpenAPI description under the markdown tag', async () => {
      const spec = (await t.app.inject('/api/v1/openapi.json')).json();
      const op = spec.paths['/api/v1/markdown/preview'].post;
      expect(op.tags).toEqual(['markdown']);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401']));
    });
  });
});
