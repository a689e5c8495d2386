import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { articlesWorld, writeArticleVia } from '../articles/articles.fixtures.ts';
import { pngBytes, storedFiles, upload } from './attachments.fixtures.ts';

describeEachDialect('files of a deleted article', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    w = await articlesWorld(t);
  });
  afterAll(async () => t.close());

  it('are removed from disk with the article, and other articles keep theirs', async () => {
    const doomed = await writeArticleVia(t, w.as.member, w.pub.slug, { title: 'A draft to delete' });
    const kept = await writeArticleVia(t, w.as.member, w.pub.slug, { title: 'A draft to keep' });
    for (const id of [doomed.id, doomed.id, kept.id]) {
      const res = await upload(t, `/api/v1/articles/${id}/attachments`, { name: 'dot.png', type: 'image/png', bytes: await pngBytes() }, w.as.member);
      expect(res.statusCode, res.body).toBe(201);
    }
    const keptKeys = (await t.deps.db.selectFrom('attachments').select('storage_key').where('article_id', '=', kept.id).execute()).map((r) => r.storage_key);
    expect(storedFiles(t)).toHaveLength(3);
    const res = await api(t, 'DELETE', `/api/v1/articles/${doomed.id}`, {}, w.as.member);
    expect(res.statusCode, res.body).toBeLessThan(300);
    expect(storedFiles(t)).toEqual(keptKeys);
  });
});
