import { zipfWeights } from './random.ts';

/**
 * A language model small enough to reason about: words with weights, plus multi-word phrases (fixed
 * collocations emitted as a unit, so phrase queries have real hits). Weights follow Zipf's law for
 * the synthetic vocabulary and the observed counts for a real corpus.
 */
export interface TextModel {
  words: string[];
  weights: Float64Array;
  phrases: string[];
  phraseWeights: Float64Array;
  /** Share of text units that are phrases rather than single words. */
  phraseRate: number;
  /** Where it came from, for the results file. */
  origin: string;
}

/** PostgreSQL's English stop words (tsearch_data/english.stop): never used as synthetic words or as queries. */
export const STOP_WORDS = new Set(
  ('i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself ' +
    'they them their theirs themselves what which who whom this that these those am is are was were be been being have has had having ' +
    'do does did doing a an the and but if or because as until while of at by for with about against between into through during ' +
    'before after above below to from up down in out on off over under again further then once here there when where why how all any ' +
    'both each few more most other some such no nor not only own same so than too very s t can will just don should now')
    .split(' '),
);

const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'gr', 'kl', 'pr', 'st', 'tr', 'sk'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];
const CODAS = ['n', 'r', 'l', 'm', 'k', 't', 'x', 'nd', 'rk', 'lt'];
const SYLLABLES = ONSETS.flatMap((o) => VOWELS.map((v) => o + v));

/**
 * The n-th synthetic word: syllables in a mixed radix plus a closing consonant, so frequent words are
 * short (as in real language), every word has three letters or more and none is an English stop word.
 */
function syntheticWord(n: number): string {
  let rest = n;
  let word = '';
  do {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  return word + CODAS[n % CODAS.length];
}

/** A synthetic Zipf vocabulary of `size` words (exponent `s`) with `phraseCount` two- and three-word phrases. */
export function zipfModel(size: number, opts: { s?: number; phraseCount?: number; phraseRate?: number } = {}): TextModel {
  const s = opts.s ?? 1.0;
  const words: string[] = [];
  const seen = new Set<string>();
  for (let n = 0; words.length < size; n++) {
    const w = syntheticWord(n);
    if (!seen.has(w) && !STOP_WORDS.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  // Phrases mix ranks the way collocations do ("proof of stake"): one frequent word and rarer ones.
  const phraseCount = opts.phraseCount ?? 5000;
  const phrases: string[] = [];
  for (let i = 0; i < phraseCount; i++) {
    const a = words[(i * 7 + 13) % 2000]!;
    const b = words[200 + ((i * 7919) % (size - 200))]!;
    phrases.push(i % 3 === 0 ? `${a} ${b} ${words[100 + ((i * 104729) % (size - 100))]!}` : `${a} ${b}`);
  }
  return { words, weights: zipfWeights(size, s), phrases, phraseWeights: zipfWeights(phraseCount, 1.0), phraseRate: opts.phraseRate ?? 0.03, origin: `synthetic Zipf vocabulary of ${size} words (s=${s}), ${phraseCount} phrases` };
}
