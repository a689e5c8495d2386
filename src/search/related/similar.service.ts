import type { Deps } from '../../core/deps.ts';
import { badRequest } from '../../core/http/errors.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { readableCommunity } from '../../knowledge/articles/articles.service.ts';
import { tokenize } from './query.ts';
import { rankRelated } from './related.rank.ts';
import { toItems } from './related.service.ts';
import type { RelatedItem } from './related.store.ts';

/** What the new-topic form has so far. */
export interface SimilarInput {
  title: string;
  body?: string | undefined;
  tags?: string[] | undefined;
}

export const SIMILAR_LIMIT = 5;

/**
 * Likely duplicates of a question being written: topics of that community ranked against the title,
 * body and tags. 404 when the actor may not read the community; 400 (field `title`) when the title is
 * blank. A title of only stopwords or punctuation simply finds nothing.
 */
export async function similarInCommunity(deps: Deps, actor: Actor | null, slug: string, input: SimilarInput): Promise<RelatedItem[]> {
  const { community } = await readableCommunity(deps, actor, slug);
  if (input.title.trim() === '') throw badRequest('The title is empty.', [{ field: 'title', message: 'Type a title to look for similar questions.' }]);
  const src = { title: input.title, body: input.body ?? '', tags: input.tags ?? [], accepted: null };
  if (tokenize(`${src.title} ${src.body} ${src.tags.join(' ')}`).length === 0) return [];
  const ranked = await rankRelated(deps.db, src, [community.id], { limit: SIMILAR_LIMIT, kinds: ['topic'] });
  return toItems(deps.db, ranked, [community.id]);
}

/**
 * The no-JavaScript "Check for similar questions" button of the new-topic form: the same ranking from
 * the form's fields (tags as typed, comma-separated); an empty title finds nothing rather than failing.
 */
export async function similarForForm(deps: Deps, actor: Actor | null, slug: string, values: { title: string; body: string; tags: string }): Promise<RelatedItem[]> {
  if (values.title.trim() === '' && values.body.trim() === '') return [];
  const tags = values.tags.split(',').map((t) => t.trim()).filter((t) => t.length > 0);
  return similarInCommunity(deps, actor, slug, { title: values.title.trim() === '' ? values.body.slice(0, 300) : values.title, body: values.body, tags });
}
