import type { FieldIssue } from '../core/http/errors.ts';
import { CsrfField, ErrorSummary, Field } from '../core/views/components.tsx';
import type { ViewContext } from '../core/views/context.ts';
import { PASSWORD_MIN } from './accounts.rules.ts';

interface FormProps {
  ctx: ViewContext;
  values?: Record<string, string>;
  issues?: FieldIssue[];
}

/** The sign-up form. */
export function SignupPage({ ctx, values = {}, issues = [] }: FormProps) {
  return (
    <section class="auth-card">
      <h1>Join Guildhall</h1>
      <p class="meta">
        Already have an account? <a href="/signin">Sign in</a>
      </p>
      <ErrorSummary issues={issues} />
      <form method="post" action="/signup">
        <CsrfField ctx={ctx} />
        <Field name="username" label="Username" value={values.username} issues={issues} required maxLength={30} autocomplete="username"
          hint="3 to 30 lowercase letters, digits, - and _. It is your address: /u/username." />
        <Field name="displayName" label="Display name" value={values.displayName} issues={issues} required maxLength={80} autocomplete="name" hint="How other members see you." />
        <Field name="email" label="Email" type="email" value={values.email} issues={issues} required maxLength={254} autocomplete="email"
          hint="Only for password resets and notices you ask for; never shown to others." />
        <Field name="password" label="Password" type="password" issues={issues} required maxLength={200} autocomplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong one.`} />
        <div class="actions">
          <button type="submit">Create account</button>
        </div>
      </form>
    </section>
  );
}

/** The sign-in form; `error` is the one generic message after a failed attempt. */
export function SigninPage({ ctx, values = {}, issues = [], next, error }: FormProps & { next: string; error?: string }) {
  return (
    <section class="auth-card">
      <h1>Sign in</h1>
      {error && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <h2>There is a problem</h2>
          <p>{error}</p>
        </div>
      )}
      <ErrorSummary issues={issues} />
      <form method="post" action="/signin">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="next" value={next} />
        <Field name="login" label="Username or email" value={values.login} issues={issues} required maxLength={254} autocomplete="username" />
        <Field name="password" label="Password" type="password" issues={issues} required maxLength={200} autocomplete="current-password" />
        <div class="actions">
          <button type="submit">Sign in</button>
          <a href="/password/forgot">Forgot your password?</a>
        </div>
      </form>
      <p class="meta">
        New here? <a href="/signup">Create an account</a>
      </p>
    </section>
  );
}
