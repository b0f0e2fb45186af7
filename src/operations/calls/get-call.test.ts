import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getCall } from './get-call.ts';

await describeOperation(getCall, (h) => {
  test('returns a call with its transcript, recording and agent; a long transcript is cut and says by how much', async () => {
    const row = await h.one<{ id: string; transcript: string; recording_url: string }>(
      'select id, transcript, recording_url from calls where workspace_id = any($1) and transcript is not null order by id limit 1',
      [await h.workspaceIds('northwind')],
    );
    const { call } = await h.call(getCall, { call_id: row.id });
    assert.equal(call.transcript, row.transcript);
    assert.equal(call.recording_url, row.recording_url);
    assert.equal(call.transcript_omitted_characters, 0);
    assert.ok(call.agent_name);
    await h.sql('update calls set transcript = repeat($2, 3000) where id = $1', [row.id, 'Caller: hello there\n']);
    const long = await h.call(getCall, { call_id: row.id });
    assert.equal(long.call.transcript?.length, 20_000);
    assert.equal(long.call.transcript_omitted_characters, 3000 * 'Caller: hello there\n'.length - 20_000);
  });

  test("an unknown call, or another account's, is not found", async () => {
    await h.refuse(getCall, { call_id: 'call_nope' }, 'not_found');
    const theirs = await h.one<{ id: string }>('select id from calls where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(getCall, { call_id: theirs.id }, 'not_found');
  });
});
