import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listCalls } from './list-calls.ts';

await describeOperation(listCalls, (h) => {
  test('lists the calls of the window newest first, with the caller when known, totals as the table has them', async () => {
    const result = await h.call(listCalls, { start_date: '2020-01-01', per_page: 100 });
    const { n } = await h.one<{ n: number }>(
      'select count(*) as n from calls where workspace_id = any($1) and started_at >= $2 and started_at < $3',
      [await h.workspaceIds('northwind'), result.range.start, result.range.end],
    );
    assert.equal(result.pagination.total, n);
    const times = result.calls.map((c) => c.started_at);
    assert.deepEqual([...times].sort().reverse(), times);
    const known = result.calls.find((c) => c.contact_id)!;
    const contact = await h.one<{ name: string }>('select name from contacts where id = $1', [known.contact_id]);
    assert.equal(known.contact_name, contact.name);
    assert.ok(result.calls.some((c) => c.has_transcript) && result.calls.some((c) => !c.has_transcript));
  });

  test('filters by direction, outcome and contact', async () => {
    const missed = await h.call(listCalls, { start_date: '2020-01-01', direction: 'inbound', outcome: 'missed', per_page: 100 });
    assert.ok(missed.calls.length > 0 && missed.calls.every((c) => c.direction === 'inbound' && c.outcome === 'missed'));
    const someone = await h.one<{ contact_id: string; n: number }>(
      'select contact_id, count(*) as n from calls where workspace_id = any($1) and contact_id is not null group by contact_id order by contact_id limit 1',
      [await h.workspaceIds('northwind')],
    );
    const theirs = await h.call(listCalls, { start_date: '2020-01-01', contact_id: someone.contact_id });
    assert.equal(theirs.pagination.total, someone.n);
    await h.refuse(listCalls, { outcome: 'busy' }, 'invalid_argument');
  });
});
