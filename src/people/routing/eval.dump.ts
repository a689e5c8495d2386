import { existsSync } from 'node:fs';
import path from 'node:path';
import { dateAttr, DumpError, intAttr, optionalInt, streamRows } from '../../importers/stackexchange/xml-rows.ts';
import { tokenize } from '../../search/related/query.ts';

/** A question of the dump, as the replay needs it. */
export interface DumpQuestion {
  id: number;
  userId: number | null;
  at: number;
  tags: string[];
  terms: string[];
  acceptedAnswerId: number | null;
}

/** An answer of the dump, with the days its acceptance and votes happened (Votes.xml dates are days). */
export interface DumpAnswer {
  id: number;
  questionId: number;
  userId: number | null;
  at: number;
  acceptedAt: number | null;
  /** Vote days (ms) with +1 (up) or −1 (down). */
  votes: Array<{ at: number; value: number }>;
}

export interface ExpertDump {
  questions: DumpQuestion[];
  answers: DumpAnswer[];
  /** True when Votes.xml was there (otherwise no answer is known accepted or scored before a question). */
  hasVotes: boolean;
}

/** "<a><b>" (older dumps) or "|a|b|" (newer) → ["a", "b"], lower-case. */
export function parseDumpTags(raw: string | undefined): string[] {
  if (!raw) return [];
  const parts = raw.includes('<') ? [...raw.matchAll(/<([^>]+)>/g)].map((m) => m[1] ?? '') : raw.split('|');
  return [...new Set(parts.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
}

/**
 * Reads Posts.xml (and Votes.xml when present) of a Stack Exchange dump folder into memory, streamed
 * row by row with the importer's parser. Throws a DumpError naming the file and line on bad XML or
 * bad rows, and when Posts.xml is missing.
 */
export async function readExpertDump(dir: string): Promise<ExpertDump> {
  const postsFile = path.join(dir, 'Posts.xml');
  if (!existsSync(postsFile)) throw new DumpError('not found (is this a Stack Exchange dump folder?)', postsFile);
  const questions: DumpQuestion[] = [];
  const answers = new Map<number, DumpAnswer>();
  await streamRows(postsFile, 500, async (rows) => {
    for (const row of rows) {
      const type = row.attrs.PostTypeId;
      if (type !== '1' && type !== '2') continue;
      const id = intAttr(row, 'Posts.xml', 'Id');
      const at = Date.parse(dateAttr(row, 'Posts.xml', 'CreationDate'));
      const userId = optionalInt(row, 'Posts.xml', 'OwnerUserId');
      if (type === '1') {
        questions.push({ id, userId, at, tags: parseDumpTags(row.attrs.Tags), terms: tokenize(row.attrs.Title ?? ''), acceptedAnswerId: optionalInt(row, 'Posts.xml', 'AcceptedAnswerId') });
      } else {
        answers.set(id, { id, questionId: intAttr(row, 'Posts.xml', 'ParentId'), userId, at, acceptedAt: null, votes: [] });
      }
    }
    return Promise.resolve();
  });
  const votesFile = path.join(dir, 'Votes.xml');
  const hasVotes = existsSync(votesFile);
  if (hasVotes) {
    await streamRows(votesFile, 1000, async (rows) => {
      for (const row of rows) {
        const a = answers.get(Number(row.attrs.PostId));
        const type = row.attrs.VoteTypeId;
        if (!a || (type !== '1' && type !== '2' && type !== '3')) continue;
        const at = Date.parse(dateAttr(row, 'Votes.xml', 'CreationDate'));
        if (type === '1') a.acceptedAt = at;
        else a.votes.push({ at, value: type === '2' ? 1 : -1 });
      }
      return Promise.resolve();
    });
  }
  questions.sort((a, b) => a.at - b.at || a.id - b.id);
  return { questions, answers: [...answers.values()].sort((a, b) => a.at - b.at || a.id - b.id), hasVotes };
}
