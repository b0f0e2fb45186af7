/**
 * Calls and bookings as a support team reads them:
 * - calls: a link to the recording, where the phone system keeps one;
 * - reservations (a hotel or restaurant style booking): when it ends (check-out, the end of a table's slot), what is
 *   booked (a room, a table, a chair) and the guest's name as given, for bookings made without a contact.
 */
export const sql = /* sql */ `
alter table calls add column recording_url text;
create index calls_contact on calls (contact_id, started_at desc);

alter table reservations add column ends_at timestamptz;
alter table reservations add column resource text;
alter table reservations add column guest_name text;
create index reservations_contact on reservations (contact_id, starts_at desc);
create index appointments_contact on appointments (contact_id, starts_at desc);
`;
