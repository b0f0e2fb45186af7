import * as z from 'zod';
import * as bookings from '../../domain/bookings/queries.ts';
import { APPOINTMENT_STATUSES, Appointment } from '../../domain/bookings/schema.ts';
import { defineOperation } from '../define.ts';
import { BookingRangeParams, resolveBookingRange, ResolvedRange } from '../params/dates.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const listAppointments = defineOperation({
  name: 'list_appointments',
  title: 'List appointments',
  description:
    'Meetings the AI agents booked (demos, visits), in the order they happen, starting within the date range (default: ' +
    'from 30 days ago to 30 days ahead, in the workspace time zone): time, attendee, status (scheduled, completed, ' +
    'cancelled, no_show), place or link, and the conversation it was booked in. Filter by status or contact.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    ...BookingRangeParams,
    status: z.enum(APPOINTMENT_STATUSES).optional(),
    contact_id: z.string().max(64).optional(),
    ...PaginationParams,
  }),
  output: z.object({ appointments: z.array(Appointment), pagination: PageInfo, range: ResolvedRange }),
  rest: { method: 'GET', path: '/appointments' },
  examples: [
    { summary: 'Appointments around now', input: {} },
    { summary: 'Upcoming scheduled appointments', input: { status: 'scheduled' } },
  ],
  async run({ db, principal }, input) {
    const tenant = tenantFor(principal, input.workspace);
    const range = resolveBookingRange(input, tenant.workspaces);
    const filter = { start: range.start, end: range.end, status: input.status, contactId: input.contact_id };
    const { total, items } = await bookings.listBookings(db, 'appointment', tenant, filter, pageRequest(input));
    return { appointments: items, pagination: pageInfo(input, total), range: range.echo };
  },
});
