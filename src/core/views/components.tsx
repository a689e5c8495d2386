import type { ComponentChildren } from 'preact';
import type { FieldIssue } from '../http/errors.ts';
import type { ViewContext } from './context.ts';

/** The hidden CSRF token every state-changing form carries. */
export function CsrfField({ ctx }: { ctx: ViewContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrf} />;
}

/** A form that posts with the CSRF token included. */
export function PostForm(props: { ctx: ViewContext; action: string; class?: string; children: ComponentChildren; 'aria-label'?: string }) {
  return (
    <form method="post" action={props.action} class={props.class} aria-label={props['aria-label']}>
      <CsrfField ctx={props.ctx} />
      {props.children}
    </form>
  );
}

/** The id of a page's PostActionsForm, which per-post buttons name in their `form` attribute. */
export const POST_ACTIONS_FORM = 'post-actions';

/**
 * The one form a page's per-post buttons submit (reactions, bookmark, votes on a topic page), each
 * through `form="post-actions"` and its own `formaction`, name and value: it carries the CSRF token and
 * `next`, the page to come back to, so 50 posts need no form or hidden field of their own. Put it once
 * on a page that shows such buttons.
 */
export function PostActionsForm(p: { ctx: ViewContext; next: string }) {
  return (
    <form id={POST_ACTIONS_FORM} method="post" hidden>
      <CsrfField ctx={p.ctx} />
      <input type="hidden" name="next" value={p.next} />
    </form>
  );
}

/** A summary of what is wrong with a submitted form, linked to each field. */
export function ErrorSummary({ issues }: { issues: FieldIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>There is a problem</h2>
      <ul>
        {issues.map((i) => (
          <li>
            <a href={`#f-${i.field}`}>{i.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  value?: string;
  type?: string;
  hint?: string;
  issues?: FieldIssue[];
  required?: boolean;
  maxLength?: number;
  autocomplete?: string;
  multiline?: boolean;
  rows?: number;
}

/** A labelled input or textarea with its hint and error message wired up for screen readers. */
export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const issue = p.issues?.find((i) => i.field === p.name);
  const describedBy = [p.hint ? `${id}-hint` : '', issue ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: p.name,
    required: p.required,
    maxLength: p.maxLength,
    'aria-describedby': describedBy,
    'aria-invalid': issue ? ('true' as const) : undefined,
    autocomplete: p.autocomplete,
  };
  return (
    <div class={issue ? 'field field--error' : 'field'}>
      <label for={id}>
        {p.label}
        {p.required ? '' : <span class="field__optional"> (optional)</span>}
      </label>
      {p.hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      {issue && (
        <p class="field__error" id={`${id}-error`}>
          {issue.message}
        </p>
      )}
      {p.multiline ? <textarea {...common} rows={p.rows ?? 5} value={p.value ?? ''} /> : <input {...common} type={p.type ?? 'text'} value={p.value ?? ''} />}
    </div>
  );
}

interface SelectProps {
  name: string;
  label: string;
  value: string;
  options: Array<[value: string, label: string]>;
  hint?: string;
}

/** A labelled select. */
export function Select(p: SelectProps) {
  const id = `f-${p.name}`;
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      {p.hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      <select id={id} name={p.name} aria-describedby={p.hint ? `${id}-hint` : undefined}>
        {p.options.map(([v, l]) => (
          <option value={v} selected={v === p.value}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A friendly empty state: what is missing and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <p class="empty__title">{title}</p>
      {children}
    </div>
  );
}

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/**
 * Formatted phrases and exact times, kept: a 50-post page shows ~60 times, formatting each costs more
 * than looking it up, and there are few phrases ("3 days ago"). Both maps are emptied when they grow
 * past LIMIT, so they stay small whatever the times shown.
 */
const phrases = new Map<string, string>();
const exactTimes = new Map<string, string>();
const LIMIT = 5_000;

function kept(map: Map<string, string>, key: string, make: () => string): string {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= LIMIT) map.clear();
    value = make();
    map.set(key, value);
  }
  return value;
}

/** "3 days ago", relative to `now`. */
export function relativeTime(isoTime: string, now: Date = new Date()): string {
  const seconds = (Date.parse(isoTime) - now.getTime()) / 1000;
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      const n = Math.round(seconds / size);
      return kept(phrases, `${n} ${unit}`, () => rtf.format(n, unit));
    }
  }
  return 'just now';
}

/** A relative time with the exact time on hover, in a machine-readable <time>. */
export function TimeAgo({ at }: { at: string }) {
  const exact = kept(exactTimes, at, () => new Date(at).toUTCString());
  return (
    <time datetime={at} title={exact}>
      {relativeTime(at)}
    </time>
  );
}

/** Initials in a coloured circle; decorative, the name sits beside it. */
export function Avatar({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' | 'lg' }) {
  const initials =
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => [...w][0]?.toUpperCase() ?? '')
      .join('') || '?';
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) % 8;
  return (
    <span class={`avatar avatar--${size} avatar--c${hash}`} aria-hidden="true">
      {initials}
    </span>
  );
}

/** "Next page" link for cursor pagination. */
export function Pager({ nextHref }: { nextHref: string | null }) {
  if (!nextHref) return null;
  return (
    <nav class="pager" aria-label="Pagination">
      <a href={nextHref} rel="next">
        Next page →
      </a>
    </nav>
  );
}

/** A breadcrumb trail: Communities › the community › each further step (last one usually the section). */
export function Breadcrumbs({ community, trail = [] }: { community: { slug: string; name: string }; trail?: Array<{ href: string; label: string }> }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol class="breadcrumbs">
        <li>
          <a href="/communities">Communities</a>
        </li>
        <li>
          <a href={`/c/${community.slug}`}>{community.name}</a>
        </li>
        {trail.map((step) => (
          <li>
            <a href={step.href}>{step.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
