import { describe, expect, it } from 'vitest';
import { internalLinks } from './links.parse.ts';

describe('internalLinks', () => {
  const origin = 'https://guild.example';
  it('finds relative and same-origin links to topics and articles, once each, in order', () => {
    const html = '<a href="/c/potters/a/12">x</a> <a href="https://guild.example/c/potters/t/7/kiln?x=1&amp;y=2#post-3">y</a> <a href="/c/potters/a/12#top">again</a> <a href="/C/Potters/T/9">case</a>';
    expect(internalLinks(html, origin)).toEqual([
      { kind: 'article', id: 12, slug: 'potters' },
      { kind: 'topic', id: 7, slug: 'potters' },
      { kind: 'topic', id: 9, slug: 'potters' },
    ]);
  });

  it('ignores other origins, other paths and malformed ids', () => {
    const html = [
      '<a href="https://evil.example/c/potters/a/1">',
      '<a href="https://guild.example.evil/c/potters/a/2">',
      '<a href="/c/potters/articles">',
      '<a href="/c/potters/a/0">',
      '<a href="/c/potters/a/12abc">',
      '<a href="/c/potters/t/new">',
      '<a href="//guild.example/c/potters/a/3">',
    ].join(' ');
    expect(internalLinks(html, origin)).toEqual([]);
  });
});
