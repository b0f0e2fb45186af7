import type { IdKind } from '../../ids.ts';
import { CLINIC_LOCATIONS, FIRST_NAMES, LAST_NAMES, TITLES, type BusinessProfile, type CompanySeed } from '../catalog.ts';
import type { Random } from '../random.ts';
import type { Row, RowSink } from './sink.ts';

/** One workspace being generated: its settings, and the ids its later rows refer to. */
export class Workspace {
  readonly companyIds = new Map<string, string>();
  readonly companySeeds: CompanySeed[] = [];
  readonly agentIds: string[] = [];
  readonly categoryIds = new Map<string, string>();
  /** The contacts generated so far, for the outreach drawn after everything else. */
  readonly contacts: Row[] = [];

  constructor(
    readonly rng: Random,
    readonly id: (kind: IdKind, at: number) => string,
    readonly sink: RowSink,
    readonly ws: string,
    readonly profile: BusinessProfile,
    readonly window: { now: number; start: number; enrichment: number },
  ) {}
}

export interface Visitor extends Row {
  id: string;
  first_seen_at: string;
  last_seen_at: string;
  contact_id: string | null;
}

export interface Person {
  name: string;
  firstName: string;
  email: string;
  phone: string;
  title: string;
  company: CompanySeed | undefined;
}

export const DAY = 86_400_000;
export const HISTORY_DAYS = 90;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function makePerson(w: Workspace, company: CompanySeed | undefined): Person {
  const { rng } = w;
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  const local = `${firstName}.${lastName}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
  const domain = company?.domain ?? rng.pick(['gmail.com', 'outlook.com', 'icloud.com', 'proton.me']);
  return {
    name: `${firstName} ${lastName}`,
    firstName,
    email: `${local}${rng.int(1, 99)}@${domain}`,
    phone: `+1 ${rng.int(201, 989)} 555 ${String(rng.int(0, 9999)).padStart(4, '0')}`,
    title: rng.pick(TITLES),
    company,
  };
}

/** First-seen times lean recent (growth), so "this week vs last week" shows a trend. */
export function drawFirstSeen(w: Workspace): number {
  const age = HISTORY_DAYS * DAY * (1 - Math.sqrt(w.rng.next()));
  return Math.min(w.window.now - 60_000, w.window.now - age);
}

export function pickPage(w: Workspace) {
  return w.rng.weighted(w.profile.pages.map((p) => [p, p.weight] as const));
}

export function eventRow(
  w: Workspace,
  kind: 'journey' | 'browser' | 'custom',
  name: string,
  at: number,
  visitorId: string,
  fields: Row,
): Row {
  return {
    id: w.id('event', at),
    workspace_id: w.ws,
    kind,
    name,
    visitor_id: visitorId,
    contact_id: null,
    conversation_id: null,
    occurred_at: iso(at),
    received_at: iso(at + 150),
    url: null,
    path: null,
    page_title: null,
    referrer: null,
    source: null,
    medium: null,
    campaign: null,
    properties: {},
    ...fields,
  };
}

export function contactRow(w: Workspace, person: Person, at: number, agentId: string | null): Row {
  const companyId = person.company ? (w.companyIds.get(person.company.name) ?? null) : null;
  return {
    id: w.id('contact', at),
    workspace_id: w.ws,
    agent_id: agentId,
    company_id: companyId,
    name: person.name,
    email: person.email,
    phone: w.profile.kind === 'clinic' || w.rng.chance(0.3) ? person.phone : null,
    company_name: person.company?.name ?? null,
    title: person.company ? person.title : null,
    attributes:
      w.profile.kind === 'saas'
        ? { team_size: w.rng.pick([5, 12, 25, 60, 150]), lifecycle_stage: 'lead' }
        : { preferred_location: w.rng.pick(CLINIC_LOCATIONS) },
    created_at: iso(at),
    updated_at: iso(at),
  };
}
