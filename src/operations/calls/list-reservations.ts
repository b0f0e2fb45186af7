import * as z from 'zod';
import * as bookings from '../../domain/bookings/queries.ts';
import { RESERVATION_STATUSES, Reservation } from '../../domain/bookings/schema.ts';
import { defineOperation } from '../define.ts';
import { BookingRangeParams, resolveBookingRange, ResolvedRange } from '../params/dates.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const listReservations = defineOperation({
  name: 'list_reservations',
  title: 'List reservations',
  description:
    'Bookings of a room, a table or a chair for a party, in the order they start, within the date range (default: from ' +
    '30 days ago to 30 days ahead, in the workspace time zone): dates, party size, status (pending, confirmed, ' +
    'cancelled, completed), what is booked and the guest. Filter by status or contact.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    ...BookingRangeParams,
    status: z.enum(RESERVATION_STATUSES).optional(),
    contact_id: z.string().max(64).optional(),
    ...PaginationParams,
  }),
  output: z.object({ reservations: z.array(Reservation), pagination: PageInfo, range: ResolvedRange }),
  rest: { method: 'GET', path: '/reservations' },
  examples: [
    { summary: 'Reservations around now', input: {} },
    { summary: 'Confirmed reservations', input: { status: 'confirmed' } },
  ],
  async run({ db, principal }, input) {
    const tenant = tenantFor(principal, input.workspace);
    const range = resolveBookingRange(input, tenant.workspaces);
    const filter = { start: range.start, end: range.end, status: input.status, contactId: input.contact_id };
    const { total, items } = await bookings.listBookings(db, 'reservation', tenant, filter, pageRequest(input));
    return { reservations: items, pagination: pageInfo(input, total), range: range.echo };
  },
});
