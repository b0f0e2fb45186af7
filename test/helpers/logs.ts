import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

/** A logger that keeps its entries in memory, so a test can count what was logged. */
export function memoryLogger(level = 'warn'): { log: Logger; entries: Array<Record<string, unknown>> } {
  const entries: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) entries.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level }, sink), entries };
}
