import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../core/markdown/index.ts';
import { pageFindings } from '../../../test/helpers/html-safety.ts';
import { decodeEntities, explanationOf, glossaryMarker, type MarkableTerm } from './mark-terms.ts';

const terms: MarkableTerm[] = [
  { id: 1, term: 'Retro', synonyms: ['retrospective'], href: '/c/x/glossary/1', explanation: 'A look back at a sprint.' },
  { id: 2, term: 'R&D', synonyms: [], href: '/c/x/glossary/2', explanation: 'Research <and> "development".' },
  { id: 3, term: 'amp', synonyms: [], href: '/c/x/glossary/3', explanation: 'An amplifier.' },
];
const html = (md: string) => renderMarkdown(md).html;
const marks = (out: string) => [...out.matchAll(/class="gloss__term" href="([^"]+)"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]]);

describe('glossaryMarker', () => {
  it('marks the first use of each term as a link described by a tooltip', () => {
    const out = glossaryMarker(terms)(html('Our retro went well. Another Retro next week.'));
    expect(marks(out)).toEqual([['/c/x/glossary/1', 'retro']]);
    const tip = /aria-describedby="([^"]+)"/.exec(out)![1]!;
    expect(out).toContain(`<span class="gloss__tip" role="tooltip" id="${tip}"><strong>Retro</strong>: A look back at a sprint.</span>`);
    expect(out).toContain('Another Retro next week.');
  });

  it('matches synonyms and keeps the text as written', () => {
    expect(marks(glossaryMarker(terms)(html('The Retrospective was long.')))).toEqual([['/c/x/glossary/1', 'Retrospective']]);
  });

  it('never marks inside links, code, code blocks or headings', () => {
    const md = '# Retro\n\n[our retro](https://example.com) and `retro` and\n\n```\nretro\n```\n\n<b>x</b>';
    expect(marks(glossaryMarker(terms)(html(md)))).toEqual([]);
  });

  it('marks again after a skipped element closes', () => {
    const out = glossaryMarker(terms)(html('`retro` then a retro'));
    expect(marks(out)).toEqual([['/c/x/glossary/1', 'retro']]);
    expect(out).toContain('<code>retro</code>');
  });

  it('matches terms written with entities and never inside an entity', () => {
    const out = glossaryMarker(terms)(html('R&D & more'));
    expect(marks(out)).toEqual([['/c/x/glossary/2', 'R&amp;D']]);
    expect(out).not.toContain('glossary/3');
  });

  it('escapes the explanation and keeps the result safe HTML', () => {
    const out = glossaryMarker(terms)(html('R&D <script>alert(1)</script>'));
    expect(out).toContain('Research &lt;and&gt; &quot;development&quot;.');
    expect(pageFindings(out)).toEqual([]);
  });

  it('gives every tooltip on the page its own id, and marks each body on its own', () => {
    const mark = glossaryMarker(terms);
    const a = mark(html('retro'));
    const b = mark(html('retro'));
    expect(marks(a)).toHaveLength(1);
    expect(marks(b)).toHaveLength(1);
    expect(/id="([^"]+)"/.exec(a)![1]).not.toBe(/id="([^"]+)"/.exec(b)![1]);
  });

  it('returns the HTML untouched when there are no terms or no matches', () => {
    const h = html('Nothing to see & **here**');
    expect(glossaryMarker([])(h)).toBe(h);
    expect(glossaryMarker(terms)(h)).toBe(h);
  });
});

describe('helpers', () => {
  it('decodes the entities our renderer writes', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&#39;&#x41;&unknown;')).toBe('&<>"\'A&unknown;');
  });
  it('turns a definition into a short plain explanation', () => {
    expect(explanationOf('<p>A <strong>look</strong> back &amp; forth.</p>')).toBe('A look back & forth.');
    expect(explanationOf(`<p>${'x'.repeat(300)}</p>`, 20)).toHaveLength(20);
  });
});
