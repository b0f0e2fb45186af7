import * as z from 'zod';
import { defineOperation } from '../define.ts';

const Workspace = z.object({ id: z.string(), slug: z.string(), name: z.string(), timezone: z.string() });

export const getAccountInfo = defineOperation({
  name: 'get_account_info',
  title: 'Who am I',
  description:
    'Start here. Returns the Parley account this connection is authenticated as, the workspaces the credential may read ' +
    '(id, slug, name, time zone), and its scopes (read, write, ingest). Use a workspace id or slug as the `workspace` ' +
    'argument of other tools to narrow them; omit it to read across all of them.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({}),
  output: z.object({
    account: z.object({ id: z.string(), name: z.string(), slug: z.string(), created_at: z.string() }),
    credential: z.object({ type: z.enum(['api_key', 'oauth']), name: z.string(), kind: z.string().optional() }),
    scopes: z.array(z.string()),
    workspaces: z.array(Workspace),
  }),
  rest: { method: 'GET', path: '/account' },
  examples: [{ summary: 'Who am I and which workspaces can I read', input: {} }],
  // From the principal, which authentication read with the credential (and caches a minute): no query of its own, so
  // the call every client makes first costs no more than authenticating.
  async run({ principal }) {
    const { type, name, kind } = principal.credential;
    return {
      account: {
        id: principal.accountId,
        name: principal.accountName,
        slug: principal.accountSlug,
        created_at: principal.accountCreatedAt,
      },
      credential: { type, name, ...(kind && { kind }) },
      scopes: [...principal.scopes],
      workspaces: principal.workspaces.map(({ id, slug, name: wsName, timezone }) => ({ id, slug, name: wsName, timezone })),
    };
  },
});
