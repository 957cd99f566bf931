// Calendar dates: "March 22", "5 June 2024", "Friday, Oct. 13", 2024-11-03,
// 07/06/2022, years, decades, centuries, quarters and halves, seasons and
// holidays.
#include "time/grammar.h"

namespace quoteline::time {

namespace {

void keep(hit& best, const hit& h) {
  if (h.ok() && h.end > best.end) best = h;
}

hit date_hit(size_t b, size_t e, const point& p) {
  hit h;
  h.begin = b;
  h.end = e;
  h.type = timex_type::date;
  h.p = p;
  return h;
}

point ymd(int y, int m, int d) {
  point p;
  p.g = gran::day;
  p.year = y;
  p.month = m;
  p.day = d;
  return p;
}

bool valid_day(int y, int m, int d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= text::days_in_month(y > 0 ? y : 2000, m);
}

int two_digit_year(int v) {
  return v < 70 ? 2000 + v : 1900 + v;
}

}  // namespace

hit grammar::calendar(size_t i, bool the) {
  hit best;
  if (i >= n_) return best;
  const atom& a = at(i);
  bool number = a.kind == a_number;
  if (!the) {
    if (number) keep(best, numeric(i));
    if (a.has(w_weekday)) keep(best, weekday_date(i));
    if (a.has(w_month)) keep(best, month_date(i));
    if (number || a.has(w_ord)) keep(best, day_month(i));
  }
  if (number || a.kind == a_punct || a.has(w_decade | w_ord | w_num) || a.is(kw::fiscal))
    keep(best, year_forms(i, the));
  if (a.has(w_ord | w_shift) || a.is(kw::fiscal) || (a.kind == a_word && a.end - a.start == 2))
    keep(best, quarter_forms(i, the));
  if (a.has(w_season)) keep(best, season_forms(i, the));
  if (!the && a.kind == a_word && a.is(af_upper)) keep(best, holiday_forms(i, the));
  return best;
}

hit grammar::weekday_date(size_t i) {
  hit none;
  if (!has(i, w_weekday) || at(i).has(w_plural) || !at(i).is(af_upper)) return none;
  size_t e = i + 1;
  if (at(i).has(w_abbr)) {
    if (!punct(e, '.') && !punct(e, ',')) return none;
    if (punct(e, '.')) ++e;
  }
  // Friday, Oct. 13 / Saturday 25 April: the explicit date decides.
  size_t k = punct(e, ',') ? e + 1 : e;
  hit d = month_date(k);
  if (!d.is_day()) d = day_month(k);
  if (d.is_day()) {
    d.begin = i;
    return d;
  }
  if (at(i).has(w_abbr) && !at(i).is(af_period)) return none;
  return date_hit(i, e, resolve_weekday(at(i).info->weekday, i, e));
}

hit grammar::month_date(size_t i) {
  hit none;
  int m;
  size_t e;
  if (!month_at(i, m, e)) return none;
  bool period = e > i + 1;
  int d, y;
  size_t e2;
  if (e < n_ && at(e).kind == a_number && day_at(e, d, e2)) {
    size_t k = punct(e2, ',') ? e2 + 1 : e2;
    hit h;
    if (year_at(k, y) && valid_day(y, m, d)) {
      h = date_hit(i, k + 1, ymd(y, m, d));
    } else if (valid_day(0, m, d)) {
      h = date_hit(i, e2, resolve_month_day(m, d, i, e2));
    } else {
      return none;
    }
    h.order = 1;
    return h;
  }
  size_t k = punct(e, ',') ? e + 1 : e;
  if (year_at(k, y)) {
    point p;
    p.g = gran::month;
    p.year = y;
    p.month = m;
    return date_hit(i, k + 1, p);
  }
  if (at(i).has(w_abbr) && !period) return none;
  if (at(i).has(w_risky)) {
    // "May" and "March" alone only after a word that introduces a date.
    if (i == 0) return none;
    static const char* const kIntro[] = {
        "in",  "since",  "until",   "till",  "by",   "of",    "through", "during", "from",
        "to",  "before", "after",   "early", "late", "mid",   "last",    "next",   "this",
        "and", "or",     "between", "last",  "each", "every", "that"};
    bool ok = false;
    for (const char* w : kIntro) ok = ok || word_is(i - 1, w);
    if (!ok || word_is(i + 1, "be") || word_is(i + 1, "have") || word_is(i + 1, "not")) return none;
  }
  return date_hit(i, e, resolve_month(m, i, e));
}

hit grammar::day_month(size_t i) {
  hit none;
  if (i >= n_) return none;
  bool word = at(i).kind != a_number;
  int d, m, y;
  size_t e, e2;
  if (!day_at(i, d, e)) return none;
  size_t k = e;
  if (is(k, kw::of))
    ++k;
  else if (word)
    return none;  // "the first of March", not "first March"
  if (!month_at(k, m, e2) || !valid_day(0, m, d)) return none;
  size_t y_at = punct(e2, ',') ? e2 + 1 : e2;
  hit h;
  if (year_at(y_at, y) && valid_day(y, m, d))
    h = date_hit(i, y_at + 1, ymd(y, m, d));
  else
    h = date_hit(i, e2, resolve_month_day(m, d, i, e2));
  h.order = 2;
  return h;
}

hit grammar::numeric(size_t i) {
  hit none;
  const atom& a = at(i);
  if (a.kind != a_number) return none;
  // ISO 8601: 2024-11-03
  if (a.shape == n_plain && a.digits == 4 && i + 2 < n_ && at(i + 1).is(af_hyphen) &&
      at(i + 2).is(af_hyphen) && at(i + 1).kind == a_number && at(i + 2).kind == a_number &&
      at(i + 1).digits == 2 && at(i + 2).digits == 2) {
    int y = a.num, m = at(i + 1).num, d = at(i + 2).num;
    if (!valid_day(y, m, d)) return none;
    return date_hit(i, i + 3, ymd(y, m, d));
  }
  // Dotted day-first dates: 07.06.2022
  if (a.shape == n_decimal) {
    std::string_view t = text_of(i);
    int part[3] = {0, 0, 0}, len[3] = {0, 0, 0}, k = 0;
    for (char c : t) {
      if (c == '.') {
        if (++k > 2) return none;
      } else {
        // Digits past the fourth are only counted: the part is refused
        // below, and multiplying them out would overflow an int.
        if (++len[k] <= 4) part[k] = part[k] * 10 + (c - '0');
      }
    }
    if (k != 2 || len[0] > 2 || len[1] > 2 || (len[2] != 4 && len[2] != 2)) return none;
    int y = len[2] == 2 ? two_digit_year(part[2]) : part[2];
    if (!valid_day(y, part[1], part[0])) return none;
    return date_hit(i, i + 1, ymd(y, part[1], part[0]));
  }
  // Slashed: 07/06/2022 (month first unless the article writes days first)
  if (a.shape != n_plain || a.digits > 2 || i + 4 >= n_ + 0) return none;
  if (!(punct(i + 1, '/') && at(i + 1).is(af_glued) && at(i + 2).kind == a_number &&
        at(i + 2).is(af_glued) && at(i + 2).digits <= 2 && punct(i + 3, '/') &&
        at(i + 3).is(af_glued) && i + 4 < n_ && at(i + 4).kind == a_number &&
        at(i + 4).is(af_glued) && (at(i + 4).digits == 4 || at(i + 4).digits == 2)))
    return none;
  int x = a.num, z = at(i + 2).num, y = at(i + 4).num;
  if (at(i + 4).digits == 2) y = two_digit_year(y);
  bool md = valid_day(y, x, z), dm = valid_day(y, z, x);
  if (!md && !dm) return none;
  hit h = date_hit(i, i + 5, md ? ymd(y, x, z) : ymd(y, z, x));
  if (md && dm && x != z) {
    h.ambiguous_numeric = true;
    h.alt_month = z;
    h.alt_day = x;
  } else if (md != dm) {
    h.order = md ? 3 : 4;  // an unambiguous numeric date votes for its convention
  }
  return h;
}

hit grammar::year_forms(size_t i, bool the) {
  hit none;
  if (i >= n_) return none;
  size_t b = the ? i - 1 : i;
  int y;
  // The '90s
  if (punct(i, '\'') && i + 2 < n_ && at(i + 1).kind == a_number && at(i + 1).is(af_glued) &&
      at(i + 1).digits == 2 && at(i + 1).num % 10 == 0 && word_is(i + 2, "s") &&
      at(i + 2).is(af_glued)) {
    int v = at(i + 1).num;
    int base = st_.has_anchor ? st_.anchor.year / 100 * 100 : 1900;
    int year = base + v;
    if (st_.has_anchor && year > st_.anchor.year) year -= 100;
    point p;
    p.g = gran::decade;
    p.year = year;
    return date_hit(b, i + 3, p);
  }
  // The nineties
  if (has(i, w_decade) && the) {
    int base = st_.has_anchor ? st_.anchor.year / 100 * 100 : 1900;
    int year = base + 10 * at(i).info->decade;
    if (st_.has_anchor && year > st_.anchor.year) year -= 100;
    point p;
    p.g = gran::decade;
    p.year = year;
    return date_hit(b, i + 1, p);
  }
  // The 20th century, the nineteenth century
  {
    int n = 0;
    size_t k = i;
    if (at(i).kind == a_number && at(i).digits <= 2 && i + 1 < n_ && at(i + 1).is(af_glued) &&
        (word_is(i + 1, "th") || word_is(i + 1, "st") || word_is(i + 1, "nd") ||
         word_is(i + 1, "rd"))) {
      n = at(i).num;
      k = i + 2;
    } else if (has(i, w_ord)) {
      n = at(i).info->ord;
      k = i + 1;
    }
    if (n > 0 && n <= 21 && has(k, w_unit) && at(k).info->u == unit::century &&
        !at(k).has(w_plural)) {
      point p;
      p.g = gran::century;
      p.year = (n - 1) * 100;
      if (p.year == 0) return none;
      return date_hit(b, k + 1, p);
    }
  }
  // Years in words: nineteen ninety-six, the year two thousand
  if (has(i, w_num) && i + 1 < n_) {
    int hi = at(i).info->num, year = 0;
    size_t e = i + 1;
    if (hi >= 11 && hi <= 20 && has(e, w_num) && at(e).info->num >= 10 && at(e).info->num <= 90 &&
        at(e).info->num % 10 == 0) {
      year = hi * 100 + at(e).info->num;
      ++e;
      if (has(e, w_num) && at(e).is(af_hyphen) && at(e).info->num < 10)
        year += at(e).info->num, ++e;
    } else if (hi == 2 && has(e, w_num) && at(e).info->num == 1000 && i > 1 &&
               word_is(i - 1, "year") && is(i - 2, kw::the)) {
      year = 2000;
      ++e;
      point p;
      p.g = gran::year;
      p.year = year;
      return date_hit(i - 2, e, p);
    }
    if (year && !has(e, w_unit)) {
      point p;
      p.g = gran::year;
      p.year = year;
      return date_hit(b, e, p);
    }
  }
  size_t k = i;
  bool fiscal = false;
  if (is(k, kw::fiscal)) {
    fiscal = true;
    ++k;
    if (has(k, w_unit) && at(k).info->u == unit::year) ++k;  // fiscal year 1990
  }
  if (!year_at(k, y, !fiscal && !the)) {
    // Years before 1900 need a preposition: "in 1848".
    if (!year_at(k, y) || k == 0 ||
        !(word_is(k - 1, "in") || word_is(k - 1, "since") || word_is(k - 1, "of") ||
          word_is(k - 1, "until") || word_is(k - 1, "from") || word_is(k - 1, "by") ||
          word_is(k - 1, "to") || word_is(k - 1, "before") || word_is(k - 1, "after")))
      return none;
  }
  // 1990s, the 1990s
  if (k + 1 < n_ && word_is(k + 1, "s") && at(k + 1).is(af_glued)) {
    if (y % 10 != 0) return none;
    point p;
    p.g = gran::decade;
    p.year = y;
    return date_hit(b, k + 2, p);
  }
  // The 1990's
  if (the && punct(k + 1, '\'') && at(k + 1).is(af_glued) && word_is(k + 2, "s") && y % 10 == 0) {
    point p;
    p.g = gran::decade;
    p.year = y;
    return date_hit(b, k + 3, p);
  }
  point p;
  p.g = gran::year;
  p.year = y;
  if (the) {
    // The 1988 period / quarter / third quarter / fiscal year / first half
    size_t m = k + 1;
    if (is(m, kw::fiscal)) ++m;
    if (has(m, w_ord) && (has(m + 1, w_unit) || is(m + 1, kw::half))) {
      hit q = quarter_forms(m, false);
      if (q.ok()) {
        q.p.year = y;
        q.begin = b;
        return q;
      }
    }
    if (is(m, kw::period) || (has(m, w_unit) && at(m).info->u == unit::quarter)) {
      if (st_.last_quarter.valid()) {
        point q = st_.last_quarter;
        q.year = y;
        hit h = date_hit(b, m + 1, q);
        h.derived = true;
        return h;
      }
      return date_hit(b, m + 1, p);
    }
    if (has(m, w_unit) && at(m).info->u == unit::year && !at(m).has(w_plural))
      return date_hit(b, m + 1, p);
    return none;
  }
  return date_hit(i, k + 1, p);
}

hit grammar::quarter_forms(size_t i, bool the) {
  hit none;
  if (i >= n_) return none;
  size_t b = the ? i - 1 : i;
  size_t k = i;
  if (is(k, kw::fiscal)) ++k;
  point p;
  size_t e = 0;
  std::string_view w = k < n_ ? text_of(k) : std::string_view();
  if (k < n_ && at(k).kind == a_word && w.size() == 2 && (w[0] == 'Q' || w[0] == 'H') &&
      w[1] >= '1' && w[1] <= (w[0] == 'Q' ? '4' : '2')) {
    p.g = w[0] == 'Q' ? gran::quarter : gran::half;
    p.part = w[1] - '0';
    e = k + 1;
  } else if (has(k, w_ord) || (has(k, w_shift) && at(k).info->shift == -1 && word_is(k, "last"))) {
    int ord = has(k, w_ord) ? at(k).info->ord : 0;
    size_t u = k + 1;
    if (is(u, kw::fiscal)) ++u;
    if (has(u, w_unit) && at(u).info->u == unit::quarter && !at(u).has(w_plural) && ord >= 1 &&
        ord <= 4) {
      p.g = gran::quarter;
      p.part = ord;
      e = u + 1;
    } else if (is(u, kw::half) && (ord == 1 || ord == 2 || ord == 0)) {
      p.g = gran::half;
      p.part = ord == 0 ? 2 : ord;
      e = u + 1;
    } else if (ord == 1 && u < n_ && at(u).kind != a_number && has(u, w_num) &&
               at(u).info->num == 2 && has(u + 1, w_unit) && at(u + 1).info->u == unit::quarter) {
      p.g = gran::half;  // the first two quarters
      p.part = 1;
      e = u + 2;
    } else {
      return none;
    }
  } else {
    return none;
  }
  // of 1990, of next year, 1990, of fiscal 1990
  size_t y_at = e;
  if (is(y_at, kw::of) || word_is(y_at, "in")) ++y_at;
  int y;
  if (is(y_at, kw::fiscal)) ++y_at;
  if (year_at(y_at, y)) {
    p.year = y;
    return date_hit(b, y_at + 1, p);
  }
  if (y_at > e && (has(y_at, w_shift) || is(y_at, kw::the)) && has(y_at + 1, w_unit) &&
      at(y_at + 1).info->u == unit::year && !at(y_at + 1).has(w_plural)) {
    int s = is(y_at, kw::the) ? 0 : at(y_at).info->shift;
    point yr = period_of(st_.anchor_days, gran::year);
    p.year = st_.has_anchor ? yr.year + s : 0;
    return date_hit(b, y_at + 2, p);
  }
  if (p.g == gran::quarter) {
    p = resolve_quarter(p.part);
  } else if (st_.has_anchor) {
    p.year = st_.anchor.year;
  }
  return date_hit(b, e, p);
}

hit grammar::season_forms(size_t i, bool the) {
  hit none;
  if (!has(i, w_season) || at(i).has(w_plural)) return none;
  size_t b = the ? i - 1 : i;
  int s = at(i).info->season;
  size_t e = i + 1;
  size_t y_at = is(e, kw::of) ? e + 1 : e;
  int y;
  point p;
  p.g = gran::season;
  p.part = s;
  if (year_at(y_at, y)) {
    p.year = y;
    return date_hit(b, y_at + 1, p);
  }
  if (at(i).has(w_risky) && the &&
      !(i > 1 && (word_is(i - 2, "in") || word_is(i - 2, "during") || word_is(i - 2, "by") ||
                  word_is(i - 2, "since") || word_is(i - 2, "until") || word_is(i - 2, "over") ||
                  word_is(i - 2, "through"))))
    return none;  // "the spring is loose"
  if (at(i).has(w_risky) && !the && !at(i).is(af_upper)) {
    bool ok =
        i > 0 && (word_is(i - 1, "in") || word_is(i - 1, "this") || word_is(i - 1, "last") ||
                  word_is(i - 1, "next") || word_is(i - 1, "early") || word_is(i - 1, "late") ||
                  word_is(i - 1, "since") || word_is(i - 1, "until") || word_is(i - 1, "by") ||
                  word_is(i - 1, "during") || word_is(i - 1, "mid") || word_is(i - 1, "every"));
    if (!ok) return none;
  }
  if (at(i).has(w_risky) && at(i).is(af_upper) && !the && i > 0 &&
      !(word_is(i - 1, "in") || word_is(i - 1, "this") || word_is(i - 1, "last") ||
        word_is(i - 1, "next") || word_is(i - 1, "by") || word_is(i - 1, "since")))
    return none;
  return date_hit(b, e, resolve_season(s, i, e));
}

hit grammar::holiday_forms(size_t i, bool the) {
  hit none;
  if (i >= n_ || the) return none;
  std::string_view name;
  size_t e = i + 1;
  if (has(i, w_holiday) && at(i).is(af_upper) && !at(i).has(w_risky)) {
    name = at(i).info->holiday;
    if (word_is(e, "day") || word_is(e, "sunday") || word_is(e, "eve")) {
      if (word_is(e, "eve") && name == "12-25") name = "12-24";
      ++e;
    }
  } else if (at(i).is(af_upper) && word_is(i + 1, "day") && at(i + 1).is(af_upper)) {
    if (word_is(i, "election"))
      name = "election";
    else if (word_is(i, "independence"))
      name = "07-04";
    else if (word_is(i, "memorial"))
      name = "memorial";
    else if (word_is(i, "labor") || word_is(i, "labour"))
      name = "labor";
    else if (word_is(i, "valentine's"))
      name = "02-14";
    else if (word_is(i, "halloween"))
      name = "10-31";
    else
      return none;
    e = i + 2;
  } else if (word_is(i, "new") && at(i).is(af_upper) && word_is(i + 1, "year's") &&
             (word_is(i + 2, "day") || word_is(i + 2, "eve"))) {
    name = word_is(i + 2, "day") ? "01-01" : "12-31";
    e = i + 3;
  } else {
    return none;
  }
  int y;
  long days;
  point p;
  p.g = gran::day;
  if (year_at(e, y) && holiday(name, y, days)) return date_hit(i, e + 1, day_point(days));
  if (!st_.has_anchor) return none;
  long cand[3];
  int count = 0;
  for (int yy = st_.anchor.year - 1; yy <= st_.anchor.year + 1; ++yy)
    if (holiday(name, yy, days)) cand[count++] = days;
  if (!count) return none;
  int dir = direction(i, e);
  long best = cand[0];
  long best_d = -1;
  for (int k = 0; k < count; ++k) {
    long c = cand[k];
    if ((dir < 0 && c > st_.anchor_days) || (dir > 0 && c < st_.anchor_days)) continue;
    long d = c > st_.anchor_days ? c - st_.anchor_days : st_.anchor_days - c;
    if (best_d < 0 || d < best_d) best = c, best_d = d;
  }
  return date_hit(i, e, day_point(best));
}

}  // namespace quoteline::time
