// Timestamps as wire services and feeds print them, normalized to ISO 8601.
#pragma once

#include <string>
#include <string_view>

#include "text/calendar.h"

namespace quoteline::input {

// Parses a whole line such as "22 Mar 2023 10:29", "2023-03-22T10:29:00Z",
// "07/06/2022 11:02 CEST", "Wed, 22 Mar 2023 10:29:00 GMT" or
// "March 22, 2023 6:40 p.m. (UTC+3)". On success `iso` holds the date and
// time as precise as given, with "Z" or "+HH:MM" when a zone was named.
// Slash dates are day-first unless the first number cannot be a day-month.
bool parse_timestamp(std::string_view line, std::string& iso);

// "March 22", "22 March", "Sept 4", "Mar. 22": the date of a dateline,
// with the year taken from `anchor` (and moved back one year when the
// result would lie more than two months after the anchor).
bool parse_month_day(std::string_view s, const text::civil& anchor, text::civil& out);

}  // namespace quoteline::input
