import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db, DbHandle } from '../../core/db/index.ts';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { fakeClock } from '../../../test/helpers/app.ts';
import { copyDump, dbSnapshot, fixtureDump } from './import.fixtures.ts';
import { DumpError, ImportError, importStackExchange } from './import.service.ts';

const SITE = 'tiny.stackexchange.com';

describeEachDialect('importStackExchange (fixture dump)', (dialect) => {
  let h: DbHandle;
  let db: Db;
  let communityId: number;
  const deps = () => ({ db, clock: fakeClock(new Date('2026-11-26T12:00:00Z')) });
  const tiny = fixtureDump('tiny-2020');

  beforeEach(async () => {
    h = await openTestDb(dialect);
    db = h.db;
    const owner = await makeUser(db);
    communityId = (await makeCommunity(db, owner.id, { slug: 'tiny' })).id;
  });
  afterEach(async () => h.close());

  const topicByTitle = (title: string) => db.selectFrom('topics').selectAll().where('title', '=', title).executeTakeFirstOrThrow();
  const sourceOf = (kind: 'question' | 'answer' | 'comment', id: number) =>
    db.selectFrom('import_sources').selectAll().where('site', '=', SITE).where('kind', '=', kind).where('original_id', '=', id).executeTakeFirstOrThrow();

  it('imports users, questions, answers, comments, votes, links, tags and history, and counts what it skipped', async () => {
    const counts = await importStackExchange(deps(), tiny, { community: 'tiny' });
    expect(counts).toEqual({
      site: SITE,
      users: 5,
      questions: 3,
      answers: 4,
      comments: 4,
      votes: 7,
      links: 2,
      revisions: 3,
      tags: 5,
      unchanged: 0,
      skipped: { afterUntil: 0, otherPosts: 1, otherVotes: 2, otherLinks: 1, orphans: 1, badges: 2 },
    });
    const q = await topicByTitle('How do I stream a large XML file?');
    expect(q).toMatchObject({ kind: 'question', created_at: '2020-01-05T09:00:00.000Z', reply_count: 2, answer_count: 2, last_posted_at: '2020-01-07T09:00:00.000Z' });
    const accepted = await sourceOf('answer', 3);
    expect(q.accepted_post_id).toBe(accepted.local_id);
    const posts = await db.selectFrom('posts').selectAll().where('topic_id', '=', q.id).orderBy('id').execute();
    expect(posts.map((p) => [p.kind, p.score, p.comment_count])).toEqual([
      ['opening', 1, 1],
      ['answer', -1, 0],
      ['answer', 3, 1],
    ]);
    // HTML became Markdown with the code block's language; rendered with highlighting.
    expect(posts[0]?.body).toContain('```py\nimport xml.sax\n');
    expect(posts[0]?.body_html).toContain('language-py');
    expect(posts[2]?.body).toContain('```javascript\n');
    // The one vote whose voter the dump names is a row of votes too (by Bob, on Alice's answer 5).
    const answer5 = (await sourceOf('answer', 5)).local_id;
    const bob = await db.selectFrom('users').select('id').where('username', '=', 'bob-2').executeTakeFirstOrThrow();
    expect(await db.selectFrom('votes').select(['post_id', 'user_id', 'value']).execute()).toEqual([{ post_id: answer5, user_id: bob.id, value: 1 }]);
    expect((await db.selectFrom('posts').select('score').where('id', '=', answer5).executeTakeFirstOrThrow()).score).toBe(1);
    const tags = await db.selectFrom('topic_tags').select('tag').where('topic_id', '=', q.id).orderBy('tag').execute();
    expect(tags.map((t) => t.tag)).toEqual(['parsing', 'xml']);
    const communityTags = await db.selectFrom('community_tags').select('tag').where('community_id', '=', communityId).orderBy('tag').execute();
    expect(communityTags.map((t) => t.tag)).toEqual(['csharp', 'parsing', 'performance', 'unused-tag', 'xml']);
  });

  it('makes placeholder accounts without passwords, one "deleted user", and memberships with a true member count', async () => {
    await importStackExchange(deps(), tiny, { community: 'tiny' });
    const people = await db.selectFrom('users').select(['username', 'display_name', 'password_hash', 'placeholder']).where('placeholder', '=', 1).orderBy('username').execute();
    expect(people.map((p) => p.username)).toEqual(['alice-angstrom-1', 'bob-2', 'carol-3', 'community-m1', 'dave-o-neil-4', 'deleted-tiny']);
    expect(people.every((p) => p.password_hash === null)).toBe(true);
    const deleted = await db.selectFrom('users').select('id').where('username', '=', 'deleted-tiny').executeTakeFirstOrThrow();
    // Answer 3 (no owner) and comment 3 (an unknown user) both belong to the deleted user; the credit keeps the name the dump gave.
    expect((await db.selectFrom('posts').select('author_id').where('id', '=', (await sourceOf('answer', 3)).local_id).executeTakeFirstOrThrow()).author_id).toBe(deleted.id);
    expect((await sourceOf('answer', 3)).author_name).toBe('Gone Person');
    expect((await db.selectFrom('comments').select('author_id').where('id', '=', (await sourceOf('comment', 3)).local_id).executeTakeFirstOrThrow()).author_id).toBe(deleted.id);
    const c = await db.selectFrom('communities').select('member_count').where('id', '=', communityId).executeTakeFirstOrThrow();
    const members = await db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).where('community_id', '=', communityId).executeTakeFirstOrThrow();
    expect(c.member_count).toBe(6);
    expect(Number(members.n)).toBe(6);
  });

  it('stores edit history as revisions (the version each edit replaced), related and duplicate links, and one activity row', async () => {
    await importStackExchange(deps(), tiny, { community: 'tiny' });
    const opening = (await sourceOf('question', 1)).post_id ?? 0;
    const revs = await db.selectFrom('post_revisions').select(['revision', 'title', 'body', 'reason', 'created_at']).where('post_id', '=', opening).orderBy('revision').execute();
    expect(revs).toEqual([
      { revision: 1, title: 'How to read big XML?', body: 'How do I read a big XML file?', reason: 'clearer title', created_at: '2020-01-08T12:00:00.000Z' },
      { revision: 2, title: 'How do I stream a large XML file?', body: 'How do I read a **big** XML file?', reason: '', created_at: '2020-01-09T12:00:00.000Z' },
    ]);
    const links = await db.selectFrom('topic_links').select(['topic_id', 'target_topic_id', 'kind']).orderBy('id').execute();
    const [q1, q4, q7] = [(await sourceOf('question', 1)).local_id, (await sourceOf('question', 4)).local_id, (await sourceOf('question', 7)).local_id];
    expect(links).toEqual([
      { topic_id: q4, target_topic_id: q1, kind: 'related' },
      { topic_id: q7, target_topic_id: q1, kind: 'duplicate' },
    ]);
    const activity = await db.selectFrom('activity').select(['verb', 'subject_type', 'subject_id', 'data']).execute();
    expect(activity.map((a) => [a.verb, a.subject_type, a.subject_id])).toEqual([['import.completed', 'community', communityId]]);
    expect(JSON.parse(activity[0]?.data ?? '{}')).toMatchObject({ site: SITE, questions: 3, answers: 4 });
  });

  it('is idempotent: a second run writes nothing and changes nothing', async () => {
    await importStackExchange(deps(), tiny, { community: 'tiny' });
    const before = await dbSnapshot(db);
    const again = await importStackExchange(deps(), tiny, { community: 'tiny' });
    expect(again).toMatchObject({ users: 0, questions: 0, answers: 0, comments: 0, votes: 0, links: 0, revisions: 0, tags: 0, unchanged: 28 });
    expect(await dbSnapshot(db)).toEqual(before);
  });

  it('a re-run does not bring back a topic removed since the first run', async () => {
    await importStackExchange(deps(), tiny, { community: 'tiny' });
    const q = await topicByTitle('Is streaming faster?');
    await db.deleteFrom('topics').where('id', '=', q.id).execute();
    const before = await dbSnapshot(db);
    const again = await importStackExchange(deps(), tiny, { community: 'tiny' });
    expect(again).toMatchObject({ questions: 0, answers: 0, comments: 0, links: 0 });
    expect(await dbSnapshot(db)).toEqual(before);
  });

  it('--until imports only what was created before it; a later full run adds the rest, the same as one full run', async () => {
    const first = await importStackExchange(deps(), tiny, { community: 'tiny', until: '2020-03-01' });
    expect(first).toMatchObject({ users: 4, questions: 2, answers: 3, comments: 3, votes: 6, links: 1, revisions: 3 });
    expect(await db.selectFrom('topics').select('title').where('title', '=', 'Late question about XML').executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('users').select('id').where('username', '=', 'carol-3').executeTakeFirst()).toBeUndefined();
    const rest = await importStackExchange(deps(), tiny, { community: 'tiny' });
    expect(rest).toMatchObject({ users: 1, questions: 1, answers: 1, comments: 1, votes: 1, links: 1, revisions: 0 });
    const late = await topicByTitle('Late question about XML');
    expect(late).toMatchObject({ reply_count: 1, answer_count: 1 });
    expect((await db.selectFrom('posts').select('score').where('id', '=', (await sourceOf('answer', 8)).local_id).executeTakeFirstOrThrow()).score).toBe(1);
  });

  it('a truncated file fails naming the file and line, and leaves the database exactly as it was', async () => {
    const before = await dbSnapshot(db);
    const err = await importStackExchange(deps(), fixtureDump('broken-2020'), { community: 'tiny' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DumpError);
    expect((err as DumpError).message).toMatch(/^Posts\.xml:6: malformed XML/);
    expect(await dbSnapshot(db)).toEqual(before);
  });

  it('a bad attribute fails naming the file and line, after earlier files were read, and writes nothing', async () => {
    const bad = copyDump('tiny-2020', 'tiny-2020', (f, text) => (f === 'Comments.xml' ? text.replace('CreationDate="2020-02-11T10:00:00.000"', 'CreationDate="yesterday"') : text));
    const broken = copyDump('tiny-2020', 'tiny-2020', (f, text) => (f === 'Votes.xml' ? text.replace('<row Id="4" PostId="2"', '<row Id="4" PostId="2 VoteTypeId="3"') : text));
    try {
      const before = await dbSnapshot(db);
      await expect(importStackExchange(deps(), bad.dir, { community: 'tiny' })).rejects.toThrow('Comments.xml:5: row has a bad CreationDate "yesterday"');
      await expect(importStackExchange(deps(), broken.dir, { community: 'tiny' })).rejects.toThrow(/^Votes\.xml:6: malformed XML/);
      expect(await dbSnapshot(db)).toEqual(before);
    } finally {
      bad.cleanup();
      broken.cleanup();
    }
  });

  it('a bad row after many batches (writes in flight) still leaves the database exactly as it was', async () => {
    const many = Array.from({ length: 1200 }, (_, i) => `  <row Id="${1000 + i}" PostTypeId="1" CreationDate="2020-01-01T00:00:00.000" Body="&lt;p&gt;Q ${i}&lt;/p&gt;" OwnerUserId="1" Title="Question ${i}" Tags="&lt;xml&gt;" />`);
    const big = copyDump('tiny-2020', 'tiny-2020', (f, text) => (f === 'Posts.xml' ? text.replace('</posts>', `${many.join('\n')}\n  <row Id="x" PostTypeId="1" />\n</posts>`) : text));
    try {
      const before = await dbSnapshot(db);
      const lines = 2 + 9 + 1200 + 1;
      await expect(importStackExchange(deps(), big.dir, { community: 'tiny' })).rejects.toThrow(`Posts.xml:${lines}: row has a bad Id "x"`);
      expect(await dbSnapshot(db)).toEqual(before);
    } finally {
      big.cleanup();
    }
  });

  it('refuses a missing Posts.xml, an unknown community, a bad date and a site already imported elsewhere', async () => {
    const noPosts = copyDump('tiny-2020', 'tiny-2020', (f, text) => (f === 'Posts.xml' ? null : text));
    try {
      await expect(importStackExchange(deps(), noPosts.dir, { community: 'tiny' })).rejects.toThrow(/Posts\.xml is missing/);
    } finally {
      noPosts.cleanup();
    }
    await expect(importStackExchange(deps(), tiny, { community: 'nope' })).rejects.toThrow('no community "nope"');
    await expect(importStackExchange(deps(), tiny, { community: 'tiny', until: 'soon' })).rejects.toThrow(ImportError);
    await importStackExchange(deps(), tiny, { community: 'tiny' });
    const other = await makeCommunity(db, (await makeUser(db)).id, { slug: 'other' });
    const before = await dbSnapshot(db);
    await expect(importStackExchange(deps(), tiny, { community: other.slug })).rejects.toThrow(`${SITE} was already imported into "tiny"`);
    expect(await dbSnapshot(db)).toEqual(before);
  });

  it('takes the site from --site, and keeps each origin with its URL and licence', async () => {
    await importStackExchange(deps(), tiny, { community: 'tiny', site: 'example.org' });
    expect(await db.selectFrom('import_sources').select(['kind', 'url', 'license']).where('original_id', '=', 3).where('kind', 'in', ['answer', 'comment']).orderBy('kind').execute()).toEqual([
      { kind: 'answer', url: 'https://example.org/a/3', license: 'CC BY-SA 3.0' },
      { kind: 'comment', url: 'https://example.org/posts/comments/3', license: 'CC BY-SA 4.0' },
    ]);
    expect((await sourceOfSite(db, 'example.org', 1)).url).toBe('https://example.org/q/1');
  });
});

const sourceOfSite = (db: Db, site: string, id: number) =>
  db.selectFrom('import_sources').selectAll().where('site', '=', site).where('kind', '=', 'question').where('original_id', '=', id).executeTakeFirstOrThrow();
