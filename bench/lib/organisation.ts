import { WeightedSampler, zipfWeights, type Rng } from './random.ts';
import type { Scale } from './scales.ts';
import type { BulkTarget, Column, Row } from './target.ts';
import type { TextWriter } from './text.ts';

/** Generated data starts here and spreads over five years. */
export const EPOCH = Date.parse('2021-11-01T00:00:00Z');
export const SPAN_MS = 5 * 365 * 24 * 3600 * 1000;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Who belongs where, for choosing authors and voters inside a community. */
export interface Organisation {
  /** Member ids of community c at index c - 1; the first is its founding steward. */
  members: Int32Array[];
  /** Per community: picks a member index, a few members writing most (Zipf). */
  activity: WeightedSampler[];
  /** Per community: its tags, and a Zipf sampler over them. */
  tags: string[][];
  tagPicker: WeightedSampler[];
  /** Picks a community (0-based) for a new topic or article: bigger communities get more. */
  communityPicker: WeightedSampler;
  privateCommunities: number[];
}

const USER_COLUMNS: Column[] = [['id', 'int'], ['username', 'text'], ['email', 'text'], ['password_hash', 'text'], ['display_name', 'text'], ['bio', 'text'], ['discipline', 'text'], ['location', 'text'], ['time_zone', 'text'], ['role', 'text'], ['created_at', 'text'], ['updated_at', 'text']];
const COMMUNITY_COLUMNS: Column[] = [['id', 'int'], ['slug', 'text'], ['name', 'text'], ['domain_statement', 'text'], ['description', 'text'], ['formality', 'text'], ['sponsor', 'text'], ['locality', 'text'], ['location', 'text'], ['visibility', 'text'], ['join_policy', 'text'], ['member_count', 'int'], ['created_by', 'int'], ['created_at', 'text'], ['updated_at', 'text']];
const MEMBERSHIP_COLUMNS: Column[] = [['community_id', 'int'], ['user_id', 'int'], ['role', 'text'], ['created_at', 'text']];
const TAG_COLUMNS: Column[] = [['community_id', 'int'], ['tag', 'text']];
const DISCIPLINES = ['engineering', 'research', 'operations', 'design', 'support', 'finance', 'legal', 'product'];

function capitalised(words: string): string {
  return words.replace(/\b\w/g, (c) => c.toUpperCase());
}

/** Every 10th community (2, 12, 22, …) is private (invite only); the rest are open. */
export function isPrivateCommunity(id: number): boolean {
  return id % 10 === 2;
}

/**
 * Members, communities (10% private), community tags and memberships (each member in one to a dozen
 * communities, popular communities getting more). Member 1 is an instance admin.
 */
export async function generateOrganisation(target: BulkTarget, scale: Scale, rng: Rng, text: TextWriter): Promise<Organisation> {
  const words = text.model.words;
  const name = () => capitalised(text.title(false).replace(/[?.]$/, '').toLowerCase().split(' ').slice(0, 2).join(' '));
  const users: Row[] = [];
  for (let id = 1; id <= scale.members; id++) {
    const at = iso(EPOCH + Math.floor((SPAN_MS * (id - 1)) / scale.members / 2));
    users.push([id, `member${id}`, `member${id}@bench.example`, null, name(), id % 4 === 0 ? text.comment() : '', DISCIPLINES[id % DISCIPLINES.length]!, '', 'UTC', id === 1 ? 'admin' : 'member', at, at]);
  }

  const communityPicker = new WeightedSampler(zipfWeights(scale.communities, 0.8));
  const joined: Array<Set<number>> = Array.from({ length: scale.communities }, () => new Set<number>());
  const stewards: number[] = [];
  for (let c = 0; c < scale.communities; c++) {
    const founder = 1 + ((c * 7919) % scale.members);
    stewards.push(founder);
    joined[c]!.add(founder);
  }
  for (let u = 1; u <= scale.members; u++) {
    let k = 1;
    while (k < 12 && rng.chance(0.65)) k++;
    for (let i = 0; i < k; i++) joined[communityPicker.sample(rng)]!.add(u);
  }

  const communities: Row[] = [];
  const memberships: Row[] = [];
  const communityTags: Row[] = [];
  const tags: string[][] = [];
  const privateCommunities: number[] = [];
  for (let c = 0; c < scale.communities; c++) {
    const id = c + 1;
    const priv = isPrivateCommunity(id);
    if (priv) privateCommunities.push(id);
    const at = iso(EPOCH + c * 3600 * 1000);
    const slug = `c${id}-${words[(c * 31 + 50) % words.length]}`;
    communities.push([id, slug, name(), text.comment(), text.comment(), c % 3 === 0 ? 'formal' : 'informal', '', c % 2 === 0 ? 'distributed' : 'local', '', priv ? 'private' : 'public', priv ? 'invite' : 'open', joined[c]!.size, stewards[c]!, at, at]);
    let n = 0;
    for (const u of joined[c]!) {
      const role = u === stewards[c] || n === 1 ? 'steward' : n < 5 ? 'moderator' : 'member';
      memberships.push([id, u, role, at]);
      n++;
    }
    const own = new Set<string>();
    while (own.size < 24) own.add(words[60 + ((c * 97 + own.size * 131 + rng.int(4000)) % Math.max(1, words.length - 60))]!);
    tags.push([...own]);
    for (const tag of own) communityTags.push([id, tag]);
  }

  await target.transaction(async () => {
    for (let i = 0; i < users.length; i += 5000) await target.insert('users', USER_COLUMNS, users.slice(i, i + 5000));
    await target.insert('communities', COMMUNITY_COLUMNS, communities);
    for (let i = 0; i < memberships.length; i += 10000) await target.insert('memberships', MEMBERSHIP_COLUMNS, memberships.slice(i, i + 10000));
    await target.insert('community_tags', TAG_COLUMNS, communityTags);
  });

  const members = joined.map((s) => Int32Array.from(s));
  return {
    members,
    activity: members.map((m) => new WeightedSampler(zipfWeights(m.length, 1.0))),
    tags,
    tagPicker: tags.map((t) => new WeightedSampler(zipfWeights(t.length, 1.0))),
    communityPicker,
    privateCommunities,
  };
}
