import type { Change } from '../define.ts';
import { invalidArgument } from '../errors.ts';

/** The fields a merge patch gives (a null counts: it clears one); a patch that gives none is refused. */
export function patchedFields<K extends string>(input: { [F in K]?: unknown }, fields: readonly K[]): K[] {
  const given = fields.filter((field) => input[field] !== undefined);
  if (given.length === 0) throw invalidArgument(`Nothing to change: give at least one of ${fields.join(', ')}.`);
  return given;
}

/**
 * The wanted values that differ from what the row holds, by field: a value already set is no change (a missing value
 * and null are the same; arrays and objects compare by their JSON). Undefined means not asked.
 */
export function realChanges<W extends object, K extends keyof W & string>(
  wanted: W,
  current: { [F in K]: unknown },
  fields: readonly K[],
): Partial<Pick<W, K>> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return Object.fromEntries(
    fields.filter((field) => wanted[field] !== undefined && !same(wanted[field], current[field])).map((field) => [field, wanted[field]]),
  ) as Partial<Pick<W, K>>;
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
