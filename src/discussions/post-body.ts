import type { Db } from '../core/db/index.ts';
import { badRequest } from '../core/http/errors.ts';
import { extractMentions, renderMarkdown } from '../core/markdown/index.ts';
import { fillBodyHtml, findUserIdsByUsername, type Post } from './posts.store.ts';

/** A post body ready to store: the Markdown source, its safe HTML and the ids of the members it mentions. */
export interface RenderedBody {
  body: string;
  html: string;
  mentionedUserIds: number[];
}

/** Throws 400 naming `body` when the text is blank (the schema refuses "", but only spaces is just as empty). */
export function requireText(field: string, value: string, label: string): string {
  if (value.trim() === '') throw badRequest(`${label} must not be empty`, [{ field, message: `${label} must not be empty` }]);
  return value;
}

/**
 * Renders a post body written in Markdown at write time. Every @mention must name an existing member:
 * unknown ones are a 400 naming `body` and listing them (so nothing is written); known ones become
 * profile links and are returned as user ids for notifications.
 */
export async function renderPostBody(db: Db, source: string, field = 'body'): Promise<RenderedBody> {
  const body = requireText(field, source, 'Body');
  const names = extractMentions(body);
  const known = await findUserIdsByUsername(db, names);
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    const list = unknown.map((n) => `@${n}`).join(', ');
    const message = `Body mentions ${unknown.length === 1 ? 'someone who is not a member' : 'people who are not members'}: ${list}`;
    throw badRequest(message, [{ field, message }]);
  }
  const { html } = renderMarkdown(body, { knownUsers: new Set(known.keys()) });
  return { body, html, mentionedUserIds: [...new Set(known.values())] };
}

/**
 * Fills in body_html for posts written before bodies were rendered (their body_html is empty), and
 * stores it so it is rendered once. Mentions of members who exist are linked.
 */
export async function withRenderedBodies(db: Db, posts: Post[]): Promise<Post[]> {
  const missing = posts.filter((p) => p.bodyHtml === '' && p.body !== '');
  if (missing.length === 0) return posts;
  const names = [...new Set(missing.flatMap((p) => extractMentions(p.body)))];
  const knownUsers = new Set((await findUserIdsByUsername(db, names)).keys());
  const html = new Map<number, string>();
  for (const p of missing) {
    const rendered = renderMarkdown(p.body, { knownUsers }).html;
    html.set(p.id, rendered);
    await fillBodyHtml(db, p.id, rendered);
  }
  return posts.map((p) => (html.has(p.id) ? { ...p, bodyHtml: html.get(p.id) ?? '' } : p));
}
