// The quote panel: quotes grouped by speaker with counts, filters by
// speaker, kind, text and (from the timeline) time range. One tab stop for
// the entries (roving tabindex); Enter or a click chooses an entry.
import { h, clear, emit, clip, roving } from './dom.js';

const LIMIT = 300;
const KINDS = [['', 'All kinds'], ['direct', 'Direct'], ['partial', 'Partial'], ['indirect', 'Reported']];

export class QuotePanel {
  constructor(uid) {
    this.filter = { speaker: '', kind: '', text: '', range: null };
    this.limit = LIMIT;
    this.speaker = h('select', { id: `${uid}-spk`, part: 'filter' });
    this.kind = h('select', { id: `${uid}-kind`, part: 'filter' }, KINDS.map(([v, t]) => h('option', { value: v }, t)));
    this.text = h('input', { id: `${uid}-text`, type: 'search', part: 'filter', autocomplete: 'off', spellcheck: 'false' });
    this.count = h('p', { class: 'count', id: `${uid}-count` });
    this.groups = h('div', { class: 'groups', role: 'group', 'aria-labelledby': `${uid}-title`, 'aria-describedby': `${uid}-count` });
    this.clearRange = h('button', { type: 'button', class: 'chip', hidden: true, part: 'button' }, '');
    this.el = h('section', { class: 'panel', part: 'panel', 'aria-labelledby': `${uid}-title` },
      h('h2', { class: 'panel-title', id: `${uid}-title` }, 'Quotes'),
      h('div', { class: 'filters', role: 'group', 'aria-label': 'Filter quotes' },
        h('label', { for: `${uid}-spk` }, 'Speaker'), this.speaker,
        h('label', { for: `${uid}-kind` }, 'Kind'), this.kind,
        h('label', { for: `${uid}-text` }, 'Text'), this.text),
      this.clearRange, this.count, this.groups);
    this.speaker.addEventListener('change', () => this.set({ speaker: this.speaker.value }));
    this.kind.addEventListener('change', () => this.set({ kind: this.kind.value }));
    this.text.addEventListener('input', () => this.set({ text: this.text.value }));
    this.clearRange.addEventListener('click', () => this.set({ range: null }));
    this.move = roving(this.groups, () => [...this.groups.querySelectorAll('button.entry')]);
    this.groups.addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (!b) return;
      if (b.classList.contains('more')) {
        this.limit = Infinity;
        this.render();
        return;
      }
      this.choose(b);
    });
    this.groups.addEventListener('focusin', (e) => {
      if (e.target.classList.contains('entry')) this.current = e.target.dataset.key;
    });
  }

  /** Shows the quotes of view model `m`. */
  show(m) {
    this.m = m;
    this.limit = LIMIT;
    clear(this.speaker);
    this.speaker.append(h('option', { value: '' }, `All speakers (${m.quotes.length})`));
    for (const s of m.speakers) this.speaker.append(h('option', { value: s.id }, `${s.name} (${s.count})`));
    this.speaker.value = this.filter.speaker;
    if (this.speaker.value !== this.filter.speaker) this.filter.speaker = '';
    this.render();
  }

  /** Updates the filter with `patch`; emits `ql-filter` unless `quiet`. */
  set(patch, quiet) {
    Object.assign(this.filter, patch);
    this.speaker.value = this.filter.speaker;
    this.kind.value = this.filter.kind;
    if (this.text.value !== this.filter.text) this.text.value = this.filter.text;
    this.limit = LIMIT;
    this.render();
    if (!quiet) emit(this.el, 'ql-filter', { ...this.filter });
  }

  /** True when entry `e` passes the filter. */
  keeps(e) {
    const f = this.filter;
    if (f.speaker && e.speaker.id !== f.speaker) return false;
    if (f.kind && e.quote.kind !== f.kind) return false;
    if (f.range && (e.time == null || e.time < f.range.from || e.time >= f.range.to)) return false;
    if (f.text) {
      const t = f.text.toLowerCase();
      if (!e.quote.text.toLowerCase().includes(t) && !e.speaker.name.toLowerCase().includes(t)) return false;
    }
    return true;
  }

  render() {
    const m = this.m;
    if (!m) return;
    const focused = this.groups.contains(this.groups.getRootNode().activeElement);
    clear(this.groups);
    const shown = m.quotes.filter((e) => this.keeps(e));
    const by = new Map(m.speakers.map((s) => [s, []]));
    for (const e of shown) by.get(e.speaker).push(e);
    let left = this.limit, first = null, keep = null;
    for (const [s, list] of by) {
      if (!list.length || left <= 0) continue;
      const ul = h('ul', { role: 'list' });
      for (const e of list.slice(0, left)) {
        const key = `${e.article}:${e.id}`;
        const b = h('button', {
          type: 'button', class: `entry c${s.slot}`, 'data-quote-ref': e.id, 'data-article': e.article,
          'data-kind': e.quote.kind, 'data-key': key, tabindex: '-1', part: 'entry',
        }, h('span', { class: 'kind' }, e.quote.kind === 'direct' ? 'Direct' : e.quote.kind === 'partial' ? 'Partial' : 'Reported'),
        h('span', { class: 'said', dir: 'auto' }, clip(e.quote.text, 110)));
        if (!first) first = b;
        if (key === this.current) keep = b;
        ul.append(h('li', null, b));
      }
      left -= list.length;
      this.groups.append(h('section', { class: 'group', part: 'group' },
        h('h3', null, h('span', { class: `swatch c${s.slot}`, 'aria-hidden': 'true' }), s.name, ' ',
          h('span', { class: 'n' }, `${list.length} ${list.length === 1 ? 'quote' : 'quotes'}`)), ul));
    }
    if (left < 0) this.groups.append(h('p', null, h('button', { type: 'button', class: 'more', part: 'button' }, `Show all ${shown.length} quotes`)));
    const tab = keep || first;
    if (tab) tab.tabIndex = 0;
    if (focused && tab) tab.focus();
    const total = m.quotes.length;
    this.count.textContent = !total ? 'No quotes found.' : shown.length === total ? `${total} ${total === 1 ? 'quote' : 'quotes'}` : `${shown.length} of ${total} quotes shown`;
    const r = this.filter.range;
    this.clearRange.hidden = !r;
    this.clearRange.textContent = r ? `Time range: ${r.label} \u2715 clear` : '';
  }

  choose(b) {
    this.current = b.dataset.key;
    for (const x of this.groups.querySelectorAll('[aria-current]')) x.removeAttribute('aria-current');
    b.setAttribute('aria-current', 'true');
    emit(this.el, 'ql-pick', { article: +b.dataset.article, quote: b.dataset.quoteRef, from: 'panel' });
  }

  /** Marks the entry for quote `id` of article `ai` as current (no event). */
  mark(ai, id) {
    this.current = `${ai}:${id}`;
    for (const x of this.groups.querySelectorAll('button.entry')) {
      const on = x.dataset.key === this.current;
      if (on) x.setAttribute('aria-current', 'true');
      else x.removeAttribute('aria-current');
      x.tabIndex = on ? 0 : -1;
    }
    if (!this.groups.querySelector('button.entry[tabindex="0"]')) {
      const f = this.groups.querySelector('button.entry');
      if (f) f.tabIndex = 0;
    }
  }
}
