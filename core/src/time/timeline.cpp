// The collection timeline: TIMEX3 values to minute ranges, the merged event
// list, and calendar bins.
#include "quoteline/timeline.h"

#include <algorithm>

#include "text/calendar.h"

namespace quoteline::timeline {

namespace {

using text::days_from_civil;
using text::digits;

int64_t day_minutes(int y, int m, int d) {
  return int64_t(days_from_civil(y, m, d)) * kMinutesPerDay;
}

// Monday of ISO week `w` of week-year `y`, in days.
long iso_monday(int y, int w) {
  long jan4 = days_from_civil(y, 1, 4);
  return jan4 - (text::weekday(y, 1, 4) - 1) + 7L * (w - 1);
}

// A zone suffix after a clock time: Z, +HH:MM, +HHMM, -HH. Returns false on
// anything else; `offset` is in minutes east of UTC.
bool zone(std::string_view s, int& offset) {
  offset = 0;
  if (s.empty()) return true;
  if (s == "Z" || s == "z") return true;
  if (s[0] != '+' && s[0] != '-') return false;
  int h = 0, m = 0;
  if (!digits(s, 1, 2, h)) return false;
  size_t i = 3;
  if (i < s.size() && s[i] == ':') ++i;
  if (i < s.size() && !digits(s, i, 2, m)) return false;
  if (i < s.size() && i + 2 != s.size()) return false;
  offset = (h * 60 + m) * (s[0] == '-' ? -1 : 1);
  return true;
}

// The time part after 'T' of a day value.
bool time_part(std::string_view t, int64_t day, int64_t& start, int64_t& end) {
  struct part {
    const char* code;
    int from, to;  // hours
  };
  static const part kParts[] = {
      {"MO", 6, 12}, {"AF", 12, 18}, {"EV", 18, 21}, {"NI", 21, 24}, {"DT", 8, 18}};
  for (const part& p : kParts) {
    if (t == p.code) {
      start = day + p.from * 60;
      end = day + p.to * 60;
      return true;
    }
  }
  int h, m = 0, s = 0;
  if (!digits(t, 0, 2, h) || h > 24) return false;
  size_t i = 2;
  bool minutes = false;
  if (i < t.size() && t[i] == ':') {
    if (!digits(t, i + 1, 2, m) || m > 59) return false;
    i += 3;
    minutes = true;
    if (i < t.size() && t[i] == ':') {
      if (!digits(t, i + 1, 2, s) || s > 60) return false;
      i += 3;
      if (i < t.size() && t[i] == '.')
        for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9';) ++i;
    }
  }
  int offset;
  if (!zone(t.substr(i), offset)) return false;
  start = day + h * 60 + m - offset;
  end = start + (minutes ? 1 : 60);
  return true;
}

}  // namespace

bool range_of(std::string_view v, int64_t& start, int64_t& end) {
  int y;
  if (v.size() == 2 && digits(v, 0, 2, y)) {  // a century: 19 = 1900-1999
    start = day_minutes(y * 100, 1, 1);
    end = day_minutes(y * 100 + 100, 1, 1);
    return true;
  }
  if (v.size() == 3 && digits(v, 0, 3, y)) {  // a decade: 199 = 1990-1999
    start = day_minutes(y * 10, 1, 1);
    end = day_minutes(y * 10 + 10, 1, 1);
    return true;
  }
  if (!digits(v, 0, 4, y) || y < 1) return false;
  if (v.size() == 4) {
    start = day_minutes(y, 1, 1);
    end = day_minutes(y + 1, 1, 1);
    return true;
  }
  if (v[4] != '-' || v.size() < 7) return false;
  std::string_view rest = v.substr(5);
  int n;
  if ((rest[0] == 'Q' || rest[0] == 'H') && rest.size() == 2 && digits(rest, 1, 1, n)) {
    int months = rest[0] == 'Q' ? 3 : 6;
    if (n < 1 || n > 12 / months) return false;
    start = day_minutes(y, (n - 1) * months + 1, 1);
    end = n * months == 12 ? day_minutes(y + 1, 1, 1) : day_minutes(y, n * months + 1, 1);
    return true;
  }
  if (rest.size() == 2 && (rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI")) {
    int m = rest == "SP" ? 3 : rest == "SU" ? 6 : rest == "FA" ? 9 : 12;
    start = day_minutes(y, m, 1);
    end = m == 12 ? day_minutes(y + 1, 3, 1) : day_minutes(y, m + 3, 1);
    return true;
  }
  if (rest[0] == 'W') {
    if (!digits(rest, 1, 2, n) || n < 1 || n > 53) return false;
    long monday = iso_monday(y, n);
    if (rest.size() == 3) {
      start = int64_t(monday) * kMinutesPerDay;
      end = start + 7 * kMinutesPerDay;
      return true;
    }
    if (rest.substr(3) == "-WE") {
      start = int64_t(monday + 5) * kMinutesPerDay;
      end = start + 2 * kMinutesPerDay;
      return true;
    }
    int d;
    if (rest.size() == 5 && rest[3] == '-' && digits(rest, 4, 1, d) && d >= 1 && d <= 7) {
      start = int64_t(monday + d - 1) * kMinutesPerDay;
      end = start + kMinutesPerDay;
      return true;
    }
    return false;
  }
  int m;
  if (!digits(rest, 0, 2, m) || m < 1 || m > 12) return false;
  if (rest.size() == 2) {
    start = day_minutes(y, m, 1);
    end = m == 12 ? day_minutes(y + 1, 1, 1) : day_minutes(y, m + 1, 1);
    return true;
  }
  int d;
  if (rest[2] != '-' || !digits(rest, 3, 2, d) || d < 1 || d > text::days_in_month(y, m))
    return false;
  int64_t day = day_minutes(y, m, d);
  if (rest.size() == 5) {
    start = day;
    end = day + kMinutesPerDay;
    return true;
  }
  if (rest[5] != 'T') return false;
  return time_part(rest.substr(6), day, start, end);
}

namespace {

bool before(const item& a, const item& b) {
  if (a.start != b.start) return a.start < b.start;
  if (a.end != b.end) return a.end < b.end;
  if (a.article != b.article) return a.article < b.article;
  return a.event < b.event;
}

void add(std::vector<item>& out, const analysis& a, int index) {
  for (size_t e = 0; e < a.events.size(); ++e) {
    const event& ev = a.events[e];
    item it;
    if (!range_of(ev.when, it.start, it.end)) continue;
    it.article = index;
    it.article_id = a.id;
    it.event = int(e);
    it.kind = ev.kind;
    it.when = ev.when;
    out.push_back(std::move(it));
  }
}

}  // namespace

std::vector<item> merge(const std::vector<analysis>& articles) {
  std::vector<item> out;
  for (size_t i = 0; i < articles.size(); ++i) add(out, articles[i], int(i));
  std::sort(out.begin(), out.end(), before);
  return out;
}

std::vector<item> merge(const result& r) {
  std::vector<item> out;
  for (size_t i = 0; i < r.entries.size(); ++i)
    if (r.entries[i].failure.code == status::ok) add(out, r.entries[i].article, int(i));
  std::sort(out.begin(), out.end(), before);
  return out;
}

const char* to_string(resolution r) {
  switch (r) {
    case resolution::automatic:
      return "automatic";
    case resolution::hour:
      return "hour";
    case resolution::day:
      return "day";
    case resolution::week:
      return "week";
    case resolution::month:
      return "month";
    case resolution::quarter:
      return "quarter";
    case resolution::year:
      return "year";
    case resolution::decade:
      return "decade";
  }
  return "day";
}

namespace {

int64_t floor_div(int64_t a, int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// Months since year 0 of the minute t, and back.
int64_t month_index(int64_t t) {
  text::civil c = text::civil_from_days(long(floor_div(t, kMinutesPerDay)));
  return int64_t(c.year) * 12 + (c.month - 1);
}

int64_t month_start(int64_t idx) {
  int y = int(floor_div(idx, 12));
  int m = int(idx - int64_t(y) * 12) + 1;
  return day_minutes(y, m, 1);
}

// Months per bin for the month-based sizes.
int months_of(resolution r) {
  switch (r) {
    case resolution::month:
      return 1;
    case resolution::quarter:
      return 3;
    case resolution::year:
      return 12;
    case resolution::decade:
      return 120;
    default:
      return 0;
  }
}

}  // namespace

int64_t bin_start(int64_t t, resolution r) {
  switch (r) {
    case resolution::hour:
      return floor_div(t, 60) * 60;
    case resolution::day:
    case resolution::automatic:
      return floor_div(t, kMinutesPerDay) * kMinutesPerDay;
    case resolution::week: {
      // Day 0 (1970-01-01) was a Thursday: Monday is (day + 3) mod 7 days back.
      int64_t day = floor_div(t, kMinutesPerDay);
      int64_t monday = day - ((day + 3) % 7 + 7) % 7;
      return monday * kMinutesPerDay;
    }
    default: {
      int64_t per = months_of(r);
      int64_t idx = month_index(t);
      return month_start(floor_div(idx, per) * per);
    }
  }
}

int64_t bin_next(int64_t start, resolution r) {
  switch (r) {
    case resolution::hour:
      return start + 60;
    case resolution::day:
    case resolution::automatic:
      return start + kMinutesPerDay;
    case resolution::week:
      return start + 7 * kMinutesPerDay;
    default:
      return month_start(month_index(start) + months_of(r));
  }
}

namespace {

// Bins of size r needed to cover [lo, hi].
int64_t bins_over(int64_t lo, int64_t hi, resolution r) {
  switch (r) {
    case resolution::hour:
      return floor_div(hi, 60) - floor_div(lo, 60) + 1;
    case resolution::day:
      return floor_div(hi, kMinutesPerDay) - floor_div(lo, kMinutesPerDay) + 1;
    case resolution::week:
      return (bin_start(hi, r) - bin_start(lo, r)) / (7 * kMinutesPerDay) + 1;
    default: {
      int64_t per = months_of(r);
      return floor_div(month_index(hi), per) - floor_div(month_index(lo), per) + 1;
    }
  }
}

}  // namespace

histogram bucket(const std::vector<item>& items, resolution r, int target, int64_t from,
                 int64_t to) {
  histogram h;
  auto lo_it = std::lower_bound(items.begin(), items.end(), from,
                                [](const item& a, int64_t t) { return a.start < t; });
  auto hi_it = std::lower_bound(lo_it, items.end(), to,
                                [](const item& a, int64_t t) { return a.start < t; });
  if (r == resolution::automatic) {
    static const resolution kSizes[] = {resolution::hour,  resolution::day,     resolution::week,
                                        resolution::month, resolution::quarter, resolution::year,
                                        resolution::decade};
    r = resolution::decade;
    if (lo_it != hi_it) {
      int64_t lo = from != INT64_MIN ? from : lo_it->start;
      int64_t hi = to != INT64_MAX ? to - 1 : (hi_it - 1)->start;
      for (resolution s : kSizes) {
        if (bins_over(lo, hi, s) <= (target > 0 ? target : 1)) {
          r = s;
          break;
        }
      }
    }
  }
  h.used = r;
  if (lo_it == hi_it) return h;
  h.start = bin_start(from != INT64_MIN ? from : lo_it->start, r);
  h.end = bin_next(bin_start(to != INT64_MAX ? to - 1 : (hi_it - 1)->start, r), r);
  bin cur;
  bool open = false;
  for (auto it = lo_it; it != hi_it; ++it) {
    if (!open || it->start >= cur.end) {
      if (open) h.bins.push_back(cur);
      cur = bin();
      cur.start = bin_start(it->start, r);
      cur.end = bin_next(cur.start, r);
      cur.first = uint32_t(it - items.begin());
      open = true;
    }
    ++cur.count;
    if (it->kind == event_kind::published)
      ++cur.published;
    else if (it->kind == event_kind::quote)
      ++cur.quotes;
    else
      ++cur.mentions;
  }
  if (open) h.bins.push_back(cur);
  return h;
}

}  // namespace quoteline::timeline
