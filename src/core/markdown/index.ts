import MarkdownIt from 'markdown-it';
import type { RenderRule } from 'markdown-it/lib/renderer.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import hljs from 'highlight.js/lib/common';
import { mentionsPlugin, type MentionEnv } from './mentions.ts';

/** What rendering a Markdown text produced: safe HTML and the usernames it mentions (lower-case, unique). */
export interface RenderedMarkdown {
  html: string;
  mentions: string[];
}

export interface RenderOptions {
  /**
   * Usernames that exist (lower-case). Mentions of these become links to their profiles; others stay
   * plain text. Leave out to link none (e.g. while only extracting mentions).
   */
  knownUsers?: ReadonlySet<string>;
}

const LANG = /^[a-z0-9_+#-]{1,30}$/i;

function highlight(code: string, lang: string): string {
  const name = LANG.test(lang) && hljs.getLanguage(lang) ? lang : '';
  const body = name ? hljs.highlight(code, { language: name, ignoreIllegals: true }).value : md.utils.escapeHtml(code);
  // tabindex: a code block that scrolls sideways must be reachable by keyboard.
  return `<pre class="code" tabindex="0"><code class="hljs${name ? ` language-${name.toLowerCase()}` : ''}">${body}</code></pre>`;
}

/** Links: http(s), mailto and same-site paths/fragments only. */
export function isSafeLink(url: string): boolean {
  const u = url.trim();
  if (/^(https?:|mailto:)/i.test(u)) return true;
  return /^(\/(?!\/)|#|\?)/.test(u) || (!/^[a-z][a-z0-9+.-]*:/i.test(u) && !u.startsWith('//') && !u.startsWith('\\'));
}

/** Images: same-site paths only (the CSP allows no other origin, and remote images would track readers). */
export function isLocalImage(url: string): boolean {
  return /^\/(?!\/|\\)/.test(url.trim());
}

const md: MarkdownIt = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false, highlight });
md.validateLink = isSafeLink;
md.use(mentionsPlugin);

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx] as Token;
  const href = token.attrGet('href') ?? '';
  if (/^(https?:)?\/\//i.test(href)) token.attrSet('rel', 'nofollow ugc noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// Remote images become links to them, labelled with their alt text.
md.renderer.rules.image = (tokens, idx, _options, _env, self) => {
  const token = tokens[idx] as Token;
  const src = token.attrGet('src') ?? '';
  const alt = self.renderInlineAsText(token.children ?? [], md.options, {});
  const title = token.attrGet('title');
  if (isLocalImage(src)) {
    return `<img src="${md.utils.escapeHtml(src)}" alt="${md.utils.escapeHtml(alt)}"${title ? ` title="${md.utils.escapeHtml(title)}"` : ''} loading="lazy">`;
  }
  return `<a href="${md.utils.escapeHtml(src)}" rel="nofollow ugc noopener noreferrer" class="remote-image">${md.utils.escapeHtml(alt || 'image')}</a>`;
};

// Tables scroll on their own on narrow screens, and can take focus to be scrolled by keyboard.
md.renderer.rules.table_open = () => '<div class="table-wrap" tabindex="0"><table class="table">\n';
md.renderer.rules.table_close = () => '</table></div>\n';

// Column alignment as a class: the CSP (style-src 'self') refuses style attributes.
const alignCell: RenderRule = (tokens, idx, options, _env, self) => {
  const token = tokens[idx] as Token;
  const align = /text-align:(left|center|right)/.exec(token.attrGet('style') ?? '')?.[1];
  token.attrs = align ? [['class', `align-${align}`]] : null;
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.th_open = alignCell;
md.renderer.rules.td_open = alignCell;

// A post sits under the page's own h1: its headings start at h2 so the page keeps one h1, in order.
const shiftHeading: RenderRule = (tokens, idx, options, _env, self) => {
  const token = tokens[idx] as Token;
  token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.heading_open = shiftHeading;
md.renderer.rules.heading_close = shiftHeading;

// Indented code looks like fenced code without a language.
md.renderer.rules.code_block = (tokens, idx) => `${highlight((tokens[idx] as Token).content, '')}\n`;

/**
 * Renders member-written Markdown to HTML that is safe to put in a page: raw HTML is escaped, links are
 * limited to http(s), mailto and same-site, remote images become links, code is highlighted on the
 * server. Never throws on any input.
 */
export function renderMarkdown(source: string, opts: RenderOptions = {}): RenderedMarkdown {
  const env: MentionEnv = { mentions: new Set(), knownUsers: opts.knownUsers ?? new Set() };
  const html = md.render(source, env);
  return { html, mentions: [...env.mentions] };
}

/** The usernames a text mentions (lower-case, unique), ignoring code spans, code blocks and links. */
export function extractMentions(source: string): string[] {
  const env: MentionEnv = { mentions: new Set(), knownUsers: new Set() };
  md.parse(source, env);
  return [...env.mentions];
}
