import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { patchContact } from './patch-contact.ts';

await describeOperation(patchContact, (h) => {
  const someContact = async (account: 'northwind' | 'bluebird' = 'northwind') =>
    h.one<{
      id: string;
      workspace_id: string;
      name: string;
      email: string | null;
      attributes: Record<string, unknown>;
      updated_at: string;
    }>(
      'select id, workspace_id, name, email, attributes, updated_at from contacts where workspace_id = any($1) and company_id is not null order by id limit 1',
      [await h.workspaceIds(account)],
    );

  test('merge patch: given fields are set, null clears, the rest stays; attributes merge key by key', async () => {
    const before = await someContact();
    const { contact, changed } = await h.call(patchContact, {
      contact_id: before.id,
      title: 'VP Sales',
      phone: '+44 20 7946 0958',
      company_id: null,
      attributes: { lifecycle_stage: 'customer', team_size: null, tier: 'gold' },
    });
    assert.deepEqual(changed.sort(), ['attributes', 'company_id', 'phone', 'title']);
    const row = await h.one<Record<string, any>>(
      'select name, email, title, phone, company_id, attributes, updated_at from contacts where id = $1',
      [before.id],
    );
    assert.equal(row.name, before.name, 'left out: unchanged');
    assert.equal(row.email, before.email);
    assert.equal(row.title, 'VP Sales');
    assert.equal(row.phone, '+442079460958');
    assert.equal(row.company_id, null, 'null clears');
    const expected = { ...before.attributes, lifecycle_stage: 'customer', tier: 'gold' };
    delete (expected as Record<string, unknown>).team_size;
    assert.deepEqual(row.attributes, expected);
    assert.ok(row.updated_at > before.updated_at);
    assert.deepEqual(contact.attributes, row.attributes);
    const outbox = await h.one<{ event_type: string; payload: Record<string, any> }>(
      "select event_type, payload from outbox where subject_id = $1 and event_type = 'contact.updated'",
      [before.id],
    );
    assert.deepEqual(outbox.payload.data.changed.sort(), changed);
    assert.equal(
      await h
        .one<{ n: number }>("select count(*) as n from audit_log where target_id = $1 and operation = 'patch_contact'", [before.id])
        .then((r) => r.n),
      1,
    );
  });

  test("another account's contact is not found and stays as it was", async () => {
    const theirs = await someContact('bluebird');
    await h.refuse(patchContact, { contact_id: theirs.id, name: 'Hijacked' }, 'not_found');
    assert.equal((await h.one<{ name: string }>('select name from contacts where id = $1', [theirs.id])).name, theirs.name);
    assert.equal(await h.one<{ n: number }>('select count(*) as n from audit_log where target_id = $1', [theirs.id]).then((r) => r.n), 0);
  });

  test('refuses an empty patch, an email another contact has, and a company of another workspace', async () => {
    const mine = await someContact();
    await h.refuse(patchContact, { contact_id: mine.id }, 'invalid_argument');
    const other = await h.one<{ email: string }>(
      'select email from contacts where workspace_id = $1 and id <> $2 and email is not null limit 1',
      [mine.workspace_id, mine.id],
    );
    await h.refuse(patchContact, { contact_id: mine.id, email: other.email }, 'conflict');
    const elsewhere = await h.one<{ id: string }>('select id from companies where workspace_id <> $1 limit 1', [mine.workspace_id]);
    await h.refuse(patchContact, { contact_id: mine.id, company_id: elsewhere.id }, 'not_found');
    await h.refuse(patchContact, { contact_id: mine.id, phone: 'call me' }, 'invalid_argument');
  });
});
