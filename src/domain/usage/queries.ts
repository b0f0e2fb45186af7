import type { Queryable } from '../../db/database.ts';
import type { Tenant } from '../tenancy/tenant.ts';

export interface PeriodCounts {
  conversations: number;
  conversations_with_visitor_interaction: number;
  escalated_conversations: number;
  new_visitors: number;
  contacts_created: number;
  tickets_opened: number;
  appointments_booked: number;
  calls: number;
  journey_events: Record<string, number>;
}

export interface WorkspaceCounts {
  current: PeriodCounts;
  previous: PeriodCounts;
}

interface Window {
  previousStart: Date;
  currentStart: Date;
  end: Date;
}

/** Each table is scanned once over both periods; `p` is previous, `c` current. */
const SCALAR_COUNTS: ReadonlyArray<{ table: string; column: string; metrics: Record<string, string> }> = [
  {
    table: 'conversations',
    column: 'started_at',
    metrics: {
      conversations: 'true',
      conversations_with_visitor_interaction: 'visitor_message_count > 0',
      escalated_conversations: "status = 'escalated'",
    },
  },
  { table: 'visitors', column: 'first_seen_at', metrics: { new_visitors: 'true' } },
  { table: 'contacts', column: 'created_at', metrics: { contacts_created: 'true' } },
  { table: 'tickets', column: 'created_at', metrics: { tickets_opened: 'true' } },
  { table: 'appointments', column: 'created_at', metrics: { appointments_booked: 'true' } },
  { table: 'calls', column: 'started_at', metrics: { calls: 'true' } },
];

function emptyCounts(): PeriodCounts {
  return {
    conversations: 0,
    conversations_with_visitor_interaction: 0,
    escalated_conversations: 0,
    new_visitors: 0,
    contacts_created: 0,
    tickets_opened: 0,
    appointments_booked: 0,
    calls: 0,
    journey_events: {},
  };
}

/** Activity counts per workspace for a period and the period before it. */
export async function usageCounts(db: Queryable, tenant: Tenant, window: Window): Promise<Map<string, WorkspaceCounts>> {
  const result = new Map<string, WorkspaceCounts>(
    tenant.workspaceIds.map((id) => [id, { current: emptyCounts(), previous: emptyCounts() }]),
  );
  const params = [tenant.workspaceIds, window.previousStart, window.currentStart, window.end];
  for (const { table, column, metrics } of SCALAR_COUNTS) {
    const selects = Object.entries(metrics).flatMap(([name, condition]) => [
      `count(*) filter (where ${column} >= $3 and (${condition})) as "c_${name}"`,
      `count(*) filter (where ${column} < $3 and (${condition})) as "p_${name}"`,
    ]);
    const rows = await db.query<Record<string, number> & { workspace_id: string }>(
      `select workspace_id, ${selects.join(', ')} from ${table}
       where workspace_id = any($1) and ${column} >= $2 and ${column} < $4 group by workspace_id`,
      params,
    );
    for (const row of rows) {
      const counts = result.get(row.workspace_id)!;
      for (const name of Object.keys(metrics) as Array<keyof Omit<PeriodCounts, 'journey_events'>>) {
        counts.current[name] = row[`c_${name}`] ?? 0;
        counts.previous[name] = row[`p_${name}`] ?? 0;
      }
    }
  }
  const journeys = await db.query<{ workspace_id: string; name: string; c: number; p: number }>(
    `select workspace_id, name, count(*) filter (where occurred_at >= $3) as c, count(*) filter (where occurred_at < $3) as p
     from events where workspace_id = any($1) and kind = 'journey' and occurred_at >= $2 and occurred_at < $4
     group by workspace_id, name order by name`,
    params,
  );
  // By name, so a result reads the same on every call, whatever order the grouping came out in.
  for (const row of journeys) {
    const counts = result.get(row.workspace_id)!;
    counts.current.journey_events[row.name] = row.c;
    counts.previous.journey_events[row.name] = row.p;
  }
  return result;
}

export function addCounts(a: PeriodCounts, b: PeriodCounts): PeriodCounts {
  const journey: Record<string, number> = { ...a.journey_events };
  for (const [name, n] of Object.entries(b.journey_events)) journey[name] = (journey[name] ?? 0) + n;
  return {
    conversations: a.conversations + b.conversations,
    conversations_with_visitor_interaction: a.conversations_with_visitor_interaction + b.conversations_with_visitor_interaction,
    escalated_conversations: a.escalated_conversations + b.escalated_conversations,
    new_visitors: a.new_visitors + b.new_visitors,
    contacts_created: a.contacts_created + b.contacts_created,
    tickets_opened: a.tickets_opened + b.tickets_opened,
    appointments_booked: a.appointments_booked + b.appointments_booked,
    calls: a.calls + b.calls,
    journey_events: journey,
  };
}
