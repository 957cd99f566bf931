#!/usr/bin/env node
// quoteline: the node command line over the wasm core, with the interface,
// output bytes and exit status of the native one (cli/main.cpp):
//   quoteline analyze [--input-format auto|text|json|jsonl] [--pretty]
//                     [--max-input BYTES] [FILE|-]
//   quoteline --version
// Exit status: 0 all read, 1 some records of a collection failed, 2 the
// input could not be read at all or the command line is wrong.
import { readFileSync } from 'node:fs';
import createQuoteline from '../dist/quoteline.node.cjs';
import { entries, run } from '../src/api.js';

const USAGE =
  'usage: quoteline analyze [--input-format auto|text|json|jsonl] [--pretty]\n' +
  '                         [--max-input BYTES] [FILE|-]\n' +
  '       quoteline --version\n';
const FORMATS = ['auto', 'text', 'json', 'jsonl'];
const SIZE_MAX = (1n << 64n) - 1n;

// The core's JSON string escaping, for the errors this CLI reports itself.
function quote(s) {
  const short = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return `"${s.replace(/["\\\x00-\x1f<]/g, (c) => short[c] || `\\u00${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}"`;
}

function fail(code, message) {
  process.stdout.write(`{"error":{"code":${quote(code)},"message":${quote(message)}}}\n`);
  return 2;
}

// strtoull(s, &end, 10) with the checks of the native CLI: a byte count,
// wrapping negatives and saturating overflow as C does. null when malformed.
function byteCount(s) {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)$/.exec(s);
  if (!m) return null;
  let n = BigInt(m[2]);
  if (n > SIZE_MAX) return SIZE_MAX;
  if (m[1] === '-') n = (SIZE_MAX + 1n - n) & SIZE_MAX;
  return n;
}

function readInput(path) {
  try {
    return { bytes: readFileSync(path === null || path === '-' ? 0 : path) };
  } catch (e) {
    if (path === null || path === '-') return { error: 'cannot read stdin' };
    return { error: `${e.syscall === 'open' ? 'cannot open' : 'cannot read'} ${path}` };
  }
}

function analyze(args) {
  let format = 'auto';
  let maxInput = 512n * 1024n * 1024n;
  let pretty = false;
  let path = null;
  for (let i = 0; i < args.length; ++i) {
    const a = args[i];
    if (a === '--pretty') {
      pretty = true;
    } else if ((a === '--input-format' || a === '--max-input') && i + 1 < args.length) {
      const v = args[++i];
      if (a === '--max-input') {
        maxInput = byteCount(v);
        if (maxInput === null) return fail('invalid_options', '--max-input takes a byte count');
      } else if (!FORMATS.includes(v)) {
        return fail('invalid_options', `unknown input format "${v}" (auto, text, json, jsonl)`);
      } else {
        format = v;
      }
    } else if (path === null && (a === '-' || !a.startsWith('-'))) {
      path = a;
    } else {
      return fail('invalid_options', `unexpected argument "${a}"`);
    }
  }
  const { bytes, error } = readInput(path);
  if (error) return fail('invalid_options', error);
  // Refused before the bytes are copied into the heap, in the core's words.
  if (BigInt(bytes.length) > maxInput)
    return fail('input_too_large', `input is over the limit of ${maxInput} bytes`);

  const module = createQuoteline();
  const outcome = run(module, bytes, { format, maxInput: Number(maxInput), pretty });
  const newline = Buffer.from('\n');
  if (outcome.status !== 'ok') {
    process.stdout.write(Buffer.concat([module.view(outcome.output, outcome.size), newline]));
    return 2;
  }
  let failed = false;
  for (const entry of entries(module)) {
    if (process.stdout.destroyed) break; // the reader went away (EPIPE)
    failed ||= entry.failed;
    process.stdout.write(Buffer.concat([entry.json, newline]));
  }
  if (failed) return outcome.collection ? 1 : 2;
  return 0;
}

function main(args) {
  if (args.length >= 1 && args[0] === 'analyze') return analyze(args.slice(1));
  if (args.length === 1 && args[0] === '--version') {
    process.stdout.write(`quoteline ${createQuoteline().version()}\n`);
    return 0;
  }
  process.stderr.write(USAGE);
  return 2;
}

// A closed pipe (`quoteline analyze big.jsonl | head`) ends the command the
// way SIGPIPE ends the native one, without a stack trace.
process.stdout.on('error', (e) => process.exit(e.code === 'EPIPE' ? 141 : 2));
process.exitCode = main(process.argv.slice(2));
