import { renderMarkdown } from '../../core/markdown/index.ts';
import { afterUntil, authorFor, creditName, licenseOf, type ImportState } from './import.state.ts';
import { idsInOrder, insertSources, setAcceptedAnswers, type SourceRow } from './import.store.ts';
import { htmlToMarkdown } from './html-markdown.ts';
import { originalUrl, parseTags } from './site.ts';
import { DumpError, dateAttr, intAttr, optionalDate, optionalInt, type DumpRow } from './xml-rows.ts';

const FILE = 'Posts.xml';
const NO_USERS: ReadonlySet<string> = new Set();

interface PostRow {
  id: number;
  owner: number | null;
  /** Resolved when written (the "deleted user" is made on first need). */
  authorId: number;
  authorName: string;
  body: string;
  html: string;
  created: string;
  edited: string | null;
  license: string;
}

/** Accepted answers to set once all posts are in: original question id → original answer id. */
export type PendingAccepts = Map<number, number>;

function postRow(state: ImportState, row: DumpRow, id: number, created: string): PostRow {
  const owner = optionalInt(row, FILE, 'OwnerUserId');
  const body = htmlToMarkdown(row.attrs.Body ?? '');
  // Mentions of names that are not members stay plain text (nothing is refused on import).
  const html = renderMarkdown(body, { knownUsers: NO_USERS }).html;
  const authorName = creditName(state, owner, row.attrs.OwnerDisplayName);
  return { id, owner, authorId: 0, authorName, body, html, created, edited: optionalDate(row, FILE, 'LastEditDate'), license: licenseOf(row.attrs.ContentLicense, created) };
}

/** A batch of posts converted and ready to write. */
export interface PreparedPosts {
  questions: Array<PostRow & { title: string; tags: string[] }>;
  answers: Array<PostRow & { parentId: number }>;
}

/**
 * Posts.xml, first half (no database): checks the rows and converts bodies. Questions will become
 * question topics with their opening post and tags, answers answer posts of their question's topic.
 * Other post types are counted and skipped. Accepted answers are collected in `accepts`.
 */
export function preparePosts(state: ImportState, rows: DumpRow[], accepts: PendingAccepts): PreparedPosts {
  const prepared: PreparedPosts = { questions: [], answers: [] };
  for (const row of rows) {
    const id = intAttr(row, FILE, 'Id');
    const type = intAttr(row, FILE, 'PostTypeId');
    if (type !== 1 && type !== 2) {
      state.counts.skipped.otherPosts += 1;
      continue;
    }
    const created = dateAttr(row, FILE, 'CreationDate');
    if (afterUntil(state, created)) continue;
    const accepted = type === 1 ? optionalInt(row, FILE, 'AcceptedAnswerId') : null;
    if (accepted !== null) accepts.set(id, accepted);
    if (state.posts.has(id) || state.gonePosts.has(id)) {
      state.counts.unchanged += 1;
      continue;
    }
    if (type === 1) {
      const title = (row.attrs.Title ?? '').trim();
      if (title === '') throw new DumpError('question has no Title', FILE, row.line);
      prepared.questions.push({ ...postRow(state, row, id, created), title: title.slice(0, 300), tags: parseTags(row.attrs.Tags) });
    } else {
      prepared.answers.push({ ...postRow(state, row, id, created), parentId: intAttr(row, FILE, 'ParentId') });
    }
  }
  return prepared;
}

/** Posts.xml, second half: writes a prepared batch (an answer whose question is not imported is an orphan). */
export async function writePosts(state: ImportState, prepared: PreparedPosts): Promise<void> {
  for (const p of [...prepared.questions, ...prepared.answers]) p.authorId = await authorFor(state, p.owner);
  await insertQuestions(state, prepared.questions);
  await insertAnswers(state, prepared.answers);
}

async function insertQuestions(state: ImportState, questions: Array<PostRow & { title: string; tags: string[] }>): Promise<void> {
  if (questions.length === 0) return;
  const { tx, communityId } = state;
  const topicIds = idsInOrder(
    await tx
      .insertInto('topics')
      .values(
        questions.map((q) => ({
          community_id: communityId,
          author_id: q.authorId,
          kind: 'question' as const,
          title: q.title,
          reply_count: 0,
          last_posted_at: q.created,
          created_at: q.created,
          updated_at: q.edited ?? q.created,
        })),
      )
      .returning('id')
      .execute(),
  );
  const postIds = await insertPostRows(state, questions, topicIds, 'opening');
  const tagRows = questions.flatMap((q, i) => q.tags.map((tag) => ({ topic_id: topicIds[i] as number, community_id: communityId, tag })));
  if (tagRows.length > 0) {
    await tx.insertInto('topic_tags').values(tagRows).execute();
    const tags = [...new Set(tagRows.map((t) => t.tag))];
    await tx.insertInto('community_tags').values(tags.map((tag) => ({ community_id: communityId, tag }))).onConflict((oc) => oc.doNothing()).execute();
  }
  const sources: SourceRow[] = questions.map((q, i) => {
    state.posts.set(q.id, { postId: postIds[i] as number, topicId: topicIds[i] as number, question: true });
    state.newPosts.add(q.id);
    return { kind: 'question', originalId: q.id, localId: topicIds[i] as number, postId: postIds[i] as number, url: originalUrl.question(state.site, q.id), license: q.license, authorName: q.authorName, createdAt: q.created };
  });
  await insertSources(tx, communityId, state.site, state.now, sources);
  state.counts.questions += questions.length;
}

async function insertAnswers(state: ImportState, answers: Array<PostRow & { parentId: number }>): Promise<void> {
  const placed = answers.flatMap((a) => {
    const parent = state.posts.get(a.parentId);
    if (parent?.question) return [{ ...a, topicId: parent.topicId }];
    state.counts.skipped.orphans += 1;
    return [];
  });
  if (placed.length === 0) return;
  const postIds = await insertPostRows(
    state,
    placed,
    placed.map((a) => a.topicId),
    'answer',
  );
  const sources: SourceRow[] = placed.map((a, i) => {
    state.posts.set(a.id, { postId: postIds[i] as number, topicId: a.topicId, question: false });
    state.newPosts.add(a.id);
    return { kind: 'answer', originalId: a.id, localId: postIds[i] as number, postId: postIds[i] as number, url: originalUrl.answer(state.site, a.id), license: a.license, authorName: a.authorName, createdAt: a.created };
  });
  await insertSources(state.tx, state.communityId, state.site, state.now, sources);
  state.counts.answers += placed.length;
}

async function insertPostRows(state: ImportState, posts: PostRow[], topicIds: number[], kind: 'opening' | 'answer'): Promise<number[]> {
  const inserted = await state.tx
    .insertInto('posts')
    .values(
      posts.map((p, i) => ({
        topic_id: topicIds[i] as number,
        author_id: p.authorId,
        kind,
        body: p.body,
        body_html: p.html,
        created_at: p.created,
        updated_at: p.edited ?? p.created,
        edited_at: p.edited,
      })),
    )
    .returning('id')
    .execute();
  return idsInOrder(inserted);
}

/**
 * Marks accepted answers: only where the question or its accepted answer is new in this run, so a
 * re-run never overrides what happened since (an answer un-accepted on the platform stays so).
 */
export async function applyAcceptedAnswers(state: ImportState, accepts: PendingAccepts): Promise<void> {
  const updates = new Map<number, number>();
  for (const [questionId, answerId] of accepts) {
    const question = state.posts.get(questionId);
    const answer = state.posts.get(answerId);
    if (!question || !answer || answer.topicId !== question.topicId) continue;
    if (state.newPosts.has(questionId) || state.newPosts.has(answerId)) updates.set(question.topicId, answer.postId);
  }
  await setAcceptedAnswers(state.tx, updates);
}
