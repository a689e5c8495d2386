import { ArticlesBreadcrumb } from '../articles/articles.views.tsx';

/** The export page: what the download holds and the link to it. */
export function ExportPage(p: { community: { slug: string; name: string }; articles: number; terms: number }) {
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
    </>
  );
}
