import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { SCRIPT_HASHES } from './scripts.ts';

/**
 * What a Parley page may do: run its own inline scripts (by hash) and styles and load nothing from elsewhere; and no
 * other site may frame it, so the consent button cannot be clickjacked. There is no form-action directive: an
 * approved consent redirects to the app's own callback, which such a directive would block.
 */
const DIRECTIVES = {
  defaultSrc: ["'none'"],
  scriptSrc: SCRIPT_HASHES,
  styleSrc: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};

/** The policy as a header value, for pages written outside Hono (the authorization server's own). */
export const CONTENT_SECURITY_POLICY = Object.entries(DIRECTIVES)
  .map(([name, sources]) => `${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} ${sources.join(' ')}`)
  .join('; ');

/**
 * hono/secure-headers for every HTML page, with the policy above. The opener policy stays off: an app that opened
 * the consent page in a popup must still hear back from its callback.
 */
export function pageSecurityHeaders(https: boolean): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: DIRECTIVES,
    xFrameOptions: 'DENY',
    crossOriginOpenerPolicy: false,
    strictTransportSecurity: https,
  });
}
