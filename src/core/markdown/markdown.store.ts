import type { Db } from '../db/index.ts';

/** Which of these lower-case usernames belong to members (case-insensitive match); asks in chunks. */
export async function findKnownUsernames(db: Db, usernames: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < usernames.length; i += 500) {
    const chunk = usernames.slice(i, i + 500);
    const rows = await db.selectFrom('users').select('username').where((eb) => eb(eb.fn('lower', ['username']), 'in', chunk)).execute();
    for (const r of rows) known.add(r.username.toLowerCase());
  }
  return known;
}
