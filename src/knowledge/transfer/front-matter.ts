import { Document, isMap, isScalar, LineCounter, parseDocument, Scalar, stringify, visit } from 'yaml';

/** A problem with one file of a knowledge folder: its path, the line when known, and what is wrong. */
export interface FileIssue {
  file: string;
  line?: number | undefined;
  message: string;
}

/** Where a problem is, as `file` or `file:line` (the `field` of a 400's details). */
export function placeOf(issue: FileIssue): string {
  return issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
}

const WRITE = { lineWidth: 0, minContentWidth: 0 } as const;

/** Would a YAML 1.1 reader (many static site tools) take this plain text for something else (yes, no, a date)? */
function ambiguousIn11(s: string): boolean {
  return stringify(s, { ...WRITE, version: '1.1' }) !== stringify(s, WRITE);
}

/**
 * One Markdown file with YAML front matter: `---`, the YAML, `---`, then the body and one final
 * newline. Keys come out in the order of `data`; long strings are never folded, and text that YAML
 * 1.1 would read as a boolean or date is quoted, so the bytes depend only on the values and read
 * back the same in YAML 1.1 and 1.2.
 */
export function writeFrontMatter(data: Record<string, unknown>, body: string): string {
  const doc = new Document(data);
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string' && ambiguousIn11(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return `---\n${doc.toString(WRITE)}---\n${body}\n`;
}

/** The parsed front matter: the values, the line of each key (1-based, in the whole file) and the body. */
export interface ParsedFile {
  data: Record<string, unknown>;
  lineOf: Record<string, number>;
  body: string;
}

const OPEN = /^---(\r?\n)/;

/**
 * Reads a file written by writeFrontMatter (or by hand): the first line must be `---`, the YAML ends
 * at the next line that is exactly `---`, and the body is the rest without the one final newline.
 * Lines may end in CRLF. Returns a FileIssue (with the line where known) instead of throwing.
 */
export function readFrontMatter(file: string, text: string): ParsedFile | FileIssue {
  const open = OPEN.exec(text);
  if (!open) return { file, line: 1, message: 'must start with a front matter block: a first line of exactly ---' };
  const eol = open[1] ?? '\n';
  const lines = text.slice(open[0].length).split('\n');
  let offset = open[0].length;
  let closeAt = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '---' || line === '---\r') {
      closeAt = i;
      break;
    }
    offset += line.length + 1;
  }
  if (closeAt < 0) return { file, line: 1, message: 'the front matter is not closed: add a line of exactly --- after it' };
  const yamlText = text.slice(open[0].length, offset);
  let body = text.slice(offset + (lines[closeAt] ?? '').length + 1);
  if (body.endsWith(eol)) body = body.slice(0, -eol.length);

  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = (first.linePos?.[0].line ?? 0) + 1;
    return { file, line, message: `malformed front matter: ${first.message.split('\n')[0] ?? first.code}` };
  }
  if (!isMap(doc.contents)) return { file, line: 2, message: 'the front matter must be a set of key: value lines' };
  const lineOf: Record<string, number> = {};
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && typeof pair.key.value === 'string' && pair.key.range) lineOf[pair.key.value] = lineCounter.linePos(pair.key.range[0]).line + 1;
  }
  const data = doc.toJS({ maxAliasCount: 10 }) as Record<string, unknown>;
  return { data, lineOf, body };
}

/** True when `x` is a FileIssue rather than a parsed file. */
export function isIssue(x: ParsedFile | FileIssue): x is FileIssue {
  return 'message' in x;
}
