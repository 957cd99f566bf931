// The collection timeline: value ranges, the merged event list, and bins.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "quoteline/quoteline.h"
#include "quoteline/timeline.h"
#include "text/calendar.h"

using namespace quoteline;
using namespace quoteline::timeline;

namespace {

int64_t minutes(int y, int m, int d, int hh = 0, int mm = 0) {
  return int64_t(text::days_from_civil(y, m, d)) * kMinutesPerDay + hh * 60 + mm;
}

analysis article(const std::string& id, std::vector<std::pair<event_kind, std::string>> evs) {
  analysis a;
  a.id = id;
  for (auto& [k, w] : evs) {
    event e;
    e.kind = k;
    e.when = w;
    a.events.push_back(e);
  }
  return a;
}

}  // namespace

TEST_CASE("timeline: TIMEX3 values become minute ranges", "[timeline]") {
  int64_t s, e;
  REQUIRE(range_of("2023-03-22", s, e));
  CHECK(s == minutes(2023, 3, 22));
  CHECK(e - s == kMinutesPerDay);
  REQUIRE(range_of("2023-03-22T10:29", s, e));
  CHECK(s == minutes(2023, 3, 22, 10, 29));
  CHECK(e - s == 1);
  REQUIRE(range_of("2023-03-22T10:29:00+03:00", s, e));
  CHECK(s == minutes(2023, 3, 22, 7, 29));
  REQUIRE(range_of("2023-03-22T10:29Z", s, e));
  CHECK(s == minutes(2023, 3, 22, 10, 29));
  REQUIRE(range_of("2022-06-07TMO", s, e));
  CHECK(s == minutes(2022, 6, 7, 6));
  CHECK(e == minutes(2022, 6, 7, 12));
  REQUIRE(range_of("2023-W12", s, e));
  CHECK(s == minutes(2023, 3, 20));  // Monday of ISO week 12
  CHECK(e == minutes(2023, 3, 27));
  REQUIRE(range_of("2021-W53", s, e));  // 2021 has no week 53 but 2020 had; still a Monday
  REQUIRE(range_of("2020-W53-WE", s, e));
  CHECK(s == minutes(2021, 1, 2));
  CHECK(e == minutes(2021, 1, 4));
  REQUIRE(range_of("2022-Q3", s, e));
  CHECK(s == minutes(2022, 7, 1));
  CHECK(e == minutes(2022, 10, 1));
  REQUIRE(range_of("2025-H1", s, e));
  CHECK(e == minutes(2025, 7, 1));
  REQUIRE(range_of("2022-WI", s, e));
  CHECK(s == minutes(2022, 12, 1));
  CHECK(e == minutes(2023, 3, 1));
  REQUIRE(range_of("199", s, e));
  CHECK(s == minutes(1990, 1, 1));
  CHECK(e == minutes(2000, 1, 1));
  REQUIRE(range_of("19", s, e));
  CHECK(s == minutes(1900, 1, 1));
  REQUIRE(range_of("2023-12", s, e));
  CHECK(e == minutes(2024, 1, 1));
  for (const char* v : {"PRESENT_REF", "XXXX-WXX-1", "P3Y", "PT20M", "2023-13", "2023-02-30", "",
                        "2023-Q5", "XXXX-03-22"})
    CHECK_FALSE(range_of(v, s, e));
}

TEST_CASE("timeline: events of a collection merge into one time order", "[timeline]") {
  std::vector<analysis> col;
  col.push_back(article("b", {{event_kind::published, "2023-03-22T10:29"},
                              {event_kind::mention, "2023-03-21"},
                              {event_kind::mention, "PRESENT_REF"},
                              {event_kind::quote, "2023-03-22T10:29"}}));
  col.push_back(article("a", {{event_kind::published, "2023-03-20"},
                              {event_kind::mention, "2023"},
                              {event_kind::mention, "2023-03-21"}}));
  std::vector<item> items = merge(col);
  REQUIRE(items.size() == 6);  // PRESENT_REF has no place
  // The year 2023 starts first; 2023-03-20 next; the two 03-21 mentions by article.
  CHECK(items[0].when == "2023");
  CHECK(items[0].article_id == "a");
  CHECK(items[1].when == "2023-03-20");
  CHECK(items[2].article == 0);
  CHECK(items[2].event == 1);
  CHECK(items[3].article == 1);
  CHECK(items[3].event == 2);
  // Same minute: published (event 0) before the quote (event 3).
  CHECK(items[4].kind == event_kind::published);
  CHECK(items[5].kind == event_kind::quote);
  for (size_t i = 1; i < items.size(); ++i) CHECK(items[i - 1].start <= items[i].start);
}

TEST_CASE("timeline: bins count events per day, week, month and year", "[timeline]") {
  std::vector<analysis> col;
  col.push_back(article("x", {{event_kind::published, "2023-03-20T08:00"},
                              {event_kind::mention, "2023-03-20"},
                              {event_kind::quote, "2023-03-22"},
                              {event_kind::mention, "2023-04-02"},
                              {event_kind::mention, "2024-01-01"}}));
  std::vector<item> items = merge(col);
  REQUIRE(items.size() == 5);

  histogram d = bucket(items, resolution::day);
  CHECK(d.used == resolution::day);
  REQUIRE(d.bins.size() == 4);
  CHECK(d.bins[0].start == minutes(2023, 3, 20));
  CHECK(d.bins[0].count == 2);
  CHECK(d.bins[0].published == 1);
  CHECK(d.bins[0].mentions == 1);
  CHECK(d.bins[1].quotes == 1);
  CHECK(d.bins[1].first == 2);

  histogram w = bucket(items, resolution::week);
  REQUIRE(w.bins.size() == 3);
  CHECK(w.bins[0].start == minutes(2023, 3, 20));  // a Monday
  CHECK(w.bins[0].count == 3);
  CHECK(w.bins[1].start == minutes(2023, 3, 27));  // 2 April is a Sunday
  CHECK(w.bins[2].start == minutes(2024, 1, 1));

  histogram m = bucket(items, resolution::month);
  REQUIRE(m.bins.size() == 3);
  CHECK(m.bins[0].end == minutes(2023, 4, 1));
  CHECK(m.bins[1].count == 1);

  histogram y = bucket(items, resolution::year);
  REQUIRE(y.bins.size() == 2);
  CHECK(y.bins[0].count == 4);
  CHECK(y.start == minutes(2023, 1, 1));
  CHECK(y.end == minutes(2025, 1, 1));

  // A window keeps the events that start inside it.
  histogram win = bucket(items, resolution::day, 0, minutes(2023, 3, 21), minutes(2023, 4, 30));
  REQUIRE(win.bins.size() == 2);
  CHECK(win.bins[0].first == 2);
}

TEST_CASE("timeline: automatic resolution keeps within the target bin count", "[timeline]") {
  std::vector<analysis> col;
  col.push_back(
      article("x", {{event_kind::mention, "2023-03-20"}, {event_kind::mention, "2023-03-24"}}));
  CHECK(bucket(merge(col), resolution::automatic, 10).used == resolution::day);
  CHECK(bucket(merge(col), resolution::automatic, 2).used == resolution::week);
  col.push_back(article("y", {{event_kind::mention, "2031-06-01"}}));
  CHECK(bucket(merge(col), resolution::automatic, 20).used == resolution::year);
  CHECK(bucket(merge(col), resolution::automatic, 1).used == resolution::decade);
  CHECK(bucket({}, resolution::automatic).bins.empty());
}

TEST_CASE("timeline: 10,000 events merge and bin quickly and stay ordered", "[timeline]") {
  std::vector<analysis> col;
  for (int a = 0; a < 1000; ++a) {
    std::vector<std::pair<event_kind, std::string>> evs;
    for (int k = 0; k < 10; ++k) {
      long day = text::days_from_civil(2020, 1, 1) + (a * 37 + k * 101) % 1500;
      text::civil c = text::civil_from_days(day);
      evs.push_back({k == 0 ? event_kind::published : event_kind::mention, text::iso(c)});
    }
    col.push_back(article("a" + std::to_string(a), evs));
  }
  std::vector<item> items = merge(col);
  REQUIRE(items.size() == 10000);
  histogram h = bucket(items, resolution::automatic, 250);  // 1,500 days = 215 weeks
  CHECK(h.used == resolution::week);
  uint32_t total = 0, next = 0;
  for (const bin& b : h.bins) {
    CHECK(b.first == next);
    next = b.first + b.count;
    total += b.count;
    CHECK(b.published + b.mentions + b.quotes == b.count);
  }
  CHECK(total == 10000);
}

TEST_CASE("timeline: a result of analyze() merges with entry indexes", "[timeline]") {
  result r = analyze(
      "{\"id\":\"one\",\"published\":\"2023-03-22\",\"body\":\"Talks ended on Tuesday.\"}\n"
      "{\"id\":\"two\",\"published\":\"2023-03-25\",\"body\":\"Talks resume next week.\"}\n",
      options{input_format::jsonl});
  REQUIRE(r.entries.size() == 2);
  std::vector<item> items = merge(r);
  REQUIRE(items.size() == 4);
  CHECK(items[0].when == "2023-03-21");
  CHECK(items[0].article_id == "one");
  CHECK(items[3].article == 1);
  CHECK(items[3].when == "2023-W13");
}
