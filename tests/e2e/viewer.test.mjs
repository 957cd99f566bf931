// The viewer's contract, driven in headless Chromium with analyses given
// as plain data (a stand-in API), so these tests do not depend on what the
// core finds: selection and focus, keyboard paths, filters, inert payloads,
// the timeline's zoom, pan, aggregation and narrow layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, open, summary, active, cspErrors, ROOT } from './browser.mjs';

const SEED = JSON.parse(readFileSync(`${ROOT}/tests/e2e/fixtures/seed-analysis.json`, 'utf8'));
const HARNESS = 'tests/e2e/fixtures/harness.html';
let env;

before(async () => {
  env = await start();
});
after(async () => {
  await env.stop();
});

async function harness(data, opts) {
  const page = await open(env, HARNESS, opts);
  await page.waitForFunction(() => customElements.get('quoteline-viewer'));
  if (data) await show(page, data);
  return page;
}

async function show(page, data) {
  await page.evaluate((d) => {
    const v = document.getElementById('v');
    v.removeAttribute('data-state');
    v.analyses = d;
  }, data);
  await page.waitForFunction(() => document.getElementById('v').dataset.state === 'ready');
}

async function synth(page, n, k) {
  await page.evaluate(async ([n, k]) => {
    const { synth } = await import('/tests/e2e/fixtures/synth.js');
    const v = document.getElementById('v');
    v.removeAttribute('data-state');
    v.analyses = synth(n, k);
  }, [n, k]);
  await page.waitForFunction(() => document.getElementById('v').dataset.state === 'ready');
}

const shadow = (page, fn, arg) => page.evaluate(([f, a]) => new Function('r', 'a', `return (${f})(r, a)`)(document.getElementById('v').shadowRoot, a), [fn.toString(), arg]);

test('viewer: every quote is highlighted with its speaker and kind, and the panel lists each one', async () => {
  const page = await harness(SEED);
  const s = await summary(page);
  assert.equal(s.quotes.length, SEED.quotes.length);
  assert.deepEqual(s.quotes.map((q) => q.id).sort(), SEED.quotes.map((q) => q.id).sort());
  for (const q of s.quotes) {
    const want = SEED.quotes.find((x) => x.id === q.id);
    assert.equal(q.speaker, want.speakerId);
    assert.equal(q.kind, want.kind);
    assert.ok(want.text.startsWith(q.text.slice(0, 20)), `quote ${q.id} text`);
  }
  assert.deepEqual(s.entries.slice().sort(), SEED.quotes.map((q) => q.id).sort());
  assert.ok(s.events.includes('e1'), 'the publication is on the timeline');
  assert.equal(s.headline, SEED.headline);
  // The speaker label is visible text (a CSS badge), not colour alone.
  const badge = await shadow(page, (r) => getComputedStyle(r.querySelector('[data-label]'), '::before').content);
  assert.match(badge, /Xi Jinping/);
  assert.deepEqual(cspErrors(page), []);
  assert.deepEqual(page.log.errors, []);
  await page.close2();
});

test('viewer: choosing a panel entry by click focuses and scrolls to its quote and emits quoteline-select', async () => {
  const page = await harness(SEED, { height: 500 });
  await page.evaluate(() => {
    window.selected = [];
    document.getElementById('v').addEventListener('quoteline-select', (e) => window.selected.push(e.detail));
  });
  await page.locator('quoteline-viewer [data-quote-ref="q7"]').click();
  assert.equal((await active(page)).quote, 'q7');
  // Scrolling is smooth unless the user asked for reduced motion.
  await page.waitForFunction(() => {
    const q = document.getElementById('v').shadowRoot.querySelector('[data-quote-id="q7"]').getBoundingClientRect();
    return q.top >= 0 && q.bottom <= innerHeight;
  }, null, { timeout: 3000 });
  const sel = await page.evaluate(() => window.selected);
  assert.equal(sel.length, 1);
  assert.equal(sel[0].quote, 'q7');
  assert.equal(sel[0].article, SEED.id);
  await page.close2();
});

test('viewer: the panel is one tab stop; arrows move and Enter focuses the quote in the text', async () => {
  const page = await harness(SEED);
  await page.locator('quoteline-viewer input[type="search"]').focus();
  await page.keyboard.press('Tab');
  let a = await active(page);
  assert.ok(a.ref, 'Tab lands on a panel entry');
  const first = a.ref;
  await page.keyboard.press('ArrowDown');
  a = await active(page);
  assert.ok(a.ref && a.ref !== first, 'ArrowDown moves to the next entry');
  const second = a.ref;
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  assert.equal((await active(page)).ref, first);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  a = await active(page);
  assert.equal(a.quote, second, 'Enter moves focus to the quote in the text');
  // Only one entry is in the tab order.
  const tabbable = await shadow(page, (r) => r.querySelectorAll('button.entry[tabindex="0"]').length);
  assert.equal(tabbable, 1);
  await page.close2();
});

test('viewer: filters by speaker, kind and text narrow the panel and emit quoteline-filter', async () => {
  const page = await harness(SEED);
  await page.evaluate(() => {
    window.filters = [];
    document.getElementById('v').addEventListener('quoteline-filter', (e) => window.filters.push(e.detail));
  });
  const v = page.locator('quoteline-viewer');
  await v.locator('.filters select').nth(0).selectOption('vladimir-putin');
  assert.deepEqual((await summary(page)).entries, ['q7']);
  await v.locator('.filters select').nth(0).selectOption('');
  await v.locator('.filters select').nth(1).selectOption('partial');
  const partial = SEED.quotes.filter((q) => q.kind === 'partial').map((q) => q.id).sort();
  assert.deepEqual((await summary(page)).entries.sort(), partial);
  await v.locator('.filters select').nth(1).selectOption('');
  await v.locator('input[type="search"]').fill('multilateralism');
  assert.deepEqual((await summary(page)).entries, ['q5']);
  const f = await page.evaluate(() => window.filters);
  assert.equal(f[0].speaker, 'vladimir-putin');
  assert.equal(f.at(-1).text, 'multilateralism');
  // Quotes that do not match stay in the text but lose their colour.
  const dimmed = await shadow(page, (r) => r.querySelectorAll('[data-quote-id][data-dim][data-label]').length);
  assert.equal(dimmed, SEED.quotes.length - 1);
  // The host can set filters too (e.g. from its URL).
  await page.evaluate(() => document.getElementById('v').filter({ text: '', speaker: 'xi-jinping' }));
  assert.equal((await summary(page)).entries.length, SEED.quotes.filter((q) => q.speakerId === 'xi-jinping').length);
  // A short live-region update says what the filter left.
  await page.waitForFunction(() => /quotes/.test(document.getElementById('v').shadowRoot.querySelector('[role="status"]').textContent));
  await page.close2();
});

test('viewer: HTML and script payloads in headline, body, dateline and speaker names stay inert text', async () => {
  const bad = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><b>bold</b>';
  const text = `Intro ${bad} said "${bad}" here.`;
  const q0 = text.indexOf('"') + 1, q1 = text.lastIndexOf('"');
  const a = {
    id: 'x', headline: `Head ${bad}`, published: '2024-01-02', byline: `By ${bad}`,
    dateline: { place: `PLACE ${bad}`, date: '2024-01-02', agency: `<svg onload="window.pwned=3">` },
    text, paragraphs: [{ start: 0, end: text.length }],
    quotes: [{ id: 'q1', start: q0, end: q1, text: text.slice(q0, q1), kind: 'direct', speaker: `<img src=y onerror="window.pwned=4">`, speakerId: '"><img src=z onerror="window.pwned=5">', cue: 'explicit', mention: null, utterance: 1 }],
    speakers: [{ id: '"><img src=z onerror="window.pwned=5">', name: `<img src=y onerror="window.pwned=4">`, aliases: [], role: '', kind: 'person', quoteCount: 1 }],
    timexes: [], events: [{ id: 'e1', kind: 'mention', when: '2024-01-01', start: 0, end: text.length, timex: null, quote: null }], diagnostics: [],
  };
  const page = await harness(a);
  await page.locator('quoteline-viewer [data-quote-ref="q1"]').click();
  await page.locator('quoteline-viewer [data-event-id="e1"]').first().click();
  await page.waitForTimeout(100);
  const r = await shadow(page, (r) => ({
    injected: r.querySelectorAll('img, script, b, svg, iframe').length,
    headline: r.querySelector('.headline').textContent,
    body: r.querySelector('.body').textContent,
    meta: r.querySelector('.meta').textContent,
    label: r.querySelector('[data-label]').dataset.label,
    entry: r.querySelector('.group h3').textContent,
  }));
  assert.equal(r.injected, 0);
  assert.equal(r.headline, a.headline);
  assert.equal(r.body, text);
  assert.ok(r.meta.includes(a.dateline.place) && r.meta.includes(a.dateline.agency) && r.meta.includes(a.byline));
  assert.equal(r.label, a.quotes[0].speaker);
  assert.ok(r.entry.includes(a.quotes[0].speaker));
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(page.log.errors, []);
  await page.close2();
});

test('timeline: 10,000 events are aggregated so the DOM stays small, and zooming reveals single events', async () => {
  const page = await harness();
  await synth(page, 1000, 9);
  const count = () => shadow(page, (r) => ({
    nodes: r.querySelectorAll('.track .ev').length,
    single: r.querySelectorAll('.track [data-event-id]').length,
    clusters: [...r.querySelectorAll('.track [data-cluster]')].reduce((s, b) => s + +b.dataset.cluster, 0),
    span: r.querySelector('.tl-head .span').textContent,
  }));
  const full = await count();
  assert.ok(full.nodes < 120, `few nodes (${full.nodes})`);
  assert.ok(full.clusters > 9000, 'the events sit in clusters');
  // A big cluster zooms in when chosen.
  const big = await shadow(page, (r) => {
    const b = [...r.querySelectorAll('.track [data-cluster]')].sort((x, y) => y.dataset.cluster - x.dataset.cluster)[0];
    return b.dataset.key;
  });
  await page.locator(`quoteline-viewer [data-key="${big}"]`).click();
  const zoomed = await count();
  assert.notEqual(zoomed.span, full.span);
  for (let i = 0; i < 8 && (await count()).single === 0; i++) await page.locator('quoteline-viewer [data-act="in"]').click();
  assert.ok((await count()).single > 0, 'single events appear when zoomed in');
  assert.deepEqual(page.log.errors, []);
  await page.close2();
});

test('timeline: buttons, keys and Ctrl+wheel zoom and pan; a plain wheel scrolls the page', async () => {
  const page = await harness(null, { height: 600 });
  await synth(page, 300, 3);
  const span = () => shadow(page, (r) => r.querySelector('.tl-head .span').textContent);
  const v = page.locator('quoteline-viewer');
  await v.locator('[data-act="fit"]').click();
  const s0 = await span();
  await v.locator('[data-act="in"]').click();
  const s1 = await span();
  assert.notEqual(s1, s0);
  await v.locator('[data-act="later"]').click();
  assert.notEqual(await span(), s1);
  await v.locator('[data-act="fit"]').click();
  assert.equal(await span(), s0);
  // Keys on a focused timeline item: + zooms in, PageDown pans, arrows move.
  await v.locator('.track .ev').first().focus();
  await page.keyboard.press('+');
  const s2 = await span();
  assert.notEqual(s2, s0);
  assert.ok((await active(page)).cls.includes('ev'), 'focus stays on the timeline');
  await page.keyboard.press('PageDown');
  assert.notEqual(await span(), s2);
  await page.keyboard.press('-');
  const before = await active(page);
  await page.keyboard.press('ArrowRight');
  assert.notDeepEqual(await active(page), before);
  // Up and Down cross between the publication and mention lanes.
  const lane = () => shadow(page, (r) => r.activeElement.parentNode.dataset.lane);
  const l0 = await lane();
  await page.keyboard.press(l0 === '0' ? 'ArrowDown' : 'ArrowUp');
  assert.notEqual(await lane(), l0);
  // Ctrl+wheel over the track zooms; a plain wheel scrolls the page instead.
  await v.locator('[data-act="fit"]').click();
  const box = await v.locator('.track').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await page.waitForTimeout(50);
  const s3 = await span();
  assert.notEqual(s3, s0, 'Ctrl+wheel zooms');
  const y0 = await page.evaluate(() => scrollY);
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(200);
  assert.equal(await span(), s3, 'a plain wheel does not zoom');
  assert.ok((await page.evaluate(() => scrollY)) > y0, 'a plain wheel scrolls the page');
  await page.close2();
});

test('timeline: dragging pans, and choosing an event opens its article at the passage', async () => {
  const page = await harness(null, { height: 700 });
  await synth(page, 40, 2);
  const span = () => shadow(page, (r) => r.querySelector('.tl-head .span').textContent);
  const v = page.locator('quoteline-viewer');
  const box = await v.locator('.track').boundingBox();
  const s0 = await span();
  await page.mouse.move(box.x + 200, box.y + 45);
  await page.mouse.down();
  await page.mouse.move(box.x + 350, box.y + 45, { steps: 5 });
  await page.mouse.up();
  assert.notEqual(await span(), s0, 'a drag pans');
  await v.locator('[data-act="fit"]').click();
  for (let i = 0; i < 6 && !(await v.locator('.lane[data-lane="1"] [data-event-id]').count()); i++) await v.locator('[data-act="in"]').click();
  const ev = v.locator('.lane[data-lane="1"] [data-event-id]').first();
  const article = +(await ev.getAttribute('data-article'));
  await ev.click();
  const s = await summary(page);
  assert.equal(s.headline, `Synthetic article ${article}`);
  const a = await active(page);
  assert.equal(a.tag, 'P', 'focus is on the passage');
  assert.match(a.text, /Something happened/);
  await page.close2();
});

test('timeline: selecting a span filters the quote panel', async () => {
  const page = await harness();
  await synth(page, 200, 1);
  const v = page.locator('quoteline-viewer');
  await page.evaluate(() => {
    window.filters = [];
    document.getElementById('v').addEventListener('quoteline-filter', (e) => window.filters.push(e.detail));
  });
  const all = (await summary(page)).entries.length;
  for (let i = 0; i < 3; i++) await v.locator('[data-act="in"]').click();
  await v.locator('[data-act="range"]').click();
  const some = (await summary(page)).entries.length;
  assert.ok(some < all && some > 0, `the span keeps some quotes (${some} of ${all})`);
  const f = await page.evaluate(() => window.filters.at(-1));
  assert.ok(f.range && f.range.from < f.range.to);
  assert.equal(await v.locator('[data-act="range"]').getAttribute('aria-pressed'), 'true');
  await v.locator('.chip').click();
  assert.equal((await summary(page)).entries.length, all);
  assert.equal(await v.locator('[data-act="range"]').getAttribute('aria-pressed'), 'false');
  await page.close2();
});

test('timeline: a narrow container gets a vertical list with the same items', async () => {
  const page = await harness(null, { width: 380, height: 700 });
  await synth(page, 50, 2);
  const r = await shadow(page, (r) => ({
    narrow: r.querySelector('.track').classList.contains('narrow'),
    rows: r.querySelectorAll('.tl-list li > .ev').length,
    items: r.querySelectorAll('.tl-list [data-event-id], .tl-list [data-cluster]').length,
  }));
  assert.ok(r.narrow);
  assert.ok(r.rows > 0 && r.rows === r.items);
  await page.locator('quoteline-viewer .tl-list .ev').first().focus();
  const a0 = await active(page);
  await page.keyboard.press('ArrowDown');
  assert.notDeepEqual(await active(page), a0, 'ArrowDown moves down the list');
  await page.close2();
});

test('viewer: keyboard handling stays inside the component (no window or document listeners)', async () => {
  // The same page without the viewer is the baseline (the test driver
  // installs listeners of its own).
  const listeners = async (url, data) => {
    const page = await open(env, url);
    if (data) {
      await page.waitForFunction(() => customElements.get('quoteline-viewer'));
      await show(page, data);
      // Driven from the page and the keyboard only: the test driver's
      // mouse actions install window listeners of its own.
      await page.evaluate(() => document.getElementById('v').shadowRoot.querySelector('[data-quote-ref="q2"]').focus());
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.evaluate(() => document.getElementById('v').shadowRoot.querySelector('.track .ev').focus());
      await page.keyboard.press('+');
    } else {
      await page.waitForFunction(() => true);
      for (const k of ['ArrowDown', 'Enter', '+']) await page.keyboard.press(k);
    }
    const cdp = await page.context().newCDPSession(page);
    const kinds = [];
    for (const expr of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      kinds.push(...listeners.map((l) => `${expr}:${l.type}`));
    }
    await page.close2();
    return kinds.sort();
  };
  const base = await listeners('tests/e2e/fixtures/blank.html');
  const withViewer = await listeners(HARNESS, SEED);
  assert.deepEqual(withViewer, base);
});

test('viewer: several instances on one page work independently', async () => {
  const page = await harness(SEED);
  await page.evaluate(() => {
    const w = document.createElement('quoteline-viewer');
    w.id = 'w';
    w.setAttribute('loading', 'eager');
    document.querySelector('main').append(w);
  });
  await page.evaluate(async () => {
    const { synth } = await import('/tests/e2e/fixtures/synth.js');
    document.getElementById('w').analyses = synth(3, 1);
  });
  await page.waitForFunction(() => document.getElementById('w').dataset.state === 'ready');
  await page.locator('#w [data-quote-ref]').first().click();
  assert.ok((await active(page, '#w')).quote);
  assert.equal(await page.evaluate(() => document.getElementById('v').shadowRoot.activeElement), null);
  assert.equal((await summary(page, '#v')).entries.length, SEED.quotes.length);
  // The two timelines share one wasm module: drawing #v after #w placed its
  // events must still show #v's own events.
  const events = () => page.evaluate(() => [...document.getElementById('v').shadowRoot.querySelectorAll('.track [data-event-id]')].map((b) => b.dataset.eventId).sort());
  const before = await events();
  await page.locator('#v [data-act="out"]').click();
  await page.locator('#v [data-act="fit"]').click();
  assert.deepEqual(await events(), before);
  assert.ok(before.length > 0);
  assert.deepEqual(page.log.errors, []);
  await page.close2();
});

test('viewer: a core that cannot load shows as the element\'s error, with quoteline-error', async () => {
  const page = await open(env, `${HARNESS}?broken`);
  await page.waitForFunction(() => customElements.get('quoteline-viewer'));
  const code = await page.evaluate((d) => new Promise((ok) => {
    const v = document.getElementById('v');
    v.addEventListener('quoteline-error', (e) => ok(e.detail.code), { once: true });
    v.analyses = d;
  }), SEED);
  assert.equal(code, 'internal_error');
  assert.equal(await page.evaluate(() => document.getElementById('v').dataset.state), 'error');
  await page.close2();
});

test('viewer: no serious or critical axe-core violations with quotes selected and filtered', async () => {
  const page = await harness(SEED, { context: { bypassCSP: true } });
  await page.locator('quoteline-viewer [data-quote-ref="q3"]').click();
  await page.locator('quoteline-viewer input[type="search"]').fill('China');
  await page.addScriptTag({ path: `${ROOT}/node_modules/axe-core/axe.min.js` });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  assert.deepEqual(found, []);
  await page.close2();
});

test('timeline: a small cluster of events at one moment opens as a list', async () => {
  const page = await harness(SEED);
  const v = page.locator('quoteline-viewer');
  const cluster = v.locator('.track [data-cluster]').first();
  const n = +(await cluster.getAttribute('data-cluster'));
  await cluster.focus();
  await page.keyboard.press('Enter');
  assert.equal(await v.locator('.stack [data-event-id]').count(), n);
  let a = await active(page);
  assert.ok(a.event, 'focus is on the first listed event');
  await page.keyboard.press('ArrowDown');
  assert.notEqual((await active(page)).event, a.event);
  await page.keyboard.press('Escape');
  assert.equal(await v.locator('.stack').isHidden(), true);
  await cluster.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  a = await active(page);
  assert.ok(a.tag === 'P' || a.quote, 'the chosen event opened its passage');
  await page.close2();
});

test('viewer: reduced motion, forced colours, dark host, print and right-to-left text', async () => {
  const rtlText = '\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631: \u00ab\u0633\u0646\u0628\u062f\u0623 \u063a\u062f\u0627\u064b\u00bb.';
  const q0 = rtlText.indexOf('\u00ab') + 1, q1 = rtlText.indexOf('\u00bb');
  const rtl = {
    id: 'rtl', headline: '\u0639\u0646\u0648\u0627\u0646', published: '2024-05-01', byline: '', dateline: null, text: rtlText,
    paragraphs: [{ start: 0, end: rtlText.length }], timexes: [], events: [], diagnostics: [],
    quotes: [{ id: 'q1', start: q0, end: q1, text: rtlText.slice(q0, q1), kind: 'direct', speaker: '\u0627\u0644\u0648\u0632\u064a\u0631', speakerId: 'minister', cue: 'colon', mention: null, utterance: 1 }],
    speakers: [{ id: 'minister', name: '\u0627\u0644\u0648\u0632\u064a\u0631', aliases: [], role: '', kind: 'person', quoteCount: 1 }],
  };
  const page = await harness(SEED, { height: 500, context: { reducedMotion: 'reduce' } });
  // Reduced motion: the jump to a quote is immediate.
  await page.locator('quoteline-viewer [data-quote-ref="q7"]').click();
  const inView = await page.evaluate(() => {
    const q = document.getElementById('v').shadowRoot.querySelector('[data-quote-id="q7"]').getBoundingClientRect();
    return q.top >= 0 && q.bottom <= innerHeight;
  });
  assert.ok(inView);
  const bg = () => shadow(page, (r) => getComputedStyle(r.querySelector('.panel')).backgroundColor);
  const light = await bg();
  await page.evaluate(() => document.documentElement.style.setProperty('color-scheme', 'dark'));
  assert.notEqual(await bg(), light, 'the host color-scheme switches the theme');
  await page.emulateMedia({ forcedColors: 'active' });
  const border = await shadow(page, (r) => getComputedStyle(r.querySelector('[data-quote-id]')).borderTopStyle);
  assert.equal(border, 'solid', 'quotes keep a border in forced colours');
  await page.emulateMedia({ forcedColors: 'none', media: 'print' });
  const hidden = await shadow(page, (r) => getComputedStyle(r.querySelector('.timeline')).display);
  assert.equal(hidden, 'none', 'the timeline is left out of print');
  await page.emulateMedia({ media: 'screen' });
  await show(page, rtl);
  const dir = await shadow(page, (r) => getComputedStyle(r.querySelector('.body > p')).direction);
  assert.equal(dir, 'rtl');
  assert.equal((await summary(page)).quotes[0].text, rtl.quotes[0].text);
  await page.close2();
});

test('viewer: loads lazily, fetching its src only when it comes near the viewport', async () => {
  const page = await harness(null, { height: 600 });
  await page.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.className = 'spacer';
    document.querySelector('main').append(spacer);
    const w = document.createElement('quoteline-viewer');
    w.id = 'far';
    w.setAttribute('src', '/demo/data/seed.txt');
    document.querySelector('main').append(w);
  });
  await page.waitForTimeout(300);
  const fetched = () => page.log.requests.some((u) => u.endsWith('/demo/data/seed.txt'));
  assert.equal(fetched(), false, 'nothing is fetched while the viewer is far below');
  await page.evaluate(() => document.getElementById('far').scrollIntoView());
  await page.waitForFunction(() => document.getElementById('far').dataset.state);
  assert.equal(fetched(), true);
  await page.close2();
});

test('timeline: a two-finger pinch on the track zooms', async () => {
  const page = await harness(null, { context: { hasTouch: true } });
  await synth(page, 300, 3);
  const span = () => shadow(page, (r) => r.querySelector('.tl-head .span').textContent);
  const s0 = await span();
  const box = await page.locator('quoteline-viewer .track').boundingBox();
  const y = box.y + 20, cx = box.x + box.width / 2;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: type === 'touchEnd' ? [] : [{ x: cx - d, y, id: 1 }, { x: cx + d, y, id: 2 }],
  });
  await touch('touchStart', 40);
  for (const d of [60, 90, 120, 160]) await touch('touchMove', d);
  await touch('touchEnd', 0);
  const s1 = await span();
  assert.notEqual(s1, s0, 'spreading two fingers zooms in');
  await page.close2();
});
