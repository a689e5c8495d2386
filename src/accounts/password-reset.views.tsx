import type { FieldIssue } from '../core/http/errors.ts';
import { CsrfField, ErrorSummary, Field } from '../core/views/components.tsx';
import type { ViewContext } from '../core/views/context.ts';
import { PASSWORD_MIN } from './accounts.rules.ts';

/** Ask for a reset link by email. */
export function ForgotPage({ ctx, email = '', issues = [] }: { ctx: ViewContext; email?: string; issues?: FieldIssue[] }) {
  return (
    <section class="auth-card">
      <h1>Reset your password</h1>
      <p>Enter the email of your account and we will send you a link to choose a new password. The link works once, for one hour.</p>
      <ErrorSummary issues={issues} />
      <form method="post" action="/password/forgot">
        <CsrfField ctx={ctx} />
        <Field name="email" label="Email" type="email" value={email} issues={issues} required maxLength={254} autocomplete="email" />
        <div class="actions">
          <button type="submit">Send the link</button>
          <a href="/signin">Back to sign in</a>
        </div>
      </form>
    </section>
  );
}

/** What the forgot form answers, whether or not an account uses the email. */
export function ForgotSentPage() {
  return (
    <section class="auth-card">
      <h1>Check your email</h1>
      <p>If an account uses that address, a link to reset its password is on its way. It works once, for one hour.</p>
      <p>
        No mail after a few minutes? Look in your spam folder, or <a href="/password/forgot">ask again</a>.
      </p>
    </section>
  );
}

/** Choose a new password with the token from the link. */
export function ResetPage({ ctx, token, issues = [] }: { ctx: ViewContext; token: string; issues?: FieldIssue[] }) {
  return (
    <section class="auth-card">
      <h1>Choose a new password</h1>
      <ErrorSummary issues={issues} />
      <form method="post" action="/password/reset">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="token" value={token} />
        <Field name="password" label="New password" type="password" issues={issues} required maxLength={200} autocomplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters. Every device signed in to your account will be signed out.`} />
        <div class="actions">
          <button type="submit">Set the new password</button>
        </div>
      </form>
    </section>
  );
}

/** A reset link that is unknown, used or expired. */
export function ResetInvalidPage() {
  return (
    <section class="auth-card">
      <h1>This link no longer works</h1>
      <p>Reset links work once, for one hour. This one has expired, was already used, or was copied incompletely.</p>
      <p>
        <a class="button" href="/password/forgot">Ask for a new link</a>
      </p>
    </section>
  );
}
