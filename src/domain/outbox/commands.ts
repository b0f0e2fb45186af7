import type { Queryable } from '../../db/database.ts';
import { newId } from '../../ids.ts';

/** The version of the outbox payload shape; a change to it is a new version, so consumers can tell. */
export const EVENT_VERSION = 1;

/** A domain event, as a write announces it (`contact.created` with the contact as it now is). */
export interface DomainEvent {
  accountId: string;
  workspaceId: string;
  type: string;
  subject: { type: string; id: string };
  data: Record<string, unknown>;
}

/**
 * Appends events to the outbox in the caller's transaction: they exist exactly when the write does. The payload is
 * what webhooks and live notifications will carry: `{ id, version, type, occurred_at, workspace_id, subject, data }`.
 */
export async function appendEvents(db: Queryable, events: readonly DomainEvent[]): Promise<void> {
  for (const event of events) {
    const id = newId('outbox');
    const payload = {
      id,
      version: EVENT_VERSION,
      type: event.type,
      occurred_at: new Date().toISOString(),
      workspace_id: event.workspaceId,
      subject: event.subject,
      data: event.data,
    };
    await db.query(
      `insert into outbox (id, account_id, workspace_id, event_type, subject_type, subject_id, payload)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [id, event.accountId, event.workspaceId, event.type, event.subject.type, event.subject.id, payload],
    );
  }
}
