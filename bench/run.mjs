// `make bench`: one table of Quoteline's figures, each beside a peer
// measured in the same run on the same bytes.
//   node bench/run.mjs [--runs 5] [--quick]
// Corpora are made at run time under build/bench/ from ../shared/data (never
// committed): PolNeAR train paragraphs regrouped into {"id","body"} JSON
// Lines articles and repeated to each size, and TimeBank train documents as
// {"id","published","body"}. Times are CPU time (native: this thread; node:
// this process), best of --runs after one warm-up: the machine is shared,
// and wall time would also measure the neighbours.
// --quick skips the 100 MB scaling point and uses fewer runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entries, run as runWasm } from '../web/src/api.js';
import { sizes } from './size.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick');
const argNum = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = argNum('runs', quick ? 2 : 5);
const MB = 1e6;
// QUOTELINE_DATA overrides where the research data lives.
const shared = process.env.QUOTELINE_DATA || join(root, '..', 'shared', 'data');
const work = join(root, 'build', 'bench');
const nativeBench = process.env.QUOTELINE_NATIVE_BENCH || join(root, 'build', 'bin', 'native_bench');
const nodeBuild = join(root, 'web', 'dist', 'quoteline.node.cjs');
// The same program built with em++: the stage figures of the wasm build.
const wasmBench = join(root, 'build-wasm', 'bin', 'native_bench.cjs');

for (const [what, path] of [
  ['PolNeAR', join(shared, 'polnear', 'train.jsonl')],
  ['TimeBank', join(shared, 'timeml', 'train.jsonl')],
]) {
  if (!existsSync(path)) {
    console.log(`bench: skipped (${what} not found at ${path})`);
    process.exit(0);
  }
}
for (const path of [nativeBench, wasmBench, nodeBuild])
  if (!existsSync(path)) {
    console.error(`bench: ${path} is not built (run \`make bench\`)`);
    process.exit(2);
  }

// --- corpora ------------------------------------------------------------------

function jsonl(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

// PolNeAR paragraphs regrouped into articles, in corpus order.
const articles = (() => {
  const docs = new Map();
  for (const p of jsonl(join(shared, 'polnear', 'train.jsonl'))) {
    if (!docs.has(p.doc)) docs.set(p.doc, []);
    docs.get(p.doc).push(p.text);
  }
  return [...docs].map(([doc, paras]) => ({ doc, body: paras.join('\n\n') }));
})();

// The articles as JSON Lines, repeated until `bytes` is reached.
function polnear(name, bytes) {
  const path = join(work, name);
  const lines = [];
  let size = 0;
  for (let round = 0; size < bytes; ++round)
    for (const a of articles) {
      const line = JSON.stringify({ id: `${a.doc}#${round}`, body: a.body }) + '\n';
      lines.push(line);
      size += Buffer.byteLength(line);
      if (size >= bytes) break;
    }
  writeFileSync(path, lines.join(''));
  return path;
}

mkdirSync(work, { recursive: true });
const timebank = join(work, 'timebank.jsonl');
const tbDocs = jsonl(join(shared, 'timeml', 'train.jsonl'));
writeFileSync(
  timebank,
  tbDocs.map((d) => JSON.stringify({ id: d.id, published: d.dct_value || d.dct, body: d.text })).join('\n') + '\n',
);
const corpus = {
  main: polnear('polnear-10mb.jsonl', 10.5 * MB),
  small: polnear('polnear-1mb.jsonl', 1 * MB),
  heap: polnear('polnear-30mb.jsonl', 30 * MB),
  big: quick ? null : polnear('polnear-100mb.jsonl', 100 * MB),
};
// compromise reads about 0.1 MB/s: its comparison uses the corpus' first articles.
const sub = join(work, 'polnear-sub.jsonl');
{
  let size = 0;
  const lines = [];
  for (const a of articles) {
    if (size >= 0.25 * MB) break;
    const line = JSON.stringify({ id: a.doc, body: a.body }) + '\n';
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  writeFileSync(sub, lines.join(''));
}

// --- timing -----------------------------------------------------------------

function cpu() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

// Best CPU seconds of `runs` calls after one warm-up.
function best(fn, runs = RUNS) {
  fn();
  let t = Infinity;
  for (let i = 0; i < runs; ++i) {
    const start = cpu();
    fn();
    t = Math.min(t, cpu() - start);
  }
  return t;
}

function native(mode, file, runs = RUNS, wasm = false) {
  const [cmd, args] = wasm ? [process.execPath, [wasmBench]] : [nativeBench, []];
  const r = spawnSync(cmd, [...args, mode, file, String(runs)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`native_bench ${mode} ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const sizeOf = (file) => readFileSync(file).length;
let sink = 0;

// node's JSON.parse of every line: from the bytes (decode included), and
// from a string already decoded.
function jsonParse(file) {
  const bytes = readFileSync(file);
  const decoder = new TextDecoder();
  const lines = (text) => {
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start))
      sink += JSON.parse(text.slice(start, end)).body.length;
  };
  const fromBytes = best(() => lines(decoder.decode(bytes)));
  const text = decoder.decode(bytes);
  const fromString = best(() => lines(text));
  return { fromBytes: bytes.length / MB / fromBytes, fromString: bytes.length / MB / fromString };
}

const createQuoteline = require(nodeBuild);
const settings = { format: 'jsonl', maxInput: 2 ** 31, pretty: false };

// The whole analysis in wasm: bytes into the heap, every entry's JSON out
// of it (what the node CLI writes), the output left undecoded.
function analyzeWasm(module, bytes) {
  const outcome = runWasm(module, bytes, settings);
  if (outcome.status !== 'ok') throw new Error(`${outcome.status}: ${outcome.message}`);
  let out = 0;
  for (const { json } of entries(module)) out += json.length;
  module.clear();
  return out;
}

function wasm(module, file, runs = RUNS) {
  const bytes = readFileSync(file);
  let out = 0;
  const t = best(() => {
    out = analyzeWasm(module, bytes);
  }, runs);
  return { mbps: bytes.length / MB / t, seconds: t, output: out };
}

// Peak wasm memory for one analysis of `file` in a fresh instance (memory
// only grows, so its final size is the peak).
function wasmHeap(file) {
  const module = createQuoteline();
  const bytes = readFileSync(file);
  const memory = () => module.view(0, 0).buffer.byteLength;
  const before = memory();
  const start = cpu();
  analyzeWasm(module, bytes);
  const seconds = cpu() - start;
  return { before, peak: memory(), input: bytes.length, seconds };
}

function compromise(file) {
  const nlp = require('compromise');
  const docs = jsonl(file);
  const t = best(() => {
    for (const d of docs) sink += nlp(d.body).quotations().length;
  }, Math.min(RUNS, 2));
  return sizeOf(file) / MB / t;
}

function chrono(file) {
  const { parse } = require('chrono-node');
  const docs = jsonl(file).map((d) => ({ body: d.body, ref: new Date(d.published) }));
  const t = best(() => {
    for (const d of docs) sink += parse(d.body, d.ref).length;
  }, Math.min(RUNS, 3));
  return sizeOf(file) / MB / t;
}

// --- the run ------------------------------------------------------------------

const log = (s) => process.stderr.write(`bench: ${s}\n`);
const module = createQuoteline();
const mainMB = sizeOf(corpus.main) / MB;

log(`whole analysis on ${mainMB.toFixed(1)} MB`);
const parse = jsonParse(corpus.main);
const nat = native('analyze', corpus.main);
const stages = native('stages', corpus.main);
const wasmStages = native('stages', corpus.main, RUNS, true);
const was = wasm(module, corpus.main);

log('quotes: ours and compromise on the same articles');
const subMB = sizeOf(sub) / MB;
const natQuotes = native('quotes', sub, Math.max(RUNS, 20));
const wasSub = wasm(module, sub, Math.max(RUNS, 20));
const natSub = native('analyze', sub, Math.max(RUNS, 20));
const comp = compromise(sub);

log('dates: ours and chrono-node on TimeBank');
const tbMB = sizeOf(timebank) / MB;
const natDates = native('dates', timebank, Math.max(RUNS, 20));
const wasTb = wasm(module, timebank, Math.max(RUNS, 20));
const chr = chrono(timebank);
const tl = native('timeline', corpus.main);

log('scaling');
const scale = [
  ['1 MB', corpus.small],
  ['10 MB', corpus.main],
  ['30 MB', corpus.heap],
  ...(corpus.big ? [['100 MB', corpus.big]] : []),
].map(([label, file]) => {
  const runs = sizeOf(file) > 50 * MB ? 1 : Math.min(RUNS, 3);
  const n = file === corpus.main ? nat : native('analyze', file, runs);
  const w = file === corpus.main ? was : file === corpus.big ? null : wasm(module, file, runs);
  return { label, bytes: sizeOf(file), native: n, wasm: w };
});

log('wasm heap for a 30 MB collection');
const heap = wasmHeap(corpus.heap);
const size = sizes()['browser core (quoteline.wasm + quoteline.mjs)'];

// --- the table ----------------------------------------------------------------

const f1 = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (a, b) => `${f1(a / b)}x`;
const rows = [
  ['measurement', 'data', 'MB/s', 'peer (same run, same data)', 'peer MB/s', 'ratio', 'target'],
  ['whole analysis, native (analyze + to_json)', `PolNeAR ${mainMB.toFixed(1)} MB JSONL`, f1(nat.mbps),
    'node JSON.parse per line, from bytes', f1(parse.fromBytes), ratio(nat.mbps, parse.fromBytes), '>= 1.5x'],
  ['whole analysis, wasm in node (bytes in, JSON out)', `same`, f1(was.mbps),
    'node JSON.parse per line, from bytes', f1(parse.fromBytes), ratio(was.mbps, parse.fromBytes), '>= 0.5x'],
  ['whole analysis, native', 'same', f1(nat.mbps), 'node JSON.parse, string already decoded',
    f1(parse.fromString), ratio(nat.mbps, parse.fromString), ''],
  ['whole analysis, wasm in node', 'same', f1(was.mbps), 'node JSON.parse, string already decoded',
    f1(parse.fromString), ratio(was.mbps, parse.fromString), ''],
  ['quotes only, native (text + quote stages)', `PolNeAR first ${f1(subMB)} MB`, f1(natQuotes.mbps),
    'compromise nlp(text).quotations()', f1(comp), ratio(natQuotes.mbps, comp), '> 100x'],
  ['quotes, wasm whole analysis (does more)', 'same', f1(wasSub.mbps),
    'compromise nlp(text).quotations()', f1(comp), ratio(wasSub.mbps, comp), '> 100x'],
  ['quotes, native whole analysis (does more)', 'same', f1(natSub.mbps),
    'compromise nlp(text).quotations()', f1(comp), ratio(natSub.mbps, comp), '> 100x'],
  ['dates only, native (text + time stages)', `TimeBank train ${f1(tbMB)} MB`, f1(natDates.mbps),
    'chrono-node parse(text, dct)', f1(chr), ratio(natDates.mbps, chr), ''],
  ['dates, wasm whole analysis (does more)', 'same', f1(wasTb.mbps), 'chrono-node parse(text, dct)',
    f1(chr), ratio(wasTb.mbps, chr), ''],
];
// Where the time goes, and what the speed targets leave: the time for the
// whole file at the target ratio, next to the stages that only read,
// normalize and write (no quote or date is looked for in them).
for (const [build, st, target] of [['native', stages, 1.5], ['wasm', wasmStages, 0.5]]) {
  const names = ['input', 'text', 'quotes', 'attribution', 'time', 'events', 'output'];
  const total = names.reduce((t, k) => t + st[k], 0);
  for (const k of names)
    rows.push([
      `${build} stage: ${k}`, 'same 10 MB', f1(st.bytes / MB / st[k]), 'share of the analysis time',
      `${(st[k] * 1000).toFixed(0)} ms`, `${((100 * st[k]) / total).toFixed(0)}%`, '',
    ]);
  const budget = st.bytes / MB / (target * parse.fromBytes);
  const plumbing = st.input + st.text + st.output;
  rows.push([
    `${build}: input + text + output stages only`, 'same 10 MB', f1(st.bytes / MB / plumbing),
    `all stages at ${target}x JSON.parse, from bytes`, `${(budget * 1000).toFixed(0)} ms`,
    `${((100 * plumbing) / budget).toFixed(0)}% of it`, '',
  ]);
}
const base = scale[0];
for (const s of scale) {
  const perMB = (x) => x.seconds / (s.bytes / MB);
  const basePerMB = (x) => x.seconds / (base.bytes / MB);
  rows.push([
    `scaling, native: ${s.label}`, `PolNeAR x${(s.bytes / sizeOf(corpus.small)).toFixed(0)}`,
    f1(s.native.mbps), 'time per MB vs 1 MB', `${(s.native.seconds * 1000).toFixed(0)} ms`,
    ratio(perMB(s.native), basePerMB(base.native)), '~1x (linear)',
  ]);
}
for (const s of scale.filter((x) => x.wasm)) {
  rows.push([
    `scaling, wasm: ${s.label}`, `PolNeAR x${(s.bytes / sizeOf(corpus.small)).toFixed(0)}`,
    f1(s.wasm.mbps), 'time per MB vs 1 MB', `${(s.wasm.seconds * 1000).toFixed(0)} ms`,
    ratio(s.wasm.seconds / (s.bytes / MB), base.wasm.seconds / (base.bytes / MB)), '~1x (linear)',
  ]);
}
rows.push([
  'timeline: merge() every event, one bucket()', `PolNeAR 10 MB: ${tl.articles} articles`, '',
  `${tl.placed} of ${tl.events} events placed, ${tl.bins} bins`,
  `${(tl.merge * 1000).toFixed(2)} / ${(tl.bucket * 1000).toFixed(2)} ms`, '', '',
]);
rows.push([
  'wasm heap, one 30 MB collection', `PolNeAR ${f1(heap.input / MB)} MB`, '',
  'wasm memory after (peak)', `${f1(heap.peak / MB)} MB`, ratio(heap.peak, heap.input), '<= 3x',
]);
rows.push([
  'browser build: quoteline.wasm + quoteline.mjs', 'web/dist', '', 'gzip -9 / brotli -11',
  `${(size.gzip / 1000).toFixed(1)} / ${(size.brotli / 1000).toFixed(1)} kB`,
  `raw ${(size.raw / 1000).toFixed(1)} kB`, '<= 100 kB gzip',
]);

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
const line = (r) => `| ${r.map((x, c) => String(x).padEnd(widths[c])).join(' | ')} |`;
const table = [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)];

// Packages whose exports hide package.json: read it from node_modules.
const version = (name) =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const cache = readFileSync(join(root, 'build', 'CMakeCache.txt'), 'utf8');
const cacheVar = (k) => (cache.match(new RegExp(`^${k}:[A-Z]+=(.*)$`, 'm')) || [])[1] || '';
const cxx = spawnSync(cacheVar('CMAKE_CXX_COMPILER') || 'c++', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
const machine = [
  `machine: ${cpus()[0].model}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
    `load average at start ${(await import('node:os')).loadavg()[0].toFixed(1)} (shared machine)`,
  `native: ${cxx}, CMake ${cacheVar('CMAKE_BUILD_TYPE')} (${cacheVar('CMAKE_CXX_FLAGS_RELEASE')}), ` +
    `simdjson 3.9.4 with runtime dispatch`,
  `wasm: Emscripten 3.1.6, web/dist/quoteline.node.cjs (-O3, ALLOW_MEMORY_GROWTH, simdjson fallback kernel); ` +
    `node ${process.version}`,
  `peers: compromise ${version('compromise')}, chrono-node ${version('chrono-node')} (npm, from package-lock.json)`,
  `times: CPU time, best of ${RUNS} after a warm-up (compromise and chrono: best of ` +
    `${Math.min(RUNS, 2)} and ${Math.min(RUNS, 3)}); MB = 10^6 bytes of input`,
];
const text = [...machine, '', ...table].join('\n');
console.log(text);
writeFileSync(join(work, 'table.md'), text + '\n');
writeFileSync(
  join(work, 'results.json'),
  JSON.stringify({ parse, nat, stages, wasmStages, was, natQuotes, wasSub, natSub, comp, natDates, wasTb, chr, tl, scale, heap, size }, null, 1),
);
if (sink < 0) console.log(sink);
