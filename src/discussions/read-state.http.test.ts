import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, buildTestApp, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity } from '../../test/helpers/factories.ts';
import { discussionsWorld, newMember, replyVia, startTopicVia, tickingClock } from './discussions.fixtures.ts';

type ReadState = { opened: boolean; newPosts: number } | null;

describeEachDialect('read state', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  let slug: string;
  let reader: Browser;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await discussionsWorld(t);
    const c = await makeCommunity(t.deps.db, w.steward.id, { name: 'Reading Room' });
    await addMember(t.deps.db, c.id, w.member.id);
    slug = c.slug;
    reader = (await newMember(t, [c.id])).as;
  });
  afterAll(async () => t.close());

  const stateOf = async (topicId: number, b?: Browser): Promise<ReadState> => {
    const items = (await api(t, 'GET', `/api/v1/communities/${slug}/topics?limit=100`, undefined, b)).json().items as Array<{ id: number; readState: ReadState }>;
    return items.find((i) => i.id === topicId)?.readState ?? null;
  };
  const view = (topicId: number, b: Browser) => t.app.inject({ url: `/c/${slug}/t/${topicId}`, headers: { cookie: b.cookie } });

  it('marks a topic never opened as new, counting every post by others', async () => {
    const topic = await startTopicVia(t, w.as.member, slug);
    await replyVia(t, w.as.steward, topic.id);
    expect(await stateOf(topic.id, reader)).toEqual({ opened: false, newPosts: 2 });
  });

  it('counts nothing new for the author of a topic nobody answered', async () => {
    const topic = await startTopicVia(t, w.as.member, slug);
    expect(await stateOf(topic.id, w.as.member)).toEqual({ opened: true, newPosts: 0 });
  });

  it('viewing the topic marks it read up to its last post; later posts by others count as new, mine do not', async () => {
    const topic = await startTopicVia(t, w.as.member, slug);
    await replyVia(t, w.as.steward, topic.id);
    expect((await view(topic.id, reader)).statusCode).toBe(200);
    expect(await stateOf(topic.id, reader)).toEqual({ opened: true, newPosts: 0 });
    await replyVia(t, w.as.steward, topic.id);
    await replyVia(t, w.as.member, topic.id);
    await replyVia(t, reader, topic.id);
    expect(await stateOf(topic.id, reader)).toEqual({ opened: true, newPosts: 2 });
  });

  it('re-reading a topic with nothing new writes nothing; a new post moves the mark on the next view', async () => {
    const topic = await startTopicVia(t, w.as.member, slug);
    const mark = () => t.deps.db.selectFrom('topic_reads').select(['last_read_post_id', 'read_at']).where('topic_id', '=', topic.id).where('user_id', '=', reader.userId).executeTakeFirstOrThrow();
    await view(topic.id, reader);
    const first = await mark();
    await view(topic.id, reader); // the ticking clock has moved: a write would change read_at
    expect(await mark()).toEqual(first);
    const r = await replyVia(t, w.as.steward, topic.id);
    await view(topic.id, reader);
    expect(Number((await mark()).last_read_post_id)).toBe(r.id);
  });

  it('does not count deleted posts as new', async () => {
    const topic = await startTopicVia(t, w.as.member, slug);
    await view(topic.id, reader);
    const r = await replyVia(t, w.as.steward, topic.id);
    expect(await stateOf(topic.id, reader)).toEqual({ opened: true, newPosts: 1 });
    await api(t, 'DELETE', `/api/v1/posts/${r.id}`, { reason: 'oops' }, w.as.steward);
    expect(await stateOf(topic.id, reader)).toEqual({ opened: true, newPosts: 0 });
  });

  it('PUT /api/v1/topics/:id/read marks it read through the API, and never moves the mark back', async () => {
    const topic = await startTopicVia(t, w.as.member, slug);
    const last = await replyVia(t, w.as.steward, topic.id);
    const res = await api(t, 'PUT', `/api/v1/topics/${topic.id}/read`, {}, reader);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ topicId: topic.id, lastReadPostId: last.id });
    expect(await stateOf(topic.id, reader)).toEqual({ opened: true, newPosts: 0 });
    // A mark further on (as from a newer page read in another tab) stays where it is.
    const ahead = last.id + 1000;
    const mark = () => t.deps.db.selectFrom('topic_reads').selectAll().where('user_id', '=', reader.userId).where('topic_id', '=', topic.id).executeTakeFirstOrThrow();
    await t.deps.db.updateTable('topic_reads').set({ last_read_post_id: ahead }).where('user_id', '=', reader.userId).where('topic_id', '=', topic.id).execute();
    await Promise.all([view(topic.id, reader), api(t, 'PUT', `/api/v1/topics/${topic.id}/read`, {}, reader)]);
    expect((await mark()).last_read_post_id).toBe(ahead);
  });

  it('keeps read state per member', async () => {
    const topic = await startTopicVia(t, w.as.member, slug);
    await view(topic.id, reader);
    await replyVia(t, w.as.member, topic.id);
    expect(await stateOf(topic.id, reader)).toEqual({ opened: true, newPosts: 1 });
    expect(await stateOf(topic.id, w.as.steward)).toEqual({ opened: false, newPosts: 2 });
  });

  it('gives anonymous readers no read state, and answers 401 to PUT …/read', async () => {
    const topic = await startTopicVia(t, w.as.member, slug);
    expect(await stateOf(topic.id)).toBeNull();
    expect((await api(t, 'PUT', `/api/v1/topics/${topic.id}/read`, {})).statusCode).toBe(401);
  });

  it('shows "new" and "N new" in the list page for signed-in readers only', async () => {
    const unopened = await startTopicVia(t, w.as.member, slug, { title: 'Never opened here' });
    const opened = await startTopicVia(t, w.as.member, slug, { title: 'Opened before' });
    await view(opened.id, reader);
    await replyVia(t, w.as.steward, opened.id);
    await replyVia(t, w.as.steward, opened.id);
    const body = (await t.app.inject({ url: `/c/${slug}/topics`, headers: { cookie: reader.cookie } })).body;
    const item = (title: string) => body.slice(body.lastIndexOf('<li class="topic-item">', body.indexOf(title)), body.indexOf(title));
    expect(item('Opened before')).toContain('<span class="badge badge--new">2 new</span>');
    expect(item('Never opened here')).toContain('<span class="badge badge--new">new</span>');
    expect(unopened.id).toBeGreaterThan(0);
    const anon = (await t.app.inject({ url: `/c/${slug}/topics` })).body;
    expect(anon).not.toContain('badge--new');
  });

  it('keeps no read state for a topic the reader may not read (404)', async () => {
    const secret = await startTopicVia(t, w.as.member, w.secret.slug);
    expect((await api(t, 'PUT', `/api/v1/topics/${secret.id}/read`, {}, reader)).statusCode).toBe(404);
    const rows = await t.deps.db.selectFrom('topic_reads').select('user_id').where('topic_id', '=', secret.id).where('user_id', '=', reader.userId).execute();
    expect(rows).toEqual([]);
  });
});
