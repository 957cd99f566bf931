#include "text/calendar.h"

#include "text/tokens.h"

namespace quoteline::text {

namespace {

struct name {
  const char* text;
  int value;
};

// Full names and the abbreviations wire services print; a trailing period is
// stripped before lookup.
constexpr name kMonths[] = {
    {"january", 1},   {"jan", 1},   {"february", 2},  {"feb", 2},      {"march", 3},
    {"mar", 3},       {"april", 4}, {"apr", 4},       {"may", 5},      {"june", 6},
    {"jun", 6},       {"july", 7},  {"jul", 7},       {"august", 8},   {"aug", 8},
    {"september", 9}, {"sep", 9},   {"sept", 9},      {"october", 10}, {"oct", 10},
    {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12},
};

constexpr name kWeekdays[] = {
    {"monday", 1}, {"mon", 1},      {"tuesday", 2}, {"tue", 2},    {"tues", 2},  {"wednesday", 3},
    {"wed", 3},    {"thursday", 4}, {"thu", 4},     {"thur", 4},   {"thurs", 4}, {"friday", 5},
    {"fri", 5},    {"saturday", 6}, {"sat", 6},     {"sunday", 7}, {"sun", 7},
};

template <size_t N>
int lookup(const name (&table)[N], std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  for (const name& n : table)
    if (iequals(word, n.text)) return n.value;
  return 0;
}

}  // namespace

int month_number(std::string_view word) {
  return lookup(kMonths, word);
}
int weekday_number(std::string_view word) {
  return lookup(kWeekdays, word);
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Howard Hinnant's civil-date algorithms (public-domain arithmetic).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

civil civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  civil c;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = static_cast<int>(y + (c.month <= 2));
  return c;
}

int weekday(int y, int m, int d) {
  long z = days_from_civil(y, m, d);
  // 1970-01-01 was a Thursday (4).
  long w = (z + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

void iso_week(int y, int m, int d, int& week_year, int& week) {
  long z = days_from_civil(y, m, d);
  int wd = weekday(y, m, d);
  long thursday = z + (4 - wd);  // the week belongs to the year of its Thursday
  civil t = civil_from_days(thursday);
  week_year = t.year;
  week = static_cast<int>((thursday - days_from_civil(t.year, 1, 1)) / 7 + 1);
}

namespace {
// `v` in decimal, zero-padded to `width` digits. By hand: snprintf would
// link all of printf into the wasm build.
void put(std::string& out, int v, int width) {
  char buf[12];
  int n = 0;
  do buf[n++] = char('0' + v % 10), v /= 10;
  while (v > 0 && n < 12);
  while (n < width) buf[n++] = '0';
  while (n) out += buf[--n];
}
}  // namespace

std::string iso(const civil& c) {
  std::string out;
  if (c.year <= 0) return out;
  put(out, c.year, 4);
  if (c.month > 0) out += '-', put(out, c.month, 2);
  if (c.month > 0 && c.day > 0) out += '-', put(out, c.day, 2);
  if (c.day > 0 && c.hour >= 0) {
    out += 'T', put(out, c.hour, 2);
    out += ':', put(out, c.minute < 0 ? 0 : c.minute, 2);
    if (c.second >= 0) out += ':', put(out, c.second, 2);
  }
  return out;
}

std::string_view without_zone(std::string_view s) {
  size_t n = s.size() > 10 ? 11 : s.size();  // a zone can only follow the time
  while (n < s.size() && ((s[n] >= '0' && s[n] <= '9') || s[n] == ':')) ++n;
  return s.substr(0, n);
}

bool digits(std::string_view s, size_t at, size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

bool parse_iso(std::string_view s, civil& out) {
  civil c;
  if (!digits(s, 0, 4, c.year)) return false;
  if (s.size() > 4) {
    if (s[4] != '-' || !digits(s, 5, 2, c.month) || c.month < 1 || c.month > 12) return false;
  }
  if (s.size() > 7) {
    if (s[7] != '-' || !digits(s, 8, 2, c.day) || c.day < 1 ||
        c.day > days_in_month(c.year, c.month))
      return false;
  }
  if (s.size() > 10) {
    if (s[10] != 'T' || !digits(s, 11, 2, c.hour) || s.size() < 16 || s[13] != ':' ||
        !digits(s, 14, 2, c.minute) || c.hour > 23 || c.minute > 59)
      return false;
    if (s.size() > 16 && (s[16] != ':' || !digits(s, 17, 2, c.second) || c.second > 60))
      return false;
    if (s.size() > 19) return false;
  } else if (s.size() != 4 && s.size() != 7 && s.size() != 10) {
    return false;
  }
  out = c;
  return true;
}

}  // namespace quoteline::text
