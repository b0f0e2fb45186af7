import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listAppointments } from './list-appointments.ts';

await describeOperation(listAppointments, (h) => {
  test('defaults to a window around today, in the order they happen, with the attendee', async () => {
    const result = await h.call(listAppointments, { per_page: 100 });
    const now = Date.now();
    assert.ok(Date.parse(result.range.start) < now - 29 * 86_400_000 && Date.parse(result.range.end) > now + 29 * 86_400_000);
    const { n } = await h.one<{ n: number }>(
      'select count(*) as n from appointments where workspace_id = any($1) and starts_at >= $2 and starts_at < $3',
      [await h.workspaceIds('northwind'), result.range.start, result.range.end],
    );
    assert.equal(result.pagination.total, n);
    const upcoming = await h.call(listAppointments, { start_date: new Date(now).toISOString(), per_page: 100 });
    const { ahead } = await h.one<{ ahead: number }>(
      'select count(*) as ahead from appointments where workspace_id = any($1) and starts_at >= $2 and starts_at < $3',
      [await h.workspaceIds('northwind'), upcoming.range.start, upcoming.range.end],
    );
    assert.ok(ahead > 0 && upcoming.pagination.total === ahead, 'a start date alone reaches 30 days ahead');
    const starts = result.appointments.map((a) => a.starts_at);
    assert.deepEqual([...starts].sort(), starts);
    const withAttendee = result.appointments.find((a) => a.contact_id)!;
    const contact = await h.one<{ email: string }>('select email from contacts where id = $1', [withAttendee.contact_id]);
    assert.equal(withAttendee.attendee_email, contact.email);
  });

  test('filters by status and contact; an explicit window is kept', async () => {
    const scheduled = await h.call(listAppointments, { status: 'scheduled', per_page: 100 });
    assert.ok(scheduled.appointments.every((a) => a.status === 'scheduled'));
    const past = await h.call(listAppointments, { start_date: '2020-01-01', end_date: '2020-12-31' });
    assert.equal(past.pagination.total, 0);
    assert.equal(past.range.start_date, '2020-01-01');
    await h.refuse(listAppointments, { status: 'maybe' }, 'invalid_argument');
  });
});
