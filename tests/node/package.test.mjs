// The packed tarball installed into an empty project, offline: the API,
// the CLI, every export path and the TypeScript declarations from there.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cli, root, web, wire } from './paths.mjs';

const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
let dir;
let tarball;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'quoteline-smoke-'));
  const packed = JSON.parse(npm(['pack', web, '--pack-destination', dir, '--json', '--loglevel=error'], dir));
  tarball = { file: join(dir, packed[0].filename), files: packed[0].files.map((f) => f.path).sort() };
  const app = join(dir, 'app');
  execFileSync('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke', private: true, type: 'module' }));
  npm(['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball.file], app);
  dir = app;
});

after(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

test('package: the tarball holds what users need and nothing else', () => {
  const pkg = JSON.parse(readFileSync(join(web, 'package.json'), 'utf8'));
  assert.ok(tarball.file.endsWith(`quoteline-${pkg.version}.tgz`));
  for (const f of [
    'package.json', 'bin/quoteline.js', 'src/api.js', 'src/loader.js', 'src/node.js', 'src/browser.js',
    'types/index.d.ts', 'types/standalone.d.ts', 'dist/quoteline.browser.js', 'dist/viewer/viewer.css',
    'dist/quoteline.mjs', 'dist/quoteline.wasm',
    'dist/quoteline.node.cjs', 'dist/quoteline.node.wasm', 'dist/quoteline.standalone.js',
  ])
    assert.ok(tarball.files.includes(f), `missing ${f}`);
  for (const f of tarball.files) assert.doesNotMatch(f, /^(scripts|node_modules)\/|single\.cjs$/);
});

test('package: the installed API analyzes, and every export path resolves', () => {
  const script = `
    import { analyze, analyzeCollection, QuotelineError, version } from 'quoteline';
    import { readFileSync, existsSync } from 'node:fs';
    import { fileURLToPath } from 'node:url';
    const a = await analyze(readFileSync(${JSON.stringify(wire)}));
    const c = await analyzeCollection([{ body: 'One.' }, { body: 'Two.' }]);
    let code = null;
    try { await analyze(''); } catch (e) { code = e instanceof QuotelineError && e.code; }
    const paths = ['quoteline/standalone', 'quoteline/quoteline.wasm', 'quoteline/package.json']
      .map((p) => existsSync(fileURLToPath(import.meta.resolve(p))));
    console.log(JSON.stringify({ headline: a.headline, n: c.length, code, v: await version(), paths }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
  const r = JSON.parse(out);
  assert.match(r.headline, /ferry expansion/);
  assert.equal(r.n, 2);
  assert.equal(r.code, 'empty_input');
  assert.deepEqual(r.paths, [true, true, true]);
});

test('package: the installed CLI prints what the repository CLI prints', () => {
  const bin = join(dir, 'node_modules', '.bin', 'quoteline');
  for (const args of [['analyze', wire], ['analyze', '--pretty', wire], ['--version']]) {
    const installed = spawnSync(bin, args, { cwd: dir });
    const repo = spawnSync(process.execPath, [cli, ...args], { cwd: root });
    assert.equal(installed.status, repo.status);
    assert.ok(installed.stdout.equals(repo.stdout), args.join(' '));
  }
  const bad = spawnSync(bin, ['analyze', 'missing.txt'], { cwd: dir, encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stdout, /^\{"error":\{"code":"invalid_options"/);
});

test('package: a bundler resolves the browser entry to the minified browser build', async () => {
  const { build } = await import(join(root, 'node_modules', 'esbuild', 'lib', 'main.js'));
  writeFileSync(join(dir, 'page.js'), "import { analyze } from 'quoteline';\nwindow.go = analyze;\n");
  const r = await build({
    entryPoints: [join(dir, 'page.js')], absWorkingDir: dir, bundle: true, write: false,
    platform: 'browser', format: 'esm', logLevel: 'silent', metafile: true,
  });
  const inputs = Object.keys(r.metafile.inputs);
  assert.ok(inputs.some((f) => f.endsWith('quoteline/dist/quoteline.browser.js')), inputs.join(' '));
  assert.ok(!inputs.some((f) => f.includes('node.cjs')));
});

test('package: the TypeScript declarations type-check a real import', () => {
  const tsc = join(root, 'node_modules', '.bin', 'tsc');
  if (!existsSync(tsc)) return;
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext',
      target: 'es2022', lib: ['es2022', 'dom'], types: [], skipLibCheck: false },
    files: ['check.ts'],
  }));
  writeFileSync(join(dir, 'check.ts'), `
import { analyze, analyzeCollection, init, version, QuotelineError } from 'quoteline';
import type { Analysis, Quote, RecordError, ErrorCode } from 'quoteline';
import 'quoteline/standalone';

export async function use(bytes: Uint8Array): Promise<string> {
  await init({ wasm: new URL('https://example.invalid/quoteline.wasm') });
  const a: Analysis = await analyze(bytes, { format: 'text', maxInput: 1 << 20 });
  const q: Quote | undefined = a.quotes[0];
  const who: string | null = q ? q.speaker : null;
  const all: Array<Analysis | RecordError> = await analyzeCollection([{ body: 'x' }]);
  for (const e of all) if ('error' in e) { const c: ErrorCode = e.error.code; void c; }
  try { await analyze({ body: 'x', headline: 'y' }); } catch (e) {
    if (e instanceof QuotelineError) return e.code;
  }
  const g: typeof analyze = Quoteline.analyze;
  void g;
  return (who ?? '') + (await version()) + a.timexes.map((t) => t.value).join();
}
`);
  const ok = spawnSync(tsc, ['-p', dir], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  // And the types are not vacuous: a wrong use fails.
  writeFileSync(join(dir, 'check.ts'), `
import { analyze } from 'quoteline';
export async function wrong(): Promise<number> { return (await analyze('x', { format: 'xml' })).headline; }
`);
  const bad = spawnSync(tsc, ['-p', dir], { encoding: 'utf8' });
  assert.notEqual(bad.status, 0);
  assert.match(bad.stdout, /xml/);
  assert.match(bad.stdout, /not assignable to type 'number'/);
});
