import { logNormalInt, WeightedSampler, type Rng } from './random.ts';
import type { TextModel } from './vocabulary.ts';

/** A generated body: Markdown as stored, and the HTML the app would have rendered at write time. */
export interface Body {
  markdown: string;
  html: string;
}

/**
 * Writes titles and bodies from a text model and counts, for every word and phrase, how many post
 * bodies contain it (document frequency), so the search benchmark can pick rare, medium and common
 * terms by what is really in the database.
 */
export class TextWriter {
  readonly wordDf: Uint32Array;
  readonly phraseDf: Uint32Array;
  documents = 0;
  tokens = 0;
  private readonly words: WeightedSampler;
  private readonly phrases: WeightedSampler;
  private readonly phraseWords: Int32Array[];
  private readonly wordSeen: Int32Array;
  private readonly phraseSeen: Int32Array;

  constructor(
    readonly model: TextModel,
    private readonly rng: Rng,
  ) {
    this.words = new WeightedSampler(model.weights);
    this.phrases = new WeightedSampler(model.phraseWeights);
    this.wordDf = new Uint32Array(model.words.length);
    this.phraseDf = new Uint32Array(model.phrases.length);
    this.wordSeen = new Int32Array(model.words.length).fill(-1);
    this.phraseSeen = new Int32Array(model.phrases.length).fill(-1);
    const index = new Map(model.words.map((w, i) => [w, i]));
    this.phraseWords = model.phrases.map((p) => Int32Array.from(p.split(' '), (w) => index.get(w) ?? -1));
  }

  /** One unit of text: a word or (sometimes) a phrase; counted towards the current document when `count`. */
  private unit(count: boolean): string {
    if (this.model.phrases.length > 0 && this.rng.next() < this.model.phraseRate) {
      const p = this.phrases.sample(this.rng);
      if (count) {
        if (this.phraseSeen[p] !== this.documents) {
          this.phraseSeen[p] = this.documents;
          this.phraseDf[p]!++;
        }
        for (const w of this.phraseWords[p]!) if (w >= 0) this.see(w);
        this.tokens += this.phraseWords[p]!.length;
      }
      return this.model.phrases[p]!;
    }
    const w = this.words.sample(this.rng);
    if (count) {
      this.see(w);
      this.tokens++;
    }
    return this.model.words[w]!;
  }

  private see(w: number): void {
    if (this.wordSeen[w] !== this.documents) {
      this.wordSeen[w] = this.documents;
      this.wordDf[w]!++;
    }
  }

  private sentence(units: number, count: boolean, end: string): string {
    const parts: string[] = [];
    for (let i = 0; i < units; i++) parts.push(this.unit(count));
    const s = parts.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + end;
  }

  /** A topic or article title of 3–10 units; questions end with a question mark. */
  title(question: boolean): string {
    return this.sentence(3 + this.rng.int(8), false, question ? '?' : '');
  }

  /** A post body of about `median` words (log-normal), in paragraphs of sentences; counted as one document. */
  body(median = 45): Body {
    const target = logNormalInt(this.rng, median, 0.8, 4, 1500);
    const paragraphs: string[] = [];
    let written = 0;
    while (written < target) {
      const sentences: string[] = [];
      const n = 1 + this.rng.int(4);
      for (let i = 0; i < n && written < target; i++) {
        const len = Math.min(target - written, 5 + this.rng.int(16));
        sentences.push(this.sentence(len, true, this.rng.chance(0.1) ? '?' : '.'));
        written += len;
      }
      paragraphs.push(sentences.join(' '));
    }
    this.documents++;
    return { markdown: paragraphs.join('\n\n'), html: paragraphs.map((p) => `<p>${p}</p>\n`).join('') };
  }

  /** A short comment (not counted). */
  comment(): string {
    return this.sentence(4 + this.rng.int(20), false, '.');
  }
}
