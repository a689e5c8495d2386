import type { RelatedItem } from './related.store.ts';

/** One related or similar item: its title linked, with its community when it is another one, and a solved or duplicate mark. */
function ItemLine(p: { item: RelatedItem; here?: string }) {
  const i = p.item;
  return (
    <li>
      <a href={i.url}>{i.title}</a>
      {i.kind === 'article' && <span class="related__mark"> · article</span>}
      {i.reason === 'duplicate' && <span class="related__mark"> · marked duplicate</span>}
      {i.reason === 'linked' && <span class="related__mark"> · linked</span>}
      {i.solved && <span class="related__mark"> · solved</span>}
      {p.here !== undefined && i.community.slug !== p.here && <span class="related__mark"> · in {i.community.name}</span>}
    </li>
  );
}

/** The "Related" block under a topic's title: a closed disclosure with up to five links. */
export function RelatedBlock(p: { items: RelatedItem[]; here: string }) {
  if (p.items.length === 0) return null;
  return (
    <details class="related">
      <summary>Related ({p.items.length})</summary>
      <ul class="related__list">
        {p.items.map((i) => (
          <ItemLine item={i} here={p.here} />
        ))}
      </ul>
    </details>
  );
}

/**
 * Under the new-topic form: the similar questions found for what was typed (filled by the
 * "Check for similar questions" button without JavaScript, or by similar.js as the member types).
 * The region is always there so screen readers announce changes.
 */
export function SimilarList(p: { items: RelatedItem[] | null; slug: string }) {
  return (
    <section class="similar" aria-labelledby="similar-heading" data-similar-for={p.slug}>
      <h2 id="similar-heading">Similar questions</h2>
      <div id="similar-results" aria-live="polite">
        {p.items === null ? (
          <p class="field__hint">Before posting, check whether it has been asked already.</p>
        ) : p.items.length === 0 ? (
          <p>No similar questions found.</p>
        ) : (
          <ul class="related__list">
            {p.items.map((i) => (
              <ItemLine item={i} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
