import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { createContact } from '../contacts/create-contact.ts';
import { patchContact } from '../contacts/patch-contact.ts';
import { patchContactCustomAttributes } from './patch-contact-custom-attributes.ts';

await describeOperation(patchContactCustomAttributes, (h) => {
  const someContact = async () =>
    h.one<{ id: string; attributes: Record<string, unknown> }>(
      "select id, attributes from contacts where workspace_id = any($1) and attributes ? 'team_size' order by id limit 1",
      [await h.workspaceIds('northwind')],
    );

  test('sets values checked against their definitions; null removes; the rest stays', async () => {
    const contact = await someContact();
    const result = await h.call(patchContactCustomAttributes, {
      contact_id: contact.id,
      values: { lifecycle_stage: 'customer', team_size: null },
    });
    assert.deepEqual(result.changed, ['lifecycle_stage', 'team_size']);
    const row = await h.one<{ attributes: Record<string, unknown> }>('select attributes from contacts where id = $1', [contact.id]);
    assert.equal(row.attributes.lifecycle_stage, 'customer');
    assert.ok(!('team_size' in row.attributes));
    assert.equal(result.attributes.find((a) => a.name === 'team_size')?.value, null);
    const outbox = await h.one<{ payload: Record<string, any> }>(
      "select payload from outbox where subject_id = $1 and event_type = 'contact.updated'",
      [contact.id],
    );
    assert.deepEqual(outbox.payload.data.changed, ['lifecycle_stage', 'team_size']);
  });

  test('refuses a value outside its type or options, and an attribute the workspace does not define; writes nothing', async () => {
    const contact = await someContact();
    const wrongOption = await h.refuse(
      patchContactCustomAttributes,
      { contact_id: contact.id, values: { lifecycle_stage: 'prospect' } },
      'invalid_argument',
    );
    assert.match(wrongOption.message, /lifecycle_stage: expected one of lead, trial, customer, churned/);
    const wrongType = await h.refuse(
      patchContactCustomAttributes,
      { contact_id: contact.id, values: { team_size: 'twelve' } },
      'invalid_argument',
    );
    assert.match(wrongType.message, /team_size: expected a number/);
    const undefinedName = await h.refuse(
      patchContactCustomAttributes,
      { contact_id: contact.id, values: { favourite_colour: 'teal' } },
      'invalid_argument',
    );
    assert.match(undefinedName.message, /no such custom attribute in this workspace \(defined: /);
    await h.refuse(patchContactCustomAttributes, { contact_id: contact.id, values: {} }, 'invalid_argument');
    assert.deepEqual(
      (await h.one<{ attributes: unknown }>('select attributes from contacts where id = $1', [contact.id])).attributes,
      contact.attributes,
    );
  });

  test('create_contact and patch_contact check defined attributes too, and keep free-form ones', async () => {
    const contact = await someContact();
    await h.refuse(patchContact, { contact_id: contact.id, attributes: { lifecycle_stage: 'prospect' } }, 'invalid_argument');
    await h.call(patchContact, { contact_id: contact.id, attributes: { favourite_colour: 'teal' } });
    const [web] = await h.workspaceIds('northwind');
    await h.refuse(createContact, { workspace: web!, name: 'Typed', attributes: { team_size: 'many' } }, 'invalid_argument');
  });
});
