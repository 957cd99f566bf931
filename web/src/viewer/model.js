// Plain view data derived from one or more analyses: speakers with their
// colour slot, quote entries and time-ordered timeline items. Linear work
// over the analyses; nothing here is recomputed while panning or zooming.
// Where a TIMEX3 value sits in time is the core's answer (timeline ranges),
// asked once for every value of the collection.
import { clip } from './dom.js';

const MINUTE = 6e4;

// span(value) for every published and event value, in one call to the core.
function spans(articles, tl) {
  const values = [];
  for (const a of articles) {
    values.push(a.published);
    for (const e of a.events || []) values.push(e.when);
  }
  const r = tl.ranges(values);
  let k = 0;
  const next = () => {
    const t0 = r[k] * MINUTE, t1 = r[k + 1] * MINUTE;
    k += 2;
    return t0 === t0 ? { t0, t1 } : null; // NaN: no place on the axis
  };
  return next;
}

export const COLOURS = 8;

/** Splits a collection into readable analyses and error records. */
export function split(list) {
  const articles = [], errors = [];
  for (const a of list) (a && a.error ? errors : articles).push(a);
  return { articles, errors };
}

/** Builds the view model for `articles` (analyses, in input order); `tl` is the core's timeline. */
export function model(articles, tl) {
  const speakers = new Map();
  const quotes = [];
  const items = [];
  const span = spans(articles, tl);
  const published = [];
  articles.forEach((a, ai) => {
    const pub = span();
    published.push(pub);
    const quoteTime = new Map();
    for (const e of a.events || []) {
      const s = span();
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
  // The core bins items in this order (start, then end, then article).
  items.sort((x, y) => x.t0 - y.t0 || x.t1 - y.t1 || x.article - y.article);
  return { articles, speakers: ranked, quotes, items, published };
}
