import { describe, expect, it } from 'vitest';
import { findGlossaryTerms } from './find-terms.ts';

const terms = [
  { id: 1, term: 'pull request', synonyms: ['PR'] },
  { id: 2, term: 'pull request review', synonyms: [] },
  { id: 3, term: 'C++', synonyms: ['cpp'] },
  { id: 4, term: 'café', synonyms: [] },
];
const words = (text: string) => findGlossaryTerms(text, terms).map((m) => [m.id, text.slice(m.start, m.end)]);

describe('findGlossaryTerms', () => {
  it('finds a term case-insensitively and reports its offsets', () => {
    expect(findGlossaryTerms('Open a Pull Request.', terms)).toEqual([{ id: 1, start: 7, end: 19 }]);
  });

  it('finds synonyms under the id of their term', () => {
    expect(words('Every pr needs a reviewer')).toEqual([[1, 'pr']]);
  });

  it('prefers the longest match at a position', () => {
    expect(words('a pull request review today, then a pull request')).toEqual([[2, 'pull request review'], [1, 'pull request']]);
  });

  it('never matches inside a word', () => {
    expect(words('PRs, April, sprint, cppfoo, cafés')).toEqual([]);
  });

  it('matches terms with punctuation and non-ASCII letters as whole words', () => {
    expect(words('We write C++ at the café.')).toEqual([[3, 'C++'], [4, 'café']]);
  });

  it('returns nothing for an empty text or an empty glossary', () => {
    expect(findGlossaryTerms('', terms)).toEqual([]);
    expect(findGlossaryTerms('pull request', [])).toEqual([]);
  });

  it('treats regular-expression characters in terms literally', () => {
    expect(words('a.b and axb')).toEqual([]);
    expect(findGlossaryTerms('see a.b here', [{ id: 9, term: 'a.b', synonyms: [] }])).toEqual([{ id: 9, start: 4, end: 7 }]);
  });
});
