import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listCustomAttributes } from './list-custom-attributes.ts';

await describeOperation(listCustomAttributes, (h) => {
  test('the definitions of the workspaces the credential sees, as the table has them', async () => {
    const { attributes } = await h.call(listCustomAttributes);
    const rows = await h.sql<{ id: string }>('select id from custom_attributes where workspace_id = any($1) order by workspace_id, name', [
      await h.workspaceIds('northwind'),
    ]);
    assert.deepEqual(
      attributes.map((a) => a.id),
      rows.map((r) => r.id),
    );
    const stage = attributes.find((a) => a.name === 'lifecycle_stage');
    assert.deepEqual(stage?.options, ['lead', 'trial', 'customer', 'churned']);
    const [web] = await h.workspaceIds('northwind');
    const one = await h.call(listCustomAttributes, { workspace: web! });
    assert.ok(one.attributes.length > 0 && one.attributes.every((a) => a.workspace_id === web));
    const theirs = await h.call(listCustomAttributes, {}, h.as.bluebird);
    assert.deepEqual(
      theirs.attributes.map((a) => a.name),
      ['preferred_location'],
    );
  });
});
