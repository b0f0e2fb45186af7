import { createHash } from 'node:crypto';
import { recordWrites } from '../domain/audit/commands.ts';
import { claimKey, storeAnswer } from '../domain/idempotency/commands.ts';
import { appendEvents } from '../domain/outbox/commands.ts';
import type { Queryable } from '../db/database.ts';
import { boundResult } from './bound.ts';
import type { AnyOperation, CallContext, OperationContext } from './define.ts';
import { OperationError } from './errors.ts';

type Bounded = { value: Record<string, unknown>; json: string };

/**
 * Runs a write the one way every write runs: in a single transaction with its idempotency claim, its audit entries
 * and its outbox events, so either all of them exist or none does. A retry with the same key and the same input gets
 * the stored answer byte for byte and acts no second time; the same key with other input is refused.
 */
export function runWrite(
  op: AnyOperation,
  ctx: CallContext,
  input: Record<string, unknown>,
  context: (db: Queryable) => OperationContext,
): Promise<Bounded> {
  const { idempotency_key: key, ...rest } = input as { idempotency_key?: string };
  const requestHash = key === undefined ? '' : fingerprint(op, rest);
  return ctx.db.transaction(async (tx) => {
    if (key !== undefined) {
      const claim = await claimKey(tx, ctx.principal.accountId, key, op.name, requestHash);
      if (!claim.claimed) {
        if (claim.operation !== op.name || claim.requestHash !== requestHash || claim.response === null) {
          throw new OperationError(
            'idempotency_key_reused',
            `The idempotency key "${key}" was already used for ${claim.operation === op.name ? 'a call with other arguments' : claim.operation}.`,
            'Use a new key for a different write; resend the same arguments to get the first answer.',
          );
        }
        return { value: JSON.parse(claim.response) as Record<string, unknown>, json: claim.response };
      }
    }
    const output = await op.run(context(tx), rest);
    const changes = op.changes?.(output, rest) ?? [];
    const principal = ctx.principal;
    await recordWrites(
      tx,
      principal,
      changes.map((change) => ({
        workspaceId: change.workspaceId,
        operation: op.name,
        target: change.subject,
        surface: ctx.surface,
        requestId: ctx.requestId,
        idempotencyKey: key,
      })),
    );
    await appendEvents(
      tx,
      changes.map((change) => ({
        accountId: principal.accountId,
        workspaceId: change.workspaceId,
        type: change.event,
        subject: change.subject,
        data: change.data,
      })),
    );
    const bounded = boundResult(output as Record<string, unknown>);
    if (key !== undefined) await storeAnswer(tx, principal.accountId, key, bounded.json);
    return bounded;
  });
}

/** The operation and its arguments, keys sorted at every level, hashed: equal for equal input however it was written. */
function fingerprint(op: AnyOperation, input: Record<string, unknown>): string {
  return createHash('sha256')
    .update(`${op.name}\n${canonicalJson(input)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
