// The classic standalone script: one file, wasm inlined, a global
// `Quoteline`; and no string evaluation anywhere (CSP without unsafe-eval).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';
import { web, wire } from './paths.mjs';

const dist = join(web, 'dist');

test('standalone: the classic script defines a global Quoteline that analyzes', async () => {
  const code = readFileSync(join(dist, 'quoteline.standalone.js'), 'utf8');
  // A bare realm, like a page without custom elements (the viewer then stays
  // unregistered): no require, process, module or fetch of files.
  const sandbox = { WebAssembly, atob, TextEncoder, TextDecoder, console, setTimeout, clearTimeout };
  sandbox.HTMLElement = class {};
  sandbox.window = sandbox.self = sandbox.globalThis = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(code, sandbox, { filename: 'quoteline.standalone.js' });
  const Q = sandbox.Quoteline;
  assert.equal(typeof Q.analyze, 'function');
  assert.equal(typeof Q.analyzeCollection, 'function');
  const a = await Q.analyze(readFileSync(wire, 'utf8'));
  assert.match(a.headline, /ferry expansion/);
  const many = await Q.analyzeCollection('{"body":"a"}\n{"x":1}\n');
  assert.equal(many.length, 2);
  assert.equal(many[1].error.code, 'not_an_article');
  await assert.rejects(Q.analyze(''), (e) => e instanceof Q.QuotelineError && e.code === 'empty_input');
  assert.equal(await Q.version(), JSON.parse(readFileSync(join(web, 'package.json'), 'utf8')).version);
});

test('standalone: no build evaluates strings as code', () => {
  for (const f of ['quoteline.standalone.js', 'quoteline.mjs', 'quoteline.node.cjs']) {
    const code = readFileSync(join(dist, f), 'utf8');
    assert.doesNotMatch(code, /new Function\b|\beval\(/, f);
  }
});
