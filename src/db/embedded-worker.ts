/**
 * Hosts PGlite on its own thread: PGlite runs queries on the thread that calls it, and a slow query on the
 * main thread would freeze every HTTP request. The main thread talks to it over a private Unix socket with
 * the ordinary `pg` driver, exactly as it talks to a PostgreSQL server.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedWorkerData {
  dataDir: string;
  socketPath: string;
  /** PostgreSQL's page cache (shared_buffers), held in the worker's WebAssembly memory for as long as it runs. */
  sharedBuffers: string;
}

export type EmbeddedWorkerMessage = { type: 'ready' } | { type: 'error'; message: string } | { type: 'closed' };

const { dataDir, socketPath, sharedBuffers } = workerData as EmbeddedWorkerData;
const port = parentPort!;

try {
  const db = await PGlite.create(dataDir, { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] });
  // The pool keeps one connection, but a replacement may connect while the socket of the one it replaces is still
  // closing: room for two keeps that moment from refusing the newcomer ("Too many connections").
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 2 });
  await server.start();
  port.on('message', async (message: { type: string }) => {
    if (message.type !== 'close') return;
    await server.stop();
    await db.close();
    port.postMessage({ type: 'closed' } satisfies EmbeddedWorkerMessage);
  });
  port.postMessage({ type: 'ready' } satisfies EmbeddedWorkerMessage);
} catch (error) {
  port.postMessage({ type: 'error', message: (error as Error).message } satisfies EmbeddedWorkerMessage);
}
