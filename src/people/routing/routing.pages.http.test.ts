import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, fakeClock, postForm, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { ROUTING_NOW, routingCounts, routingWorld, taggedQuestion } from './routing.fixtures.ts';

describeEachDialect('question routing pages', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof routingWorld>>;
  let topicUrl: string;
  let topicId: number;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(ROUTING_NOW) });
    w = await routingWorld(t);
    topicId = (await taggedQuestion(t.deps.db, w.pub.id, w.asker.id, ['sql'])).topicId;
    topicUrl = `/c/${w.pub.slug}/t/${topicId}`;
  });
  afterAll(async () => t.close());

  const get = (url: string, as?: Omit<Browser, 'userId'>) => t.app.inject({ method: 'GET', url, headers: as ? { cookie: as.cookie } : {} });

  it('shows the asker "Who could answer this?" with reasons and Invite to answer buttons; other members and anonymous readers see no box', async () => {
    const page = await get(topicUrl, w.as.asker);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Who could answer this?');
    expect(page.body).toContain('2 accepted answers in #sql');
    expect(page.body).toContain(`action="${topicUrl}/invitations"`);
    expect(page.body).toContain('Invite to answer');
    for (const as of [w.as.answerer, undefined]) expect((await get(topicUrl, as)).body).not.toContain('Who could answer this?');
  });

  it('invites with the form (303 back to the question), shows the invitee a Decline button, and declining clears their list', async () => {
    const res = await postForm(t, `${topicUrl}/invitations`, { username: w.fay.username }, w.as.asker);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(topicUrl);
    const seen = await get(topicUrl, w.as.fay);
    expect(seen.body).toContain('You were invited to answer this question.');
    const mine = await get('/me/answer-invitations', w.as.fay);
    expect(mine.body).toContain('Questions you were invited to answer');
    const id = /\/me\/answer-invitations\/(\d+)\/decline/.exec(mine.body)?.[1];
    expect(id).toBeDefined();
    expect((await postForm(t, `/me/answer-invitations/${id}/decline`, {}, w.as.fay)).statusCode).toBe(303);
    expect((await get('/me/answer-invitations', w.as.fay)).body).toContain('No open invitations');
  });

  it('shows the invite page again with the problem marked (400) for a bad name, writing nothing', async () => {
    const before = await routingCounts(t.deps.db);
    const res = await postForm(t, `${topicUrl}/invitations`, { username: w.asker.username }, w.as.asker);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('You cannot invite yourself.');
    expect(res.body).toContain('aria-invalid="true"');
    expect(await routingCounts(t.deps.db)).toEqual(before);
    const again = await postForm(t, `${topicUrl}/invitations`, { username: w.fay.username }, w.as.asker);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('already invited');
  });

  it('gives stewards a response target page; a bad number is shown again with 400', async () => {
    const page = `/c/${w.pub.slug}/settings/routing`;
    expect((await get(page, w.as.steward)).body).toContain('Response target (hours)');
    expect((await get(page, w.as.answerer)).statusCode).toBe(403);
    const bad = await postForm(t, page, { responseTargetHours: 'soon' }, w.as.steward);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('whole number of hours');
    expect((await postForm(t, page, { responseTargetHours: '24' }, w.as.steward)).statusCode).toBe(303);
    expect((await get(page, w.as.steward)).body).toContain('value="24"');
  });

  it('shows your own open invitations on your profile, and nobody else’s', async () => {
    await postForm(t, `${topicUrl}/invitations`, { username: w.gus.username }, w.as.asker);
    const own = await get(`/u/${w.gus.username}`, w.as.gus);
    expect(own.body).toContain('Invitations to answer');
    expect(own.body).toContain('1 question is waiting for your answer.');
    for (const as of [w.as.asker, undefined]) expect((await get(`/u/${w.gus.username}`, as)).body).not.toContain('Invitations to answer');
  });
});
