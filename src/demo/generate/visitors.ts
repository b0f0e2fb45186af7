import { BROWSERS, CAMPAIGNS, CITIES, DEVICES, TRAFFIC_SOURCES } from '../catalog.ts';
import type { Row, Table } from './sink.ts';
import { DAY, iso, makePerson, drawFirstSeen, pickPage, eventRow, contactRow, type Workspace, type Visitor } from './workspace.ts';
import { conversation } from './conversations.ts';

export async function visitor(w: Workspace): Promise<void> {
  const { rng, id, ws, window } = w;
  const firstSeen = drawFirstSeen(w);
  const visitorId = id('visitor', firstSeen);
  const [source, medium, referrer] = rng.weighted(TRAFFIC_SOURCES.map((s) => [s, s[3]] as const));
  const paid = medium === 'cpc' || medium === 'paid' || medium === 'email';
  const enriched = rng.chance(window.enrichment);
  // A few companies visit often.
  const company = enriched ? w.companySeeds[Math.floor(rng.next() ** 1.5 * w.companySeeds.length)] : undefined;
  const person = makePerson(w, company);
  const knownPerson = enriched && rng.chance(0.45);
  const [city, country] = rng.pick(CITIES);
  const landing = pickPage(w);
  const campaign = paid ? rng.pick(CAMPAIGNS) : null;

  // Sessions, spread from first sighting towards now.
  const sessionCount = rng.weighted([
    [1, 5],
    [2, 3],
    [3, 2],
    [4, 1],
    [6, 1],
  ] as const);
  const sessionStarts = [firstSeen];
  for (let s = 1; s < sessionCount; s++) {
    const next = sessionStarts[s - 1]! + rng.int(1, 72) * 3600_000;
    if (next >= window.now - 60_000) break;
    sessionStarts.push(next);
  }
  const events: Row[] = [];
  let lastSeen = firstSeen;
  for (const [index, sessionStart] of sessionStarts.entries()) {
    lastSeen = Math.max(
      lastSeen,
      await session(w, events, visitorId, sessionStart, index === 0 ? landing.path : undefined, { source, medium, referrer, campaign }),
    );
  }

  // A share of visitors chat with the agent, during one of their sessions.
  const conversations: Row[] = [];
  const messages: Row[] = [];
  const extra: Array<[Table, Row]> = [];
  let contact: Row | undefined;
  const chatProbability = w.profile.kind === 'saas' ? 0.42 : 0.5;
  if (rng.chance(chatProbability)) {
    const chats = rng.chance(0.15) ? 2 : 1;
    for (let c = 0; c < chats; c++) {
      const at = Math.min(window.now - 120_000, rng.pick(sessionStarts) + rng.int(1, 20) * 60_000);
      const result = conversation(w, visitorId, at, person, contact, { source, medium, campaign });
      contact ??= result.contact;
      conversations.push(result.conversation);
      messages.push(...result.messages);
      events.push(...result.events);
      extra.push(...result.extra);
      lastSeen = Math.max(lastSeen, Date.parse(String(result.conversation.last_message_at)));
    }
  }
  // Some leads arrive through forms without chatting.
  if (!contact && w.profile.kind === 'saas' && rng.chance(0.05)) {
    const at = sessionStarts[sessionStarts.length - 1]! + 120_000;
    contact = contactRow(w, person, at, null);
    extra.push([
      'form_responses',
      {
        id: id('formResponse', at),
        workspace_id: ws,
        conversation_id: null,
        visitor_id: visitorId,
        contact_id: contact.id,
        form_name: 'Newsletter signup',
        fields: { email: person.email, name: person.name },
        created_at: iso(at),
      },
    ]);
    events.push(eventRow(w, 'journey', 'contact_created', at, visitorId, { contact_id: contact.id, properties: { via: 'form' } }));
    events.push(eventRow(w, 'journey', 'identified', at, visitorId, { contact_id: contact.id, properties: { email: person.email } }));
  }
  // Trials and upgrades, as custom tracked events.
  if (w.profile.kind === 'saas' && rng.chance(0.08)) {
    const at = lastSeen + rng.int(2, 30) * 60_000;
    if (at < window.now) {
      events.push(
        eventRow(w, 'custom', 'trial_started', at, visitorId, {
          contact_id: (contact?.id as string) ?? null,
          properties: { plan: rng.pick(w.profile.plans) },
        }),
      );
      lastSeen = at;
      if (rng.chance(0.3) && at + 7 * DAY < window.now) {
        events.push(
          eventRow(w, 'custom', 'plan_upgraded', at + 7 * DAY, visitorId, {
            contact_id: (contact?.id as string) ?? null,
            properties: { plan: rng.pick(w.profile.plans), mrr: rng.pick([49, 199, 499]) },
          }),
        );
        lastSeen = at + 7 * DAY;
      }
    }
  }

  const visitor: Visitor = {
    id: visitorId,
    workspace_id: ws,
    anonymous_id: `anon_${visitorId.slice(4).toLowerCase()}`,
    contact_id: (contact?.id as string) ?? null,
    first_seen_at: iso(firstSeen),
    last_seen_at: iso(lastSeen),
    person_name: knownPerson || contact ? person.name : null,
    person_email: knownPerson || contact ? person.email : null,
    person_title: knownPerson ? person.title : null,
    company_name: company?.name ?? null,
    company_domain: company?.domain ?? null,
    company_industry: company?.industry ?? null,
    company_employee_count: company?.employees ?? null,
    company_country: company?.country ?? null,
    city,
    country,
    device: rng.weighted(DEVICES),
    browser: rng.weighted(BROWSERS),
    referrer: referrer ?? null,
    landing_page: landing.path,
    utm_source: paid ? source : null,
    utm_medium: paid ? medium : null,
    utm_campaign: campaign,
    utm_term: medium === 'cpc' ? rng.pick(['product analytics', 'funnel tool', 'dentist near me', 'teeth whitening']) : null,
    utm_content: paid ? rng.pick(['banner-a', 'banner-b', 'video']) : null,
    identified_at: contact ? String(contact.created_at) : null,
    created_at: iso(firstSeen),
  };
  if (contact) {
    w.contacts.push(contact);
    await w.sink.push('contacts', contact);
  }
  await w.sink.push('visitors', visitor);
  for (const row of conversations) await w.sink.push('conversations', row);
  for (const row of messages) await w.sink.push('messages', row);
  for (const row of events) await w.sink.push('events', row);
  for (const [table, row] of extra) await w.sink.push(table, row);
}

/** One browsing session: session_started, page views and the odd click. Returns when it ended. */
export async function session(
  w: Workspace,
  events: Row[],
  visitorId: string,
  start: number,
  landingPath: string | undefined,
  traffic: { source: string; medium: string; referrer: string | null; campaign: string | null },
): Promise<number> {
  const { rng } = w;
  let t = start;
  events.push(
    eventRow(w, 'journey', 'session_started', t, visitorId, {
      source: traffic.source,
      medium: traffic.medium,
      campaign: traffic.campaign,
      referrer: traffic.referrer,
      properties: {},
    }),
  );
  const views = rng.weighted([
    [1, 3],
    [2, 3],
    [3, 2],
    [4, 2],
    [6, 1],
  ] as const);
  for (let v = 0; v < views; v++) {
    const page = v === 0 && landingPath ? w.profile.pages.find((p) => p.path === landingPath)! : pickPage(w);
    t += rng.int(5, 180) * 1000;
    if (t >= w.window.now) break;
    events.push(
      eventRow(w, 'browser', 'page_view', t, visitorId, {
        url: `https://example.com${page.path}`,
        path: page.path,
        page_title: page.title,
        source: traffic.source,
        medium: traffic.medium,
        campaign: traffic.campaign,
        referrer: v === 0 ? traffic.referrer : null,
        properties: {},
      }),
    );
    if (rng.chance(0.25)) {
      const label = rng.pick(['Book a demo', 'Start free trial', 'See pricing', 'Read docs', 'Book appointment', 'Call us']);
      t += rng.int(3, 40) * 1000;
      if (t >= w.window.now) break;
      events.push(
        eventRow(w, 'browser', 'click', t, visitorId, {
          url: `https://example.com${page.path}`,
          path: page.path,
          page_title: page.title,
          properties: { element: 'button', text: label },
        }),
      );
    }
  }
  return Math.min(t, w.window.now - 60_000);
}
