// Durations and sets: "three years", "the past two months", "36-hour",
// "2 1/2 years", "a few days", "two days ago", "a year earlier", "every
// Monday", "daily", "every 20 minutes", "twice a week", "Tuesday nights".
#include "time/grammar.h"

namespace quoteline::time {

namespace {

hit make(size_t b, size_t e, timex_type t) {
  hit h;
  h.begin = b;
  h.end = e;
  h.type = t;
  return h;
}

}  // namespace

hit grammar::span_forms(size_t i, bool the) {
  hit none;
  if (i >= n_) return none;
  size_t b = the ? i - 1 : i;
  size_t k = i;
  int lead = 0;  // -1 past/last, 1 next/coming, 2 first
  if (has(k, w_shift) && !word_is(k, "this") && !word_is(k, "current")) {
    lead = at(k).info->shift < 0 ? -1 : 1;
    ++k;
  } else if (the && has(k, w_ord) && at(k).info->ord == 1 && !has(k + 1, w_unit)) {
    lead = 2;  // the first nine months
    ++k;
  }
  int n = 1;
  bool half = false, have = false;
  size_t e;
  if (amount(k, n, half, e)) {
    // "a" only counts right before its unit: not "a record year".
    have = true;
    k = e;
  }
  if (have && is(k - 1, kw::a) && the) return none;
  for (int f = 0; f < 2 && k < n_ && at(k).kind == a_word && !has(k, w_unit) && filler(text_of(k));
       ++f)
    ++k;
  if (!has(k, w_unit) || at(k).info->u == unit::none) return none;
  const atom& u = at(k);
  unit un = u.info->u;
  bool plural = u.has(w_plural);
  // "second" is an ordinal unless counted: "30 seconds", "one second".
  if (un == unit::second && !plural && !(have && n >= 1 && !is(k - 1, kw::a))) return none;
  if (un == unit::weekend && !have) return none;
  if (un == unit::quarter && (is(k + 1, kw::of) || is(k + 1, kw::than))) return none;  // fractions
  // the weeks ahead
  if (the && lead == 0 && !have && plural && is(k + 1, kw::ahead)) {
    hit h = make(b, k + 2, timex_type::duration);
    h.d.n = -1;
    h.d.u = un;
    return h;
  }
  if (!have) {
    bool ok = false;
    if (lead != 0 && plural) ok = true;  // the past weeks, coming months
    if (lead == 0 && plural && !the) {
      bool suffix = is(k + 1, kw::ago) || is(k + 1, kw::later) || is(k + 1, kw::earlier) ||
                    (is(k + 1, kw::long_) && at(k + 1).is(af_hyphen));
      ok = suffix || (i > 0 && (word_is(i - 1, "for") || word_is(i - 1, "recent")));
    }
    if (!ok) return none;
    n = -1;
  }
  if (the && lead == 0 && !have) return none;
  if (i > 0 && word_is(i - 1, "recent") && !have) b = i - 1;
  hit h = make(b, k + 1, timex_type::duration);
  h.d.n = n;
  h.d.u = un;
  h.d.half = half;
  size_t j = k + 1;
  if (is(j, kw::earlier) && at(j).is(af_hyphen)) return none;  // year-earlier
  // An age ("a 6-year-old", "52 years old") is not a time expression.
  if (is(j, kw::old)) return none;
  // day-long, decades-long
  if (is(j, kw::long_) && at(j).is(af_hyphen)) {
    h.end = j + 1;
    return h;
  }
  if (is(j, kw::or_) && is(j + 1, kw::so)) j += 2, h.end = j;
  if (is(j, kw::ahead) && lead == 0 && the) h.end = j + 1;
  bool ago = is(j, kw::ago);
  bool later = (is(j, kw::later) || is(j, kw::earlier)) && !is(j + 1, kw::than);
  bool from_now = (is(j, kw::from) && word_is(j + 1, "now")) || is(j, kw::hence);
  if (lead != 0 || the) return h;  // "the past two years ago" is not a thing
  if (!(ago || later || from_now)) return h;
  // A point: two days ago, a year earlier, three weeks from now.
  h.type = timex_type::date;
  h.derived = true;
  h.end = from_now && !is(j, kw::hence) ? j + 2 : j + 1;
  if (n < 0) {
    h.literal = is(j, kw::later) || from_now ? "FUTURE_REF" : "PAST_REF";
    return h;
  }
  gran g = gran_of(un);
  int steps = un == unit::fortnight ? 2 * n : n;
  if (un == unit::hour || un == unit::minute || un == unit::second) {
    // "two hours ago": a clock time when the anchor has one, else its day.
    g = gran::day, steps = 0;
    if (st_.has_anchor && st_.anchor.hour >= 0 && !later && !half) {
      long per = un == unit::hour ? 60 : un == unit::minute ? 1 : 0;
      long at_min = st_.anchor_days * 1440L + st_.anchor.hour * 60L +
                    (st_.anchor.minute < 0 ? 0 : st_.anchor.minute);
      at_min += (ago ? -1 : 1) * per * n;
      long day = at_min >= 0 ? at_min / 1440 : -((-at_min + 1439) / 1440);
      long rest = at_min - day * 1440;
      h.type = timex_type::time;
      h.p = day_point(day);
      h.p.g = gran::minute;
      h.p.hour = int(rest / 60);
      h.p.minute = int(rest % 60);
      return h;
    }
  }
  if (un == unit::decade) g = gran::year, steps = 10 * n;
  if (un == unit::century) g = gran::year, steps = 100 * n;
  if (half) return h.literal = ago ? "PAST_REF" : "FUTURE_REF", h;
  int sign = ago || is(j, kw::earlier) ? -1 : 1;
  point base;
  if (later) {
    // "a year earlier", "two days later": from the last mentioned point,
    // at its own granularity when it is finer than the unit.
    base = st_.last_point;
    if (base.valid() && shift_by(base, un, sign * n)) {
      h.p = base;
      return h;
    }
    base = reference(g);
  } else if (un == unit::year && n == 1 && st_.last_quarter.valid()) {
    base = st_.last_quarter, g = gran::quarter, steps = 4 * n;
  } else {
    base = st_.has_anchor ? period_of(st_.anchor_days, g) : point{};
    if (!st_.has_anchor) base.g = g;
  }
  h.p = shift(base, sign * steps);
  return h;
}

hit grammar::sets(size_t i) {
  hit none;
  if (i >= n_) return none;
  const atom& a = at(i);
  // daily, weekly, annually
  if (a.has(w_set) && !a.has(w_risky)) {
    hit h = make(i, i + 1, timex_type::set);
    h.literal = a.info->set;
    return h;
  }
  // Mondays, Tuesday nights
  if (a.has(w_weekday) && a.is(af_upper) && !a.has(w_abbr)) {
    bool plural = a.has(w_plural);
    bool nights = has(i + 1, w_pod) && at(i + 1).has(w_plural);
    if (plural || nights) {
      hit h = make(i, i + (nights ? 2 : 1), timex_type::set);
      h.p.g = nights ? gran::pod : gran::day;
      h.p.weekday = a.info->weekday;
      if (nights) h.p.pod = at(i + 1).info->pod;
      return h;
    }
    return none;
  }
  // every / each ...
  if (a.has(w_every)) {
    size_t k = i + 1;
    int mult = 1;
    if (is(k, kw::other)) mult = 2, ++k;
    int n = 1;
    bool half = false;
    size_t e;
    if (k < n_ && (at(k).kind == a_number || has(k, w_num)) && amount(k, n, half, e) && n > 0)
      k = e;
    if (k >= n_) return none;
    const atom& x = at(k);
    hit h = make(i, k + 1, timex_type::set);
    if (x.has(w_unit) && x.info->u != unit::none) {
      h.d.n = n * mult;
      h.d.u = x.info->u;
      h.d.half = half;
      return h;
    }
    if (x.has(w_weekday) && x.is(af_upper)) {
      h.p.g = gran::day;
      h.p.weekday = x.info->weekday;
      if (has(k + 1, w_pod) && !has(k + 1, w_day))
        h.p.g = gran::pod, h.p.pod = at(k + 1).info->pod, h.end = k + 2;
      return h;
    }
    if (x.has(w_month) && x.is(af_upper)) {
      h.p.g = gran::month;
      h.p.month = x.info->month;
      return h;
    }
    if (x.has(w_season)) {
      h.p.g = gran::season;
      h.p.part = x.info->season;
      return h;
    }
    if (x.has(w_pod) && !x.has(w_day)) {
      h.p.g = gran::pod;
      h.p.pod = x.info->pod;
      return h;
    }
    return none;
  }
  // twice a week, three times a year, once a month, $5 a year
  size_t k = i;
  if (a.is(kw::twice) || a.is(kw::thrice) || a.is(kw::once)) {
    k = i + 1;
  } else if ((a.kind == a_number || a.has(w_num)) && is(i + 1, kw::times)) {
    k = i + 2;
  } else if ((a.is(kw::a) || a.is(kw::per)) && i > 0 &&
             (at(i - 1).kind == a_number || punct(i - 1, '%') || word_is(i - 1, "cents") ||
              word_is(i - 1, "dollars") || word_is(i - 1, "percent"))) {
    k = i;
  } else {
    return none;
  }
  if (!(is(k, kw::a) || is(k, kw::per))) return none;
  if (!has(k + 1, w_unit) || at(k + 1).has(w_plural)) return none;
  hit h = make(i, k + 2, timex_type::set);
  h.d.n = 1;
  h.d.u = at(k + 1).info->u;
  return h;
}

}  // namespace quoteline::time
