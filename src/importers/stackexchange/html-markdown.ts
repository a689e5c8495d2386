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

/**
 * Converts a dump's HTML body to the platform's Markdown (GitHub flavour: tables, strikethrough, fenced
 * code with its language where the dump names one). An empty result becomes "(empty)" so a body is never blank.
 */
export function htmlToMarkdown(html: string): string {
  const md = html.trim() === '' ? '' : service.turndown(html).trim();
  return md === '' ? '(empty)' : md;
}
