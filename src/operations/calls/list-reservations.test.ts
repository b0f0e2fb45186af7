import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listReservations } from './list-reservations.ts';

await describeOperation(listReservations, (h) => {
  test('lists reservations in the window in the order they start, with what is booked and the guest', async () => {
    const result = await h.call(listReservations, { start_date: '2025-01-01', end_date: '2030-12-31', per_page: 100 });
    const rows = await h.sql<{ id: string }>('select id from reservations where workspace_id = any($1) order by starts_at, id', [
      await h.workspaceIds('northwind'),
    ]);
    assert.deepEqual(
      result.reservations.map((r) => r.id),
      rows.map((r) => r.id),
    );
    assert.ok(result.reservations.every((r) => r.resource && r.guest_name && r.party_size >= 1));
    const confirmed = await h.call(listReservations, { start_date: '2025-01-01', end_date: '2030-12-31', status: 'confirmed' });
    assert.ok(confirmed.reservations.every((r) => r.status === 'confirmed'));
  });

  test("another account's reservations are not listed", async () => {
    const result = await h.call(listReservations, { start_date: '2025-01-01', end_date: '2030-12-31', per_page: 100 }, h.as.bluebird);
    const northwind = new Set(await h.workspaceIds('northwind'));
    assert.ok(result.reservations.length > 0 && result.reservations.every((r) => !northwind.has(r.workspace_id)));
    await h.refuse(listReservations, { status: 'booked' }, 'invalid_argument');
  });
});
