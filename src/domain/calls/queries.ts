import type { Queryable } from '../../db/database.ts';
import { Conditions, selectPage } from '../../db/sql.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import type { Call, CallSummary } from './schema.ts';

const FROM = 'calls k left join contacts ct on ct.id = k.contact_id';
const SUMMARY_COLUMNS = `k.id, k.workspace_id, k.direction, k.status as outcome, k.from_number, k.to_number, k.duration_seconds, k.started_at,
  k.agent_id, k.contact_id, ct.name as contact_name, k.summary, k.transcript is not null as has_transcript`;

export interface CallFilter {
  start: Date;
  end: Date;
  direction?: string | undefined;
  outcome?: string | undefined;
  agentId?: string | undefined;
  contactId?: string | undefined;
}

/** The tenant's calls started in the window, newest first. */
export async function listCalls(db: Queryable, tenant: Tenant, filter: CallFilter, page: { limit: number; offset: number }) {
  const where = new Conditions();
  where.add(`k.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  where.add(`k.started_at >= ${where.param(filter.start)} and k.started_at < ${where.param(filter.end)}`);
  where.addIf(filter.direction, (p) => `k.direction = ${p}`);
  where.addIf(filter.outcome, (p) => `k.status = ${p}`);
  where.addIf(filter.agentId, (p) => `k.agent_id = ${p}`);
  where.addIf(filter.contactId, (p) => `k.contact_id = ${p}`);
  return selectPage<CallSummary>(db, { columns: SUMMARY_COLUMNS, from: FROM, where, orderBy: 'k.started_at desc, k.id desc' }, page);
}

/** One call of the tenant, its transcript cut at `maxTranscript` characters. */
export async function getCall(db: Queryable, tenant: Tenant, id: string, maxTranscript: number): Promise<Call | undefined> {
  const [row] = await db.query<Omit<Call, 'transcript_omitted_characters'> & { transcript_length: number | null }>(
    `select k.id, k.workspace_id, k.direction, k.status as outcome, k.from_number, k.to_number, k.duration_seconds, k.started_at, k.ended_at,
       k.agent_id, a.name as agent_name, k.contact_id, ct.name as contact_name, k.summary, k.recording_url,
       left(k.transcript, $3) as transcript, length(k.transcript) as transcript_length
     from ${FROM} left join agents a on a.id = k.agent_id where k.id = $1 and k.workspace_id = any($2)`,
    [id, tenant.workspaceIds, maxTranscript],
  );
  if (!row) return undefined;
  const { transcript_length, ...call } = row;
  return { ...call, transcript_omitted_characters: Math.max(0, (transcript_length ?? 0) - maxTranscript) };
}
