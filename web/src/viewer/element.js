// <quoteline-viewer>: the only public tag. It finds its input, asks the
// analysis API (injected by `define`, so no part of the viewer touches wasm)
// and composes the article view, the quote panel and the timeline, which
// take plain data and talk to it through CustomEvents.
import { h, emit } from './dom.js';
import { model, split } from './model.js';
import { ArticleView } from './article-view.js';
import { QuotePanel } from './quote-panel.js';
import { Timeline } from './timeline.js';
import { label } from './time.js';

let uids = 0;
let api = null;
let style = {};
let sheet = null;

export class QuotelineViewer extends HTMLElement {
  static get observedAttributes() {
    return ['src'];
  }

  constructor() {
    super();
    const uid = `ql${++uids}`;
    this.uid = uid;
    this.state = 'idle';
    this.list = [];
    this.current = -1;
    const shadow = this.attachShadow({ mode: 'open' });
    this.live = h('p', { class: 'live', role: 'status' });
    this.fallback = h('div', { class: 'fallback' }, h('slot'));
    this.msg = h('p', { class: 'msg', part: 'message', hidden: true });
    this.view = new ArticleView();
    this.panel = new QuotePanel(uid);
    this.timeline = new Timeline(uid);
    this.pick = h('select', { id: `${uid}-art`, part: 'filter' });
    this.pos = h('span', { class: 'pos' });
    this.nav = h('nav', { class: 'articles', part: 'articles', 'aria-label': 'Articles', hidden: true },
      h('button', { type: 'button', 'data-go': '-1', part: 'button' }, '\u2039 Previous'),
      h('label', { for: `${uid}-art` }, 'Article'), this.pick, this.pos,
      h('button', { type: 'button', 'data-go': '1', part: 'button' }, 'Next \u203a'));
    this.root = h('div', { class: 'root', part: 'root', hidden: true },
      this.nav, this.timeline.el, h('div', { class: 'main' }, this.view.el, this.panel.el));
    shadow.append(this.live, this.msg, this.fallback, this.root);
    this.styled = styles(shadow);
    this.wire();
  }

  wire() {
    this.root.addEventListener('ql-pick', (e) => {
      e.stopPropagation();
      const d = e.detail;
      this.select({ article: d.article == null ? this.current : d.article, quote: d.quote });
    });
    this.root.addEventListener('ql-choose', (e) => {
      e.stopPropagation();
      this.select(e.detail);
    });
    this.root.addEventListener('ql-filter', (e) => {
      e.stopPropagation();
      this.dim();
      this.say(this.panel.count.textContent);
      const f = e.detail;
      emit(this, 'quoteline-filter', { speaker: f.speaker, kind: f.kind, text: f.text, range: f.range && { from: new Date(f.range.from).toISOString(), to: new Date(f.range.to).toISOString() } });
    });
    this.root.addEventListener('ql-range', (e) => {
      e.stopPropagation();
      this.panel.set({ range: e.detail });
    });
    this.root.addEventListener('ql-status', (e) => {
      e.stopPropagation();
      this.say(e.detail.text);
    });
    this.panel.el.addEventListener('ql-filter', (e) => {
      // The panel clears the range itself (its chip): keep the timeline in step.
      if (!e.detail.range && this.timeline.range) this.timeline.setRange(null, true);
    });
    this.nav.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-go]');
      if (!b) return;
      const i = this.order.indexOf(this.current) + +b.dataset.go;
      if (i >= 0 && i < this.order.length) this.show(this.order[i]);
    });
    this.pick.addEventListener('change', () => this.show(+this.pick.value));
  }

  connectedCallback() {
    if (this.state !== 'idle' || this.list.length) return;
    const lazy = this.getAttribute('loading') !== 'eager' && typeof IntersectionObserver == 'function';
    // In view already (the usual case at the top of an article): start now
    // rather than a frame later, when the observer would first report.
    if (!lazy || near(this)) return void this.start();
    this.io = new IntersectionObserver((es) => {
      if (es.some((x) => x.isIntersecting)) {
        this.io.disconnect();
        this.start();
      }
    }, { rootMargin: '200px' });
    this.io.observe(this);
  }

  disconnectedCallback() {
    if (this.io) this.io.disconnect();
    if (this.state === 'idle') this.io = null;
  }

  attributeChangedCallback(name, old, value) {
    if (name === 'src' && old != null && value !== old && this.state !== 'idle') this.start();
  }

  /** Reads the input named by the markup: `src`, a child script or article. */
  async start() {
    if (this.io) this.io.disconnect();
    const src = this.getAttribute('src');
    const kid = (sel) => [...this.children].find((x) => x.matches(sel));
    // Start the wasm now, in parallel with fetching the article.
    if (api && api.init) api.init().catch(() => {});
    try {
      if (src) {
        this.busy('Loading\u2026');
        const r = await fetch(new URL(src, document.baseURI), { credentials: 'same-origin' });
        if (!r.ok) throw Object.assign(new Error(`Could not load ${src} (HTTP ${r.status}).`), { code: 'fetch_failed' });
        return await this.load(await r.text());
      }
      const json = kid('script[type="application/json"]');
      if (json) return await this.load(json.textContent);
      const plain = kid('script[type="text/plain"]');
      if (plain) return await this.load(plain.textContent);
      const art = kid('article');
      if (art) return await this.load(JSON.stringify(fromArticle(art)));
    } catch (err) {
      this.fail(err);
    }
  }

  /** Analyses `input` (wire text, JSON, JSON Lines, bytes or an article object). */
  async load(input) {
    this.busy('Analysing\u2026');
    try {
      if (!api) throw Object.assign(new Error('The analysis API is not available.'), { code: 'no_api' });
      const text = typeof input == 'string' ? input : input instanceof Uint8Array ? input : JSON.stringify(input);
      const many = Array.isArray(input) || (typeof text == 'string' && collectionLike(text));
      const out = many ? await api.analyzeCollection(text) : [await api.analyze(text)];
      await this.set(out);
      return this.analyses;
    } catch (err) {
      this.fail(err);
      throw err;
    }
  }

  /** The analyses shown (plain data), settable to show ones made elsewhere. */
  get analyses() {
    return this.list.slice();
  }

  // The timeline needs the core even for analyses made elsewhere: a module
  // that cannot load shows as the element's error, not a silent rejection.
  set analyses(v) {
    this.set(Array.isArray(v) ? v : [v]).catch((e) => this.fail(e));
  }

  get analysis() {
    return this.list[this.current] || null;
  }

  set analysis(v) {
    this.set(Array.isArray(v) ? v : [v]).catch((e) => this.fail(e));
  }

  async set(records) {
    const { articles, errors } = split(records.filter(Boolean));
    if (this.io) this.io.disconnect();
    this.list = articles;
    if (!api) throw Object.assign(new Error('The analysis API is not available.'), { code: 'no_api' });
    const tl = await api.timeline();
    this.m = model(articles, tl);
    this.speakers = new Map(this.m.speakers.map((s) => [s.id, s]));
    this.order = articles.map((_, i) => i).sort((i, j) => (articles[i].published || '').localeCompare(articles[j].published || '') || i - j);
    await this.styled;
    this.root.hidden = false;
    this.fallback.hidden = true;
    this.msg.hidden = !errors.length;
    this.msg.textContent = errors.length ? `${errors.length} of ${records.length} records could not be read (first: ${errors[0].error.message || errors[0].error.code}).` : '';
    this.nav.hidden = articles.length < 2;
    if (articles.length > 1) this.fillNav();
    this.panel.show(this.m);
    this.timeline.show(this.m, tl);
    this.current = -1;
    if (articles.length) this.show(this.order[0], true);
    this.state = 'ready';
    this.dataset.state = 'ready';
    mark('quoteline:ready');
    const n = this.m.quotes.length;
    this.say(articles.length > 1 ? `${articles.length} articles, ${n} quotes.` : `Article ready, ${n} ${n === 1 ? 'quote' : 'quotes'}.`);
    emit(this, 'quoteline-ready', { articles: articles.length, quotes: n, errors: errors.length });
  }

  fillNav() {
    this.pick.textContent = '';
    // A select of every article is fine for a story; huge archives get the buttons only.
    this.pick.hidden = this.order.length > 500;
    if (!this.pick.hidden) {
      for (const i of this.order) {
        const a = this.list[i];
        this.pick.append(h('option', { value: i }, `${a.published ? label(a.published, this.m.published[i]) + ' \u2014 ' : ''}${a.headline || a.id || 'Article ' + (i + 1)}`));
      }
    }
  }

  /** Shows article `i` (index into `analyses`). */
  show(i, quiet) {
    if (i === this.current || !this.list[i]) return;
    this.current = i;
    this.view.show(this.list[i], this.speakers, 'h2', this.m.published[i]);
    this.pick.value = String(i);
    this.pos.textContent = `${this.order.indexOf(i) + 1} of ${this.order.length}`;
    this.dim();
    if (!quiet) this.say(`Showing ${this.list[i].headline || 'article ' + (i + 1)}.`);
  }

  dim() {
    const ai = this.current;
    const keep = new Set(this.m.quotes.filter((e) => e.article === ai && this.panel.keeps(e)).map((e) => e.id));
    this.view.dim((id) => keep.has(id));
  }

  /**
   * Selects a quote or an event: `{article, quote}` or `{article, event}`
   * (article as index or id). Focuses it in the text; emits `quoteline-select`.
   */
  select({ article, quote, event, start, end }) {
    const ai = typeof article == 'number' ? article : article == null ? this.current : this.list.findIndex((a) => a.id === article);
    if (!this.list[ai]) return;
    this.show(ai, true);
    const a = this.list[ai];
    const ev = event != null ? (a.events || []).find((x) => x.id === event) : null;
    if (ev && start == null) {
      start = ev.start;
      end = ev.end;
    }
    if (quote == null && ev && ev.quote) quote = ev.quote;
    let focused = null;
    if (quote != null) {
      focused = this.view.focusQuote(quote);
      this.panel.mark(ai, quote);
      const q = (a.quotes || []).find((x) => x.id === quote);
      if (q) this.say(`Quote by ${q.speaker || 'an unknown speaker'}.`);
    } else if (end > start) {
      focused = this.view.focusPassage(start, end);
      this.say(`Passage from ${a.headline || 'the article'}.`);
    } else {
      const hd = this.view.el.querySelector('.headline');
      if (hd) {
        hd.tabIndex = -1;
        hd.focus();
        hd.scrollIntoView({ block: 'nearest' });
      }
      this.say(`Showing ${a.headline || 'article'}.`);
    }
    if (event != null) this.timeline.mark(ai, event);
    emit(this, 'quoteline-select', { article: a.id, index: ai, quote: quote || null, event: event || null });
    return focused;
  }

  /** Sets filters: `{speaker, kind, text, range: {from, to} | null}`. */
  filter(patch) {
    const p = { ...patch };
    if (p.range) p.range = { from: +new Date(p.range.from), to: +new Date(p.range.to) };
    if ('range' in p) this.timeline.setRange(p.range, true);
    this.panel.set(p.range ? { ...p, range: this.timeline.range } : p);
  }

  busy(text) {
    this.state = 'loading';
    this.dataset.state = 'loading';
    this.say(text);
  }

  fail(err) {
    this.state = 'error';
    this.dataset.state = 'error';
    this.msg.hidden = false;
    this.msg.textContent = `Could not analyse this article: ${(err && err.message) || err}`;
    this.say(this.msg.textContent);
    emit(this, 'quoteline-error', { code: (err && err.code) || 'error', message: String((err && err.message) || err) });
  }

  // A short message in the live region; cleared first so a repeat is read.
  say(text) {
    this.live.textContent = '';
    clearTimeout(this.sayTimer);
    this.sayTimer = setTimeout(() => (this.live.textContent = text), 30);
  }
}

/** Turns a page's own `<article>` into a generic JSON article. */
export function fromArticle(art) {
  const pick = (sel) => art.querySelector(sel);
  const hd = pick('h1, h2, h3');
  const time = pick('time[datetime]');
  const by = pick('[rel="author"], .byline, [itemprop="author"]');
  // A short paragraph holding the <time> is the meta line ("4 May 2024 · By Ana Ruiz").
  const meta = time && time.closest('p');
  const isMeta = meta && meta.textContent.trim().length < 120;
  const paras = [...art.querySelectorAll('p')].filter((p) => !(by && by.contains(p)) && !(isMeta && p === meta));
  const body = (paras.length ? paras.map((p) => p.textContent) : [art.textContent]).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
  const out = { body };
  if (art.id) out.id = art.id;
  if (hd) out.headline = hd.textContent.replace(/\s+/g, ' ').trim();
  if (time) out.published = time.getAttribute('datetime');
  const byText = by ? by.textContent : isMeta ? (/\bby\s+(.+)$/i.exec(meta.textContent.trim()) || [])[1] : null;
  if (byText) out.byline = byText.replace(/\s+/g, ' ').trim();
  return out;
}

// The styles: a constructed sheet shared by every instance when the CSS
// text is bundled (classic build), else a <link> to viewer.css. Neither is
// an inline style, so `style-src 'self'` holds.
function styles(shadow) {
  if (style.text != null && 'adoptedStyleSheets' in shadow) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(style.text);
    }
    shadow.adoptedStyleSheets = [sheet];
    return Promise.resolve();
  }
  if (!style.url) return Promise.resolve();
  const css = h('link', { rel: 'stylesheet' });
  css.href = style.url;
  shadow.prepend(css);
  return new Promise((ok) => {
    css.addEventListener('load', ok, { once: true });
    css.addEventListener('error', ok, { once: true });
  });
}

// User-timing marks for the benchmark (script loaded, first viewer ready).
function mark(name) {
  if (typeof performance != 'undefined' && performance.mark && !performance.getEntriesByName(name).length) performance.mark(name);
}

// Within the observer's margin of the viewport; one layout read.
function near(el) {
  const r = el.getBoundingClientRect();
  return r.bottom >= -200 && r.top <= innerHeight + 200 && r.width + r.height > 0;
}

function collectionLike(text) {
  const t = text.trimStart();
  return t.startsWith('[') || (t.startsWith('{') && /\}\s*\r?\n\s*\{/.test(t));
}

/**
 * Registers <quoteline-viewer> with the analysis API (`analyze`,
 * `analyzeCollection`). Styles come from `opts.styleUrl` (viewer.css) or
 * `opts.styleText` (its text, for bundles).
 */
export function define(analysisApi, opts = {}) {
  api = analysisApi || api;
  if (opts.styleUrl) style = { url: String(opts.styleUrl) };
  if (opts.styleText != null) style = { text: opts.styleText };
  if (!customElements.get('quoteline-viewer')) {
    mark('quoteline:define');
    customElements.define('quoteline-viewer', QuotelineViewer);
  }
  return QuotelineViewer;
}
