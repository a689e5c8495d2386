import { findGlossaryTerms, type MatchableTerm, type TermMatch } from './find-terms.ts';

/** A glossary term as the marker shows it: where it lives and a plain-text explanation. */
export interface MarkableTerm extends MatchableTerm {
  href: string;
  /** Plain text (not HTML): it is escaped when written. */
  explanation: string;
}

/** Elements whose text is never marked: links (a term inside a link would nest links), code, headings. */
const SKIP = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'kbd', 'samp']);
const VOID = new Set(['br', 'hr', 'img', 'input', 'wbr', 'col', 'area', 'source', 'track', 'embed']);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities markdown-it writes in text (named basics and numeric ones). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * A marker for one page: marks the first use of each glossary term in each body it is given, as a
 * link to the term's page described (aria-describedby) by a tooltip with the explanation, shown on
 * hover and on keyboard focus by CSS alone. Tooltip ids are unique across the page.
 */
export function glossaryMarker(terms: MarkableTerm[]): (html: string) => string {
  const byId = new Map(terms.map((t) => [t.id, t]));
  let seq = 0;
  return (html: string) => {
    if (terms.length === 0 || html === '') return html;
    const used = new Set<number>();
    const stack: string[] = [];
    let skipDepth = 0;
    let out = '';
    // The HTML is our own renderer's (markdown-it with raw HTML off, then sanitised): `<` only ever
    // starts a tag and attribute values never hold a raw `>`, so splitting on tags is exact.
    for (const part of html.split(/(<[^>]*>)/)) {
      if (part.startsWith('<')) {
        const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)/.exec(part);
        if (m) {
          const name = m[2]!.toLowerCase();
          if (m[1]) {
            const at = stack.lastIndexOf(name);
            if (at >= 0) {
              for (const closed of stack.splice(at)) if (SKIP.has(closed)) skipDepth--;
            }
          } else if (!VOID.has(name) && !part.endsWith('/>')) {
            stack.push(name);
            if (SKIP.has(name)) skipDepth++;
          }
        }
        out += part;
        continue;
      }
      if (skipDepth > 0 || part === '') {
        out += part;
        continue;
      }
      const text = decodeEntities(part);
      const matches: TermMatch[] = [];
      for (const mt of findGlossaryTerms(text, terms)) {
        if (used.has(mt.id)) continue;
        used.add(mt.id);
        matches.push(mt);
      }
      if (matches.length === 0) {
        out += part;
        continue;
      }
      let last = 0;
      for (const mt of matches) {
        const t = byId.get(mt.id)!;
        const tipId = `gloss-tip-${++seq}`;
        out += escapeHtml(text.slice(last, mt.start));
        out += `<span class="gloss"><a class="gloss__term" href="${escapeHtml(t.href)}" aria-describedby="${tipId}">${escapeHtml(text.slice(mt.start, mt.end))}</a>`;
        out += `<span class="gloss__tip" role="tooltip" id="${tipId}"><strong>${escapeHtml(t.term)}</strong>: ${escapeHtml(t.explanation)}</span></span>`;
        last = mt.end;
      }
      out += escapeHtml(text.slice(last));
    }
    return out;
  };
}

/** The plain text of a definition's HTML, shortened for a tooltip. */
export function explanationOf(definitionHtml: string, max = 240): string {
  const text = decodeEntities(definitionHtml.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
