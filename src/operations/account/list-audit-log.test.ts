import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { createContact } from '../contacts/create-contact.ts';
import { patchContact } from '../contacts/patch-contact.ts';
import { listAuditLog } from './list-audit-log.ts';

await describeOperation(listAuditLog, (h) => {
  test('lists the writes on an object newest first, with who, how and the idempotency key', async () => {
    const [web] = await h.workspaceIds('northwind');
    const { contact } = await h.call(createContact, { workspace: web!, name: 'Audited Person', idempotency_key: 'audit-1' });
    await h.call(patchContact, { contact_id: contact.id, title: 'CTO' });
    const { entries, pagination } = await h.call(listAuditLog, { target_id: contact.id });
    assert.equal(pagination.total, 2);
    assert.deepEqual(
      entries.map((e) => e.operation),
      ['patch_contact', 'create_contact'],
    );
    const [, created] = entries;
    assert.equal(created!.idempotency_key, 'audit-1');
    assert.equal(created!.actor_id, h.as.northwind.credential.id);
    assert.equal(created!.actor_type, 'api_key');
    assert.equal(created!.surface, 'rest');
    assert.equal(created!.workspace_id, web);
    const byOperation = await h.call(listAuditLog, { operation: 'patch_contact', actor_id: h.as.northwind.credential.id });
    assert.ok(byOperation.entries.every((e) => e.operation === 'patch_contact'));
    assert.ok(byOperation.entries.some((e) => e.target_id === contact.id));
  });

  test("is for admins, and no account sees another's entries", async () => {
    await h.refuse(listAuditLog, {}, 'forbidden', h.as.northwindReadOnly);
    const theirs = await h.call(listAuditLog, { per_page: 100 }, h.as.bluebird);
    const northwindKey = h.as.northwind.credential.id;
    assert.ok(theirs.entries.every((e) => e.actor_id !== northwindKey));
  });
});
