import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { forbidden, unauthenticated, type FieldIssue } from '../core/http/errors.ts';
import { canPost } from '../core/permissions/index.ts';
import type { CommunityRow } from '../communities/communities.access.ts';
import { memberCommunities } from './crossposts.store.ts';
import { discussionBodies, SlugParams, topicKinds, type TopicKind } from './discussions.schema.ts';
import { formIssues, isFormProblem, str } from './discussions.http.ts';
import { findReadableCommunity } from './discussions.service.ts';
import { startTopic } from './posting.service.ts';
import { parseTagField } from './tags.ts';
import { NewTopicPage, type TopicFormValues } from './topic-form.views.tsx';
import { similarForForm } from '../search/related/similar.service.ts';

function strings(v: unknown): string[] {
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

/** The new-topic page and its form post. */
export async function newTopicPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { CreateTopicForm } = discussionBodies(deps.config.limits);
  const limits = deps.config.limits;

  /** The community a member may start a topic in: 401 anonymous, 404 unreadable, 403 not a member. */
  async function communityToPostIn(req: FastifyRequest, slug: string) {
    if (!req.actor) throw unauthenticated('Sign in to start a topic.');
    const found = await findReadableCommunity(deps, req.actor, slug);
    if (!canPost(req.actor, found.access)) throw forbidden('Only members of this community can start topics. Join it first.');
    return found.community;
  }

  async function form(req: FastifyRequest, reply: FastifyReply, community: CommunityRow, values: TopicFormValues, issues: FieldIssue[], status: number, similar: Awaited<ReturnType<typeof similarForForm>> | null = null) {
    const choices = req.actor ? (await memberCommunities(deps.db, req.actor.id)).filter((c) => c.id !== community.id) : [];
    const page = <NewTopicPage ctx={reply.viewContext()} community={community} values={values} issues={issues} limits={limits} crossPostChoices={choices} similar={similar} />;
    return reply.page(`Start a topic in ${community.name}`, page, { status, scripts: ['editor.js', 'similar.js'] });
  }

  r.get('/c/:slug/t/new', { schema: { params: SlugParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const community = await communityToPostIn(req, req.params.slug);
    return form(req, reply, community, { kind: 'discussion', title: '', body: '', tags: '', crossPostTo: [] }, [], 200);
  });

  r.post('/c/:slug/t/new', { attachValidation: true, schema: { params: SlugParams, body: CreateTopicForm } }, async (req, reply) => {
    const community = await communityToPostIn(req, req.params.slug);
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const kind: TopicKind = topicKinds.includes(raw.kind as TopicKind) ? (raw.kind as TopicKind) : 'discussion';
    const values: TopicFormValues = { kind, title: str(raw.title), body: str(raw.body), tags: str(raw.tags), crossPostTo: strings(raw.crossPostTo) };
    if (raw.checkSimilar !== undefined) return form(req, reply, community, values, [], 200, await similarForForm(deps, req.actor, community.slug, values));
    if (req.validationError) return form(req, reply, community, values, formIssues(req), 400);
    try {
      const tags = parseTagField(values.tags, limits.tagsMax);
      const { topicId } = await startTopic(deps, req.actor, community.slug, { ...values, tags });
      reply.flash('Your topic is up.');
      return reply.redirect(`/c/${community.slug}/t/${topicId}`, 303);
    } catch (err) {
      if (isFormProblem(err)) return form(req, reply, community, values, err.details, 400);
      throw err;
    }
  });
}
