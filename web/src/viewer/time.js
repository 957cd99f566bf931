// Reading TIMEX3 values (already normalized by the core) into time spans,
// and formatting axis labels. Times are UTC milliseconds: the core's values
// carry no zone, so showing them in UTC keeps the dates the article gave.

const DAY = 864e5;

/**
 * The span [t0, t1) of a TIMEX3 DATE/TIME value, or null when the value is
 * not an anchored moment (durations, PRESENT_REF, XXXX-...).
 */
export function span(value) {
  if (!value || typeof value != 'string') return null;
  if (/T\d\d:\d\d.*(Z|[+-]\d\d:?\d\d)$/.test(value)) {
    const t = Date.parse(value);
    if (isFinite(t)) return at(t, 6e4);
  }
  let m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d)(?::(\d\d))?(?::(\d\d))?)?/.exec(value);
  if (m) {
    const [y, mo, d] = [+m[1], +m[2] - 1, +m[3]];
    if (m[4] == null) return at(Date.UTC(y, mo, d), DAY);
    const t = Date.UTC(y, mo, d, +m[4], +(m[5] || 0), +(m[6] || 0));
    return at(t, m[6] != null ? 1e3 : m[5] != null ? 6e4 : 36e5);
  }
  if ((m = /^(\d{4})-(\d\d)$/.exec(value))) return range(Date.UTC(+m[1], +m[2] - 1, 1), Date.UTC(+m[1], +m[2], 1));
  if ((m = /^(\d{4})-W(\d\d)/.exec(value))) {
    // ISO week 1 holds January 4th.
    const jan4 = Date.UTC(+m[1], 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
    return at(monday + (+m[2] - 1) * 7 * DAY, 7 * DAY);
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return range(Date.UTC(+m[1], (m[2] - 1) * 3, 1), Date.UTC(+m[1], m[2] * 3, 1));
  if ((m = /^(\d{4})-H([12])$/.exec(value))) return range(Date.UTC(+m[1], (m[2] - 1) * 6, 1), Date.UTC(+m[1], m[2] * 6, 1));
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const s = { SP: 2, SU: 5, FA: 8, WI: 11 }[m[2]];
    return range(Date.UTC(+m[1], s, 1), Date.UTC(+m[1], s + 3, 1));
  }
  if ((m = /^(\d{4})$/.exec(value))) return range(Date.UTC(+m[1], 0, 1), Date.UTC(+m[1] + 1, 0, 1));
  if ((m = /^(\d{3})X$/.exec(value))) return range(Date.UTC(+m[1] * 10, 0, 1), Date.UTC(+m[1] * 10 + 10, 0, 1));
  return null;
}

function at(t, len) {
  return range(t, t + len);
}

function range(t0, t1) {
  return isFinite(t0) && isFinite(t1) ? { t0, t1 } : null;
}

// English, UTC, by hand: the UI is English, and the first Intl.DateTimeFormat
// costs 10-40 ms of ICU loading, a third of the time-to-interactive budget.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const two = (n) => String(n).padStart(2, '0');
const fmt = {
  y: (d) => String(d.getUTCFullYear()),
  m: (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
  ms: (d) => `${MONTHS[d.getUTCMonth()].slice(0, 3)} ${d.getUTCFullYear()}`,
  md: (d) => `${MONTHS[d.getUTCMonth()].slice(0, 3)} ${d.getUTCDate()}`,
  d: (d) => `${fmt.md(d)}, ${d.getUTCFullYear()}`,
  hm: (d) => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`,
};
const format = (key, t) => fmt[key](new Date(t));

/** A label for a TIMEX3 value as precise as the value itself. */
export function label(value) {
  const s = span(value);
  if (!s) return value || '';
  const len = s.t1 - s.t0;
  if (len < DAY) return `${format('d', s.t0)}, ${format('hm', s.t0)}`;
  if (len === DAY) return format('d', s.t0);
  if (len === 7 * DAY) return `Week of ${format('d', s.t0)}`;
  if (len < 32 * DAY) return format('m', s.t0);
  if (len < 360 * DAY) return value;
  return format('y', s.t0) + (len > 400 * DAY ? 's' : '');
}

/** Tick steps from an hour to a century; `ticks` picks the first that fits. */
const STEPS = [
  [36e5, 'h'], [6 * 36e5, 'h'], [DAY, 'd'], [7 * DAY, 'd'], [30 * DAY, 'm'], [91 * DAY, 'm'],
  [365 * DAY, 'y'], [5 * 365 * DAY, 'y'], [10 * 365 * DAY, 'y'], [100 * 365 * DAY, 'y'],
];

/** Axis ticks for the view [v0, v1] with about `n` ticks at most: [{t, text}]. */
export function ticks(v0, v1, n) {
  const want = (v1 - v0) / Math.max(1, n);
  const [step, unit] = STEPS.find(([s]) => s >= want) || STEPS[STEPS.length - 1];
  const out = [];
  let t = floor(v0, step, unit);
  for (let guard = 0; t <= v1 && guard < 200; guard++) {
    if (t >= v0) out.push({ t, text: tickText(t, unit) });
    t = advance(t, step, unit);
  }
  return out;
}

function floor(t, step, unit) {
  const d = new Date(t);
  if (unit === 'y') {
    const years = Math.round(step / (365 * DAY));
    return Date.UTC(Math.floor(d.getUTCFullYear() / years) * years, 0, 1);
  }
  if (unit === 'm') {
    const months = Math.round(step / (30 * DAY));
    return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / months) * months, 1);
  }
  return Math.floor(t / step) * step;
}

function advance(t, step, unit) {
  const d = new Date(t);
  if (unit === 'y') return Date.UTC(d.getUTCFullYear() + Math.round(step / (365 * DAY)), 0, 1);
  if (unit === 'm') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + Math.round(step / (30 * DAY)), 1);
  return t + step;
}

function tickText(t, unit) {
  if (unit === 'y') return format('y', t);
  if (unit === 'm') return format('ms', t);
  if (unit === 'd') return format('md', t);
  return `${format('md', t)}, ${format('hm', t)}`;
}

/** A readable length for a time span in ms ("3 days", "2 months"). */
export function extent(ms) {
  const units = [[365 * DAY, 'year'], [30 * DAY, 'month'], [7 * DAY, 'week'], [DAY, 'day'], [36e5, 'hour'], [6e4, 'minute']];
  for (const [len, name] of units) {
    if (ms >= len) {
      const n = Math.round(ms / len);
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return 'a moment';
}

/** An ISO date (or date-time when it has a time part) for a ms value. */
export function iso(t, withTime) {
  const s = new Date(t).toISOString();
  return withTime ? s.slice(0, 16) : s.slice(0, 10);
}
