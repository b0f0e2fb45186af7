import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listOutgoingMessages } from './list-outgoing-messages.ts';

await describeOperation(listOutgoingMessages, (h) => {
  test('lists what waits for delivery oldest first, with its address, and filters by status and channel', async () => {
    const workspaces = await h.workspaceIds('northwind');
    const queued = await h.call(listOutgoingMessages, { status: 'queued', per_page: 100 });
    const expected = await h.sql<{ id: string }>(
      "select id from messages where workspace_id = any($1) and status = 'queued' order by created_at, id",
      [workspaces],
    );
    assert.ok(expected.length > 0);
    assert.deepEqual(
      queued.messages.map((m) => m.id),
      expected.map((m) => m.id),
    );
    assert.ok(queued.messages.filter((m) => m.channel === 'email').every((m) => m.recipient?.includes('@') && m.channel_id));
    const failedEmail = await h.call(listOutgoingMessages, { status: 'failed', channel: 'email' });
    assert.ok(failedEmail.messages.length > 0 && failedEmail.messages.every((m) => m.status === 'failed' && m.status_reason));
    const all = await h.call(listOutgoingMessages, { per_page: 5 });
    const { n } = await h.one<{ n: number }>('select count(*) as n from messages where workspace_id = any($1) and status is not null', [
      workspaces,
    ]);
    assert.equal(all.pagination.total, n);
  });

  test('a workspace key sees its workspace only; another account sees none of these', async () => {
    const [first] = await h.workspaceIds('northwind');
    const mine = await h.call(listOutgoingMessages, { per_page: 100 }, h.as.northwindReadOnly);
    assert.ok(mine.messages.length > 0 && mine.messages.every((m) => m.workspace_id === first));
    const theirs = await h.call(listOutgoingMessages, { per_page: 100 }, h.as.bluebird);
    const northwind = new Set(await h.workspaceIds('northwind'));
    assert.ok(theirs.messages.every((m) => !northwind.has(m.workspace_id)));
    await h.refuse(listOutgoingMessages, { status: 'lost' }, 'invalid_argument');
  });
});
