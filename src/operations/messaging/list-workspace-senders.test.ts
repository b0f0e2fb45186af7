import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listWorkspaceSenders } from './list-workspace-senders.ts';

await describeOperation(listWorkspaceSenders, (h) => {
  test("lists each workspace's active agents and channels, with which can send, and the account's people", async () => {
    const { workspaces } = await h.call(listWorkspaceSenders, {});
    const ids = await h.workspaceIds('northwind');
    assert.deepEqual(
      workspaces.map((w) => w.id),
      ids,
    );
    for (const workspace of workspaces) {
      const agents = await h.sql<{ id: string }>("select id from agents where workspace_id = $1 and status = 'active' order by id", [
        workspace.id,
      ]);
      assert.deepEqual(
        workspace.agents.map((a) => a.id).sort(),
        agents.map((a) => a.id),
      );
      const { n } = await h.one<{ n: number }>('select count(*) as n from channels where workspace_id = $1', [workspace.id]);
      assert.equal(workspace.channels.length, n);
      assert.ok(workspace.channels.some((c) => c.kind === 'email' && c.can_send));
      assert.ok(workspace.channels.some((c) => c.kind === 'whatsapp' && c.status === 'disabled' && !c.can_send));
      assert.ok(
        workspace.channels.filter((c) => c.kind === 'web').every((c) => !c.can_send),
        'send_contact_message does not reach the widget',
      );
    }
  });

  test('narrows to one workspace, and a person who joins the account becomes a sender there alone', async () => {
    const [web] = await h.workspaceIds('northwind');
    const narrowed = await h.call(listWorkspaceSenders, { workspace: web });
    assert.deepEqual(
      narrowed.workspaces.map((w) => w.id),
      [web],
    );
    await h.sql(
      "insert into users (id, account_id, email, name, role) values ('usr_senders_test', $1, 'senders-test@northwind.example', 'Sam Sender', 'member')",
      [h.as.northwind.accountId],
    );
    assert.deepEqual((await h.call(listWorkspaceSenders, { workspace: web })).people, [{ id: 'usr_senders_test', name: 'Sam Sender' }]);
    assert.deepEqual((await h.call(listWorkspaceSenders, {}, h.as.bluebird)).people, []);
  });
});
