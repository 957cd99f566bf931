// Assembles web/dist from the Emscripten outputs (cmake --build --preset
// wasm) and bundles the classic standalone script. Usage:
//   node web/scripts/build.mjs [build-wasm/web]
// The standalone bundle is built from src/standalone.js with esbuild, so
// anything that file imports (the viewer, later) lands in the same script.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const from = resolve(process.argv[2] || join(web, '..', 'build-wasm', 'web'));
const dist = join(web, 'dist');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
for (const f of [
  'quoteline.mjs',
  'quoteline.wasm',
  'quoteline.node.cjs',
  'quoteline.node.wasm',
  'quoteline.single.cjs',
])
  copyFileSync(join(from, f), join(dist, f));

await build({
  entryPoints: [join(web, 'src', 'standalone.js')],
  outfile: join(dist, 'quoteline.standalone.js'),
  bundle: true,
  format: 'iife',
  globalName: 'Quoteline',
  platform: 'browser',
  target: 'es2019',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
// Only the bundle ships; its wasm-inlined input does not.
rmSync(join(dist, 'quoteline.single.cjs'));
