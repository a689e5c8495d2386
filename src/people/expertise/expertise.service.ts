import type { Db } from '../../core/db/index.ts';
import type { EvidenceKind } from '../../core/db/tables/expertise.ts';
import { decayFactor, evidenceLabels, HALF_LIFE_DAYS, roundScore } from './expertise.rules.ts';
import { liveEvidence, loadSubjectLinks } from './expertise.store.ts';

/** One piece of evidence behind a score, linked to the answer or article it is about. */
export interface EvidenceItem {
  kind: EvidenceKind;
  label: string;
  subjectType: 'post' | 'article';
  subjectId: number;
  title: string;
  url: string;
  communityId: number;
  communitySlug: string;
  at: string;
  /** Weight before decay. */
  weight: number;
  /** Weight after recency decay (what the score adds up). */
  decayedWeight: number;
}

/** A member's demonstrated expertise in one tag: the decayed score, per community, and the evidence. */
export interface TagExpertise {
  userId: number;
  tag: string;
  score: number;
  communities: Array<{ communityId: number; communitySlug: string; communityName: string; score: number }>;
  /** The strongest evidence first (at most `evidenceLimit` items). */
  evidence: EvidenceItem[];
  evidenceCount: number;
}

export interface ExpertiseQuery {
  userIds?: number[];
  tags?: string[];
  /** Only evidence from these communities. Pass the communities the viewer may read (readableCommunityIds) — private evidence must not reach outsiders. */
  communityIds?: number[];
  now: Date;
  halfLifeDays?: number;
  /** How many evidence items to return per user and tag (default 10; 0 for scores only). */
  evidenceLimit?: number;
}

/**
 * Demonstrated expertise per member and tag, from the evidence rollup (accepted answers, answer votes,
 * endorsed articles, "I applied this"), each item decayed by 0.5^(age/half-life) (default 365 days).
 * Scores below or at 0 are left out. Sorted by score, highest first. Empty filters (`[]`) match nothing.
 */
export async function demonstratedExpertise(db: Db, q: ExpertiseQuery): Promise<TagExpertise[]> {
  if (q.userIds?.length === 0 || q.tags?.length === 0 || q.communityIds?.length === 0) return [];
  let query = db
    .selectFrom('expertise_evidence as e')
    .innerJoin('expertise_evidence_tags as g', 'g.evidence_id', 'e.id')
    .innerJoin('communities as c', 'c.id', 'e.community_id')
    .select(['e.user_id', 'e.community_id', 'e.kind', 'e.subject_type', 'e.subject_id', 'e.weight', 'e.at', 'g.tag', 'c.slug', 'c.name'])
    .where('e.weight', '!=', 0)
    .where(liveEvidence);
  if (q.userIds) query = query.where('e.user_id', 'in', q.userIds);
  if (q.tags) query = query.where('g.tag', 'in', q.tags);
  if (q.communityIds) query = query.where('e.community_id', 'in', q.communityIds);
  const rows = await query.execute();
  const halfLife = q.halfLifeDays ?? HALF_LIFE_DAYS;
  type Group = { userId: number; tag: string; items: EvidenceItem[]; communities: Map<number, { slug: string; name: string; score: number }> };
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const key = `${r.user_id}\u0000${r.tag}`;
    const g: Group = groups.get(key) ?? { userId: r.user_id, tag: r.tag, items: [], communities: new Map() };
    groups.set(key, g);
    const decayed = Number(r.weight) * decayFactor(r.at, q.now, halfLife);
    g.items.push({ kind: r.kind, label: evidenceLabels[r.kind], subjectType: r.subject_type, subjectId: r.subject_id, title: '', url: '', communityId: r.community_id, communitySlug: r.slug, at: r.at, weight: Number(r.weight), decayedWeight: decayed });
    const c = g.communities.get(r.community_id) ?? { slug: r.slug, name: r.name, score: 0 };
    c.score += decayed;
    g.communities.set(r.community_id, c);
  }
  const out: TagExpertise[] = [];
  for (const g of groups.values()) {
    const score = g.items.reduce((s, i) => s + i.decayedWeight, 0);
    if (score <= 0) continue;
    const evidence = g.items.sort((a, b) => b.decayedWeight - a.decayedWeight || b.at.localeCompare(a.at)).slice(0, q.evidenceLimit ?? 10);
    const communities = [...g.communities.entries()].map(([communityId, c]) => ({ communityId, communitySlug: c.slug, communityName: c.name, score: roundScore(c.score) })).sort((a, b) => b.score - a.score);
    out.push({ userId: g.userId, tag: g.tag, score: roundScore(score), communities, evidence: evidence.map((e) => ({ ...e, decayedWeight: roundScore(e.decayedWeight) })), evidenceCount: g.items.length });
  }
  // Titles and addresses only for the evidence returned (a finder over a busy tag returns none).
  const links = await loadSubjectLinks(db, out.flatMap((t) => t.evidence.map((e) => ({ subject_type: e.subjectType, subject_id: e.subjectId }))));
  for (const t of out) {
    for (const e of t.evidence) {
      const link = links.get(`${e.subjectType}/${e.subjectId}`);
      e.title = link?.title ?? '';
      e.url = link?.url ?? '';
    }
  }
  return out.sort((a, b) => b.score - a.score || a.tag.localeCompare(b.tag) || a.userId - b.userId);
}

/** Groups demonstrated expertise by member (each member's tags highest first). */
export function byUser(items: TagExpertise[]): Map<number, TagExpertise[]> {
  const m = new Map<number, TagExpertise[]>();
  for (const i of items) m.set(i.userId, [...(m.get(i.userId) ?? []), i]);
  return m;
}
