import { insertRows } from '../../db/bulk.ts';
import type { Queryable } from '../../db/database.ts';

export type Row = Record<string, unknown>;

/** Tables in foreign-key order: flushing in this order always inserts parents before children. */
export const TABLES = [
  'accounts',
  'workspaces',
  'agents',
  'agent_skills',
  'channels',
  'flows',
  'flow_versions',
  'templates',
  'companies',
  'contacts',
  'visitors',
  'notes',
  'conversations',
  'messages',
  'form_responses',
  'events',
  'tickets',
  'ticket_messages',
  'calls',
  'appointments',
  'reservations',
  'kb_categories',
  'kb_articles',
  'custom_attributes',
] as const;
export type Table = (typeof TABLES)[number];

/** Buffers generated rows and writes them in batches, parents first. */
export class RowSink {
  private readonly buffers = new Map<Table, Row[]>(TABLES.map((t) => [t, []]));
  private pending = 0;
  private written = 0;
  readonly counts = new Map<Table, number>();

  constructor(
    private readonly db: Queryable,
    private readonly onProgress?: (rows: number) => void,
  ) {}

  async push(table: Table, row: Row): Promise<void> {
    this.buffers.get(table)!.push(row);
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
    if (++this.pending >= 5000) await this.flush();
  }

  async flush(): Promise<void> {
    for (const table of TABLES) {
      const rows = this.buffers.get(table)!;
      if (rows.length === 0) continue;
      this.buffers.set(table, []);
      await insertRows(this.db, table, rows);
      this.written += rows.length;
    }
    this.pending = 0;
    this.onProgress?.(this.written);
  }
}
