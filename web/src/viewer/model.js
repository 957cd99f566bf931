// Plain view data derived from one or more analyses: speakers with their
// colour slot, quote entries and time-ordered timeline items. Linear work
// over the analyses; nothing here is recomputed while panning or zooming.
import { span } from './time.js';
import { clip } from './dom.js';

export const COLOURS = 8;

/** Splits a collection into readable analyses and error records. */
export function split(list) {
  const articles = [], errors = [];
  for (const a of list) (a && a.error ? errors : articles).push(a);
  return { articles, errors };
}

/** Builds the view model for `articles` (analyses, in input order). */
export function model(articles) {
  const speakers = new Map();
  const quotes = [];
  const items = [];
  articles.forEach((a, ai) => {
    const pub = span(a.published);
    const quoteTime = new Map();
    for (const e of a.events || []) {
      const s = span(e.when);
      if (!s) continue;
      if (e.kind === 'quote' && e.quote) {
        quoteTime.set(e.quote, s.t0);
        // A quote said when the article was published adds nothing to the
        // timeline; one said on another day ("said on March 1") does.
        if (pub && s.t0 <= pub.t0 && pub.t0 < s.t1) continue;
      }
      items.push({
        article: ai, id: e.id, kind: e.kind, when: e.when, t0: s.t0, t1: s.t1,
        quote: e.quote || null, start: e.start, end: e.end,
        text: e.kind === 'published' ? a.headline || a.id || 'Published' : clip((a.text || '').slice(e.start, e.end), 160),
      });
    }
    if (pub && !(a.events || []).some((e) => e.kind === 'published')) {
      items.push({ article: ai, id: 'published', kind: 'published', when: a.published, t0: pub.t0, t1: pub.t1, quote: null, start: 0, end: 0, text: a.headline || a.id || 'Published' });
    }
    const names = new Map((a.speakers || []).map((s) => [s.id, s]));
    for (const q of a.quotes || []) {
      const id = q.speakerId || '';
      let sp = speakers.get(id);
      if (!sp) {
        const src = names.get(id);
        sp = { id, name: q.speaker || (src && src.name) || 'Unknown speaker', count: 0, slot: 0 };
        speakers.set(id, sp);
      }
      sp.count++;
      const t = quoteTime.has(q.id) ? quoteTime.get(q.id) : pub ? pub.t0 : null;
      quotes.push({ article: ai, id: q.id, quote: q, speaker: sp, time: t });
    }
  });
  const ranked = [...speakers.values()].sort((x, y) => (x.id === '') - (y.id === '') || y.count - x.count || x.name.localeCompare(y.name));
  ranked.forEach((s, i) => (s.slot = s.id === '' ? 'none' : i % COLOURS));
  items.sort((x, y) => x.t0 - y.t0 || x.article - y.article);
  const times = new Float64Array(items.length);
  items.forEach((it, i) => (times[i] = (it.t0 + it.t1) / 2));
  // Midpoints can break the t0 order when long and short spans mix; keep
  // `times` sorted because the timeline binary-searches it.
  const order = [...times.keys()].sort((i, j) => times[i] - times[j]);
  const sorted = order.map((i) => items[i]);
  sorted.forEach((it, i) => (times[i] = (it.t0 + it.t1) / 2));
  return { articles, speakers: ranked, quotes, items: sorted, times };
}

/** Index of the first value in sorted `a` that is >= x. */
export function lower(a, x) {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
