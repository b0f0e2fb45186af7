import { hash, verify } from '@node-rs/argon2';

/** Passwords are hashed with argon2id (memory-hard), via @node-rs/argon2's prebuilt binaries. */
export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password); // argon2id, m=19 MiB, t=2, p=1: the OWASP baseline
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // With no stored hash, still spend the time a check takes, so timing does not reveal which emails exist.
  if (!passwordHash) {
    await hash(password);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
