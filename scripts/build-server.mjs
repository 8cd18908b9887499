// The server as one ES module (dist/server/main.mjs), built with esbuild when a source is newer
// than it: loading one file answers in a fraction of the time tsx takes to compile ~200 modules
// at every start. Packages stay in node_modules; the calendar's JSON data is bundled.
// FORCE_SERVER_BUILD=1 builds anyway.
import fs from 'node:fs';
import path from 'node:path';
import { newest } from './newest.mjs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverBundle = path.join(root, 'dist/server/main.mjs');
const sources = ['src', 'package-lock.json', 'tsconfig.json', 'scripts/build-server.mjs'].map((p) => path.join(root, p));


/** Builds the bundle if it is missing or older than a source; returns its path. */
export async function ensureServerBuilt() {
  const builtAt = fs.existsSync(serverBundle) ? fs.statSync(serverBundle).mtimeMs : 0;
  if (process.env.FORCE_SERVER_BUILD !== '1' && builtAt > Math.max(...sources.map(newest))) return serverBundle;
  const { build, stop } = await import('esbuild');
  const require = createRequire(import.meta.url);
  // written beside and renamed: two starts building at once never load half a file
  const tmp = `${serverBundle}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [path.join(root, 'src/server/main.ts')], outfile: tmp,
    bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
    sourcemap: 'inline', logLevel: 'warning',
    plugins: [{
      name: 'bundle-package-json', // `import … with { type: 'json' }` from a package: into the bundle
      setup(b) { b.onResolve({ filter: /\.json$/ }, (a) => (a.path.startsWith('.') ? undefined : { path: require.resolve(a.path) })); },
    }],
  });
  stop(); // esbuild's helper process would otherwise live on beside the server
  fs.renameSync(tmp, serverBundle);
  return serverBundle;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await ensureServerBuilt();
  console.log(`built ${path.relative(root, serverBundle)}`);
}
