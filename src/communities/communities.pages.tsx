import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../core/deps.ts';
import type { FieldIssue } from '../core/http/errors.ts';
import { unauthenticated } from '../core/http/errors.ts';
import { canEditCommunity, type Actor } from '../core/permissions/index.ts';
import { CommunityFormPage, emptyCommunityForm, type CommunityFormValues } from './community-form.views.tsx';
import { CommunityHomePage } from './community-home.views.tsx';
import { leaderboardEnabled } from '../people/expertise/recognition.store.ts';
import { communityErrors } from './communities.errors.ts';
import { communityFormIssues, communityFormValues, formIssues, formValuesOf, inputOfForm, issuesOf } from './communities.form.ts';
import { loadCommunity, requireReadable, type Found } from './communities.guard.ts';
import { communityDetail, listCommunities } from './communities.read.ts';
import { CommunityForm, DirectoryPageQuery, SlugParams } from './communities.schema.ts';
import { communityInputOf, createCommunity, updateCommunity } from './communities.service.ts';
import { DirectoryPage } from './directory.views.tsx';

const PAGE_SIZE = 20;

/** Server-rendered pages: directory, community home, create and edit. */
export async function communitiesPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tagsMax = deps.config.limits.tagsMax;

  r.get('/communities', { schema: { querystring: DirectoryPageQuery } }, async (req, reply) => {
    const f = req.query;
    if (f.mine === '1' && !req.actor) throw unauthenticated('Sign in to see your communities.');
    const filters = { q: f.q, tag: f.tag?.trim().toLowerCase() || undefined, formality: f.formality || undefined, locality: f.locality || undefined, visibility: f.visibility || undefined, mine: f.mine === '1' };
    const page = await listCommunities(deps, req.actor, filters, { cursor: f.cursor, limit: PAGE_SIZE });
    const next = page.nextCursor ? new URLSearchParams(Object.entries({ ...f, cursor: page.nextCursor }).filter((e): e is [string, string] => Boolean(e[1]))) : null;
    return reply.page('Communities', <DirectoryPage ctx={reply.viewContext()} filters={f} items={page.items} nextHref={next ? `/communities?${next.toString()}` : null} />);
  });

  const renderForm = (reply: FastifyReply, p: { mode: 'new' | 'edit'; action: string; values: CommunityFormValues; issues: FieldIssue[]; cancelHref: string; status?: number }) =>
    reply.page(p.mode === 'new' ? 'Create a community' : `Edit ${p.values.name}`, <CommunityFormPage ctx={reply.viewContext()} tagsMax={tagsMax} {...p} />, { status: p.status ?? 200 });

  r.get('/communities/new', async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent('/communities/new')}`, 303);
    return renderForm(reply, { mode: 'new', action: '/communities', values: emptyCommunityForm, issues: [], cancelHref: '/communities' });
  });

  r.post('/communities', { attachValidation: true, schema: { body: CommunityForm } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to create a community.');
    const values = communityFormValues(req.body);
    const again = (issues: FieldIssue[], status = 400) => renderForm(reply, { mode: 'new', action: '/communities', values, issues, cancelHref: '/communities', status });
    const issues = communityFormIssues(formIssues(req), values, deps.config.limits);
    if (issues.length > 0) return again(issues);
    try {
      const row = await createCommunity(deps, req.actor, inputOfForm(values));
      reply.flash(`${row.name} is ready. You are its steward.`);
      return reply.redirect(`/c/${row.slug}`, 303);
    } catch (err) {
      const problem = issuesOf(err);
      if (problem) return again(problem.issues, problem.status);
      throw err;
    }
  });

  r.get('/c/:slug', { schema: { params: SlugParams } }, async (req, reply) => {
    const found = await loadCommunity(deps.db, req.params.slug, req.actor);
    const c = await communityDetail(deps, req.actor, found);
    const leaderboard = c.viewer.canRead && (await leaderboardEnabled(deps.db, c.id));
    return reply.page(c.name, <CommunityHomePage ctx={reply.viewContext()} c={c} leaderboard={leaderboard} />);
  });

  /** The community a signed-in steward (or admin) may edit: 401, 404, 403 otherwise. */
  async function editable(actor: Actor | null, slug: string): Promise<Found> {
    if (!actor) throw unauthenticated('Sign in to edit this community.');
    const found = await loadCommunity(deps.db, slug, actor);
    requireReadable(actor, found);
    if (!canEditCommunity(actor, found.access)) throw communityErrors.forbidden('Only stewards can change this community.');
    return found;
  }

  r.get('/c/:slug/edit', { schema: { params: SlugParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const found = await editable(req.actor, req.params.slug);
    const values = formValuesOf(await communityInputOf(deps, found.community));
    return renderForm(reply, { mode: 'edit', action: `/c/${found.community.slug}/edit`, values, issues: [], cancelHref: `/c/${found.community.slug}` });
  });

  r.post('/c/:slug/edit', { attachValidation: true, schema: { params: SlugParams, body: CommunityForm } }, async (req, reply) => {
    const found = await editable(req.actor, req.params.slug);
    const slug = found.community.slug;
    const values = communityFormValues(req.body);
    const again = (issues: FieldIssue[], status = 400) => renderForm(reply, { mode: 'edit', action: `/c/${slug}/edit`, values, issues, cancelHref: `/c/${slug}`, status });
    const issues = communityFormIssues(formIssues(req), values, deps.config.limits);
    if (issues.length > 0) return again(issues);
    try {
      const row = await updateCommunity(deps, req.actor!, found, inputOfForm(values));
      reply.flash('Your changes are saved.');
      return reply.redirect(`/c/${row.slug}`, 303);
    } catch (err) {
      const problem = issuesOf(err);
      if (problem) return again(problem.issues, problem.status);
      throw err;
    }
  });
}
