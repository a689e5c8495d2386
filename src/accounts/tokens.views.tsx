import type { FieldIssue } from '../core/http/errors.ts';
import { CsrfField, EmptyState, ErrorSummary, Field, Pager, TimeAgo } from '../core/views/components.tsx';
import type { ViewContext } from '../core/views/context.ts';
import type { ApiTokenSummary } from './accounts.schema.ts';
import { SettingsNav } from './settings.views.tsx';

interface TokensPageProps {
  ctx: ViewContext;
  tokens: ApiTokenSummary[];
  nextHref: string | null;
  issues?: FieldIssue[];
  name?: string;
  /** The secret of a token just made: shown this once. */
  created?: { name: string; secret: string };
}

function CreatedNotice({ created }: { created: { name: string; secret: string } }) {
  return (
    <div class="token-secret notice" role="status">
      <h2>Your new token “{created.name}”</h2>
      <p>Copy it now and keep it somewhere safe. It is shown only this once; we store just a fingerprint of it.</p>
      <label for="new-token">Token</label>
      <input id="new-token" class="token-secret__value" type="text" readOnly value={created.secret} />
      <p class="meta">
        Send it as <code>Authorization: Bearer {'<token>'}</code> to any <code>/api/v1</code> route.
      </p>
    </div>
  );
}

function TokenTable({ ctx, tokens }: { ctx: ViewContext; tokens: ApiTokenSummary[] }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">Your active API tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Starts with</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr>
              <td>{t.name}</td>
              <td>
                <code>{t.prefix}…</code>
              </td>
              <td>
                <TimeAgo at={t.createdAt} />
              </td>
              <td>{t.lastUsedAt ? <TimeAgo at={t.lastUsedAt} /> : 'Never'}</td>
              <td>
                <form method="post" action={`/settings/tokens/${t.id}/revoke`} class="inline-form">
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="button--danger button--small" aria-label={`Revoke ${t.name}`}>
                    Revoke
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Personal API tokens: the list, the create form, and (right after creating) the new secret. */
export function TokensPage(p: TokensPageProps) {
  const issues = p.issues ?? [];
  return (
    <section class="settings">
      <h1>Settings</h1>
      <SettingsNav current="tokens" />
      <h2>Personal API tokens</h2>
      <p class="meta">A token lets a script use the API as you. Revoke one as soon as you no longer need it.</p>
      {p.created && <CreatedNotice created={p.created} />}
      {p.tokens.length === 0 ? (
        <EmptyState title="No API tokens yet — make one below when a script needs to act as you." />
      ) : (
        <TokenTable ctx={p.ctx} tokens={p.tokens} />
      )}
      <Pager nextHref={p.nextHref} />
      <h2>Make a new token</h2>
      <ErrorSummary issues={issues} />
      <form method="post" action="/settings/tokens">
        <CsrfField ctx={p.ctx} />
        <Field name="name" label="Name" value={p.name} issues={issues} required maxLength={80} hint="What it is for, e.g. “weekly report script”." />
        <div class="actions">
          <button type="submit">Make token</button>
        </div>
      </form>
    </section>
  );
}
