import path from 'node:path';

/** Validated runtime configuration, read once from the environment at start. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** `sqlite:<file>` or `postgres://…` */
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  /** SQLite commit durability in WAL mode (see src/core/db/index.ts). */
  sqliteSynchronous: 'normal' | 'full';
  /** WAL checkpoints in a worker thread rather than inside commits on the event loop (src/core/db/checkpointer.ts). */
  sqliteBackgroundCheckpoints: boolean;
  /** On PostgreSQL, run parameterised queries as named prepared statements (src/core/db/pg-prepared.ts). */
  pgPreparedStatements: boolean;
  /** SQLite page cache in MiB for the server (CLI commands, which import in bulk, use at least 64). */
  sqliteCacheMb: number;
  baseUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  demo: boolean;
  adminEmails: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  trustProxy: boolean;
  sessionTtlDays: number;
  production: boolean;
  limits: { titleMax: number; bodyMax: number; bioMax: number; tagsMax: number };
  /** Attachments: the largest file in bytes and the file types accepted (keys of src/knowledge/attachments/file-types.ts). */
  uploads: { maxBytes: number; types: string[] };
  /** Attempts per client address per 10 minutes on each sign-in, sign-up and password-reset route; 0 = no limit. */
  authRateLimit: number;
  /** How long a topic's related ranking (kept in memory and in `related_rankings`) counts as fresh; older ones are served while ranked again. 0 = rank on every view. */
  relatedCacheSeconds: number;
  /** A topic page whose topic has no related ranking yet is shown without it, and ranked right after (next view shows it). */
  relatedDefer: boolean;
  /** On SQLite, rank related content in a worker thread (its own read-only connection) instead of on the event loop. */
  relatedWorker: boolean;
  /** How long a page or API read shown to anonymous visitors is reused for other anonymous visitors (per node); 0 = never. */
  anonymousCacheSeconds: number;
  /** Health dashboards bring their rollups up to date when the last refresh is older than this; 0 = on every view. */
  analyticsStaleSeconds: number;
}

/** Thrown when an environment variable has a value we cannot use; the message is one line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function int(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) {
    throw new ConfigError(`${key} must be a whole number between ${min} and ${max}, got "${raw}"`);
  }
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${key} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${key} must be 1/0, true/false, yes/no or on/off, got "${env[key]}"`);
}

function oneOf<T extends string>(env: Env, key: string, allowed: readonly T[], fallback: T): T {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${key} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/** The upload types an operator may allow (SVG is never accepted: it can carry script). */
export const uploadTypeKeys = ['png', 'jpeg', 'gif', 'webp', 'pdf', 'txt', 'md', 'csv', 'zip'] as const;

function list(env: Env, key: string, allowed: readonly string[], fallback: readonly string[]): string[] {
  const raw = env[key];
  if (raw === undefined || raw.trim() === '') return [...fallback];
  const items = [...new Set(raw.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean))];
  for (const x of items) if (!allowed.includes(x)) throw new ConfigError(`${key} must be a comma-separated list of ${allowed.join(', ')}, got "${x}"`);
  if (items.length === 0) throw new ConfigError(`${key} must name at least one of ${allowed.join(', ')}`);
  return items;
}

function url(env: Env, key: string, protocols: string[]): string | null {
  const raw = env[key];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${key} must be a URL, got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${key} must start with ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

/** Reads and validates configuration. Throws ConfigError naming the variable on a bad value. */
export function loadConfig(env: Env = process.env): Config {
  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST?.trim() || 'localhost';
  const dataDir = path.resolve(env.DATA_DIR?.trim() || './data');
  const pgUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:', 'sqlite:']);
  const databaseUrl = pgUrl ?? `sqlite:${path.join(dataDir, 'guildhall.db')}`;
  const dialect = databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres';
  const baseUrl = (url(env, 'BASE_URL', ['http:', 'https:']) ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`).replace(/\/$/, '');
  const adminEmails = (env.ADMIN_EMAILS ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  for (const e of adminEmails) {
    if (!/^[^\s@]+@[^\s@]+$/.test(e)) throw new ConfigError(`ADMIN_EMAILS has an entry that is not an email: "${e}"`);
  }
  const production = env.NODE_ENV === 'production';
  return {
    host,
    port,
    dataDir,
    databaseUrl,
    dialect,
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['normal', 'full'], 'normal'),
    sqliteBackgroundCheckpoints: bool(env, 'SQLITE_BACKGROUND_CHECKPOINTS', true),
    sqliteCacheMb: int(env, 'SQLITE_CACHE_MB', 32, 2, 4096),
    pgPreparedStatements: bool(env, 'PG_PREPARED_STATEMENTS', true),
    baseUrl,
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM?.trim() || 'Guildhall <guildhall@localhost>',
    demo: bool(env, 'GUILDHALL_DEMO', true),
    adminEmails,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    sessionTtlDays: int(env, 'SESSION_TTL_DAYS', 30, 1, 365),
    production,
    limits: {
      titleMax: int(env, 'LIMIT_TITLE_MAX', 200, 10, 1000),
      bodyMax: int(env, 'LIMIT_BODY_MAX', 50_000, 100, 1_000_000),
      bioMax: int(env, 'LIMIT_BIO_MAX', 2_000, 10, 100_000),
      tagsMax: int(env, 'LIMIT_TAGS_MAX', 10, 1, 50),
    },
    authRateLimit: int(env, 'AUTH_RATE_LIMIT', 20, 0, 100_000),
    relatedCacheSeconds: int(env, 'RELATED_CACHE_SECONDS', 600, 0, 86_400),
    anonymousCacheSeconds: int(env, 'ANON_CACHE_SECONDS', 5, 0, 3_600),
    analyticsStaleSeconds: int(env, 'ANALYTICS_STALE_SECONDS', 60, 0, 86_400),
    relatedDefer: bool(env, 'RELATED_DEFER', true),
    relatedWorker: bool(env, 'RELATED_WORKER', true),
    uploads: { maxBytes: int(env, 'UPLOAD_MAX_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024), types: list(env, 'UPLOAD_TYPES', uploadTypeKeys, uploadTypeKeys) },
  };
}
