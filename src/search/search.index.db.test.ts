import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../core/permissions/index.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { addMember, makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import { startTopic, replyToTopic } from '../discussions/posting.service.ts';
import { rankDocuments, rebuildSearchIndex, searchDocuments } from './search.index.ts';

const actorOf = (u: { id: number; username: string; display_name: string; role: 'admin' | 'member' }): Actor => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role });
const base = { sort: 'relevance' as const, offset: 0, limit: 20 };

describeEachDialect('search index smoke', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('indexes a topic and a reply and finds them, ranked and highlighted', async () => {
    const u = await makeUser(t.deps.db);
    const c = await makeCommunity(t.deps.db, u.id);
    const a = actorOf(u);
    const { topicId } = await startTopic(t.deps, a, c.slug, { kind: 'question', title: 'Calibrating the lathe', body: 'How do I calibrate a <b>lathe</b> spindle?', tags: ['lathe'] });
    await replyToTopic(t.deps, a, topicId, 'Use a dial indicator on the spindle.');
    const page = await searchDocuments(t.deps.db, null, { ...base, q: 'spindle' });
    expect(page.hits.map((h) => h.kind).sort()).toEqual(['post', 'topic']);
    expect(page.hits[0]?.snippetHtml).toContain('<mark>');
    expect(page.hits.every((h) => !h.snippetHtml.includes('<b>'))).toBe(true);
    const ranked = await rankDocuments(t.deps.db, { text: 'lathe calibration spindle', communityIds: [c.id], kinds: ['topic'], limit: 5 });
    expect(ranked[0]).toMatchObject({ kind: 'topic', id: topicId });
    await rebuildSearchIndex(t.deps.db);
    await rebuildSearchIndex(t.deps.db, { communityId: c.id });
    expect((await searchDocuments(t.deps.db, null, { ...base, q: 'spindle' })).hits).toHaveLength(2);
    void addMember;
  });
});
