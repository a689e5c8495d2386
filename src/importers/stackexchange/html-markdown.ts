import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';

/** The language a code block names: `<pre class="lang-py">` (the dump's prettify hint) or `<code class="language-python">`. */
function codeLanguage(pre: HTMLElement, code: HTMLElement | null): string {
  const classes = `${code?.getAttribute('class') ?? ''} ${pre.getAttribute('class') ?? ''}`;
  const m = /(?:^|\s)(?:language|lang)-([a-z0-9_+#-]{1,30})(?:\s|$)/i.exec(classes);
  return m?.[1] && m[1] !== 'none' ? m[1].toLowerCase() : '';
}

function createService(): TurndownService {
  const td = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*', hr: '---' });
  td.use(gfm);
  // Fenced blocks keep their language; the fence is longer than any backtick run inside the code.
  td.addRule('fencedCodeWithLanguage', {
    filter: (node) => node.nodeName === 'PRE',
    replacement: (_content, node) => {
      const pre = node as HTMLElement;
      const code = pre.querySelector('code');
      const text = (code ?? pre).textContent ?? '';
      const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
      const fence = '`'.repeat(longest + 1);
      return `\n\n${fence}${codeLanguage(pre, code)}\n${text.replace(/\n$/, '')}\n${fence}\n\n`;
    },
  });
  // Spoilers (>! in Stack Exchange Markdown) become plain quotes.
  td.addRule('spoiler', {
    filter: (node) => node.nodeName === 'BLOCKQUOTE' && (node as HTMLElement).classList.contains('spoiler'),
    replacement: (content) => `\n\n${content.trim().replace(/^/gm, '> ')}\n\n`,
  });
  td.remove(['script', 'style']);
  return td;
}

const service = createService();

// turndown's own escapes for text (turndown 7, escapeMarkdown): `^` is the start of a text node.
const ESCAPES: Array<[RegExp, string]> = [
  [/\\/g, '\\\\'],
  [/\*/g, '\\*'],
  [/^-/g, '\\-'],
  [/^\+ /g, '\\+ '],
  [/^(=+)/g, '\\$1'],
  [/^(#{1,6}) /g, '\\$1 '],
  [/`/g, '\\`'],
  [/^~~~/g, '\\~~~'],
  [/\[/g, '\\['],
  [/\]/g, '\\]'],
  [/^>/g, '\\>'],
  [/_/g, '\\_'],
  [/^(\d+)\. /g, '$1\\. '],
];
const ONLY_PARAGRAPHS = /^\s*(?:<p>[^<]*<\/p>\s*)+$/;
const ENTITY = /&(?:(lt|gt|amp|quot|apos|nbsp)|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The same Markdown turndown makes, for the commonest body: paragraphs of plain text and nothing
 * else. Building a DOM costs about half a millisecond a post; this costs microseconds. Returns null
 * for anything else (then turndown runs). `fast-path.test.ts` checks both agree on the real dumps.
 */
export function paragraphsToMarkdown(html: string): string | null {
  if (!ONLY_PARAGRAPHS.test(html)) return null;
  const withoutKnown = html.replace(ENTITY, '');
  if (withoutKnown.includes('&')) return null;
  const paragraphs: string[] = [];
  let odd = false;
  const decode = (_e: string, name: string | undefined, dec: string | undefined, hex: string | undefined): string => {
    if (name) return NAMED[name.toLowerCase()] ?? '';
    const cp = Number.parseInt(dec ?? hex ?? '0', dec ? 10 : 16);
    // NUL, surrogates and beyond Unicode are replaced by HTML parsers; leave those to turndown.
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x80 && cp <= 0x9f)) odd = true;
    return odd ? '' : String.fromCodePoint(cp);
  };
  for (const m of html.matchAll(/<p>([^<]*)<\/p>/g)) {
    const decoded = (m[1] ?? '').replace(ENTITY, decode);
    if (odd) return null;
    const text = decoded.replace(/[ \r\n\t]+/g, ' ').replace(/^ /, '').replace(/ $/, '');
    if (text !== '') paragraphs.push(ESCAPES.reduce((acc, [re, to]) => acc.replace(re, to), text));
  }
  return paragraphs.join('\n\n').replace(/[\t\r\n\s]+$/, '');
}

/**
 * Converts a dump's HTML body to the platform's Markdown (GitHub flavour: tables, strikethrough, fenced
 * code with its language where the dump names one). An empty result becomes "(empty)" so a body is never blank.
 */
export function htmlToMarkdown(html: string): string {
  const md = html.trim() === '' ? '' : (paragraphsToMarkdown(html) ?? service.turndown(html)).trim();
  return md === '' ? '(empty)' : md;
}
