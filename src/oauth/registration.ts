const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a redirect URI is one a native app may use (RFC 8252): loopback http, claimed https, or a private-use scheme. */
function nativeRedirect(uri: string): boolean {
  const url = URL.parse(uri);
  if (!url) return false;
  if (url.protocol === 'http:') return LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'https:') return !LOOPBACK_HOSTS.has(url.hostname);
  return true;
}

function hasNativeOnlyRedirect(uri: string): boolean {
  const url = URL.parse(uri);
  return !!url && (url.protocol !== 'https:' || LOOPBACK_HOSTS.has(url.hostname));
}

/**
 * A registration without `application_type` defaults to "web", which refuses private-use schemes and pins loopback
 * ports. Desktop clients (Claude Code, Cursor) rarely send it, so when every redirect URI is a native one and at
 * least one could only be native, the registration is read as a native app's.
 */
export function withInferredApplicationType(metadata: unknown): unknown {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return metadata;
  const record = metadata as Record<string, unknown>;
  const uris = record.redirect_uris;
  if (record.application_type !== undefined || !Array.isArray(uris) || !uris.every((u) => typeof u === 'string')) return metadata;
  if (uris.length > 0 && uris.every(nativeRedirect) && uris.some(hasNativeOnlyRedirect)) return { ...record, application_type: 'native' };
  return metadata;
}
