// Shared grammar helpers: amounts, years, days, months, tense, and the
// resolution of underspecified dates against the anchor.
#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "text/tokens.h"
#include "time/grammar.h"

namespace quoteline::time {

// Words that may sit between an amount and its unit: "two more weeks",
// "eight trading days", "20 straight years".
bool filler(std::string_view w) {
  // By first letter: filler() is asked about many plain words.
  if (w.size() < 4 || w.size() > 11) return false;
  auto eq = [w](std::string_view k) {
    if (w.size() != k.size()) return false;
    for (size_t i = 1; i < k.size(); ++i)
      if ((w[i] | 0x20) != k[i]) return false;
    return true;
  };
  switch (w[0] | 0x20) {
    case 'a':
      return eq("additional");
    case 'b':
      return eq("business");
    case 'c':
      return eq("consecutive") || eq("calendar");
    case 'e':
      return eq("extra");
    case 'f':
      return eq("full") || eq("further") || eq("fiscal");
    case 'l':
      return eq("long");
    case 'm':
      return eq("more");
    case 's':
      return eq("straight") || eq("school") || eq("successive");
    case 't':
      return eq("trading");
    case 'w':
      return eq("whole") || eq("working");
    default:
      return false;
  }
}

std::string value_of(const hit& h) {
  if (!h.literal.empty()) return std::string(h.literal);
  if (h.type == timex_type::duration) return format(h.d);
  if (h.type == timex_type::set && !h.p.valid()) return format(h.d);
  return format(h.p);
}

std::string_view grammar::text_of(size_t i) const {
  return std::string_view(doc_.text).substr(a_[i].start, a_[i].end - a_[i].start);
}

bool grammar::same_word(size_t i, std::string_view w) const {
  return text::iequals(text_of(i), w);
}

span grammar::extent(const hit& h) const {
  // Whole hyphenated words: a match inside "five-year-old" covers the word.
  auto first_of = [&](size_t k) {
    while (k > 0 && at(k).is(af_hyphen)) --k;
    return k;
  };
  auto last_of = [&](size_t k) {
    while (k + 1 < n_ && at(k + 1).is(af_hyphen)) ++k;
    return k;
  };
  size_t b = h.begin, last = h.end - 1;
  // TimeML leaves an article before an adjectival compound outside:
  // "the [third-quarter] results", "the [two-week] trip".
  if (is(b, kw::the) && last > b + 1 && at(last).is(af_hyphen) && first_of(last) == b + 1) ++b;
  size_t e = last_of(last);
  span s{at(first_of(b)).start, at(e).end};
  // A possessive stays outside: "[Friday]'s meeting".
  if (e == last && at(last).is(af_possessive)) {
    std::string_view t = text_of(last);
    s.end -= t.size() >= 4 && t[t.size() - 2] != '\'' ? 4 : 2;
  }
  return s;
}

bool grammar::amount(size_t i, int& n, bool& half, size_t& end) const {
  half = false;
  if (i >= n_) return false;
  const atom& a = at(i);
  size_t j = i + 1;
  if (a.kind == a_number) {
    if (a.shape == n_grouped && a.num > 0) {
      n = a.num;
    } else if (a.shape == n_plain && a.num >= 0 && a.digits <= 6) {
      n = a.num;
    } else if (a.shape == n_decimal && a.minutes >= 0 && a.num >= 0) {
      // 1.5 years: only the half is kept
      std::string_view t = text_of(i);
      size_t dot = t.find('.');
      if (t.substr(dot + 1) != "5") return false;
      n = a.num;
      half = true;
    } else {
      return false;
    }
    // "2 1/2"
    if (j + 2 < n_ + 0 && at(j).kind == a_number && at(j).num == 1 && punct(j + 1, '/') &&
        j + 2 < n_ && at(j + 2).kind == a_number && at(j + 2).num == 2) {
      half = true;
      j += 3;
    }
  } else if (a.has(w_num) && !a.has(w_plural)) {
    n = a.info->num;
    // twenty four, twenty-four, one hundred
    if (n >= 20 && n < 100 && n % 10 == 0 && has(j, w_num) && at(j).info->num < 10) {
      n += at(j).info->num;
      ++j;
    }
    if (has(j, w_num) && (at(j).info->num == 100 || at(j).info->num == 1000)) {
      n *= at(j).info->num;
      ++j;
    }
  } else if (a.is(kw::a)) {
    // a, a few, a couple of, a dozen, a half
    if (is(j, kw::few)) {
      n = -1;
      ++j;
    } else if (is(j, kw::couple)) {
      n = 2;
      ++j;
      if (is(j, kw::of)) ++j;
    } else if (has(j, w_num) && at(j).info->num >= 12) {
      n = at(j).info->num;
      ++j;
    } else if (is(j, kw::half)) {
      n = 0;
      half = true;
      ++j;
    } else {
      n = 1;
    }
  } else if (a.is(kw::few) || a.is(kw::several) || a.is(kw::many)) {
    n = -1;
  } else if (a.is(kw::half) && (is(j, kw::a))) {
    n = 0;  // half an hour
    half = true;
    ++j;
  } else if (a.is(kw::couple) && is(j, kw::of)) {
    n = 2;
    j += 1;
  } else {
    return false;
  }
  // "two and a half", "one and a half"
  if (!half && is(j, kw::and_) && is(j + 1, kw::a) && is(j + 2, kw::half) && n > 0) {
    half = true;
    j += 3;
  }
  // Ranges keep their lower end: "two to three weeks", "12 to 18 months".
  if ((is(j, kw::to) || is(j, kw::or_) || (j < n_ && at(j).is(af_hyphen))) && j + 1 <= n_) {
    size_t k = is(j, kw::to) || is(j, kw::or_) ? j + 1 : j;
    int m;
    bool h2;
    size_t e2;
    if (k < n_ && k != i && (at(k).kind == a_number || has(k, w_num)) && amount(k, m, h2, e2) &&
        m > n && !(k == j && at(k).kind != at(i).kind)) {
      j = e2;
    }
  }
  end = j;
  return true;
}

bool grammar::year_at(size_t i, int& year, bool strict) const {
  if (i >= n_) return false;
  const atom& a = at(i);
  if (a.kind != a_number || a.shape != n_plain || a.digits != 4) return false;
  if (a.num < 1000 || a.num > 2199) return false;
  if (strict && (a.num < 1900 || a.num > 2099)) return false;
  // Not a quantity or a price: "$1990", "1990 people", "2000%".
  if (i > 0 && (punct(i - 1, '$') || punct(i - 1, '#') || at(i - 1).punct('\x01'))) return false;
  if (i + 1 < n_ && (punct(i + 1, '%') || word_is(i + 1, "percent"))) return false;
  if (i + 1 < n_ && at(i + 1).is(af_glued) && at(i + 1).kind == a_word && !word_is(i + 1, "s") &&
      !(at(i + 1).is(af_hyphen)))
    return false;
  year = a.num;
  return true;
}

bool grammar::day_at(size_t i, int& day, size_t& end) const {
  if (i >= n_) return false;
  const atom& a = at(i);
  if (a.kind == a_number && a.shape == n_plain && a.digits <= 2 && a.num >= 1 && a.num <= 31) {
    day = a.num;
    end = i + 1;
    if (end < n_ && at(end).is(af_glued) &&
        (word_is(end, "st") || word_is(end, "nd") || word_is(end, "rd") || word_is(end, "th")))
      ++end;
    return true;
  }
  if (a.has(w_ord) && a.info->ord <= 31) {
    day = a.info->ord;
    end = i + 1;
    return true;
  }
  return false;
}

bool grammar::month_at(size_t i, int& month, size_t& end) const {
  if (!has(i, w_month)) return false;
  const atom& a = at(i);
  month = a.info->month;
  end = i + 1;
  if (a.has(w_abbr)) {
    if (!a.is(af_upper)) return false;
    if (punct(end, '.') && at(end).is(af_glued)) ++end;
  } else if (!a.is(af_upper)) {
    // Lowercase month names only in all-lowercase text are rare; require capitals.
    return false;
  }
  return true;
}

// --- tense ---------------------------------------------------------------

namespace {

bool ends_with_ed(std::string_view w) {
  size_t n = w.size();
  return n > 4 && w[n - 2] == 'e' && w[n - 1] == 'd' && w[n - 3] != 'e';
}

}  // namespace

int grammar::tense(size_t b, size_t e) const {
  if (b >= n_) return 0;
  // The sentence's atoms: the block holds them (a header block has no
  // sentences and reads as one).
  int sent = text::sentence_at(doc_, at(b).start);
  uint32_t lo = sent >= 0 ? doc_.sentences[size_t(sent)].start : 0;
  uint32_t hi = sent >= 0 ? doc_.sentences[size_t(sent)].end : UINT32_MAX;
  auto by_start = [](const atom& x, uint32_t p) { return x.start < p; };
  size_t first = size_t(std::lower_bound(a_.begin(), a_.end(), lo, by_start) - a_.begin());
  size_t stop = size_t(std::lower_bound(a_.begin(), a_.end(), hi, by_start) - a_.begin());
  const std::vector<atom>& v = a_;
  size_t sb = b, se = e;
  auto word_at = [&](size_t k) {
    return std::string_view(doc_.text).substr(v[k].start, v[k].end - v[k].start);
  };
  // The nearest cue wins. Cues after the expression count double (English
  // puts the verb first), "-ed" guesses and reporting verbs that are not
  // right next to the expression count as weaker.
  int best = 0;
  size_t best_cost = size_t(-1);
  auto consider = [&](size_t k, size_t dist, bool after) {
    const atom& a = v[k];
    if (a.kind != a_word) return;
    int t = 0;
    size_t penalty = 0;
    std::string_view w = word_at(k);
    if (a.has(w_tense)) {
      t = a.info->tense;
      bool reporting = text::iequals(w, "said") || text::iequals(w, "says") ||
                       text::iequals(w, "say") || text::iequals(w, "told");
      if (reporting && (after || dist > 2)) penalty = 8;
    } else if (!a.is(af_upper) && !a.is(af_hyphen)) {
      if (w.size() > 3 && w.substr(w.size() - 3) == "'ll")
        t = 1;
      else if (ends_with_ed(w))
        t = -1, penalty = 3;
    }
    // "will be held": a participle after "be" takes the modal's tense.
    if (t == -1 && k > 0 && v[k - 1].kind == a_word &&
        (text::iequals(word_at(k - 1), "be") || text::iequals(word_at(k - 1), "being")))
      return;
    if (!t) return;
    size_t cost = (after ? 2 * dist : dist) + penalty;
    if (cost < best_cost) best = t, best_cost = cost;
  };
  // Cues further than kReach atoms away belong to other clauses (and a
  // paragraph without stops must not make this quadratic).
  constexpr size_t kReach = 40;
  for (size_t k = sb; k-- > first && sb - k <= kReach;) consider(k, sb - k, false);
  for (size_t k = se; k < stop && k - se < kReach; ++k) consider(k, k - se + 1, true);
  return best;
}

int grammar::direction(size_t b, size_t e) const {
  int t = tense(b, e);
  return t == 2 ? 0 : t;
}

// --- resolution ----------------------------------------------------------

point grammar::anchor_day() const {
  if (!st_.has_anchor) {
    point p;
    p.g = gran::day;
    return p;
  }
  return day_point(st_.anchor_days);
}

point grammar::resolve_weekday(int weekday, size_t b, size_t e) const {
  point p;
  p.g = gran::day;
  if (!st_.has_anchor) {
    p.weekday = weekday;
    return p;
  }
  long a = st_.anchor_days;
  int aw = text::weekday(st_.anchor.year, st_.anchor.month, st_.anchor.day);
  if (aw == weekday) return day_point(a);
  long back = a - (aw - weekday + 7) % 7;
  long ahead = a + (weekday - aw + 7) % 7;
  // News reports mostly look back: only a future cue sends a weekday ahead.
  return day_point(direction(b, e) > 0 ? ahead : back);
}

namespace {

// Of the candidates, the one nearest to `a` that agrees with the direction
// (or the nearest of all when none agrees). Ties go to the past.
long pick(const long* cand, int count, long a, int dir) {
  long best = 0;
  long best_d = -1;
  for (int pass = 0; pass < 2 && best_d < 0; ++pass) {
    for (int k = 0; k < count; ++k) {
      long c = cand[k];
      if (pass == 0 && ((dir < 0 && c > a) || (dir > 0 && c < a))) continue;
      long d = std::labs(c - a) * 2 + (c > a ? 1 : 0);
      if (best_d < 0 || d < best_d) best = c, best_d = d;
    }
  }
  return best;
}

}  // namespace

point grammar::resolve_month(int month, size_t b, size_t e) const {
  point p;
  p.g = gran::month;
  p.month = month;
  if (!st_.has_anchor) return p;
  long a = long(st_.anchor.year) * 12 + st_.anchor.month - 1;
  long cand[3];
  for (int k = 0; k < 3; ++k) cand[k] = long(st_.anchor.year - 1 + k) * 12 + month - 1;
  long c = pick(cand, 3, a, 0);
  if (std::labs(c - a) > 2) c = pick(cand, 3, a, direction(b, e));  // near months need no tense
  p.year = int(c / 12);
  return p;
}

point grammar::resolve_month_day(int month, int day, size_t b, size_t e) const {
  point p;
  p.g = gran::day;
  p.month = month;
  p.day = day;
  if (!st_.has_anchor) return p;
  long cand[3];
  int count = 0;
  for (int y = st_.anchor.year - 1; y <= st_.anchor.year + 1; ++y)
    if (day <= text::days_in_month(y, month)) cand[count++] = text::days_from_civil(y, month, day);
  if (!count) return p;
  // A date within four months of the anchor is the nearest one; further
  // away, the tense decides ("Oct. 23" in a May article that says "was").
  long near = pick(cand, count, st_.anchor_days, 0);
  if (std::labs(near - st_.anchor_days) <= 120) return day_point(near);
  return day_point(pick(cand, count, st_.anchor_days, direction(b, e)));
}

point grammar::resolve_quarter(int q) const {
  point p;
  p.g = gran::quarter;
  p.part = q;
  if (!st_.has_anchor) return p;
  // Quarters are reported after they end: the latest one not after the
  // anchor's ("the first quarter" in October is this year's).
  int current = (st_.anchor.month - 1) / 3 + 1;
  p.year = q <= current ? st_.anchor.year : st_.anchor.year - 1;
  return p;
}

point grammar::resolve_season(int season, size_t b, size_t e) const {
  point p;
  p.g = gran::season;
  p.part = season;
  if (!st_.has_anchor) return p;
  point now = period_of(st_.anchor_days, gran::season);
  long a = long(now.year) * 4 + now.part - 1;
  long cand[3];
  for (int k = 0; k < 3; ++k) cand[k] = long(now.year - 1 + k) * 4 + season - 1;
  long c = pick(cand, 3, a, 0);
  if (c != a) c = pick(cand, 3, a, direction(b, e));  // the current season needs no tense
  p.year = int(c / 4);
  return p;
}

point grammar::reference(gran g) const {
  if (g == gran::day && st_.last_day.valid()) return st_.last_day;
  if (g == gran::quarter && st_.last_quarter.valid()) return st_.last_quarter;
  if (!st_.has_anchor) {
    point p;
    p.g = g;
    return p;
  }
  if (g == gran::year && st_.last_year) {
    point p;
    p.g = gran::year;
    p.year = st_.last_year;
    return p;
  }
  if (st_.last_day.valid() && g != gran::year) {
    long d;
    if (first_day(st_.last_day, d)) return period_of(d, g);
  }
  return period_of(st_.anchor_days, g);
}

// --- the entry point -------------------------------------------------------

namespace {

void keep_longest(hit& best, const hit& h) {
  if (h.ok() && h.end > best.end) best = h;
}

}  // namespace

hit grammar::core(size_t i) {
  bool the = is(i, kw::the);
  size_t j = the ? i + 1 : i;
  hit best;
  // Fuzzy and edge forms nest ("the end of early next year"); real ones are
  // shallow, and a bound keeps hostile repetitions linear.
  if (j >= n_ || depth_ >= 4) return best;
  struct nest {
    int& d;
    explicit nest(int& x) : d(++x) {}
    ~nest() { --d; }
  } guard(depth_);
  // Each family only where its first atom can be: most atoms rule out most.
  const atom& a = at(j);
  bool number = a.kind == a_number, word = a.kind == a_word;
  if (number || word || a.punct('\'')) keep_longest(best, calendar(j, the));
  if (!the && (number || a.is(kw::noon) || a.is(kw::midnight))) keep_longest(best, clock(j));
  if (word) keep_longest(best, relative(j, the));
  if (number || word) keep_longest(best, span_forms(j, the));
  if (!the && (number || word)) keep_longest(best, sets(j));
  if (!best.ok()) return best;
  return attach(best);
}

hit grammar::bounded(size_t i) {
  hit none;
  if (i >= n_) return none;
  std::string_view mod;
  size_t j = i;
  const atom& a = at(i);
  if (a.has(w_approx)) {
    mod = a.info->approx;
    j = i + 1;
  } else if ((a.is(kw::more) || a.is(kw::less)) && is(i + 1, kw::than)) {
    mod = a.is(kw::more) ? "MORE_THAN" : "LESS_THAN";
    j = i + 2;
  } else if (word_is(i, "at") && (is(i + 1, kw::least) || is(i + 1, kw::most))) {
    mod = is(i + 1, kw::least) ? "EQUAL_OR_MORE" : "EQUAL_OR_LESS";
    j = i + 2;
  } else if (a.is(kw::up) && is(i + 1, kw::to)) {
    mod = "EQUAL_OR_LESS";
    j = i + 2;
  } else if (a.is(kw::no) && (is(i + 1, kw::more) || is(i + 1, kw::less)) && is(i + 2, kw::than)) {
    mod = is(i + 1, kw::more) ? "EQUAL_OR_LESS" : "EQUAL_OR_MORE";
    j = i + 3;
  } else {
    return none;
  }
  if (j >= n_ || is(j, kw::the)) return none;
  hit h = core(j);
  if (!h.ok() || h.begin != j) return none;
  bool numeric_start = at(j).kind == a_number || has(j, w_num) || is(j, kw::a) || is(j, kw::few) ||
                       is(j, kw::several) || is(j, kw::half);
  if (h.type == timex_type::duration) {
    if (!numeric_start) return none;
  } else if (h.type == timex_type::set) {
    return none;
  } else if (mod != "APPROX" || !h.literal.empty()) {
    // "about 7:15", "around Nov. 1"; bounds other than approximation only
    // bind durations and "ago" dates.
    if (!numeric_start) return none;
  }
  if (a.is(kw::some) && !(at(j).kind == a_number || has(j, w_num))) return none;
  h.begin = i;
  if (h.mod.empty()) h.mod = mod;
  return h;
}

bool grammar::worth(size_t i) const {
  const atom& a = at(i);
  size_t j = i + 1;
  if (a.kind == a_number || (a.has(w_num) && !a.has(w_ord))) {
    // A number opens only before what can follow an amount, a day or a
    // year: "$5.2 million" and "12%" need no grammar.
    if (a.kind == a_number && (a.shape == n_clock || (a.shape == n_plain && a.digits == 4) ||
                               (a.shape == n_decimal && a.minutes < 0)))
      return true;  // 10:29, 1990, 07.06.2022
    if (j >= n_) return false;
    const atom& x = at(j);
    if (x.kind == a_number) return true;
    if (x.kind == a_punct) return x.ch == '/' || x.ch == '\'';
    if (!x.info)
      return filler(text_of(j)) || word_is(j, "st") || word_is(j, "nd") || word_is(j, "rd") ||
             word_is(j, "th");
    return x.has(w_unit | w_month | w_ampm | w_zone | w_num | w_ord | w_pod | w_weekday) ||
           x.is(kw::times) || x.is(kw::oclock) || x.is(kw::to) || x.is(kw::or_) || x.is(kw::and_) ||
           x.is(kw::in) || x.is(kw::of) || x.is(kw::more) || x.is(kw::half) || x.is(kw::qual) ||
           x.is(kw::fiscal) || x.is(kw::a);
  }
  if (!a.info || a.info->k == kw::none) return true;
  bool number = j < n_ && (at(j).kind == a_number || has(j, w_num));
  switch (a.info->k) {
    case kw::the:
      return j < n_ && (has(j, w_opens) || at(j).kind == a_number || at(j).punct('\'') ||
                        is(j, kw::qual) || (at(j).kind == a_word && at(j).end - at(j).start == 2));
    case kw::a:
      return has(j, w_unit) || number || is(j, kw::few) || is(j, kw::couple) || is(j, kw::half) ||
             is(j, kw::fiscal) || is(j, kw::qual) ||
             (j < n_ && at(j).kind == a_word && filler(text_of(j)));
    case kw::that:
      return has(j, w_unit) || is(j, kw::same) || is(j, kw::period);
    case kw::at:
      return is(j, kw::least) || is(j, kw::most);
    case kw::more:
    case kw::less:
      return is(j, kw::than);
    case kw::up:
      return is(j, kw::to);
    case kw::no:
      return is(j, kw::more) || is(j, kw::less);
    case kw::right:
      return word_is(j, "now");
    case kw::some:
      return number || has(j, w_unit) || is(j, kw::time);
    case kw::new_:
      return word_is(j, "year's");
    case kw::these:
      return word_is(j, "days");
    default:
      return true;
  }
}

hit grammar::parse(size_t i) {
  hit best = core(i);
  keep_longest(best, bounded(i));
  return best;
}

}  // namespace quoteline::time
