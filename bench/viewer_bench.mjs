#!/usr/bin/env node
// Viewer benchmark (not a test): headless Debian Chromium, the strict-CSP
// static server, median of several runs. Prints
//  1. frame work while panning and zooming 10,000 timeline events (real
//     wheel handlers: Ctrl+wheel zooms, horizontal wheel pans), p50/p95 ms,
//     plus the rAF interval and long animation frames;
//  2. time from the entry script's arrival to the seed page's viewer being
//     interactive (quoteline-ready), with the analysis itself apart;
//  3. the shipped JS + CSS + wasm of the element, gzip -9.
// Budgets (DESIGN.md): p95 < 16 ms, < 100 ms, <= 150 KB gzip.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { start, open, ROOT } from '../tests/e2e/browser.mjs';

const RUNS = +(process.env.RUNS || 5);
const median = (a) => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)];
const pct = (a, p) => a.slice().sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor((a.length * p) / 100))];
const ms = (x) => `${x.toFixed(2)} ms`;

const env = await start();
const out = {};
try {
  console.log(`viewer bench: ${os.cpus()[0].model}, ${os.cpus().length} cores, node ${process.version}, ${(await env.browser.version())} headless`);

  // 1. Frames over 10,000 events.
  const p95s = [], p50s = [], raf95 = [], loafs = [];
  for (let r = 0; r < RUNS; r++) {
    const page = await open(env, 'tests/e2e/fixtures/harness.html', { width: 1200, height: 800 });
    await page.waitForFunction(() => customElements.get('quoteline-viewer'));
    const res = await page.evaluate(async () => {
      const { synth } = await import('/tests/e2e/fixtures/synth.js');
      const v = document.getElementById('v');
      v.analyses = synth(1000, 9);
      while (v.dataset.state !== 'ready') await new Promise((ok) => setTimeout(ok, 10));
      // Let the first render's frames pass before measuring.
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 200))));
      const root = v.shadowRoot, track = root.querySelector('.track');
      const events = root.querySelectorAll('.track .ev').length;
      const loaf = [];
      let obs = null;
      if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
        obs = new PerformanceObserver((l) => loaf.push(...l.getEntries().map((e) => e.duration)));
        obs.observe({ type: 'long-animation-frame' });
      }
      const rect = track.getBoundingClientRect();
      const work = [], stamps = [];
      const N = 240;
      await new Promise((done) => {
        let i = 0;
        const step = (ts) => {
          stamps.push(ts);
          const t0 = performance.now();
          const phase = Math.floor(i / 30) % 4; // zoom in, pan, zoom out, pan back
          const init = { bubbles: true, cancelable: true, clientX: rect.left + rect.width * (0.3 + 0.4 * ((i % 30) / 30)), clientY: rect.top + 20 };
          if (phase === 0) track.dispatchEvent(new WheelEvent('wheel', { ...init, ctrlKey: true, deltaY: -40 }));
          else if (phase === 2) track.dispatchEvent(new WheelEvent('wheel', { ...init, ctrlKey: true, deltaY: 40 }));
          else track.dispatchEvent(new WheelEvent('wheel', { ...init, deltaX: phase === 1 ? 25 : -25, deltaY: 0 }));
          void track.getBoundingClientRect().width; // style and layout inside the measure
          void root.querySelector('.track .ev')?.offsetLeft;
          work.push(performance.now() - t0);
          if (++i < N) requestAnimationFrame(step);
          else done();
        };
        requestAnimationFrame(step);
      });
      if (obs) obs.disconnect();
      const gaps = stamps.slice(1).map((t, k) => t - stamps[k]);
      return { work, gaps, loaf, events, total: v.shadowRoot.querySelector('.detail').textContent };
    });
    p95s.push(pct(res.work, 95));
    p50s.push(pct(res.work, 50));
    raf95.push(pct(res.gaps, 95));
    loafs.push(res.loaf.length);
    if (res.loaf.length) console.log(`  run ${r + 1}: long animation frames of ${res.loaf.map((d) => d.toFixed(0)).join(', ')} ms`);
    if (r === 0) console.log(`  timeline: ${res.total.split('.')[0]}, ${res.events} nodes in view at start`);
    await page.close2();
  }
  out.frame = { p50: median(p50s), p95: median(p95s), rafP95: median(raf95), longFrames: Math.max(...loafs) };
  console.log(`1. pan/zoom 10,000 events: frame work p50 ${ms(out.frame.p50)}, p95 ${ms(out.frame.p95)} (budget 16 ms); ` +
    `rAF interval p95 ${ms(out.frame.rafP95)}; long animation frames: ${out.frame.longFrames}`);

  // 2. Script load to interactive, seed page: from the viewer's script
  // having loaded (the define mark) to the viewer being ready (its mark),
  // served (wasm, CSS and the article fetched in parallel) and offline
  // (file://, one classic script with everything inlined).
  const measure = async (url) => {
    const page = await open(env, url);
    await page.waitForFunction(() => performance.getEntriesByName('quoteline:ready').length);
    const t = await page.evaluate(() => {
      const at = (n) => performance.getEntriesByName(n)[0].startTime;
      const d = at('quoteline:define'), ready = at('quoteline:ready');
      // The last of the viewer's own requests (CSS, article, wasm) to arrive.
      const net = Math.max(d, ...performance.getEntriesByType('resource').filter((e) => e.startTime >= d).map((e) => e.responseEnd));
      return { tti: ready - d, nav: ready, after: ready - net };
    });
    await page.close2();
    return t;
  };
  const served = [], nav = [], offline = [], ana = [], after = [];
  const standalone = `file://${ROOT}/demo/standalone.html`;
  for (let r = 0; r < RUNS; r++) {
    const t = await measure('demo/index.html');
    served.push(t.tti);
    nav.push(t.nav);
    after.push(t.after);
    if (existsSync(`${ROOT}/web/dist/quoteline.standalone.js`)) offline.push((await measure(standalone)).tti);
  }
  {
    // The analysis alone, warm, in a page.
    const page = await open(env, 'demo/index.html');
    ana.push(await page.evaluate(async () => {
      const api = await import('/web/dist/quoteline.browser.js');
      const text = await (await fetch('/demo/data/seed.txt')).text();
      await api.analyze(text);
      const t0 = performance.now();
      for (let i = 0; i < 20; i++) await api.analyze(text);
      return (performance.now() - t0) / 20;
    }));
    await page.close2();
  }
  out.tti = { served: median(served), afterNetwork: median(after), navigation: median(nav), offline: offline.length ? median(offline) : null, analyzeWarm: median(ana) };
  console.log(`2. seed page, script loaded -> interactive: served ${ms(out.tti.served)} (${ms(out.tti.afterNetwork)} after its last request arrived), offline page ${out.tti.offline == null ? 'n/a' : ms(out.tti.offline)} ` +
    `(budget 100 ms); navigation -> interactive ${ms(out.tti.navigation)}; one warm analysis of the seed ${ms(out.tti.analyzeWarm)}`);
} finally {
  await env.stop();
}

// 3. Shipped size of the element: what a page loads for <quoteline-viewer>
// from the package's browser entry (one minified module, its wasm, its CSS).
const files = { js: 'web/dist/quoteline.browser.js', wasm: 'web/dist/quoteline.wasm', css: 'web/dist/viewer/viewer.css' };
let raw = 0, gz = 0;
const parts = {};
for (const [kind, f] of Object.entries(files)) {
  const b = readFileSync(`${ROOT}/${f}`);
  parts[kind] = gzipSync(b, { level: 9 }).length;
  raw += b.length;
  gz += parts[kind];
}
out.size = { raw, gzip: gz, parts };
console.log(`3. shipped JS + CSS + wasm (package browser entry, gzip -9 each): ${(gz / 1000).toFixed(1)} kB (budget 150 kB); raw ${(raw / 1000).toFixed(1)} kB; ` +
  Object.entries(parts).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} kB`).join(', '));
const single = `${ROOT}/web/dist/quoteline.standalone.js`;
if (existsSync(single)) {
  const b = readFileSync(single);
  console.log(`   standalone classic script (wasm inlined, viewer and CSS included): ${(gzipSync(b, { level: 9 }).length / 1000).toFixed(1)} kB gzip, ${(b.length / 1000).toFixed(1)} kB raw`);
}
if (process.argv.includes('--json')) console.log(JSON.stringify(out));
