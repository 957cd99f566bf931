// Assembles web/dist from the Emscripten outputs (cmake --build --preset
// wasm) and bundles what browsers load. Usage:
//   node web/scripts/build.mjs [build-wasm/web]
// With esbuild: src/browser.js becomes dist/quoteline.browser.js (one
// minified ES module, API and viewer, its wasm and CSS found beside it via
// import.meta.url), and src/standalone.js the classic standalone script.
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

// One request for the JS instead of a dozen modules: what a page without a
// bundler loads, and what time-to-interactive is measured on.
await build({
  entryPoints: [join(web, 'src', 'browser.js')],
  outfile: join(dist, 'quoteline.browser.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
// The entry finds its CSS at ./viewer/viewer.css, in src/ and in dist/.
mkdirSync(join(dist, 'viewer'));
await build({
  entryPoints: [join(web, 'src', 'viewer', 'viewer.css')],
  outfile: join(dist, 'viewer', 'viewer.css'),
  minify: true,
  logLevel: 'warning',
});

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
