// The demo pages end to end: the real wasm core in headless Chromium,
// served with the strict CSP, and the offline page opened from disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { start, open, ready, summary, active, cspErrors, ROOT } from './browser.mjs';
import { CSP, serve } from '../../tools/serve.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env.stop();
});

function sameOrigin(page, origin) {
  const out = page.log.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
  assert.deepEqual(out, [], 'no request leaves the page origin');
}

test('demo: the seed page shows 7 highlighted quotes (6 by Xi Jinping, 1 by Vladimir Putin), the panel and the timeline', async () => {
  const page = await open(env, 'demo/index.html');
  assert.deepEqual(await ready(page), ['ready']);
  const s = await summary(page);
  const marked = s.quotes.filter((q) => q.kind !== 'indirect');
  const by = (id) => marked.filter((q) => q.speaker === id).length;
  assert.equal(marked.length, 7, `quotes: ${JSON.stringify(marked.map((q) => [q.speaker, q.text.slice(0, 30)]))}`);
  assert.equal(by('xi-jinping'), 6);
  assert.equal(by('vladimir-putin'), 1);
  for (const q of marked) assert.ok(s.entries.includes(q.id), `panel entry for ${q.id}`);
  assert.ok(s.events.length >= 1, 'the timeline has the publication');
  assert.match(s.headline, /China ready to deepen strategic cooperation/);
  assert.deepEqual(page.log.errors, []);
  await page.close2();
});

test('demo: pages run under the strict CSP with no CSP errors and no request off the origin', async () => {
  for (const url of ['demo/index.html', 'demo/collection.html']) {
    const page = await open(env, 'tests/e2e/fixtures/blank.html');
    const res = await page.goto(env.url + url);
    assert.equal(res.headers()['content-security-policy'], CSP);
    await ready(page);
    // Exercise the viewer so lazily made requests would show up too.
    await page.locator('quoteline-viewer >> nth=0').locator('[data-act="in"]').click();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await ready(page);
    assert.deepEqual(cspErrors(page), [], url);
    assert.deepEqual(page.log.errors, [], url);
    assert.ok(page.log.requests.some((u) => u.endsWith('.wasm')), 'the wasm came from the page origin');
    sameOrigin(page, env.url.replace(/\/$/, ''));
    await page.close2();
  }
});

test('demo: the collection page shows the story on one timeline, and choosing an event opens its article', async () => {
  const page = await open(env, 'demo/collection.html', { height: 900 });
  assert.deepEqual(await ready(page), ['ready', 'ready']);
  const v = page.locator('#viewer');
  assert.equal(await v.locator('.pos').textContent(), '1 of 10');
  const first = (await summary(page, '#viewer')).headline;
  assert.match(first, /Northgate Bridge closed/);
  const pubs = v.locator('.lane[data-lane="0"] [data-event-id]');
  assert.ok((await pubs.count()) >= 5, 'publications are on the timeline');
  await pubs.last().click();
  const last = (await summary(page, '#viewer')).headline;
  assert.notEqual(last, first, 'the chosen event opened another article');
  const a = await active(page, '#viewer');
  assert.ok(a && (a.tag === 'H2' || a.tag === 'P' || a.quote), 'focus moved into the article');
  // The second viewer read the article already in the page.
  const inline = await summary(page, '#inline');
  assert.match(inline.headline, /Harbour master warns/);
  assert.deepEqual(page.log.errors, []);
  await page.close2();
});

test('demo: HTML and script payloads given to the real analyzer stay inert text', async () => {
  const page = await open(env, 'demo/index.html');
  await ready(page);
  const bad = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
  const article = {
    id: 'hostile', headline: `Headline ${bad}`, byline: `Reporter ${bad}`,
    dateline: `PARIS ${bad}, Jan 5 (Wire)`, published: '2024-01-05T10:00:00Z',
    body: `PARIS, Jan 5 (Wire) - “The ${bad} plan is ready,” Minister <b>Anne Roy</b> said on Friday.\n\n“We start on January 8,” said <svg onload="window.pwned=3">Roy.`,
  };
  await page.evaluate((a) => document.getElementById('viewer').load(a), article);
  await ready(page);
  const r = await page.evaluate(() => {
    const root = document.getElementById('viewer').shadowRoot;
    return {
      injected: root.querySelectorAll('img, script, svg, b').length,
      headline: root.querySelector('.headline').textContent,
      body: root.querySelector('.body').textContent,
      meta: root.querySelector('.meta').textContent,
      labels: [...root.querySelectorAll('[data-label]')].map((q) => q.dataset.label),
    };
  });
  assert.equal(r.injected, 0);
  assert.equal(r.headline, article.headline);
  assert.ok(r.body.includes('<script>window.pwned=2</script>'), 'the markup is shown as text');
  assert.ok(r.meta.includes('Reporter <img'), 'the byline is text');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(cspErrors(page), []);
  await page.close2();
});

test('demo: the offline page works from file:// with classic scripts only', async (t) => {
  const file = `${ROOT}/web/dist/quoteline.standalone.js`;
  if (!existsSync(file)) return t.skip('web/dist/quoteline.standalone.js not built (make wasm)');
  const page = await open(env, pathToFileURL(`${ROOT}/demo/standalone.html`).href);
  assert.deepEqual(await ready(page), ['ready', 'ready']);
  const seed = await summary(page, '#seed');
  assert.match(seed.headline, /China ready to deepen/);
  assert.equal(seed.quotes.filter((q) => q.kind !== 'indirect').length, 7);
  assert.equal(await page.locator('#story .pos').textContent(), '1 of 10');
  await page.locator('#seed [data-quote-ref]').first().click();
  assert.ok((await active(page, '#seed')).quote);
  assert.deepEqual(page.log.errors, []);
  assert.deepEqual(page.log.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
  await page.close2();
});

test('demo: no serious or critical axe-core violations', async () => {
  for (const [url, width] of [['demo/index.html', 1100], ['demo/collection.html', 1100], ['demo/index.html', 380]]) {
    // axe is injected as an inline script, which the page's own CSP would block.
    const page = await open(env, url, { width, context: { bypassCSP: true } });
    await ready(page);
    await page.locator('quoteline-viewer >> nth=0').locator('[data-quote-ref]').first().click().catch(() => {});
    await page.addScriptTag({ path: `${ROOT}/node_modules/axe-core/axe.min.js` });
    const found = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
    });
    assert.deepEqual(found, [], `${url} at ${width}px`);
    await page.close2();
  }
});

test('demo: the viewer is Trusted Types clean (no HTML or script sinks)', async () => {
  const strict = await serve({ csp: `${CSP}; require-trusted-types-for 'script'; trusted-types 'none'` });
  try {
    const page = await open(env, `${strict.url}demo/collection.html`);
    assert.deepEqual(await ready(page), ['ready', 'ready']);
    await page.locator('#viewer [data-quote-ref]').first().click();
    await page.locator('#viewer [data-act="in"]').click();
    assert.deepEqual(cspErrors(page), []);
    assert.deepEqual(page.log.errors, []);
    await page.close2();
  } finally {
    await strict.close();
  }
});

test('demo: the host page keeps the selection and filters in its URL through the viewer events', async () => {
  const page = await open(env, 'demo/index.html#speaker=vladimir-putin');
  await ready(page);
  const s = await summary(page);
  assert.ok(s.entries.length >= 1 && s.entries.length < s.quotes.length, 'the filter from the URL applies');
  await page.locator('quoteline-viewer [data-quote-ref]').first().click();
  const ref = (await active(page)).quote;
  assert.match(await page.evaluate(() => location.hash), new RegExp(`quote=[^&]*${ref}`));
  // Reloading the URL restores the selection.
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => document.querySelector('quoteline-viewer').shadowRoot.activeElement);
  assert.equal((await active(page)).quote, ref);
  await page.close2();
});

test('demo: a viewer reads a child JSON or plain-text script', async () => {
  const page = await open(env, 'demo/index.html');
  await ready(page);
  await page.evaluate(() => {
    const add = (id, type, text) => {
      const v = document.createElement('quoteline-viewer');
      v.id = id;
      v.setAttribute('loading', 'eager');
      const s = document.createElement('script');
      s.type = type;
      s.textContent = text;
      v.append(s);
      document.querySelector('main').prepend(v);
    };
    add('json', 'application/json', JSON.stringify({ headline: 'Port reopens', published: '2024-02-01', body: '“We are open again,” harbour master Ruth Adeyemi said on Thursday.' }));
    add('plain', 'text/plain', '1 Feb 2024 09:00\n\nFerries resume\n\n“The first crossing leaves at noon,” said Piet Janssen.');
  });
  await ready(page);
  assert.equal((await summary(page, '#json')).headline, 'Port reopens');
  assert.equal((await summary(page, '#plain')).headline, 'Ferries resume');
  assert.ok((await summary(page, '#json')).quotes.length >= 1);
  await page.close2();
});
