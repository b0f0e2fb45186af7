import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listWorkspaces } from './list-workspaces.ts';

await describeOperation(listWorkspaces, (h) => {
  test('lists each workspace of the credential with its agents', async () => {
    const { workspaces } = await h.call(listWorkspaces);
    assert.deepEqual(
      workspaces.map((w) => w.id),
      await h.workspaceIds('northwind'),
    );
    for (const workspace of workspaces) {
      const agents = await h.sql<{ id: string; name: string }>(
        'select id, name from agents where workspace_id = $1 order by created_at, id',
        [workspace.id],
      );
      assert.deepEqual(
        workspace.agents.map((a) => a.id),
        agents.map((a) => a.id),
      );
      assert.ok(workspace.agents.length > 0, 'every demo workspace has agents');
    }
  });

  test('a workspace read-only key lists only its workspace', async () => {
    const { workspaces } = await h.call(listWorkspaces, {}, h.as.northwindReadOnly);
    assert.equal(workspaces.length, 1);
  });
});
