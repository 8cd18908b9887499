// Once per browser run: builds the web app if it is out of date, then starts one server on a new
// DATA_DIR so that migrations and the demo company are made once. Each journey file's server
// starts on a copy of that directory (startServer in harness.ts).
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureWebBuilt, startServer } from './harness';

export default async function setup(project: TestProject) {
  ensureWebBuilt();
  const server = await startServer({}, { fresh: true, keepData: true });
  await server.stop(); // a clean shutdown: the database is closed and flushed
  project.provide('e2eTemplate', server.dataDir);
  return () => rmSync(server.dataDir, { recursive: true, force: true });
}
