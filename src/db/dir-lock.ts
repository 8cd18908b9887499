// PGlite does not lock its data directory; two processes on one directory would corrupt it.
// A lock file holding the owner's pid makes the second process refuse with a clear message.
import fs from 'node:fs';
import path from 'node:path';

export class DataDirInUseError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDirLock(dir: string): () => void {
  const file = path.join(dir, 'fangyuan.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch { /* already gone */ }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(file, 'utf8'));
      if (pid && alive(pid)) {
        throw new DataDirInUseError(
          `DATA_DIR ${path.resolve(dir)} is in use by another Fangyuan process (pid ${pid}). ` +
          'Stop it first, or start this one with another DATA_DIR or a DATABASE_URL.',
        );
      }
      fs.unlinkSync(file); // stale lock of a process that died
    }
  }
  throw new DataDirInUseError(`could not lock DATA_DIR ${path.resolve(dir)}`);
}
