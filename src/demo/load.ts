import type { KeyKind } from '../keys/api-keys.ts';
import type { Database, Queryable } from '../db/database.ts';
import { createApiKey } from '../domain/credentials/commands.ts';
import { createInvitation } from '../domain/users/commands.ts';
import { generateDemoData, type DemoOptions } from './generate/index.ts';
import { analyzeOwnTables } from '../db/statistics.ts';
import { backfills as rollUps } from '../db/migrations/018-traffic-signals.ts';

export interface DemoAccess {
  keys: DemoKey[];
  /** A one-time invitation token to join the first demo account as an admin (sign-up stays for your own account). */
  invitation: string;
}

export interface DemoKey {
  account: string;
  workspace: string | null;
  kind: KeyKind;
  secret: string;
}

const DEMO_SLUGS = ['northwind', 'bluebird'];
/** The statement trigger that keeps event_hours and visitor_hours (migrations 013, 018 and 021). */
const ROLLUP_TRIGGER = 'events_roll_up';

/**
 * Loads the demo tenants (unless present) and creates fresh keys for them: an account-wide key per account and
 * a read-only key for its first workspace, plus an invitation to join the first account in the dashboard (and so
 * connect apps to it by OAuth). Keys and links are shown once, so every call makes new ones.
 */
export async function loadDemo(db: Database, options: DemoOptions = {}): Promise<{ created: boolean } & DemoAccess> {
  return db.transaction(async (tx) => {
    const existing = await tx.query<{ id: string }>('select id from accounts where slug = any($1) for update', [DEMO_SLUGS]);
    const created = existing.length === 0;
    if (created) {
      // On the embedded engine nothing else can write meanwhile: the rollups are filled once at the end, not by their
      // trigger at every batch (half a second of the quick start).
      const rollUpAfter = db.engine === 'embedded';
      if (rollUpAfter) await tx.query(`alter table events disable trigger ${ROLLUP_TRIGGER}`);
      await generateDemoData(tx, options);
      if (rollUpAfter) {
        await tx.query(`alter table events enable trigger ${ROLLUP_TRIGGER}`);
        for (const rollUp of rollUps) await tx.query(rollUp);
      }
      // At the default scale the events fill a few hundred pages and their order costs nothing; rewriting them would
      // add half a second to the quick start.
      if ((options.scale ?? 1) > 1) await layOutAsIngested(tx);
      await analyzeOwnTables(tx); // fresh statistics, or the planner guesses badly on freshly bulk-loaded tables
    }
    const accounts = await tx.query<{ id: string; name: string; workspace_id: string; workspace_slug: string }>(
      `select a.id, a.name, w.id as workspace_id, w.slug as workspace_slug from accounts a
       join lateral (select id, slug from workspaces where account_id = a.id order by created_at, id limit 1) w on true
       where a.slug = any($1) order by a.created_at`,
      [DEMO_SLUGS],
    );
    const keys: DemoKey[] = [];
    for (const account of accounts) {
      const full = await createApiKey(tx, { accountId: account.id, workspaceId: null, kind: 'account', name: 'Demo account key' });
      keys.push({ account: account.name, workspace: null, kind: 'account', secret: full.secret });
      const readOnly = await createApiKey(tx, {
        accountId: account.id,
        workspaceId: account.workspace_id,
        kind: 'read_only',
        name: 'Demo read-only key',
      });
      keys.push({ account: account.name, workspace: account.workspace_slug, kind: 'read_only', secret: readOnly.secret });
    }
    const invitation = await createInvitation(tx, { accountId: accounts[0]!.id, email: null, role: 'admin', createdBy: null });
    return { created, keys, invitation };
  });
}

/**
 * The generator writes each visitor's events together; live ingest writes everyone's in time order. Rewriting the events
 * and their rollups in the order of workspace and time lets a range of days read as few pages as it would in production.
 */
async function layOutAsIngested(db: Queryable): Promise<void> {
  await db.query('cluster events using events_occurred');
  await db.query('cluster event_hours using event_hours_key');
  await db.query('cluster visitor_hours using visitor_hours_key');
}

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('select count(*) as n from accounts');
  return row?.n === 0;
}
