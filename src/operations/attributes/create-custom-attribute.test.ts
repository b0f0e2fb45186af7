import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { createCustomAttribute } from './create-custom-attribute.ts';

await describeOperation(createCustomAttribute, (h) => {
  test('defines a typed attribute in one workspace, audited and announced', async () => {
    const [web] = await h.workspaceIds('northwind');
    const { attribute } = await h.call(createCustomAttribute, { workspace: web!, name: 'renews_on', label: 'Renews on', type: 'date' });
    const row = await h.one<Record<string, unknown>>(
      'select workspace_id, name, label, type, options from custom_attributes where id = $1',
      [attribute.id],
    );
    assert.deepEqual(row, { workspace_id: web, name: 'renews_on', label: 'Renews on', type: 'date', options: null });
    assert.equal(
      (
        await h.one<{ n: number }>("select count(*) as n from outbox where subject_id = $1 and event_type = 'custom_attribute.created'", [
          attribute.id,
        ])
      ).n,
      1,
    );
  });

  test('refuses a name the workspace has, options on a non-select, a select without options, and bad names', async () => {
    const [web] = await h.workspaceIds('northwind');
    await h.refuse(createCustomAttribute, { workspace: web!, name: 'lifecycle_stage', label: 'Again', type: 'text' }, 'conflict');
    await h.refuse(createCustomAttribute, { workspace: web!, name: 'a', label: 'A', type: 'text', options: ['x'] }, 'invalid_argument');
    await h.refuse(createCustomAttribute, { workspace: web!, name: 'b', label: 'B', type: 'select' }, 'invalid_argument');
    await h.refuse(
      createCustomAttribute,
      { workspace: web!, name: 'c', label: 'C', type: 'select', options: ['x', 'x'] },
      'invalid_argument',
    );
    await h.refuse(createCustomAttribute, { workspace: web!, name: 'Bad Name', label: 'D', type: 'text' }, 'invalid_argument');
    await h.refuse(createCustomAttribute, { workspace: web!, name: 'e', label: 'E', type: 'color' }, 'invalid_argument');
    await h.refuse(
      createCustomAttribute,
      { workspace: (await h.workspaceIds('bluebird'))[0]!, name: 'f', label: 'F', type: 'text' },
      'not_found',
    );
  });
});
