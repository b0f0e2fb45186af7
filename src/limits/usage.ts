import type { Database } from '../db/database.ts';

/**
 * Counts calls per credential per UTC day in memory and adds them to usage_counters in one statement per flush,
 * so usage is recorded without a write per request. A crash loses at most one flush interval of counts.
 */
export class UsageRecorder {
  private pending = new Map<string, { credentialId: string; accountId: string; day: string; calls: number }>();

  constructor(private readonly db: Database) {}

  record(credentialId: string, accountId: string, at = new Date()): void {
    this.add(credentialId, accountId, at.toISOString().slice(0, 10), 1);
  }

  private add(credentialId: string, accountId: string, day: string, calls: number): void {
    const key = `${credentialId}|${day}`;
    const entry = this.pending.get(key);
    if (entry) entry.calls += calls;
    else this.pending.set(key, { credentialId, accountId, day, calls });
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const entries = [...this.pending.values()];
    this.pending = new Map();
    await this.db
      .query(
        `insert into usage_counters (credential_id, account_id, day, calls)
       select * from unnest($1::text[], $2::text[], $3::date[], $4::int[])
       on conflict (credential_id, day) do update set calls = usage_counters.calls + excluded.calls`,
        [entries.map((e) => e.credentialId), entries.map((e) => e.accountId), entries.map((e) => e.day), entries.map((e) => e.calls)],
      )
      .catch((error: unknown) => {
        // Counted again at the next flush, so an outage loses no calls.
        for (const entry of entries) this.add(entry.credentialId, entry.accountId, entry.day, entry.calls);
        throw error;
      });
  }
}

/** Calls per credential per day over the last `days` UTC days, oldest first. */
export async function usageByDay(db: Database, accountId: string, days: number): Promise<Map<string, number[]>> {
  const rows = await db.query<{ credential_id: string; offset: number; calls: number }>(
    // Days are UTC days (see record); current_date would be the database server's own zone's day.
    `select credential_id, ((now() at time zone 'UTC')::date - day) as offset, calls from usage_counters
     where account_id = $1 and day > (now() at time zone 'UTC')::date - $2::int`,
    [accountId, days],
  );
  const result = new Map<string, number[]>();
  for (const row of rows) {
    const series = result.get(row.credential_id) ?? new Array<number>(days).fill(0);
    series[days - 1 - row.offset] = row.calls;
    result.set(row.credential_id, series);
  }
  return result;
}
