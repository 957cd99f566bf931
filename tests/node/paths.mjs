// Shared paths of the node tests. The package must be built first
// (`make wasm`); the CLI comparison needs the native build (`make build`).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const web = join(root, 'web');
export const cli = join(web, 'bin', 'quoteline.js');
export const native = process.env.QUOTELINE_NATIVE || join(root, 'build', 'bin', 'quoteline');
export const fixtures = join(root, 'tests', 'fixtures');
export const wire = join(fixtures, 'web', 'wire_harbour.txt');

if (!existsSync(join(web, 'dist', 'quoteline.node.cjs')))
  throw new Error('web/dist is not built: run `make wasm` first');

/** Every file under `dir`, sorted, as absolute paths. */
export function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}
