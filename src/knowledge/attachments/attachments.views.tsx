import type { FieldIssue } from '../../core/http/errors.ts';
import { Breadcrumbs, CsrfField, EmptyState, ErrorSummary, Pager, PostForm, TimeAgo } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import { fileUrl } from './attachments.schema.ts';
import type { Attachment } from './attachments.store.ts';
import { fileKinds, kindOf } from './file-types.ts';

type Community = { slug: string; name: string };

/** Bytes as people read them: 512 bytes, 1.4 KB, 3.2 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What the upload limits are, in words. */
export function limitsText(maxBytes: number, types: readonly string[]): string {
  const labels = fileKinds.filter((k) => types.includes(k.key)).map((k) => k.extensions[0]);
  return `Up to ${formatSize(maxBytes)}: ${labels.join(', ')}.`;
}

const label = (a: Attachment) => kindOf(a.type)?.label ?? a.mime;

/** A list of attachments, each a download link with its type and size; a remove button where allowed. */
export function AttachmentList(p: { ctx: ViewContext; items: Attachment[]; mayRemove: (a: Attachment) => boolean; next: string }) {
  return (
    <ul class="attachment-list">
      {p.items.map((a) => (
        <li>
          <a href={fileUrl(a)} download={a.name}>
            {a.name}
          </a>{' '}
          <span class="attachment-meta">
            {label(a)}, {formatSize(a.size)}
          </span>
          {p.mayRemove(a) && (
            <PostForm ctx={p.ctx} action={`/c/${a.communitySlug}/files/${a.id}/delete`} class="inline-form" aria-label={`Remove ${a.name}`}>
              <input type="hidden" name="next" value={p.next} />
              <button class="button button--small button--secondary" type="submit" aria-label={`Remove ${a.name}`}>
                Remove
              </button>
            </PostForm>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The file upload form: works without JavaScript (multipart, CSRF hidden field). */
export function UploadForm(p: { ctx: ViewContext; action: string; limits: string; issues?: FieldIssue[] }) {
  const issue = p.issues?.find((i) => i.field === 'file');
  return (
    <form method="post" action={p.action} enctype="multipart/form-data" class="upload-form">
      <CsrfField ctx={p.ctx} />
      <div class={issue ? 'field field--error' : 'field'}>
        <label for="f-file">Attach a file</label>
        <p class="field__hint" id="f-file-hint">
          {p.limits}
        </p>
        {issue && (
          <p class="field__error" id="f-file-error">
            {issue.message}
          </p>
        )}
        <input type="file" id="f-file" name="file" required aria-describedby={issue ? 'f-file-hint f-file-error' : 'f-file-hint'} aria-invalid={issue ? 'true' : undefined} />
      </div>
      <button class="button button--small" type="submit">
        Upload
      </button>
    </form>
  );
}

/** The article page's attachments section (after the body). */
export function ArticleAttachments(p: { ctx: ViewContext; items: Attachment[]; mayRemove: (a: Attachment) => boolean; upload: { action: string; limits: string } | null; next: string }) {
  return (
    <section class="attachments" aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">Attachments</h2>
      {p.items.length > 0 ? <AttachmentList ctx={p.ctx} items={p.items} mayRemove={p.mayRemove} next={p.next} /> : <p>No files yet.</p>}
      {p.upload && <UploadForm ctx={p.ctx} action={p.upload.action} limits={p.upload.limits} />}
    </section>
  );
}

/** A post's files, small, under the post; with a link to attach more where allowed. */
export function PostAttachments(p: { items: Attachment[]; attachHref: string | null }) {
  return (
    <div class="post-attachments">
      {p.items.length > 0 && (
        <ul class="attachment-list attachment-list--compact" aria-label="Attached files">
          {p.items.map((a) => (
            <li>
              <a href={fileUrl(a)} download={a.name}>
                {a.name}
              </a>{' '}
              <span class="attachment-meta">{formatSize(a.size)}</span>
            </li>
          ))}
        </ul>
      )}
      {p.attachHref && (
        <a class="post-attachments__attach" href={p.attachHref}>
          Attach a file
        </a>
      )}
    </div>
  );
}

/** A page to attach a file to one article or post, listing what is already attached. */
export function UploadPage(p: { ctx: ViewContext; heading: string; target: { title: string; href: string }; items: Attachment[]; mayRemove: (a: Attachment) => boolean; action: string; limits: string; issues: FieldIssue[] }) {
  return (
    <>
      <h1>{p.heading}</h1>
      <p>
        To: <a href={p.target.href}>{p.target.title}</a>
      </p>
      <ErrorSummary issues={p.issues} />
      {p.items.length > 0 && (
        <section aria-labelledby="attached-heading">
          <h2 id="attached-heading">Already attached</h2>
          <AttachmentList ctx={p.ctx} items={p.items} mayRemove={p.mayRemove} next={p.ctx.path} />
        </section>
      )}
      <UploadForm ctx={p.ctx} action={p.action} limits={p.limits} issues={p.issues} />
    </>
  );
}

/** The community's shared repertoire: every file attached to its articles and posts. */
export function CommunityFilesPage(p: { community: Community; items: Attachment[]; nextHref: string | null }) {
  return (
    <>
      <Breadcrumbs community={p.community} trail={[{ href: `/c/${p.community.slug}/files`, label: 'Files' }]} />
      <h1>Files of {p.community.name}</h1>
      {p.items.length === 0 ? (
        <EmptyState title="No files yet">
          <p>Files attached to this community’s articles and posts are listed here.</p>
        </EmptyState>
      ) : (
        <table class="table attachment-table">
          <caption>Files attached to articles and posts, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Size</th>
              <th scope="col">Uploaded by</th>
              <th scope="col">Attached to</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((a) => (
              <tr>
                <td>
                  <a href={fileUrl(a)} download={a.name}>
                    {a.name}
                  </a>
                </td>
                <td>{label(a)}</td>
                <td>{formatSize(a.size)}</td>
                <td>
                  <a href={`/u/${a.uploader.username}`}>{a.uploader.displayName}</a>
                </td>
                <td>
                  {a.target.kind === 'article' ? 'Article: ' : 'Post in: '}
                  <a href={a.target.href}>{a.target.title}</a>
                </td>
                <td>
                  <TimeAgo at={a.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager nextHref={p.nextHref} />
    </>
  );
}
