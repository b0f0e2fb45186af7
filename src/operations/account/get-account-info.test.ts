import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getAccountInfo } from './get-account-info.ts';

await describeOperation(getAccountInfo, (h) => {
  test('names the account, the credential, its scopes and the workspaces it may read', async () => {
    const info = await h.call(getAccountInfo);
    const account = await h.one<{ id: string; name: string }>("select id, name from accounts where slug = 'northwind'");
    assert.equal(info.account.id, account.id);
    assert.equal(info.account.name, 'Northwind Labs');
    assert.deepEqual(
      info.workspaces.map((w) => w.id),
      await h.workspaceIds('northwind'),
    );
    assert.deepEqual(info.scopes, ['read', 'write', 'ingest']);
    assert.deepEqual(info.credential, { type: 'api_key', name: 'Demo account key', kind: 'account' });
  });

  test('a workspace read-only key sees its one workspace and the read scope only', async () => {
    const info = await h.call(getAccountInfo, {}, h.as.northwindReadOnly);
    assert.deepEqual(
      info.workspaces.map((w) => w.id),
      (await h.workspaceIds('northwind')).slice(0, 1),
    );
    assert.deepEqual(info.scopes, ['read']);
    assert.equal(info.credential.kind, 'read_only');
  });

  test('takes no arguments', async () => {
    const error = await h.refuse(getAccountInfo, { workspace: 'x' }, 'invalid_argument');
    assert.match(error.message, /unknown argument\(s\) "workspace"/);
  });
});
