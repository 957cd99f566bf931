// The wasm boundary under load: 10,000 analyses in one instance leave its
// heap flat, and the size limit (--max-input, maxInput) reaches the core
// through every door: the binding, the node CLI and the native CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { entries, run } from '../../web/src/api.js';
import { cli, filesUnder, fixtures, native, web, wire } from './paths.mjs';

const require = createRequire(import.meta.url);
const createQuoteline = require(join(web, 'dist', 'quoteline.node.cjs'));
const settings = { format: 'auto', maxInput: 512 * 1024 * 1024, pretty: false };

// Memory never shrinks, so a leak shows as growth of the memory and as a
// rising address of a large probe block (dlmalloc/emmalloc hand it out at
// the top of the heap, above anything leaked before it).
function probe(module) {
  const at = module.alloc(1 << 20);
  // analyze() frees its input buffer whatever the outcome (here empty_input).
  assert.equal(module.analyze(at, 0, settings).status, 'empty_input');
  module.clear();
  return at;
}
const memory = (module) => module.view(0, 0).buffer.byteLength;

test('heap: 10,000 analyses in one wasm instance leave the heap flat', () => {
  const module = createQuoteline();
  // Every fixture: articles, collections, and inputs that fail to read.
  const inputs = filesUnder(fixtures)
    .map((f) => readFileSync(f))
    .filter((b) => b.length < 1 << 20);
  assert.ok(inputs.length >= 10, 'fixtures missing');
  const once = (i) => {
    const outcome = run(module, inputs[i % inputs.length], settings);
    let size = outcome.size;
    for (const { json } of entries(module)) size += json.length;
    assert.ok(size > 0, outcome.message);
    module.clear();
  };
  for (let i = 0; i < 500; ++i) once(i);
  const before = { memory: memory(module), probe: probe(module) };
  for (let i = 0; i < 10_000; ++i) once(i);
  const after = { memory: memory(module), probe: probe(module) };
  assert.equal(after.memory, before.memory, `memory grew from ${before.memory} to ${after.memory}`);
  assert.ok(
    after.probe - before.probe < 16 * 1024,
    `a 1 MB block moved up by ${after.probe - before.probe} bytes: something leaks`,
  );
});

test('limits: the binding refuses input over maxInput before reading it', () => {
  const module = createQuoteline();
  const bytes = readFileSync(wire);
  const under = run(module, bytes, { ...settings, maxInput: bytes.length });
  assert.equal(under.status, 'ok');
  module.clear();
  // Past the JS check on purpose: the core must refuse by itself.
  const at = module.alloc(bytes.length);
  module.view(at, bytes.length).set(bytes);
  const over = module.analyze(at, bytes.length, { ...settings, maxInput: bytes.length - 1 });
  assert.equal(over.status, 'input_too_large');
  const line = JSON.parse(new TextDecoder().decode(module.view(over.output, over.size)));
  assert.equal(line.error.code, 'input_too_large');
  module.clear();
});

function cliRefuses(args) {
  const r = spawnSync(args[0], [...args.slice(1), 'analyze', '--max-input', '100', wire], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 2, r.stderr);
  const out = r.stdout.trim().split('\n');
  assert.equal(out.length, 1);
  assert.equal(JSON.parse(out[0]).error.code, 'input_too_large');
  const ok = spawnSync(args[0], [...args.slice(1), 'analyze', '--max-input', '100000', wire]);
  assert.equal(ok.status, 0);
}

test('limits: the node CLI passes --max-input through', () => {
  cliRefuses([process.execPath, cli]);
});

test('limits: the native CLI passes --max-input through', { skip: !existsSync(native) }, () => {
  cliRefuses([native]);
});

test('limits: the native CLI stops reading an endless stdin at the limit', {
  skip: !existsSync(native),
}, () => {
  const r = spawnSync('sh', ['-c', `yes 'The council met.' | "${native}" analyze --max-input 100000 -`], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  assert.equal(r.status, 2, r.stderr);
  assert.equal(JSON.parse(r.stdout).error.code, 'input_too_large');
});
