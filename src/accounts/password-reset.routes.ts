import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { authRateLimit } from '../core/http/rate-limit.ts';
import { errorResponses, ForgotBody, Message, ResetBody } from './accounts.schema.ts';
import { formIssues, formValues, issuesOf } from './form.ts';
import { isResetTokenLive, requestPasswordReset, resetPassword } from './password-reset.service.ts';
import { ForgotPage, ForgotSentPage, ResetInvalidPage, ResetPage } from './password-reset.views.tsx';

const tags = ['accounts'];
const SAME_ANSWER = 'If an account uses that email, a link to reset its password is on its way. It works once, for one hour.';

/** Forgotten password: ask for a link by email, then set a new password with its token. */
export async function passwordResetRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const limited = authRateLimit(deps.config);

  r.get('/password/forgot', async (_req, reply) => reply.page('Reset your password', ForgotPage({ ctx: reply.viewContext() })));

  r.post('/password/forgot', { ...limited, schema: { body: ForgotBody }, attachValidation: true }, async (req, reply) => {
    const issues = formIssues(req);
    if (issues) return reply.page('Reset your password', ForgotPage({ ctx: reply.viewContext(), email: formValues(req, ['email']).email, issues }), { status: 400 });
    await requestPasswordReset(deps, req.body.email);
    return reply.page('Check your email', ForgotSentPage());
  });

  r.post(
    '/api/v1/auth/password/forgot',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Mail a password reset link (answers the same whether or not the email has an account)',
        body: ForgotBody,
        response: { 202: Message, ...errorResponses(400, 429) },
      },
    },
    async (req, reply) => {
      await requestPasswordReset(deps, req.body.email);
      return reply.status(202).send({ message: SAME_ANSWER });
    },
  );

  r.get('/password/reset', { schema: { querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) }) } }, async (req, reply) => {
    const token = req.query.token ?? '';
    if (!token || !(await isResetTokenLive(deps, token))) return reply.page('Reset link expired', ResetInvalidPage(), { status: 400 });
    return reply.page('Choose a new password', ResetPage({ ctx: reply.viewContext(), token }));
  });

  r.post('/password/reset', { ...limited, schema: { body: ResetBody }, attachValidation: true }, async (req, reply) => {
    const token = formValues(req, ['token']).token ?? '';
    const issues = formIssues(req);
    if (issues) {
      if (issues.some((i) => i.field === 'token')) return reply.page('Reset link expired', ResetInvalidPage(), { status: 400 });
      return reply.page('Choose a new password', ResetPage({ ctx: reply.viewContext(), token, issues }), { status: 400 });
    }
    try {
      await resetPassword(deps, req.body.token, req.body.password);
    } catch (err) {
      const bad = issuesOf(err);
      if (!bad) throw err;
      if (bad.issues.some((i) => i.field === 'token')) return reply.page('Reset link expired', ResetInvalidPage(), { status: 400 });
      return reply.page('Choose a new password', ResetPage({ ctx: reply.viewContext(), token, issues: bad.issues }), { status: 400 });
    }
    reply.flash('Your password has been changed and every device was signed out. Sign in with the new password.');
    return reply.redirect('/signin', 303);
  });

  r.post(
    '/api/v1/auth/password/reset',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Set a new password with a reset token; signs out every session of the account',
        body: ResetBody,
        response: { 200: Message, ...errorResponses(400, 429) },
      },
    },
    async (req) => {
      await resetPassword(deps, req.body.token, req.body.password);
      return { message: 'Your password has been changed. Sign in with the new password.' };
    },
  );
}
