import type { Toolset } from '../define.ts';
import { getAppointment } from './get-appointment.ts';
import { getCall } from './get-call.ts';
import { getReservation } from './get-reservation.ts';
import { listAppointments } from './list-appointments.ts';
import { listCalls } from './list-calls.ts';
import { listReservations } from './list-reservations.ts';

export const calls: Toolset = {
  id: 'calls',
  description: 'Phone calls with their transcripts, and the appointments and reservations the agents booked.',
  default: false,
  instructions:
    'list_calls then get_call for a transcript and recording; list_appointments and list_reservations show bookings from 30 days ' +
    'ago to 30 days ahead unless given dates.',
  operations: [listCalls, getCall, listAppointments, getAppointment, listReservations, getReservation],
};
