import type { MiddlewareHandler } from 'hono';
import { credentialFrom, type Authenticator } from '../auth/authenticate.ts';
import type { AppEnv } from './context.ts';
import { jsonError } from './errors.ts';

/**
 * Requires a credential that may read: no credential or a bad one is 401 with a Bearer challenge, and a
 * publishable key (browser ingest only, visible in page source) is 403 key_kind_not_allowed.
 */
export function requireReader(authenticator: Authenticator, realm: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const result = await authenticator.authenticate(credentialFrom(c.req.raw.headers));
    if (!result.ok) {
      const error = result.code === 'missing_credentials' ? '' : ', error="invalid_token"';
      c.header('WWW-Authenticate', `Bearer realm="${realm}"${error}`);
      return jsonError(c, result.status, result.code, result.message);
    }
    if (result.principal.credential.kind === 'publishable') {
      return jsonError(c, 403, 'key_kind_not_allowed', 'Publishable keys (parley_pk_...) can only send tracking events from browsers; they cannot read data.', 'Use a secret (parley_sk_), read-only (parley_rk_) or account (parley_ak_) key on the server side.');
    }
    c.set('principal', result.principal);
    await next();
  };
}
