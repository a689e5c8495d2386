import type { Db } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { importStackExchange } from '../../importers/stackexchange/import.service.ts';
import { rebuildSearchIndex } from '../search.index.ts';
import { readDumpLinks } from './dump-links.ts';
import { evalCommunity, evalTopic, evalUser } from './eval.corpus.ts';
import { averagePrecision, mean, recallAtK, reciprocalRank } from './metrics.ts';
import type { RelatedMethod } from './query.ts';
import { rankRelated } from './related.rank.ts';
import { loadRelatedSource } from './related.store.ts';
import { readSemEval } from './semeval.ts';

/** One method's figures on a dump. */
export interface DumpFigures {
  method: RelatedMethod;
  questions: number;
  recall: number;
  mrr: number;
}

/** One method's figures on SemEval. */
export interface SemEvalFigures {
  method: RelatedMethod | 'search-engine order';
  questions: number;
  map: number;
}

/**
 * Imports a dump into `db` (a throw-away database: it gets a community "eval") and measures each
 * method's related ranking against the dump's PostLinks: for every question with links (related or
 * duplicate, symmetric, both ends in the dump), recall@limit and reciprocal rank of the linked
 * questions among the ranked topics of the community. The ranking sees only content — the imported
 * links themselves (topic_links), which the API lists first, are NOT used, or the answer would leak.
 */
export async function evalDump(deps: Pick<Deps, 'db' | 'clock'>, dir: string, opts: { limit: number; methods: RelatedMethod[] }): Promise<{ topics: number; figures: DumpFigures[] }> {
  const db = deps.db;
  const at = deps.clock.now().toISOString();
  const communityId = await evalCommunity(db, await evalUser(db, at), 'eval', at);
  await importStackExchange(deps, dir, { community: 'eval' });
  const { links } = await readDumpLinks(dir);
  const sources = await db.selectFrom('import_sources').select(['original_id', 'local_id']).where('community_id', '=', communityId).where('kind', '=', 'question').execute();
  const topicOf = new Map(sources.map((s) => [Number(s.original_id), s.local_id]));
  const cases: Array<{ topicId: number; relevant: Set<number> }> = [];
  for (const [q, linked] of [...links.entries()].sort((a, b) => a[0] - b[0])) {
    const topicId = topicOf.get(q);
    const relevant = new Set([...linked].map((l) => topicOf.get(l)).filter((id): id is number => id !== undefined));
    if (topicId !== undefined && relevant.size > 0) cases.push({ topicId, relevant });
  }
  const figures: DumpFigures[] = [];
  for (const method of opts.methods) {
    const recalls: number[] = [];
    const rrs: number[] = [];
    for (const c of cases) {
      const ranking = await rankTopics(db, c.topicId, communityId, method, opts.limit);
      recalls.push(recallAtK(ranking, c.relevant, opts.limit));
      rrs.push(reciprocalRank(ranking, c.relevant));
    }
    figures.push({ method, questions: cases.length, recall: mean(recalls), mrr: mean(rrs) });
  }
  return { topics: topicOf.size, figures };
}

async function rankTopics(db: Db, topicId: number, communityId: number, method: RelatedMethod, limit: number): Promise<number[]> {
  const src = await loadRelatedSource(db, topicId);
  if (!src) return [];
  const ranked = await rankRelated(db, src, [communityId], { limit, method, kinds: ['topic'], excludeTopicId: topicId });
  return ranked.map((r) => r.id);
}

/**
 * SemEval-2016 Task 3 (question–question similarity) in `db` (a throw-away database): each original
 * question's candidates become the topics of a community of their own; each method ranks them with
 * the same scoring as the related API, candidates it does not match follow in the engine's order.
 * MAP over all original questions, as the task's official scorer computes it (a question without a
 * relevant candidate — PerfectMatch or Relevant — counts 0), next to the task's own search-engine
 * order (its IR baseline; 0.7135 on the dev set, the published figure).
 */
export async function evalSemEval(deps: Pick<Deps, 'db' | 'clock'>, file: string, methods: RelatedMethod[]): Promise<SemEvalFigures[]> {
  const db = deps.db;
  const at = deps.clock.now().toISOString();
  const questions = await readSemEval(file);
  const userId = await evalUser(db, at);
  const prepared = await db.transaction().execute(async (tx) => {
    const out = [];
    for (const q of questions) {
      const communityId = await evalCommunity(tx, userId, `semeval-${q.id.toLowerCase()}`, at);
      const byOrder = [...q.candidates].sort((a, b) => a.order - b.order);
      const ids: number[] = [];
      for (const c of byOrder) ids.push(await evalTopic(tx, { communityId, userId, title: c.subject, body: c.body, at }));
      out.push({ q, communityId, ids, relevant: new Set(ids.filter((_, i) => byOrder[i]?.relevant)) });
      await rebuildSearchIndex(tx, { communityId });
    }
    return out;
  });
  const figures: SemEvalFigures[] = [{ method: 'search-engine order', questions: prepared.length, map: mean(prepared.map((p) => averagePrecision(p.ids, p.relevant))) }];
  for (const method of methods) {
    const aps: number[] = [];
    for (const p of prepared) {
      const ranked = await rankRelated(db, { title: p.q.subject, body: p.q.body, tags: [], accepted: null }, [p.communityId], { limit: p.ids.length, method, kinds: ['topic'] });
      const order = ranked.map((r) => r.id);
      const rest = p.ids.filter((id) => !order.includes(id));
      aps.push(averagePrecision([...order, ...rest], p.relevant));
    }
    figures.push({ method, questions: prepared.length, map: mean(aps) });
  }
  return figures;
}
