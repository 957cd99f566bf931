// The timeline: publication times and dated events on a time axis. Only
// what is in view is in the DOM: the core counts the events in view per
// calendar bin (hours, days, weeks ... decades, the finest that fits the
// width), a bin holding one event of a lane shows it, a denser one shows a
// count (press it to zoom in). A frame is one call into the core, linear in
// the events in view. Narrow containers get the same bins as a vertical list.
import { h, clear, emit, roving } from './dom.js';
import { ticks, label, extent, iso } from './time.js';

const CELL = 30; // px per cell in the horizontal layout
const ROWS = 12; // cells in the list layout
const NARROW = 460; // px: below this the list layout is used
const STACK = 12; // clusters up to this size open as a list
const HOUR = 36e5;
const MINUTE = 6e4;
const FINEST = 1; // the core's hour bins: a cluster there cannot be zoomed apart

export class Timeline {
  constructor(uid) {
    this.uid = uid;
    this.nodes = new Map();
    this.pool = [];
    this.pointers = new Map();
    const btn = (act, text, name) => h('button', { type: 'button', 'data-act': act, 'aria-label': name, title: name, part: 'button' }, text);
    this.rangeBtn = h('button', { type: 'button', 'data-act': 'range', 'aria-pressed': 'false', part: 'button' }, 'Filter quotes to this span');
    this.tools = h('div', { class: 'tools', role: 'group', 'aria-label': 'Timeline view' },
      btn('in', '+', 'Zoom in'), btn('out', '\u2212', 'Zoom out'),
      btn('earlier', '\u2190', 'Earlier'), btn('later', '\u2192', 'Later'),
      btn('fit', 'Show all', 'Show all'), this.rangeBtn);
    this.lanes = [
      { name: 'Published', el: h('div', { class: 'lane', 'data-lane': '0' }) },
      { name: 'Dates mentioned', el: h('div', { class: 'lane', 'data-lane': '1' }) },
    ];
    this.axis = h('div', { class: 'axis', 'aria-hidden': 'true' });
    this.band = h('div', { class: 'band', hidden: true });
    this.list = h('ol', { class: 'tl-list', role: 'list' });
    this.track = h('div', {
      class: 'track', dir: 'ltr', role: 'group', id: `${uid}-track`,
      'aria-label': 'Events. Arrow keys move, plus and minus zoom, Page Up and Page Down pan.',
    }, h('span', { class: 'lane-name', 'aria-hidden': 'true' }, 'Published'),
    this.lanes[0].el,
    h('span', { class: 'lane-name', 'aria-hidden': 'true' }, 'Dates mentioned'),
    this.lanes[1].el, this.axis, this.band, this.list);
    this.stack = h('div', { class: 'stack', role: 'group', hidden: true });
    this.stackList = h('ul', { role: 'list' });
    this.stack.append(this.stackList);
    this.detail = h('p', { class: 'detail', part: 'timeline-detail' });
    this.span = h('span', { class: 'span' });
    this.el = h('section', { class: 'timeline', part: 'timeline', 'aria-labelledby': `${uid}-tl` },
      h('div', { class: 'tl-head' }, h('h2', { id: `${uid}-tl` }, 'Timeline ', this.span), this.tools),
      this.track, this.stack, this.detail);
    roving(this.stackList, () => [...this.stackList.querySelectorAll('button')]);
    this.stack.addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (b) this.activate(b);
    });
    this.stack.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      this.closeStack(true);
    });
    this.tools.addEventListener('click', (e) => this.act(e.target.closest('button')));
    this.track.addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (b && !this.dragged) this.activate(b);
    });
    this.track.addEventListener('keydown', (e) => this.key(e));
    this.track.addEventListener('focusin', (e) => this.describe(e.target));
    this.track.addEventListener('pointerover', (e) => {
      if (e.target.closest('button')) this.describe(e.target.closest('button'));
    });
    this.track.addEventListener('wheel', (e) => this.wheel(e), { passive: false });
    // Redraw when the container changes width (layout switch included).
    if (typeof ResizeObserver == 'function') {
      let last = 0;
      new ResizeObserver(() => {
        const w = this.track.clientWidth;
        if (w && w !== last && this.extent) {
          last = w;
          this.draw();
        }
      }).observe(this.track);
    }
    this.track.addEventListener('pointerdown', (e) => this.down(e));
    this.track.addEventListener('pointermove', (e) => this.moveP(e));
    this.track.addEventListener('pointerup', (e) => this.up(e));
    this.track.addEventListener('pointercancel', (e) => this.up(e));
  }

  /** Shows the items of view model `m`, binned by the core's timeline `tl`. */
  show(m, tl) {
    this.tl = tl;
    this.items = m.items;
    tl.place(m.items.map((it) => ({ start: Math.floor(it.t0 / MINUTE), end: Math.ceil(it.t1 / MINUTE), kind: it.kind })));
    let lo = Infinity, hi = -Infinity;
    for (const it of m.items) {
      lo = Math.min(lo, it.t0);
      hi = Math.max(hi, it.t1);
    }
    this.extent = isFinite(lo) ? [lo, hi] : null;
    // A story opens on its publications; "Show all" adds the dates they
    // mention, which can reach years back.
    const pubs = m.items.filter((it) => laneOf(it) === 0);
    this.home = pubs.length > 1 && pubs[pubs.length - 1].t1 - pubs[0].t0 > 864e5 ? [pubs[0].t0, pubs[pubs.length - 1].t1] : this.extent;
    this.el.hidden = !this.extent;
    this.range = null;
    this.rangeBtn.setAttribute('aria-pressed', 'false');
    this.fit(this.home);
    this.describe(null);
  }

  fit(to) {
    if (!this.extent) return;
    const [lo, hi] = to || this.extent;
    const pad = Math.max((hi - lo) * 0.06, 12 * HOUR);
    this.view(lo - pad, hi + pad);
  }

  /** Sets the view to [v0, v1] within zoom limits and redraws. */
  view(v0, v1) {
    const [lo, hi] = this.extent;
    const max = Math.max((hi - lo) * 4, 4 * 864e5), min = HOUR;
    let len = Math.min(max, Math.max(min, v1 - v0));
    const mid = (v0 + v1) / 2;
    this.v0 = mid - len / 2;
    this.v1 = mid + len / 2;
    this.draw();
  }

  zoom(f, at) {
    const c = at == null ? (this.v0 + this.v1) / 2 : at;
    this.view(c - (c - this.v0) * f, c + (this.v1 - c) * f);
  }

  pan(f) {
    const d = (this.v1 - this.v0) * f;
    this.view(this.v0 + d, this.v1 + d);
  }

  act(b) {
    if (!b || !this.extent) return;
    const a = b.dataset.act;
    if (a === 'in') this.zoom(0.5);
    else if (a === 'out') this.zoom(2);
    else if (a === 'earlier') this.pan(-0.5);
    else if (a === 'later') this.pan(0.5);
    else if (a === 'fit') this.fit();
    else if (a === 'range') this.setRange(this.range ? null : { from: this.v0, to: this.v1 });
    if (a !== 'range') emit(this.el, 'ql-status', { text: `Timeline shows ${this.span.textContent}` });
  }

  /** Sets or clears the range that filters the quote panel; emits `ql-range`. */
  setRange(r, quiet) {
    this.range = r ? { from: r.from, to: r.to, label: `${iso(r.from)} \u2013 ${iso(r.to)}` } : null;
    this.rangeBtn.setAttribute('aria-pressed', String(!!r));
    this.drawBand();
    if (!quiet) emit(this.el, 'ql-range', this.range);
  }

  width() {
    return this.track.clientWidth || 600;
  }

  /** Redraws what is in view; called on every view change. */
  draw() {
    if (!this.extent) return;
    this.closeStack(false);
    const w = this.width();
    const narrow = w < NARROW;
    this.track.classList.toggle('narrow', narrow);
    const len = this.v1 - this.v0;
    const cells = narrow ? ROWS : Math.max(4, Math.floor(w / CELL));
    const { used, bins } = this.tl.bins(0, cells, Math.floor(this.v0 / MINUTE), Math.ceil(this.v1 / MINUTE));
    this.used = used;
    const gap = (CELL * len) / w;
    const want = [];
    for (let k = 0; k < bins.length; k += 7) {
      const [start, end, first, count, published] = bins.subarray(k, k + 5);
      [published, count - published].forEach((n, lane) => {
        if (!n) return;
        const c = { lane, n, first, count, start: start * MINUTE, end: end * MINUTE };
        // A bin whose few events stand a cell apart shows them one by one
        // (calendar bins jump from weeks to months, coarser than the width).
        const few = n <= STACK ? [...this.lane(c)].map((it) => ({ it, t: (it.t0 + it.t1) / 2 })).sort((x, y) => x.t - y.t) : null;
        const apart = few && few.every((x, i) => !i || x.t - few[i - 1].t >= gap);
        // A bin wider than the view still shows, whole, at the view's edge.
        const clamp = (t) => Math.min(this.v1 - gap / 2, Math.max(this.v0 + gap / 2, t));
        if (apart) for (const x of few) want.push({ lane, n: 1, it: x.it, t: clamp(x.t) });
        else want.push({ ...c, t: clamp((c.start + c.end) / 2) });
      });
    }
    if (narrow) want.sort((a, b) => a.t - b.t || a.lane - b.lane);
    this.place(want, w, narrow);
    this.drawAxis(w, narrow);
    this.drawBand();
    this.span.textContent = `${iso(this.v0)} to ${iso(this.v1)} (${extent(len)})`;
  }

  /** The items of cell `c`'s lane in its bin, in time order. */
  *lane(c) {
    for (let i = c.first; i < c.first + c.count; i++) if (laneOf(this.items[i]) === c.lane) yield this.items[i];
  }

  place(want, w, narrow) {
    const old = this.nodes;
    const next = new Map();
    const root = this.el.getRootNode();
    const had = root.activeElement && old.get(root.activeElement.dataset.key) === root.activeElement ? root.activeElement.dataset.key : null;
    for (const c of want) {
      const ln = this.lanes[c.lane];
      const it = c.it || null;
      const key = it ? `${it.article}:${it.id}` : `c${c.lane}:${c.start}:${c.end}:${c.n}`;
      let b = old.get(key);
      if (b) old.delete(key);
      else b = this.fill(this.pool.pop() || h('button', { type: 'button', part: 'timeline-item' }), key, c, it);
      next.set(key, b);
      if (narrow) {
        b.style.removeProperty('--x');
        this.list.append(h('li', null, b));
      } else {
        b.style.setProperty('--x', `${(((c.t - this.v0) / (this.v1 - this.v0)) * w).toFixed(1)}px`);
        if (b.parentNode !== ln.el) ln.el.append(b);
      }
    }
    for (const b of old.values()) {
      b.remove();
      this.pool.push(b);
    }
    if (!narrow) clear(this.list);
    else for (const li of [...this.list.children]) if (!li.firstChild) li.remove();
    this.nodes = next;
    const order = this.order();
    let tab = (had && next.get(had)) || order.find((b) => b.tabIndex === 0) || order[0];
    for (const b of order) b.tabIndex = b === tab ? 0 : -1;
    if (had && !next.get(had) && tab) tab.focus();
  }

  fill(b, key, c, it) {
    for (const a of ['data-event-id', 'data-article', 'data-cluster', 'aria-current', 'title']) b.removeAttribute(a);
    b.dataset.key = key;
    clear(b);
    if (it) {
      b.className = `ev k-${it.kind}`;
      b.dataset.eventId = it.id;
      b.dataset.article = it.article;
      // The label is the name: visible in the list layout, visually hidden on the axis.
      b.append(h('span', { class: 'dot', 'aria-hidden': 'true' }),
        h('span', { class: 'lbl' }, `${label(it.when, it)} \u00b7 ${it.kind === 'published' ? 'Published' : 'Mentioned'}: ${it.text}`));
      b.item = it;
    } else {
      let a = null, z = null;
      for (const x of this.lane(c)) {
        a = a || x;
        z = x;
      }
      b.className = 'ev cluster';
      b.dataset.cluster = c.n;
      b.title = 'Zoom in';
      b.append(h('span', { class: 'count', 'aria-hidden': 'true' }, String(c.n)), h('span', { class: 'lbl' }, `${c.n} events, ${label(a.when, a)} to ${label(z.when, z)}`));
      b.item = null;
      b.from = a.t0;
      b.to = z.t1;
      b.cell = c;
    }
    return b;
  }

  /** Buttons in reading order: by time, published lane first at equal times. */
  order() {
    const list = [...this.nodes.values()];
    if (this.track.classList.contains('narrow')) return list;
    const x = (b) => parseFloat(b.style.getPropertyValue('--x')) || 0;
    return list.sort((a, b) => x(a) - x(b));
  }

  drawAxis(w, narrow) {
    clear(this.axis);
    if (narrow) return;
    for (const t of ticks(this.v0, this.v1, Math.floor(w / 110))) {
      const x = ((t.t - this.v0) / (this.v1 - this.v0)) * w;
      if (x < 40 || x > w - 40) continue; // a half-cut label helps nobody
      const s = h('span', { class: 'tick' }, t.text);
      s.style.setProperty('--x', `${x.toFixed(1)}px`);
      this.axis.append(s);
    }
  }

  drawBand() {
    const r = this.range;
    const narrow = this.track.classList.contains('narrow');
    this.band.hidden = !r || narrow;
    if (!r || narrow) return;
    const w = this.width(), f = (t) => Math.max(0, Math.min(w, ((t - this.v0) / (this.v1 - this.v0)) * w));
    this.band.style.setProperty('--x', `${f(r.from).toFixed(1)}px`);
    this.band.style.setProperty('--w', `${Math.max(2, f(r.to) - f(r.from)).toFixed(1)}px`);
  }

  describe(b) {
    if (!b || !b.dataset || !b.dataset.key) {
      const n = this.items ? this.items.length : 0;
      this.detail.textContent = `${n} ${n === 1 ? 'event' : 'events'}. Choose one to open its article at that passage.`;
      return;
    }
    const lbl = b.querySelector('.lbl');
    this.detail.textContent = lbl ? lbl.textContent : '';
  }

  activate(b) {
    if (b.item) {
      const it = b.item;
      for (const x of this.nodes.values()) x.removeAttribute('aria-current');
      b.setAttribute('aria-current', 'true');
      emit(this.el, 'ql-choose', { article: it.article, event: it.id, quote: it.quote, start: it.start, end: it.end });
    } else if (b.dataset.cluster && (+b.dataset.cluster <= STACK || this.used <= FINEST)) {
      this.openStack(b);
    } else if (b.dataset.cluster) {
      const pad = Math.max((b.to - b.from) * 0.1, HOUR);
      this.view(b.from - pad, b.to + pad);
      const first = this.order()[0];
      if (first) first.focus();
      emit(this.el, 'ql-status', { text: `Zoomed in: ${this.span.textContent}` });
    }
  }

  // A small cluster opens as a list below the track rather than zooming:
  // events at one moment (a day's quotes) cannot be zoomed apart.
  openStack(b) {
    const items = [...this.lane(b.cell)];
    clear(this.stackList);
    items.forEach((it, i) => {
      const x = h('button', { type: 'button', class: `ev k-${it.kind}`, 'data-event-id': it.id, 'data-article': it.article, tabindex: i ? '-1' : '0', part: 'timeline-item' },
        h('span', { class: 'dot', 'aria-hidden': 'true' }),
        h('span', { class: 'lbl' }, `${label(it.when, it)} \u00b7 ${it.kind === 'published' ? 'Published' : 'Mentioned'}: ${it.text}`));
      x.item = it;
      this.stackList.append(h('li', null, x));
    });
    this.stack.setAttribute('aria-label', `${items.length} events. Escape closes.`);
    this.stack.hidden = false;
    this.opener = b.dataset.key;
    this.stackList.querySelector('button').focus();
  }

  closeStack(refocus) {
    if (this.stack.hidden) return;
    this.stack.hidden = true;
    clear(this.stackList);
    const b = refocus && this.nodes.get(this.opener);
    if (b) b.focus();
  }

  key(e) {
    const b = e.target.closest && e.target.closest('button');
    if (!b || !this.nodes.has(b.dataset.key)) return;
    const order = this.order();
    const i = order.indexOf(b);
    const narrow = this.track.classList.contains('narrow');
    const at = b.item ? (b.item.t0 + b.item.t1) / 2 : (b.from + b.to) / 2;
    let to = null;
    switch (e.key) {
      case 'ArrowUp': case 'ArrowDown':
        if (!narrow) {
          // Across lanes: the nearest event in the other lane.
          to = this.near(at, b.parentNode.dataset.lane === '0' ? '1' : '0') || b;
          break;
        }
        to = e.key === 'ArrowDown' ? order[i + 1] || this.edge(1) : order[i - 1] || this.edge(-1);
        break;
      case 'ArrowRight': to = order[i + 1] || this.edge(1); break;
      case 'ArrowLeft': to = order[i - 1] || this.edge(-1); break;
      case 'Home': to = order[0]; break;
      case 'End': to = order[order.length - 1]; break;
      case '+': case '=': this.zoom(0.5, at); to = this.near(at); break;
      case '-': case '_': this.zoom(2, at); to = this.near(at); break;
      case 'PageUp': this.pan(-0.8); to = this.order()[0]; break;
      case 'PageDown': this.pan(0.8); to = this.order()[0]; break;
      default: return;
    }
    e.preventDefault();
    if (to) {
      for (const x of this.nodes.values()) x.tabIndex = x === to ? 0 : -1;
      to.focus();
    }
  }

  // At the edge of the view, arrows pan half a view and continue there.
  edge(dir) {
    this.pan(dir * 0.5);
    const o = this.order();
    return dir > 0 ? o[o.length - 1] : o[0];
  }

  near(t, lane) {
    let best = null, d = Infinity;
    for (const b of this.nodes.values()) {
      if (lane != null && b.parentNode.dataset.lane !== lane) continue;
      const x = b.item ? (b.item.t0 + b.item.t1) / 2 : (b.from + b.to) / 2;
      if (Math.abs(x - t) < d) (d = Math.abs(x - t)), (best = b);
    }
    return best;
  }

  timeAt(clientX) {
    const r = this.track.getBoundingClientRect();
    return this.v0 + ((clientX - r.left) / r.width) * (this.v1 - this.v0);
  }

  // Ctrl+wheel (and trackpad pinch, which arrives as Ctrl+wheel) zooms at
  // the pointer; a plain wheel is left to the page so it scrolls.
  wheel(e) {
    if (!this.extent || this.track.classList.contains('narrow')) return;
    if (e.ctrlKey) {
      e.preventDefault();
      this.zoom(Math.exp(Math.max(-1, Math.min(1, e.deltaY * 0.01))), this.timeAt(e.clientX));
    } else if (Math.abs(e.deltaX) > Math.abs(e.deltaY) * 2) {
      e.preventDefault();
      this.pan(e.deltaX / this.width());
    }
  }

  down(e) {
    if (!this.extent || this.track.classList.contains('narrow') || e.button > 0) return;
    this.pointers.set(e.pointerId, { x: e.clientX });
    this.dragged = false;
    if (this.pointers.size === 1) {
      this.drag = { x: e.clientX, v0: this.v0, v1: this.v1, brush: e.shiftKey || e.target === this.axis || e.target.parentNode === this.axis };
    } else if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      this.pinch = { d: Math.abs(a.x - b.x) || 1, v0: this.v0, v1: this.v1, at: this.timeAt((a.x + b.x) / 2) };
      this.drag = null;
    }
  }

  moveP(e) {
    const p = this.pointers.get(e.pointerId);
    if (!p) return;
    p.x = e.clientX;
    if (this.pinch && this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      const f = this.pinch.d / (Math.abs(a.x - b.x) || 1);
      const { v0, v1, at } = this.pinch;
      this.view(at - (at - v0) * f, at + (v1 - at) * f);
      this.dragged = true;
      return;
    }
    const d = this.drag;
    if (!d) return;
    if (!this.dragged && Math.abs(e.clientX - d.x) < 4) return;
    if (!this.dragged) this.track.setPointerCapture(e.pointerId);
    this.dragged = true;
    if (d.brush) {
      const a = this.timeAt(d.x), b = this.timeAt(e.clientX);
      this.range = { from: Math.min(a, b), to: Math.max(a, b) };
      this.drawBand();
    } else {
      const dt = ((e.clientX - d.x) / this.width()) * (d.v1 - d.v0);
      this.view(d.v0 - dt, d.v1 - dt);
    }
  }

  up(e) {
    if (!this.pointers.delete(e.pointerId)) return;
    if (this.pointers.size < 2) this.pinch = null;
    const d = this.drag;
    this.drag = null;
    if (d && d.brush && this.dragged && this.range) this.setRange(this.range);
    // A click fires after pointerup; let it see `dragged` then reset.
    setTimeout(() => (this.dragged = false), 0);
  }

  /** Marks the item of event `id` in article `ai` as current. */
  mark(ai, id) {
    for (const b of this.nodes.values()) {
      if (b.dataset.key === `${ai}:${id}`) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
  }
}

function laneOf(it) {
  return it.kind === 'published' ? 0 : 1;
}
