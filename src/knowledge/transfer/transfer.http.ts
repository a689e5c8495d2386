import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { readableCommunity } from '../articles/articles.service.ts';
import { exportKnowledge, zipKnowledge } from './export.service.ts';

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });

/** The community's knowledge folder, for a reader of it (404 otherwise, never revealing a private one). */
export async function folderFor(deps: Deps, actor: Actor | null, slug: string) {
  const { community } = await readableCommunity(deps, actor, slug);
  return { community, files: await exportKnowledge(deps.db, community.id) };
}

/** Sends the folder as `<slug>-knowledge.zip`, an attachment never stored by shared caches. */
export function sendZip(reply: FastifyReply, slug: string, files: Map<string, string>) {
  return reply
    .header('content-type', 'application/zip')
    .header('content-disposition', `attachment; filename="${slug}-knowledge.zip"`)
    .header('cache-control', 'private, no-cache')
    .send(Buffer.from(zipKnowledge(files, `${slug}-knowledge`)));
}

