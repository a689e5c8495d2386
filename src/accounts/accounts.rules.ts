import type { FieldIssue } from '../core/http/errors.ts';

/*
 * Pure rules for account fields. The HTTP schemas check shape at the edge; these check the rest
 * (reserved names, trimmed emptiness, time zones) and also guard callers that skip HTTP (CLI, seed).
 */

export const USERNAME_PATTERN = '^[a-z0-9_-]+$';
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Names that would clash with a route, or pass for staff; never a username. */
export const RESERVED_USERNAMES: ReadonlySet<string> = new Set([
  'admin', 'administrator', 'api', 'static', 'settings', 'signin', 'signup', 'signout', 'c', 'u',
  'communities', 'members', 'people', 'password', 'me', 'root', 'system', 'guildhall', 'support',
  'help', 'about', 'login', 'logout', 'register', 'new', 'edit', 'theme', 'docs', 'healthz', 'readyz',
  'null', 'undefined', 'anonymous', 'moderator', 'steward',
]);

/** Why a username cannot be used, or null when it can. */
export function usernameProblem(username: string): string | null {
  if (username.length < 3 || username.length > 30) return 'Username must be 3 to 30 characters';
  if (!new RegExp(USERNAME_PATTERN).test(username)) return 'Username may only use lowercase letters, digits, - and _';
  if (RESERVED_USERNAMES.has(username)) return `Username "${username}" is reserved; choose another`;
  return null;
}

/** Emails are compared and stored lowercased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why a password cannot be used, or null. */
export function passwordProblem(password: string, field = 'Password'): string | null {
  if (password.length < PASSWORD_MIN) return `${field} must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `${field} must be at most ${PASSWORD_MAX} characters`;
  return null;
}

/**
 * True for '' (not set) or an IANA zone name the runtime can format in, aliases included: Node 20's
 * list says Asia/Calcutta where newer ones say Asia/Kolkata, and both must work.
 */
export function isValidTimeZone(tz: string): boolean {
  if (tz === '' || tz === 'UTC') return true;
  zones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (zones.has(tz)) return true;
  if (tz.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(tz)) return false;
  try {
    // An alias resolves to a differently spelled canonical name; a mere case variant does not count.
    const resolved = new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
    return resolved.toLowerCase() !== tz.toLowerCase();
  } catch {
    return false;
  }
}

let zones: Set<string> | null = null;

/** Every time zone offered in the settings form (the runtime's list), plus the member's own if it is an alias. */
export function timeZoneOptions(current = ''): string[] {
  const list = ['UTC', ...Intl.supportedValuesOf('timeZone')];
  return current && !list.includes(current) ? [current, ...list] : list;
}

export interface SignupInput {
  username: string;
  email: string;
  displayName: string;
  password: string;
}

/** Everything wrong with a sign-up, one issue per field (empty when it is fine). */
export function signupIssues(input: SignupInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const u = usernameProblem(input.username);
  if (u) issues.push({ field: 'username', message: u });
  const email = normalizeEmail(input.email);
  if (email.length > 254 || !EMAIL_RE.test(email)) issues.push({ field: 'email', message: 'Email must be a valid email address' });
  const dn = input.displayName.trim();
  if (dn.length === 0 || dn.length > 80) issues.push({ field: 'displayName', message: 'Display name must be 1 to 80 characters' });
  const p = passwordProblem(input.password);
  if (p) issues.push({ field: 'password', message: p });
  return issues;
}

export interface ProfileInput {
  displayName?: string;
  bio?: string;
  discipline?: string;
  location?: string;
  timeZone?: string;
}

/** Everything wrong with a profile edit; fields left out are not checked. */
export function profileIssues(p: ProfileInput, bioMax: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (p.displayName !== undefined && (p.displayName.trim().length === 0 || p.displayName.trim().length > 80)) {
    issues.push({ field: 'displayName', message: 'Display name must be 1 to 80 characters' });
  }
  if (p.bio !== undefined && p.bio.length > bioMax) issues.push({ field: 'bio', message: `Bio must be at most ${bioMax} characters` });
  if (p.discipline !== undefined && p.discipline.trim().length > 120) issues.push({ field: 'discipline', message: 'Discipline must be at most 120 characters' });
  if (p.location !== undefined && p.location.trim().length > 120) issues.push({ field: 'location', message: 'Location must be at most 120 characters' });
  if (p.timeZone !== undefined && !isValidTimeZone(p.timeZone.trim())) {
    issues.push({ field: 'timeZone', message: 'Time zone must be a known time zone such as Europe/Berlin, or empty' });
  }
  return issues;
}
