import { recordActivity } from '../../core/activity.ts';
import type { Deps } from '../../core/deps.ts';
import { badRequest, forbidden, notFound, unauthenticated, type FieldIssue } from '../../core/http/errors.ts';
import { canEditCommunity, canPost, type Actor, type CommunityAccess } from '../../core/permissions/index.ts';
import type { CommunityRow } from '../../communities/communities.access.ts';
import { readableCommunity } from '../../knowledge/articles/articles.service.ts';
import { cyclesOf, VALUE_KINDS, type ValueKind } from './value.measures.ts';
import { deleteStoryRows, findStory, insertStory, readableArticleIds, readableTopicIds, updateStory, type LinkTargets, type StoryRow, type ValueStory } from './stories.store.ts';

/** The longest prompt answer, in characters. */
export const PROMPT_MAX = 5000;
/** At most this many threads, articles and events each. */
export const LINKS_MAX = 10;

/** What a story is written from; on edit, absent fields stay as they are. */
export interface StoryInput {
  title?: string | undefined;
  happened?: string | undefined;
  gained?: string | undefined;
  valueKind?: string | undefined;
  applied?: string | undefined;
  realized?: string | undefined;
  reframing?: string | undefined;
  topics?: number[] | undefined;
  articles?: number[] | undefined;
  events?: number[] | undefined;
}

/** A story the actor may read, with its community and the actor's access. */
export interface ReadableStory {
  story: ValueStory;
  community: CommunityRow;
  access: CommunityAccess;
}

/** Loads a story the actor may read; 404 when missing or in a community the actor may not read. */
export async function findReadableStory(deps: Deps, actor: Actor | null, id: number): Promise<ReadableStory> {
  const story = await findStory(deps.db, id);
  if (!story) throw notFound('Story');
  const c = await deps.db.selectFrom('communities').select('slug').where('id', '=', story.communityId).executeTakeFirstOrThrow();
  const found = await readableCommunity(deps, actor, c.slug).catch(() => {
    throw notFound('Story');
  });
  return { story, ...found };
}

/** Only the author edits a story. */
export const canEditStory = (actor: Actor | null, r: ReadableStory) => actor !== null && actor.id === r.story.author.id && r.access.role !== null;
/** The author, the community's stewards (and organisation admins) delete one. */
export const canDeleteStory = (actor: Actor | null, r: ReadableStory) => actor !== null && (actor.id === r.story.author.id || canEditCommunity(actor, r.access));

function text(issues: FieldIssue[], field: string, v: string | undefined, required: boolean, max: number): string | undefined {
  if (v === undefined) return undefined;
  const t = v.replace(/\r\n?/g, '\n').trim();
  if (required && t === '') issues.push({ field, message: 'must not be empty' });
  else if (t.length > max) issues.push({ field, message: `must be at most ${max} characters` });
  return t;
}

async function targets(deps: Deps, actor: Actor, issues: FieldIssue[], input: StoryInput): Promise<LinkTargets> {
  const uniq = (xs: number[] | undefined) => (xs === undefined ? undefined : [...new Set(xs)]);
  const out: LinkTargets = { topics: uniq(input.topics), articles: uniq(input.articles), events: uniq(input.events) };
  for (const k of ['topics', 'articles', 'events'] as const) if ((out[k]?.length ?? 0) > LINKS_MAX) issues.push({ field: k, message: `may list at most ${LINKS_MAX}` });
  const wanted = { topics: out.topics ?? [], articles: out.articles ?? [] };
  const topics = await readableTopicIds(deps.db, actor, wanted.topics);
  const missingTopics = wanted.topics.filter((id) => !topics.has(id));
  if (missingTopics.length > 0) issues.push({ field: 'topics', message: `no thread you can read has the number ${missingTopics.join(', ')}` });
  const articles = await readableArticleIds(deps.db, actor, wanted.articles);
  const missingArticles = wanted.articles.filter((id) => !articles.has(id));
  if (missingArticles.length > 0) issues.push({ field: 'articles', message: `no article you can read has the number ${missingArticles.join(', ')}` });
  // No event can exist until the calendar lands; the column and the field are ready for it.
  if ((out.events?.length ?? 0) > 0) issues.push({ field: 'events', message: 'events cannot be linked yet: the calendar is not available' });
  return out;
}

/** Checks a whole story (create) or the given fields merged over the story (edit); 400 naming each bad field. */
async function checked(deps: Deps, actor: Actor, input: StoryInput, was?: ValueStory): Promise<{ row: StoryRow; links: LinkTargets }> {
  const issues: FieldIssue[] = [];
  const title = text(issues, 'title', input.title, true, deps.config.limits.titleMax);
  const happened = text(issues, 'happened', input.happened, true, PROMPT_MAX);
  const gained = text(issues, 'gained', input.gained, true, PROMPT_MAX);
  const applied = text(issues, 'applied', input.applied, false, PROMPT_MAX);
  const realized = text(issues, 'realized', input.realized, false, PROMPT_MAX);
  const reframing = text(issues, 'reframing', input.reframing, false, PROMPT_MAX);
  if (input.valueKind !== undefined && !VALUE_KINDS.includes(input.valueKind as ValueKind)) issues.push({ field: 'valueKind', message: `must be one of ${VALUE_KINDS.join(', ')}` });
  const links = await targets(deps, actor, issues, input);
  if (issues.length > 0) throw badRequest(`Check the story: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`, issues);
  return {
    row: {
      title: title ?? was?.title ?? '', happened: happened ?? was?.happened ?? '', gained: gained ?? was?.gained ?? '',
      value_kind: (input.valueKind as ValueKind | undefined) ?? was?.valueKind ?? 'immediate',
      applied: applied ?? was?.applied ?? '', realized: realized ?? was?.realized ?? '', reframing: reframing ?? was?.reframing ?? '',
    },
    links,
  };
}

const promptsOf = (r: StoryRow) => ({ gained: r.gained, valueKind: r.value_kind, applied: r.applied, realized: r.realized, reframing: r.reframing });

/** Records a story in a community (members only), with activity `value_story.created`. Returns its id. */
export async function createStory(deps: Deps, actor: Actor | null, slug: string, input: StoryInput): Promise<number> {
  if (!actor) throw unauthenticated('Sign in to record a value story.');
  const { community, access } = await readableCommunity(deps, actor, slug);
  if (!canPost(actor, access)) throw forbidden('Only members of this community can record value stories. Join it first.');
  const full = { ...input, title: input.title ?? '', happened: input.happened ?? '', gained: input.gained ?? '' };
  const { row, links } = await checked(deps, actor, full);
  const cycles = cyclesOf(promptsOf(row));
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const id = await insertStory(tx, { ...row, community_id: community.id, author_id: actor.id, at }, cycles, links);
    await recordActivity(tx, { actorId: actor.id, verb: 'value_story.created', communityId: community.id, subjectType: 'value_story', subjectId: id, data: { title: row.title, cycles }, at });
    return id;
  });
}

/** Changes a story (its author only), with activity `value_story.edited`. */
export async function editStory(deps: Deps, actor: Actor | null, id: number, input: StoryInput): Promise<void> {
  if (!actor) throw unauthenticated('Sign in to edit value stories.');
  const r = await findReadableStory(deps, actor, id);
  if (!canEditStory(actor, r)) throw forbidden('Only the author of this story may edit it.');
  const { row, links } = await checked(deps, actor, input, r.story);
  const cycles = cyclesOf(promptsOf(row));
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await updateStory(tx, r.story, row, cycles, links, at);
    await recordActivity(tx, { actorId: actor.id, verb: 'value_story.edited', communityId: r.story.communityId, subjectType: 'value_story', subjectId: id, data: { title: row.title, cycles }, at });
  });
}

/** Deletes a story (its author, or the community's stewards), with activity `value_story.deleted`. */
export async function deleteStory(deps: Deps, actor: Actor | null, id: number): Promise<ReadableStory> {
  if (!actor) throw unauthenticated('Sign in to delete value stories.');
  const r = await findReadableStory(deps, actor, id);
  if (!canDeleteStory(actor, r)) throw forbidden('Only the author of this story or a steward of the community may delete it.');
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await deleteStoryRows(tx, id);
    await recordActivity(tx, { actorId: actor.id, verb: 'value_story.deleted', communityId: r.story.communityId, subjectType: 'value_story', subjectId: id, data: { title: r.story.title }, at });
  });
  return r;
}
