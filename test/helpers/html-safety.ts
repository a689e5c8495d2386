import { parse, type DefaultTreeAdapterTypes } from 'parse5';

/*
 * Safety checks on HTML we send, done on the tree a real HTML parser (parse5, the WHATWG algorithm
 * browsers use) builds, so entity tricks, odd quoting and broken tags are judged as a browser would.
 * Each returns a list of findings (empty = safe) so a failing corpus run names every offender.
 */

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;
type Document = DefaultTreeAdapterTypes.Document;

/** A page parsed once, for several checks. */
export function parsePage(html: string): Document {
  return parse(html);
}

const asDoc = (page: string | Document): Document => (typeof page === 'string' ? parse(page) : page);

/** Tags that must never come from member input. */
export const FORBIDDEN_TAGS = [
  'script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'form', 'input', 'button', 'textarea', 'select',
  'meta', 'base', 'link', 'frame', 'frameset', 'applet', 'template', 'noscript', 'video', 'audio', 'xmp', 'plaintext',
];

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'srcset', 'poster', 'data', 'xlink:href', 'background', 'lowsrc', 'dynsrc', 'cite', 'ping', 'codebase']);

/** What the Markdown renderer may emit: tag → allowed attributes. */
const MARKDOWN_ALLOWED: Record<string, string[]> = {
  p: [], em: [], strong: [], s: [], br: [], hr: [], blockquote: [], ul: [], li: [], ol: ['start'],
  h2: [], h3: [], h4: [], h5: [], h6: [], code: ['class'], pre: ['class', 'tabindex'], span: ['class'], div: ['class', 'tabindex'],
  table: ['class'], thead: [], tbody: [], tr: [], th: ['class'], td: ['class'],
  a: ['href', 'rel', 'class', 'title'], img: ['src', 'alt', 'title', 'loading'],
};

function isElement(n: Node): n is Element {
  return 'tagName' in n;
}

function* walk(n: Node): Generator<Element> {
  if (isElement(n)) yield n;
  if ('content' in n && n.content) yield* walk(n.content as Node);
  if ('childNodes' in n) for (const c of n.childNodes) yield* walk(c);
}

/** The scheme a browser would see: control characters and spaces stripped, lower-cased. */
function scheme(url: string): string {
  // eslint-disable-next-line no-control-regex -- browsers drop C0 controls and spaces before parsing a scheme.
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1] ?? '';
}

/** javascript:, vbscript: and data: URLs (data: images in src excepted), wherever a URL goes. */
function dangerousUrl(name: string, value: string): boolean {
  const values = name === 'srcset' ? value.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '') : [value];
  return values.some((v) => {
    const s = scheme(v);
    if (s === 'javascript' || s === 'vbscript' || s === 'livescript') return true;
    return s === 'data' && !(name === 'src' && /^\s*data:image\/(png|gif|jpeg|webp)[;,]/i.test(v));
  });
}

function describe(el: Element): string {
  const attrs = el.attrs.map((a) => `${a.name}="${a.value.slice(0, 60)}"`).join(' ');
  return `<${el.tagName}${attrs ? ` ${attrs}` : ''}>`;
}

/** Event handlers, style attributes and dangerous URLs on one element. */
function attributeFindings(el: Element): string[] {
  const out: string[] = [];
  for (const a of el.attrs) {
    if (/^on/i.test(a.name)) out.push(`event handler ${a.name} on ${describe(el)}`);
    if (a.name === 'style') out.push(`style attribute on ${describe(el)}`);
    if (URL_ATTRS.has(a.name) && dangerousUrl(a.name, a.value)) out.push(`dangerous URL in ${a.name} of ${describe(el)}`);
  }
  return out;
}

/**
 * Checks renderMarkdown output: it must parse back as the content of one container (no tag breaks
 * out of it), use only the renderer's tags and attributes, no forbidden tag, event handler or
 * dangerous URL; links only to http(s), mailto or same-site addresses, images only same-site.
 */
export function markdownFindings(html: string): string[] {
  const out: string[] = [];
  const raw = new RegExp(`<(${FORBIDDEN_TAGS.join('|')})\\b`, 'i').exec(html);
  if (raw) out.push(`raw <${raw[1]} in the output`);
  const doc = parse(`<!doctype html><html><head></head><body><div id="md-root">${html}</div></body></html>`);
  const body = [...walk(doc)].find((e) => e.tagName === 'body');
  const roots = body?.childNodes.filter((c) => isElement(c) || ('value' in c && c.value.trim() !== '')) ?? [];
  if (roots.length !== 1) out.push(`output does not stay inside its container (${roots.length} top-level nodes)`);
  const root = roots[0];
  if (!root) return out;
  for (const el of walk(root)) {
    if (el === root) continue;
    if (FORBIDDEN_TAGS.includes(el.tagName)) out.push(`forbidden tag ${describe(el)}`);
    const allowed = MARKDOWN_ALLOWED[el.tagName];
    if (!allowed) out.push(`unexpected tag ${describe(el)}`);
    for (const a of el.attrs) if (allowed && !allowed.includes(a.name)) out.push(`unexpected attribute ${a.name} on ${describe(el)}`);
    out.push(...attributeFindings(el));
    const href = el.tagName === 'a' ? el.attrs.find((a) => a.name === 'href')?.value : undefined;
    if (href !== undefined && !['', 'http', 'https', 'mailto'].includes(scheme(href))) out.push(`link to a disallowed scheme ${describe(el)}`);
    if (href !== undefined && /^\s*(\/\/|\\)/.test(href)) out.push(`protocol-relative link ${describe(el)}`);
    const src = el.tagName === 'img' ? el.attrs.find((a) => a.name === 'src')?.value : undefined;
    if (src !== undefined && !/^\/(?![/\\])/.test(src)) out.push(`image not from this site ${describe(el)}`);
  }
  return out;
}

/**
 * Checks a whole page: no event handler, style attribute or dangerous URL anywhere; scripts only the
 * app's own `<script type="module" src="/static/…">` with no inline code; meta and link only the
 * app's own in <head>; none of the other forbidden tags except form controls, which the caller
 * compares with a page showing harmless content (countTags).
 */
export function pageFindings(page: string | Document): string[] {
  const out: string[] = [];
  const formTags = new Set(['form', 'input', 'button', 'textarea', 'select']);
  for (const el of walk(asDoc(page))) {
    out.push(...attributeFindings(el));
    const attr = (n: string) => el.attrs.find((a) => a.name === n)?.value;
    const inHead = el.parentNode && isElement(el.parentNode as Node) && (el.parentNode as Element).tagName === 'head';
    if (el.tagName === 'script') {
      const own = attr('type') === 'module' && /^\/static\/[\w.-]+\.js(\?v=[0-9a-f]{12})?$/.test(attr('src') ?? '') && el.childNodes.length === 0;
      if (!own) out.push(`script that is not one of the app's modules: ${describe(el)}`);
    } else if (el.tagName === 'meta') {
      if (!inHead || attr('http-equiv') !== undefined) out.push(`meta outside the app's head: ${describe(el)}`);
    } else if (el.tagName === 'link') {
      if (!inHead || !/^\/static\//.test(attr('href') ?? '')) out.push(`link outside the app's head: ${describe(el)}`);
    } else if (FORBIDDEN_TAGS.includes(el.tagName) && !formTags.has(el.tagName)) {
      out.push(`forbidden tag ${describe(el)}`);
    }
  }
  return out;
}

/** How many elements of each given tag a page has (to compare form controls with a harmless page). */
export function countTags(page: string | Document, tags: readonly string[]): Record<string, number> {
  const counts = Object.fromEntries(tags.map((t) => [t, 0])) as Record<string, number>;
  for (const el of walk(asDoc(page))) if (el.tagName in counts) counts[el.tagName] = (counts[el.tagName] ?? 0) + 1;
  return counts;
}

/** The text of the first element with this tag (e.g. the page's h1), whitespace as parsed. */
export function textOf(page: string | Document, tag: string): string | undefined {
  const el = [...walk(asDoc(page))].find((e) => e.tagName === tag);
  if (!el) return undefined;
  const parts: string[] = [];
  const collect = (n: Node): void => {
    if ('value' in n && n.nodeName === '#text') parts.push(n.value);
    if ('childNodes' in n) for (const c of n.childNodes) collect(c);
  };
  collect(el);
  return parts.join('');
}

/** A parsed element as tests read it: tag, attributes and text content. */
export interface ElementView {
  tag: string;
  attr(name: string): string | undefined;
  text: string;
}

/** Every element of a page, in document order, as plain views (for assertions on structure). */
export function elementsOf(page: string | Document): ElementView[] {
  const textIn = (n: Node): string => ('value' in n && n.nodeName === '#text' ? n.value : 'childNodes' in n ? n.childNodes.map(textIn).join('') : '');
  return [...walk(asDoc(page))].map((el) => ({ tag: el.tagName, attr: (name: string) => el.attrs.find((a) => a.name === name)?.value, text: textIn(el) }));
}
