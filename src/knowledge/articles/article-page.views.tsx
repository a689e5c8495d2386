import { TimeAgo } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import { OwnerForms } from './article-owners.views.tsx';
import type { ArticleSlots } from './article-slots.tsx';
import type { Article } from './articles.store.ts';
import { ArticleBadges, ArticlesBreadcrumb } from './articles.views.tsx';

/** An article: badges, owners, tags, edited info and the rendered body. */
export function ArticlePage(p: { ctx: ViewContext; community: { slug: string; name: string }; a: Article; canEdit: boolean; isOwner: boolean; slots?: ArticleSlots }) {
  const { a } = p;
  const base = `/c/${p.community.slug}`;
  return (
    <>
      <ArticlesBreadcrumb community={p.community} />
      <article class="article" aria-labelledby="article-title">
        <h1 id="article-title">{a.title}</h1>
        <p class="meta">
          <ArticleBadges a={a} /> · written by <a href={`/u/${a.author.username}`}>{a.author.displayName}</a> <TimeAgo at={a.createdAt} />
          {a.editedAt && (
            <>
              {' '}
              · <a href={`${base}/a/${a.id}/revisions`}>edited</a> <TimeAgo at={a.editedAt} /> (version {a.revision})
            </>
          )}
        </p>
        <p class="meta">
          Owners:{' '}
          {a.owners.map((o, i) => (
            <>
              {i > 0 && ', '}
              <a href={`/u/${o.username}`}>{o.displayName}</a>
            </>
          ))}
        </p>
        {p.slots?.header}
        {a.tags.length > 0 && (
          <ul class="chips" aria-label="Tags">
            {a.tags.map((t) => (
              <li>
                <a class="tag" href={`${base}/articles?tag=${t}`}>
                  {t}
                </a>
              </li>
            ))}
          </ul>
        )}
        {/* body_html is rendered from Markdown at write time by renderMarkdown (safe HTML). */}
        {p.slots?.beforeBody}
        <div class="prose" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
        <p class="actions">
          {p.canEdit && (
            <a class="button button--small" href={`${base}/a/${a.id}/edit`}>
              Edit
            </a>
          )}
          <a class="button button--small button--secondary" href={`${base}/a/${a.id}/revisions`}>
            History
          </a>
        </p>
        {p.slots?.afterBody}
      </article>
      {p.slots?.below}
      {p.isOwner && <OwnerForms ctx={p.ctx} slug={p.community.slug} a={a} />}
    </>
  );
}
