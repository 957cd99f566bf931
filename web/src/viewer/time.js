// Labels for TIMEX3 values (placed in time by the core) and axis ticks.
// Times are UTC milliseconds: the core places zone-less values as UTC, so
// showing them in UTC keeps the dates the article gave.

const DAY = 864e5;

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

/** A label for a TIMEX3 value as precise as its span `s` ({t0, t1}, the core's). */
export function label(value, s) {
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
