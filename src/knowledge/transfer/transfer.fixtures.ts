import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { createArticle } from '../articles/articles.service.ts';
import { countRows } from '../articles/articles.fixtures.ts';
import { addOwner } from '../articles/articles.owners.service.ts';
import { createTerm } from '../glossary/glossary.service.ts';

/** Row counts of every table an import writes, for "wrote nothing" and "idempotent" assertions. */
export async function knowledgeCounts(db: Db): Promise<Record<string, number>> {
  const tables = ['articles', 'article_tags', 'article_owners', 'article_revisions', 'article_transitions', 'links', 'glossary_terms', 'activity'] as const;
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await countRows(db, t)] as const)));
}

const actorOf = (u: { id: number; username: string; display_name: string }): Actor => ({ id: u.id, username: u.username, displayName: u.display_name, role: 'member' });

/** A 30-character tag, the longest allowed. */
export const LONG_TAG = 'a-tag-of-exactly-thirty-chars0';

/**
 * Two communities with the same steward and member: A full of awkward knowledge written through the
 * services (YAML-special titles, front-matter-looking bodies, CRLF, trailing blanks, unicode, the
 * longest tag), B empty. Returns both and the people.
 */
export async function transferWorld(deps: Deps, opts: { visibility?: 'public' | 'private' } = {}) {
  const db = deps.db;
  const steward = await makeUser(db, { display_name: 'Ana Steward' });
  const member = await makeUser(db, { display_name: 'Ben Member' });
  const outsider = await makeUser(db, { display_name: 'Cy Outsider' });
  const visibility = opts.visibility ?? 'public';
  const a = await makeCommunity(db, steward.id, { name: 'Source', visibility, join_policy: visibility === 'public' ? 'open' : 'invite' });
  const b = await makeCommunity(db, steward.id, { name: 'Target', visibility, join_policy: visibility === 'public' ? 'open' : 'invite' });
  for (const c of [a, b]) await addMember(db, c.id, member.id);
  const ana = actorOf(steward);
  const ben = actorOf(member);
  const write = (actor: Actor, title: string, body: string, more: { type?: 'how-to' | 'story' | 'reference' | 'decision-record' | 'best-practice'; tags?: string[]; wiki?: boolean } = {}) =>
    createArticle(deps, actor, a.slug, { type: more.type ?? 'how-to', title, body, tags: more.tags ?? [], wiki: more.wiki ?? false });
  await write(ana, 'yes', '---\ntitle: not the title\ntype: story\n---\n\nText after a fake front matter.   \n\n\n', { tags: [LONG_TAG, 'yaml'] });
  await write(ben, ': x', 'Line one\r\nLine two with trailing spaces  \r\n\r\n', { type: 'reference', wiki: true });
  await write(ana, '#tag', 'Ünïcödé — 日本語 🎉 café\n\n---\n\n---\nno final newline', { type: 'story', tags: ['unicode'] });
  const tagged = await write(ben, 'Tag', `Mentions @${steward.username} and a rule:\n\n***\n`, { type: 'decision-record' });
  await write(ana, '日本語のタイトル', '   Leading spaces and a tab\tinside.\n', { type: 'best-practice' });
  await write(ana, 'He said "hi" & \'bye\' — null: [1, {2}] # not a comment', '> quoted\n', {});
  await write(ben, 'null', '- a\n- b\n', { tags: ['z-last', 'a-first', '0-digit'] });
  await addOwner(deps, ben, tagged, steward.username);
  await db.updateTable('articles').set({ state: 'endorsed' }).where('id', '=', tagged).execute();
  await createTerm(deps, ana, a.slug, { term: 'YAML', definition: 'A data language.\n\n---\n\ntitle: not front matter', synonyms: ['yes', ': colon', '#hash'] });
  await createTerm(deps, ben, a.slug, { term: 'Ünïcödé', definition: 'Text beyond ASCII — 日本語.', synonyms: [] });
  await createTerm(deps, ana, a.slug, { term: 'no', definition: 'Also a YAML 1.1 boolean.', synonyms: ['off'], owner: member.username });
  return { a, b, steward, member, outsider };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guildhall-transfer-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A folder map from text files (relative path → text), as readKnowledgeFolder returns it. */
export function folderOf(files: Record<string, string | Uint8Array> | Map<string, string>): Map<string, Uint8Array> {
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  return new Map(entries.map(([k, v]) => [k, typeof v === 'string' ? new TextEncoder().encode(v) : v]));
}
