import pg from 'pg';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Engine {
  name: 'embedded' | 'postgres';
}

let reachable: Promise<boolean> | undefined;

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * The engines to run storage and operation tests on: always the embedded one, and the PostgreSQL server when it
 * answers. Outside CI an unreachable server is said in one line and skipped; with CI=true it is a failure.
 */
export async function engines(): Promise<Engine[]> {
  reachable ??= postgresReachable();
  if (await reachable) return [{ name: 'embedded' }, { name: 'postgres' }];
  if (process.env.CI === 'true') throw new Error(`PostgreSQL is unreachable at ${POSTGRES_URL}, and CI=true requires it.`);
  console.log(`# PostgreSQL unreachable at ${POSTGRES_URL}: running the embedded-database half only.`);
  return [{ name: 'embedded' }];
}
