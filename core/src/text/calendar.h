// Calendar facts shared by the input stage (timestamps, datelines) and the
// time stage (normalization): month and weekday names, day arithmetic.
#pragma once

#include <string>
#include <string_view>

namespace quoteline::text {

struct civil {
  int year = 0, month = 0, day = 0;  // 0 = unknown
  int hour = -1, minute = -1, second = -1;
  bool has_date() const { return year > 0 && month > 0 && day > 0; }
};

// 1..12 for "March", "Mar", "Mar.", "Sept", any case; 0 when not a month.
int month_number(std::string_view word);
// 1 (Monday) .. 7 (Sunday) for "Tuesday", "Tue", "Tues."; 0 otherwise.
int weekday_number(std::string_view word);

int days_in_month(int year, int month);
// Days since 1970-01-01 and back (proleptic Gregorian).
long days_from_civil(int y, int m, int d);
civil civil_from_days(long z);
// ISO weekday 1..7 of a date.
int weekday(int y, int m, int d);
// ISO 8601 week-numbering year and week of a date.
void iso_week(int y, int m, int d, int& week_year, int& week);

// "2023-03-22", "2023-03-22T10:29" (only the parts that are known).
std::string iso(const civil& c);
// The local part of an ISO timestamp, without "Z" or "+03:00".
std::string_view without_zone(std::string_view iso);

// Parses what iso() prints (and "YYYY", "YYYY-MM"); false on anything else.
bool parse_iso(std::string_view s, civil& out);

// The `n` decimal digits of `s` at `at` as a number; false when any is not
// a digit or the text ends first.
bool digits(std::string_view s, size_t at, size_t n, int& out);

}  // namespace quoteline::text
