import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { createAgent } from './create-agent.ts';
import { deleteAgent } from './delete-agent.ts';

await describeOperation(deleteAgent, (h) => {
  test('refused while it owns open conversations, saying how many and how to go on; forced, its conversations stay without it', async () => {
    const busy = await h.one<{ id: string; open: number; all: number }>(
      `select a.id, count(*) filter (where c.status in ('open', 'escalated')) as open, count(*) as all
       from agents a join conversations c on c.agent_id = a.id where a.workspace_id = any($1)
       group by a.id having count(*) filter (where c.status in ('open', 'escalated')) > 0 order by a.id limit 1`,
      [await h.workspaceIds('northwind')],
    );
    const refused = await h.refuse(deleteAgent, { agent_id: busy.id }, 'conflict');
    assert.match(refused.message, new RegExp(`owns ${busy.open} open`));
    assert.match(refused.hint ?? '', /force: true/);
    const { deleted } = await h.call(deleteAgent, { agent_id: busy.id, force: true });
    assert.equal(deleted.open_conversations, busy.open);
    const left = await h.one<{ agents: number; skills: number; orphans: number }>(
      `select (select count(*) from agents where id = $1) as agents, (select count(*) from agent_skills where agent_id = $1) as skills,
         (select count(*) from conversations c where c.agent_id is null and c.id in (select id from conversations where workspace_id = any($2))) as orphans`,
      [busy.id, await h.workspaceIds('northwind')],
    );
    assert.deepEqual([left.agents, left.skills], [0, 0]);
    assert.ok(left.orphans >= busy.all, 'its conversations stay');
  });

  test('an idle agent goes without force; another tenant and a read-only key are refused', async () => {
    const [workspace] = await h.workspaceIds('northwind');
    const { agent } = await h.call(createAgent, { workspace, name: 'Temporary' });
    await h.refuse(deleteAgent, { agent_id: agent.id }, 'insufficient_scope', h.as.northwindReadOnly);
    await h.call(deleteAgent, { agent_id: agent.id });
    await h.refuse(deleteAgent, { agent_id: agent.id }, 'not_found');
    const theirs = await h.one<{ id: string }>('select id from agents where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(deleteAgent, { agent_id: theirs.id, force: true }, 'not_found');
  });
});
