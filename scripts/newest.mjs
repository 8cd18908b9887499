// The newest modification time under a path (0 when it does not exist): the build scripts rebuild
// only when a source is newer than what they built.
import fs from 'node:fs';
import path from 'node:path';

export function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}
