// The node CLI against the native one: same stdout bytes, stderr and exit
// status on every fixture and on the command-line errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { cli, filesUnder, fixtures, native, root, wire } from './paths.mjs';

const skip = existsSync(native) ? false : `no native CLI at ${native} (make build)`;

function both(args, input) {
  const opts = { cwd: root, input, maxBuffer: 1 << 30 };
  return [spawnSync(native, args, opts), spawnSync(process.execPath, [cli, ...args], opts)];
}

function same(args, input) {
  const [n, w] = both(args, input);
  const what = `quoteline ${args.join(' ')}`;
  assert.equal(w.stderr.toString(), n.stderr.toString(), `${what}: stderr`);
  assert.ok(w.stdout.equals(n.stdout), `${what}: stdout differs\nnative: ${n.stdout.toString().slice(0, 400)}\nnode:   ${w.stdout.toString().slice(0, 400)}`);
  assert.equal(w.status, n.status, `${what}: exit status`);
  return n;
}

test('cli: the node CLI prints what the native CLI prints for every fixture', { skip }, () => {
  const files = filesUnder(fixtures);
  assert.ok(files.length >= 5, 'fixtures missing');
  const statuses = new Set();
  for (const f of files) {
    const rel = relative(root, f);
    for (const flags of [[], ['--pretty']]) statuses.add(same(['analyze', ...flags, rel]).status);
  }
  // The fixtures cover success, failed records and unreadable input.
  assert.deepEqual([...statuses].sort(), [0, 1, 2]);
});

test('cli: input formats and stdin behave as natively', { skip }, () => {
  const bytes = readFileSync(wire);
  same(['analyze', '-'], bytes);
  same(['analyze'], bytes);
  same(['analyze', '--pretty', '-'], bytes);
  for (const f of ['auto', 'text', 'json', 'jsonl']) same(['analyze', '--input-format', f, '-'], bytes);
  same(['analyze', '--input-format', 'jsonl', '-'], '{"body":"a"}\n{"body":"b"}\n');
  same(['analyze', '-'], '');
  same(['analyze', '-'], Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x0a, 0x00]));
  same(['analyze', '-'], Buffer.from('Broken \xff\xfe UTF-8 "quote," she said.', 'latin1'));
});

test('cli: command-line errors give the same JSON line and status', { skip }, () => {
  for (const args of [
    [],
    ['help'],
    ['--version'],
    ['--version', 'x'],
    ['analyze', 'tests/fixtures/nonexistent.txt'],
    ['analyze', 'tests/fixtures'],
    ['analyze', ''],
    ['analyze', '--input-format', 'xml', '-'],
    ['analyze', '--input-format', '<caf\u00e9>\t"x"', '-'],
    ['analyze', '--input-format'],
    ['analyze', '--bogus'],
    ['analyze', 'a', 'b'],
    ['analyze', '--max-input', 'abc', '-'],
    ['analyze', '--max-input', '', '-'],
    ['analyze', '--max-input', '12x', '-'],
    ['analyze', '--max-input', '10', '-'],
    ['analyze', '--max-input', ' +10', '-'],
    ['analyze', '--max-input', '-1', '-'],
    ['analyze', '--max-input', '99999999999999999999999', '-'],
    ['analyze', '--max-input', '0', '-'],
  ])
    same(args, 'Short text, "quoted," he said.\n');
});

test('cli: a reader that closes the pipe early ends the node CLI quietly, as SIGPIPE does natively', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quoteline-pipe-'));
  const file = join(dir, 'many.jsonl');
  writeFileSync(file, '{"body":"\\u201cA line of text to repeat,\\u201d she said on Monday."}\n'.repeat(20000));
  const r = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" analyze "${file}" | head -c 10 >/dev/null; echo \${PIPESTATUS[0]}`], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  assert.equal(r.stderr, '');
  assert.equal(r.stdout.trim(), '141');
});
