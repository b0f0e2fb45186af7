import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listSkills } from './list-skills.ts';

await describeOperation(listSkills, (h) => {
  test('lists the skills by agent, narrowed to one agent or to disabled ones, checked against SQL', async () => {
    const workspaces = await h.workspaceIds('northwind');
    const all = await h.call(listSkills, { per_page: 100 });
    const { n } = await h.one<{ n: number }>('select count(*) as n from agent_skills where workspace_id = any($1)', [workspaces]);
    assert.equal(all.pagination.total, n);
    const agentId = all.skills[0]!.agent_id;
    const mine = await h.call(listSkills, { agent_id: agentId });
    assert.ok(mine.skills.length > 0 && mine.skills.every((s) => s.agent_id === agentId));
    const disabled = await h.call(listSkills, { enabled: false });
    assert.ok(disabled.skills.length > 0 && disabled.skills.every((s) => !s.enabled));
  });

  test("another account's workspace is not found, and its agent's skills are not listed", async () => {
    await h.refuse(listSkills, { workspace: (await h.workspaceIds('bluebird'))[0] }, 'not_found');
    const theirs = await h.one<{ id: string }>('select id from agents where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    assert.equal((await h.call(listSkills, { agent_id: theirs.id })).skills.length, 0);
  });
});
