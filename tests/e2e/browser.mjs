// Shared set-up of the browser tests: one static server (with the strict
// CSP) and one headless Debian Chromium for a test file; pages that record
// console errors, page errors and every request they make.
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function start() {
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  return {
    server, browser, url: server.url,
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens `url` in a fresh context; `log` collects what the page did. */
export async function open(env, url, { width = 1100, height = 800, context: opts = {} } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, ...opts });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  const log = { console: [], errors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.console.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('request', (r) => log.requests.push(r.url()));
  await page.goto(url.startsWith('file:') || url.startsWith('http') ? url : env.url + url);
  page.log = log;
  page.close2 = () => context.close();
  return page;
}

/** Waits until every viewer on the page is ready (or one failed). */
export async function ready(page, timeout = 15000) {
  await page.waitForFunction(() => {
    const vs = [...document.querySelectorAll('quoteline-viewer')];
    return vs.length && vs.every((v) => v.dataset.state === 'ready' || v.dataset.state === 'error');
  }, null, { timeout });
  return page.evaluate(() => [...document.querySelectorAll('quoteline-viewer')].map((v) => v.dataset.state));
}

/** A summary of viewer `sel`: its quotes, panel entries and timeline items. */
export function summary(page, sel = 'quoteline-viewer') {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel).shadowRoot;
    const quotes = [...r.querySelectorAll('[data-quote-id][data-label]')].map((q) => ({
      id: q.dataset.quoteId, speaker: q.dataset.speaker, kind: q.dataset.kind, text: q.textContent,
    }));
    return {
      quotes,
      entries: [...r.querySelectorAll('[data-quote-ref]')].map((b) => b.dataset.quoteRef),
      events: [...r.querySelectorAll('[data-event-id]')].map((b) => b.dataset.eventId),
      headline: (r.querySelector('.headline') || {}).textContent,
    };
  }, sel);
}

/** The id of the element focused inside the viewer's shadow root. */
export function active(page, sel = 'quoteline-viewer') {
  return page.evaluate((sel) => {
    const a = document.querySelector(sel).shadowRoot.activeElement;
    return a ? { quote: a.dataset.quoteId, ref: a.dataset.quoteRef, event: a.dataset.eventId, tag: a.tagName, cls: a.className, text: a.textContent } : null;
  }, sel);
}

export const cspErrors = (page) => page.log.console.filter((t) => /Content Security Policy|Refused to/i.test(t));
