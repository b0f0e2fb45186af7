import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getContactCustomAttributes } from './get-contact-custom-attributes.ts';

await describeOperation(getContactCustomAttributes, (h) => {
  test("every definition of the contact's workspace with the contact's value, unset ones as null", async () => {
    const contact = await h.one<{ id: string; workspace_id: string; attributes: Record<string, unknown> }>(
      "select id, workspace_id, attributes from contacts where workspace_id = any($1) and attributes ? 'team_size' limit 1",
      [await h.workspaceIds('northwind')],
    );
    await h.sql(`update contacts set attributes = attributes || '{"favourite_colour": "teal"}' where id = $1`, [contact.id]);
    const values = await h.call(getContactCustomAttributes, { contact_id: contact.id });
    const definitions = await h.sql<{ name: string }>('select name from custom_attributes where workspace_id = $1 order by name', [
      contact.workspace_id,
    ]);
    assert.deepEqual(
      values.attributes.map((a) => a.name),
      definitions.map((d) => d.name),
    );
    assert.equal(values.attributes.find((a) => a.name === 'team_size')?.value, contact.attributes.team_size);
    assert.deepEqual(values.other, { favourite_colour: 'teal' });
  });

  test("another account's contact is not found", async () => {
    const theirs = await h.one<{ id: string }>('select id from contacts where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(getContactCustomAttributes, { contact_id: theirs.id }, 'not_found');
  });
});
