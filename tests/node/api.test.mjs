// The analysis API of the node entry, over the wasm build.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze, analyzeCollection, init, QuotelineError, timeline, version } from '../../web/src/node.js';
import { createApi } from '../../web/src/api.js';
import { web, wire as wirePath } from './paths.mjs';

const require = createRequire(import.meta.url);
const createQuoteline = require(join(web, 'dist', 'quoteline.node.cjs'));
const wire = readFileSync(wirePath);

async function rejects(promise, code) {
  await assert.rejects(promise, (e) => {
    assert.ok(e instanceof QuotelineError, `not a QuotelineError: ${e}`);
    assert.equal(e.name, 'QuotelineError');
    assert.equal(e.code, code, e.message);
    return true;
  });
}

test('api: wire text reads the same as a string, bytes and an ArrayBuffer', async () => {
  const fromBytes = await analyze(wire);
  const fromString = await analyze(wire.toString('utf8'));
  const ab = wire.buffer.slice(wire.byteOffset, wire.byteOffset + wire.byteLength);
  assert.deepEqual(fromString, fromBytes);
  assert.deepEqual(await analyze(ab), fromBytes);
  assert.match(fromBytes.headline, /ferry expansion/);
  assert.ok(fromBytes.text.length > 500);
  assert.ok(fromBytes.paragraphs.length > 3);
});

test('api: the analysis has every field of the CLI output, as plain values', async () => {
  const a = await analyze(wire);
  assert.deepEqual(Object.keys(a), [
    'id', 'headline', 'published', 'byline', 'dateline', 'text', 'paragraphs',
    'quotes', 'speakers', 'timexes', 'events', 'diagnostics',
  ]);
  assert.equal(Object.getPrototypeOf(a), Object.prototype);
  assert.equal(typeof a.delete, 'undefined');
});

test('api: an article object is JSON-encoded, non-ASCII offsets are UTF-16', async () => {
  const body = 'Caf\u00e9 \u{1F600} news. \u201cWe will build it,\u201d Jos\u00e9 Garc\u00eda said on Tuesday.\n\nSecond paragraph \u2014 done.';
  const a = await analyze({ id: 'emoji-1', headline: 'T\u00eates', body });
  assert.equal(a.id, 'emoji-1');
  assert.equal(a.headline, 'T\u00eates');
  assert.equal(a.paragraphs.length, 2);
  const last = a.paragraphs[1];
  assert.equal(last.end, a.text.length);
  assert.equal(a.text.slice(last.start, last.end), 'Second paragraph \u2014 done.');
  for (const q of a.quotes) assert.equal(a.text.slice(q.start, q.end), q.text);
  for (const t of a.timexes) assert.equal(a.text.slice(t.start, t.end), t.text);
});

test('api: a collection gives one entry per record, unreadable records in place', async () => {
  const lines = '{"id":"a","body":"One \u00e9."}\n{"id":"b"}\n{"id":"c","body":"Three."}\n';
  const out = await analyzeCollection(lines);
  assert.equal(out.length, 3);
  assert.equal(out[0].id, 'a');
  assert.equal(out[1].error.code, 'not_an_article');
  assert.equal(out[1].error.record, 1);
  assert.equal(out[2].text, 'Three.');
  const objects = await analyzeCollection([{ id: 'x', body: 'X.' }, { id: 'y', body: 'Y.' }]);
  assert.deepEqual(objects.map((a) => a.id), ['x', 'y']);
  assert.deepEqual((await analyzeCollection(wire)).map((a) => a.headline), [(await analyze(wire)).headline]);
});

test('api: analyze refuses a collection and a failed record with a QuotelineError', async () => {
  await rejects(analyze('{"body":"a"}\n{"body":"b"}\n'), 'not_an_article');
  await rejects(analyze('[{"id":"only"}]'), 'not_an_article');
});

test('api: bad input and options throw one error class with stable codes', async () => {
  await rejects(analyze(''), 'empty_input');
  await rejects(analyze(' \n\t '), 'empty_input');
  await rejects(analyze('{"body": "x",'), 'invalid_json');
  await rejects(analyze('['.repeat(100000) + ']'.repeat(100000)), 'too_deep');
  await rejects(analyze('{"title": 1}'), 'not_an_article');
  await rejects(analyze(42), 'not_an_article');
  await rejects(analyze(null), 'not_an_article');
  await rejects(analyze('x', { format: 'xml' }), 'invalid_options');
  await rejects(analyze('x', { maxInput: -1 }), 'invalid_options');
  await rejects(analyze('x', 'json'), 'invalid_options');
  await rejects(analyze({ body: 'x' }, { format: 'text' }), 'invalid_options');
  try {
    await analyze('{"body": "x",');
  } catch (e) {
    assert.equal(typeof e.position, 'number');
  }
});

test('api: the input format option is honoured', async () => {
  const asText = await analyze('{"body": "not json here"}', { format: 'text' });
  assert.equal(asText.text, '{"body": "not json here"}');
  await rejects(analyze('plain words', { format: 'json' }), 'invalid_json');
});

test('api: oversize input is refused before it reaches the wasm heap', async () => {
  let allocs = 0;
  const api = createApi((args) => {
    const m = createQuoteline(args);
    const alloc = m.alloc;
    m.alloc = (n) => (++allocs, alloc(n));
    return m;
  });
  await rejects(api.analyze(wire, { maxInput: 100 }), 'input_too_large');
  await rejects(api.analyze('x'.repeat(101), { maxInput: 100 }), 'input_too_large');
  await rejects(api.analyze(new Uint8Array(101), { maxInput: 100 }), 'input_too_large');
  assert.equal(allocs, 0);
  assert.equal((await api.analyze(wire, { maxInput: wire.length })).headline.length > 0, true);
  assert.equal(allocs, 1);
});

test('api: a wasm trap becomes internal_error and the next call gets a fresh module', async () => {
  let made = 0;
  const api = createApi((args) => {
    const m = createQuoteline(args);
    if (++made === 1)
      m.analyze = () => {
        throw new WebAssembly.RuntimeError('unreachable');
      };
    return m;
  });
  await rejects(api.analyze(wire), 'internal_error');
  assert.ok((await api.analyze(wire)).text.length > 0);
  assert.equal(made, 2);
});

test('api: the wasm heap stays flat over repeated analyses', async () => {
  const api = createApi(createQuoteline);
  const module = await api.load();
  const heap = () => module.view(0, 0).buffer.byteLength;
  for (let i = 0; i < 50; ++i) await api.analyze(wire);
  const before = heap();
  for (let i = 0; i < 3000; ++i) await api.analyze(wire);
  assert.equal(heap(), before);
});

test('api: version() is the package version', async () => {
  const pkg = JSON.parse(readFileSync(join(web, 'package.json'), 'utf8'));
  assert.equal(await version(), pkg.version);
  await init(); // loading again is a no-op
});

test('api: init() loads the wasm from bytes, a path or a file URL', () => {
  const wasm = join(web, 'dist', 'quoteline.node.wasm');
  const entry = new URL('../../web/src/node.js', import.meta.url).href;
  for (const how of [
    `readFileSync(${JSON.stringify(wasm)})`,
    JSON.stringify(wasm),
    `pathToFileURL(${JSON.stringify(wasm)})`,
  ]) {
    const script = `
      import { readFileSync } from 'node:fs';
      import { pathToFileURL } from 'node:url';
      import { init, analyze } from ${JSON.stringify(entry)};
      await init({ wasm: ${how} });
      console.log((await analyze({ body: 'Hi.' })).text);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, 'Hi.\n');
  }
  const bad = `import { init } from ${JSON.stringify(entry)};
    await init({ wasm: '/nonexistent/quoteline.wasm' }).then(() => console.log('loaded'), () => console.log('failed'));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', bad], { encoding: 'utf8' });
  assert.equal(r.stdout, 'failed\n');
});

test('api: timeline ranges are the core minute ranges, and its bins count by kind', async () => {
  const tl = await timeline();
  const day = Date.UTC(2024, 2, 22) / 6e4;
  const r = tl.ranges(['2024-03-22', '2024-03', 'P3D', 'PRESENT_REF', '2024-03-22T10:29', 'x\ny']);
  assert.deepEqual([...r.slice(0, 4)], [day, day + 1440, Date.UTC(2024, 2, 1) / 6e4, Date.UTC(2024, 3, 1) / 6e4]);
  assert.ok(Number.isNaN(r[4]) && Number.isNaN(r[6]) && Number.isNaN(r[10]), 'durations and refs have no place');
  assert.deepEqual([...r.slice(8, 10)], [day + 629, day + 630]);
  assert.equal(tl.ranges([]).length, 0);
  // Two days: a publication and two mentions on the first, one quote on the second.
  tl.place([
    { start: day + 60, end: day + 61, kind: 'published' },
    { start: day + 600, end: day + 601, kind: 'mention' },
    { start: day + 700, end: day + 701, kind: 'mention' },
    { start: day + 1440 + 5, end: day + 1440 + 6, kind: 'quote' },
  ]);
  const h = tl.bins(2, 10, day, day + 2880); // resolution 2: days
  assert.equal(h.used, 2);
  assert.deepEqual([...h.bins], [day, day + 1440, 0, 3, 1, 2, 0, day + 1440, day + 2880, 3, 1, 0, 0, 1]);
  // A second timeline on the same module keeps its own items.
  const other = await timeline();
  other.place([{ start: day, end: day + 1, kind: 'mention' }]);
  assert.equal(other.bins(0, 10, day - 60, day + 60).bins[3], 1);
  assert.equal(tl.bins(2, 10, day, day + 2880).bins.length, 14);
  assert.equal(tl.bins(0, 100, -Infinity, Infinity).bins.length > 0, true);
});
