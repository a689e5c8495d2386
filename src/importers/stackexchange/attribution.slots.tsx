import type { Db } from '../../core/db/index.ts';
import type { TopicSlotProvider } from '../../discussions/topic-slots.tsx';
import { keyOf } from '../../core/views/kept-markup.ts';

/** The origin of an imported post, as the attribution line shows it. */
export interface Attribution {
  kind: 'question' | 'answer';
  site: string;
  url: string;
  license: string;
  authorName: string;
}

/** Attributions of the given posts (only imported ones are in the map). */
export async function attributionsOf(db: Db, topicId: number, postIds: number[]): Promise<Map<number, Attribution>> {
  const rows = await db
    .selectFrom('import_sources as s')
    .innerJoin('posts', 'posts.id', 's.post_id')
    .innerJoin('users', 'users.id', 'posts.author_id')
    .select(['s.post_id', 's.kind', 's.site', 's.url', 's.license', 's.author_name', 'users.display_name'])
    .where((eb) => eb.or([eb.and([eb('s.kind', '=', 'question'), eb('s.local_id', '=', topicId)]), ...(postIds.length > 0 ? [eb.and([eb('s.kind', '=', 'answer'), eb('s.post_id', 'in', postIds)])] : [])]))
    .execute();
  return new Map(
    rows.map((r) => [
      r.post_id ?? 0,
      { kind: r.kind === 'question' ? 'question' : 'answer', site: r.site, url: r.url, license: r.license, authorName: r.author_name || r.display_name },
    ]),
  );
}

/** The Creative Commons page of a "CC BY-SA x.y" licence name, or null for anything else. */
export function licenseUrl(license: string): string | null {
  const m = /^CC BY-SA (\d\.\d)$/.exec(license.trim());
  return m ? `https://creativecommons.org/licenses/by-sa/${m[1]}/` : null;
}

/** "Originally asked on cardano.stackexchange.com by Jane · CC BY-SA 4.0", linking the original and the licence. */
export function AttributionLine({ a }: { a: Attribution }) {
  const licence = licenseUrl(a.license);
  return (
    <p class="meta import-attribution">
      Originally {a.kind === 'question' ? 'asked' : 'answered'} on{' '}
      <a href={a.url} rel="nofollow noopener noreferrer">
        {a.site}
      </a>{' '}
      by {a.authorName}
      {a.license && (
        <>
          {' · '}
          {licence ? (
            <a href={licence} rel="license noopener noreferrer">
              {a.license}
            </a>
          ) : (
            a.license
          )}
        </>
      )}
    </p>
  );
}

/**
 * The attribution the licence asks for: under the title of an imported question, and under each
 * imported answer. Nothing for posts written here.
 */
export const importAttributionSlots: TopicSlotProvider = async ({ deps, topic, posts }) => {
  // Posts come with their origin (posts.store joins import_sources): a page showing the opening post
  // and no imported post has nothing to attribute, and costs no query (most topics were written here).
  if (posts.some((p) => p.kind === 'opening') && !posts.some((p) => p.source)) return {};
  const found = await attributionsOf(
    deps.db,
    topic.id,
    posts.map((p) => p.id),
  );
  if (found.size === 0) return {};
  const opening = [...found.values()].find((a) => a.kind === 'question');
  return {
    header: opening ? <AttributionLine a={opening} /> : undefined,
    post: (p) => {
      const a = found.get(p.id);
      return a && a.kind === 'answer' ? { key: keyOf(['attribution', a.site, a.url, a.license, a.authorName]), below: <AttributionLine a={a} /> } : {};
    },
  };
};
