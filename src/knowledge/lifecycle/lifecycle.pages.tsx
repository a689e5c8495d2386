import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { AppError, notFound, unauthenticated, type FieldIssue } from '../../core/http/errors.ts';
import { idOf, str } from '../../discussions/discussions.http.ts';
import { findReadableArticle } from '../articles/articles.service.ts';
import { settingsForSteward, updateKnowledgeSettings } from './knowledge-settings.service.ts';
import { articleStates, type ArticleState } from './lifecycle.rules.ts';
import { deleteArticle, endorseArticle, transitionArticle, withdrawEndorsement } from './lifecycle.service.ts';
import { listSuccessorCandidates } from './lifecycle.store.ts';
import { actionLabels, KnowledgeSettingsPage, LifecycleProblemPage, TransitionForm } from './lifecycle.views.tsx';

const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
const PageParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }), id: Type.String({ maxLength: 20 }) });

const fields = (body: unknown) => (body ?? {}) as Record<string, unknown>;
/** Refusals shown again on a form page (a field or the state); 401/403/404 go to the error pages. */
const isShownOnForm = (err: unknown): err is AppError => err instanceof AppError && (err.status === 400 || err.status === 409);
const issuesOf = (err: AppError): FieldIssue[] => (err.details.length > 0 ? err.details : [{ field: 'form', message: err.message }]);

/** The lifecycle pages: state changes, endorsements and deletion from the article page, and the knowledge settings. */
export async function lifecyclePages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  async function articleAt(req: FastifyRequest, slug: string, rawId: string) {
    if (!req.actor) throw unauthenticated('Sign in to do that.');
    const found = await findReadableArticle(deps, req.actor, idOf(rawId, 'Article'));
    if (found.community.slug !== slug) throw notFound('Article');
    return found;
  }

  const back = (reply: FastifyReply, slug: string, id: number, message: string) => {
    reply.flash(message);
    return reply.redirect(`/c/${slug}/a/${id}`, 303);
  };

  r.post('/c/:slug/a/:id/transition', { schema: { params: PageParams } }, async (req, reply) => {
    const { article, community } = await articleAt(req, req.params.slug, req.params.id);
    const raw = fields(req.body);
    const to = str(raw.to) as ArticleState;
    const values = { reason: str(raw.reason), successorId: str(raw.successorId) };
    try {
      if (!articleStates.includes(to)) throw new AppError(400, 'VALIDATION_FAILED', 'Choose a state', [{ field: 'to', message: 'choose a state' }]);
      const successorId = /^[1-9]\d{0,9}$/.test(values.successorId) ? Number(values.successorId) : undefined;
      await transitionArticle(deps, req.actor, article.id, { to, reason: values.reason, successorId });
      return back(reply, community.slug, article.id, `The article is now ${to.replace('_', ' ')}.`);
    } catch (err) {
      if (!isShownOnForm(err)) throw err;
      const known = articleStates.includes(to);
      const candidates = to === 'superseded' ? await listSuccessorCandidates(deps.db, community.id, article.id) : [];
      const form = known ? <TransitionForm ctx={reply.viewContext()} action={`/c/${community.slug}/a/${article.id}/transition`} to={to} candidates={candidates} idPrefix="f-" values={values} issues={err.details} /> : null;
      const heading = known ? actionLabels[to].button : 'Change the state';
      return reply.page(heading, <LifecycleProblemPage ctx={reply.viewContext()} community={community} article={article} heading={heading} issues={issuesOf(err)}>{form}</LifecycleProblemPage>, { status: err.status });
    }
  });

  const simple = (path: string, heading: string, run: (req: FastifyRequest, id: number) => Promise<string>) =>
    r.post(path, { schema: { params: PageParams } }, async (req, reply) => {
      const { article, community } = await articleAt(req, req.params.slug, req.params.id);
      try {
        return back(reply, community.slug, article.id, await run(req, article.id));
      } catch (err) {
        if (!isShownOnForm(err)) throw err;
        return reply.page(heading, <LifecycleProblemPage ctx={reply.viewContext()} community={community} article={article} heading={heading} issues={issuesOf(err)} />, { status: err.status });
      }
    });

  simple('/c/:slug/a/:id/endorse', 'Endorse the article', async (req, id) => ((await endorseArticle(deps, req.actor, id, str(fields(req.body).note))).endorsed ? 'You endorsed the article; it is now endorsed.' : 'You endorsed the article.'));
  simple('/c/:slug/a/:id/unendorse', 'Withdraw your endorsement', async (req, id) => {
    await withdrawEndorsement(deps, req.actor, id);
    return 'Your endorsement is withdrawn.';
  });

  r.post('/c/:slug/a/:id/delete', { schema: { params: PageParams } }, async (req, reply) => {
    const { article } = await articleAt(req, req.params.slug, req.params.id);
    const { communitySlug } = await deleteArticle(deps, req.actor, article.id);
    reply.flash(`“${article.title}” is deleted.`);
    return reply.redirect(`/c/${communitySlug}/articles`, 303);
  });

  r.get('/c/:slug/settings/knowledge', { schema: { params: SlugParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const { community, settings } = await settingsForSteward(deps, req.actor, req.params.slug);
    return reply.page(`Knowledge settings · ${community.name}`, <KnowledgeSettingsPage ctx={reply.viewContext()} community={community} values={{ ...settings }} issues={[]} />);
  });

  r.post('/c/:slug/settings/knowledge', { schema: { params: SlugParams } }, async (req, reply) => {
    const { community } = await settingsForSteward(deps, req.actor, req.params.slug);
    const raw = fields(req.body);
    const num = (v: unknown) => (/^\d{1,6}$/.test(str(v).trim()) ? Number(str(v).trim()) : NaN);
    const values = { wikiDefault: raw.wikiDefault === 'on', membersEditAll: raw.membersEditAll === 'on', stewardEndorsement: raw.stewardEndorsement === 'on', endorsementsRequired: num(raw.endorsementsRequired), reviewIntervalDays: num(raw.reviewIntervalDays) };
    try {
      await updateKnowledgeSettings(deps, req.actor, community.slug, values);
      reply.flash('The knowledge settings are saved.');
      return reply.redirect(`/c/${community.slug}/settings/knowledge`, 303);
    } catch (err) {
      if (!(err instanceof AppError && err.status === 400)) throw err;
      const shown = { ...values, endorsementsRequired: str(raw.endorsementsRequired), reviewIntervalDays: str(raw.reviewIntervalDays) };
      return reply.page(`Knowledge settings · ${community.name}`, <KnowledgeSettingsPage ctx={reply.viewContext()} community={community} values={shown} issues={err.details} />, { status: 400 });
    }
  });
}
