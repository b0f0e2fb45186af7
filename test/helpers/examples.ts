// Operation examples carry placeholder ids (`ct_01JD...`); tests run them against the demo data with each placeholder
// swapped for a real id of the same kind, chosen so every example has something to show.
import type { AnyOperation } from '../../src/operations/define.ts';

type Sql = <T extends object>(text: string, params?: unknown[]) => Promise<T[]>;

const ACCOUNT = `(select w.id from workspaces w join accounts a on a.id = w.account_id where a.slug = $1)`;

/** Per id prefix, a demo row of that kind in the account: rich ones (with notes, a company, a visitor). */
const SAMPLES: Record<string, string> = {
  ws: `select w.id from workspaces w join accounts a on a.id = w.account_id where a.slug = $1 order by w.created_at, w.id limit 1`,
  cv: `select c.id from conversations c where c.workspace_id in ${ACCOUNT} and c.visitor_id is not null and c.contact_id is not null
       and not exists (select 1 from tickets t where t.conversation_id = c.id and t.status <> 'closed') order by c.started_at desc, c.id limit 1`,
  ct: `select ct.id from contacts ct where ct.workspace_id in ${ACCOUNT} and ct.company_id is not null and exists (select 1 from notes n where n.contact_id = ct.id)
       order by exists (select 1 from conversations c where c.contact_id = ct.id and c.channel = 'email') desc, ct.id limit 1`,
  co: `select co.id from companies co where co.workspace_id in ${ACCOUNT} and exists (select 1 from contacts ct where ct.company_id = co.id) order by co.id limit 1`,
  note: `select n.id from notes n where n.workspace_id in ${ACCOUNT} and n.contact_id is not null order by n.id limit 1`,
  msg: `select m.id from messages m where m.workspace_id in ${ACCOUNT} and m.status = 'queued' order by m.id limit 1`,
  tk: `select t.id from tickets t where t.workspace_id in ${ACCOUNT} and exists (select 1 from ticket_messages m where m.ticket_id = t.id and m.visibility = 'internal') order by t.id limit 1`,
  call: `select k.id from calls k where k.workspace_id in ${ACCOUNT} and k.transcript is not null order by k.id limit 1`,
  apt: `select b.id from appointments b where b.workspace_id in ${ACCOUNT} and b.contact_id is not null order by b.id limit 1`,
  res: `select b.id from reservations b where b.workspace_id in ${ACCOUNT} order by b.id limit 1`,
  ag: `select a.id from agents a where a.workspace_id in ${ACCOUNT} and exists (select 1 from agent_skills s where s.agent_id = a.id)
       order by a.created_at, a.id limit 1`,
  ag2: `select a.id from agents a where a.workspace_id in ${ACCOUNT} order by a.created_at desc, a.id desc limit 1`,
  sk: `select s.id from agent_skills s where s.workspace_id in ${ACCOUNT} order by s.agent_id, s.name limit 1`,
  evt: `select e.id from events e where e.workspace_id in ${ACCOUNT} and e.properties <> '{}' order by e.occurred_at desc, e.id limit 1`,
  vis: `select v.id from visitors v where v.workspace_id in ${ACCOUNT} and v.contact_id is not null and exists (select 1 from conversations c where c.visitor_id = v.id) order by v.id limit 1`,
};

/** `ag_01JD0000000000000000000000` is the sample of its kind; one ending in 2 (`..0002`) a second one, for a deletion. */
const PLACEHOLDER = /^([a-z]+)_01JD0{21}([02])$/;

/** A demo id per kind, in the account with this slug. */
export async function demoIds(sql: Sql, accountSlug: string): Promise<Map<string, string>> {
  const entries = await Promise.all(
    Object.entries(SAMPLES).map(async ([prefix, query]) => [prefix, (await sql<{ id: string }>(query, [accountSlug]))[0]!.id] as const),
  );
  return new Map(entries);
}

/** Each example of the operation, its placeholder ids replaced by `ids`. */
export function examplesOf(op: AnyOperation, ids: Map<string, string>): Array<{ summary: string; input: Record<string, unknown> }> {
  return op.examples.map(({ summary, input }) => ({ summary, input: substitute(input, ids) as Record<string, unknown> }));
}

function substitute(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === 'string') {
    const match = PLACEHOLDER.exec(value);
    if (!match) return value;
    const id = ids.get(match[2] === '2' ? `${match[1]}2` : match[1]!);
    if (!id) throw new Error(`no demo id for placeholder ${value}`);
    return id;
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, ids));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, ids)]));
  return value;
}

/** The REST request for an operation's input: path parameters in the path, the rest in the query or the body. */
export function restRequest(op: AnyOperation, input: Record<string, unknown>): { path: string; init: RequestInit } {
  const route = op.rest!;
  const rest = { ...input };
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = rest[name];
    delete rest[name];
    return encodeURIComponent(String(value));
  });
  // GET and DELETE carry their arguments in the query, the others in a JSON body.
  if (route.method !== 'GET' && route.method !== 'DELETE')
    return { path, init: { method: route.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(rest) } };
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(rest)) {
    for (const item of Array.isArray(value) ? value : [value]) query.append(name, String(item));
  }
  return { path: query.size > 0 ? `${path}?${query}` : path, init: { method: route.method } };
}
