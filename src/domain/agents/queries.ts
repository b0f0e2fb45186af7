import type { Queryable } from '../../db/database.ts';
import { Conditions, selectPage } from '../../db/sql.ts';
import { owned, type Owned, type Tenant } from '../tenancy/tenant.ts';
import type { Agent, AgentDetail, Skill } from './schema.ts';

const AGENT_COLUMNS = `a.id, a.workspace_id, a.name, a.description, a.status,
  array(select s.name from agent_skills s where s.agent_id = a.id and s.enabled order by s.name) as skills,
  (select count(*) from conversations c where c.agent_id = a.id and c.status in ('open', 'escalated')) as open_conversations,
  a.created_at, a.updated_at`;
const SKILL_COLUMNS =
  's.id, s.agent_id, s.workspace_id, s.name, s.description, s.trigger, s.instructions, s.enabled, s.created_at, s.updated_at';

export async function listAgents(
  db: Queryable,
  tenant: Tenant,
  filter: { status?: string | undefined },
  page: { limit: number; offset: number },
) {
  const where = new Conditions();
  where.add(`a.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  where.addIf(filter.status, (p) => `a.status = ${p}`);
  return selectPage<Agent>(db, { columns: AGENT_COLUMNS, from: 'agents a', where, orderBy: 'a.workspace_id, a.name, a.id' }, page);
}

export async function getAgent(db: Queryable, tenant: Tenant, id: string): Promise<Owned<AgentDetail> | undefined> {
  const [row] = await db.query<Omit<AgentDetail, 'skill_list'>>(
    `select ${AGENT_COLUMNS}, a.ai_settings, a.widget_settings from agents a where a.id = $1 and a.workspace_id = any($2)`,
    [id, tenant.workspaceIds],
  );
  if (!row) return undefined;
  return owned({ ...row, skill_list: await agentSkills(db, row.id) });
}

/** An agent of the workspace with this name (any case), if any. */
export async function agentNamed(db: Queryable, workspaceId: string, name: string) {
  const [row] = await db.query<{ id: string }>('select id from agents where workspace_id = $1 and lower(name) = lower($2)', [
    workspaceId,
    name,
  ]);
  return row;
}

async function agentSkills(db: Queryable, agentId: string): Promise<Skill[]> {
  return db.query<Skill>(`select ${SKILL_COLUMNS} from agent_skills s where s.agent_id = $1 order by s.name`, [agentId]);
}

export async function listSkills(
  db: Queryable,
  tenant: Tenant,
  filter: { agentId?: string | undefined; enabled?: boolean | undefined },
  page: { limit: number; offset: number },
) {
  const where = new Conditions();
  where.add(`s.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  where.addIf(filter.agentId, (p) => `s.agent_id = ${p}`);
  where.addIf(filter.enabled, (p) => `s.enabled = ${p}`);
  return selectPage<Skill>(db, { columns: SKILL_COLUMNS, from: 'agent_skills s', where, orderBy: 's.agent_id, s.name' }, page);
}

export async function getSkill(db: Queryable, tenant: Tenant, id: string): Promise<Owned<Skill> | undefined> {
  const [row] = await db.query<Skill>(`select ${SKILL_COLUMNS} from agent_skills s where s.id = $1 and s.workspace_id = any($2)`, [
    id,
    tenant.workspaceIds,
  ]);
  return owned(row);
}

/** The agent's skill with this name, if any. */
export async function skillNamed(db: Queryable, agentId: string, name: string) {
  const [row] = await db.query<{ id: string }>('select id from agent_skills where agent_id = $1 and name = $2', [agentId, name]);
  return row;
}
