/** A glossary entry as the matcher needs it. */
export interface MatchableTerm {
  id: number;
  term: string;
  synonyms: string[];
}

/** One occurrence of a term (or one of its synonyms) in a text: `text.slice(start, end)`. */
export interface TermMatch {
  id: number;
  start: number;
  end: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds the glossary terms used in `text`: whole words only (never inside a longer word),
 * case-insensitive, and at any position the longest term or synonym wins ("pull request review"
 * over "pull request"). Matches do not overlap and come in text order. Pure; no I/O.
 */
export function findGlossaryTerms(text: string, terms: MatchableTerm[]): TermMatch[] {
  const byKey = new Map<string, number>();
  for (const t of terms) {
    for (const w of [t.term, ...t.synonyms]) {
      const key = w.trim().toLowerCase();
      if (key && !byKey.has(key)) byKey.set(key, t.id);
    }
  }
  if (byKey.size === 0 || !text) return [];
  const words = [...byKey.keys()].sort((a, b) => b.length - a.length).map(escape);
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  const out: TermMatch[] = [];
  for (const m of text.matchAll(re)) {
    const id = byKey.get(m[0].toLowerCase());
    if (id !== undefined) out.push({ id, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
