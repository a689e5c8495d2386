import type { Deps } from '../../core/deps.ts';
import type { Db } from '../../core/db/index.ts';
import { recordActivity } from '../../core/activity.ts';
import { rebuildSearchIndex } from '../../search/search.index.ts';
import { AppError, badRequest, forbidden, notFound, unauthenticated } from '../../core/http/errors.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { readableCommunity } from '../articles/articles.service.ts';
import { extractMentions, renderMarkdown } from '../../core/markdown/index.ts';
import { findUserIdsByUsername } from '../../discussions/posts.store.ts';
import { placeOf, type FileIssue } from './front-matter.ts';
import { parseKnowledgeFolder, type ParsedArticle, type ParsedTerm } from './transfer.parse.ts';
import { memberIds } from './transfer.store.ts';
import { findKnowledgeSettings } from '../lifecycle/knowledge-settings.store.ts';
import { importArticle, importTerm, type Importer, type Outcome } from './import.writes.ts';

/** What an import did, per kind of item. */
export interface ImportSummary {
  articles: Record<Outcome, number>;
  glossary: Record<Outcome, number>;
}

/** 400 listing every problem as `file` or `file:line`; nothing is written. */
export function folderError(issues: FileIssue[]): AppError {
  const first = issues[0];
  const head = issues.length === 1 && first ? `${placeOf(first)}: ${first.message}` : `${issues.length} problems in the knowledge folder`;
  return badRequest(`${head}. Nothing was imported.`, issues.map((i) => ({ field: placeOf(i), message: i.message })));
}

/** The importing user: `username` when given (must be a member), else the community's longest-standing steward. */
async function findImporter(db: Db, communityId: number, username: string | undefined): Promise<Importer> {
  let q = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.username'])
    .where('memberships.community_id', '=', communityId);
  q = username === undefined ? q.where('memberships.role', '=', 'steward') : q.where((eb) => eb(eb.fn('lower', ['users.username']), '=', username.replace(/^@/, '').toLowerCase()));
  const row = await q.orderBy('memberships.created_at').orderBy('users.id').executeTakeFirst();
  if (!row) {
    const message = username === undefined ? 'The community has no steward to import as; name a member with --as' : `"${username}" is not a member of this community`;
    throw badRequest(message, [{ field: 'as', message }]);
  }
  return row;
}

/**
 * Imports a knowledge folder (relative path → bytes) into the community with slug `slug`, as the
 * member `as` (default: its longest-standing steward), in one transaction: any bad file is a 400
 * naming it and nothing is written. Articles match existing ones by title, terms by term
 * (case-insensitive); unchanged items are left alone, changed ones are updated (an article whose
 * body changed gets a new revision). Unknown people fall back to the importer; unknown @mentions
 * stay as text. One `knowledge.imported` activity row sums up an import that changed something.
 */
export async function importKnowledge(deps: Pick<Deps, 'db' | 'config' | 'clock'>, slug: string, as: string | undefined, files: Map<string, Uint8Array>): Promise<ImportSummary> {
  const community = await deps.db.selectFrom('communities').select(['id', 'slug']).where('slug', '=', slug).executeTakeFirst();
  if (!community) throw notFound('Community');
  const parsed = parseKnowledgeFolder(files, deps.config.limits);
  if (Array.isArray(parsed)) throw folderError(parsed);
  const importer = await findImporter(deps.db, community.id, as);
  const at = deps.clock.now().toISOString();
  const summary: ImportSummary = { articles: { created: 0, updated: 0, unchanged: 0 }, glossary: { created: 0, updated: 0, unchanged: 0 } };
  const byFile = <T extends { file: string }>(xs: T[]) => [...xs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const articles: ParsedArticle[] = byFile(parsed.articles);
  const terms: ParsedTerm[] = byFile(parsed.terms);
  const usernames = [...articles.flatMap((a) => [a.author ?? '', ...(a.owners ?? [])]), ...terms.map((t) => t.owner ?? '')].filter((u) => u !== '');

  await deps.db.transaction().execute(async (tx) => {
    const people = await memberIds(tx, community.id, usernames);
    const known = new Set((await findUserIdsByUsername(tx, [...new Set(articles.flatMap((a) => extractMentions(a.body)))])).keys());
    const { reviewIntervalDays } = await findKnowledgeSettings(tx, community.id);
    const ctx = { tx, communityId: community.id, importer, people, at, origin: deps.config.baseUrl, reviewIntervalDays };
    for (const a of articles) {
      // Unknown @mentions stay as text without a link (see docs/knowledge/transfer.md).
      const html = renderMarkdown(a.body, { knownUsers: known }).html;
      summary.articles[await fileScoped(a.file, () => importArticle(ctx, a, html))]++;
    }
    for (const t of terms) summary.glossary[await fileScoped(t.file, () => importTerm(ctx, t))]++;
    const changed = summary.articles.created + summary.articles.updated + summary.glossary.created + summary.glossary.updated;
    if (changed > 0) {
      await rebuildSearchIndex(tx, { communityId: community.id, kinds: ['article', 'term'] });
      await recordActivity(tx, { actorId: importer.id, verb: 'knowledge.imported', communityId: community.id, subjectType: 'community', subjectId: community.id, data: { ...summary }, at });
    }
  });
  return summary;
}

/** Runs one item's writes; a rule it breaks becomes a 400 naming its file. */
async function fileScoped<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    const message = err.details.length > 0 ? err.details.map((d) => `${d.field}: ${d.message}`).join('; ') : err.message;
    throw folderError([{ file, message }]);
  }
}

/**
 * The web and API import: the signed-in steward imports as themselves. 401 anonymous, 404 when the
 * community is unknown or unreadable (never revealing a private one), 403 for everyone but its
 * stewards. `files` is read only after these checks, so a refused request never parses an upload.
 */
export async function importKnowledgeAsSteward(deps: Deps, actor: Actor | null, slug: string, files: () => Map<string, Uint8Array>): Promise<ImportSummary> {
  await assertMayImport(deps, actor, slug);
  return importKnowledge(deps, slug, actor?.username, files());
}

/** Throws unless the actor is a steward of the community (401, 404 or 403 as importKnowledgeAsSteward). */
export async function assertMayImport(deps: Deps, actor: Actor | null, slug: string): Promise<void> {
  if (!actor) throw unauthenticated('Sign in to import knowledge.');
  const { access } = await readableCommunity(deps, actor, slug);
  if (access.role !== 'steward') throw forbidden('Only stewards of this community may import knowledge into it.');
}
