import { Avatar, EmptyState, Pager, TimeAgo } from '../core/views/components.tsx';
import { KindBadge, plural, StateBadges, TagChips } from './badges.views.tsx';
import type { TopicKind, TopicSummaryDto } from './discussions.schema.ts';
import type { ListView } from './lists.store.ts';

/** The filters a list page was asked for. */
export interface ListParams {
  view: ListView;
  kind?: TopicKind;
  tag?: string;
}

/** A list page's address with these filters (and a cursor). */
export function listHref(base: string, p: Partial<ListParams> & { cursor?: string }): string {
  const q = new URLSearchParams();
  if (p.view && p.view !== 'latest') q.set('view', p.view);
  if (p.kind) q.set('kind', p.kind);
  if (p.tag) q.set('tag', p.tag);
  if (p.cursor) q.set('cursor', p.cursor);
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

function ReadState({ t }: { t: TopicSummaryDto }) {
  const s = t.readState;
  if (!s) return null;
  if (!s.opened) return <span class="badge badge--new">new</span>;
  if (s.newPosts === 0) return null;
  return <span class="badge badge--new">{s.newPosts} new</span>;
}

/** One topic in a list: badges, title, where it lives when that is not here, tags, counts, read state. */
function TopicItem({ t, hereId }: { t: TopicSummaryDto; hereId: number | null }) {
  const counts = t.kind === 'question' ? plural(t.answerCount, 'answer', 'answers') : plural(t.replyCount, 'reply', 'replies');
  return (
    <li class="topic-item">
      <Avatar name={t.author.displayName} size="sm" />
      <div>
        <p class="topic-item__badges">
          <KindBadge kind={t.kind} /> <StateBadges t={t} /> <ReadState t={t} />
        </p>
        <a class="topic-title" href={`/c/${t.community.slug}/t/${t.id}`}>
          {t.title}
        </a>
        {hereId !== null && t.communityId !== hereId && <p class="meta topic-item__from">Cross-posted from {t.community.name}</p>}
        {hereId === null && <p class="meta topic-item__from">In {t.community.name}</p>}
        <TagChips slug={t.community.slug} tags={t.tags} />
        <p class="meta">
          {t.author.displayName} · {counts} · last post <TimeAgo at={t.lastPostedAt} />
        </p>
      </div>
    </li>
  );
}

/** A list of topics. `hereId` is the community the list belongs to (null for lists across communities). */
export function TopicItems({ topics, hereId, label }: { topics: TopicSummaryDto[]; hereId: number | null; label: string }) {
  return (
    <ul class="topic-list" aria-label={label}>
      {topics.map((t) => (
        <TopicItem t={t} hereId={hereId} />
      ))}
    </ul>
  );
}

const viewLabels: Record<ListView, string> = { latest: 'Latest', unanswered: 'Unanswered', solved: 'Solved' };

/** Latest / Unanswered / Solved, keeping the kind and tag filters. */
export function ListTabs({ base, p }: { base: string; p: ListParams }) {
  return (
    <nav aria-label="Lists">
      <ul class="chips list-tabs">
        {(Object.keys(viewLabels) as ListView[]).map((v) => (
          <li>
            <a href={listHref(base, { ...p, view: v })} aria-current={p.view === v ? 'true' : undefined}>
              {viewLabels[v]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A GET form to filter by kind and (unless the page is a tag's) tag. */
export function ListFilters({ base, p, tags }: { base: string; p: ListParams; tags: Array<{ tag: string; count: number }> | null }) {
  return (
    <form method="get" action={base} class="filters" aria-label="Filter topics">
      {p.view !== 'latest' && <input type="hidden" name="view" value={p.view} />}
      <div class="field">
        <label for="f-kind">Kind</label>
        <select id="f-kind" name="kind">
          <option value="">Any</option>
          <option value="discussion" selected={p.kind === 'discussion'}>
            Discussions
          </option>
          <option value="question" selected={p.kind === 'question'}>
            Questions
          </option>
        </select>
      </div>
      {tags && tags.length > 0 && (
        <div class="field">
          <label for="f-tag">Tag</label>
          <select id="f-tag" name="tag">
            <option value="">Any</option>
            {tags.map((t) => (
              <option value={t.tag} selected={p.tag === t.tag}>
                {t.tag} ({t.count})
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" class="button--secondary">
        Filter
      </button>
    </form>
  );
}

const emptyTitles: Record<ListView, string> = {
  latest: 'No topics here yet',
  unanswered: 'No unanswered questions — every open question has an answer',
  solved: 'No solved questions yet',
};

/** The topic list with its empty state and pager. */
export function TopicListBody(p: { topics: TopicSummaryDto[]; pinned?: TopicSummaryDto[]; hereId: number | null; params: ListParams; nextHref: string | null; empty?: preact.ComponentChildren }) {
  const pinned = p.pinned ?? [];
  if (p.topics.length === 0 && pinned.length === 0) {
    return <EmptyState title={p.params.tag || p.params.kind ? 'No topics match these filters' : emptyTitles[p.params.view]}>{p.empty}</EmptyState>;
  }
  return (
    <>
      {pinned.length > 0 && (
        <section aria-labelledby="pinned-h" class="pinned-topics">
          <h2 id="pinned-h">Pinned</h2>
          <TopicItems topics={pinned} hereId={p.hereId} label="Pinned topics" />
        </section>
      )}
      {pinned.length > 0 && <h2>{viewLabels[p.params.view]}</h2>}
      <TopicItems topics={p.topics} hereId={p.hereId} label="Topics" />
      <Pager nextHref={p.nextHref} />
    </>
  );
}
