import { EmptyState, ErrorSummary, Field, Pager, Select, TimeAgo } from '../core/views/components.tsx';
import type { FieldIssue } from '../core/http/errors.ts';
import type { SearchQueryString, SearchResponse, SearchResult } from './search.schema.ts';

const kindLabels: Record<SearchResult['kind'], string> = {
  topic: 'Topic', post: 'Reply', article: 'Article', term: 'Glossary term', member: 'Person', community: 'Community',
};
const stateLabels: Array<[string, string]> = [
  ['', 'Any state'], ['draft', 'Draft'], ['proposed', 'Proposed'], ['endorsed', 'Endorsed'], ['needs_review', 'Needs review'], ['superseded', 'Superseded'], ['archived', 'Archived'],
];

/** The address of the same search with other values (empty ones left out). */
export function searchHref(values: SearchQueryString, change: Partial<Record<keyof SearchQueryString, string | undefined>>): string {
  const merged: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...values, ...change })) if (v !== undefined && v !== '' && k !== 'limit') merged[k] = String(v);
  return `/search?${new URLSearchParams(merged).toString()}`;
}

function Hit({ h }: { h: SearchResult }) {
  return (
    <li class="card search-hit">
      <p class="search-hit__kind">
        <span class={`badge badge--${h.kind}`}>{kindLabels[h.kind]}</span>
        {h.state && <span class="badge">{stateLabels.find(([v]) => v === h.state)?.[1] ?? h.state}</span>}
        {h.solved === true && <span class="badge badge--solved">Solved</span>}
      </p>
      <h2 class="search-hit__title">
        <a href={h.url}>{h.title}</a>
      </h2>
      {h.snippetHtml && <p class="search-hit__snippet" dangerouslySetInnerHTML={{ __html: h.snippetHtml }} />}
      <p class="meta">
        {h.community && <a href={`/c/${h.community.slug}`}>{h.community.name}</a>}
        {h.community && ' · '}
        {h.author && (
          <>
            <a href={`/u/${h.author.username}`}>{h.author.displayName}</a>
            {' · '}
          </>
        )}
        <TimeAgo at={h.createdAt} />
      </p>
    </li>
  );
}

function Filters({ values, issues }: { values: SearchQueryString; issues: FieldIssue[] }) {
  return (
    <form method="get" action="/search" class="search-form" role="search" aria-label="Search with filters">
      <Field name="q" label="Search for" type="search" value={values.q ?? ''} maxLength={1000} required issues={issues} hint="Use “quotes” for a phrase, OR between words, and -word to leave a word out." />
      <details class="search-form__filters" open={Boolean(values.community || values.kind || values.tag || values.author || values.from || values.to || values.solved || values.state)}>
        <summary>Filters</summary>
        <div class="search-form__grid">
          <Select name="kind" label="Kind" value={values.kind ?? ''} options={[['', 'Everything'], ...Object.entries(kindLabels)] as Array<[string, string]>} />
          <Field name="community" label="Community (its short name, as in /c/…)" value={values.community ?? ''} maxLength={100} issues={issues} />
          <Field name="tag" label="Tag" value={values.tag ?? ''} maxLength={64} issues={issues} />
          <Field name="author" label="Author (username)" value={values.author ?? ''} maxLength={64} issues={issues} />
          <Field name="from" label="Written from" type="date" value={values.from ?? ''} issues={issues} />
          <Field name="to" label="Written until" type="date" value={values.to ?? ''} issues={issues} />
          <Select name="solved" label="Solved" value={values.solved ?? ''} options={[['', 'Solved or not'], ['true', 'Solved only'], ['false', 'Unsolved only']]} />
          <Select name="state" label="Article state" value={values.state ?? ''} options={stateLabels} />
          <Select name="sort" label="Order" value={values.sort ?? ''} options={[['', 'Best match'], ['date', 'Newest first']]} />
        </div>
      </details>
      <button type="submit">Search</button>
    </form>
  );
}

function KindTabs({ values, result }: { values: SearchQueryString; result: SearchResponse }) {
  const kinds = Object.entries(result.counts).filter(([, n]) => n > 0);
  if (kinds.length < 2 && !values.kind) return null;
  const all = kinds.reduce((s, [, n]) => s + n, 0);
  const label = (n: number) => (n > 1000 ? '1000+' : String(n));
  return (
    <nav class="search-kinds" aria-label="Result kinds">
      <a href={searchHref(values, { kind: undefined, cursor: undefined })} aria-current={!values.kind ? 'page' : undefined}>
        All ({label(all)})
      </a>
      {kinds.map(([k, n]) => (
        <a href={searchHref(values, { kind: k, cursor: undefined })} aria-current={values.kind === k ? 'page' : undefined}>
          {kindLabels[k as SearchResult['kind']]} ({label(n)})
        </a>
      ))}
    </nav>
  );
}

/** The search page: the form with filters, then results with kind badges, snippet, community and date. */
export function SearchPage({ values, result, issues }: { values: SearchQueryString; result: SearchResponse | null; issues: FieldIssue[] }) {
  return (
    <section class="search-page">
      <h1>Search</h1>
      <ErrorSummary issues={issues} />
      <Filters values={values} issues={issues} />
      {result === null ? (
        issues.length === 0 && (
          <EmptyState title="Search topics, answers, articles, glossary terms, people and communities.">
            <p>Type a few words above. Only what you may read is searched.</p>
          </EmptyState>
        )
      ) : (
        <>
          <KindTabs values={values} result={result} />
          <p class="meta" role="status">
            {result.total === 0 ? 'No results' : `${result.total > 1000 ? 'More than 1000' : result.total} result${result.total === 1 ? '' : 's'}`} for “{result.q}”
          </p>
          {result.items.length === 0 ? (
            <EmptyState title={`Nothing matches “${result.q}”.`}>
              <p>Try fewer or other words, or remove a filter.</p>
            </EmptyState>
          ) : (
            <ol class="card-list search-results" aria-label="Results">
              {result.items.map((h) => (
                <Hit h={h} />
              ))}
            </ol>
          )}
          <Pager nextHref={result.nextCursor ? searchHref(values, { cursor: result.nextCursor }) : null} />
        </>
      )}
    </section>
  );
}
