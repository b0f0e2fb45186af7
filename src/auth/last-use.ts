import type { Database } from '../db/database.ts';

/**
 * Last-use times of credentials (API keys, OAuth grants), gathered in memory and written in one statement per flush:
 * never a write per request.
 */
export class LastUseRecorder {
  private readonly pending = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly table: 'api_keys' | 'oauth_grants',
  ) {}

  touch(id: string, at = Date.now()): void {
    this.pending.set(id, at);
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const entries = [...this.pending];
    this.pending.clear();
    try {
      await this.db.query(
        `update ${this.table} t set last_used_at = greatest(coalesce(t.last_used_at, u.at), u.at)
         from (select unnest($1::text[]) as id, to_timestamp(unnest($2::float8[]) / 1000.0) as at) u where t.id = u.id`,
        [entries.map(([id]) => id), entries.map(([, at]) => at)],
      );
    } catch (error) {
      // Kept for the next flush (a newer use of the same credential wins), so an outage loses none.
      for (const [id, at] of entries) if ((this.pending.get(id) ?? 0) < at) this.pending.set(id, at);
      throw error;
    }
  }
}
