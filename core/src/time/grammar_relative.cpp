// Relative and fuzzy forms: today, yesterday, now, recently, the future,
// last week, next month, this morning, last Friday, the following year,
// that day, the end of the year, early December, mid-1990s, earlier this
// month.
#include "time/grammar.h"

namespace quoteline::time {

namespace {

void keep(hit& best, const hit& h) {
  if (h.ok() && h.end > best.end) best = h;
}

hit make(size_t b, size_t e, timex_type t, const point& p) {
  hit h;
  h.begin = b;
  h.end = e;
  h.type = t;
  h.p = p;
  return h;
}

hit literal(size_t b, size_t e, std::string_view v) {
  hit h;
  h.begin = b;
  h.end = e;
  h.type = timex_type::date;
  h.literal = v;
  return h;
}

// A singular calendar unit that names a period: week, month, year...
bool period_unit(unit u) {
  return u == unit::week || u == unit::weekend || u == unit::month || u == unit::quarter ||
         u == unit::year || u == unit::decade || u == unit::century || u == unit::day;
}

}  // namespace

hit grammar::relative(size_t i, bool the) {
  hit best;
  if (i >= n_) return best;
  const atom& a = at(i);
  if (!the && a.has(w_day)) keep(best, deictic(i));
  if (a.has(w_ref) || a.is(kw::right) || word_is(i, "just") || a.is(kw::qual) || the ||
      a.is(kw::these) || a.has(w_unit))
    keep(best, refs(i, the));
  if (a.has(w_shift)) keep(best, shifted(i, the));
  if (a.is(kw::that) || a.is(kw::same)) keep(best, anaphora(i, the));
  if (a.is(kw::edge) || a.is(kw::middle)) keep(best, edges(i, the));
  if (a.has(w_mod) || a.is(kw::earlier) || a.is(kw::later)) keep(best, fuzzy(i, the));
  if (the) keep(best, periods(i, the));
  if (a.has(w_unit) || a.is(kw::qual)) keep(best, year_ago(i, the));
  return best;
}

hit grammar::deictic(size_t i) {
  hit none;
  if (!has(i, w_day)) return none;
  if (at(i).is(af_possessive) && at(i).info->day == 0) return none;  // "today's economy"
  point p = anchor_day();
  if (st_.has_anchor) p = day_point(st_.anchor_days + at(i).info->day);
  if (at(i).has(w_pod)) {  // tonight
    p.g = gran::pod;
    p.pod = at(i).info->pod;
    return make(i, i + 1, timex_type::time, p);
  }
  return make(i, i + 1, timex_type::date, p);
}

hit grammar::refs(size_t i, bool the) {
  hit none;
  if (i >= n_) return none;
  const atom& a = at(i);
  size_t b = the ? i - 1 : i;
  if (!the) {
    if ((word_is(i, "right") || word_is(i, "just")) && word_is(i + 1, "now"))
      return literal(i, i + 2, "PRESENT_REF");
    if (a.has(w_ref) && !a.has(w_shift) &&
        (word_is(i, "now") || word_is(i, "currently") || word_is(i, "nowadays") ||
         word_is(i, "presently") || word_is(i, "recently") || word_is(i, "lately")))
      return literal(i, i + 1, a.info->ref);
    if (word_is(i, "current") && !has(i + 1, w_unit) && !is(i + 1, kw::fiscal) &&
        !is(i + 1, kw::period))
      return literal(i, i + 1, "PRESENT_REF");
    if (is(i, kw::these) && word_is(i + 1, "days")) return literal(i, i + 2, "PRESENT_REF");
    // year-end, year end: the end of the anchor's year
    if (has(i, w_unit) && at(i).info->u == unit::year && !at(i).has(w_plural) &&
        word_is(i + 1, "end") && !is(i + 2, kw::of)) {
      hit h = make(i, i + 2, timex_type::date,
                   st_.has_anchor ? period_of(st_.anchor_days, gran::year) : point{});
      if (!st_.has_anchor) h.p.g = gran::year;
      h.mod = "END";
      return h;
    }
    if (word_is(i, "present") && i > 0 && word_is(i - 1, "at"))
      return literal(i, i + 1, "PRESENT_REF");
    return none;
  }
  // the past, the present, the (near) future, the near term
  size_t k = i;
  if (word_is(k, "near") || word_is(k, "distant") || word_is(k, "foreseeable") ||
      word_is(k, "immediate") || word_is(k, "not-too-distant")) {
    if (word_is(k + 1, "future")) return literal(b, k + 2, "FUTURE_REF");
    if (word_is(k, "near") && is(k + 1, kw::term)) return literal(b, k + 2, "FUTURE_REF");
    return none;
  }
  if (word_is(k, "short") && is(k + 1, kw::term)) return literal(b, k + 2, "FUTURE_REF");
  if (word_is(k, "future")) return literal(b, k + 1, "FUTURE_REF");
  if (word_is(k, "present") && !has(k + 1, w_unit)) return literal(b, k + 1, "PRESENT_REF");
  if (word_is(k, "past")) {
    // "the past two years" is a duration; "the past year" a date.
    if (has(k + 1, w_unit) || has(k + 1, w_num) || is(k + 1, kw::few) || is(k + 1, kw::several) ||
        (k + 1 < n_ && at(k + 1).kind == a_number) || has(k + 1, w_season) ||
        has(k + 1, w_weekday) || has(k + 1, w_month) || is(k + 1, kw::couple))
      return none;
    return literal(b, k + 1, "PAST_REF");
  }
  return none;
}

hit grammar::shifted(size_t i, bool the) {
  hit none;
  if (!has(i, w_shift) || (at(i).has(w_ref) && !word_is(i, "current") && !word_is(i, "past")))
    return none;
  if (word_is(i, "recent")) return none;
  size_t b = the ? i - 1 : i;
  int s = at(i).info->shift;
  bool memory = word_is(i, "previous") || word_is(i, "preceding") || word_is(i, "prior") ||
                word_is(i, "following");
  if (the && word_is(i, "this")) return none;
  if (!the && (word_is(i, "following") || word_is(i, "preceding") || word_is(i, "latest") ||
               word_is(i, "current") || word_is(i, "past") || word_is(i, "coming") ||
               word_is(i, "previous") || word_is(i, "prior")))
    return none;
  size_t k = i + 1;
  if (word_is(i, "this") && word_is(k, "coming")) s = 1, ++k;  // this coming Sunday
  if (word_is(i, "this") && word_is(k, "past")) s = -1, ++k;   // this past spring
  if (is(k, kw::fiscal)) ++k;
  if (k >= n_) return none;
  const atom& x = at(k);
  // Units: last week, this year, the following day, the latest quarter
  if ((x.has(w_unit) && !x.has(w_plural) && period_unit(x.info->u)) || x.is(kw::period)) {
    unit u = x.has(w_unit) ? x.info->u : unit::quarter;
    gran g = gran_of(u);
    if (u == unit::day && !memory && !(the && (word_is(i, "next") || word_is(i, "last"))))
      return none;
    if (u == unit::day) memory = true;
    point base;
    if (u == unit::quarter && (word_is(i, "latest") || x.is(kw::period))) {
      if (st_.last_quarter.valid()) {
        hit h = make(b, k + 1, timex_type::date, st_.last_quarter);
        h.derived = true;
        return h;
      }
      base = period_of(st_.anchor_days, g);
      s = -1;
    } else if (x.is(kw::period)) {
      return none;
    } else {
      base = memory ? reference(g) : period_of(st_.anchor_days, g);
    }
    if (!st_.has_anchor && !memory) {
      point p;
      p.g = g;
      return make(b, k + 1, timex_type::date, p);
    }
    point p = shift(base, s);
    hit h = make(b, k + 1, timex_type::date, p);
    h.derived = memory;
    // next year's first quarter
    if (u == unit::year && x.is(af_possessive)) {
      hit q = quarter_forms(k + 1, false);
      if (q.ok() && (q.p.g == gran::quarter || q.p.g == gran::half)) {
        q.p.year = p.year;
        q.begin = b;
        return q;
      }
    }
    return h;
  }
  // the previous Friday, the following Monday: from the last mentioned day
  if (memory && x.has(w_weekday) && !x.has(w_plural) && x.is(af_upper)) {
    point r = reference(gran::day);
    long d;
    if (!first_day(r, d)) return none;
    int rw = text::weekday(r.year, r.month, r.day), wd = x.info->weekday;
    int back = (rw - wd + 7) % 7, ahead = (wd - rw + 7) % 7;
    hit h = make(b, k + 1, timex_type::date,
                 day_point(s < 0 ? d - (back ? back : 7) : d + (ahead ? ahead : 7)));
    h.derived = true;
    return h;
  }
  if (memory) return none;
  // Weekdays: last Friday, next Tuesday, this Friday
  if (x.has(w_weekday) && !x.has(w_plural) && x.is(af_upper)) {
    if (!st_.has_anchor) {
      point p;
      p.g = gran::day;
      p.weekday = x.info->weekday;
      return make(b, k + 1, timex_type::date, p);
    }
    int wd = x.info->weekday;
    int aw = text::weekday(st_.anchor.year, st_.anchor.month, st_.anchor.day);
    long a = st_.anchor_days;
    int back = (aw - wd + 7) % 7, ahead = (wd - aw + 7) % 7;
    point p;
    if (s < 0)
      p = day_point(a - (back ? back : 7));
    else if (s > 0)
      p = day_point(a + (ahead ? ahead : 7));
    else
      p = this_weekday(wd, i, k + 1);
    return make(b, k + 1, timex_type::date, p);
  }
  // Months: last October, next April, this May
  if (x.has(w_month) && x.is(af_upper)) {
    int m = x.info->month;
    size_t e = k + 1;
    if (x.has(w_abbr) && punct(e, '.')) ++e;
    point p;
    p.g = gran::month;
    p.month = m;
    if (st_.has_anchor) {
      int ay = st_.anchor.year, am = st_.anchor.month;
      p.year = s < 0 ? (m < am ? ay : ay - 1) : s > 0 ? (m > am ? ay : ay + 1) : ay;
    }
    return make(b, e, timex_type::date, p);
  }
  // Seasons: last fall, this summer
  if (x.has(w_season) && !x.has(w_plural)) {
    point p;
    p.g = gran::season;
    p.part = x.info->season;
    if (st_.has_anchor) {
      point now = period_of(st_.anchor_days, gran::season);
      p.year = now.year;
      long idx = long(now.year) * 4 + now.part - 1, t = long(now.year) * 4 + p.part - 1;
      if (s < 0 && t >= idx) p.year -= 1;
      if (s > 0 && t <= idx) p.year += 1;
    }
    return make(b, k + 1, timex_type::date, p);
  }
  // Parts of the day: last night, this morning
  if (x.has(w_pod) && !x.has(w_plural) && !x.has(w_day) && (s < 0 || word_is(i, "this"))) {
    point p = anchor_day();
    if (st_.has_anchor && s < 0) p = day_point(st_.anchor_days - 1);
    p.g = gran::pod;
    p.pod = x.info->pod;
    return make(b, k + 1, timex_type::time, p);
  }
  return none;
}

hit grammar::anaphora(size_t i, bool the) {
  hit none;
  if (i >= n_) return none;
  size_t b = the ? i - 1 : i;
  size_t k;
  if (!the && is(i, kw::that)) {
    k = i + 1;
    if (is(k, kw::same)) ++k;
  } else if (the && is(i, kw::same)) {
    k = i + 1;
  } else {
    return none;
  }
  if (k >= n_) return none;
  const atom& x = at(k);
  if (x.has(w_unit) && !x.has(w_plural) && period_unit(x.info->u)) {
    gran g = gran_of(x.info->u);
    if (x.info->u == unit::week || x.info->u == unit::decade || x.info->u == unit::century)
      return none;
    hit h = make(b, k + 1, timex_type::date, reference(g));
    h.derived = true;
    return h;
  }
  if (x.is(kw::period) && st_.last_quarter.valid()) {
    hit h = make(b, k + 1, timex_type::date, st_.last_quarter);
    h.derived = true;
    return h;
  }
  return none;
}

hit grammar::edges(size_t i, bool the) {
  hit none;
  if (i >= n_ || !(is(i, kw::edge) || is(i, kw::middle))) return none;
  size_t b = the ? i - 1 : i;
  if (!is(i + 1, kw::of)) return none;
  std::string_view mod = at(i).info->mod;
  size_t k = i + 2;
  hit x;
  if (is(k, kw::the) && has(k + 1, w_unit) && !at(k + 1).has(w_plural) &&
      period_unit(at(k + 1).info->u) && at(k + 1).info->u != unit::day) {
    point p = st_.has_anchor ? period_of(st_.anchor_days, gran_of(at(k + 1).info->u)) : point{};
    if (!st_.has_anchor) p.g = gran_of(at(k + 1).info->u);
    x = make(b, k + 2, timex_type::date, p);
  } else {
    x = core(k);
    if (!x.ok() || x.begin != k || x.type != timex_type::date || !x.literal.empty() ||
        x.p.g == gran::day)
      return none;
    x.begin = b;
  }
  x.mod = mod;
  return x;
}

hit grammar::fuzzy(size_t i, bool the) {
  hit none;
  if (i >= n_) return none;
  const atom& a = at(i);
  size_t b = the ? i - 1 : i;
  bool early = a.has(w_mod) && !a.is(kw::edge) && !a.is(kw::middle);
  bool relative_word = a.is(kw::earlier) || a.is(kw::later);
  if (!early && !relative_word) return none;
  size_t k = i + 1;
  if (k >= n_) return none;
  // early morning, mid-afternoon, late night
  if (early && has(k, w_pod) && !at(k).has(w_plural) && !at(k).has(w_day)) {
    point p = reference(gran::day);
    p.g = gran::pod;
    p.pod = at(k).info->pod;
    hit h = make(b, k + 1, timex_type::time, p);
    // mid-afternoon yesterday
    hit d = deictic(k + 1);
    if (d.ok()) h.p.year = d.p.year, h.p.month = d.p.month, h.p.day = d.p.day, h.end = d.end;
    h.mod = a.info->mod;
    return h;
  }
  if (relative_word) {
    if (the) return none;
    // earlier this year, later today, earlier Sunday, earlier in the year
    size_t j = k;
    if (word_is(j, "in") && is(j + 1, kw::the) && has(j + 2, w_unit) && !at(j + 2).has(w_plural) &&
        period_unit(at(j + 2).info->u)) {
      point p = reference(gran_of(at(j + 2).info->u));
      if (st_.has_anchor && at(j + 2).info->u != unit::day)
        p = period_of(st_.anchor_days, gran_of(at(j + 2).info->u));
      return make(j + 1, j + 3, timex_type::date, p);
    }
    hit x = core(j);
    if (!x.ok() || x.begin != j || !x.literal.empty() ||
        (x.type != timex_type::date && x.type != timex_type::time))
      return none;
    bool ok = has(j, w_day) || has(j, w_weekday) || word_is(j, "this") || is(j, kw::that);
    if (!ok) return none;
    return x;  // TimeML leaves "earlier" outside: earlier [this month]
  }
  // early December, mid-1990s, late last year, early Tuesday, the early 1980s
  hit x = core(k);
  if (!x.ok() || x.begin != k || !x.literal.empty() || x.type == timex_type::duration ||
      x.type == timex_type::set)
    return none;
  x.begin = b;
  x.mod = a.info->mod;
  return x;
}

point grammar::weekend(int dir) const {
  point p;
  p.g = gran::weekend;
  if (!st_.has_anchor) return p;
  int aw = text::weekday(st_.anchor.year, st_.anchor.month, st_.anchor.day);
  long a = st_.anchor_days;
  // On a weekend it is this one; otherwise the last one, or the coming one
  // when the sentence looks ahead.
  if (aw >= 6 || dir > 0) return week_of(a, true);
  return week_of(a - 7, true);
}

point grammar::this_weekday(int weekday, size_t b, size_t e) const {
  // "this Friday": the one of this week, ahead unless the sentence looks back.
  long a = st_.anchor_days;
  int aw = text::weekday(st_.anchor.year, st_.anchor.month, st_.anchor.day);
  if (aw == weekday) return day_point(a);
  if (direction(b, e) < 0) return day_point(a - (aw - weekday + 7) % 7);
  return day_point(a + (weekday - aw + 7) % 7);
}

hit grammar::periods(size_t i, bool the) {
  hit none;
  if (!the || i >= n_) return none;
  size_t b = i - 1, k = i;
  bool fiscal = false;
  if (is(k, kw::fiscal) || word_is(k, "full") || word_is(k, "calendar")) fiscal = true, ++k;
  if (!has(k, w_unit) || at(k).has(w_plural)) return none;
  if (k + 1 < n_ && at(k + 1).is(af_hyphen)) return none;  // the year-earlier ...
  unit u = at(k).info->u;
  if (u == unit::weekend && !fiscal) {
    int aw = st_.has_anchor ? text::weekday(st_.anchor.year, st_.anchor.month, st_.anchor.day) : 0;
    hit h = make(b, k + 1, timex_type::date, weekend(aw >= 6 ? 0 : direction(i, k + 1)));
    return h;
  }
  if (u == unit::quarter) {
    point p = st_.last_quarter;
    if (!p.valid()) {
      p = st_.has_anchor ? shift(period_of(st_.anchor_days, gran::quarter), -1) : point{};
      if (!st_.has_anchor) p.g = gran::quarter;
    }
    hit h = make(b, k + 1, timex_type::date, p);
    h.derived = true;
    return h;
  }
  if (u == unit::year) {
    // "the year ended Sept. 30" is a span of a year; "for the year" the year.
    if (word_is(k + 1, "ended") || word_is(k + 1, "ending") || word_is(k + 1, "ends")) {
      hit h = make(b, k + 1, timex_type::duration, point{});
      h.d.n = 1;
      h.d.u = unit::year;
      return h;
    }
    point p = st_.has_anchor ? period_of(st_.anchor_days, gran::year) : point{};
    if (!st_.has_anchor) p.g = gran::year;
    hit h = make(b, k + 1, timex_type::date, p);
    h.derived = true;
    return h;
  }
  return none;
}

hit grammar::year_ago(size_t i, bool the) {
  hit none;
  if (i >= n_) return none;
  size_t b = the ? i - 1 : i, k = i;
  if (the && (word_is(k, "comparable") || word_is(k, "corresponding") || word_is(k, "same"))) ++k;
  if (!(has(k, w_unit) && at(k).info->u == unit::year && !at(k).has(w_plural) && k + 1 < n_ &&
        at(k + 1).is(af_hyphen) &&
        (is(k + 1, kw::earlier) || is(k + 1, kw::ago) || word_is(k + 1, "before"))))
    return none;
  size_t e = k + 2;
  // the year-earlier quarter / period / third quarter / nine months
  if (has(e, w_ord) && has(e + 1, w_unit) && at(e + 1).info->u == unit::quarter) {
    hit q = quarter_forms(e, false);
    if (q.ok()) {
      q.p.year -= 1;
      q.begin = b;
      q.derived = true;
      return q;
    }
  }
  if ((has(e, w_unit) && at(e).info->u == unit::quarter && !at(e).has(w_plural)) ||
      is(e, kw::period))
    ++e;
  else if (the && has(e, w_num) && has(e + 1, w_unit) && at(e + 1).info->u == unit::month)
    e += 2;
  else if (the)
    b = i;  // "The year-earlier figures": the article belongs to the noun
  point p;
  if (st_.last_quarter.valid()) {
    p = shift(st_.last_quarter, -4);
  } else if (st_.has_anchor) {
    p = shift(period_of(st_.anchor_days, gran::year), -1);
  } else {
    p.g = gran::year;
  }
  hit h = make(b, e, timex_type::date, p);
  h.derived = true;
  return h;
}

}  // namespace quoteline::time
