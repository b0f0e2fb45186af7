import type { Queryable } from '../../db/database.ts';
import { RowUpdate } from '../../db/sql.ts';
import { newId } from '../../ids.ts';
import type { Owned } from '../tenancy/tenant.ts';
import type { AgentDetail, Skill } from './schema.ts';

export async function insertAgent(
  db: Queryable,
  workspaceId: string,
  agent: { name: string; description: string | null; status: string },
): Promise<string> {
  const id = newId('agent');
  await db.query('insert into agents (id, workspace_id, name, description, status) values ($1, $2, $3, $4, $5)', [
    id,
    workspaceId,
    agent.name,
    agent.description,
    agent.status,
  ]);
  return id;
}

/** Sets the fields given; their names are trusted (the operation's own list). */
export async function patchAgent(db: Queryable, agent: Owned<AgentDetail>, changes: Record<string, unknown>): Promise<void> {
  await new RowUpdate('agents', agent.id).setAll(changes).run(db);
}

/** Deletes the agent and its skills; its conversations, contacts and calls stay, without an agent. */
export async function deleteAgent(db: Queryable, agent: Owned<AgentDetail>): Promise<void> {
  await db.query('delete from agents where id = $1', [agent.id]);
}

export async function insertSkill(
  db: Queryable,
  agent: Owned<AgentDetail>,
  skill: { name: string; description: string | null; trigger: string | null; instructions: string; enabled: boolean },
): Promise<string> {
  const id = newId('skill');
  await db.query(
    `insert into agent_skills (id, agent_id, workspace_id, name, description, trigger, instructions, enabled)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, agent.id, agent.workspace_id, skill.name, skill.description, skill.trigger, skill.instructions, skill.enabled],
  );
  return id;
}

/** Sets the fields given; their names are trusted (the operation's own list). */
export async function patchSkill(db: Queryable, skill: Owned<Skill>, changes: Record<string, unknown>): Promise<void> {
  await new RowUpdate('agent_skills', skill.id).setAll(changes).run(db);
}

export async function deleteSkill(db: Queryable, skill: Owned<Skill>): Promise<void> {
  await db.query('delete from agent_skills where id = $1', [skill.id]);
}
