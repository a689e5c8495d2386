import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, buildTestApp, signInAs, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../test/helpers/factories.ts';

/** The People section of a community's page links to the people features; the leaderboard only while it is on. */
describeEachDialect('community page: People section', (dialect) => {
  let t: TestApp;
  let slug: string;
  let steward: Awaited<ReturnType<typeof signInAs>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const owner = await makeUser(t.deps.db, { username: 'keeper' });
    slug = (await makeCommunity(t.deps.db, owner.id, { name: 'Field Notes', visibility: 'public', join_policy: 'open' })).slug;
    steward = await signInAs(t, owner.id);
  });
  afterAll(async () => t.close());

  const section = async () => {
    const html = (await t.app.inject({ url: `/c/${slug}` })).body;
    return /<section aria-labelledby="people-h">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
  };

  it('links to the expert finder for this community, its network, its leaderboard and the mentors', async () => {
    const people = await section();
    expect(people).toContain(`href="/experts?community=${slug}"`);
    expect(people).toContain(`href="/c/${slug}/network"`);
    expect(people).toContain(`href="/c/${slug}/leaderboard"`);
    expect(people).toContain('href="/mentors"');
  });

  it('drops the leaderboard link once stewards turn the leaderboard off', async () => {
    const off = await api(t, 'PUT', `/api/v1/communities/${slug}/leaderboard/settings`, { leaderboardEnabled: false }, steward);
    expect(off.statusCode).toBe(200);
    const people = await section();
    expect(people).not.toContain('/leaderboard"');
    expect(people).toContain(`href="/c/${slug}/network"`);
  });
});
