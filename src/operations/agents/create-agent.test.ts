import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { createAgent } from './create-agent.ts';

await describeOperation(createAgent, (h) => {
  test('adds a paused agent, audited and announced; the same name again is refused, in any case', async () => {
    const [workspace] = await h.workspaceIds('northwind');
    const { agent } = await h.call(createAgent, { workspace, name: 'Remy (Renewals)', idempotency_key: 'agent-1' });
    assert.deepEqual([agent.status, agent.skills, agent.skill_list, agent.open_conversations], ['paused', [], [], 0]);
    assert.equal((await h.call(createAgent, { workspace, name: 'Remy (Renewals)', idempotency_key: 'agent-1' })).agent.id, agent.id);
    const refused = await h.refuse(createAgent, { workspace, name: 'remy (renewals)' }, 'conflict');
    assert.match(refused.message, new RegExp(agent.id));
    const { n } = await h.one<{ n: number }>(`select count(*) as n from outbox where subject_id = $1 and event_type = 'agent.created'`, [
      agent.id,
    ]);
    assert.equal(n, 1);
  });

  test('bad input, several workspaces unnamed, another tenant and a read-only key are refused', async () => {
    const [workspace] = await h.workspaceIds('northwind');
    await h.refuse(createAgent, { workspace, name: ' ' }, 'invalid_argument');
    await h.refuse(createAgent, { workspace, name: 'X', status: 'deleted' }, 'invalid_argument');
    await h.refuse(createAgent, { name: 'X' }, 'invalid_argument');
    await h.refuse(createAgent, { workspace: (await h.workspaceIds('bluebird'))[0], name: 'X' }, 'not_found');
    await h.refuse(createAgent, { workspace, name: 'X' }, 'insufficient_scope', h.as.northwindReadOnly);
  });
});
