#!/usr/bin/env node
// A tiny static server for the demo and the browser tests: 127.0.0.1 only,
// the repository root as its root ("/" goes to /demo/), .wasm as
// application/wasm, and the strict Content-Security-Policy on every page.
// Usage: node tools/serve.mjs [--port N]   (PORT env also works; 0 = any)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm', '.png': 'image/png', '.svg': 'image/svg+xml', '.map': 'application/json',
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Starts the server; resolves to {url, port, close()}. */
export function serve({ port = 0, root = ROOT, csp = CSP, log = false } = {}) {
  const server = http.createServer((req, res) => {
    let p;
    try {
      p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return end(res, 400, 'bad request');
    }
    if (p === '/') return res.writeHead(302, { location: '/demo/' }).end();
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(root, path.normalize(p));
    if (!file.startsWith(root + path.sep) || p.split('/').some((s) => s.startsWith('.') && s.length > 0)) return end(res, 404, 'not found');
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) return end(res, 404, 'not found');
      const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
      if (csp) headers['content-security-policy'] = csp;
      res.writeHead(200, headers);
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
      if (log) console.log(req.method, p);
    });
  });
  return new Promise((ok, bad) => {
    server.once('error', bad);
    server.listen(port, '127.0.0.1', () => {
      const a = server.address();
      ok({ port: a.port, url: `http://127.0.0.1:${a.port}/`, close: () => new Promise((c) => server.close(c)) });
    });
  });
}

function end(res, code, text) {
  res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? +process.argv[i + 1] : +(process.env.PORT || 8080);
  serve({ port, log: process.argv.includes('--log') }).then(
    (s) => console.log(`Quoteline demo: ${s.url}demo/  (Ctrl+C to stop)`),
    (e) => {
      console.error(`serve: ${e.message}`);
      process.exit(1);
    });
}
