import type { FieldIssue } from '../../core/http/errors.ts';
import { EmptyState, ErrorSummary, Field, Pager, PostForm, TimeAgo } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import type { TermDto } from './glossary.schema.ts';

interface CommunityRef {
  slug: string;
  name: string;
}

const base = (c: CommunityRef) => `/c/${c.slug}/glossary`;
const letterOf = (t: TermDto) => {
  const ch = t.term.charAt(0).toUpperCase();
  return /[A-Z]/.test(ch) ? ch : '#';
};

/** A term's definition, synonyms and owner. */
function TermBody({ t }: { t: TermDto }) {
  return (
    <>
      {/* definitionHtml is rendered from Markdown at write time by renderMarkdown (safe HTML). */}
      <div class="prose" dangerouslySetInnerHTML={{ __html: t.definitionHtml }} />
      {t.synonyms.length > 0 && (
        <p class="meta">
          Also called: <span class="chips">{t.synonyms.map((s) => <span class="tag">{s}</span>)}</span>
        </p>
      )}
      <p class="meta">
        Owner: <a href={`/u/${t.owner.username}`}>{t.owner.displayName}</a> · updated <TimeAgo at={t.updatedAt} />
      </p>
    </>
  );
}

/** One term in the list, with a stable anchor `#term-<id>`. */
export function TermEntry({ t }: { t: TermDto }) {
  return (
    <article class="glossary-term" id={`term-${t.id}`} aria-labelledby={`term-${t.id}-name`}>
      <h3 id={`term-${t.id}-name`}>
        <a href={`${base(t.community)}/${t.id}`}>{t.term}</a>
      </h3>
      <TermBody t={t} />
    </article>
  );
}

/** The glossary page of a community: A–Z jump links, search, the terms. */
export function GlossaryListPage(p: { community: CommunityRef; terms: TermDto[]; q: string; nextHref: string | null; canCreate: boolean }) {
  const letters = [...new Set(p.terms.map(letterOf))];
  let last = '';
  return (
    <div class="glossary">
      <p class="meta"><a href={`/c/${p.community.slug}`}>{p.community.name}</a></p>
      <h1>Glossary</h1>
      <p>The words this community uses, and what we mean by them.</p>
      <div class="actions">
        {p.canCreate && <a class="button" href={`${base(p.community)}/new`}>Add a term</a>}
      </div>
      <form method="get" action={base(p.community)} class="filters" role="search">
        <label for="glossary-q">Search terms and synonyms</label>
        <input id="glossary-q" type="search" name="q" value={p.q} maxLength={200} />
        <button type="submit" class="button button--secondary">Search</button>
      </form>
      {letters.length > 0 && (
        <nav class="glossary-az" aria-label="Jump to letter">
          {[...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'].map((l) =>
            letters.includes(l) ? <a href={`#letter-${l === '#' ? 'other' : l}`}>{l}</a> : <span class="glossary-az__none" aria-hidden="true">{l}</span>,
          )}
        </nav>
      )}
      {p.terms.length === 0 ? (
        p.q ? <EmptyState title={`No terms match “${p.q}”`} /> : (
          <EmptyState title="No terms yet — define the first word your community uses">
            {p.canCreate ? <a href={`${base(p.community)}/new`}>Add the first term</a> : <p>Members can add terms here.</p>}
          </EmptyState>
        )
      ) : (
        <div class="glossary-list">
          {p.terms.map((t) => {
            const l = letterOf(t);
            const head = l !== last ? <h2 id={`letter-${l === '#' ? 'other' : l}`} class="glossary-letter">{l}</h2> : null;
            last = l;
            return (
              <>
                {head}
                <TermEntry t={t} />
              </>
            );
          })}
        </div>
      )}
      <Pager nextHref={p.nextHref} />
    </div>
  );
}

/** A term's own page, with edit and delete for those who may. */
export function TermPage({ ctx, t }: { ctx: ViewContext; t: TermDto }) {
  return (
    <div class="glossary">
      <p class="meta">
        <a href={`/c/${t.community.slug}`}>{t.community.name}</a> › <a href={base(t.community)}>Glossary</a>
      </p>
      <h1>{t.term}</h1>
      <article class="glossary-term" id={`term-${t.id}`}>
        <TermBody t={t} />
      </article>
      {t.canEdit && (
        <div class="actions">
          <a class="button button--secondary" href={`${base(t.community)}/${t.id}/edit`}>Edit</a>
          <PostForm ctx={ctx} action={`${base(t.community)}/${t.id}/delete`} aria-label={`Delete ${t.term}`}>
            <button type="submit" class="button button--secondary">Delete term</button>
          </PostForm>
        </div>
      )}
    </div>
  );
}

/** Form values of a term, as typed. */
export interface TermFormValues {
  term: string;
  definition: string;
  synonyms: string;
  owner: string;
}

/** The new-term and edit-term form. */
export function TermFormPage(p: { ctx: ViewContext; community: CommunityRef; title: string; action: string; values: TermFormValues; issues: FieldIssue[]; editing: boolean }) {
  return (
    <div class="glossary">
      <p class="meta">
        <a href={`/c/${p.community.slug}`}>{p.community.name}</a> › <a href={base(p.community)}>Glossary</a>
      </p>
      <h1>{p.title}</h1>
      <ErrorSummary issues={p.issues} />
      <PostForm ctx={p.ctx} action={p.action} class="card">
        <Field name="term" label="Term" value={p.values.term} issues={p.issues} required maxLength={80} />
        <Field name="definition" label="Definition" hint="Markdown. What does this community mean by it?" value={p.values.definition} issues={p.issues} required multiline rows={8} maxLength={5000} />
        <Field name="synonyms" label="Synonyms (optional)" hint="Other words for the same thing, separated by commas; at most 10." value={p.values.synonyms} issues={p.issues} />
        <Field name="owner" label="Owner (optional)" hint={p.editing ? 'Username of the member who looks after this term.' : 'Username of a member; you if left empty.'} value={p.values.owner} issues={p.issues} maxLength={40} />
        <button type="submit" class="button">{p.editing ? 'Save term' : 'Add term'}</button>
      </PostForm>
    </div>
  );
}
