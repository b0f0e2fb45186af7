import type { Change } from '../define.ts';
import { invalidArgument, OperationError } from '../errors.ts';

/** The fields a merge patch gives (a null counts: it clears one); a patch that gives none is refused. */
export function patchedFields<K extends string>(input: { [F in K]?: unknown }, fields: readonly K[]): K[] {
  const given = fields.filter((field) => input[field] !== undefined);
  if (given.length === 0) throw invalidArgument(`Nothing to change: give at least one of ${fields.join(', ')}.`);
  return given;
}

/**
 * Refuses a value that another row of the workspace already holds, for the fields each row holds alone (a contact's
 * email, a company's domain). `self` is the row being changed, which may keep its own value.
 */
export function refuseIfTaken(
  holder: { id: string } | undefined,
  self: string | undefined,
  taken: { what: 'Contact' | 'Company'; field: string; value: string },
  hint: string,
): void {
  if (holder && holder.id !== self) {
    throw new OperationError('conflict', `${taken.what} ${holder.id} already has the ${taken.field} ${taken.value}.`, hint);
  }
}

/** An update's audit entry and `<type>.updated` event, with the fields it changed; none when it changed nothing. */
export function updated(
  type: string,
  row: { id: string; workspace_id: string },
  changed: readonly string[],
  data: Record<string, unknown>,
): Change[] {
  if (changed.length === 0) return [];
  return [{ workspaceId: row.workspace_id, subject: { type, id: row.id }, event: `${type}.updated`, data: { ...data, changed } }];
}
