// The collection timeline: every event of every article on one time axis,
// and counts per calendar bin so a page can draw thousands of events at
// any zoom level without walking them all.
//
// Value types only (no handles, no callbacks): the wasm binding copies them
// out as plain objects and arrays.
//
// Time is counted in minutes since 1970-01-01T00:00 (UTC when the value
// carries a zone, wall-clock time otherwise); every placed value becomes a
// half-open range [start, end): "2023-03-22" is the 1,440 minutes of that
// day, "2023-W12" its week, "2022-Q3" a quarter, "199" the 1990s,
// "2023-03-22T10:29" a single minute. Minutes fit a JavaScript number
// exactly for any year the calendar can name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "quoteline/analysis.h"
#include "quoteline/quoteline.h"

namespace quoteline::timeline {

constexpr int64_t kMinutesPerDay = 1440;

// The minute range of a TIMEX3 value (or of an ISO 8601 publication time).
// Understood: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH, YYYY-MM-DDTHH:MM[:SS]
// with an optional zone (Z, +HH:MM, -HHMM), YYYY-MM-DDTMO|AF|EV|NI|DT (parts
// of the day), YYYY-Www, YYYY-Www-WE, YYYY-Qn, YYYY-Hn, YYYY-SP|SU|FA|WI,
// YYY (a decade) and YY (a century). False for anything without a known
// year: PRESENT_REF, XXXX-WXX-1, durations such as P3Y.
bool range_of(std::string_view value, int64_t& start, int64_t& end);

// One event placed on the collection's time axis.
struct item {
  int article = -1;        // index of the article in the collection
  std::string article_id;  // that article's id (may be empty)
  int event = -1;          // index into that article's `events`
  event_kind kind = event_kind::mention;
  std::string when;   // the event's TIMEX3 value
  int64_t start = 0;  // first minute of the value's range
  int64_t end = 0;    // one past its last minute
};

// Every placeable event of every article, ordered by start, then by end
// (points before the periods that contain them), then article, then event
// index: the order is total, so the result is deterministic. Events whose
// value cannot be placed (see range_of) are left out.
std::vector<item> merge(const std::vector<analysis>& articles);
// The same over a result of analyze(); failed entries contribute nothing,
// and `article` is the entry's index in `r.entries`.
std::vector<item> merge(const result& r);

enum class resolution { automatic, hour, day, week, month, quarter, year, decade };

const char* to_string(resolution r);

// The events whose start falls in one calendar bin.
struct bin {
  int64_t start = 0, end = 0;  // the bin's minute range (a calendar day, week...)
  uint32_t first = 0;          // index of its first item in the merged list
  uint32_t count = 0;          // items [first, first + count) of the merged list
  uint32_t published = 0, mentions = 0, quotes = 0;  // count by event kind
};

struct histogram {
  resolution used = resolution::day;  // the bin size actually used
  int64_t start = 0, end = 0;         // the window covered (aligned to bins)
  std::vector<bin> bins;              // non-empty bins only, in time order
};

// Counts the items of a merged list (ordered as merge() returns it) per
// calendar bin of size `r`: hours, days, ISO weeks from Monday, months,
// quarters, years or decades. Only items starting inside [from, to) count
// (the default window takes them all). With resolution::automatic the
// finest size whose bin count over the window stays within `target` bins is
// chosen (decades when none does). Linear in the number of items.
histogram bucket(const std::vector<item>& items, resolution r = resolution::automatic,
                 int target = 100, int64_t from = INT64_MIN, int64_t to = INT64_MAX);

// The start of the bin of size `r` containing minute `t` (r != automatic),
// and the start of the next one.
int64_t bin_start(int64_t t, resolution r);
int64_t bin_next(int64_t start, resolution r);

}  // namespace quoteline::timeline
