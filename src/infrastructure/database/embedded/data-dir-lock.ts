import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** PGlite keeps no lock of its own: two processes on one data folder would each write it and corrupt it. */
export class DataDirInUse extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`数据目录 ${dataDir} 正被进程 ${pid} 使用（通办正在运行？）/ The data folder ${dataDir} is in use by process ${pid} (is Tongban running?)`);
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const lockFile = (dataDir: string) => path.join(dataDir, 'pg.lock');

/** Claims the embedded database's folder for this process; a lock left by a process that is gone is taken over. */
export function claimDataDir(dataDir: string): void {
  const file = lockFile(dataDir);
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(file, 'utf8').trim());
    if (holder && holder !== process.pid && isAlive(holder)) throw new DataDirInUse(dataDir, holder);
    unlinkSync(file);
  }
}

export function releaseDataDir(dataDir: string): void {
  try {
    if (Number(readFileSync(lockFile(dataDir), 'utf8').trim()) === process.pid) unlinkSync(lockFile(dataDir));
  } catch {
    // already gone
  }
}
