import type { Deps } from '../../core/deps.ts';
import type { MentoringAvailability } from '../../core/db/tables/profiles.ts';
import { fieldError } from '../../core/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../core/http/pagination.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { readableCommunity } from '../../knowledge/articles/articles.service.ts';
import { declaredSkillsOf, normaliseSkill } from '../profiles/skills.store.ts';
import { demonstratedExpertise, type TagExpertise } from './expertise.service.ts';
import { roundScore } from './expertise.rules.ts';
import { declaredSkillHolders, filterCandidates, textMatches, topEvidenceHolders, type CandidateRow } from './finder.store.ts';
import { DECLARED_POINTS, isTimeZone, TEXT_POINTS, utcOffsetHours } from './finder.rules.ts';
import { readableIds } from './recognition.service.ts';

/** What the finder was asked. */
export interface FinderQuery {
  q?: string;
  skill?: string;
  community?: string;
  location?: string;
  timeZone?: string;
  utcOffsetMin?: number;
  utcOffsetMax?: number;
  mentoring?: 'open' | 'limited' | 'available';
  cursor?: string;
  limit: number;
}

/** Why a person matched. */
export interface MatchReason {
  kind: 'declared' | 'demonstrated' | 'text';
  label: string;
  url: string | null;
}

export interface FinderResult extends CandidateRow {
  score: number;
  reasons: MatchReason[];
}

/** How many candidates a search considers at most (the rest are not ranked). */
const MAX_CANDIDATES = 1000;

function searchKeys(q: FinderQuery): string[] {
  const keys = new Set<string>();
  if (q.skill !== undefined) {
    const k = normaliseSkill(q.skill);
    if (!k) throw fieldError('skill', 'needs letters or digits');
    keys.add(k);
  }
  const text = q.q?.trim();
  if (text) for (const k of [text, ...text.split(/[\s,]+/)].map(normaliseSkill)) if (k) keys.add(k);
  return [...keys];
}

function checkOffsets(q: FinderQuery): void {
  if (q.utcOffsetMin !== undefined && q.utcOffsetMax !== undefined && q.utcOffsetMin > q.utcOffsetMax) throw fieldError('utcOffsetMin', 'must not be greater than utcOffsetMax');
  if (q.timeZone && !isTimeZone(q.timeZone)) throw fieldError('timeZone', 'is not a known time zone (for example Europe/Lisbon)');
}

function mentoringValues(m: FinderQuery['mentoring']): MentoringAvailability[] | undefined {
  if (!m) return undefined;
  return m === 'available' ? ['open', 'limited'] : [m];
}

/**
 * The expert finder: people by skill, tag or free text, filtered by community, location, time zone or
 * UTC-offset range and mentoring availability, ranked by demonstrated expertise (readable communities
 * only) plus declared skills, each with the reasons it matched. Hidden profile fields are neither
 * searched nor shown. 400 names the bad field; 404 for a community the viewer may not read.
 */
export async function findExperts(deps: Deps, viewer: Actor | null, q: FinderQuery): Promise<{ items: FinderResult[]; nextCursor: string | null; keys: string[] }> {
  const keys = searchKeys(q);
  checkOffsets(q);
  const offset = q.cursor ? Number(decodeCursor(q.cursor)?.id ?? 0) : 0;
  const community = q.community ? (await readableCommunity(deps, viewer, q.community)).community : null;
  const evidenceIn = community ? [community.id] : await readableIds(deps, viewer);
  const now = deps.clock.now();
  const text = q.q?.trim() ?? '';
  const demonstrated = keys.length > 0 ? await demonstratedExpertise(deps.db, { tags: keys, communityIds: evidenceIn, now, evidenceLimit: 0 }) : [];
  const declaredIds = await declaredSkillHolders(deps.db, viewer, keys);
  const texts = text ? await textMatches(deps.db, viewer, text, MAX_CANDIDATES) : new Map<number, string[]>();
  const anyTerm = keys.length > 0 || text !== '';
  const filtered = q.location || q.timeZone || q.mentoring || community || q.utcOffsetMin !== undefined || q.utcOffsetMax !== undefined;
  let ids: number[] | null = anyTerm ? [...new Set([...demonstrated.map((d) => d.userId), ...declaredIds, ...texts.keys()])].slice(0, MAX_CANDIDATES) : null;
  if (!anyTerm && !filtered) ids = await topEvidenceHolders(deps.db, evidenceIn, MAX_CANDIDATES);
  let people = await filterCandidates(deps.db, viewer, { communityId: community?.id, location: q.location, timeZone: q.timeZone, mentoring: mentoringValues(q.mentoring) }, ids, MAX_CANDIDATES);
  if (q.utcOffsetMin !== undefined || q.utcOffsetMax !== undefined) {
    people = people.filter((p) => {
      const off = p.timeZone ? utcOffsetHours(p.timeZone, now) : null;
      return off !== null && off >= (q.utcOffsetMin ?? -24) && off <= (q.utcOffsetMax ?? 24);
    });
  }
  people = people.slice(0, MAX_CANDIDATES);
  const shownIds = people.map((p) => p.id);
  const expertise = anyTerm ? demonstrated : await demonstratedExpertise(deps.db, { userIds: shownIds, communityIds: evidenceIn, now, evidenceLimit: 0 });
  const declared = await declaredSkillsOf(deps.db, shownIds, { viewer });
  const ranked = people.map((p) => rank(p, keys, expertise.filter((e) => e.userId === p.id), declared.get(p.id) ?? [], texts.get(p.id) ?? []));
  ranked.sort((a, b) => b.score - a.score || a.displayName.localeCompare(b.displayName) || a.id - b.id);
  const page = ranked.slice(offset, offset + q.limit);
  const nextCursor = offset + q.limit < ranked.length ? encodeCursor({ v: 'offset', id: offset + q.limit }) : null;
  return { items: page, nextCursor, keys };
}

function rank(p: CandidateRow, keys: string[], tags: TagExpertise[], skills: Array<{ skill: string; skillKey: string; level: keyof typeof DECLARED_POINTS }>, textFields: string[]): FinderResult {
  const reasons: MatchReason[] = [];
  let score = 0;
  for (const t of tags.slice(0, keys.length > 0 ? tags.length : 3)) {
    score += t.score;
    reasons.push({ kind: 'demonstrated', label: `Demonstrated in ${t.tag}: score ${t.score} from ${t.evidenceCount} piece${t.evidenceCount === 1 ? '' : 's'} of evidence`, url: `/u/${p.username}/expertise/${encodeURIComponent(t.tag)}` });
  }
  for (const s of skills) {
    if (keys.length > 0 ? !keys.includes(s.skillKey) : reasons.length >= 4) continue;
    score += keys.length > 0 ? DECLARED_POINTS[s.level] : 0;
    reasons.push({ kind: 'declared', label: `Declares ${s.skill} (${s.level})`, url: null });
  }
  for (const f of textFields) {
    score += TEXT_POINTS;
    reasons.push({ kind: 'text', label: f === 'name' ? 'Name matches' : `${f.replace(/_/g, ' ')} matches`, url: null });
  }
  return { ...p, score: roundScore(score), reasons };
}
