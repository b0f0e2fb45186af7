import * as z from 'zod';
import * as audit from '../../domain/audit/queries.ts';
import { AuditEntry } from '../../domain/audit/schema.ts';
import type { Principal } from '../../domain/tenancy/principal.ts';
import { defineOperation } from '../define.ts';
import { OperationError } from '../errors.ts';
import { DateRangeParams, ResolvedRange, resolveRange } from '../params/dates.ts';
import { PageInfo, PaginationParams, pageInfo, pageRequest } from '../params/pagination.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const listAuditLog = defineOperation({
  name: 'list_audit_log',
  title: 'List the audit log',
  description:
    'Every write made in the account, newest first: which key or connected app (and the person who approved it) ran ' +
    'which tool on which object, through MCP or REST, with the request id and idempotency key. For account admins: ' +
    'account-wide API keys and apps connected by an owner or admin. Defaults to the last 30 days; filter by actor_id, ' +
    'target_id (e.g. a contact id), operation or workspace.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    ...DateRangeParams,
    actor_id: z.string().min(1).max(64).optional().describe('A key id (key_...) or OAuth grant id (grant_...).'),
    target_id: z.string().min(1).max(64).optional().describe('The object written, e.g. a contact id (ct_...).'),
    operation: z.string().min(1).max(64).optional().describe('A tool name, e.g. patch_contact.'),
    ...PaginationParams,
  }),
  output: z.object({ entries: z.array(AuditEntry), pagination: PageInfo, range: ResolvedRange }),
  rest: { method: 'GET', path: '/audit-log' },
  examples: [{ summary: 'Who changed a contact', input: { target_id: 'ct_01JD0000000000000000000000', start_date: '2026-01-01' } }],
  async run({ db, principal }, input) {
    if (!isAdmin(principal)) {
      throw new OperationError(
        'forbidden',
        'The audit log is for account admins.',
        'Use an account-wide API key, or connect as an owner or admin.',
      );
    }
    const tenant = tenantFor(principal, input.workspace);
    const range = resolveRange(input, tenant.workspaces);
    const filter = { start: range.start, end: range.end, actorId: input.actor_id, targetId: input.target_id, operation: input.operation };
    const { total, items } = await audit.listAudit(db, tenant, filter, pageRequest(input));
    return { entries: items, pagination: pageInfo(input, total), range: range.echo };
  },
});

/** Account-wide API keys, and OAuth grants approved by an owner or admin. */
function isAdmin(principal: Principal): boolean {
  const { credential } = principal;
  return credential.type === 'api_key' ? credential.kind === 'account' : credential.role === 'owner' || credential.role === 'admin';
}
