import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { JWK } from 'oidc-provider';
import type { Queryable } from '../db/database.ts';

export interface ServerSecrets {
  /** Signs the authorization server's cookies (interaction and session). */
  cookieKeys: string[];
  /** Signs what the provider signs (ID tokens when a client asks for `openid`); published at the JWKS endpoint. */
  signingKeys: JWK[];
}

/**
 * The keys the server makes for itself on its first start. They live in the database, so every instance and every
 * restart shares them (a restart must not sign everyone out of a half-finished authorization).
 */
export async function loadServerSecrets(db: Queryable): Promise<ServerSecrets> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const fresh: ServerSecrets = {
    cookieKeys: [randomBytes(32).toString('base64url')],
    signingKeys: [{ ...privateKey.export({ format: 'jwk' }), alg: 'ES256', use: 'sig', kid: randomBytes(8).toString('hex') } as JWK],
  };
  // Two instances starting at once: the first insert wins and both read it back.
  await db.query("insert into server_secrets (name, value) values ('oauth', $1) on conflict (name) do nothing", [JSON.stringify(fresh)]);
  const [row] = await db.query<{ value: ServerSecrets }>("select value from server_secrets where name = 'oauth'");
  return row!.value;
}
