import type { FieldIssue } from '../../core/http/errors.ts';
import { CsrfField, ErrorSummary } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import { ArticlesBreadcrumb } from '../articles/articles.views.tsx';

/** The export page: what the download holds and the link to it. */
export function ExportPage(p: { community: { slug: string; name: string }; articles: number; terms: number; canImport: boolean }) {
  const zip = `/c/${p.community.slug}/knowledge/export.zip`;
  return (
    <>
      <ArticlesBreadcrumb community={p.community} />
      <h1>Export the knowledge of {p.community.name}</h1>
      <p>
        A zip of Markdown files: {p.articles} {p.articles === 1 ? 'article' : 'articles'} in <code>articles/</code> and {p.terms} glossary {p.terms === 1 ? 'term' : 'terms'} in{' '}
        <code>glossary/</code>, each with its title, type, state, tags, owners and dates as YAML front matter, plus a <code>README.md</code> index.
      </p>
      <p>
        Keep it as a backup, read it in any editor, keep it under version control, or import it into another community with{' '}
        <code>guildhall import knowledge &lt;folder&gt; --community &lt;slug&gt;</code>.
      </p>
      <p>
        <a class="button" href={zip} download>
          Download {p.community.slug}-knowledge.zip
        </a>
      </p>
      {p.canImport && (
        <p>
          Stewards can also <a href={`/c/${p.community.slug}/knowledge/import`}>import such a zip</a> into this community.
        </p>
      )}
    </>
  );
}

/**
 * The import form (stewards): one zip file, sent as multipart with the CSRF field. Problems name the
 * file inside the zip (and line); they all point at the one file input.
 */
export function ImportPage(p: { ctx: ViewContext; community: { slug: string; name: string }; issues: FieldIssue[] }) {
  const shown = p.issues.map((i) => ({ field: 'file', message: i.field === 'file' ? i.message : `${i.field}: ${i.message}` }));
  return (
    <>
      <ArticlesBreadcrumb community={p.community} />
      <h1>Import knowledge into {p.community.name}</h1>
      <ErrorSummary issues={shown} />
      <p>
        Upload a zip of a knowledge folder — the download from <a href={`/c/${p.community.slug}/knowledge/export`}>Export</a> of this or another community. Articles
        match by title and glossary terms by term: new ones are added, changed ones updated (a changed article body becomes a new revision), unchanged ones left alone. Authors
        and owners who are not members here become you. If any file has a problem, nothing is imported.
      </p>
      <form method="post" action={`/c/${p.community.slug}/knowledge/import`} enctype="multipart/form-data" class="upload-form">
        <CsrfField ctx={p.ctx} />
        <div class={shown.length > 0 ? 'field field--error' : 'field'}>
          <label for="f-file">Knowledge zip</label>
          <input id="f-file" name="file" type="file" accept=".zip,application/zip" required aria-describedby={shown.length > 0 ? 'f-file-error' : undefined} />
          {shown.length > 0 && (
            <p class="field__error" id="f-file-error">
              {shown.length === 1 ? shown[0]?.message : `${shown.length} problems, listed above`}
            </p>
          )}
        </div>
        <button class="button" type="submit">
          Import
        </button>
      </form>
    </>
  );
}
