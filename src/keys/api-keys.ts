import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { hashToken } from './tokens.ts';

/**
 * API key format: `parley_<kind>_<32 random base62><6 base62 CRC32 of the random part>`.
 * The fixed prefix lets secret scanners spot a leaked key, the kind tag tells what it can do at a glance,
 * and the checksum lets us refuse a mistyped key without a database lookup.
 */
export const KEY_KINDS = {
  account: 'ak', // all workspaces of the account: read + write + ingest
  secret: 'sk', // one workspace: read + write + ingest
  read_only: 'rk', // one workspace: read
  publishable: 'pk', // one workspace: browser ingest only; safe to ship in page source
} as const;

export type KeyKind = keyof typeof KEY_KINDS;
export type Scope = 'read' | 'write' | 'ingest';

export const KEY_KIND_SCOPES: Record<KeyKind, readonly Scope[]> = {
  account: ['read', 'write', 'ingest'],
  secret: ['read', 'write', 'ingest'],
  read_only: ['read'],
  publishable: ['ingest'],
};

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
const KIND_BY_TAG = new Map<string, KeyKind>(Object.entries(KEY_KINDS).map(([kind, tag]) => [tag, kind as KeyKind]));
/** Every Parley API key starts with this; OAuth access tokens never do. */
export const API_KEY_PREFIX = 'parley_';

const KEY_PATTERN = /^parley_(ak|sk|rk|pk)_([0-9A-Za-z]{38})$/;

export interface GeneratedKey {
  secret: string;
  hash: string;
  /** Enough of the key to recognise it in a list, never enough to use it. */
  prefix: string;
}

export function generateKey(kind: KeyKind): GeneratedKey {
  let random = '';
  for (const byte of randomBytes(RANDOM_LENGTH)) random += ALPHABET[byte % 62]!; // 62*4=248: bias < 3%, fine for 190 bits
  const secret = `parley_${KEY_KINDS[kind]}_${random}${checksum(random)}`;
  return { secret, hash: hashKey(secret), prefix: secret.slice(0, 'parley_xx_'.length + 6) };
}

/** The key's kind when it is well-formed and its checksum holds; undefined otherwise. */
export function parseKey(secret: string): KeyKind | undefined {
  const match = KEY_PATTERN.exec(secret);
  if (!match) return undefined;
  const body = match[2]!;
  const random = body.slice(0, RANDOM_LENGTH);
  if (checksum(random) !== body.slice(RANDOM_LENGTH)) return undefined;
  return KIND_BY_TAG.get(match[1]!);
}

export function hashKey(secret: string): string {
  return hashToken(secret);
}

function checksum(random: string): string {
  let value = crc32(random);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = ALPHABET[value % 62]! + out;
    value = Math.floor(value / 62);
  }
  return out;
}
