#include "time/value.h"

namespace quoteline::time {

using text::civil;
using text::civil_from_days;
using text::days_from_civil;

point day_point(long days) {
  civil c = civil_from_days(days);
  point p;
  p.g = gran::day;
  p.year = c.year;
  p.month = c.month;
  p.day = c.day;
  return p;
}

point day_point(const civil& c) {
  return day_point(days_from_civil(c.year, c.month, c.day));
}

point week_of(long days, bool weekend) {
  civil c = civil_from_days(days);
  point p;
  p.g = weekend ? gran::weekend : gran::week;
  text::iso_week(c.year, c.month, c.day, p.year, p.week);
  return p;
}

namespace {

int season_of(int month) {
  return month >= 3 && month <= 5    ? 1
         : month <= 8 && month >= 6  ? 2
         : month >= 9 && month <= 11 ? 3
                                     : 4;
}

long floor_div(long a, long b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

}  // namespace

point period_of(long days, gran g) {
  point d = day_point(days);
  point p;
  p.g = g;
  p.year = d.year;
  switch (g) {
    case gran::week:
    case gran::weekend:
      return week_of(days, g == gran::weekend);
    case gran::half:
      p.part = d.month <= 6 ? 1 : 2;
      break;
    case gran::quarter:
      p.part = (d.month - 1) / 3 + 1;
      break;
    case gran::season:
      p.part = season_of(d.month);
      if (d.month <= 2) p.year -= 1;  // January's winter began in December
      break;
    case gran::month:
      p.month = d.month;
      break;
    case gran::day:
    case gran::pod:
    case gran::hour:
    case gran::minute:
      d.g = g;
      return d;
    default:
      break;
  }
  return p;
}

bool first_day(const point& p, long& days) {
  if (p.year <= 0) return false;
  switch (p.g) {
    case gran::millennium:
      days = days_from_civil(int(p.year / 1000 * 1000), 1, 1);
      return true;
    case gran::century:
      days = days_from_civil(int(p.year / 100 * 100), 1, 1);
      return true;
    case gran::decade:
      days = days_from_civil(int(p.year / 10 * 10), 1, 1);
      return true;
    case gran::year:
      days = days_from_civil(p.year, 1, 1);
      return true;
    case gran::half:
      days = days_from_civil(p.year, p.part == 2 ? 7 : 1, 1);
      return true;
    case gran::quarter:
      days = days_from_civil(p.year, (p.part - 1) * 3 + 1, 1);
      return true;
    case gran::season: {
      static const int kStart[] = {0, 3, 6, 9, 12};
      days = days_from_civil(p.year, kStart[p.part < 1 || p.part > 4 ? 1 : p.part], 1);
      return true;
    }
    case gran::month:
      days = days_from_civil(p.year, p.month < 1 ? 1 : p.month, 1);
      return true;
    case gran::week:
    case gran::weekend: {
      // Monday of ISO week 1 is the Monday on or before 4 January.
      long jan4 = days_from_civil(p.year, 1, 4);
      long monday = jan4 - (text::weekday(p.year, 1, 4) - 1);
      days = monday + 7L * (p.week - 1) + (p.g == gran::weekend ? 5 : 0);
      return true;
    }
    case gran::day:
    case gran::pod:
    case gran::hour:
    case gran::minute:
      if (p.month < 1 || p.day < 1) return false;
      days = days_from_civil(p.year, p.month, p.day);
      return true;
    default:
      return false;
  }
}

point shift(const point& p, int n) {
  point q = p;
  if (n == 0 || p.year <= 0) return q;
  switch (p.g) {
    case gran::millennium:
      q.year += 1000 * n;
      break;
    case gran::century:
      q.year += 100 * n;
      break;
    case gran::decade:
      q.year += 10 * n;
      break;
    case gran::year:
      q.year += n;
      break;
    case gran::half:
    case gran::quarter:
    case gran::season: {
      int per = p.g == gran::half ? 2 : 4;
      long idx = long(p.year) * per + (p.part - 1) + n;
      q.year = int(floor_div(idx, per));
      q.part = int(idx - long(q.year) * per) + 1;
      break;
    }
    case gran::month: {
      long idx = long(p.year) * 12 + (p.month - 1) + n;
      q.year = int(floor_div(idx, 12));
      q.month = int(idx - long(q.year) * 12) + 1;
      break;
    }
    case gran::week:
    case gran::weekend: {
      long d;
      if (first_day(p, d)) q = week_of(d + 7L * n, p.g == gran::weekend);
      break;
    }
    default: {
      long d;
      if (first_day(p, d)) {
        point r = day_point(d + n);
        q.year = r.year;
        q.month = r.month;
        q.day = r.day;
      }
      break;
    }
  }
  return q;
}

bool shift_by(point& p, unit u, int n) {
  if (p.year <= 0) return false;
  if (p.g > gran::day) p.g = gran::day, p.hour = p.minute = -1, p.pod = 0;
  switch (u) {
    case unit::year:
    case unit::decade:
    case unit::century: {
      int years = n * (u == unit::year ? 1 : u == unit::decade ? 10 : 100);
      if (p.g == gran::week || p.g == gran::weekend) {
        p.year += years;
        return true;
      }
      if (p.g >= gran::year && p.g <= gran::month) {
        p.year += years;
        return true;
      }
      if (p.month > 0 && p.day > 0) {
        p.year += years;
        if (p.day > text::days_in_month(p.year, p.month))
          p.day = text::days_in_month(p.year, p.month);
        return true;
      }
      if (p.g == gran::decade || p.g == gran::century) return p.year += years, true;
      return false;
    }
    case unit::quarter:
    case unit::month: {
      int months = u == unit::quarter ? 3 * n : n;
      if (p.g == gran::quarter && u == unit::quarter) return p = shift(p, n), true;
      if (p.g == gran::month) return p = shift(p, months), true;
      if (p.month > 0 && p.day > 0 && p.g >= gran::day) {
        point m = p;
        m.g = gran::month;
        m = shift(m, months);
        p.year = m.year;
        p.month = m.month;
        if (p.day > text::days_in_month(p.year, p.month))
          p.day = text::days_in_month(p.year, p.month);
        return true;
      }
      return false;
    }
    case unit::week:
    case unit::fortnight:
    case unit::day: {
      int days = u == unit::day ? n : u == unit::week ? 7 * n : 14 * n;
      if (p.g == gran::week || p.g == gran::weekend) {
        if (u == unit::day) return false;
        return p = shift(p, days / 7), true;
      }
      long d;
      if (p.g < gran::day || !first_day(p, d)) return false;
      point q = day_point(d + days);
      p.year = q.year, p.month = q.month, p.day = q.day;
      return true;
    }
    default:
      return false;
  }
}

namespace {

// Appends v as exactly `width` digits (zero padded).
void digits(std::string& out, long v, int width) {
  char buf[20];
  for (int i = width - 1; i >= 0; --i, v /= 10) buf[i] = char('0' + v % 10);
  out.append(buf, size_t(width));
}

void year_of(std::string& out, int year, int width) {
  if (year > 0 && year < 10000)
    digits(out, year / (width == 4 ? 1 : width == 3 ? 10 : width == 2 ? 100 : 1000), width);
  else
    out.append(size_t(width), 'X');
}

}  // namespace

std::string format(const point& p) {
  std::string out;
  out.reserve(20);
  switch (p.g) {
    case gran::millennium:
      year_of(out, p.year, 1);
      break;
    case gran::century:
      year_of(out, p.year, 2);
      break;
    case gran::decade:
      year_of(out, p.year, 3);
      break;
    case gran::year:
      year_of(out, p.year, 4);
      break;
    case gran::half:
    case gran::quarter:
      year_of(out, p.year, 4);
      out += p.g == gran::half ? "-H" : "-Q";
      digits(out, p.part, 1);
      break;
    case gran::season:
      year_of(out, p.year, 4);
      out += '-';
      out += season_name(p.part);
      break;
    case gran::month:
      year_of(out, p.year, 4);
      out += '-';
      if (p.month)
        digits(out, p.month, 2);
      else
        out += "XX";
      break;
    case gran::week:
    case gran::weekend:
      year_of(out, p.year, 4);
      out += "-W";
      if (p.week)
        digits(out, p.week, 2);
      else
        out += "XX";
      if (p.g == gran::weekend) out += "-WE";
      break;
    case gran::day:
    case gran::pod:
    case gran::hour:
    case gran::minute:
      year_of(out, p.year, 4);
      if (p.weekday && !p.month) {
        out += "-WXX-";
        digits(out, p.weekday, 1);
      } else if (!p.month) {
        out += "-XX-XX";
      } else {
        out += '-';
        digits(out, p.month, 2);
        out += '-';
        if (p.day)
          digits(out, p.day, 2);
        else
          out += "XX";
      }
      if (p.g == gran::pod) {
        out += 'T';
        out += pod_name(p.pod);
      } else if (p.g == gran::hour || p.g == gran::minute) {
        out += 'T';
        digits(out, p.hour, 2);
        out += ':';
        digits(out, p.minute < 0 ? 0 : p.minute, 2);
      }
      break;
    default:
      break;
  }
  return out;
}

gran gran_of(unit u) {
  switch (u) {
    case unit::second:
    case unit::minute:
      return gran::minute;
    case unit::hour:
      return gran::hour;
    case unit::day:
      return gran::day;
    case unit::week:
    case unit::fortnight:
      return gran::week;
    case unit::weekend:
      return gran::weekend;
    case unit::month:
      return gran::month;
    case unit::quarter:
      return gran::quarter;
    case unit::year:
      return gran::year;
    case unit::decade:
      return gran::decade;
    case unit::century:
      return gran::century;
    case unit::millennium:
      return gran::millennium;
    default:
      return gran::none;
  }
}

std::string format(const duration& d) {
  // Halves become the next smaller unit: 2 1/2 years = P2Y6M.
  struct part {
    long n;
    char letter;
    bool time;
  };
  part parts[2] = {{0, 0, false}, {0, 0, false}};
  long n = d.n;
  switch (d.u) {
    case unit::second:
      parts[0] = {n, 'S', true};
      break;
    case unit::minute:
      parts[0] = {n, 'M', true};
      if (d.half) parts[1] = {30, 'S', true};
      break;
    case unit::hour:
      parts[0] = {n, 'H', true};
      if (d.half) parts[1] = {30, 'M', true};
      break;
    case unit::day:
      parts[0] = {n, 'D', false};
      if (d.half) parts[1] = {12, 'H', true};
      break;
    case unit::week:
      parts[0] = {n, 'W', false};
      break;
    case unit::weekend:
      parts[0] = {n < 0 ? n : 2 * n, 'D', false};
      break;
    case unit::fortnight:
      parts[0] = {n < 0 ? n : 2 * n, 'W', false};
      break;
    case unit::month:
      parts[0] = {n, 'M', false};
      if (d.half) parts[1] = {15, 'D', false};
      break;
    case unit::quarter:
      parts[0] = {n, 'Q', false};
      break;
    case unit::year:
      parts[0] = {n, 'Y', false};
      if (d.half) parts[1] = {6, 'M', false};
      break;
    case unit::decade:
      parts[0] = {n < 0 ? n : 10 * n + (d.half ? 5 : 0), 'Y', false};
      break;
    case unit::century:
      if (n < 0)
        parts[0] = {n, 'C', false};
      else
        parts[0] = {100 * n + (d.half ? 50 : 0), 'Y', false};
      break;
    case unit::millennium:
      if (n < 0)
        parts[0] = {n, 'L', false};
      else
        parts[0] = {1000 * n, 'Y', false};
      break;
    default:
      return {};
  }
  std::string out = "P";
  bool in_time = false;
  for (const part& p : parts) {
    if (!p.letter || (p.n == 0 && d.half && &p == &parts[0])) continue;  // half an hour: PT30M
    if (p.time && !in_time) out += 'T', in_time = true;
    if (p.n < 0)
      out += 'X';
    else
      out += std::to_string(p.n);
    out += p.letter;
  }
  return out;
}

namespace {

// The n-th `weekday` (1 = Monday) of a month; n = -1 for the last one.
long nth_weekday(int year, int month, int weekday, int n) {
  if (n > 0) {
    long first = days_from_civil(year, month, 1);
    int wd = text::weekday(year, month, 1);
    return first + (weekday - wd + 7) % 7 + 7L * (n - 1);
  }
  int last_day = text::days_in_month(year, month);
  long last = days_from_civil(year, month, last_day);
  int wd = text::weekday(year, month, last_day);
  return last - (wd - weekday + 7) % 7;
}

// Western Easter Sunday (the anonymous Gregorian computus).
long easter(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25,
      g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4,
      l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451,
      month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return days_from_civil(y, month, day);
}

}  // namespace

bool holiday(std::string_view name, int year, long& days) {
  if (year <= 0) return false;
  if (name.size() == 5 && name[2] == '-') {
    int m = (name[0] - '0') * 10 + (name[1] - '0');
    int d = (name[3] - '0') * 10 + (name[4] - '0');
    if (m < 1 || m > 12 || d < 1 || d > text::days_in_month(year, m)) return false;
    days = days_from_civil(year, m, d);
    return true;
  }
  if (name == "thanksgiving") return days = nth_weekday(year, 11, 4, 4), true;
  if (name == "easter") return days = easter(year), true;
  if (name == "election") {  // the Tuesday after the first Monday of November
    days = nth_weekday(year, 11, 1, 1) + 1;
    return true;
  }
  if (name == "memorial") return days = nth_weekday(year, 5, 1, -1), true;
  if (name == "labor") return days = nth_weekday(year, 9, 1, 1), true;
  return false;
}

}  // namespace quoteline::time
