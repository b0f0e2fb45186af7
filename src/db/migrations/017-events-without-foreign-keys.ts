/**
 * Tracked events check no foreign key on insert: PostgreSQL checks one row by row, looking the workspace and the
 * visitor up and locking their rows for every event, which was a third of its work on the ingest path (measured
 * with batches of 500). Ingest writes an event's visitor in the same transaction, from the workspace it was
 * authorised for, so nothing is lost on insert. What the keys did on delete, triggers on the deleted side still do:
 * a deleted workspace takes its events with it, and a deleted visitor's events stay, naming no visitor. Contacts and
 * conversations keep their keys: tracked events rarely name one, and a null is not checked.
 */
export const sql = `
alter table events drop constraint events_workspace_id_fkey;
alter table events drop constraint events_visitor_id_fkey;

create function delete_workspace_events() returns trigger language plpgsql as $$
begin
  delete from events e using deleted d where e.workspace_id = d.id;
  return null;
end $$;
create trigger workspaces_delete_events after delete on workspaces
  referencing old table as deleted for each statement execute function delete_workspace_events();

create function unlink_visitor_events() returns trigger language plpgsql as $$
begin
  update events e set visitor_id = null from deleted d where e.visitor_id = d.id;
  return null;
end $$;
create trigger visitors_unlink_events after delete on visitors
  referencing old table as deleted for each statement execute function unlink_visitor_events();
`;
