import { EmptyState, Pager, Select } from '../core/views/components.tsx';
import type { ViewContext } from '../core/views/context.ts';
import { CommunityCard } from './community.components.tsx';
import type { CommunitySummaryT, DirectoryPageQueryT } from './communities.schema.ts';

interface DirectoryProps {
  ctx: ViewContext;
  filters: DirectoryPageQueryT;
  items: CommunitySummaryT[];
  nextHref: string | null;
}

function isFiltered(f: DirectoryPageQueryT): boolean {
  return Boolean(f.q || f.tag || f.formality || f.locality || f.visibility || f.mine === '1');
}

/** The community directory: filters, one page of communities, and a link to the next. */
export function DirectoryPage({ ctx, filters: f, items, nextHref }: DirectoryProps) {
  return (
    <>
      <div class="community-heading">
        <h1>Communities</h1>
        {ctx.actor && (
          <a class="button" href="/communities/new">
            Create a community
          </a>
        )}
      </div>
      <form method="get" action="/communities" class="filters" role="search" aria-label="Filter communities">
        <div class="field">
          <label for="f-q">Search</label>
          <input type="search" id="f-q" name="q" value={f.q ?? ''} maxLength={200} />
        </div>
        <div class="field">
          <label for="f-tag">Tag</label>
          <input type="text" id="f-tag" name="tag" value={f.tag ?? ''} maxLength={30} />
        </div>
        <Select name="formality" label="Form" value={f.formality ?? ''} options={[['', 'Any'], ['formal', 'Formal'], ['informal', 'Informal']]} />
        <Select name="locality" label="Where" value={f.locality ?? ''} options={[['', 'Any'], ['local', 'Local'], ['distributed', 'Distributed']]} />
        <Select name="visibility" label="Visibility" value={f.visibility ?? ''} options={[['', 'Any'], ['public', 'Public'], ['private', 'Private']]} />
        {ctx.actor && (
          <div class="field community-filters__mine">
            <label>
              <input type="checkbox" name="mine" value="1" checked={f.mine === '1'} /> Only my communities
            </label>
          </div>
        )}
        <button type="submit">Filter</button>
        {isFiltered(f) && <a href="/communities">Clear filters</a>}
      </form>
      {items.length === 0 ? (
        isFiltered(f) ? (
          <EmptyState title="No communities match these filters">
            <p>
              Try fewer filters, or <a href="/communities">see every community</a>.
            </p>
          </EmptyState>
        ) : (
          <EmptyState title="No communities yet — start the first one">
            {ctx.actor ? <a href="/communities/new">Create a community</a> : <a href="/signin?next=/communities/new">Sign in to create one</a>}
          </EmptyState>
        )
      ) : (
        <ul class="card-list community-list">
          {items.map((c) => (
            <CommunityCard c={c} />
          ))}
        </ul>
      )}
      <Pager nextHref={nextHref} />
    </>
  );
}
