import * as z from 'zod';
import * as bookings from '../../domain/bookings/queries.ts';
import { Reservation } from '../../domain/bookings/schema.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';

export const getReservation = defineOperation({
  name: 'get_reservation',
  title: 'Get a reservation',
  description: 'One reservation: dates, party size, status, what is booked, the guest and notes. Use ids from list_reservations.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({ reservation_id: z.string().min(1).max(64).describe('A reservation id (res_...).') }),
  output: z.object({ reservation: Reservation }),
  rest: { method: 'GET', path: '/reservations/{reservation_id}' },
  examples: [{ summary: 'One reservation', input: { reservation_id: 'res_01JD0000000000000000000000' } }],
  async run({ db, principal }, input) {
    const reservation = await bookings.getBooking(db, 'reservation', tenantOf(principal), input.reservation_id);
    if (!reservation) throw notFound('reservation', input.reservation_id, 'Use list_reservations to find reservation ids.');
    return { reservation };
  },
});
