import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { AppError, forbidden, notFound } from '../../core/http/errors.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import { canPost } from '../../core/permissions/index.ts';
import { termDto } from './glossary.dto.ts';
import { SlugParams, type TermInput } from './glossary.schema.ts';
import { createTerm, deleteTerm, readableCommunity, readableTerm, updateTerm, type GlossaryCommunity } from './glossary.service.ts';
import { listTerms } from './glossary.store.ts';
import { GlossaryListPage, TermFormPage, TermPage, type TermFormValues } from './glossary.views.tsx';

const TermParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }), id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
const ListQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), cursor: Type.Optional(Type.String({ maxLength: 200 })) });
const PAGE_SIZE = 100;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
function formValues(body: unknown): TermFormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  return { term: str(b.term), definition: str(b.definition), synonyms: str(b.synonyms), owner: str(b.owner) };
}
function inputOf(v: TermFormValues): TermInput {
  const synonyms = v.synonyms.split(',').map((s) => s.trim()).filter(Boolean);
  return { term: v.term, definition: v.definition, synonyms, ...(v.owner.trim() ? { owner: v.owner } : {}) };
}
const isFormProblem = (err: unknown): err is AppError => err instanceof AppError && (err.status === 400 || err.status === 409) && err.details.length > 0;

/** The glossary pages: list and search, a term, and the new/edit/delete forms. */
export async function glossaryPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  /** The term, if it belongs to the community in the address and the actor may read it. */
  async function termAt(req: FastifyRequest, slug: string, id: number) {
    const found = await readableTerm(deps, req.actor, id);
    if (found.community.slug !== slug) throw notFound('Term');
    return found;
  }

  function form(reply: FastifyReply, found: GlossaryCommunity, editId: number | null, values: TermFormValues, issues: AppError['details'], status: number) {
    const c = found.community;
    const action = editId === null ? `/c/${c.slug}/glossary/new` : `/c/${c.slug}/glossary/${editId}/edit`;
    const title = editId === null ? `Add a term to the ${c.name} glossary` : `Edit “${values.term}”`;
    return reply.page(title, <TermFormPage ctx={reply.viewContext()} community={c} title={title} action={action} values={values} issues={issues} editing={editId !== null} />, { status });
  }

  r.get('/c/:slug/glossary', { schema: { params: SlugParams, querystring: ListQuery } }, async (req, reply) => {
    const found = await readableCommunity(deps, req.actor, req.params.slug);
    const q = req.query.q?.trim() ?? '';
    const rows = await listTerms(deps.db, found.community.id, { q, after: decodeCursor(req.query.cursor), limit: PAGE_SIZE + 1 });
    const { items, nextCursor } = paginate(rows, PAGE_SIZE, (t) => ({ v: t.term_key, id: t.id }));
    const next = nextCursor ? `/c/${found.community.slug}/glossary?${new URLSearchParams({ ...(q ? { q } : {}), cursor: nextCursor }).toString()}` : null;
    const terms = items.map((t) => termDto(req.actor, found, t));
    return reply.page(`Glossary · ${found.community.name}`, <GlossaryListPage community={found.community} terms={terms} q={q} nextHref={next} canCreate={canPost(req.actor, found.access)} />);
  });

  r.get('/c/:slug/glossary/new', { schema: { params: SlugParams } }, async (req, reply) => {
    const found = await readableCommunity(deps, req.actor, req.params.slug);
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    if (!canPost(req.actor, found.access)) throw forbidden('Only members of this community can add terms. Join it first.');
    return form(reply, found, null, { term: '', definition: '', synonyms: '', owner: '' }, [], 200);
  });

  r.post('/c/:slug/glossary/new', { schema: { params: SlugParams } }, async (req, reply) => {
    const values = formValues(req.body);
    try {
      const id = await createTerm(deps, req.actor, req.params.slug, inputOf(values));
      reply.flash(`“${values.term.trim()}” is in the glossary.`);
      return reply.redirect(`/c/${req.params.slug}/glossary/${id}`, 303);
    } catch (err) {
      if (isFormProblem(err)) return form(reply, await readableCommunity(deps, req.actor, req.params.slug), null, values, err.details, err.status);
      throw err;
    }
  });

  r.get('/c/:slug/glossary/:id', { schema: { params: TermParams } }, async (req, reply) => {
    const found = await termAt(req, req.params.slug, req.params.id);
    const t = termDto(req.actor, found, found.term);
    return reply.page(`${t.term} · Glossary · ${found.community.name}`, <TermPage ctx={reply.viewContext()} t={t} />);
  });

  r.get('/c/:slug/glossary/:id/edit', { schema: { params: TermParams } }, async (req, reply) => {
    const found = await termAt(req, req.params.slug, req.params.id);
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const t = termDto(req.actor, found, found.term);
    if (!t.canEdit) throw forbidden('Only the term’s owner, stewards and moderators can change it.');
    return form(reply, found, t.id, { term: t.term, definition: t.definition, synonyms: t.synonyms.join(', '), owner: t.owner.username }, [], 200);
  });

  r.post('/c/:slug/glossary/:id/edit', { schema: { params: TermParams } }, async (req, reply) => {
    const found = await termAt(req, req.params.slug, req.params.id);
    const values = formValues(req.body);
    try {
      const input = inputOf(values);
      await updateTerm(deps, req.actor, found.term.id, { ...input, synonyms: input.synonyms ?? [] });
      reply.flash('Term saved.');
      return reply.redirect(`/c/${found.community.slug}/glossary/${found.term.id}`, 303);
    } catch (err) {
      if (isFormProblem(err)) return form(reply, found, found.term.id, values, err.details, err.status);
      throw err;
    }
  });

  r.post('/c/:slug/glossary/:id/delete', { schema: { params: TermParams } }, async (req, reply) => {
    const found = await termAt(req, req.params.slug, req.params.id);
    await deleteTerm(deps, req.actor, found.term.id);
    reply.flash(`“${found.term.term}” was removed from the glossary.`);
    return reply.redirect(`/c/${found.community.slug}/glossary`, 303);
  });
}
