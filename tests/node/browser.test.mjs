// The browser entry in headless Chromium under the strict CSP: the ES
// module finds quoteline.wasm beside itself, or loads it from a URL or bytes
// given to init(). Skips when Chromium is not installed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CSP, serve } from '../../tools/serve.mjs';
import { root, web } from './paths.mjs';

const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const skip = existsSync(chromium) ? false : `no Chromium at ${chromium}`;
const version = JSON.parse(readFileSync(join(web, 'package.json'), 'utf8')).version;
let server;
let browser;

before(async () => {
  if (skip) return;
  const { chromium: pw } = await import('playwright-core');
  server = await serve({ root });
  browser = await pw.launch({
    executablePath: chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function run(mode) {
  const page = await browser.newPage();
  const problems = [];
  const wasm = [];
  page.on('console', (m) => {
    // Chromium asks for /favicon.ico on its own; that 404 is not the page's.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => r.url().includes('.wasm') && wasm.push(new URL(r.url()).pathname + new URL(r.url()).search));
  const res = await page.goto(`${server.url}tests/node/pages/api.html#${mode}`);
  assert.equal(res.headers()['content-security-policy'], CSP);
  await page.waitForFunction(() => document.body.dataset.result, null, { timeout: 15000 });
  const result = JSON.parse(await page.evaluate(() => document.body.dataset.result));
  await page.close();
  return { result, problems, wasm };
}

function expectWorks({ result, problems }) {
  assert.deepEqual(problems, []);
  assert.equal(result.error, undefined, result.error);
  assert.equal(result.id, 'b1');
  assert.match(result.text, /Carvalho said on Thursday \u{1F6A2}\.$/u);
  assert.equal(result.n, 2);
  assert.equal(result.second, 'not_an_article');
  assert.equal(result.code, 'empty_input');
  assert.equal(result.version, version);
}

test('browser: the ES module loads quoteline.wasm beside itself under the strict CSP', { skip }, async () => {
  const r = await run('default');
  expectWorks(r);
  assert.deepEqual(r.wasm, ['/web/dist/quoteline.wasm']);
});

test('browser: init() takes another URL for the wasm', { skip }, async () => {
  const r = await run('url');
  expectWorks(r);
  assert.deepEqual(r.wasm, ['/web/dist/quoteline.wasm?moved']);
});

test('browser: init() takes the wasm bytes and the module fetches nothing', { skip }, async () => {
  const r = await run('bytes');
  expectWorks(r);
  assert.deepEqual(r.wasm, ['/web/dist/quoteline.wasm']); // the page's own fetch only
});
