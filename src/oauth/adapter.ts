import type { Adapter, AdapterPayload } from 'oidc-provider';
import { hashToken } from '../keys/tokens.ts';
import type { Queryable } from '../db/database.ts';
import { revokeGrant } from '../domain/oauth/commands.ts';

interface ObjectRow {
  payload: AdapterPayload;
  consumed_at: string | null;
  /** Refresh tokens only: the highest rotation among the other tokens of the grant already used (null if none). */
  other_used_rotation?: number | null;
}

const expiry = (expiresIn: number | undefined) => (expiresIn === undefined ? null : new Date(Date.now() + expiresIn * 1000).toISOString());

/** The oidc-provider storage adapter for one model, on Parley's database. */
export function oauthAdapter(db: Queryable, model: string): Adapter {
  if (model === 'Client') return clientAdapter(db);
  if (model === 'Grant') return grantAdapter(db);
  return objectAdapter(db, model);
}

/** Dynamically registered clients: their metadata by client_id (a confidential client's secret included, which the provider compares). */
function clientAdapter(db: Queryable): Adapter {
  return {
    async upsert(id, payload) {
      await db.query(
        'insert into oauth_clients (client_id, metadata) values ($1, $2) on conflict (client_id) do update set metadata = excluded.metadata',
        [id, JSON.stringify(payload)],
      );
    },
    async find(id) {
      const [row] = await db.query<{ metadata: AdapterPayload }>('select metadata from oauth_clients where client_id = $1', [id]);
      return row?.metadata;
    },
    async destroy(id) {
      await db.query('delete from oauth_clients where client_id = $1', [id]);
    },
    ...unsupportedLookups,
    async consume() {},
    async revokeByGrantId() {},
  };
}

/**
 * Grants: one per approval, the connected app a person sees in the dashboard. The provider keeps its own payload;
 * the consent page adds the workspaces chosen. Destroying a grant (revocation, or refresh-token replay) deletes
 * every token issued under it in the same statement.
 */
function grantAdapter(db: Queryable): Adapter {
  return {
    async upsert(id, payload, expiresIn) {
      await db.query(
        `insert into oauth_grants (id, client_id, user_id, account_id, payload, expires_at)
         select $1, $2, u.id, u.account_id, $4, $5 from users u where u.id = $3
         on conflict (id) do update set payload = excluded.payload, expires_at = excluded.expires_at`,
        [id, payload.clientId, payload.accountId, JSON.stringify(payload), expiry(expiresIn)],
      );
    },
    async find(id) {
      const [row] = await db.query<{ payload: AdapterPayload }>(
        'select payload from oauth_grants where id = $1 and (expires_at is null or expires_at > now())',
        [id],
      );
      return row?.payload;
    },
    async destroy(id) {
      await revokeGrant(db, id);
    },
    ...unsupportedLookups,
    async consume() {},
    async revokeByGrantId(grantId) {
      await revokeGrant(db, grantId);
    },
  };
}

/**
 * Tokens, codes, sessions and interactions, stored under the hash of their id (for opaque tokens the id is the
 * token itself).
 *
 * Refresh tokens rotate on every use, and a used one normally counts as a replay. Clients lose responses and race
 * their own refreshes, so a used refresh token stays usable until a later token of its grant has itself been used;
 * only after that is it reported as consumed, and the provider then revokes the whole grant (the token family).
 * The same rule keeps a token usable when the provider consumed it but then refused the refresh (a wrong
 * `resource`, say) and issued nothing.
 */
function objectAdapter(db: Queryable, model: string): Adapter {
  const isRefreshToken = model === 'RefreshToken';
  return {
    async upsert(id, payload, expiresIn) {
      await db.query(
        `insert into oauth_objects (model, id_hash, grant_id, uid, payload, expires_at) values ($1, $2, $3, $4, $5, $6)
         on conflict (model, id_hash) do update set grant_id = excluded.grant_id, uid = excluded.uid, payload = excluded.payload, expires_at = excluded.expires_at`,
        [
          model,
          hashToken(id),
          payload.grantId ?? null,
          payload.uid ?? null,
          JSON.stringify({ ...payload, jti: undefined }),
          expiry(expiresIn),
        ],
      );
    },
    async find(id) {
      const [row] = await db.query<ObjectRow>(
        isRefreshToken
          ? `select o.payload, o.consumed_at, (
               select max(coalesce((other.payload->>'rotations')::int, 0)) from oauth_objects other
               where other.model = o.model and other.grant_id = o.grant_id and other.id_hash <> o.id_hash and other.consumed_at is not null
             ) as other_used_rotation
             from oauth_objects o where o.model = $1 and o.id_hash = $2`
          : 'select payload, consumed_at from oauth_objects where model = $1 and id_hash = $2',
        [model, hashToken(id)],
      );
      if (!row) return undefined;
      // The id (for opaque tokens, the token itself) is stored only as its hash; the provider gets it back here.
      row.payload.jti = id;
      return isRefreshToken ? refreshTokenState(row) : withConsumed(row);
    },
    async findByUid(uid) {
      const [row] = await db.query<ObjectRow>('select payload, consumed_at from oauth_objects where model = $1 and uid = $2', [model, uid]);
      return row && withConsumed(row);
    },
    async findByUserCode() {
      return undefined;
    },
    async consume(id) {
      await db.query('update oauth_objects set consumed_at = coalesce(consumed_at, now()) where model = $1 and id_hash = $2', [
        model,
        hashToken(id),
      ]);
    },
    async destroy(id) {
      await db.query('delete from oauth_objects where model = $1 and id_hash = $2', [model, hashToken(id)]);
    },
    async revokeByGrantId(grantId) {
      await db.query('delete from oauth_objects where model = $1 and grant_id = $2', [model, grantId]);
    },
  };
}

function withConsumed(row: ObjectRow): AdapterPayload {
  if (!row.consumed_at) return row.payload;
  return { ...row.payload, consumed: Math.floor(Date.parse(row.consumed_at) / 1000) };
}

/**
 * A refresh token as the provider should see it. Used, it reads as consumed (a replay) only once a later token has
 * been used. Unused, it is gone once another token of the same or a later rotation was used: a racing refresh
 * left it behind, and keeping it would fork the family.
 */
function refreshTokenState(row: ObjectRow): AdapterPayload | undefined {
  const rotation = typeof row.payload.rotations === 'number' ? row.payload.rotations : 0;
  const otherUsed = row.other_used_rotation ?? -1;
  if (!row.consumed_at) return otherUsed >= rotation ? undefined : row.payload;
  return otherUsed > rotation ? withConsumed(row) : row.payload;
}

/** Only device-flow codes and sessions are looked up by user code or uid; neither applies to clients or grants. */
const unsupportedLookups = {
  async findByUid() {
    return undefined;
  },
  async findByUserCode() {
    return undefined;
  },
};
