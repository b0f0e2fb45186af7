// An acknowledged event is durable: the server process is killed with SIGKILL while batches are being tracked, and
// every event it answered 2xx for is in the database when it is opened again, on both engines.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, describe, test } from 'node:test';
import { openDatabase } from '../src/db/database.ts';
import { testDatabase, type TestDatabase } from './helpers/demo.ts';
import { engines } from './helpers/engines.ts';
import { freePort } from './helpers/ports.ts';

const SENDERS = 4;
const BATCH = 25;

for (const engine of await engines()) {
  describe(`tracked events survive kill -9 on the ${engine.name} database`, () => {
    let database: TestDatabase;
    let server: ChildProcess | undefined;
    after(async () => {
      server?.kill('SIGKILL');
      await database?.dispose();
    });

    test('every event answered 2xx is stored after the process is killed mid-stream', async () => {
      database = await testDatabase(engine, { demo: true });
      const port = await freePort();
      const output: string[] = [];
      server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
        env: {
          ...process.env,
          PORT: String(port),
          DATA_DIR: database.dataDir,
          LOG_LEVEL: 'warn',
          ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : { DATABASE_URL: '' }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      server.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      server.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      const base = `http://127.0.0.1:${port}`;
      for (
        let i = 0;
        i < 240 &&
        !(await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        ));
        i++
      ) {
        assert.equal(server.exitCode, null, output.join(''));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }

      const acknowledged: string[] = [];
      let sent = 0;
      let stop = false;
      const sender = async (n: number) => {
        for (let round = 0; !stop; round++) {
          const ids = Array.from({ length: BATCH }, (_, i) => `durable-${n}-${round}-${i}`);
          sent += BATCH;
          const answer = await fetch(`${base}/api/v1/track`, {
            method: 'POST',
            headers: { authorization: `Bearer ${database.keys!.northwind}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              workspace: 'northwind-web',
              batch: ids.map((id) => ({ event: 'durability_probe', anonymous_id: `durable-${n}`, event_id: id })),
            }),
          }).catch(() => undefined);
          if (answer === undefined) return; // the server is gone
          assert.equal(answer.status, 200, await answer.text());
          acknowledged.push(...ids);
        }
      };
      const senders = Array.from({ length: SENDERS }, (_, n) => sender(n));
      // Kill once some batches have been answered, while others are in flight.
      while (acknowledged.length < 40 * BATCH) await new Promise((resolve) => setTimeout(resolve, 10));
      server.kill('SIGKILL');
      await exited;
      stop = true;
      await Promise.all(senders);
      server = undefined;

      const db = await openDatabase({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, command: 'durability check' });
      try {
        const stored = new Set(
          (await db.query<{ key: string }>("select dedupe_key as key from events where name = 'durability_probe'")).map((r) => r.key),
        );
        const lost = acknowledged.filter((id) => !stored.has(id));
        console.log(
          `# ${engine.name}: ${acknowledged.length} events acknowledged of ${sent} sent before kill -9; ${stored.size} stored; ${lost.length} lost`,
        );
        assert.deepEqual(lost, []);
      } finally {
        await db.close();
      }
    });
  });
}
