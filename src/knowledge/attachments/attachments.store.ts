import type { Db } from '../../core/db/index.ts';
import type { Cursor } from '../../core/http/pagination.ts';

/** A stored attachment with who uploaded it and where it is attached. */
export interface Attachment {
  id: number;
  communityId: number;
  communitySlug: string;
  storageKey: string;
  name: string;
  type: string;
  mime: string;
  size: number;
  createdAt: string;
  uploader: { id: number; username: string; displayName: string };
  /** The article or post it is attached to, with a title and the page address to show it on. */
  target: { kind: 'article' | 'post'; id: number; title: string; href: string };
  /** True when its post or topic is deleted: then nobody gets the file. */
  hidden: boolean;
}

function withPlaces(db: Db) {
  return db
    .selectFrom('attachments')
    .innerJoin('users', 'users.id', 'attachments.uploader_id')
    .innerJoin('communities', 'communities.id', 'attachments.community_id')
    .leftJoin('articles', 'articles.id', 'attachments.article_id')
    .leftJoin('posts', 'posts.id', 'attachments.post_id')
    .leftJoin('topics', 'topics.id', 'posts.topic_id')
    .select([
      'attachments.id',
      'attachments.community_id',
      'attachments.article_id',
      'attachments.post_id',
      'attachments.storage_key',
      'attachments.name',
      'attachments.type',
      'attachments.mime',
      'attachments.size',
      'attachments.created_at',
      'users.id as uploader_id',
      'users.username',
      'users.display_name',
      'communities.slug',
      'articles.title as article_title',
      'topics.id as topic_id',
      'topics.title as topic_title',
      'posts.deleted_at as post_deleted_at',
      'topics.deleted_at as topic_deleted_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof withPlaces>['executeTakeFirstOrThrow']>>;

function toAttachment(r: Row): Attachment {
  const target: Attachment['target'] =
    r.article_id !== null
      ? { kind: 'article', id: r.article_id, title: r.article_title ?? '', href: `/c/${r.slug}/a/${r.article_id}` }
      : { kind: 'post', id: r.post_id ?? 0, title: r.topic_title ?? '', href: `/c/${r.slug}/t/${r.topic_id ?? 0}#post-${r.post_id ?? 0}` };
  return {
    id: r.id,
    communityId: r.community_id,
    communitySlug: r.slug,
    storageKey: r.storage_key,
    name: r.name,
    type: r.type,
    mime: r.mime,
    size: Number(r.size),
    createdAt: r.created_at,
    uploader: { id: r.uploader_id, username: r.username, displayName: r.display_name },
    target,
    hidden: r.post_deleted_at !== null || r.topic_deleted_at !== null,
  };
}

/** What a new attachment row holds. */
export interface NewAttachment {
  communityId: number;
  articleId: number | null;
  postId: number | null;
  uploaderId: number;
  storageKey: string;
  name: string;
  type: string;
  mime: string;
  size: number;
  at: string;
}

/** Inserts one attachment row; returns its id. */
export async function insertAttachment(db: Db, a: NewAttachment): Promise<number> {
  const { id } = await db
    .insertInto('attachments')
    .values({ community_id: a.communityId, article_id: a.articleId, post_id: a.postId, uploader_id: a.uploaderId, storage_key: a.storageKey, name: a.name, type: a.type, mime: a.mime, size: a.size, created_at: a.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** One attachment by id, or undefined. */
export async function findAttachment(db: Db, id: number): Promise<Attachment | undefined> {
  const row = await withPlaces(db).where('attachments.id', '=', id).executeTakeFirst();
  return row ? toAttachment(row) : undefined;
}

/** An article's attachments, oldest first. */
export async function listArticleAttachments(db: Db, articleId: number): Promise<Attachment[]> {
  const rows = await withPlaces(db).where('attachments.article_id', '=', articleId).orderBy('attachments.id').execute();
  return rows.map(toAttachment);
}

/** The attachments of these posts, oldest first. */
export async function listPostAttachments(db: Db, postIds: number[]): Promise<Attachment[]> {
  if (postIds.length === 0) return [];
  const rows = await withPlaces(db).where('attachments.post_id', 'in', postIds).orderBy('attachments.id').execute();
  return rows.map(toAttachment);
}

/** A community's visible attachments, newest first (keyset on created_at, id). Fetch limit+1 to paginate. */
export async function listCommunityAttachments(db: Db, communityId: number, after: Cursor | null, limit: number): Promise<Attachment[]> {
  let q = withPlaces(db).where('attachments.community_id', '=', communityId).where('posts.deleted_at', 'is', null).where('topics.deleted_at', 'is', null);
  if (after) {
    q = q.where((eb) => eb.or([eb('attachments.created_at', '<', String(after.v)), eb.and([eb('attachments.created_at', '=', String(after.v)), eb('attachments.id', '<', after.id)])]));
  }
  const rows = await q.orderBy('attachments.created_at', 'desc').orderBy('attachments.id', 'desc').limit(limit).execute();
  return rows.map(toAttachment);
}

/** Deletes one attachment row. */
export async function deleteAttachmentRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('attachments').where('id', '=', id).execute();
}
