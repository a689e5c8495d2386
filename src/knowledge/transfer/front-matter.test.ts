import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isIssue, readFrontMatter, writeFrontMatter, type ParsedFile } from './front-matter.ts';
import { knowledgeFiles, slugOf, type ArticleRecord } from './transfer.format.ts';

const awkward = ['yes', 'no', 'off', 'y', '~', 'null', '0o17', '1e3', '0x1F', '.inf', '2026-11-26', ': x', '#tag', '- dash', '[a, b]', '{a: b}', '"quoted"', "'single'", 'a: b # c', ' lead', 'trail ', '---', '...', '%YAML', '@at', '`tick`', '|', '>', '*alias', '&anchor', '!tag', 'Ünïcödé 日本語 🎉', 'line\u2028sep', 'tab\there', 'x'.repeat(500)];
const bodies = ['plain', '---\ntitle: fake\n---\n', 'trailing   \n\n\n', 'crlf\r\nlines\r\n', 'no newline', '\n\nleading blank', '---', 'ends with ---\n---', '\r\n', 'a\rb'];

function read(text: string): ParsedFile {
  const r = readFrontMatter('f.md', text);
  if (isIssue(r)) throw new Error(r.message);
  return r;
}

describe('front matter', () => {
  it('reads back every awkward value and body exactly as written', () => {
    for (const value of awkward) {
      for (const body of bodies) {
        const data = { title: value, tags: [value, 'b'], wiki: false };
        const r = read(writeFrontMatter(data, body));
        expect({ data: r.data, body: r.body }).toEqual({ data, body });
      }
    }
  });

  it('quotes text a YAML 1.1 reader would take for a boolean or a date, so it means the same there', () => {
    const text = writeFrontMatter({ a: 'yes', b: 'off', c: '2026-11-26T10:00:00.000Z', d: 'plain' }, 'x');
    expect(text).toBe('---\na: "yes"\nb: "off"\nc: "2026-11-26T10:00:00.000Z"\nd: plain\n---\nx\n');
    expect(parse(text.split('---\n')[1] ?? '', { version: '1.1' })).toEqual({ a: 'yes', b: 'off', c: '2026-11-26T10:00:00.000Z', d: 'plain' });
  });

  it('never folds a long value onto several lines', () => {
    expect(writeFrontMatter({ title: 'word '.repeat(60).trim() }, 'x').split('\n')[1]).toBe(`title: ${'word '.repeat(60).trim()}`);
  });

  it('accepts a hand-written file with CRLF line ends throughout', () => {
    const r = read('---\r\ntitle: Windows\r\ntype: how-to\r\n---\r\nBody\r\nmore\r\n');
    expect(r.data).toEqual({ title: 'Windows', type: 'how-to' });
    expect(r.body).toBe('Body\r\nmore');
  });

  it('names the line of each key', () => {
    expect(read('---\ntitle: a\n\ntype: b\n---\nx').lineOf).toEqual({ title: 2, type: 4 });
  });

  it.each([
    ['no opening line', 'title: a\n---\nbody', 1, /must start with a front matter block/],
    ['an unclosed block', '---\ntitle: a\nbody', 1, /not closed/],
    ['malformed YAML', '---\ntitle: a\ntype: how-to: story\n---\nbody', 3, /malformed front matter/],
    ['a duplicated key', '---\ntitle: a\ntitle: b\n---\nbody', 3, /malformed front matter/],
    ['a list instead of keys', '---\n- a\n---\nbody', 2, /key: value/],
  ])('refuses %s with the line', (_name, text, line, message) => {
    const r = readFrontMatter('articles/x.md', text);
    expect(isIssue(r) && { file: r.file, line: r.line }).toEqual({ file: 'articles/x.md', line });
    expect(isIssue(r) && r.message).toMatch(message);
  });
});

describe('file names', () => {
  it('slugs titles to a-z0-9 and -, dropping accents, with a fallback for other scripts', () => {
    expect(slugOf('Ünïcödé — café!', 'article')).toBe('unicode-cafe');
    expect(slugOf('日本語', 'article')).toBe('article');
    expect(slugOf('x'.repeat(40) + ' ' + 'y'.repeat(40), 'article')).toBe('x'.repeat(40) + '-' + 'y'.repeat(19));
  });

  it('numbers clashing names -2, -3 in an order that depends only on the content', () => {
    const rec = (title: string, created: string): ArticleRecord => ({ title, type: 'how-to', state: 'draft', tags: [], wiki: false, author: 'a', owners: ['a'], created, updated: created, body: 'b' });
    const items = [rec('Tag', '2026-01-02T00:00:00.000Z'), rec('#tag', '2026-01-03T00:00:00.000Z'), rec('tag!', '2026-01-01T00:00:00.000Z')];
    const names = (xs: ArticleRecord[]) => [...knowledgeFiles(xs, []).entries()].filter(([k]) => k !== 'README.md').map(([k, v]) => `${k} ${/title: (.*)/.exec(v)?.[1] ?? ''}`);
    expect(names(items)).toEqual(['articles/tag-2.md Tag', 'articles/tag-3.md tag!', 'articles/tag.md "#tag"']);
    expect(names([...items].reverse())).toEqual(names(items));
  });
});
