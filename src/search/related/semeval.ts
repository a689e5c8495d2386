import { streamXml } from './xml-rows.ts';

/** One candidate question of a SemEval-2016 Task 3 original question. */
export interface SemEvalCandidate {
  id: string;
  subject: string;
  body: string;
  /** PerfectMatch and Relevant count as relevant; Irrelevant does not. */
  relevant: boolean;
  /** RELQ_RANKING_ORDER: the position the task's search engine gave it (the official IR baseline). */
  order: number;
}

/** An original question with its (usually 10) candidates, in the file's order. */
export interface SemEvalQuestion {
  id: string;
  subject: string;
  body: string;
  candidates: SemEvalCandidate[];
}

/**
 * Reads a SemEval-2016 Task 3 English file (subtask B, question–question similarity): one
 * OrgQuestion element per thread, grouped here by ORGQ_ID.
 */
export async function readSemEval(file: string): Promise<SemEvalQuestion[]> {
  const byId = new Map<string, SemEvalQuestion>();
  let field: 'OrgQSubject' | 'OrgQBody' | 'RelQSubject' | 'RelQBody' | null = null;
  let text = '';
  let current: SemEvalQuestion | null = null;
  let candidate: SemEvalCandidate | null = null;
  await streamXml(file, {
    open: (name, a) => {
      if (name === 'OrgQuestion') {
        const id = a.ORGQ_ID ?? '';
        current = byId.get(id) ?? { id, subject: '', body: '', candidates: [] };
        byId.set(id, current);
      } else if (name === 'RelQuestion' && current) {
        candidate = { id: a.RELQ_ID ?? '', subject: '', body: '', relevant: a.RELQ_RELEVANCE2ORGQ === 'PerfectMatch' || a.RELQ_RELEVANCE2ORGQ === 'Relevant', order: Number(a.RELQ_RANKING_ORDER ?? 0) };
        current.candidates.push(candidate);
      } else if (name === 'OrgQSubject' || name === 'OrgQBody' || name === 'RelQSubject' || name === 'RelQBody') {
        field = name;
        text = '';
      }
    },
    text: (t) => {
      if (field) text += t;
    },
    close: (name) => {
      if (name !== field) return;
      const q = current as SemEvalQuestion | null;
      const c = candidate as SemEvalCandidate | null;
      if (name === 'OrgQSubject' && q) q.subject = text.trim();
      if (name === 'OrgQBody' && q) q.body = text.trim();
      if (name === 'RelQSubject' && c) c.subject = text.trim();
      if (name === 'RelQBody' && c) c.body = text.trim();
      field = null;
    },
  });
  return [...byId.values()];
}
