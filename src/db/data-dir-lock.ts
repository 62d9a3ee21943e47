import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite keeps the whole database in one process's memory: a second process opening the same data
 * directory would write over the first one's changes. The lock file names the process that holds it;
 * one left by a process that died is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'iranmade.lock');
  for (;;) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder))
        throw new DataDirInUse(dataDir, holder);
      rmSync(path, { force: true });
    }
  }
  const release = () => rmSync(path, { force: true });
  process.once('exit', release);
  return () => {
    process.off('exit', release);
    release();
  };
}

export class DataDirInUse extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `the database in ${dataDir} is open in process ${pid} (a running server?): stop it first, ` +
        'or run both against a PostgreSQL server (DATABASE_URL)',
    );
  }
}
