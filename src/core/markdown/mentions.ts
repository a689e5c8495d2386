import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';

/** Render-time state: mentions found, and which usernames exist (those become profile links). */
export interface MentionEnv {
  mentions: Set<string>;
  knownUsers: ReadonlySet<string>;
}

// @name, 3–30 of a-z 0-9 _ -, not inside a word or an e-mail address.
const MENTION = /(^|[^\w@./-])@([a-z0-9_-]{3,30})(?![\w-])/gi;

function splitText(state: StateCore, text: string, env: MentionEnv): Token[] | null {
  MENTION.lastIndex = 0;
  const out: Token[] = [];
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = MENTION.exec(text)) !== null) {
    const start = m.index + (m[1] ?? '').length;
    const name = (m[2] ?? '').toLowerCase();
    env.mentions.add(name);
    if (!env.knownUsers.has(name)) continue;
    if (start > last) out.push(Object.assign(new state.Token('text', '', 0), { content: text.slice(last, start) }));
    const open = new state.Token('link_open', 'a', 1);
    open.attrs = [['href', `/u/${name}`], ['class', 'mention']];
    out.push(open, Object.assign(new state.Token('text', '', 0), { content: `@${m[2]}` }), new state.Token('link_close', 'a', -1));
    last = start + 1 + (m[2] ?? '').length;
  }
  if (out.length === 0) return null;
  if (last < text.length) out.push(Object.assign(new state.Token('text', '', 0), { content: text.slice(last) }));
  return out;
}

/** A core rule that finds @mentions in text (not in code or links) and links the known ones. */
export function mentionsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('mentions', (state) => {
    const env = state.env as MentionEnv | undefined;
    if (!env?.mentions) return;
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const children: Token[] = [];
      let inLink = 0;
      for (const t of block.children) {
        if (t.type === 'link_open') inLink += 1;
        if (t.type === 'link_close') inLink -= 1;
        const replaced = t.type === 'text' && inLink === 0 ? splitText(state, t.content, env) : null;
        if (replaced) children.push(...replaced);
        else children.push(t);
      }
      block.children = children;
    }
  });
}
