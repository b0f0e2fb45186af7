import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getAgent } from './get-agent.ts';

await describeOperation(getAgent, (h) => {
  test('returns the agent with its settings and every skill, disabled ones too', async () => {
    const row = await h.one<{ agent_id: string; n: number }>(
      `select agent_id, count(*) as n from agent_skills where workspace_id = any($1) group by agent_id
       having bool_or(not enabled) order by agent_id limit 1`,
      [await h.workspaceIds('northwind')],
    );
    const { agent } = await h.call(getAgent, { agent_id: row.agent_id });
    assert.equal(agent.skill_list.length, row.n);
    assert.ok(agent.skill_list.some((s) => !s.enabled));
    assert.ok(agent.skill_list.every((s) => s.instructions.length > 0 && s.trigger));
    assert.equal(agent.skills.length, agent.skill_list.filter((s) => s.enabled).length);
    assert.ok(Object.keys(agent.ai_settings).length > 0);
  });

  test("another account's agent is not found", async () => {
    const theirs = await h.one<{ id: string }>('select id from agents where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(getAgent, { agent_id: theirs.id }, 'not_found');
  });
});
