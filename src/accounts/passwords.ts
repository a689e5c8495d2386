import { hash, verify } from '@node-rs/argon2';

/** argon2id hash of a password (the library's default algorithm and parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | null = null;

/**
 * True when the password matches the stored hash. With no hash (unknown user, or an account
 * without a password) it still spends the time of one verification, so timing does not tell
 * whether an account exists.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hash('not the password of anyone at all');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
