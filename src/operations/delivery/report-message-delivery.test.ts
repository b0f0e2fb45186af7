import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { reportMessageDelivery } from './report-message-delivery.ts';

await describeOperation(reportMessageDelivery, (h) => {
  const queuedMessage = async () => {
    const row = await h.one<{ id: string }>(
      "select m.id from messages m where m.workspace_id = any($1) and m.status = 'queued' order by m.id limit 1",
      [await h.workspaceIds('northwind')],
    );
    return row.id;
  };

  test('moves a message along delivery, keeps the provider id, and announces each step; a late report changes nothing', async () => {
    const id = await queuedMessage();
    const sent = await h.call(reportMessageDelivery, { message_id: id, status: 'sent', external_id: 'prov-1' });
    assert.equal(sent.changed, true);
    assert.equal(sent.message.status, 'sent');
    assert.equal(sent.message.external_id, 'prov-1');
    const at = '2026-11-20T10:00:00.000Z';
    const read = await h.call(reportMessageDelivery, { message_id: id, status: 'read', occurred_at: at });
    assert.equal(read.message.status, 'read');
    assert.equal(new Date(read.message.status_at).toISOString(), at);
    assert.equal(read.message.external_id, 'prov-1', 'an id given once is kept');
    const late = await h.call(reportMessageDelivery, { message_id: id, status: 'delivered' });
    assert.deepEqual(late, { message: read.message, changed: false });
    const events = await h.sql<{ status: string }>(
      "select payload->'data'->>'status' as status from outbox where subject_id = $1 and event_type = 'message.status_updated' order by created_at, id",
      [id],
    );
    assert.deepEqual(
      events.map((e) => e.status),
      ['sent', 'read'],
    );
    const failed = await h.refuse(reportMessageDelivery, { message_id: id, status: 'failed', reason: 'bounced' }, 'conflict');
    assert.match(failed.message, /already read/);
  });

  test('a failure keeps its reason until a retry gets through', async () => {
    const id = (
      await h.one<{ id: string }>(
        "select m.id from messages m where m.workspace_id = any($1) and m.status = 'queued' order by m.id desc limit 1",
        [await h.workspaceIds('bluebird')],
      )
    ).id;
    const failed = await h.call(
      reportMessageDelivery,
      { message_id: id, status: 'failed', reason: 'Carrier rejected the number' },
      h.as.bluebird,
    );
    assert.equal(failed.message.status_reason, 'Carrier rejected the number');
    const retried = await h.call(reportMessageDelivery, { message_id: id, status: 'delivered' }, h.as.bluebird);
    assert.equal(retried.message.status, 'delivered');
    assert.equal(retried.message.status_reason, null);
  });

  test('refuses a failure without a reason, a reason without one, an unknown or received message and a read-only key', async () => {
    const id = await queuedMessage();
    await h.refuse(reportMessageDelivery, { message_id: id, status: 'failed' }, 'invalid_argument');
    await h.refuse(reportMessageDelivery, { message_id: id, status: 'sent', reason: 'x' }, 'invalid_argument');
    await h.refuse(reportMessageDelivery, { message_id: id, status: 'queued' }, 'invalid_argument');
    const received = await h.one<{ id: string }>("select id from messages where workspace_id = any($1) and role = 'visitor' limit 1", [
      await h.workspaceIds('northwind'),
    ]);
    await h.refuse(reportMessageDelivery, { message_id: received.id, status: 'delivered' }, 'not_found');
    await h.refuse(reportMessageDelivery, { message_id: id, status: 'delivered' }, 'not_found', h.as.bluebird);
    await h.refuse(reportMessageDelivery, { message_id: id, status: 'delivered' }, 'insufficient_scope', h.as.northwindReadOnly);
    assert.equal((await h.one<{ status: string }>('select status from messages where id = $1', [id])).status, 'queued');
  });
});
