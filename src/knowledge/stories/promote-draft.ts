import type { Person } from '../articles/articles.store.ts';
import type { ArticleType } from '../articles/articles.store.ts';
import type { QuotedPost } from './thread.store.ts';

/** What a draft is made from: the thread, the posts it quotes and everyone it credits. */
export interface DraftSource {
  topic: { id: number; title: string; kind: 'question' | 'discussion'; community: { slug: string; name: string } };
  opening: QuotedPost | null;
  accepted: QuotedPost | null;
  key: QuotedPost[];
  contributors: Person[];
}

/** The article type a promoted thread starts as: a how-to for a question, a reference for a discussion. */
export function defaultPromoteType(kind: 'question' | 'discussion'): ArticleType {
  return kind === 'question' ? 'how-to' : 'reference';
}

/** Text safe inside Markdown link text or emphasis (a display name is not Markdown). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~@]/g, (c) => `\\${c}`);
}

/** A Markdown blockquote of a post body, cut at `max` characters (with a note saying so). */
export function quote(body: string, max: number): string {
  const text = body.replace(/\r\n?/g, '\n').trim();
  const cut = text.length > max ? `${text.slice(0, max).trimEnd()}\n\n[…]` : text;
  return cut
    .split('\n')
    .map((l) => (l === '' ? '>' : `> ${l}`))
    .join('\n');
}

const personLink = (p: Person) => `[${escapeMarkdown(p.displayName)}](/u/${p.username})`;

/**
 * The Markdown body of a promoted thread's draft: a link back to the thread, the question (or opening
 * post), the accepted answer, the key replies, and a Contributors section crediting everyone.
 * Each quote is capped so the whole stays within `bodyMax`.
 */
export function composeDraft(s: DraftSource, bodyMax: number): string {
  const threadPath = `/c/${s.topic.community.slug}/t/${s.topic.id}`;
  const quotes = [s.opening, s.accepted, ...s.key].filter((p) => p !== null).length;
  const credits = s.contributors.reduce((n, p) => n + p.displayName.length * 2 + p.username.length + 16, 0);
  const per = Math.max(200, Math.floor((bodyMax - credits - 600 - s.topic.title.length * 2) / Math.max(1, quotes)) - 80);
  const parts: string[] = [`Captured from the thread [${escapeMarkdown(s.topic.title)}](${threadPath}) in ${escapeMarkdown(s.topic.community.name)}.`];
  if (s.opening) {
    parts.push(s.topic.kind === 'question' ? '## The question' : '## The discussion', `${personLink(s.opening.author)} ${s.topic.kind === 'question' ? 'asked' : 'wrote'}:`, quote(s.opening.body, per));
  }
  if (s.accepted) parts.push('## Accepted answer', `${personLink(s.accepted.author)} answered:`, quote(s.accepted.body, per));
  if (s.key.length > 0) {
    parts.push(s.topic.kind === 'question' && s.accepted ? '## Other key answers' : '## Key replies');
    for (const p of s.key) parts.push(`${personLink(p.author)} wrote:`, quote(p.body, per));
  }
  parts.push('## Contributors', s.contributors.map((p) => `- ${personLink(p)}`).join('\n'));
  return parts.join('\n\n');
}
