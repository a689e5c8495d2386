import type { Db } from '../../core/db/index.ts';
import { readableCommunityIds, type Actor } from '../../core/permissions/index.ts';

/** One contribution in a profile list: what it is called and where it lives. */
export interface ContributionItem {
  title: string;
  href: string;
  at: string;
  community: string;
}

export interface Contributions {
  counts: { topics: number; answers: number; acceptedAnswers: number; articles: number };
  topics: ContributionItem[];
  answers: ContributionItem[];
  acceptedAnswers: ContributionItem[];
  articles: ContributionItem[];
}

const LATEST = 5;

function topicsBy(db: Db, userId: number, viewer: Actor | null) {
  return db
    .selectFrom('topics')
    .innerJoin('communities', 'communities.id', 'topics.community_id')
    .where('topics.author_id', '=', userId)
    .where('topics.deleted_at', 'is', null)
    .where('topics.community_id', 'in', readableCommunityIds(db, viewer));
}

function answersBy(db: Db, userId: number, viewer: Actor | null) {
  return db
    .selectFrom('posts')
    .innerJoin('topics', 'topics.id', 'posts.topic_id')
    .innerJoin('communities', 'communities.id', 'topics.community_id')
    .where('posts.author_id', '=', userId)
    .where('posts.kind', '=', 'answer')
    .where('posts.deleted_at', 'is', null)
    .where('topics.deleted_at', 'is', null)
    .where('topics.community_id', 'in', readableCommunityIds(db, viewer));
}

function articlesBy(db: Db, userId: number, viewer: Actor | null) {
  return db
    .selectFrom('articles')
    .innerJoin('communities', 'communities.id', 'articles.community_id')
    .where('articles.author_id', '=', userId)
    .where('articles.community_id', 'in', readableCommunityIds(db, viewer));
}

const count = (n: { n: number | string | bigint } | undefined) => Number(n?.n ?? 0);

/**
 * What a person contributed, counted and the latest few of each kind: topics started, answers,
 * accepted answers, articles authored — only in communities `viewer` may read, nothing deleted.
 */
export async function contributionsOf(db: Db, userId: number, viewer: Actor | null): Promise<Contributions> {
  const accepted = () => answersBy(db, userId, viewer).whereRef('topics.accepted_post_id', '=', 'posts.id');
  const [nTopics, nAnswers, nAccepted, nArticles, topics, answers, acceptedRows, articles] = await Promise.all([
    topicsBy(db, userId, viewer).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    answersBy(db, userId, viewer).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    accepted().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    articlesBy(db, userId, viewer).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    topicsBy(db, userId, viewer).select(['topics.id', 'topics.title', 'topics.created_at', 'communities.slug', 'communities.name']).orderBy('topics.id', 'desc').limit(LATEST).execute(),
    answersBy(db, userId, viewer).select(['posts.id', 'topics.id as topic_id', 'topics.title', 'posts.created_at', 'communities.slug', 'communities.name']).orderBy('posts.id', 'desc').limit(LATEST).execute(),
    accepted().select(['posts.id', 'topics.id as topic_id', 'topics.title', 'posts.created_at', 'communities.slug', 'communities.name']).orderBy('posts.id', 'desc').limit(LATEST).execute(),
    articlesBy(db, userId, viewer).select(['articles.id', 'articles.title', 'articles.created_at', 'communities.slug', 'communities.name']).orderBy('articles.id', 'desc').limit(LATEST).execute(),
  ]);
  const answerItem = (r: (typeof answers)[number]): ContributionItem => ({ title: r.title, href: `/c/${r.slug}/t/${r.topic_id}#post-${r.id}`, at: r.created_at, community: r.name });
  return {
    counts: { topics: count(nTopics), answers: count(nAnswers), acceptedAnswers: count(nAccepted), articles: count(nArticles) },
    topics: topics.map((r) => ({ title: r.title, href: `/c/${r.slug}/t/${r.id}`, at: r.created_at, community: r.name })),
    answers: answers.map(answerItem),
    acceptedAnswers: acceptedRows.map(answerItem),
    articles: articles.map((r) => ({ title: r.title, href: `/c/${r.slug}/a/${r.id}`, at: r.created_at, community: r.name })),
  };
}
