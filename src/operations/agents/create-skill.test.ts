import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { createSkill } from './create-skill.ts';
import { getAgent } from './get-agent.ts';

await describeOperation(createSkill, (h) => {
  const anAgent = async () =>
    h.one<{ id: string }>('select id from agents where workspace_id = any($1) order by id limit 1', [await h.workspaceIds('northwind')]);

  test('gives the agent an enabled skill it then lists; the same name again is refused', async () => {
    const agent = await anAgent();
    const { skill } = await h.call(createSkill, {
      agent_id: agent.id,
      name: 'Refund_Requests',
      trigger: 'The customer asks for their money back.',
      instructions: 'Within 30 days, confirm; otherwise open a ticket.',
    });
    assert.deepEqual([skill.name, skill.enabled, skill.agent_id], ['refund_requests', true, agent.id]);
    const { agent: after } = await h.call(getAgent, { agent_id: agent.id });
    assert.ok(after.skills.includes('refund_requests'));
    const refused = await h.refuse(createSkill, { agent_id: agent.id, name: 'refund_requests' }, 'conflict');
    assert.match(refused.hint ?? '', /patch_skill/);
    const { n } = await h.one<{ n: number }>(`select count(*) as n from outbox where subject_id = $1 and event_type = 'skill.created'`, [
      skill.id,
    ]);
    assert.equal(n, 1);
  });

  test('bad names, another tenant and a read-only key are refused', async () => {
    const agent = await anAgent();
    await h.refuse(createSkill, { agent_id: agent.id, name: 'has space' }, 'invalid_argument');
    await h.refuse(createSkill, { agent_id: agent.id, name: '9lives' }, 'invalid_argument');
    await h.refuse(createSkill, { agent_id: agent.id, name: 'ok', instructions: 'x'.repeat(10_001) }, 'invalid_argument');
    await h.refuse(createSkill, { agent_id: agent.id, name: 'ok' }, 'insufficient_scope', h.as.northwindReadOnly);
    const theirs = await h.one<{ id: string }>('select id from agents where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(createSkill, { agent_id: theirs.id, name: 'ok' }, 'not_found');
  });
});
