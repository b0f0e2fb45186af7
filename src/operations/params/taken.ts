import type { Queryable } from '../../db/database.ts';
import { holdLock } from '../../db/sql.ts';
import { OperationError } from '../errors.ts';

/** A value one row holds alone within its owner (a workspace's contact e-mails and node paths, an agent's skill names). */
export interface OwnedValue {
  /** What holds it, as the refusal names it: "Contact", "Node". */
  what: string;
  field: string;
  value: string;
  /** The workspace or row within which the value is held once. */
  owner: string;
}

/**
 * Refuses a value another row already holds; `self` is the row being changed, which may keep its own value. The value
 * stays locked until the write's transaction ends, so two writes claiming it at once run in turn and the second sees the
 * first's row. The lock ignores case, which only ever makes two writes wait for each other needlessly.
 */
export async function refuseTaken(
  db: Queryable,
  taken: OwnedValue,
  holderOf: () => Promise<{ id: string } | undefined>,
  refusal: { self?: string | undefined; hint: string },
): Promise<void> {
  await holdLock(db, `unique:${taken.what}.${taken.field}:${taken.owner}:${taken.value.toLowerCase()}`);
  const holder = await holderOf();
  if (holder && holder.id !== refusal.self)
    throw new OperationError('conflict', `${taken.what} ${holder.id} already has the ${taken.field} ${taken.value}.`, refusal.hint);
}
