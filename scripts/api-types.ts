// npm run api:types — builds the app in-process on a throw-away embedded database (no server,
// no network), reads its OpenAPI document and writes the web's generated API types.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/server/config.js';
import { createContext } from '../src/server/bootstrap.js';
import { buildApp } from '../src/server/app.js';
import { API_TYPES_FILE, apiTypes } from '../src/server/api-types.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-api-types-'));
try {
  const ctx = await createContext({ ...loadConfig({}), dataDir: dir, demo: false, adminPassword: 'unused-unused', logLevel: 'silent' });
  const app = await buildApp(ctx);
  await app.ready();
  fs.writeFileSync(API_TYPES_FILE, await apiTypes(app));
  await app.close();
  await ctx.database.close();
  console.log(`wrote ${API_TYPES_FILE}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
