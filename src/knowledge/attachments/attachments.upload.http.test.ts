import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, postForm, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { startTopicVia, tickingClock } from '../../discussions/discussions.fixtures.ts';
import { articlesWorld, writeArticleVia } from '../articles/articles.fixtures.ts';
import { deleteVia, pngBytes, storedFiles, storedState, upload } from './attachments.fixtures.ts';

describeEachDialect('attachments: upload, serve, remove', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  let pubArticle: number;
  let privArticle: number;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock(), env: { UPLOAD_MAX_BYTES: '4096' } });
    w = await articlesWorld(t);
    pubArticle = (await writeArticleVia(t, w.as.member, w.pub.slug)).id;
    privArticle = (await writeArticleVia(t, w.as.member, w.priv.slug)).id;
  });
  afterAll(async () => t.close());

  it('attaches a PNG to an article through the API, stores it under DATA_DIR/uploads by a random name, and records attachment.added', async () => {
    const before = await storedState(t);
    const res = await upload(t, `/api/v1/articles/${pubArticle}/attachments`, { name: '../../etc/Évier plan.png', type: 'image/png', bytes: await pngBytes() }, w.as.member);
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json() as { id: number; name: string; type: string; mime: string; url: string; attachedTo: { kind: string; id: number } };
    expect(a).toMatchObject({ name: 'Évier plan.png', type: 'png', mime: 'image/png', attachedTo: { kind: 'article', id: pubArticle } });
    const after = await storedState(t);
    expect(after.rows).toBe(before.rows + 1);
    expect(after.activity).toBe(before.activity + 1);
    const added = after.files.filter((f) => !before.files.includes(f));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^[a-f0-9]{32}$/);
    const act = await t.deps.db.selectFrom('activity').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(act).toMatchObject({ verb: 'attachment.added', subject_type: 'attachment', subject_id: a.id, actor_id: w.member.id });
    const meta = await api(t, 'GET', `/api/v1/attachments/${a.id}`);
    expect(meta.json()).toMatchObject({ id: a.id, name: 'Évier plan.png' });
  });

  it('serves an image inline and other files as downloads, always with nosniff and a sandboxing CSP', async () => {
    const img = (await upload(t, `/api/v1/articles/${pubArticle}/attachments`, { name: 'pic.png', bytes: await pngBytes('#ff0000') }, w.as.member)).json() as { url: string };
    const res = await t.app.inject({ method: 'GET', url: img.url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="pic.png"/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/sandbox/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(res.headers['cache-control']).toMatch(/^public/);
    expect(res.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const head = await t.app.inject({ method: 'HEAD', url: img.url });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-security-policy']).toMatch(/sandbox/);
    const txt = (await upload(t, `/api/v1/articles/${pubArticle}/attachments`, { name: 'notes.md', type: 'text/markdown', bytes: Buffer.from('# Notes\n\nUse the *whetstone*.\n') }, w.as.member)).json() as { url: string; type: string };
    expect(txt.type).toBe('md');
    const t2 = await t.app.inject({ method: 'GET', url: txt.url });
    expect(t2.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(t2.headers['content-disposition']).toMatch(/^attachment; filename="notes.md"/);
    expect(t2.headers['content-security-policy']).toMatch(/sandbox/);
    expect(t2.body).toBe('# Notes\n\nUse the *whetstone*.\n');
  });

  it('accepts a no-JavaScript form post with the _csrf field and redirects back to the article', async () => {
    const res = await upload(t, `/c/${w.pub.slug}/a/${pubArticle}/attachments`, { name: 'table.csv', type: 'text/csv', bytes: Buffer.from('a,b\n1,2\n') }, w.as.member);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/c/${w.pub.slug}/a/${pubArticle}`);
    const page = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/a/${pubArticle}`, headers: { cookie: w.as.member.cookie } });
    expect(page.body).toContain('table.csv');
    expect(page.body).toContain('enctype="multipart/form-data"');
  });

  it('refuses a form post without the CSRF token (403) and stores nothing', async () => {
    const before = await storedState(t);
    const res = await upload(t, `/c/${w.pub.slug}/a/${pubArticle}/attachments`, { name: 'x.txt', bytes: Buffer.from('hello') }, { ...w.as.member, csrf: 'wrong-token-wrong-token-wrong-token-00' });
    expect(res.statusCode).toBe(403);
    expect(await storedState(t)).toEqual(before);
  });

  it.each([
    ['PNG bytes named .jpg', { name: 'photo.jpg', type: 'image/jpeg' }, 415, /photo\.jpg: its bytes are a PNG image/],
    ['PNG bytes claimed as application/pdf', { name: 'photo.png', type: 'application/pdf' }, 415, /photo\.png: its bytes are a PNG image, not the application\/pdf/],
  ])('refuses %s with 415 naming the file, and stores nothing', async (_name, file, status, message) => {
    const before = await storedState(t);
    const res = await upload(t, `/api/v1/articles/${pubArticle}/attachments`, { ...file, bytes: await pngBytes() }, w.as.member);
    expect(res.statusCode).toBe(status);
    expect(res.json().error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: [{ field: 'file' }] });
    expect(res.json().error.message).toMatch(message);
    expect(await storedState(t)).toEqual(before);
  });

  it('refuses HTML named .txt, and a file over UPLOAD_MAX_BYTES with 413 naming it, storing nothing', async () => {
    const before = await storedState(t);
    const html = await upload(t, `/api/v1/articles/${pubArticle}/attachments`, { name: 'readme.txt', type: 'text/plain', bytes: Buffer.from('<html><script>alert(1)</script></html>') }, w.as.member);
    expect(html.statusCode).toBe(415);
    expect(html.json().error.message).toMatch(/^readme\.txt: /);
    const big = await upload(t, `/api/v1/articles/${pubArticle}/attachments`, { name: 'big.txt', bytes: Buffer.alloc(5000, 'a') }, w.as.member);
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: [{ field: 'file' }] });
    expect(big.json().error.message).toMatch(/big\.txt is larger than 4096 bytes/);
    const huge = await upload(t, `/api/v1/articles/${pubArticle}/attachments`, { name: 'huge.txt', bytes: Buffer.alloc(200_000, 'a') }, w.as.member);
    expect(huge.statusCode).toBe(413);
    const page = await upload(t, `/c/${w.pub.slug}/a/${pubArticle}/attachments`, { name: 'big.txt', bytes: Buffer.alloc(5000, 'a') }, w.as.member);
    expect(page.statusCode).toBe(413);
    expect(page.body).toContain('big.txt is larger than the limit of 4096 bytes');
    expect(await storedState(t)).toEqual(before);
  });

  it('refuses no file (400), an empty file (400) and a body that is not multipart (415), naming the field', async () => {
    const before = await storedState(t);
    const none = await upload(t, `/api/v1/articles/${pubArticle}/attachments`, undefined, w.as.member);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details).toEqual([{ field: 'file', message: 'choose a file to upload' }]);
    const empty = await upload(t, `/api/v1/articles/${pubArticle}/attachments`, { name: 'e.txt', bytes: Buffer.alloc(0) }, w.as.member);
    expect(empty.statusCode).toBe(400);
    const json = await api(t, 'POST', `/api/v1/articles/${pubArticle}/attachments`, { file: 'x' }, w.as.member);
    expect(json.statusCode).toBe(415);
    expect(json.json().error.details[0].field).toBe('file');
    const form = await postForm(t, `/c/${w.pub.slug}/a/${pubArticle}/attachments`, { file: 'x' }, w.as.member);
    expect(form.statusCode).toBe(415);
    expect(await storedState(t)).toEqual(before);
  });

  it('serves private-community files only to members: 404 for outsiders, non-member admins and anonymous, Cache-Control private', async () => {
    const a = (await upload(t, `/api/v1/articles/${privArticle}/attachments`, { name: 'secret-plan.txt', bytes: Buffer.from('PrivatePlanQz') }, w.as.member)).json() as { id: number; url: string };
    const member = await t.app.inject({ method: 'GET', url: a.url, headers: { cookie: w.as.other.cookie } });
    expect(member.statusCode).toBe(200);
    expect(member.headers['cache-control']).toMatch(/^private/);
    for (const b of [anonymousBrowser(), w.as.outsider, w.as.admin]) {
      for (const url of [a.url, `/files/${a.id}/x`, `/api/v1/attachments/${a.id}`, `/api/v1/communities/${w.priv.slug}/attachments`, `/c/${w.priv.slug}/files`]) {
        const res = await t.app.inject({ method: 'GET', url, headers: { cookie: b.cookie } });
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toContain('PrivatePlanQz');
        if (!url.includes('secret-plan')) expect(res.body).not.toContain('secret-plan');
      }
    }
  });

  it('attaches files to a post (author, not other members), lists them under the post and on /c/:slug/files', async () => {
    const topic = await startTopicVia(t, w.as.other, w.pub.slug, { title: 'Knife angles' });
    const refused = await upload(t, `/api/v1/posts/${topic.openingPostId}/attachments`, { name: 'a.txt', bytes: Buffer.from('x') }, w.as.member);
    expect(refused.statusCode).toBe(403);
    const page = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/posts/${topic.openingPostId}/attach`, headers: { cookie: w.as.other.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Attach a file to a post');
    const res = await upload(t, `/c/${w.pub.slug}/posts/${topic.openingPostId}/attachments`, { name: 'angles.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n') }, w.as.other);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`/c/${w.pub.slug}/t/${topic.id}#post-${topic.openingPostId}`);
    const topicPage = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/t/${topic.id}`, headers: { cookie: w.as.other.cookie } });
    expect(topicPage.body).toContain('angles.pdf');
    expect(topicPage.body).toContain(`/c/${w.pub.slug}/posts/${topic.openingPostId}/attach`);
    const files = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/files` });
    expect(files.statusCode).toBe(200);
    expect(files.body).toContain('angles.pdf');
    expect(files.body).toContain('Knife angles');
    const list = (await api(t, 'GET', `/api/v1/communities/${w.pub.slug}/attachments?limit=1`)).json() as { items: Array<{ name: string }>; nextCursor: string | null };
    expect(list.items.map((i) => i.name)).toEqual(['angles.pdf']);
    expect(list.nextCursor).not.toBeNull();
    const next = (await api(t, 'GET', `/api/v1/communities/${w.pub.slug}/attachments?limit=100&cursor=${list.nextCursor}`)).json() as { items: Array<{ name: string }> };
    expect(next.items.map((i) => i.name)).not.toContain('angles.pdf');
    expect(next.items.length).toBeGreaterThan(1);
  });

  it('removes an attachment and its file (uploader or moderator, not another member), with attachment.removed', async () => {
    const a = (await upload(t, `/api/v1/articles/${pubArticle}/attachments`, { name: 'old.txt', bytes: Buffer.from('old') }, w.as.member)).json() as { id: number; url: string };
    const key = (await t.deps.db.selectFrom('attachments').select('storage_key').where('id', '=', a.id).executeTakeFirstOrThrow()).storage_key;
    expect(storedFiles(t)).toContain(key);
    const refused = await deleteVia(t, a.id, w.as.other);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    const del = await deleteVia(t, a.id, w.as.moderator);
    expect(del.statusCode).toBe(204);
    expect(storedFiles(t)).not.toContain(key);
    expect(fs.existsSync(path.join(t.deps.config.dataDir, 'uploads', key))).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: a.url })).statusCode).toBe(404);
    const act = await t.deps.db.selectFrom('activity').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(act).toMatchObject({ verb: 'attachment.removed', subject_id: a.id, actor_id: w.moderator.id });
    const b = (await upload(t, `/api/v1/articles/${pubArticle}/attachments`, { name: 'older.txt', bytes: Buffer.from('older') }, w.as.member)).json() as { id: number };
    const form = await postForm(t, `/c/${w.pub.slug}/files/${b.id}/delete`, { next: `/c/${w.pub.slug}/files` }, w.as.member);
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe(`/c/${w.pub.slug}/files`);
    expect((await api(t, 'GET', `/api/v1/attachments/${b.id}`)).statusCode).toBe(404);
  });

  it('documents the attachments API in the OpenAPI document, uploads as multipart with a binary file field', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json();
    const ops: Array<[string, string]> = [['/api/v1/communities/{slug}/attachments', 'get'], ['/api/v1/articles/{id}/attachments', 'post'], ['/api/v1/posts/{id}/attachments', 'post'], ['/api/v1/attachments/{id}', 'get'], ['/api/v1/attachments/{id}', 'delete']];
    for (const [p, method] of ops) {
      const op = doc.paths[p]?.[method];
      expect(op?.tags, `${method} ${p}`).toEqual(['attachments']);
      expect(op.summary).toEqual(expect.any(String));
    }
    for (const p of ['/api/v1/articles/{id}/attachments', '/api/v1/posts/{id}/attachments']) {
      expect(doc.paths[p].post.requestBody.content['multipart/form-data'].schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
      expect(Object.keys(doc.paths[p].post.responses)).toEqual(expect.arrayContaining(['201', '413', '415']));
    }
  });
});
