import { Breadcrumbs, EmptyState, ErrorSummary, Field, Pager, PostForm, TimeAgo } from '../../core/views/components.tsx';
import type { FieldIssue } from '../../core/http/errors.ts';
import type { ViewContext } from '../../core/views/context.ts';
import type { Collection, CollectionItem } from './collections.store.ts';

interface Community {
  slug: string;
  name: string;
}

function Breadcrumb({ community }: { community: Community }) {
  return (
    <Breadcrumbs community={community} trail={[{ href: `/c/${community.slug}/collections`, label: 'Collections' }]} />
  );
}

/** A community's collections (reading lists, playbooks), most recently changed first. */
export function CollectionListPage(p: { community: Community; items: Array<{ c: Collection; count: number }>; nextHref: string | null; canWrite: boolean }) {
  const base = `/c/${p.community.slug}/collections`;
  return (
    <>
      <Breadcrumb community={p.community} />
      <div class="community-heading">
        <h1>Collections of {p.community.name}</h1>
        {p.canWrite && (
          <a class="button button--small" href={`${base}/new`}>
            New collection
          </a>
        )}
      </div>
      {p.items.length === 0 ? (
        <EmptyState title="No collections yet — gather the first reading list">{p.canWrite ? <a href={`${base}/new`}>Make a collection</a> : <p>Members can make collections here.</p>}</EmptyState>
      ) : (
        <ul class="topic-list collection-list">
          {p.items.map(({ c, count }) => (
            <li>
              <div>
                <a class="topic-title" href={`${base}/${c.id}`}>
                  {c.title}
                </a>
                <p class="meta">
                  {count === 1 ? '1 item' : `${count} items`} · by {c.owner.displayName} · updated <TimeAgo at={c.updatedAt} />
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager nextHref={p.nextHref} />
    </>
  );
}

function ItemControls(p: { ctx: ViewContext; base: string; item: CollectionItem; first: boolean; last: boolean }) {
  const at = `${p.base}/items/${p.item.id}`;
  return (
    <div class="collection-item__controls">
      {!p.first && (
        <PostForm ctx={p.ctx} action={`${at}/move`} class="inline-form">
          <input type="hidden" name="direction" value="up" />
          <button class="button button--small button--secondary" type="submit" aria-label={`Move up: “${p.item.title}”`}>
            Move up
          </button>
        </PostForm>
      )}
      {!p.last && (
        <PostForm ctx={p.ctx} action={`${at}/move`} class="inline-form">
          <input type="hidden" name="direction" value="down" />
          <button class="button button--small button--secondary" type="submit" aria-label={`Move down: “${p.item.title}”`}>
            Move down
          </button>
        </PostForm>
      )}
      <PostForm ctx={p.ctx} action={`${at}/remove`} class="inline-form">
        <button class="button button--small button--secondary" type="submit" aria-label={`Remove “${p.item.title}” from the collection`}>
          Remove
        </button>
      </PostForm>
    </div>
  );
}

/** One collection: its description and its items in order, with move/remove buttons for its editors. */
export function CollectionPage(p: { ctx: ViewContext; community: Community; c: Collection; items: CollectionItem[]; canEdit: boolean }) {
  const base = `/c/${p.community.slug}/collections/${p.c.id}`;
  return (
    <>
      <Breadcrumb community={p.community} />
      <article class="collection" aria-labelledby="collection-title">
        <h1 id="collection-title">{p.c.title}</h1>
        <p class="meta">
          Collection by <a href={`/u/${p.c.owner.username}`}>{p.c.owner.displayName}</a> · updated <TimeAgo at={p.c.updatedAt} />
        </p>
        {/* description_html is rendered from Markdown at write time by renderMarkdown (safe HTML). */}
        {p.c.descriptionHtml && <div class="prose" dangerouslySetInnerHTML={{ __html: p.c.descriptionHtml }} />}
        {p.items.length === 0 ? (
          <EmptyState title="Nothing in this collection yet">
            <p>Add articles and topics from their pages with “Add to collection”.</p>
          </EmptyState>
        ) : (
          <ol class="collection-items">
            {p.items.map((i, n) => (
              <li class="collection-item">
                <a href={i.url}>{i.title}</a> <span class="badge">{i.kind === 'article' ? `article · ${i.label}` : i.label}</span>
                {i.note && <p class="collection-item__note">{i.note}</p>}
                {p.canEdit && <ItemControls ctx={p.ctx} base={base} item={i} first={n === 0} last={n === p.items.length - 1} />}
              </li>
            ))}
          </ol>
        )}
        {p.canEdit && (
          <p class="actions">
            <a class="button button--small" href={`${base}/edit`}>
              Edit
            </a>
          </p>
        )}
      </article>
      {p.canEdit && (
        <PostForm ctx={p.ctx} action={`${base}/delete`} aria-label="Delete this collection">
          <button class="button button--small button--danger" type="submit">
            Delete this collection
          </button>
        </PostForm>
      )}
    </>
  );
}

/** What the collection form holds. */
export interface CollectionFormValues {
  title: string;
  description: string;
}

/** The new-collection and edit-collection form. */
export function CollectionFormPage(p: { ctx: ViewContext; community: Community; values: CollectionFormValues; issues: FieldIssue[]; action: string; heading: string; maxTitle: number }) {
  return (
    <>
      <Breadcrumb community={p.community} />
      <h1>{p.heading}</h1>
      <ErrorSummary issues={p.issues} />
      <PostForm ctx={p.ctx} action={p.action} aria-label={p.heading}>
        <Field name="title" label="Title" value={p.values.title} issues={p.issues} required maxLength={p.maxTitle} />
        <Field name="description" label="Description" value={p.values.description} issues={p.issues} multiline rows={6} hint="What this collection is for. Markdown works." />
        <button class="button" type="submit">
          Save
        </button>
      </PostForm>
    </>
  );
}
