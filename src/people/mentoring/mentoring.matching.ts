import { WORKING_DAY } from './working-hours.ts';

/**
 * Matching mentors to a request: a pure ranking, fed by mentoring.candidates.ts.
 *
 *   score = skill coverage × expertise factor × time-zone factor × capacity factor
 *
 * - skill coverage (0–1): the mean, over the skills to learn, of how well the mentor covers each:
 *   offered and declared expert 1, offered and practising 0.85, offered 0.75, declared expert (not offered)
 *   0.6, declared practising 0.4, otherwise 0. A mentor covering none of them is not proposed.
 * - expertise factor (1–1.5): 1 + 0.5 × mean over the skills of d / (d + 5), d the demonstrated expertise
 *   score in that skill's tag (1 when there is no evidence, so declared-only mentors are still found).
 * - time-zone factor (0.25–1): 0.25 + 0.75 × overlap / 8, overlap the hours of 09–17 working day both share
 *   today; 0.625 (as if 4 h) when the mentee's time zone is unknown.
 * - capacity factor (0.5–1): 0.5 + 0.5 × free / capacity; a mentor with no free place is never proposed.
 */
export interface SkillWanted {
  skill: string;
  skillKey: string;
}

export interface MentorCandidate {
  userId: number;
  username: string;
  displayName: string;
  capacity: number;
  /** Active mentorships now. */
  taken: number;
  timeZone: string;
  offered: SkillWanted[];
  declared: Array<{ skill: string; skillKey: string; level: 'learning' | 'practising' | 'expert' }>;
  /** Demonstrated expertise score per skill key (tag); missing means no evidence. */
  demonstrated: Map<string, number>;
}

export interface Proposal {
  userId: number;
  username: string;
  displayName: string;
  score: number;
  free: number;
  capacity: number;
  overlapHours: number | null;
  factors: { coverage: number; expertise: number; timeZone: number; capacity: number };
  reasons: string[];
}

const EXPERTISE_HALF = 5;
const WORKDAY_HOURS = WORKING_DAY.endHour - WORKING_DAY.startHour;

function strength(c: MentorCandidate, key: string): { value: number; reason: string | null } {
  const offered = c.offered.find((s) => s.skillKey === key);
  const declared = c.declared.find((s) => s.skillKey === key);
  if (offered) {
    const level = declared?.level;
    const value = level === 'expert' ? 1 : level === 'practising' ? 0.85 : 0.75;
    return { value, reason: `offers ${offered.skill}${level && level !== 'learning' ? ` (${level})` : ''}` };
  }
  if (declared?.level === 'expert') return { value: 0.6, reason: `declares ${declared.skill} (expert)` };
  if (declared?.level === 'practising') return { value: 0.4, reason: `declares ${declared.skill} (practising)` };
  return { value: 0, reason: null };
}

const round = (x: number, places = 3) => Math.round(x * 10 ** places) / 10 ** places;
const hours = (h: number) => `${Number.isInteger(h) ? h : h.toFixed(1)} h`;

/**
 * Ranks candidates for the skills wanted, best first (ties: more free places, then lower user id).
 * `overlapOf(mentorTimeZone)` gives the working-hours overlap with the mentee, or null when unknown.
 * Never proposes a mentor without a free place or without any of the skills.
 */
export function rankMentors(wanted: SkillWanted[], candidates: MentorCandidate[], overlapOf: (tz: string) => number | null): Proposal[] {
  if (wanted.length === 0) return [];
  const out: Proposal[] = [];
  for (const c of candidates) {
    const free = c.capacity - c.taken;
    if (free <= 0) continue;
    const strengths = wanted.map((w) => strength(c, w.skillKey));
    const coverage = strengths.reduce((s, x) => s + x.value, 0) / wanted.length;
    if (coverage <= 0) continue;
    const demonstrated = wanted.map((w) => c.demonstrated.get(w.skillKey) ?? 0);
    const expertise = 1 + (0.5 * demonstrated.reduce((s, d) => s + d / (d + EXPERTISE_HALF), 0)) / wanted.length;
    const overlap = overlapOf(c.timeZone);
    const timeZone = 0.25 + (0.75 * (overlap ?? WORKDAY_HOURS / 2)) / WORKDAY_HOURS;
    const capacity = 0.5 + (0.5 * free) / c.capacity;
    const reasons = strengths.flatMap((s) => (s.reason ? [s.reason] : []));
    wanted.forEach((w, i) => {
      if (demonstrated[i]! > 0) reasons.push(`demonstrated expertise in ${w.skillKey} (${round(demonstrated[i]!, 1)})`);
    });
    reasons.push(overlap === null ? 'your time zone is not set' : `${hours(overlap)} working-hours overlap`);
    reasons.push(`${free} of ${c.capacity} ${c.capacity === 1 ? 'place' : 'places'} free`);
    out.push({
      userId: c.userId, username: c.username, displayName: c.displayName, free, capacity: c.capacity, overlapHours: overlap,
      score: round(coverage * expertise * timeZone * capacity, 4),
      factors: { coverage: round(coverage), expertise: round(expertise), timeZone: round(timeZone), capacity: round(capacity) },
      reasons,
    });
  }
  return out.sort((a, b) => b.score - a.score || b.free - a.free || a.userId - b.userId);
}
