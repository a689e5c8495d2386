import type { Db } from '../../core/db/index.ts';
import type { Cursor } from '../../core/http/pagination.ts';

/** The kinds of article. */
export const articleTypes = ['how-to', 'best-practice', 'decision-record', 'story', 'reference'] as const;
export type ArticleType = (typeof articleTypes)[number];

/** A person as shown beside an article. */
export interface Person {
  id: number;
  username: string;
  displayName: string;
}

/** An article as read from the store. */
export interface Article {
  id: number;
  communityId: number;
  type: ArticleType;
  title: string;
  body: string;
  bodyHtml: string;
  state: string;
  wiki: boolean;
  /** Any member may edit every article of its community (its knowledge settings). */
  membersEditAll: boolean;
  revision: number;
  author: Person;
  createdAt: string;
  updatedAt: string;
  editedAt: string | null;
  tags: string[];
  owners: Person[];
}

function baseQuery(db: Db) {
  return db
    .selectFrom('articles')
    .innerJoin('users', 'users.id', 'articles.author_id')
    .leftJoin('community_knowledge_settings as ks', 'ks.community_id', 'articles.community_id')
    .select(['ks.members_edit_all', 'articles.id', 'articles.community_id', 'articles.type', 'articles.title', 'articles.body', 'articles.body_html', 'articles.state', 'articles.wiki', 'articles.revision', 'articles.created_at', 'articles.updated_at', 'articles.edited_at', 'users.id as author_id', 'users.username', 'users.display_name']);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

async function hydrate(db: Db, rows: Row[]): Promise<Article[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const tags = await db.selectFrom('article_tags').select(['article_id', 'tag']).where('article_id', 'in', ids).orderBy('tag').execute();
  const owners = await db
    .selectFrom('article_owners')
    .innerJoin('users', 'users.id', 'article_owners.user_id')
    .select(['article_owners.article_id', 'users.id', 'users.username', 'users.display_name'])
    .where('article_owners.article_id', 'in', ids)
    .orderBy('article_owners.added_at')
    .orderBy('users.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    type: r.type as ArticleType,
    title: r.title,
    body: r.body,
    bodyHtml: r.body_html,
    state: r.state,
    wiki: Number(r.wiki) === 1,
    membersEditAll: Number(r.members_edit_all ?? 0) === 1,
    revision: r.revision,
    author: { id: r.author_id, username: r.username, displayName: r.display_name },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    editedAt: r.edited_at,
    tags: tags.filter((t) => t.article_id === r.id).map((t) => t.tag),
    owners: owners.filter((o) => o.article_id === r.id).map((o) => ({ id: o.id, username: o.username, displayName: o.display_name })),
  }));
}

/** One article by id, or undefined. */
export async function findArticle(db: Db, id: number): Promise<Article | undefined> {
  const row = await baseQuery(db).where('articles.id', '=', id).executeTakeFirst();
  return row ? (await hydrate(db, [row]))[0] : undefined;
}

/** Filters of an article list. */
export interface ArticleFilter {
  type?: ArticleType | undefined;
  tag?: string | undefined;
  /** One lifecycle state; without it, superseded and archived articles are left out. */
  state?: string | undefined;
  after: Cursor | null;
  limit: number;
}

/** A community's articles, most recently updated first (keyset on updated_at, id). Fetch limit+1 to paginate. */
export async function listArticles(db: Db, communityId: number, f: ArticleFilter): Promise<Article[]> {
  let q = baseQuery(db).where('articles.community_id', '=', communityId);
  if (f.type) q = q.where('articles.type', '=', f.type);
  q = f.state ? q.where('articles.state', '=', f.state) : q.where('articles.state', 'not in', ['superseded', 'archived']);
  if (f.tag) q = q.where('articles.id', 'in', db.selectFrom('article_tags').select('article_id').where('tag', '=', f.tag));
  const after = f.after;
  if (after) {
    q = q.where((eb) => eb.or([eb('articles.updated_at', '<', String(after.v)), eb.and([eb('articles.updated_at', '=', String(after.v)), eb('articles.id', '<', after.id)])]));
  }
  const rows = await q.orderBy('articles.updated_at', 'desc').orderBy('articles.id', 'desc').limit(f.limit).execute();
  return hydrate(db, rows);
}

/** Replaces an article's tags. */
export async function setTags(db: Db, articleId: number, communityId: number, tags: string[]): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  if (tags.length > 0) await db.insertInto('article_tags').values(tags.map((tag) => ({ article_id: articleId, community_id: communityId, tag }))).execute();
}

/** A stored earlier version of an article. */
export interface Revision {
  revision: number;
  title: string;
  body: string;
  reason: string;
  createdAt: string;
  editor: Person;
}

/** The stored earlier versions of an article, oldest first. */
export async function listRevisions(db: Db, articleId: number): Promise<Revision[]> {
  const rows = await db
    .selectFrom('article_revisions')
    .innerJoin('users', 'users.id', 'article_revisions.editor_id')
    .select(['article_revisions.revision', 'article_revisions.title', 'article_revisions.body', 'article_revisions.reason', 'article_revisions.created_at', 'users.id', 'users.username', 'users.display_name'])
    .where('article_revisions.article_id', '=', articleId)
    .orderBy('article_revisions.revision')
    .execute();
  return rows.map((r) => ({ revision: r.revision, title: r.title, body: r.body, reason: r.reason, createdAt: r.created_at, editor: { id: r.id, username: r.username, displayName: r.display_name } }));
}
