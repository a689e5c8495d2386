import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { AppError, notFound, unauthenticated, type FieldIssue } from '../../core/http/errors.ts';
import { issuesFromValidation } from '../../core/http/validation.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { invalid, NOTE_MAX } from './moderation.rules.ts';
import { closeTopic, findTopicStateForActor, reopenTopic, setLocked, setPinned, topicToModerate } from './moderation.service.ts';
import { listModeratedCommunities } from './moderation.store.ts';
import { loadModerationView } from './moderation.view-model.ts';
import { ModeratePage, type ModerateFormValues } from './moderation.views.tsx';
import { mergeTopic, moveTopic } from './move-merge.service.ts';
import type { TopicState } from './topic-state.store.ts';

const PageParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }), id: Type.String({ maxLength: 20 }) });
const text = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const NoteForm = Type.Object({ note: text(NOTE_MAX) });
const CloseForm = Type.Object({ reason: Type.String({ maxLength: 40 }), duplicateOf: text(300), closeNote: text(NOTE_MAX) });
const MoveForm = Type.Object({ community: Type.String({ maxLength: 100 }), moveNote: text(NOTE_MAX) });
const MergeForm = Type.Object({ targetId: Type.String({ maxLength: 300 }), mergeNote: text(NOTE_MAX) });

function idOf(raw: string): number {
  const id = /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw notFound('Topic');
  return id;
}

/** A topic given as "12", "#12" or an address ending in /t/12; null when left empty. */
export function topicRef(field: string, raw: string | undefined): number | null {
  const s = (raw ?? '').trim();
  if (s === '') return null;
  const m = /^(?:#?|.*\/t\/)([1-9]\d{0,14})(?:[/?#].*)?$/.exec(s);
  if (!m) throw invalid(field, 'must be a topic number (like 42) or a topic address');
  return Number(m[1]);
}

const empty: ModerateFormValues = { reason: 'solved_elsewhere', duplicateOf: '', closeNote: '', community: '', moveNote: '', targetId: '', mergeNote: '' };
const simple = {
  pin: [(d: Deps, a: Actor | null, id: number, n: string) => setPinned(d, a, id, true, n), 'Pinned: it shows first in the community.'],
  unpin: [(d: Deps, a: Actor | null, id: number, n: string) => setPinned(d, a, id, false, n), 'Unpinned.'],
  lock: [(d: Deps, a: Actor | null, id: number, n: string) => setLocked(d, a, id, true, n), 'Locked: no new replies, answers, votes or edits.'],
  unlock: [(d: Deps, a: Actor | null, id: number, n: string) => setLocked(d, a, id, false, n), 'Unlocked.'],
  reopen: [(d: Deps, a: Actor | null, id: number, n: string) => reopenTopic(d, a, id, n), 'Reopened.'],
} as const;

/** Server-rendered moderation: the topic's moderation page and the forms it and the topic page post. */
export async function moderationPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  /** The topic at /c/:slug/t/:id for a moderation act: 401, 404 (also for a wrong slug), 403, 409. */
  async function topicAt(req: FastifyRequest, slug: string, rawId: string): Promise<TopicState> {
    if (!req.actor) throw unauthenticated('Sign in to moderate topics.');
    const id = idOf(rawId);
    const { topic } = await findTopicStateForActor(deps, req.actor, id);
    if (topic.community.slug !== slug) throw notFound('Topic');
    return (await topicToModerate(deps, req.actor, id)).topic;
  }

  async function page(req: FastifyRequest, reply: FastifyReply, topic: TopicState, values: ModerateFormValues, issues: FieldIssue[], form: 'close' | 'move' | 'merge' | null) {
    const actor = req.actor!;
    const access = (await findTopicStateForActor(deps, actor, topic.id)).access;
    const view = (await loadModerationView(deps, actor, topic.id, access))!;
    const communities = await listModeratedCommunities(deps.db, actor.id, actor.role === 'admin');
    return reply.page(`Moderate: ${topic.title}`, <ModeratePage ctx={reply.viewContext()} view={view} communities={communities} values={values} issues={issues} form={form} />, { status: issues.length > 0 ? 400 : 200 });
  }

  /** Runs a form's act; a 400 with field details re-renders the page with them, other errors propagate. */
  async function attempt(req: FastifyRequest, reply: FastifyReply, topic: TopicState, values: ModerateFormValues, form: 'close' | 'move' | 'merge', run: () => Promise<string>) {
    if (req.validationError) {
      return page(req, reply, topic, values, issuesFromValidation((req.validationError as { validation: Parameters<typeof issuesFromValidation>[0] }).validation), form);
    }
    try {
      return reply.redirect(await run(), 303);
    } catch (err) {
      if (err instanceof AppError && err.status === 400 && err.details.length > 0) return page(req, reply, topic, values, err.details, form);
      throw err;
    }
  }

  r.get('/c/:slug/t/:id/moderate', { schema: { params: PageParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const topic = await topicAt(req, req.params.slug, req.params.id);
    return page(req, reply, topic, empty, [], null);
  });

  for (const [action, [run, done]] of Object.entries(simple)) {
    r.post(`/c/:slug/t/:id/${action}`, { schema: { params: PageParams, body: NoteForm } }, async (req, reply) => {
      const topic = await topicAt(req, req.params.slug, req.params.id);
      await run(deps, req.actor, topic.id, req.body?.note ?? '');
      reply.flash(done);
      return reply.redirect(`/c/${topic.community.slug}/t/${topic.id}`, 303);
    });
  }

  r.post('/c/:slug/t/:id/close', { attachValidation: true, schema: { params: PageParams, body: CloseForm } }, async (req, reply) => {
    const topic = await topicAt(req, req.params.slug, req.params.id);
    const b = (req.body ?? {}) as Partial<Record<keyof ModerateFormValues, string>>;
    const values = { ...empty, reason: b.reason ?? '', duplicateOf: b.duplicateOf ?? '', closeNote: b.closeNote ?? '' };
    return attempt(req, reply, topic, values, 'close', async () => {
      await closeTopic(deps, req.actor, topic.id, { reason: values.reason, duplicateOf: topicRef('duplicateOf', values.duplicateOf), note: values.closeNote });
      reply.flash('Closed.');
      return `/c/${topic.community.slug}/t/${topic.id}`;
    });
  });

  r.post('/c/:slug/t/:id/move', { attachValidation: true, schema: { params: PageParams, body: MoveForm } }, async (req, reply) => {
    const topic = await topicAt(req, req.params.slug, req.params.id);
    const b = (req.body ?? {}) as Partial<Record<keyof ModerateFormValues, string>>;
    const values = { ...empty, community: b.community ?? '', moveNote: b.moveNote ?? '' };
    return attempt(req, reply, topic, values, 'move', async () => {
      const moved = await moveTopic(deps, req.actor, topic.id, { community: values.community, note: values.moveNote });
      reply.flash(`Moved to ${moved.community.name}.`);
      return `/c/${moved.community.slug}/t/${moved.id}`;
    });
  });

  r.post('/c/:slug/t/:id/merge', { attachValidation: true, schema: { params: PageParams, body: MergeForm } }, async (req, reply) => {
    const topic = await topicAt(req, req.params.slug, req.params.id);
    const b = (req.body ?? {}) as Partial<Record<keyof ModerateFormValues, string>>;
    const values = { ...empty, targetId: b.targetId ?? '', mergeNote: b.mergeNote ?? '' };
    return attempt(req, reply, topic, values, 'merge', async () => {
      const targetId = topicRef('targetId', values.targetId);
      if (targetId === null) throw invalid('targetId', 'is required: the number or address of the topic to keep');
      const { target, movedPosts } = await mergeTopic(deps, req.actor, topic.id, { targetId, note: values.mergeNote });
      reply.flash(`Merged into “${target.title}”: ${movedPosts} ${movedPosts === 1 ? 'post' : 'posts'} moved.`);
      return `/c/${target.community.slug}/t/${target.id}`;
    });
  });
}
