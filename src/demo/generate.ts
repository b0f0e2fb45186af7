import type { Queryable } from '../db/database.ts';
import { insertRows } from '../db/bulk.ts';
import { slugify } from '../domain/slug.ts';
import { seededIds, type IdKind } from '../ids.ts';
import { Random } from './random.ts';
import {
  ALL_COMPANIES, BROWSERS, CAMPAIGNS, CITIES, CLINIC_LOCATIONS, CLINIC_PROFILE, COMPANIES, DEVICES, FIRST_NAMES, LAST_NAMES,
  SAAS_PROFILE, TITLES, TRAFFIC_SOURCES, type BusinessProfile, type CompanySeed, type TopicScript,
} from './catalog.ts';

type Row = Record<string, unknown>;

const DAY = 86_400_000;
const HISTORY_DAYS = 90;

/** Tables in foreign-key order: flushing in this order always inserts parents before children. */
const TABLES = [
  'accounts', 'workspaces', 'agents', 'channels', 'flows', 'flow_versions', 'templates', 'companies', 'contacts',
  'visitors', 'notes', 'conversations', 'messages', 'form_responses', 'events', 'tickets', 'ticket_messages',
  'calls', 'appointments', 'reservations', 'kb_categories', 'kb_articles',
] as const;
type Table = (typeof TABLES)[number];

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
  /** Told the number of rows written so far after each batch, for a progress line. */
  onProgress?: (rows: number) => void;
}

const ACCOUNTS = [
  {
    name: 'Northwind Labs',
    slug: 'northwind',
    workspaces: [
      { name: 'Northwind Website', slug: 'northwind-web', timezone: 'America/New_York', profile: SAAS_PROFILE, visitors: 1500, enrichment: 0.55 },
      { name: 'Northwind EU', slug: 'northwind-eu', timezone: 'Europe/Berlin', profile: SAAS_PROFILE, visitors: 800, enrichment: 0.5 },
    ],
  },
  {
    name: 'Bluebird Dental',
    slug: 'bluebird',
    workspaces: [
      { name: 'Bluebird Clinics', slug: 'bluebird-clinics', timezone: 'America/Los_Angeles', profile: CLINIC_PROFILE, visitors: 900, enrichment: 0.1 },
    ],
  },
] as const;

/** Buffers generated rows and writes them in batches, parents first. */
class RowSink {
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

/**
 * Generates two accounts of realistic customer-engagement data over the last 90 days: a SaaS company with
 * two workspaces and a dental clinic with one. Deterministic for a seed (timestamps are relative to `now`).
 */
export async function generateDemoData(db: Queryable, options: DemoOptions = {}): Promise<{ accounts: DemoAccount[]; counts: Record<string, number> }> {
  const rng = new Random(options.seed ?? 20261122);
  const scale = options.scale ?? 1;
  const now = Math.floor((options.now ?? new Date()).getTime() / 60_000) * 60_000;
  const id = seededIds(rng.next);
  const sink = new RowSink(db, options.onProgress);
  const accounts: DemoAccount[] = [];
  const start = now - HISTORY_DAYS * DAY;

  for (const [accountIndex, accountSeed] of ACCOUNTS.entries()) {
    const createdAt = start - (40 - accountIndex) * DAY; // in list order, oldest first
    const account: DemoAccount = { id: id('account', createdAt), name: accountSeed.name, slug: accountSeed.slug, workspaces: [] };
    await sink.push('accounts', { id: account.id, name: account.name, slug: account.slug, created_at: iso(createdAt) });
    for (const [wsIndex, wsSeed] of accountSeed.workspaces.entries()) {
      const wsCreatedAt = createdAt + wsIndex * 3600_000;
      const workspace: DemoWorkspace = { id: id('workspace', wsCreatedAt), accountId: account.id, name: wsSeed.name, slug: wsSeed.slug, timezone: wsSeed.timezone };
      account.workspaces.push(workspace);
      await sink.push('workspaces', { id: workspace.id, account_id: account.id, name: workspace.name, slug: workspace.slug, timezone: workspace.timezone, created_at: iso(wsCreatedAt) });
      const generator = new WorkspaceGenerator(rng, id, sink, workspace, wsSeed.profile, { now, start, enrichment: wsSeed.enrichment });
      await generator.run(Math.round(wsSeed.visitors * scale));
    }
    accounts.push(account);
  }
  await sink.flush();
  return { accounts, counts: Object.fromEntries(sink.counts) };
}

interface Visitor extends Row {
  id: string;
  first_seen_at: string;
  last_seen_at: string;
  contact_id: string | null;
}

interface Person {
  name: string;
  firstName: string;
  email: string;
  phone: string;
  title: string;
  company: CompanySeed | undefined;
}

class WorkspaceGenerator {
  private readonly companyIds = new Map<string, string>();
  private readonly companySeeds: CompanySeed[] = [];
  private readonly agentIds: string[] = [];
  private readonly categoryIds = new Map<string, string>();
  private readonly ws: string;

  constructor(
    private readonly rng: Random,
    private readonly id: (kind: IdKind, at: number) => string,
    private readonly sink: RowSink,
    workspace: DemoWorkspace,
    private readonly profile: BusinessProfile,
    private readonly window: { now: number; start: number; enrichment: number },
  ) {
    this.ws = workspace.id;
  }

  async run(visitorCount: number): Promise<void> {
    await this.setup();
    for (let i = 0; i < visitorCount; i++) await this.visitor();
    await this.standaloneCalls(Math.round(visitorCount / (this.profile.kind === 'clinic' ? 8 : 40)));
  }

  private async setup(): Promise<void> {
    const { rng, id, sink, ws } = this;
    const t = this.window.start - 20 * DAY;
    for (const agent of this.profile.agents) {
      const agentId = id('agent', t);
      this.agentIds.push(agentId);
      await sink.push('agents', {
        id: agentId, workspace_id: ws, name: agent.name, description: agent.description, status: 'active',
        skills: agent.skills, ai_settings: { model: 'claude-sonnet-4-5', temperature: 0.3, tone: 'friendly' },
        widget_settings: { color: '#2563eb', position: 'bottom-right', greeting: 'Hi! How can I help?' }, created_at: iso(t), updated_at: iso(t),
      });
      await sink.push('channels', { id: id('channel', t), workspace_id: ws, agent_id: agentId, kind: 'web', name: `${agent.name} — website widget`, config: { domain: 'example.com' }, status: 'active', created_at: iso(t) });
      const flowId = id('flow', t);
      const published = id('flowVersion', t + DAY);
      await sink.push('flows', { id: flowId, workspace_id: ws, agent_id: agentId, name: `${agent.name} main flow`, published_version_id: published, created_at: iso(t), updated_at: iso(t + DAY) });
      for (const [version, versionId] of [[1, id('flowVersion', t)], [2, published]] as const) {
        await sink.push('flow_versions', {
          id: versionId, flow_id: flowId, workspace_id: ws, version,
          graph: { nodes: [{ id: 'start', type: 'greeting' }, { id: 'qualify', type: 'ai' }, ...(version === 2 ? [{ id: 'handoff', type: 'human_handoff' }] : [])], edges: [{ from: 'start', to: 'qualify' }, ...(version === 2 ? [{ from: 'qualify', to: 'handoff' }] : [])] },
          created_at: iso(t + (version - 1) * DAY), published_at: versionId === published ? iso(t + DAY) : null,
        });
      }
    }
    if (this.profile.kind === 'clinic') {
      await sink.push('channels', { id: id('channel', t), workspace_id: ws, agent_id: this.agentIds[0], kind: 'voice', name: 'Front desk phone line', config: { number: '+1 626 555 0100' }, status: 'active', created_at: iso(t) });
    }
    await sink.push('templates', { id: id('template', t), workspace_id: ws, name: 'Lead qualification', category: 'sales', description: 'Asks budget, team size and timeline.', definition: { questions: ['team_size', 'timeline', 'budget'] }, created_at: iso(t) });
    // Hundreds of companies in all. Earlier ones visit more often; Acme Corp leads the SaaS list, for "leads from Acme Corp".
    const companies = this.profile.kind === 'saas' ? COMPANIES.filter((c) => c.name === 'Acme Corp').concat(rng.sample(ALL_COMPANIES, 110)) : rng.sample(ALL_COMPANIES, 40);
    for (const company of new Set(companies)) {
      const companyId = id('company', t);
      this.companyIds.set(company.name, companyId);
      this.companySeeds.push(company);
      await sink.push('companies', { id: companyId, workspace_id: ws, name: company.name, domain: company.domain, industry: company.industry, employee_count: company.employees, country: company.country, attributes: { source: 'enrichment' }, created_at: iso(t), updated_at: iso(t) });
    }
    for (const [position, article] of this.profile.articles.entries()) {
      let categoryId = this.categoryIds.get(article.category);
      if (!categoryId) {
        categoryId = id('kbCategory', t);
        this.categoryIds.set(article.category, categoryId);
        await sink.push('kb_categories', { id: categoryId, workspace_id: ws, name: article.category, slug: slugify(article.category, 'category'), description: null, position: this.categoryIds.size, created_at: iso(t) });
      }
      await sink.push('kb_articles', { id: id('kbArticle', t), workspace_id: ws, category_id: categoryId, title: article.title, path: article.path, content: article.content, review_status: rng.weighted([['approved', 6], ['in_review', 2], ['needs_update', 1], ['draft', 1]] as const), created_at: iso(t + position * 3600_000), updated_at: iso(t + position * 3600_000) });
    }
  }

  private person(company: CompanySeed | undefined): Person {
    const { rng } = this;
    const firstName = rng.pick(FIRST_NAMES);
    const lastName = rng.pick(LAST_NAMES);
    const local = `${firstName}.${lastName}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
    const domain = company?.domain ?? rng.pick(['gmail.com', 'outlook.com', 'icloud.com', 'proton.me']);
    return {
      name: `${firstName} ${lastName}`, firstName, email: `${local}${rng.int(1, 99)}@${domain}`,
      phone: `+1 ${rng.int(201, 989)} 555 ${String(rng.int(0, 9999)).padStart(4, '0')}`, title: rng.pick(TITLES), company,
    };
  }

  /** First-seen times lean recent (growth), so "this week vs last week" shows a trend. */
  private firstSeen(): number {
    const age = HISTORY_DAYS * DAY * (1 - Math.sqrt(this.rng.next()));
    return Math.min(this.window.now - 60_000, this.window.now - age);
  }

  private async visitor(): Promise<void> {
    const { rng, id, ws, window } = this;
    const firstSeen = this.firstSeen();
    const visitorId = id('visitor', firstSeen);
    const [source, medium, referrer] = rng.weighted(TRAFFIC_SOURCES.map((s) => [s, s[3]] as const));
    const paid = medium === 'cpc' || medium === 'paid' || medium === 'email';
    const enriched = rng.chance(window.enrichment);
    const company = enriched ? this.companySeeds[Math.floor(rng.next() ** 1.5 * this.companySeeds.length)] : undefined; // a few companies visit often
    const person = this.person(company);
    const knownPerson = enriched && rng.chance(0.45);
    const [city, country] = rng.pick(CITIES);
    const landing = this.page();
    const campaign = paid ? rng.pick(CAMPAIGNS) : null;

    // Sessions, spread from first sighting towards now.
    const sessionCount = rng.weighted([[1, 5], [2, 3], [3, 2], [4, 1], [6, 1]] as const);
    const sessionStarts = [firstSeen];
    for (let s = 1; s < sessionCount; s++) {
      const next = sessionStarts[s - 1]! + rng.int(1, 72) * 3600_000;
      if (next >= window.now - 60_000) break;
      sessionStarts.push(next);
    }
    const events: Row[] = [];
    let lastSeen = firstSeen;
    for (const [index, sessionStart] of sessionStarts.entries()) {
      lastSeen = Math.max(lastSeen, await this.session(events, visitorId, sessionStart, index === 0 ? landing.path : undefined, { source, medium, referrer, campaign }));
    }

    // A share of visitors chat with the agent, during one of their sessions.
    const conversations: Row[] = [];
    const messages: Row[] = [];
    const extra: Array<[Table, Row]> = [];
    let contact: Row | undefined;
    const chatProbability = this.profile.kind === 'saas' ? 0.42 : 0.5;
    if (rng.chance(chatProbability)) {
      const chats = rng.chance(0.15) ? 2 : 1;
      for (let c = 0; c < chats; c++) {
        const at = Math.min(window.now - 120_000, rng.pick(sessionStarts) + rng.int(1, 20) * 60_000);
        const result = this.conversation(visitorId, at, person, contact, { source, medium, campaign });
        contact ??= result.contact;
        conversations.push(result.conversation);
        messages.push(...result.messages);
        events.push(...result.events);
        extra.push(...result.extra);
        lastSeen = Math.max(lastSeen, Date.parse(String(result.conversation.last_message_at)));
      }
    }
    // Some leads arrive through forms without chatting.
    if (!contact && this.profile.kind === 'saas' && rng.chance(0.05)) {
      const at = sessionStarts[sessionStarts.length - 1]! + 120_000;
      contact = this.contactRow(person, at, null);
      extra.push(['form_responses', { id: id('formResponse', at), workspace_id: ws, conversation_id: null, visitor_id: visitorId, contact_id: contact.id, form_name: 'Newsletter signup', fields: { email: person.email, name: person.name }, created_at: iso(at) }]);
      events.push(this.event('journey', 'contact_created', at, visitorId, { contact_id: contact.id, properties: { via: 'form' } }));
      events.push(this.event('journey', 'identified', at, visitorId, { contact_id: contact.id, properties: { email: person.email } }));
    }
    // Trials and upgrades, as custom tracked events.
    if (this.profile.kind === 'saas' && rng.chance(0.08)) {
      const at = lastSeen + rng.int(2, 30) * 60_000;
      if (at < window.now) {
        events.push(this.event('custom', 'trial_started', at, visitorId, { contact_id: (contact?.id as string) ?? null, properties: { plan: rng.pick(this.profile.plans) } }));
        lastSeen = at;
        if (rng.chance(0.3) && at + 7 * DAY < window.now) {
          events.push(this.event('custom', 'plan_upgraded', at + 7 * DAY, visitorId, { contact_id: (contact?.id as string) ?? null, properties: { plan: rng.pick(this.profile.plans), mrr: rng.pick([49, 199, 499]) } }));
          lastSeen = at + 7 * DAY;
        }
      }
    }

    const visitor: Visitor = {
      id: visitorId, workspace_id: ws, anonymous_id: `anon_${visitorId.slice(4).toLowerCase()}`, contact_id: (contact?.id as string) ?? null,
      first_seen_at: iso(firstSeen), last_seen_at: iso(lastSeen),
      person_name: knownPerson || contact ? person.name : null, person_email: knownPerson || contact ? person.email : null,
      person_title: knownPerson ? person.title : null,
      company_name: company?.name ?? null, company_domain: company?.domain ?? null, company_industry: company?.industry ?? null,
      company_employee_count: company?.employees ?? null, company_country: company?.country ?? null,
      city, country, device: rng.weighted(DEVICES), browser: rng.weighted(BROWSERS), referrer: referrer ?? null,
      landing_page: landing.path, utm_source: paid ? source : null, utm_medium: paid ? medium : null, utm_campaign: campaign,
      utm_term: medium === 'cpc' ? rng.pick(['product analytics', 'funnel tool', 'dentist near me', 'teeth whitening']) : null,
      utm_content: paid ? rng.pick(['banner-a', 'banner-b', 'video']) : null,
      identified_at: contact ? String(contact.created_at) : null, created_at: iso(firstSeen),
    };
    if (contact) await this.sink.push('contacts', contact);
    await this.sink.push('visitors', visitor);
    for (const row of conversations) await this.sink.push('conversations', row);
    for (const row of messages) await this.sink.push('messages', row);
    for (const row of events) await this.sink.push('events', row);
    for (const [table, row] of extra) await this.sink.push(table, row);
  }

  private page() {
    return this.rng.weighted(this.profile.pages.map((p) => [p, p.weight] as const));
  }

  /** One browsing session: session_started, page views and the odd click. Returns when it ended. */
  private async session(events: Row[], visitorId: string, start: number, landingPath: string | undefined, traffic: { source: string; medium: string; referrer: string | null; campaign: string | null }): Promise<number> {
    const { rng } = this;
    let t = start;
    events.push(this.event('journey', 'session_started', t, visitorId, { source: traffic.source, medium: traffic.medium, campaign: traffic.campaign, referrer: traffic.referrer, properties: {} }));
    const views = rng.weighted([[1, 3], [2, 3], [3, 2], [4, 2], [6, 1]] as const);
    for (let v = 0; v < views; v++) {
      const page = v === 0 && landingPath ? this.profile.pages.find((p) => p.path === landingPath)! : this.page();
      t += rng.int(5, 180) * 1000;
      if (t >= this.window.now) break;
      events.push(this.event('browser', 'page_view', t, visitorId, { url: `https://example.com${page.path}`, path: page.path, page_title: page.title, source: traffic.source, medium: traffic.medium, campaign: traffic.campaign, referrer: v === 0 ? traffic.referrer : null, properties: {} }));
      if (rng.chance(0.25)) {
        const label = rng.pick(['Book a demo', 'Start free trial', 'See pricing', 'Read docs', 'Book appointment', 'Call us']);
        t += rng.int(3, 40) * 1000;
        if (t >= this.window.now) break;
        events.push(this.event('browser', 'click', t, visitorId, { url: `https://example.com${page.path}`, path: page.path, page_title: page.title, properties: { element: 'button', text: label } }));
      }
    }
    return Math.min(t, this.window.now - 60_000);
  }

  private event(kind: 'journey' | 'browser' | 'custom', name: string, at: number, visitorId: string, fields: Row): Row {
    return {
      id: this.id('event', at), workspace_id: this.ws, kind, name, visitor_id: visitorId, contact_id: null, conversation_id: null,
      occurred_at: iso(at), received_at: iso(at + 150), url: null, path: null, page_title: null, referrer: null, source: null,
      medium: null, campaign: null, properties: {}, ...fields,
    };
  }

  private contactRow(person: Person, at: number, agentId: string | null): Row {
    const companyId = person.company ? (this.companyIds.get(person.company.name) ?? null) : null;
    return {
      id: this.id('contact', at), workspace_id: this.ws, agent_id: agentId, company_id: companyId, name: person.name,
      email: person.email, phone: this.profile.kind === 'clinic' || this.rng.chance(0.3) ? person.phone : null,
      company_name: person.company?.name ?? null, title: person.company ? person.title : null,
      attributes: this.profile.kind === 'saas' ? { team_size: this.rng.pick([5, 12, 25, 60, 150]), lifecycle_stage: 'lead' } : { preferred_location: this.rng.pick(CLINIC_LOCATIONS) },
      created_at: iso(at), updated_at: iso(at),
    };
  }

  private conversation(visitorId: string, start: number, person: Person, existingContact: Row | undefined, traffic: { source: string; medium: string; campaign: string | null }) {
    const { rng, id, ws, window, profile } = this;
    const topic = rng.weighted(profile.topics);
    const script: TopicScript = profile.scripts[topic]!;
    const agentId = topic === 'refund' || topic === 'double_charge' || topic === 'onboarding' ? this.agentIds[this.agentIds.length - 1]! : this.agentIds[0]!;
    const conversationId = id('conversation', start);
    const slotDay = new Date(start + rng.int(1, 6) * DAY);
    const fill = placeholders(rng, person, profile, slotDay);
    const messages: Row[] = [];
    let t = start;
    let visitorMessages = 0;
    for (const [role, variants] of script.turns) {
      t += rng.int(8, 90) * 1000;
      if (t >= window.now) break;
      if (role === 'visitor') visitorMessages++;
      messages.push({ id: id('message', t), conversation_id: conversationId, workspace_id: ws, role, author_name: role === 'visitor' ? null : role === 'agent' ? null : role === 'human' ? 'Support team' : 'Parley', body: fill(rng.pick(variants)), created_at: iso(t) });
    }
    const events: Row[] = [];
    const extra: Array<[Table, Row]> = [];
    let contact = existingContact;
    const lastAt = t;
    const mid = start + Math.floor((lastAt - start) / 2);
    // A conversation still in progress is open; finished ones keep the script's status.
    const status = lastAt > window.now - 2 * 3600_000 && script.status === 'closed' ? 'open' : script.status;
    for (const milestone of visitorMessages > 0 ? script.journey : []) {
      if (milestone === 'contact_created') {
        if (contact) continue;
        contact = this.contactRow(person, mid, agentId);
        events.push(this.event('journey', 'contact_created', mid, visitorId, { contact_id: contact.id, conversation_id: conversationId, properties: { via: 'chat' } }));
        events.push(this.event('journey', 'identified', mid + 1000, visitorId, { contact_id: contact.id, conversation_id: conversationId, properties: { email: person.email } }));
        if (rng.chance(0.3)) extra.push(['notes', { id: id('note', lastAt), workspace_id: ws, contact_id: contact.id, company_id: null, author: rng.pick(['Dana Reyes', 'Sam Okafor', 'Maria Lopez']), body: rng.pick(['Warm lead — follow up next week.', 'Asked about annual discount.', 'Prefers email over phone.', 'Evaluating two other vendors.']), created_at: iso(lastAt) }]);
      } else if (milestone === 'buyer_intent') {
        events.push(this.event('journey', 'buyer_intent', start + 30_000, visitorId, { conversation_id: conversationId, contact_id: (contact?.id as string) ?? null, properties: { topic, score: rng.int(55, 98) } }));
      } else if (milestone === 'meeting_booked') {
        const startsAt = slotDay.setUTCHours(rng.int(15, 22), 0, 0, 0);
        events.push(this.event('journey', 'meeting_booked', lastAt, visitorId, { conversation_id: conversationId, contact_id: (contact?.id as string) ?? null, properties: { starts_at: iso(startsAt) } }));
        extra.push(['appointments', {
          id: id('appointment', lastAt), workspace_id: ws, contact_id: contact?.id ?? null, visitor_id: visitorId, conversation_id: conversationId,
          title: profile.kind === 'saas' ? `Northwind demo with ${person.name}` : `${rng.pick(profile.plans)} — ${person.name}`,
          starts_at: iso(startsAt), ends_at: iso(startsAt + (profile.kind === 'saas' ? 30 : 60) * 60_000),
          status: startsAt < window.now ? rng.weighted([['completed', 8], ['no_show', 1], ['cancelled', 1]] as const) : 'scheduled',
          location: profile.kind === 'saas' ? 'Google Meet' : rng.pick(CLINIC_LOCATIONS), notes: null, created_at: iso(lastAt),
        }]);
      } else if (milestone === 'escalation') {
        events.push(this.event('journey', 'escalation', mid, visitorId, { conversation_id: conversationId, contact_id: (contact?.id as string) ?? null, properties: { reason: topic } }));
        const ticketId = id('ticket', mid);
        const solved = lastAt < window.now - DAY;
        extra.push(['tickets', { id: ticketId, workspace_id: ws, contact_id: contact?.id ?? null, conversation_id: conversationId, subject: script.subject, status: solved ? 'solved' : 'open', priority: topic === 'double_charge' || topic === 'emergency' ? 'high' : 'normal', assignee: rng.pick(['Dana Reyes', 'Sam Okafor', 'Maria Lopez']), created_at: iso(mid), updated_at: iso(lastAt), closed_at: solved ? iso(lastAt) : null }]);
        extra.push(['ticket_messages', { id: id('ticketMessage', mid), ticket_id: ticketId, workspace_id: ws, author_role: 'system', author_name: 'Parley', body: `Escalated from conversation ${conversationId}: ${script.subject}.`, created_at: iso(mid) }]);
        if (solved) extra.push(['ticket_messages', { id: id('ticketMessage', lastAt), ticket_id: ticketId, workspace_id: ws, author_role: 'human', author_name: 'Support team', body: 'Resolved with the customer in chat.', created_at: iso(lastAt) }]);
      }
    }
    const conversation: Row = {
      id: conversationId, workspace_id: ws, agent_id: agentId, visitor_id: visitorId, contact_id: contact?.id ?? null, channel: 'web', status,
      subject: script.subject, summary: visitorMessages > 0 ? `${script.subject} (${traffic.source}/${traffic.medium})` : 'Greeting only; the visitor did not reply.',
      message_count: messages.length, visitor_message_count: visitorMessages, started_at: iso(start), last_message_at: iso(Math.max(start, lastAt)), created_at: iso(start),
    };
    return { conversation, messages, events, extra, contact: contact === existingContact ? undefined : contact };
  }

  /** Phone calls not tied to a web visit (the clinic's front desk; the SaaS sales line). */
  private async standaloneCalls(count: number): Promise<void> {
    const { rng, id, ws, window } = this;
    for (let i = 0; i < count; i++) {
      const at = window.now - Math.floor(rng.next() * HISTORY_DAYS * DAY);
      const status = rng.weighted([['completed', 7], ['missed', 2], ['voicemail', 1]] as const);
      const duration = status === 'completed' ? rng.int(45, 900) : status === 'voicemail' ? rng.int(10, 60) : 0;
      const person = this.person(undefined);
      await this.sink.push('calls', {
        id: id('call', at), workspace_id: ws, agent_id: this.agentIds[0], contact_id: null, visitor_id: null,
        direction: rng.chance(0.8) ? 'inbound' : 'outbound', status, from_number: person.phone, to_number: '+1 626 555 0100',
        duration_seconds: duration, summary: status === 'completed' ? rng.pick(this.profile.kind === 'clinic' ? ['Booked a cleaning.', 'Asked about insurance coverage.', 'Rescheduled an appointment.'] : ['Discussed Scale plan pricing.', 'Follow-up after demo.', 'Billing question.']) : null,
        transcript: null, started_at: iso(at), ended_at: iso(at + duration * 1000),
      });
      if (this.profile.kind === 'clinic' && rng.chance(0.25)) {
        const startsAt = at + rng.int(1, 14) * DAY;
        await this.sink.push('reservations', { id: id('reservation', at), workspace_id: ws, contact_id: null, party_size: rng.int(1, 3), starts_at: iso(startsAt), status: startsAt < window.now ? 'completed' : 'confirmed', notes: 'Family cleaning block', created_at: iso(at) });
      }
    }
  }
}

function placeholders(rng: Random, person: Person, profile: BusinessProfile, slotDay: Date) {
  const plan = rng.pick(profile.plans);
  const values: Record<string, string> = {
    name: person.name, first_name: person.firstName, email: person.email, phone: person.phone,
    company: person.company?.name ?? 'my company', industry: person.company?.industry.toLowerCase() ?? 'our',
    plan, seats: String(rng.pick([5, 10, 25, 50])), price: String(rng.pick(profile.kind === 'saas' ? [49, 199, 499] : [129, 180, 450, 4500])),
    amount: String(rng.pick(profile.kind === 'saas' ? [49, 199, 499, 2388] : [50, 129, 180])),
    date: slotDay.toISOString().slice(0, 10), slot: `${slotDay.toUTCString().slice(0, 11)} at ${rng.pick(['10:00', '11:30', '14:00', '15:30'])}`,
    location: rng.pick(CLINIC_LOCATIONS), product: profile.kind === 'saas' ? 'Northwind Analytics' : 'Bluebird Dental',
  };
  return (text: string) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
