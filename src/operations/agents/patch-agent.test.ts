import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { patchAgent } from './patch-agent.ts';

await describeOperation(patchAgent, (h) => {
  const agentsOf = async () =>
    h.sql<{ id: string; name: string }>('select id, name from agents where workspace_id = $1 order by id', [
      (await h.workspaceIds('northwind'))[0],
    ]);

  test('pauses, renames and clears the description; a name another agent has is refused; no change announces nothing', async () => {
    const [agent, other] = await agentsOf();
    const { agent: paused, changed } = await h.call(patchAgent, {
      agent_id: agent!.id,
      status: 'paused',
      description: null,
      name: 'Nova 2',
    });
    assert.deepEqual(changed, ['name', 'description', 'status']);
    assert.deepEqual([paused.status, paused.description, paused.name], ['paused', null, 'Nova 2']);
    await h.refuse(patchAgent, { agent_id: agent!.id, name: other!.name.toUpperCase() }, 'conflict');
    assert.deepEqual((await h.call(patchAgent, { agent_id: agent!.id, name: 'Nova 2' })).changed, []);
    const { n } = await h.one<{ n: number }>(`select count(*) as n from outbox where subject_id = $1 and event_type = 'agent.updated'`, [
      agent!.id,
    ]);
    assert.equal(n, 1);
  });

  test('nothing to change, another tenant and a read-only key are refused', async () => {
    const [agent] = await agentsOf();
    await h.refuse(patchAgent, { agent_id: agent!.id }, 'invalid_argument');
    await h.refuse(patchAgent, { agent_id: agent!.id, status: 'active' }, 'insufficient_scope', h.as.northwindReadOnly);
    const theirs = await h.one<{ id: string }>('select id from agents where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(patchAgent, { agent_id: theirs.id, status: 'paused' }, 'not_found');
  });
});
