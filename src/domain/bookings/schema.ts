import * as z from 'zod';

export const APPOINTMENT_STATUSES = ['scheduled', 'completed', 'cancelled', 'no_show'] as const;
export const RESERVATION_STATUSES = ['pending', 'confirmed', 'cancelled', 'completed'] as const;

/** A meeting an agent booked with a contact or visitor. */
export const Appointment = z.object({
  id: z.string(),
  workspace_id: z.string(),
  title: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  location: z.string().nullable().describe('A place or a meeting link.'),
  contact_id: z.string().nullable(),
  attendee_name: z.string().nullable(),
  attendee_email: z.string().nullable(),
  visitor_id: z.string().nullable(),
  conversation_id: z.string().nullable().describe('The conversation it was booked in.'),
  notes: z.string().nullable(),
  created_at: z.string(),
});
export type Appointment = z.infer<typeof Appointment>;

/** A hotel or restaurant style booking: a stay or a slot for a party. */
export const Reservation = z.object({
  id: z.string(),
  workspace_id: z.string(),
  starts_at: z.string(),
  ends_at: z.string().nullable(),
  party_size: z.number().int(),
  status: z.enum(RESERVATION_STATUSES),
  resource: z.string().nullable().describe('What is booked: a room, a table, a chair.'),
  guest_name: z.string().nullable(),
  contact_id: z.string().nullable(),
  notes: z.string().nullable(),
  created_at: z.string(),
});
export type Reservation = z.infer<typeof Reservation>;
