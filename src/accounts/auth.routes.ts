import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { authRateLimit } from '../core/http/rate-limit.ts';
import { safeNext } from '../core/http/page-helpers.tsx';
import { WRONG_CREDENTIALS, wrongCredentials } from './accounts.errors.ts';
import { errorResponses, SigninBody, SignupBody, UserEnvelope } from './accounts.schema.ts';
import { authenticate, registerUser, toMe } from './accounts.service.ts';
import { endSession, startSession } from './auth.ts';
import { SigninPage, SignupPage } from './auth.views.tsx';
import { formIssues, formValues, issuesOf } from './form.ts';

const tags = ['accounts'];
const NextQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 500 })) });
const SigninForm = Type.Composite([SigninBody, NextQuery]);

/** Sign up, sign in and sign out: pages and API. */
export async function authRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const limited = authRateLimit(deps.config);

  const signupPage = (req: FastifyRequest, reply: FastifyReply, issues: Parameters<typeof SignupPage>[0]['issues'] = [], status = 200) =>
    reply.page('Sign up', SignupPage({ ctx: reply.viewContext(), values: formValues(req, ['username', 'displayName', 'email']), issues }), { status });

  r.get('/signup', async (req, reply) => (req.actor ? reply.redirect('/', 303) : signupPage(req, reply)));

  r.post('/signup', { ...limited, schema: { body: SignupBody }, attachValidation: true }, async (req, reply) => {
    const issues = formIssues(req);
    if (issues) return signupPage(req, reply, issues, 400);
    try {
      const user = await registerUser(deps, req.body);
      await startSession(deps, req, reply, user.id);
      reply.flash(`Welcome to Guildhall, ${user.display_name}. Add a few words about yourself so others can find you.`);
      return reply.redirect('/settings', 303);
    } catch (err) {
      const bad = issuesOf(err);
      if (!bad) throw err;
      return signupPage(req, reply, bad.issues, bad.status);
    }
  });

  r.post(
    '/api/v1/auth/signup',
    { ...limited, schema: { tags, summary: 'Create an account and sign in (sets the session cookie)', body: SignupBody, response: { 201: UserEnvelope, ...errorResponses(400, 409, 429) } } },
    async (req, reply) => {
      const user = await registerUser(deps, req.body);
      await startSession(deps, req, reply, user.id);
      return reply.status(201).send({ user: toMe(user) });
    },
  );

  const signinPage = (req: FastifyRequest, reply: FastifyReply, next: string, opts: { issues?: Parameters<typeof SigninPage>[0]['issues']; error?: string; status?: number } = {}) =>
    reply.page('Sign in', SigninPage({ ctx: reply.viewContext(), values: formValues(req, ['login']), next, issues: opts.issues, error: opts.error }), { status: opts.status ?? 200 });

  r.get('/signin', { schema: { querystring: NextQuery } }, async (req, reply) => {
    const next = safeNext(req.query.next);
    return req.actor ? reply.redirect(next, 303) : signinPage(req, reply, next);
  });

  r.post('/signin', { ...limited, schema: { body: SigninForm }, attachValidation: true }, async (req, reply) => {
    const next = safeNext((req.body as { next?: unknown } | undefined)?.next);
    const issues = formIssues(req);
    if (issues) return signinPage(req, reply, next, { issues, status: 400 });
    const user = await authenticate(deps.db, req.body.login, req.body.password);
    if (!user) return signinPage(req, reply, next, { error: WRONG_CREDENTIALS, status: 400 });
    await startSession(deps, req, reply, user.id);
    reply.flash(`Signed in as ${user.display_name}.`);
    return reply.redirect(next, 303);
  });

  r.post(
    '/api/v1/auth/signin',
    { ...limited, schema: { tags, summary: 'Sign in with username or email and password (sets a fresh session cookie)', body: SigninBody, response: { 200: UserEnvelope, ...errorResponses(400, 401, 429) } } },
    async (req, reply) => {
      const user = await authenticate(deps.db, req.body.login, req.body.password);
      if (!user) throw wrongCredentials();
      await startSession(deps, req, reply, user.id);
      return { user: toMe(user) };
    },
  );

  r.post('/signout', async (req, reply) => {
    await endSession(deps, req, reply);
    reply.flash('You are signed out.');
    return reply.redirect('/', 303);
  });

  r.post(
    '/api/v1/auth/signout',
    { schema: { tags, summary: 'Sign out: deletes the server-side session', response: { 204: Type.Null() } } },
    async (req, reply) => {
      await endSession(deps, req, reply);
      return reply.status(204).send(null);
    },
  );
}
