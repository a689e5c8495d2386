import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Hostile input written by others (../shared/data/bad-input, next to the repository): XSS payload
 * lists, the Big List of Naughty Strings and the CommonMark spec examples. Suites that use it skip
 * themselves, and print why, when the folder is not there.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** ../shared/data/bad-input relative to the repository root. */
export const BAD_INPUT_DIR = path.resolve(repoRoot, '../shared/data/bad-input');

/** True when the corpus is not on this machine. */
export const badInputMissing = !fs.existsSync(path.join(BAD_INPUT_DIR, 'xss')) || !fs.existsSync(path.join(BAD_INPUT_DIR, 'blns'));

/** Why the corpus suites were skipped. */
export const BAD_INPUT_SKIP_REASON = `${BAD_INPUT_DIR} is missing: bad-input corpus tests SKIPPED (they need the shared data folder beside the repository)`;

/** One hostile string and where it came from (file:line or file#number), for failure messages. */
export interface Payload {
  source: string;
  text: string;
}

function lines(file: string, label: string): Payload[] {
  // Split on \n only: some entries contain U+2028, U+0085 or \r on purpose.
  const all = fs.readFileSync(file, 'utf8').split('\n');
  if (all.at(-1) === '') all.pop();
  return all.map((text, i) => ({ source: `${label}:${i + 1}`, text }));
}

/** Every line of xss/patt-intruders/*.txt and every payload of owasp-xss-filter-evasion.jsonl. */
export function xssPayloads(): Payload[] {
  const dir = path.join(BAD_INPUT_DIR, 'xss/patt-intruders');
  const out: Payload[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) out.push(...lines(path.join(dir, name), name));
  const owasp = path.join(BAD_INPUT_DIR, 'xss/owasp-xss-filter-evasion.jsonl');
  for (const p of lines(owasp, 'owasp-xss-filter-evasion.jsonl')) {
    if (p.text.trim() === '') continue;
    out.push({ source: p.source, text: (JSON.parse(p.text) as { payload: string }).payload });
  }
  return out;
}

/** Every line of blns/blns.txt (comments and blank lines included: they are input too). */
export function blnsPayloads(): Payload[] {
  return lines(path.join(BAD_INPUT_DIR, 'blns/blns.txt'), 'blns.txt');
}

/** The CommonMark 0.31.2 spec examples' Markdown, or [] when that file is missing. */
export function commonmarkExamples(): Payload[] {
  const file = path.join(BAD_INPUT_DIR, 'markdown/commonmark-spec-0.31.2.tests.json');
  if (!fs.existsSync(file)) return [];
  const examples = JSON.parse(fs.readFileSync(file, 'utf8')) as { markdown: string; number: number; section: string }[];
  return examples.map((e) => ({ source: `commonmark #${e.number} (${e.section})`, text: e.markdown }));
}
