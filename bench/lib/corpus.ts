import fs from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { STOP_WORDS, type TextModel } from './vocabulary.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of a Stack Exchange post body: code blocks dropped, tags removed, entities decoded. */
export function stripHtml(html: string): string {
  return html
    .replace(/<pre[\s\S]*?<\/pre>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower-case word tokens of plain text. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[a-z][a-z0-9]*(?:['-][a-z0-9]+)*/g) ?? [];
}

/** Calls `onRow` with the attributes of every <row> of one dump file, streaming. */
export async function readRows(file: string, onRow: (attrs: Record<string, string>) => void): Promise<void> {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on('opentag', (tag) => {
    if (tag.name === 'row') onRow(tag.attributes as Record<string, string>);
  });
  parser.on('error', (err) => {
    failure ??= err;
  });
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8' })) {
    parser.write((chunk as string).replace(/^\uFEFF/, ''));
    if (failure) throw failure;
  }
  parser.close();
  if (failure) throw failure;
}

/**
 * A text model from a real Stack Exchange dump's Posts.xml: its words weighted by how often they
 * occur, and its most frequent two-word collocations (neither word a stop word) as phrases.
 */
export async function corpusModel(dumpDir: string): Promise<TextModel> {
  const wordCounts = new Map<string, number>();
  const bigramCounts = new Map<string, number>();
  let posts = 0;
  await readRows(path.join(dumpDir, 'Posts.xml'), (row) => {
    posts++;
    const tokens = tokenize(`${row.Title ?? ''} ${stripHtml(row.Body ?? '')}`);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      wordCounts.set(t, (wordCounts.get(t) ?? 0) + 1);
      const next = tokens[i + 1];
      if (next && !STOP_WORDS.has(t) && !STOP_WORDS.has(next) && t.length > 2 && next.length > 2) {
        const bigram = `${t} ${next}`;
        bigramCounts.set(bigram, (bigramCounts.get(bigram) ?? 0) + 1);
      }
    }
  });
  if (posts === 0) throw new Error(`${dumpDir}/Posts.xml has no <row> elements`);
  const words = [...wordCounts.entries()].sort((a, b) => b[1] - a[1]);
  const phrases = [...bigramCounts.entries()].filter(([, n]) => n >= 3).sort((a, b) => b[1] - a[1]).slice(0, 5000);
  return {
    words: words.map(([w]) => w),
    weights: Float64Array.from(words, ([, n]) => n),
    phrases: phrases.map(([p]) => p),
    phraseWeights: Float64Array.from(phrases, ([, n]) => n),
    phraseRate: 0.02,
    origin: `words and collocations of ${path.basename(dumpDir)} (${posts} posts, ${words.length} distinct words)`,
  };
}
