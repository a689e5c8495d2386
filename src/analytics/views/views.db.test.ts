import { afterAll, beforeAll, expect, it } from 'vitest';
import { PUBLIC_VERBS } from '../../core/activity.ts';
import type { DbHandle } from '../../core/db/index.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { fakeClock } from '../../../test/helpers/app.ts';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { TableWatch } from '../../../test/helpers/query-count.ts';
import { recordView } from './views.service.ts';

describeEachDialect('recordView', (dialect) => {
  let h: DbHandle;
  let reader: Actor;
  let communityId: number;
  const clock = fakeClock(new Date('2026-11-26T08:00:00Z'));
  beforeAll(async () => {
    h = await openTestDb(dialect);
    const u = await makeUser(h.db, { display_name: 'Rae Reader' });
    reader = { id: u.id, username: u.username, displayName: u.display_name, role: 'member' };
    communityId = (await makeCommunity(h.db, u.id)).id;
  });
  afterAll(async () => h.close());

  const viewRows = () => h.db.selectFrom('content_views').selectAll().orderBy('day').orderBy('subject_type').execute();
  const viewActivity = () => h.db.selectFrom('activity').select(['actor_id', 'verb', 'community_id', 'subject_type', 'subject_id', 'created_at']).where('verb', 'like', '%.viewed').orderBy('id').execute();

  it('counts the first view of an item per member per UTC day, once, with a topic.viewed / article.viewed row', async () => {
    const deps = { db: h.db, clock };
    expect(await recordView(deps, reader, { type: 'topic', id: 7, communityId })).toBe(true);
    clock.set(new Date('2026-11-26T23:59:59Z'));
    expect(await recordView(deps, reader, { type: 'topic', id: 7, communityId })).toBe(false);
    expect(await recordView(deps, reader, { type: 'article', id: 7, communityId })).toBe(true);
    clock.set(new Date('2026-11-27T00:00:00Z'));
    expect(await recordView(deps, reader, { type: 'topic', id: 7, communityId })).toBe(true);
    expect(await viewRows()).toEqual([
      { user_id: reader.id, subject_type: 'article', subject_id: 7, day: '2026-11-26' },
      { user_id: reader.id, subject_type: 'topic', subject_id: 7, day: '2026-11-26' },
      { user_id: reader.id, subject_type: 'topic', subject_id: 7, day: '2026-11-27' },
    ]);
    expect(await viewActivity()).toEqual([
      { actor_id: reader.id, verb: 'topic.viewed', community_id: communityId, subject_type: 'topic', subject_id: 7, created_at: '2026-11-26T08:00:00.000Z' },
      { actor_id: reader.id, verb: 'article.viewed', community_id: communityId, subject_type: 'article', subject_id: 7, created_at: '2026-11-26T23:59:59.000Z' },
      { actor_id: reader.id, verb: 'topic.viewed', community_id: communityId, subject_type: 'topic', subject_id: 7, created_at: '2026-11-27T00:00:00.000Z' },
    ]);
  });

  it('costs no write for a view this node has already counted today', async () => {
    const watch = new TableWatch('content_views');
    const deps = { db: h.db.withPlugin(watch), clock };
    clock.set(new Date('2026-11-28T09:00:00Z'));
    expect(await recordView(deps, reader, { type: 'topic', id: 8, communityId })).toBe(true);
    const after = watch.naming;
    expect(after).toBeGreaterThan(0);
    expect(await recordView(deps, reader, { type: 'topic', id: 8, communityId })).toBe(false);
    expect(watch.naming).toBe(after);
    clock.set(new Date('2026-11-29T09:00:00Z')); // a new day counts again
    expect(await recordView(deps, reader, { type: 'topic', id: 8, communityId })).toBe(true);
  });

  it('never counts an anonymous view, and never shows views in public feeds', async () => {
    const before = (await viewRows()).length;
    expect(await recordView({ db: h.db, clock }, null, { type: 'article', id: 99, communityId })).toBe(false);
    expect(await viewRows()).toHaveLength(before);
    expect((PUBLIC_VERBS as readonly string[]).filter((v) => v.endsWith('.viewed'))).toEqual([]);
  });
});
