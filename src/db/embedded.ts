import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EmbeddedWorkerData, EmbeddedWorkerMessage } from './embedded-worker.ts';
import { seedFromTemplate } from './embedded-template.ts';
import { lockDirectory, type DirectoryLock } from './lock.ts';

export interface EmbeddedServer {
  /** The directory holding the socket, as `pg` takes it in `host`. */
  socketDir: string;
  stop(): Promise<void>;
}

/** Starts PGlite on a worker thread, under the directory lock, listening on a private Unix socket. */
export async function startEmbeddedServer(dataDir: string, command: string, sharedBuffers: string): Promise<EmbeddedServer> {
  const lock = lockDirectory(path.join(dataDir, 'parley.lock'), command);
  // Unix socket paths are limited to ~107 bytes, so the socket lives in a short private temp directory.
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-'));
  const workerData: EmbeddedWorkerData = {
    dataDir: path.join(dataDir, 'pgdata'),
    socketPath: path.join(socketDir, '.s.PGSQL.5432'),
    sharedBuffers,
  };
  seedFromTemplate(workerData.dataDir);
  const extension = path.extname(import.meta.url);
  const workerUrl = new URL(`./embedded-worker${extension}`, import.meta.url);
  // Run from TypeScript sources (tests, `npm run dev`), the worker must register tsx's loader itself. Resolved here, as
  // an evaluated worker resolves bare names from the working directory, which may be anywhere.
  const worker =
    extension === '.ts'
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(workerUrl.href)}); })`,
          { eval: true, workerData },
        )
      : new Worker(workerUrl, { workerData });
  try {
    await nextMessage(worker, 'ready');
  } catch (error) {
    await worker.terminate();
    cleanup(lock, socketDir);
    throw error;
  }
  return {
    socketDir,
    async stop() {
      worker.postMessage({ type: 'close' });
      await nextMessage(worker, 'closed').catch(() => undefined);
      await worker.terminate();
      cleanup(lock, socketDir);
    },
  };
}

function cleanup(lock: DirectoryLock, socketDir: string) {
  lock.release();
  fs.rmSync(socketDir, { recursive: true, force: true });
}

function nextMessage(worker: Worker, expected: EmbeddedWorkerMessage['type']): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: EmbeddedWorkerMessage) => {
      off();
      if (message.type === expected) resolve();
      else reject(new Error(message.type === 'error' ? message.message : `unexpected ${message.type}`));
    };
    const onError = (error: Error) => {
      off();
      reject(error);
    };
    const onExit = (code: number) => {
      off();
      reject(new Error(`embedded database worker exited with code ${code}`));
    };
    const off = () => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}
