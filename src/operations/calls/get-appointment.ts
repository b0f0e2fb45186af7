import * as z from 'zod';
import * as bookings from '../../domain/bookings/queries.ts';
import { Appointment } from '../../domain/bookings/schema.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';

export const getAppointment = defineOperation({
  name: 'get_appointment',
  title: 'Get an appointment',
  description:
    'One appointment with its attendee, place or link, notes, and the conversation it was booked in. Use ids from list_appointments.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({ appointment_id: z.string().min(1).max(64).describe('An appointment id (apt_...).') }),
  output: z.object({ appointment: Appointment }),
  rest: { method: 'GET', path: '/appointments/{appointment_id}' },
  examples: [{ summary: 'One appointment', input: { appointment_id: 'apt_01JD0000000000000000000000' } }],
  async run({ db, principal }, input) {
    const appointment = await bookings.getBooking(db, 'appointment', tenantOf(principal), input.appointment_id);
    if (!appointment) throw notFound('appointment', input.appointment_id, 'Use list_appointments to find appointment ids.');
    return { appointment };
  },
});
