// PGlite does not lock its data directory; two processes on one directory would corrupt it.
// A lock file names its owner, and the second process refuses with a clear message.
//
// The owner is named by pid AND by the process's start time (Linux /proc/<pid>/stat), so a
// lock left by a crash is recognised as stale even when its pid is in use again: after a
// container restart the new process is PID 1 again (or its parent is), but it started later.
// Without /proc (or in a lock file of the old pid-only format) a lock holding our own pid
// or our parent's pid counts as stale, since neither can be another Fangyuan on the directory.
import fs from 'node:fs';
import path from 'node:path';

export class DataDirInUseError extends Error {}

/** Lock files this process holds now: a second opener in this process must still refuse. */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When the process started (clock ticks since boot, with the boot id), or '' when unknown. */
export function processStart(pid: number): string {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after "(comm)": state is field 3, starttime field 22
    const starttime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return starttime ? `${boot}:${starttime}` : '';
  } catch {
    return '';
  }
}

interface Holder { pid: number; start: string }

function readHolder(file: string): Holder {
  const [pid, start = ''] = fs.readFileSync(file, 'utf8').trim().split(/\s+/);
  return { pid: Number(pid), start };
}

/** Whether the process named in a lock file may still be using the directory. */
function holderAlive(h: Holder): boolean {
  if (!Number.isInteger(h.pid) || h.pid <= 0) return false;
  if (h.pid === process.pid) return false; // not held in this process (checked before): an earlier life of our pid
  if (!alive(h.pid)) return false;
  if (h.start) {
    const now = processStart(h.pid);
    return now === '' || now === h.start; // the same pid, but a later process → stale
  }
  return h.pid !== process.ppid;
}

export function acquireDirLock(dir: string): () => void {
  const file = path.resolve(dir, 'fangyuan.lock');
  const inUse = (pid: number) => new DataDirInUseError(
    `DATA_DIR ${path.resolve(dir)} is in use by another Fangyuan process (pid ${pid}). ` +
    'Stop it first, or start this one with another DATA_DIR or a DATABASE_URL.',
  );
  if (held.has(file)) throw inUse(process.pid);
  const mine = `${process.pid} ${processStart(process.pid)}`.trim();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx' });
      held.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(file);
        try {
          if (fs.readFileSync(file, 'utf8') === mine) fs.unlinkSync(file);
        } catch { /* already gone */ }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: Holder;
      try {
        holder = readHolder(file);
      } catch {
        continue; // removed meanwhile
      }
      if (holderAlive(holder)) throw inUse(holder.pid);
      fs.rmSync(file, { force: true }); // stale lock of a process that died
    }
  }
  throw new DataDirInUseError(`could not lock DATA_DIR ${path.resolve(dir)}`);
}
