import path from 'node:path';

/**
 * The site a dump folder comes from: the folder name without a trailing "-YYYY" (a snapshot date we
 * use in folder names) and, unless it already has a dot, with ".stackexchange.com" added:
 * `cardano-2021` → cardano.stackexchange.com, `stackoverflow.com` → stackoverflow.com.
 */
export function siteFromFolder(dir: string): string {
  const name = path.basename(path.resolve(dir)).toLowerCase().replace(/-\d{4}(-\d\d)?(-\d\d)?$/, '');
  return name.includes('.') ? name : `${name}.stackexchange.com`;
}

/** True when `site` looks like a host name (what --site accepts). */
export function isSiteName(site: string): boolean {
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(site);
}

/** The original page of an imported item (Stack Exchange's short links for posts and users). */
export const originalUrl = {
  question: (site: string, id: number) => `https://${site}/q/${id}`,
  answer: (site: string, id: number) => `https://${site}/a/${id}`,
  comment: (site: string, id: number) => `https://${site}/posts/comments/${id}`,
  user: (site: string, id: number) => `https://${site}/users/${id}`,
};

/**
 * A dump's tags (`<a><b>` or `|a|b|`) as platform tags: lower-case a-z, 0-9 and -, at most 30
 * characters (c# → csharp, c++ → cplusplus, node.js → node-js); tags left empty are dropped.
 */
export function parseTags(raw: string | undefined): string[] {
  if (!raw) return [];
  const names = raw.startsWith('|') ? raw.split('|') : [...raw.matchAll(/<([^>]*)>/g)].map((m) => m[1] ?? '');
  return [...new Set(names.map(normaliseTag).filter((t) => t !== ''))];
}

export function normaliseTag(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/#/g, 'sharp')
    .replace(/\+/g, 'plus')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 30)
    .replace(/-+$/, '');
}

/**
 * A username for a placeholder account: the display name in username characters, then the original
 * id (`jane-doe-17`; `-1`, the site's Community bot, gives `community-m1`); with `salt` (another
 * site's key, when the first choice is taken) between them. Always 3–30 characters.
 */
export function placeholderUsername(displayName: string, id: number, salt = ''): string {
  const tail = `${salt ? `${salt}-` : ''}${id < 0 ? `m${-id}` : id}`;
  const base = displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 29 - tail.length)
    .replace(/-+$/, '');
  return `${base || 'user'}-${tail}`;
}

/** A short key of a site for usernames and emails: "cardano" for cardano.stackexchange.com. */
export function siteKey(site: string): string {
  return (site.split('.')[0] ?? site).replace(/[^a-z0-9]/g, '').slice(0, 12) || 'site';
}
