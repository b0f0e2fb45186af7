import fs from 'node:fs';
import path from 'node:path';

/**
 * An exclusive lock on the embedded database directory. PGlite takes none itself, and a second process
 * opening the same directory silently loses committed rows (electric-sql/pglite#1106), so every Parley
 * process that opens it must hold this first.
 */
export class DirectoryLockedError extends Error {}

interface LockOwner {
  pid: number;
  command: string;
  startedAt: string;
}

export interface DirectoryLock {
  release(): void;
}

export function lockDirectory(lockPath: string, command: string): DirectoryLock {
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const owner: LockOwner = { pid: process.pid, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(owner), { flag: 'wx' });
      return {
        release() {
          // Only remove the file if it is still ours (a crashed-and-replaced lock belongs to someone else).
          if (readOwner(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readOwner(lockPath);
      // A lock naming our own PID was left by an earlier process that had it: in a container a restarted process
      // usually gets the same PID as the one that was killed.
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DirectoryLockedError(
          `The embedded database in ${path.dirname(lockPath)} is in use by process ${holder.pid} ` +
            `("${holder.command}", started ${holder.startedAt}). Stop it first, or point DATABASE_URL at a ` +
            `PostgreSQL server to run several Parley processes at once.`,
        );
      }
      // The holder died without releasing: the lock is stale.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DirectoryLockedError(`Could not lock ${lockPath}: another process keeps taking it.`);
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
