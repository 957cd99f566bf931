// Shipped size of the package's builds, raw, gzip -9 and brotli -11
// (kB = 1000 B). The browser build of the core (quoteline.wasm + its JS)
// has a budget of 100 kB gzip; `--check` exits 1 over it.
//   node bench/size.mjs [--check] [--json]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const BUDGET_GZIP = 100_000;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');

function measure(files) {
  const sizes = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const b = readFileSync(join(dist, f));
    sizes.raw += b.length;
    sizes.gzip += gzipSync(b, { level: 9 }).length;
    sizes.brotli += brotliCompressSync(b, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length },
    }).length;
  }
  return sizes;
}

export function sizes() {
  return {
    'browser core (quoteline.wasm + quoteline.mjs)': measure(['quoteline.wasm', 'quoteline.mjs']),
    '  quoteline.wasm': measure(['quoteline.wasm']),
    '  quoteline.mjs': measure(['quoteline.mjs']),
    'standalone (wasm inlined, with viewer)': measure(['quoteline.standalone.js']),
    'node (quoteline.node.wasm + .cjs)': measure(['quoteline.node.wasm', 'quoteline.node.cjs']),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const all = sizes();
  const core = all['browser core (quoteline.wasm + quoteline.mjs)'];
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(all));
  } else {
    const kb = (n) => (n / 1000).toFixed(1).padStart(7);
    console.log(`${'build'.padEnd(44)}${'raw kB'.padStart(8)}${'gzip kB'.padStart(8)}${'br kB'.padStart(8)}`);
    for (const [name, s] of Object.entries(all))
      console.log(`${name.padEnd(44)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}`);
    const verdict = core.gzip <= BUDGET_GZIP ? 'within' : 'OVER';
    console.log(`browser core: ${(core.gzip / 1000).toFixed(1)} kB gzip, ${verdict} the ${BUDGET_GZIP / 1000} kB budget`);
  }
  if (process.argv.includes('--check') && core.gzip > BUDGET_GZIP) process.exitCode = 1;
}
