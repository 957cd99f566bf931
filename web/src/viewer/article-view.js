// The article: headline, meta line, paragraphs, and every quote marked in
// its speaker's colour with a visible speaker label (a CSS badge made from
// the data-label attribute, so colour is never the only cue).
import { h, clear, emit, calm } from './dom.js';
import { label } from './time.js';

const KIND_NAME = { direct: '', partial: 'partial quote', indirect: 'reported' };

export class ArticleView {
  constructor() {
    this.el = h('article', { class: 'article', part: 'article' });
    this.el.addEventListener('click', (e) => {
      const q = e.target.closest && e.target.closest('[data-quote-id]');
      if (q) emit(this.el, 'ql-pick', { quote: q.dataset.quoteId, from: 'article' });
    });
    this.passage = null;
  }

  /** Renders article `a` (an analysis) with `speakers` (id -> view speaker). */
  show(a, speakers, heading = 'h2', published = null) {
    this.a = a;
    const el = this.el;
    clear(el);
    el.setAttribute('lang', a.lang || '');
    if (!a.lang) el.removeAttribute('lang');
    const head = h('header', { class: 'head' });
    if (a.headline) head.append(h(heading, { class: 'headline', part: 'headline', dir: 'auto' }, a.headline));
    const meta = [];
    if (a.byline) meta.push(h('span', { class: 'byline', part: 'byline' }, a.byline));
    const d = a.dateline;
    if (d && (d.place || d.agency)) {
      meta.push(h('span', { class: 'dateline', part: 'dateline' }, [d.place, d.agency && `(${d.agency})`].filter(Boolean).join(' ')));
    }
    if (a.published) meta.push(h('time', { datetime: a.published, class: 'published' }, label(a.published, published)));
    if (meta.length) head.append(h('p', { class: 'meta' }, meta));
    el.append(head);
    const body = h('div', { class: 'body', part: 'body' });
    const quotes = (a.quotes || []).slice().sort((x, y) => x.start - y.start);
    let qi = 0;
    const text = a.text || '';
    const paras = a.paragraphs && a.paragraphs.length ? a.paragraphs : [{ start: 0, end: text.length }];
    const seen = new Set();
    paras.forEach((p, pi) => {
      const para = h('p', { dir: 'auto', 'data-start': p.start, 'data-end': p.end });
      let at = p.start;
      // Quotes that ended before this paragraph are done; a quote running
      // over several paragraphs gets one segment in each.
      while (qi < quotes.length && quotes[qi].end <= p.start) qi++;
      if (pi === 0 && d && d.place) at = this.dateline(para, text, p, d, at);
      for (let k = qi; k < quotes.length && quotes[k].start < p.end; k++) {
        const q = quotes[k];
        const s = Math.max(q.start, at), e = Math.min(q.end, p.end);
        if (e <= s) continue;
        if (s > at) para.append(text.slice(at, s));
        para.append(this.segment(q, text.slice(s, e), speakers, !seen.has(q.id)));
        seen.add(q.id);
        at = e;
      }
      if (at < p.end) para.append(text.slice(at, p.end));
      body.append(para);
    });
    el.append(body);
    this.passage = null;
  }

  /** Wraps a leading dateline ("BEIJING. March 22 (Interfax) - ") in a span. */
  dateline(para, text, p, d, at) {
    const head = text.slice(p.start, Math.min(p.end, p.start + 120));
    if (!head.startsWith(d.place)) return at;
    const m = /\s[-\u2013\u2014]\s/.exec(head);
    if (!m) return at;
    const end = p.start + m.index + m[0].length;
    para.append(h('span', { class: 'dl' }, text.slice(p.start, end)));
    return end;
  }

  segment(q, s, speakers, first) {
    const sp = speakers.get(q.speakerId || '');
    const attrs = {
      class: `q c${sp ? sp.slot : 'none'}`,
      'data-quote-id': q.id,
      'data-speaker': q.speakerId || 'unknown',
      'data-kind': q.kind,
      part: `quote quote-${q.kind}`,
    };
    if (first) {
      const name = q.speaker || 'Unknown speaker';
      attrs['data-label'] = KIND_NAME[q.kind] ? `${name} \u00b7 ${KIND_NAME[q.kind]}` : name;
      attrs.tabindex = '-1';
    } else {
      attrs['data-cont'] = '';
    }
    return h('span', attrs, s);
  }

  /** Marks quote `id` active, focuses it and scrolls it into view. */
  focusQuote(id) {
    for (const x of this.el.querySelectorAll('[data-active]')) x.removeAttribute('data-active');
    const segs = this.el.querySelectorAll(`[data-quote-id="${CSS.escape(id)}"]`);
    if (!segs.length) return null;
    for (const x of segs) x.setAttribute('data-active', '');
    const first = segs[0];
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: 'center', behavior: calm() ? 'auto' : 'smooth' });
    return first;
  }

  /** Dims quotes for which `keep(id)` is false. */
  dim(keep) {
    for (const x of this.el.querySelectorAll('[data-quote-id]')) {
      if (keep(x.dataset.quoteId)) x.removeAttribute('data-dim');
      else x.setAttribute('data-dim', '');
    }
  }

  /** Focuses the paragraph holding text offset `start` and marks [start, end). */
  focusPassage(start, end) {
    const paras = [...this.el.querySelectorAll('.body > p')];
    const p = paras.find((x) => +x.dataset.start <= start && start < +x.dataset.end) || paras[0];
    if (!p) return null;
    for (const x of this.el.querySelectorAll('[data-passage]')) {
      x.removeAttribute('data-passage');
      x.removeAttribute('tabindex');
    }
    p.setAttribute('data-passage', '');
    p.tabIndex = -1;
    this.mark(p, start, end);
    p.focus({ preventScroll: true });
    p.scrollIntoView({ block: 'center', behavior: calm() ? 'auto' : 'smooth' });
    return p;
  }

  // Marks the exact sentence with the CSS Custom Highlight API where the
  // browser has it (no DOM change); the paragraph outline is the fallback.
  mark(p, start, end) {
    if (typeof Highlight != 'function' || !CSS.highlights) return;
    let hl = CSS.highlights.get('quoteline-passage');
    if (!hl) CSS.highlights.set('quoteline-passage', (hl = new Highlight()));
    if (this.passage) hl.delete(this.passage);
    this.passage = null;
    if (end <= start) return;
    const at = (off) => {
      let pos = +p.dataset.start;
      const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (off <= pos + n.length) return [n, Math.max(0, off - pos)];
        pos += n.length;
      }
      return null;
    };
    const a = at(start), b = at(Math.min(end, +p.dataset.end));
    if (!a || !b) return;
    const r = new Range();
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    hl.add(r);
    this.passage = r;
  }
}
