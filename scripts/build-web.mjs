// npm start's first step: builds the web app only when its sources are newer than the built
// output (web/dist), so a restart answers in about a second instead of waiting for vite.
// FORCE_WEB_BUILD=1 builds anyway. Always a production build: a NODE_ENV of development or test
// in the caller's environment would make vite bundle React's development build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { newest } from './newest.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const built = path.join(root, 'web/dist/index.html');
const sources = ['web/src', 'web/index.html', 'web/public', 'web/vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p));


const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
const changedAt = Math.max(...sources.map(newest));
if (process.env.FORCE_WEB_BUILD !== '1' && builtAt > changedAt) {
  console.log('方圆 web app up to date (web/dist), build skipped');
} else {
  console.log(builtAt ? '方圆 web sources changed: building the web app…' : '方圆 building the web app (first start)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
