import type { Queryable } from '../../db/database.ts';
import { seededIds } from '../../ids.ts';
import { CLINIC_PROFILE, SAAS_PROFILE } from '../catalog.ts';
import { Random } from '../random.ts';
import { standaloneCalls } from './calls.ts';
import { helpdesk } from './helpdesk.ts';
import { knowledgeBase } from './knowledge.ts';
import { outreach } from './outreach.ts';
import { agentSkills } from './skills.ts';
import { defineAttributes, setup } from './setup.ts';
import { RowSink } from './sink.ts';
import { visitor } from './visitors.ts';
import { DAY, HISTORY_DAYS, iso, Workspace } from './workspace.ts';

export interface DemoWorkspace {
  id: string;
  accountId: string;
  name: string;
  slug: string;
  timezone: string;
}

export interface DemoAccount {
  id: string;
  name: string;
  slug: string;
  workspaces: DemoWorkspace[];
}

export interface DemoOptions {
  seed?: number;
  /** Multiplies visitor volume and everything that follows from it. */
  scale?: number;
  now?: Date;
  /** Told after each batch the rows written so far and the share of the visitors generated, for a progress bar. */
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoProgress {
  rows: number;
  /** From 0 to 1: visitors and all that follows from them are nearly every row, so this is the share done. */
  done: number;
}

const ACCOUNTS = [
  {
    name: 'Northwind Labs',
    slug: 'northwind',
    workspaces: [
      {
        name: 'Northwind Website',
        slug: 'northwind-web',
        timezone: 'America/New_York',
        profile: SAAS_PROFILE,
        visitors: 1500,
        enrichment: 0.55,
      },
      { name: 'Northwind EU', slug: 'northwind-eu', timezone: 'Europe/Berlin', profile: SAAS_PROFILE, visitors: 800, enrichment: 0.5 },
    ],
  },
  {
    name: 'Bluebird Dental',
    slug: 'bluebird',
    workspaces: [
      {
        name: 'Bluebird Clinics',
        slug: 'bluebird-clinics',
        timezone: 'America/Los_Angeles',
        profile: CLINIC_PROFILE,
        visitors: 900,
        enrichment: 0.1,
      },
    ],
  },
] as const;

/**
 * Generates two accounts of realistic customer-engagement data over the last 90 days: a SaaS company with
 * two workspaces and a dental clinic with one. Deterministic for a seed (timestamps are relative to `now`).
 */
export async function generateDemoData(
  db: Queryable,
  options: DemoOptions = {},
): Promise<{ accounts: DemoAccount[]; counts: Record<string, number> }> {
  const rng = new Random(options.seed ?? 20261122);
  const scale = options.scale ?? 1;
  const now = Math.floor((options.now ?? new Date()).getTime() / 60_000) * 60_000;
  const id = seededIds(rng.next);
  let totalVisitors = 0;
  for (const account of ACCOUNTS) for (const ws of account.workspaces) totalVisitors += Math.round(ws.visitors * scale);
  let visitorsMade = 0;
  const sink = new RowSink(db, (rows) => options.onProgress?.({ rows, done: Math.min(1, visitorsMade / totalVisitors) }));
  const generated: Workspace[] = [];
  const accounts: DemoAccount[] = [];
  const start = now - HISTORY_DAYS * DAY;

  for (const [accountIndex, accountSeed] of ACCOUNTS.entries()) {
    const createdAt = start - (40 - accountIndex) * DAY; // in list order, oldest first
    const account: DemoAccount = { id: id('account', createdAt), name: accountSeed.name, slug: accountSeed.slug, workspaces: [] };
    await sink.push('accounts', { id: account.id, name: account.name, slug: account.slug, created_at: iso(createdAt) });
    for (const [wsIndex, wsSeed] of accountSeed.workspaces.entries()) {
      const wsCreatedAt = createdAt + wsIndex * 3600_000;
      const workspace: DemoWorkspace = {
        id: id('workspace', wsCreatedAt),
        accountId: account.id,
        name: wsSeed.name,
        slug: wsSeed.slug,
        timezone: wsSeed.timezone,
      };
      account.workspaces.push(workspace);
      await sink.push('workspaces', {
        id: workspace.id,
        account_id: account.id,
        name: workspace.name,
        slug: workspace.slug,
        timezone: workspace.timezone,
        created_at: iso(wsCreatedAt),
      });
      const generating = new Workspace(rng, id, sink, workspace.id, wsSeed.profile, { now, start, enrichment: wsSeed.enrichment });
      await generateWorkspace(generating, Math.round(wsSeed.visitors * scale), () => visitorsMade++);
      generated.push(generating);
    }
    accounts.push(account);
  }
  // Last, so drawing their ids leaves every other row as it was for a seed.
  for (const w of generated) await defineAttributes(w);
  for (const w of generated) await outreach(w);
  for (const w of generated) await knowledgeBase(w);
  for (const w of generated) await helpdesk(w);
  for (const w of generated) await agentSkills(w);
  await sink.flush();
  return { accounts, counts: Object.fromEntries(sink.counts) };
}

/** A workspace's agents, channels, flows, companies and articles, then its visitors and all that follows from them. */
async function generateWorkspace(w: Workspace, visitorCount: number, made: () => void): Promise<void> {
  await setup(w);
  for (let i = 0; i < visitorCount; i++) {
    await visitor(w);
    made();
  }
  await standaloneCalls(w, Math.round(visitorCount / (w.profile.kind === 'clinic' ? 8 : 40)));
}
