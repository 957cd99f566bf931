#include "input/timestamp.h"

#include <vector>

#include "text/tokens.h"

namespace quoteline::input {

namespace {

struct piece {
  std::string_view s;
  bool number;
};

// Splits into digit runs, letter runs (with periods, for "a.m."), and
// single punctuation characters; spaces separate.
std::vector<piece> pieces(std::string_view s) {
  std::vector<piece> out;
  size_t i = 0;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  while (i < s.size() && out.size() < 40) {
    char c = s[i];
    size_t j = i + 1;
    if (digit(c)) {
      while (j < s.size() && digit(s[j])) ++j;
      out.push_back({s.substr(i, j - i), true});
    } else if (alpha(c)) {
      while (j < s.size() && (alpha(s[j]) || (s[j] == '.' && j + 1 < s.size() && alpha(s[j + 1]))))
        ++j;
      if (j < s.size() && s[j] == '.') ++j;  // "a.m." and "Sept."
      out.push_back({s.substr(i, j - i), false});
    } else if (c != ' ' && c != '\t') {
      out.push_back({s.substr(i, 1), false});
    }
    i = j;
  }
  if (i < s.size()) out.clear();  // absurdly long: not a timestamp line
  return out;
}

int number(std::string_view s) {
  if (s.size() > 6) return -1;  // checked first: more digits overflow an int
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

struct zone {
  const char* name;
  int minutes;
};
constexpr zone kZones[] = {
    {"utc", 0},    {"gmt", 0},    {"z", 0},      {"wet", 0},    {"bst", 60},   {"cet", 60},
    {"west", 60},  {"cest", 120}, {"eet", 120},  {"eest", 180}, {"msk", 180},  {"ist", 330},
    {"cst", -360}, {"cdt", -300}, {"est", -300}, {"edt", -240}, {"mst", -420}, {"mdt", -360},
    {"pst", -480}, {"pdt", -420}, {"jst", 540},  {"kst", 540},  {"hkt", 480},  {"sgt", 480},
    {"aest", 600}, {"aedt", 660},
};

bool zone_name(std::string_view w, int& minutes) {
  for (const zone& z : kZones)
    if (text::iequals(w, z.name)) return minutes = z.minutes, true;
  return false;
}

class cursor {
 public:
  explicit cursor(std::vector<piece> p) : p_(std::move(p)) {}
  bool done() const { return i_ >= p_.size(); }
  const piece* peek(size_t k = 0) const { return i_ + k < p_.size() ? &p_[i_ + k] : nullptr; }
  bool is(std::string_view s, size_t k = 0) const { return peek(k) && peek(k)->s == s; }
  bool num(size_t k = 0) const { return peek(k) && peek(k)->number; }
  void skip(size_t n = 1) { i_ += n; }
  size_t pos() const { return i_; }
  void seek(size_t i) { i_ = i; }

 private:
  std::vector<piece> p_;
  size_t i_ = 0;
};

bool valid(const text::civil& c) {
  return c.year >= 1900 && c.year <= 2200 && c.month >= 1 && c.month <= 12 && c.day >= 1 &&
         c.day <= text::days_in_month(c.year, c.month);
}

// Date part: ISO, slash, "22 Mar 2023", "Mar 22, 2023".
bool date_part(cursor& k, text::civil& c) {
  if (k.num() && k.peek()->s.size() == 4 && k.is("-", 1) && k.num(2) && k.is("-", 3) && k.num(4)) {
    c.year = number(k.peek()->s), c.month = number(k.peek(2)->s), c.day = number(k.peek(4)->s);
    k.skip(5);
    return valid(c);
  }
  if (k.num() && (k.is("/", 1) || k.is(".", 1)) && k.num(2) && k.is(k.peek(1)->s, 3) && k.num(4)) {
    int a = number(k.peek()->s), b = number(k.peek(2)->s);
    c.year = number(k.peek(4)->s);
    if (k.peek(4)->s.size() == 2) c.year += 2000;
    bool day_first = !(a <= 12 && b > 12);
    c.day = day_first ? a : b, c.month = day_first ? b : a;
    k.skip(5);
    return valid(c);
  }
  if (k.num() && k.peek(1) && (c.month = text::month_number(k.peek(1)->s)) && k.num(2)) {
    c.day = number(k.peek()->s), c.year = number(k.peek(2)->s);
    k.skip(3);
    return valid(c);
  }
  if (k.peek() && (c.month = text::month_number(k.peek()->s)) && k.num(1)) {
    c.day = number(k.peek(1)->s);
    k.skip(2);
    if (k.is(",")) k.skip();
    if (!k.num()) return false;
    c.year = number(k.peek()->s);
    k.skip();
    return valid(c);
  }
  return false;
}

// Time part: "10:29", "10:29:05.123", "6:40 p.m.", "1029" is not accepted.
bool time_part(cursor& k, text::civil& c) {
  if (k.is("T")) k.skip();
  if (k.is(",")) k.skip();
  if (!(k.num() && k.is(":", 1) && k.num(2))) return false;
  c.hour = number(k.peek()->s), c.minute = number(k.peek(2)->s);
  k.skip(3);
  if (k.is(":") && k.num(1)) c.second = number(k.peek(1)->s), k.skip(2);
  if (k.is(".") && k.num(1)) k.skip(2);  // fractions of a second
  if (const piece* p = k.peek(); p && !p->number) {
    std::string_view w = p->s;
    bool am = text::iequals(w, "am") || text::iequals(w, "a.m.");
    bool pm = text::iequals(w, "pm") || text::iequals(w, "p.m.");
    if (am || pm) {
      if (c.hour < 1 || c.hour > 12) return false;
      c.hour = c.hour % 12 + (pm ? 12 : 0);
      k.skip();
    }
  }
  return c.hour <= 23 && c.minute <= 59 && c.second <= 60;
}

// Zone: "Z", "GMT", "+03:00", "+0300", "UTC+3", "(UTC+3)", "GMT-05:30".
bool zone_part(cursor& k, int& minutes, bool& has) {
  bool paren = k.is("(");
  size_t start = k.pos();
  if (paren) k.skip();
  has = false;
  minutes = 0;
  if (const piece* p = k.peek(); p && !p->number && zone_name(p->s, minutes)) {
    has = true;
    k.skip();
  }
  if (k.is("+") || k.is("-")) {
    int sign = k.is("-") ? -1 : 1;
    k.skip();
    if (!k.num()) return k.seek(start), false;
    std::string_view h = k.peek()->s;
    int hh = h.size() == 4 ? number(h.substr(0, 2)) : number(h);
    int mm = h.size() == 4 ? number(h.substr(2)) : 0;
    k.skip();
    if (h.size() <= 2 && k.is(":") && k.num(1)) mm = number(k.peek(1)->s), k.skip(2);
    if (hh > 14 || mm > 59) return k.seek(start), false;
    minutes += sign * (hh * 60 + mm);
    has = true;
  }
  if (paren) {
    if (!k.is(")")) return k.seek(start), false;
    k.skip();
  }
  return has;
}

}  // namespace

bool parse_timestamp(std::string_view line, std::string& iso) {
  cursor k(pieces(line));
  if (k.done()) return false;
  // An RFC 2822 weekday prefix: "Wed, 22 Mar 2023".
  if (const piece* p = k.peek(); p && text::weekday_number(p->s)) {
    k.skip();
    if (k.is(",")) k.skip();
  }
  text::civil c;
  if (!date_part(k, c)) return false;
  bool has_time = time_part(k, c);
  if (!has_time) c.hour = c.minute = c.second = -1;
  int minutes = 0;
  bool has_zone = false;
  if (has_time) zone_part(k, minutes, has_zone);
  if (!k.done()) return false;
  iso = text::iso(c);
  if (has_zone) {
    if (minutes == 0) {
      iso += 'Z';
    } else {
      // By hand: snprintf would link all of printf into the wasm build.
      int m = minutes < 0 ? -minutes : minutes;
      int hh = m / 60 % 100, mm = m % 60;
      const char zone[] = {minutes < 0 ? '-' : '+', char('0' + hh / 10), char('0' + hh % 10), ':',
                           char('0' + mm / 10),     char('0' + mm % 10)};
      iso.append(zone, sizeof zone);
    }
  }
  return true;
}

bool parse_month_day(std::string_view s, const text::civil& anchor, text::civil& out) {
  cursor k(pieces(s));
  text::civil c;
  if (k.peek() && (c.month = text::month_number(k.peek()->s)) && k.num(1)) {
    c.day = number(k.peek(1)->s);
    k.skip(2);
  } else if (k.num() && k.peek(1) && (c.month = text::month_number(k.peek(1)->s))) {
    c.day = number(k.peek()->s);
    k.skip(2);
  } else {
    return false;
  }
  if (k.is(",")) k.skip();
  if (k.num() && k.peek()->s.size() == 4) {
    c.year = number(k.peek()->s);
    k.skip();
  } else if (anchor.year > 0) {
    c.year = anchor.year;
    // A dateline of 30 December on a 2 January story is from last year.
    if (anchor.month > 0 && c.month > anchor.month + 2) --c.year;
  }
  if (!k.done() || c.day < 1 || c.day > 31) return false;
  if (c.year > 0 && c.day > text::days_in_month(c.year, c.month)) return false;
  out = c;
  return true;
}

}  // namespace quoteline::input
