import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getAppointment } from './get-appointment.ts';

await describeOperation(getAppointment, (h) => {
  test('returns one appointment as stored, with its attendee', async () => {
    const row = await h.one<{ id: string; title: string; conversation_id: string; name: string }>(
      `select a.id, a.title, a.conversation_id, ct.name from appointments a join contacts ct on ct.id = a.contact_id
       where a.workspace_id = any($1) order by a.id limit 1`,
      [await h.workspaceIds('northwind')],
    );
    const { appointment } = await h.call(getAppointment, { appointment_id: row.id });
    assert.deepEqual(
      [appointment.title, appointment.conversation_id, appointment.attendee_name],
      [row.title, row.conversation_id, row.name],
    );
  });

  test("another account's appointment is not found", async () => {
    const theirs = await h.one<{ id: string }>('select id from appointments where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(getAppointment, { appointment_id: theirs.id }, 'not_found');
  });
});
