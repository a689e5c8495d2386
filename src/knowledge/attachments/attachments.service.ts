import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../../core/deps.ts';
import { recordActivity } from '../../core/activity.ts';
import { conflict, fieldError, forbidden, notFound, unauthenticated } from '../../core/http/errors.ts';
import { canPost, canReadCommunity, type Actor, type CommunityAccess } from '../../core/permissions/index.ts';
import { findCommunityForActor } from '../../communities/communities.access.ts';
import { findReadablePost } from '../../discussions/discussions.service.ts';
import { canEditArticle, findReadableArticle } from '../articles/articles.service.ts';
import { deleteAttachmentRow, findAttachment, insertAttachment, type Attachment } from './attachments.store.ts';
import { sanitiseName, sniffUpload } from './file-types.ts';
import { reencodeImage } from './images.ts';

/** A file as it arrived: the client's name and claimed type (both untrusted) and the bytes. */
export interface UploadedFile {
  name: string;
  claimedType: string;
  bytes: Buffer;
}

const isModerator = (access: CommunityAccess) => access.role === 'steward' || access.role === 'moderator';

/** The folder the files live in: DATA_DIR/uploads. */
export function uploadsDir(deps: Deps): string {
  return path.join(deps.config.dataDir, 'uploads');
}

/** The path of a stored file. Keys are generated hex, so the path never leaves the uploads folder. */
export function storedPath(deps: Deps, storageKey: string): string {
  if (!/^[a-f0-9]{32}$/.test(storageKey)) throw new Error('not a storage key');
  return path.join(uploadsDir(deps), storageKey);
}

/**
 * Removes stored files whose rows are gone (an article deleted with its attachments). Call after the
 * deleting transaction commits; a file that is already missing is fine.
 */
export async function discardStoredFiles(deps: Deps, storageKeys: string[]): Promise<void> {
  await Promise.all(storageKeys.map((k) => fs.rm(storedPath(deps, k), { force: true })));
}

/** May the actor attach files to a post? Its author while a member, and the community's stewards and moderators. */
export function mayAttachToPost(actor: Actor | null, access: CommunityAccess, authorId: number): boolean {
  return actor !== null && canPost(actor, access) && (actor.id === authorId || isModerator(access));
}

/** May the actor remove an attachment? Its uploader, and the community's stewards and moderators. */
export function mayRemoveAttachment(actor: Actor | null, access: CommunityAccess, a: Attachment): boolean {
  return actor !== null && (a.uploader.id === actor.id || isModerator(access));
}

/**
 * Checks a file (size, sniffed type, allowed types), strips image metadata by re-encoding, writes it
 * under a random name and records the row and an activity in one transaction. Nothing is left behind
 * when any step fails. Throws 400/413/415 naming the file.
 */
async function storeFile(deps: Deps, actor: Actor, communityId: number, target: { articleId: number | null; postId: number | null }, file: UploadedFile): Promise<number> {
  const { maxBytes, types } = deps.config.uploads;
  const kind = await sniffUpload(file.bytes, file.name || 'file', file.claimedType, types, maxBytes);
  const bytes = kind.image ? await reencodeImage(file.bytes, file.name || 'file', kind) : file.bytes;
  const name = sanitiseName(file.name, kind);
  const storageKey = crypto.randomBytes(16).toString('hex');
  const dest = storedPath(deps, storageKey);
  await fs.mkdir(uploadsDir(deps), { recursive: true });
  await fs.writeFile(`${dest}.part`, bytes, { flag: 'wx' });
  try {
    await fs.rename(`${dest}.part`, dest);
    const at = deps.clock.now().toISOString();
    return await deps.db.transaction().execute(async (tx) => {
      const id = await insertAttachment(tx, { communityId, ...target, uploaderId: actor.id, storageKey, name, type: kind.key, mime: kind.mime, size: bytes.length, at });
      await recordActivity(tx, { actorId: actor.id, verb: 'attachment.added', communityId, subjectType: 'attachment', subjectId: id, data: { name, type: kind.key, size: bytes.length, ...target }, at });
      return id;
    });
  } catch (err) {
    await fs.rm(dest, { force: true });
    await fs.rm(`${dest}.part`, { force: true });
    throw err;
  }
}

/**
 * Attaches a file to an article (those who may edit it). 404 unreadable, 401/403 not allowed; the
 * file is taken (`takeFile`, which may throw 415 for a body that is not multipart) only after that.
 */
export async function attachToArticle(deps: Deps, actor: Actor | null, articleId: number, takeFile: () => UploadedFile | null): Promise<Attachment> {
  const r = await findReadableArticle(deps, actor, articleId);
  if (!actor) throw unauthenticated('Sign in to attach files.');
  if (!canEditArticle(actor, r.access, r.article)) throw forbidden('Only those who may edit this article may attach files to it.');
  const file = takeFile();
  if (!file) throw missingFile();
  const id = await storeFile(deps, actor, r.article.communityId, { articleId: r.article.id, postId: null }, file);
  return (await findAttachment(deps.db, id))!;
}

/** Attaches a file to a post (its author; stewards and moderators). 404 unreadable, 401/403 not allowed, 409 deleted. */
export async function attachToPost(deps: Deps, actor: Actor | null, postId: number, takeFile: () => UploadedFile | null): Promise<Attachment> {
  const { post, topic, access } = await findReadablePost(deps, actor, postId);
  if (!actor) throw unauthenticated('Sign in to attach files.');
  if (!mayAttachToPost(actor, access, post.author.id)) throw forbidden('Only the author of this post (or stewards and moderators) may attach files to it.');
  if (post.deleted || topic.deleted) throw conflict('This post is deleted; files cannot be attached to it.');
  const file = takeFile();
  if (!file) throw missingFile();
  const id = await storeFile(deps, actor, topic.communityId, { articleId: null, postId: post.id }, file);
  return (await findAttachment(deps.db, id))!;
}

const missingFile = () => fieldError('file', 'choose a file to upload');

/**
 * An attachment the actor may read, with their access to its community: 404 when missing, in a
 * community they may not read, or on a deleted post (except for stewards and moderators).
 */
export async function findReadableAttachment(deps: Deps, actor: Actor | null, id: number): Promise<{ attachment: Attachment; access: CommunityAccess }> {
  const attachment = await findAttachment(deps.db, id);
  if (!attachment) throw notFound('File');
  const found = await findCommunityForActor(deps.db, attachment.communitySlug, actor);
  if (!found || !canReadCommunity(actor, found.access)) throw notFound('File');
  if (attachment.hidden && !isModerator(found.access)) throw notFound('File');
  return { attachment, access: found.access };
}

/** Removes an attachment and its file (uploader, stewards, moderators), with an activity row. */
export async function removeAttachment(deps: Deps, actor: Actor | null, id: number): Promise<Attachment> {
  const { attachment: a, access } = await findReadableAttachment(deps, actor, id);
  if (!actor) throw unauthenticated('Sign in to remove files.');
  if (!mayRemoveAttachment(actor, access, a)) throw forbidden('Only whoever uploaded this file (or stewards and moderators) may remove it.');
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await deleteAttachmentRow(tx, a.id);
    await recordActivity(tx, { actorId: actor.id, verb: 'attachment.removed', communityId: a.communityId, subjectType: 'attachment', subjectId: a.id, data: { name: a.name, [`${a.target.kind}Id`]: a.target.id }, at });
  });
  await fs.rm(storedPath(deps, a.storageKey), { force: true });
  return a;
}
