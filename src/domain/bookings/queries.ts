import type { Queryable } from '../../db/database.ts';
import { Conditions, selectPage } from '../../db/sql.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import type { Appointment, Reservation } from './schema.ts';

export interface BookingFilter {
  start: Date;
  end: Date;
  status?: string | undefined;
  contactId?: string | undefined;
}

const BOOKINGS = {
  appointment: {
    columns: `b.id, b.workspace_id, b.title, b.starts_at, b.ends_at, b.status, b.location, b.contact_id, ct.name as attendee_name,
      ct.email as attendee_email, b.visitor_id, b.conversation_id, b.notes, b.created_at`,
    from: 'appointments b left join contacts ct on ct.id = b.contact_id',
  },
  reservation: {
    columns: `b.id, b.workspace_id, b.starts_at, b.ends_at, b.party_size, b.status, b.resource, coalesce(b.guest_name, ct.name) as guest_name,
      b.contact_id, b.notes, b.created_at`,
    from: 'reservations b left join contacts ct on ct.id = b.contact_id',
  },
} as const;

export type BookingKind = keyof typeof BOOKINGS;
type Booking<K extends BookingKind> = K extends 'appointment' ? Appointment : Reservation;

/** Bookings of a kind starting in the window, in the order they happen. */
export async function listBookings<K extends BookingKind>(
  db: Queryable,
  kind: K,
  tenant: Tenant,
  filter: BookingFilter,
  page: { limit: number; offset: number },
) {
  const where = new Conditions();
  where.add(`b.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  where.add(`b.starts_at >= ${where.param(filter.start)} and b.starts_at < ${where.param(filter.end)}`);
  where.addIf(filter.status, (p) => `b.status = ${p}`);
  where.addIf(filter.contactId, (p) => `b.contact_id = ${p}`);
  return selectPage<Booking<K>>(db, { ...BOOKINGS[kind], where, orderBy: 'b.starts_at, b.id' }, page);
}

/** One booking of a kind, of the tenant. */
export async function getBooking<K extends BookingKind>(
  db: Queryable,
  kind: K,
  tenant: Tenant,
  id: string,
): Promise<Booking<K> | undefined> {
  const [row] = await db.query<Booking<K>>(
    `select ${BOOKINGS[kind].columns} from ${BOOKINGS[kind].from} where b.id = $1 and b.workspace_id = any($2)`,
    [id, tenant.workspaceIds],
  );
  return row;
}
