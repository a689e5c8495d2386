import type { TopicKind } from './discussions.schema.ts';

/** "Question" or "Discussion" as a small badge. */
export function KindBadge({ kind }: { kind: TopicKind }) {
  return <span class={`badge badge--${kind}`}>{kind === 'question' ? 'Question' : 'Discussion'}</span>;
}

/** The state badges of a topic: Solved, Pinned, Locked, Closed (only those that apply). */
export function StateBadges({ t }: { t: { solved: boolean; pinned: boolean; locked: boolean; closed: boolean } }) {
  return (
    <>
      {t.solved && <span class="badge badge--solved">Solved</span>}
      {t.pinned && <span class="badge badge--pinned">Pinned</span>}
      {t.locked && <span class="badge badge--locked">Locked</span>}
      {t.closed && <span class="badge badge--closed">Closed</span>}
    </>
  );
}

/** A topic's tags, each linking to the community's tag page. Nothing when there are none. */
export function TagChips({ slug, tags }: { slug: string; tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul class="topic-tags" aria-label="Tags">
      {tags.map((tag) => (
        <li>
          <a class="tag" href={`/c/${slug}/tags/${tag}`}>
            {tag}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** "1 reply" / "3 answers". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
