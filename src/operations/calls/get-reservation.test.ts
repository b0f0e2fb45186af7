import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getReservation } from './get-reservation.ts';

await describeOperation(getReservation, (h) => {
  test('returns one reservation as stored', async () => {
    const row = await h.one<{ id: string; party_size: number; resource: string }>(
      'select id, party_size, resource from reservations where workspace_id = any($1) order by id limit 1',
      [await h.workspaceIds('bluebird')],
    );
    const { reservation } = await h.call(getReservation, { reservation_id: row.id }, h.as.bluebird);
    assert.deepEqual([reservation.party_size, reservation.resource], [row.party_size, row.resource]);
  });

  test("another account's reservation is not found", async () => {
    const theirs = await h.one<{ id: string }>('select id from reservations where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(getReservation, { reservation_id: theirs.id }, 'not_found');
  });
});
