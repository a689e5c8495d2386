import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DbHandle } from '../../core/db/index.ts';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import { demoValueStories } from '../../demo/analytics-value.ts';
import { seedDemo } from '../../demo/seed.ts';

describeEachDialect('demo value stories', (dialect) => {
  let h: DbHandle & { dataDir: string };
  beforeAll(async () => {
    h = await openTestDb(dialect);
    await seedDemo(h.db, { now: new Date('2026-11-20T12:00:00Z') });
  });
  afterAll(async () => h.close());

  it('seeds each story by a member of its community, linked to every thread and article it names, with its cycles', async () => {
    const stories = await h.db
      .selectFrom('value_stories')
      .innerJoin('communities', 'communities.id', 'value_stories.community_id')
      .innerJoin('memberships', (j) => j.onRef('memberships.community_id', '=', 'value_stories.community_id').onRef('memberships.user_id', '=', 'value_stories.author_id'))
      .select(['value_stories.id', 'value_stories.title', 'communities.slug'])
      .orderBy('value_stories.id')
      .execute();
    expect(stories.map((s) => s.title)).toEqual(demoValueStories.map((s) => s.title));
    for (const [i, s] of stories.entries()) {
      const demo = demoValueStories[i]!;
      const links = await h.db.selectFrom('value_story_links').select(['target_type']).where('story_id', '=', s.id).execute();
      expect(links.filter((l) => l.target_type === 'topic'), s.title).toHaveLength(demo.topics.length);
      expect(links.filter((l) => l.target_type === 'article'), s.title).toHaveLength(demo.articles?.length ?? 0);
    }
    const first = await h.db.selectFrom('value_story_cycles').select('cycle').where('story_id', '=', stories[0]!.id).execute();
    expect(first.map((c) => c.cycle).sort()).toEqual(['applied', 'immediate', 'realized']);
    const acts = await h.db.selectFrom('activity').select('verb').where('verb', '=', 'value_story.created').execute();
    expect(acts).toHaveLength(demoValueStories.length);
  });
});
