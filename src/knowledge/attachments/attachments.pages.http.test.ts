import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { pageFindings } from '../../../test/helpers/html-safety.ts';
import { startTopicVia, tickingClock } from '../../discussions/discussions.fixtures.ts';
import { articlesWorld, writeArticleVia } from '../articles/articles.fixtures.ts';
import { pngBytes, storedState, upload } from './attachments.fixtures.ts';

describeEachDialect('attachments pages', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  let articleId: number;
  const page = (url: string, b?: Browser) => t.app.inject({ method: 'GET', url, headers: b ? { cookie: b.cookie } : {} });
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await articlesWorld(t);
    articleId = (await writeArticleVia(t, w.as.member, w.pub.slug)).id;
  });
  afterAll(async () => t.close());

  it('shows the upload form on the article page to those who may edit it, and only the list to other readers', async () => {
    await upload(t, `/api/v1/articles/${articleId}/attachments`, { name: '<img src=x onerror=alert(1)>.png', bytes: await pngBytes() }, w.as.member);
    const editor = await page(`/c/${w.pub.slug}/a/${articleId}`, w.as.member);
    expect(editor.body).toContain('<h2 id="attachments-heading">Attachments</h2>');
    expect(editor.body).toContain('<input type="file" id="f-file" name="file" required');
    expect(editor.body).toContain('_img src=x onerror=alert(1)_.png');
    expect(pageFindings(editor.body)).toEqual([]);
    const reader = await page(`/c/${w.pub.slug}/a/${articleId}`, w.as.outsider);
    expect(reader.body).toContain('_img src=x onerror=alert(1)_.png');
    expect(reader.body).not.toContain('type="file"');
    expect(reader.body).not.toContain('>Remove<');
  });

  it('re-renders the upload page with the reason (415) when a form upload is refused', async () => {
    const before = await storedState(t);
    const res = await upload(t, `/c/${w.pub.slug}/a/${articleId}/attachments`, { name: 'page.html', type: 'text/html', bytes: Buffer.from('<html><body>hi</body></html>') }, w.as.member);
    expect(res.statusCode).toBe(415);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain('page.html: its bytes are not an accepted type');
    expect(res.body).toContain(`action="/c/${w.pub.slug}/a/${articleId}/attachments"`);
    expect(pageFindings(res.body)).toEqual([]);
    expect(await storedState(t)).toEqual(before);
  });

  it('gives a post’s author an "Attach a file" link and page; other members get neither', async () => {
    const topic = await startTopicVia(t, w.as.other, w.pub.slug, { title: 'Sharpening stones' });
    const own = await page(`/c/${w.pub.slug}/t/${topic.id}`, w.as.other);
    expect(own.body).toContain(`href="/c/${w.pub.slug}/posts/${topic.openingPostId}/attach"`);
    const theirs = await page(`/c/${w.pub.slug}/t/${topic.id}`, w.as.member);
    expect(theirs.body).not.toContain(`/posts/${topic.openingPostId}/attach`);
    const attach = await page(`/c/${w.pub.slug}/posts/${topic.openingPostId}/attach`, w.as.other);
    expect(attach.statusCode).toBe(200);
    expect(attach.body).toContain('enctype="multipart/form-data"');
    expect(pageFindings(attach.body)).toEqual([]);
    expect((await page(`/c/${w.pub.slug}/posts/${topic.openingPostId}/attach`, w.as.member)).statusCode).toBe(403);
    expect((await page(`/c/${w.priv.slug}/posts/${topic.openingPostId}/attach`, w.as.other)).statusCode).toBe(404);
  });

  it('lists the community’s files with who, where and size, paginated; a bad cursor is a 400', async () => {
    for (let i = 0; i < 26; i++) await upload(t, `/api/v1/articles/${articleId}/attachments`, { name: `note-${i}.txt`, bytes: Buffer.from(`note ${i}`) }, w.as.member);
    const first = await page(`/c/${w.pub.slug}/files`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Files of Open Kitchen');
    expect(first.body).toContain('note-25.txt');
    expect(first.body).toContain('Ben Member');
    expect(first.body).toContain('Sharpen a knife');
    expect(pageFindings(first.body)).toEqual([]);
    const next = /href="([^"]*cursor=[^"]*)" rel="next"/.exec(first.body)?.[1];
    expect(next).toBeDefined();
    const second = await page(next!.replace(/&amp;/g, '&'));
    expect(second.body).not.toContain('note-25.txt');
    expect(second.body).toContain('note-0.txt');
    expect((await page(`/c/${w.pub.slug}/files?cursor=nonsense`)).statusCode).toBe(400);
  });

  it('takes files past the app’s 1 MiB body limit, up to UPLOAD_MAX_BYTES (10 MiB by default)', async () => {
    const res = await upload(t, `/api/v1/articles/${articleId}/attachments`, { name: 'long-log.txt', bytes: Buffer.alloc(3 * 1024 * 1024, 'log line\n') }, w.as.member);
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as { size: number }).size).toBe(3 * 1024 * 1024);
  });
});
