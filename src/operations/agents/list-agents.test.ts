import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listAgents } from './list-agents.ts';

await describeOperation(listAgents, (h) => {
  test("lists the account's agents with their enabled skills and open conversations, checked against SQL", async () => {
    const { agents, pagination } = await h.call(listAgents, {});
    const expected = await h.sql<{ id: string; skills: string[]; open: number }>(
      `select a.id, array(select s.name from agent_skills s where s.agent_id = a.id and s.enabled order by s.name) as skills,
         (select count(*) from conversations c where c.agent_id = a.id and c.status in ('open', 'escalated')) as open
       from agents a where a.workspace_id = any($1) order by a.workspace_id, a.name, a.id`,
      [await h.workspaceIds('northwind')],
    );
    assert.equal(pagination.total, expected.length);
    assert.deepEqual(
      agents.map((a) => [a.id, a.skills, a.open_conversations]),
      expected.map((a) => [a.id, a.skills, a.open]),
    );
    assert.ok(agents.some((a) => a.open_conversations > 0));
    assert.ok(
      agents.every((a) => !a.skills.includes('lead_capture')),
      'disabled skills are not listed',
    );
    assert.equal((await h.call(listAgents, { status: 'archived' })).agents.length, 0);
  });

  test("another account's workspace is not found", async () => {
    await h.refuse(listAgents, { workspace: (await h.workspaceIds('bluebird'))[0] }, 'not_found');
  });
});
