import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { fieldError, type FieldIssue } from '../../core/http/errors.ts';
import { readableCommunityIds } from '../../core/permissions/index.ts';
import { isFormProblem } from '../../discussions/discussions.http.ts';
import { findExperts, type FinderQuery, type FinderResult } from './finder.service.ts';
import { FinderPage, type FinderForm } from './finder.views.tsx';

const keys = ['q', 'skill', 'community', 'location', 'timeZone', 'utcOffsetMin', 'utcOffsetMax', 'mentoring'] as const;
const PageQuery = Type.Object({ ...Object.fromEntries(keys.map((k) => [k, Type.Optional(Type.String({ maxLength: 200 }))])), cursor: Type.Optional(Type.String({ maxLength: 200 })) });

function offset(form: FinderForm, name: 'utcOffsetMin' | 'utcOffsetMax'): number | undefined {
  if (!form[name]) return undefined;
  const n = Number(form[name]);
  if (!Number.isFinite(n) || n < -12 || n > 14) throw fieldError(name, 'must be a number of hours from -12 to 14');
  return n;
}

function toQuery(form: FinderForm, cursor: string | undefined): FinderQuery {
  const m = form.mentoring;
  if (m && m !== 'open' && m !== 'limited' && m !== 'available') throw fieldError('mentoring', 'must be open, limited or available');
  const opt = (v: string) => v.trim() || undefined;
  return { q: opt(form.q), skill: opt(form.skill), community: opt(form.community), location: opt(form.location), timeZone: opt(form.timeZone), utcOffsetMin: offset(form, 'utcOffsetMin'), utcOffsetMax: offset(form, 'utcOffsetMax'), mentoring: (m || undefined) as FinderQuery['mentoring'], cursor, limit: 20 };
}

/** The /experts page (a GET form: bookmarkable searches). */
export async function finderPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/experts', { schema: { querystring: PageQuery } }, async (req, reply) => {
    const raw = req.query as Record<string, string | undefined>;
    const form = Object.fromEntries(keys.map((k) => [k, raw[k] ?? ''])) as FinderForm;
    const communities = await deps.db.selectFrom('communities').select(['slug', 'name']).where('id', 'in', readableCommunityIds(deps.db, req.actor)).orderBy('name').execute();
    const searched = keys.some((k) => form[k] !== '');
    let results: FinderResult[] = [];
    let nextHref: string | null = null;
    let issues: FieldIssue[] = [];
    try {
      const res = await findExperts(deps, req.actor, toQuery(form, raw.cursor));
      results = res.items;
      if (res.nextCursor) nextHref = `/experts?${new URLSearchParams({ ...Object.fromEntries(keys.filter((k) => form[k]).map((k) => [k, form[k]])), cursor: res.nextCursor }).toString()}`;
    } catch (err) {
      if (!isFormProblem(err)) throw err;
      issues = err.details;
    }
    return reply.page('Find an expert', <FinderPage form={form} communities={communities} results={results} nextHref={nextHref} issues={issues} searched={searched} />, { status: issues.length > 0 ? 400 : 200 });
  });
}
