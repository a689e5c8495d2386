import { describe, expect, it } from 'vitest';
import { plainSnippet, significantWords, snippetToHtml, toFts5Query } from './search.text.ts';

describe('toFts5Query', () => {
  it('quotes every word, so FTS5 syntax is plain text', () => {
    expect(toFts5Query('lathe spindle')).toBe('("lathe" AND "spindle")');
    expect(toFts5Query('title:x NEAR(a b) ^c d* "e')).toBe('("title:x" AND "NEAR(a" AND "b)" AND "^c" AND "d*" AND "e")');
    expect(toFts5Query('a"b')).toBe('"a""b"');
    expect(toFts5Query('AND NOT')).toBe('("AND" AND "NOT")');
  });
  it('keeps phrases, OR between words and -exclusions', () => {
    expect(toFts5Query('"spindle runout" lathe')).toBe('("spindle runout" AND "lathe")');
    expect(toFts5Query('oak OR ash')).toBe('("oak" OR "ash")');
    expect(toFts5Query('oak -ash')).toBe('"oak" NOT "ash"');
    expect(toFts5Query('OR oak OR')).toBe('"oak"');
  });
  it('gives null when nothing is searchable', () => {
    for (const q of ['', '   ', '*', '"', '-', '()', '-oak', 'OR', '""']) expect(toFts5Query(q), q).toBeNull();
  });
});

describe('snippetToHtml', () => {
  it('escapes everything and marks hits only with balanced <mark>', () => {
    expect(snippetToHtml('a \u0001<b>hit</b>\u0002 & "c"')).toBe('a <mark>&lt;b&gt;hit&lt;/b&gt;</mark> &amp; &quot;c&quot;');
    expect(snippetToHtml('\u0002x\u0001\u0001y')).toBe('x<mark>y</mark>');
    expect(snippetToHtml('<script>alert(1)</script>\u0000')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('significantWords', () => {
  it('drops stopwords, one-letter words and repeats', () => {
    expect(significantWords('How do I set the lathe, the LATHE spindle? A')).toEqual(['set', 'lathe', 'spindle']);
  });
});

describe('plainSnippet', () => {
  it('drops Markdown emphasis, code ticks, heading and quote marks, and folds whitespace', () => {
    expect(plainSnippet('1. **\u0001Focus\u0002** moves `into`\n## Heading\n> quoted __x__')).toBe('1. \u0001Focus\u0002 moves into Heading quoted x');
  });
});
