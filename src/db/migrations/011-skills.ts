/**
 * Skills become rows of their own: a named capability of one AI agent, with instructions, a trigger (when the agent
 * uses it) and a switch. The names agents listed so far become skills with empty instructions.
 */
export const sql = /* sql */ `
create table agent_skills (
  id text primary key,
  agent_id text not null references agents(id) on delete cascade,
  workspace_id text not null references workspaces(id) on delete cascade,
  name text not null,
  description text,
  instructions text not null default '',
  trigger text,
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (agent_id, name)
);
insert into agent_skills (id, agent_id, workspace_id, name)
  select 'sk_' || upper(replace(gen_random_uuid()::text, '-', '')), a.id, a.workspace_id, s.name
  from agents a cross join lateral jsonb_array_elements_text(case jsonb_typeof(a.skills) when 'array' then a.skills else '[]' end) as s(name)
  on conflict do nothing;
alter table agents drop column skills;
`;
