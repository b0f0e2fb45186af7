import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets Parley hands out (API keys, session cookies, invitation links) are stored only as this hash, so a leaked
 * database does not leak credentials. They carry 190+ random bits, so a fast hash is enough (no password hashing).
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random secret for a cookie or a link: 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
