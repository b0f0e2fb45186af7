import { createHash, randomBytes } from 'node:crypto';
import type {
  OAuthClientProvider,
  OAuthClientMetadata,
  OAuthDiscoveryState,
  StoredOAuthClientInformation,
  StoredOAuthTokens,
} from '@modelcontextprotocol/client';
import { hashPassword } from '../../src/auth/passwords.ts';
import { newId } from '../../src/ids.ts';
import type { TestServer } from './server.ts';

export const PASSWORD = 'correct horse battery staple';

/** A person who can sign in, in the demo account whose name starts with `accountName`. */
export async function createUser(
  server: TestServer,
  accountName: string,
  role: 'owner' | 'admin' | 'member',
  email: string,
): Promise<{ id: string; email: string }> {
  const id = newId('user');
  await server.sql(
    `insert into users (id, account_id, email, name, role, password_hash) select $1, id, $2, $3, $4, $5 from accounts where name like $6 || '%'`,
    [id, email, email.split('@')[0], role, await hashPassword(PASSWORD), accountName],
  );
  return { id, email };
}

/** The official SDK client's OAuth provider, keeping everything in memory as a desktop client keeps it on disk. */
export class MemoryOAuthClient implements OAuthClientProvider {
  information: StoredOAuthClientInformation | undefined;
  stored: StoredOAuthTokens | undefined;
  verifier = '';
  discovery: OAuthDiscoveryState | undefined;
  authorizationUrl: URL | undefined;

  constructor(
    readonly redirect = 'http://127.0.0.1:43110/callback',
    private readonly extraMetadata: Partial<OAuthClientMetadata> = {},
  ) {}

  get redirectUrl() {
    return this.redirect;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'Parley test client',
      redirect_uris: [this.redirect],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      ...this.extraMetadata,
    };
  }
  clientInformation() {
    return this.information;
  }
  saveClientInformation(information: StoredOAuthClientInformation) {
    this.information = information;
  }
  tokens() {
    return this.stored;
  }
  saveTokens(tokens: StoredOAuthTokens) {
    this.stored = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
  // Kept with the verifier, so the SDK can check that the code comes back from the server it sent the person to.
  saveDiscoveryState(state: OAuthDiscoveryState) {
    this.discovery = state;
  }
  discoveryState() {
    return this.discovery;
  }
}

export interface Approval {
  email: string;
  password?: string;
  /** Workspace names to tick (all of the account's when omitted). */
  workspaces?: string[];
  allowWrite?: boolean;
  deny?: boolean;
  /** Leave the CSRF token out of the consent form. */
  dropCsrf?: boolean;
  /** On the first consent page, choose "use another account" and sign in with this email instead. */
  switchTo?: string;
}

/**
 * Plays the person in the browser without a browser: follows the authorization request through Parley's sign-in and
 * consent pages, with a cookie jar and same-origin form posts, until the redirect back to the client. Returns that
 * redirect (code, state, iss, or error), or the page it stopped on.
 */
export async function approve(
  server: { url: string },
  authorizationUrl: URL | string,
  approval: Approval,
): Promise<{ redirect?: URL; status: number; body: string }> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  let form: URLSearchParams | undefined;
  let email = approval.email;
  for (let step = 0; step < 20; step++) {
    if (!url.href.startsWith(server.url.replace('127.0.0.1', 'localhost')) && !url.href.startsWith(server.url))
      return { redirect: url, status: 302, body: '' };
    const headers: Record<string, string> = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (form) Object.assign(headers, { 'content-type': 'application/x-www-form-urlencoded', origin: url.origin });
    const response = await fetch(url, { method: form ? 'POST' : 'GET', headers, body: form?.toString(), redirect: 'manual' });
    form = undefined;
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      if (/expires=Thu, 01 Jan 1970/i.test(cookie) || /max-age=0/i.test(cookie)) jar.delete(name!);
      else jar.set(name!, value.join('='));
    }
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url);
      continue;
    }
    const body = await response.text();
    if (response.status !== 200) return { status: response.status, body };
    const action = /<form method="post" action="([^"]+)"/.exec(body)?.[1];
    if (action?.endsWith('/login')) {
      form = new URLSearchParams({ email, password: approval.password ?? PASSWORD });
    } else if (action?.endsWith('/consent') && approval.switchTo && email !== approval.switchTo) {
      email = approval.switchTo;
      form = new URLSearchParams({
        _csrf: /name="_csrf" value="([^"]+)"/.exec(body)![1]!,
        next: /name="next" value="([^"]+)"/.exec(body)![1]!,
      });
      url = new URL('/logout', url);
      continue;
    } else if (action?.endsWith('/consent')) {
      form = new URLSearchParams();
      if (!approval.dropCsrf) form.set('_csrf', /name="_csrf" value="([^"]+)"/.exec(body)![1]!);
      for (const [, id, name] of body.matchAll(/name="workspace" value="([^"]+)" checked \/> ([^<]+?) </g)) {
        if (!approval.workspaces || approval.workspaces.includes(name!)) form.append('workspace', id!);
      }
      if (approval.allowWrite) form.set('allow_write', '1');
      form.set('decision', approval.deny ? 'deny' : 'allow');
    } else if (action?.endsWith('/logout/confirm')) {
      // The provider's auto-submitted form ending its session when another person signs in: the browser posts it.
      form = new URLSearchParams(
        [...body.matchAll(/name="(\w+)" value="([^"]*)"/g)].map(([, name, value]): [string, string] => [name!, value!]),
      );
    } else {
      return { status: response.status, body };
    }
    url = new URL(action, url);
  }
  throw new Error('the authorization did not finish in 20 steps');
}

/** PKCE S256 pair. */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Registers a public client by Dynamic Client Registration. */
export async function registerClient(
  server: { url: string },
  metadata: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/oauth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(metadata),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A token-endpoint request; answers the JSON body and status. */
export async function tokenRequest(
  server: { url: string },
  params: Record<string, string>,
): Promise<{ status: number; body: Record<string, string> }> {
  const response = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

/**
 * A JSON-RPC call to /mcp with a raw bearer token, as a 2025-era client sends it: status, challenge and body (the
 * JSON-RPC message, also when it came as one server-sent event).
 */
export async function mcpCall(
  server: { url: string },
  token: string,
  method = 'tools/call',
  params: Record<string, unknown> = { name: 'get_account_info', arguments: {} },
) {
  const response = await fetch(`${server.url}/mcp`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2025-11-25',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const text = await response.text();
  const body = text.startsWith('event:') ? (/^data: (.*)$/m.exec(text)?.[1] ?? text) : text;
  return { status: response.status, challenge: response.headers.get('www-authenticate') ?? '', body };
}
