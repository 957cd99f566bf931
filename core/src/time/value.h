// TIMEX3 values: calendar points at a granularity (a day, a week, a quarter,
// a decade...), durations, and their ISO 8601 / TimeML spellings.
#pragma once

#include <string>

#include "text/calendar.h"
#include "time/words.h"

namespace quoteline::time {

enum class gran : uint8_t {
  none,
  millennium,
  century,
  decade,
  year,
  half,
  quarter,
  season,
  month,
  week,
  weekend,
  day,
  pod,
  hour,
  minute
};

// A period of the calendar. `year` 0 is unknown ("XXXX"); for weeks it is
// the ISO week-numbering year. Decades and centuries keep any year inside.
struct point {
  gran g = gran::none;
  int year = 0;
  int month = 0, day = 0;
  int week = 0;  // ISO week
  int part = 0;  // quarter 1..4, half 1..2, season 1..4
  int hour = -1, minute = -1;
  int pod = 0;      // pod_code for gran::pod
  int weekday = 0;  // day of week only (sets: XXXX-WXX-1), with g == day and no month
  bool valid() const { return g != gran::none; }
};

// The day `days` since 1970-01-01 as a day point.
point day_point(long days);
point day_point(const text::civil& c);
// The period of granularity `g` that contains the day `days`.
point period_of(long days, gran g);
// First day of the period (days since 1970-01-01); false for unknown years.
bool first_day(const point& p, long& days);
// The period `n` steps of its own granularity away (days, weeks, months...).
point shift(const point& p, int n);
// The same period `n` units of `u` away, keeping its granularity when the
// unit is coarser ("a year earlier" than Sept. 30 is the 30 September
// before); false when the period is too coarse for the unit.
bool shift_by(point& p, unit u, int n);
// Week of the year / weekend from a day, keeping the ISO week-year right.
point week_of(long days, bool weekend = false);

std::string format(const point& p);

// A length of time: `n` units (n < 0 = unknown, "X"), plus an optional half.
struct duration {
  int n = 1;
  unit u = unit::none;
  bool half = false;  // "2 1/2 years", "two and a half hours"
  bool valid() const { return u != unit::none; }
};

std::string format(const duration& d);
// The point granularity of a unit ("three weeks ago" is a week).
gran gran_of(unit u);

// Holidays: the day of `name` (a lexicon `holiday=` value) in `year`, or
// false when unknown.
bool holiday(std::string_view name, int year, long& days);

}  // namespace quoteline::time
