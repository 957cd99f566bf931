// Whole analysis of a JSON Lines corpus (>= 10 MB) in wasm under node,
// beside node's JSON.parse reading the same bytes in the same run, and the
// native CLI on the same file. Not a test: it prints figures and ratios.
//   node bench/wasm_bench.mjs [--mb 10] [--runs 5]
// The corpus is built at run time from ../shared/data/polnear/train.jsonl
// (one {"id","body"} per article, the whole set repeated to reach the size)
// into a temporary file; it is never written into the repository.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi, entries, run } from '../web/src/api.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const MB = 1e6;
const targetMB = arg('mb', 10);
const runs = arg('runs', 5);
const source = join(root, '..', 'shared', 'data', 'polnear', 'train.jsonl');
const nativeCli = process.env.QUOTELINE_NATIVE || join(root, 'build', 'bin', 'quoteline');
const nodeBuild = join(root, 'web', 'dist', 'quoteline.node.cjs');

if (!existsSync(source)) {
  console.log(`wasm_bench: skipped (no corpus at ${source})`);
  process.exit(0);
}
if (!existsSync(nodeBuild)) {
  console.error('wasm_bench: web/dist is not built: run `make wasm`');
  process.exit(2);
}

// Paragraphs regrouped into articles, in corpus order.
function corpus() {
  const docs = new Map();
  for (const line of readFileSync(source, 'utf8').split('\n')) {
    if (!line) continue;
    const p = JSON.parse(line);
    if (!docs.has(p.doc)) docs.set(p.doc, []);
    docs.get(p.doc).push(p.text);
  }
  const lines = [];
  let size = 0;
  for (let round = 0; size < targetMB * MB; ++round)
    for (const [doc, paras] of docs) {
      const line = JSON.stringify({ id: `${doc}#${round}`, body: paras.join('\n\n') }) + '\n';
      lines.push(line);
      size += Buffer.byteLength(line);
    }
  return Buffer.from(lines.join(''));
}

// CPU seconds of this process (user + system): the machine is shared, and
// wall time would also measure the neighbours.
function cpu() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

// Best of `runs` (after one warm-up), in CPU seconds.
function best(fn) {
  fn();
  let t = Infinity;
  for (let i = 0; i < runs; ++i) {
    const start = cpu();
    fn();
    t = Math.min(t, cpu() - start);
  }
  return t;
}

async function bestAsync(fn) {
  await fn();
  let t = Infinity;
  for (let i = 0; i < runs; ++i) {
    const start = cpu();
    await fn();
    t = Math.min(t, cpu() - start);
  }
  return t;
}

// CPU seconds of one native CLI run, from /usr/bin/time (wall time without it).
function nativeRun(args) {
  const timed = existsSync('/usr/bin/time');
  const start = process.hrtime.bigint();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', '%U %S', nativeCli, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    : spawnSync(nativeCli, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`native CLI exited ${r.status}: ${r.stderr}`);
  if (!timed) return Number(process.hrtime.bigint() - start) / 1e9;
  const [user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return user + sys;
}

const bytes = corpus();
const dir = mkdtempSync(join(tmpdir(), 'quoteline-bench-'));
const file = join(dir, 'corpus.jsonl');
writeFileSync(file, bytes);
const size = bytes.length;
const articles = bytes.toString('latin1').split('\n').length - 1;

// node: bytes -> strings -> objects, the same work of reading the file.
const decoder = new TextDecoder();
let sink = 0;
const tParse = best(() => {
  const text = decoder.decode(bytes);
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start))
    sink += JSON.parse(text.slice(start, end)).body.length;
});
const text = decoder.decode(bytes);
const tParseOnly = best(() => {
  for (const line of text.split('\n')) if (line) sink += JSON.parse(line).body.length;
});

// wasm: the whole analysis, bytes in, JSON Lines out (what the CLI writes).
const require = createRequire(import.meta.url);
const createQuoteline = require(nodeBuild);
const module = createQuoteline();
const heap = () => module.view(0, 0).buffer.byteLength;
const heapBefore = heap();
const settings = { format: 'jsonl', maxInput: 2 ** 31, pretty: false };
let outSize = 0;
let tCore = Infinity; // copy in + analyze(), without serialization
const tWasm = best(() => {
  const start = cpu();
  const outcome = run(module, bytes, settings);
  tCore = Math.min(tCore, cpu() - start);
  if (outcome.status !== 'ok') throw new Error(outcome.message);
  outSize = 0;
  for (const { json } of entries(module)) outSize += json.length + 1;
  module.clear();
});
const heapPeak = heap(); // wasm memory only grows: its size is the peak
// wasm through the public API: the same, then the output parsed into JS values.
const api = createApi(createQuoteline);
const tApi = await bestAsync(async () => {
  sink += (await api.analyzeCollection(bytes, { format: 'jsonl' })).length;
});

// native: the CLI over the same file (process start, file read and output included).
let tNative = null;
if (existsSync(nativeCli)) {
  tNative = Infinity;
  for (let i = 0; i <= runs; ++i) tNative = Math.min(tNative, nativeRun(['analyze', file]));
}
rmSync(dir, { recursive: true, force: true });

const rate = (t) => (size / MB / t).toFixed(1).padStart(8);
const row = (name, t) => console.log(`${name.padEnd(58)} ${rate(t)} MB/s  ${(t * 1000).toFixed(0).padStart(6)} ms CPU`);
console.log(`corpus: ${(size / MB).toFixed(2)} MB JSON Lines, ${articles} articles (PolNeAR train, repeated); ` +
  `analysis output ${(outSize / MB).toFixed(2)} MB`);
console.log(`machine: ${cpus()[0].model}, ${cpus().length} cores; node ${process.version}; ` +
  `CPU time, best of ${runs}; wasm: the -O3 node build`);
row('node JSON.parse per line, from bytes (TextDecoder + parse)', tParse);
row('node JSON.parse per line, input already a JS string', tParseOnly);
row('wasm analyze, bytes in -> JSON Lines bytes out (CLI path)', tWasm);
row('  of which copy-in + analyze() (fastest run)', tCore);
row('wasm analyzeCollection(), -> JS objects (API path)', tApi);
if (tNative) row('native CLI analyze FILE > /dev/null (same run)', tNative);
else console.log(`native CLI: not built (${nativeCli})`);
console.log(`ratio wasm analysis / JSON.parse from bytes: ${(tParse / tWasm).toFixed(2)}x ` +
  `(API path ${(tParse / tApi).toFixed(2)}x; target >= 0.5x)`);
console.log(`wasm heap: ${(heapBefore / MB).toFixed(1)} MB at start, ${(heapPeak / MB).toFixed(1)} MB after ` +
  `the corpus = ${(heapPeak / size).toFixed(2)}x its size (budget 3x)`);
if (tNative) console.log(`ratio wasm / native: ${(tNative / tWasm).toFixed(2)}x`);
if (sink < 0) console.log(sink);
