// The date grammar: recursive descent over the atoms of one block. Each
// pattern family lives in its own file (calendar dates, clock times,
// relative and fuzzy forms, durations and sets); `parse` tries them all at
// one atom and keeps the longest expression.
#pragma once

#include <string_view>
#include <vector>

#include "quoteline/analysis.h"
#include "text/calendar.h"
#include "text/document.h"
#include "time/atoms.h"
#include "time/value.h"

namespace quoteline::time {

// What the grammar found: an atom range and a typed value.
struct hit {
  size_t begin = 0, end = 0;  // atoms [begin, end)
  timex_type type = timex_type::date;
  point p;                   // DATE and TIME values, and SETs like XXXX-WXX-1
  duration d;                // DURATION values, and SETs like P1D
  std::string_view literal;  // PRESENT_REF, PAST_REF, FUTURE_REF, set adverbs...
  std::string_view mod;
  bool ambiguous_numeric = false;  // 07/06/2022: the article's conventions decide
  int alt_month = 0, alt_day = 0;  // the other reading of an ambiguous numeric date
  bool derived = false;            // read from other mentions ("a year earlier"): not remembered
  int order = 0;  // a textual date's order: 1 "June 5" (month first), 2 "5 June" (day first)
  bool ok() const { return end > begin; }
  bool is_day() const {
    return type == timex_type::date && literal.empty() && p.g == gran::day && p.month > 0;
  }
};

// What the document tells the grammar: its anchor, and what was mentioned
// last (for "that day", "the following year", "a year earlier").
struct doc_state {
  bool has_anchor = false;
  long anchor_days = 0;
  text::civil anchor;
  point last_day;      // the last explicit day
  point last_quarter;  // the last quarter (financial reports compare with it)
  int last_year = 0;
  point last_point;                    // the last explicit point of any granularity
  int day_first = 0, month_first = 0;  // votes from textual dates ("5 June" vs "June 5")
  int numeric_day_first = 0, numeric_month_first = 0;  // unambiguous 25/12 or 12/25
};

std::string value_of(const hit& h);

// Words that may sit between an amount and its unit: "two more weeks",
// "eight trading days", "20 straight years".
bool filler(std::string_view w);

class grammar {
 public:
  grammar(const text::document& d, const std::vector<atom>& atoms, doc_state& st)
      : doc_(d), a_(atoms), n_(atoms.size()), st_(st) {}

  // The longest expression starting at atom i (not ok() when there is none).
  hit parse(size_t i);
  // False when atom i is a function word that cannot open an expression
  // before the next atom ("the" before a plain noun): a cheap first test.
  bool worth(size_t i) const;
  // Byte extent of a hit, widened to whole hyphenated words.
  span extent(const hit& h) const;

 private:
  // --- shared helpers (grammar.cpp)
  const atom& at(size_t i) const { return a_[i]; }
  bool has(size_t i, uint32_t f) const { return i < n_ && a_[i].has(f); }
  bool is(size_t i, kw k) const { return i < n_ && a_[i].is(k); }
  bool punct(size_t i, char c) const { return i < n_ && a_[i].punct(c); }
  // Case-insensitive test of the atom's text (lengths first: most differ).
  bool word_is(size_t i, std::string_view w) const {
    return i < n_ && a_[i].end - a_[i].start == w.size() && a_[i].kind == a_word && same_word(i, w);
  }
  bool same_word(size_t i, std::string_view w) const;
  std::string_view text_of(size_t i) const;
  // A cardinal amount at i: digits, number words, "a", "a few" (n = -1)...
  bool amount(size_t i, int& n, bool& half, size_t& end) const;
  // A plausible four-digit year at i.
  bool year_at(size_t i, int& year, bool strict = false) const;
  // Day of month at i: "22", "22nd", "22 nd"; end after it.
  bool day_at(size_t i, int& day, size_t& end) const;
  // Month name at i; end after any period.
  bool month_at(size_t i, int& month, size_t& end) const;
  // Tense of the sentence around atoms [b, e): -1 past, 1 future, 2 present, 0 none.
  int tense(size_t b, size_t e) const;
  // Which way a bare weekday / month reads from the anchor.
  int direction(size_t b, size_t e) const;
  point anchor_day() const;
  // The resolvers read the tense of atoms [b, e) only when the anchor alone
  // does not settle the reading (most dates are near their anchor).
  point resolve_weekday(int weekday, size_t b, size_t e) const;
  point resolve_month(int month, size_t b, size_t e) const;
  point resolve_month_day(int month, int day, size_t b, size_t e) const;
  point resolve_quarter(int q) const;
  point resolve_season(int season, size_t b, size_t e) const;
  point reference(gran g) const;  // the last mentioned period of g, else the anchor's

  // --- pattern families
  hit core(size_t i);
  hit bounded(size_t i);             // about / more than / at least + core
  hit calendar(size_t i, bool the);  // grammar_dates.cpp
  hit weekday_date(size_t i);
  hit month_date(size_t i);
  hit day_month(size_t i);
  hit numeric(size_t i);
  hit year_forms(size_t i, bool the);
  hit quarter_forms(size_t i, bool the);
  hit season_forms(size_t i, bool the);
  hit holiday_forms(size_t i, bool the);
  hit clock(size_t i);  // grammar_clock.cpp
  bool clock_time(size_t i, int& hour, int& minute, size_t& end, bool& midnight) const;
  hit attach(hit h);
  hit relative(size_t i, bool the);  // grammar_relative.cpp
  hit deictic(size_t i);
  hit refs(size_t i, bool the);
  hit shifted(size_t i, bool the);
  hit anaphora(size_t i, bool the);
  hit edges(size_t i, bool the);
  hit fuzzy(size_t i, bool the);
  hit periods(size_t i, bool the);   // the quarter, the year, the weekend
  hit year_ago(size_t i, bool the);  // the year-earlier quarter, year-ago
  point weekend(int dir) const;
  point this_weekday(int weekday, size_t b, size_t e) const;
  hit span_forms(size_t i, bool the);  // grammar_spans.cpp (durations)
  hit sets(size_t i);

  const text::document& doc_;
  const std::vector<atom>& a_;
  size_t n_;
  doc_state& st_;
  int depth_ = 0;  // nesting of core(): "early early early ..." stays shallow
};

}  // namespace quoteline::time
