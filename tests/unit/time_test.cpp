// The time stage: one test per form family, each reading its invented
// sentences from tests/fixtures/time/<form>.tsv (see the README there), then
// events and the pipeline through analyze().
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "quoteline/quoteline.h"
#include "text/calendar.h"
#include "text/document.h"
#include "text/utf8.h"
#include "time/time.h"

using namespace quoteline;

namespace {

struct row {
  int line = 0;
  std::string anchor, text, extent, type, value, mod;
};

// \uXXXX and \UXXXXXXXX escapes keep the fixture files ASCII.
std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == 'u' || s[i + 1] == 'U')) {
      size_t n = s[i + 1] == 'u' ? 4 : 8;
      text::append_utf8(out, uint32_t(std::stoul(s.substr(i + 2, n), nullptr, 16)));
      i += 1 + n;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> cols;
  std::stringstream ss(line);
  std::string c;
  while (std::getline(ss, c, '\t')) cols.push_back(c);
  return cols;
}

std::string fixture(const std::string& name) {
  return std::string(QUOTELINE_FIXTURES) + "/time/" + name;
}

std::vector<row> load(const std::string& name) {
  std::ifstream in(fixture(name));
  REQUIRE(in.good());
  std::vector<row> rows;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> c = split_tabs(line);
    REQUIRE(c.size() >= 3);
    row r;
    r.line = n;
    r.anchor = c[0];
    r.text = unescape(c[1]);
    r.extent = unescape(c[2]);
    if (c.size() > 3) r.type = c[3];
    if (c.size() > 4) r.value = c[4];
    if (c.size() > 5) r.mod = c[5];
    rows.push_back(r);
  }
  REQUIRE(!rows.empty());
  return rows;
}

struct found {
  std::string text, type, value, mod;
};

std::vector<found> run(const std::string& anchor, const std::string& body) {
  text::civil a;
  if (anchor != "-") REQUIRE(text::parse_iso(anchor, a));
  std::vector<diagnostic> diags;
  text::document d = text::build(body, diags, 0);
  std::vector<found> out;
  for (const quoteline::timex& t : time::find(d, a, diags))
    out.push_back({std::string(d.view(t.at)), to_string(t.type), t.value, t.mod});
  return out;
}

std::string describe(const std::vector<found>& fs) {
  std::string s;
  for (const found& f : fs) s += "[" + f.text + "|" + f.type + "|" + f.value + "|" + f.mod + "] ";
  return s.empty() ? "(none)" : s;
}

void check_file(const std::string& name) {
  for (const row& r : load(name)) {
    std::vector<found> fs = run(r.anchor, r.text);
    INFO(name << ":" << r.line << "  " << r.text);
    INFO("found: " << describe(fs));
    if (r.extent == "-") {
      CHECK(fs.empty());
      continue;
    }
    const found* hit = nullptr;
    for (const found& f : fs)
      if (f.text == r.extent) hit = &f;
    REQUIRE(hit != nullptr);
    CHECK(hit->type == r.type);
    CHECK(hit->value == r.value);
    CHECK(hit->mod == r.mod);
  }
}

}  // namespace

TEST_CASE("time: dates like March 22, 5 June, 2024-11-03 and 07/06/2022", "[time][dates]") {
  check_file("dates.tsv");
}

TEST_CASE("time: year inference at year ends picks the nearest year", "[time][year-end]") {
  check_file("year_end.tsv");
}

TEST_CASE("time: times like 10:29, 6:40 a.m. and 10:00 on Friday", "[time][times]") {
  check_file("times.tsv");
}

TEST_CASE("time: relative dates like yesterday, on Tuesday, last week, two days ago",
          "[time][relative]") {
  check_file("relative.tsv");
}

TEST_CASE("time: tense decides the direction of a bare weekday or month", "[time][tense]") {
  check_file("tense.tsv");
}

TEST_CASE("time: years and months, and numbers that are not years", "[time][years]") {
  check_file("years.tsv");
}

TEST_CASE("time: quarters and halves like Q3 and the first half of next year", "[time][quarters]") {
  check_file("quarters.tsv");
}

TEST_CASE("time: seasons like last fall and summer 2019", "[time][seasons]") {
  check_file("seasons.tsv");
}

TEST_CASE("time: decades and centuries like the 1990s and the '90s", "[time][decades]") {
  check_file("decades.tsv");
}

TEST_CASE("time: parts of the day like this morning and Saturday night", "[time][pod]") {
  check_file("parts_of_day.tsv");
}

TEST_CASE("time: fuzzy forms with a mod like mid-December and the end of the year",
          "[time][fuzzy]") {
  check_file("fuzzy.tsv");
}

TEST_CASE("time: durations like for three years, 36 hours and two-hour", "[time][durations]") {
  check_file("durations.tsv");
}

TEST_CASE("time: sets like every Monday and every 20 minutes", "[time][sets]") {
  check_file("sets.tsv");
}

TEST_CASE("time: extents leave prepositions and possessives outside", "[time][extents]") {
  check_file("extents.tsv");
}

TEST_CASE("time: timexes come in text order over the header and the body", "[time]") {
  std::vector<diagnostic> diags;
  text::document d = text::build(
      "22 Mar 2023 10:29\n\nTalks on Tuesday\n\nBEIJING. March 22 - More talks "
      "are planned for next week.",
      diags, 2);
  text::civil a;
  REQUIRE(text::parse_iso("2023-03-22T10:29", a));
  std::vector<quoteline::timex> ts = time::find(d, a, diags);
  REQUIRE(ts.size() == 4);
  CHECK(d.view(ts[0].at) == "22 Mar 2023 10:29");
  CHECK(ts[0].value == "2023-03-22T10:29");
  CHECK(d.view(ts[1].at) == "Tuesday");
  CHECK(d.view(ts[2].at) == "March 22");
  CHECK(d.view(ts[3].at) == "next week");
  CHECK(ts[3].value == "2023-W13");
  for (size_t i = 1; i < ts.size(); ++i) CHECK(ts[i - 1].at.end <= ts[i].at.start);
}

TEST_CASE("time: without an anchor relative dates stay unresolved and say so", "[time]") {
  std::vector<diagnostic> diags;
  text::document d = text::build("The talks ended on Tuesday, two days ago, in 2019.", diags);
  std::vector<quoteline::timex> ts = time::find(d, text::civil{}, diags);
  REQUIRE(ts.size() == 3);
  CHECK(ts[0].value == "XXXX-WXX-2");
  CHECK(ts[2].value == "2019");
  bool said = false;
  for (const diagnostic& g : diags) said = said || g.code == "undated_article";
  CHECK(said);
}

TEST_CASE("time: events hold the publication, dated mentions and quotes", "[time][events]") {
  std::vector<diagnostic> diags;
  std::string body =
      "The quay reopened on Sunday, the mayor said. \"We lost two weeks,\" Mayor Ana Ribeiro "
      "said on Friday. \"It will be fine,\" she added. Ships wait every day.";
  text::document d = text::build(body, diags);
  text::civil a;
  REQUIRE(text::parse_iso("2024-01-14", a));
  std::vector<quoteline::timex> ts = time::find(d, a, diags);
  // Two quotes: their content spans, found by hand here.
  auto locate = [&](std::string_view s) {
    uint32_t at = uint32_t(d.text.find(std::string(s)));
    return span{at, uint32_t(at + s.size())};
  };
  quote q1, q2;
  q1.at = locate("We lost two weeks,");
  q2.at = locate("It will be fine,");
  std::vector<event> es = time::events(d, "2024-01-14T09:15", ts, {q1, q2});
  REQUIRE(es.size() == 5);
  CHECK(es[0].kind == event_kind::published);
  CHECK(es[0].when == "2024-01-14T09:15");
  CHECK(es[1].kind == event_kind::mention);
  CHECK(es[1].when == "2024-01-14");  // on Sunday, the day of the anchor
  CHECK(d.view(es[1].sentence) == "The quay reopened on Sunday, the mayor said.");
  CHECK(es[2].kind == event_kind::mention);
  CHECK(es[2].when == "2024-01-12");
  // The first quote was said on Friday, the second when the article says.
  CHECK(es[3].kind == event_kind::quote);
  CHECK(es[3].quote == 0);
  CHECK(es[3].when == "2024-01-12");
  CHECK(es[3].timex == 2);
  CHECK(es[4].kind == event_kind::quote);
  CHECK(es[4].when == "2024-01-14T09:15");
  CHECK(es[4].timex == -1);
}

TEST_CASE("time: the pipeline dates a wire article and its quotes", "[time][pipeline]") {
  std::ifstream in(fixture("articles/storm.txt"));
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  result r = analyze(ss.str());
  REQUIRE(r.fatal.code == status::ok);
  REQUIRE(r.entries.size() == 1);
  const analysis& a = r.entries[0].article;
  std::vector<std::string> seen;
  for (const quoteline::timex& t : a.timexes)
    seen.push_back(a.text.substr(t.at.start, t.at.size()) + "=" + t.value);
  INFO("timexes: " << [&] {
    std::string s;
    for (auto& x : seen) s += x + " ";
    return s;
  }());
  auto has = [&](const std::string& x) {
    for (auto& s : seen)
      if (s == x) return true;
    return false;
  };
  CHECK(has("14 Jan 2024 09:15=2024-01-14T09:15"));
  CHECK(has("January 14=2024-01-14"));
  CHECK(has("Sunday=2024-01-14"));
  CHECK(has("four days=P4D"));
  CHECK(has("Friday=2024-01-12"));
  CHECK(has("the end of the month=2024-01"));
  CHECK(has("January 10=2024-01-10"));
  // The publication comes first; the wire timestamp is not a second event.
  REQUIRE(!a.events.empty());
  CHECK(a.events[0].kind == event_kind::published);
  for (const event& e : a.events)
    if (e.kind == event_kind::mention) CHECK(e.when != "2024-01-14T09:15");
  // A quote said "on Friday" sits on Friday when the quote stage found it.
  for (const event& e : a.events) {
    if (e.kind != event_kind::quote) continue;
    const quote& q = a.quotes[size_t(e.quote)];
    if (a.text.compare(q.at.start, 7, "We lost") == 0) CHECK(e.when == "2024-01-12");
  }
}

TEST_CASE("time: hostile repetitions stay linear", "[time][hostile]") {
  text::civil a;
  REQUIRE(text::parse_iso("2023-03-22", a));
  std::vector<diagnostic> diags;
  // One paragraph without a stop, a weekday every few words: the tense scan
  // must not walk the whole paragraph for each of them.
  std::string weekdays;
  while (weekdays.size() < 1'000'000) weekdays += "they will meet on Friday and ";
  text::document d1 = text::build(weekdays, diags);
  std::vector<quoteline::timex> ts = time::find(d1, a, diags);
  CHECK(ts.size() > 30'000);
  CHECK(ts[0].value == "2023-03-24");
  // Nested fuzzy forms ("early early early ...") must not recurse without end.
  std::string early;
  while (early.size() < 300'000) early += "early ";
  early += "December";
  text::document d2 = text::build(early, diags);
  ts = time::find(d2, a, diags);
  REQUIRE(!ts.empty());
  CHECK(ts.back().value == "2022-12");
  // A very long hyphenated word.
  std::string hyphens = "a";
  while (hyphens.size() < 200'000) hyphens += "-two-day";
  text::document d3 = text::build(hyphens, diags);
  ts = time::find(d3, a, diags);
  CHECK(ts.size() <= 1);
}

TEST_CASE("time: a dateline dates the report, not the quote after it", "[time][events]") {
  std::vector<diagnostic> diags;
  text::document d = text::build(
      "BEIJING. March 20 (Agency) - Talks will go on, the minister said. \"We met on "
      "Monday,\" he added on Tuesday.",
      diags);
  text::civil a;
  REQUIRE(text::parse_iso("2023-03-22", a));
  std::vector<quoteline::timex> ts = time::find(d, a, diags);
  REQUIRE(ts.size() == 3);
  auto locate = [&](std::string_view s) {
    uint32_t at = uint32_t(d.text.find(std::string(s)));
    return span{at, uint32_t(at + s.size())};
  };
  quote indirect, direct;
  indirect.at = locate("Talks will go on");
  indirect.kind = quote_kind::indirect;
  direct.at = locate("We met on Monday,");
  std::vector<event> es = time::events(d, "2023-03-22T08:00", ts, {indirect, direct});
  REQUIRE(es.size() == 6);
  CHECK(es[4].kind == event_kind::quote);
  CHECK(es[4].when == "2023-03-22T08:00");  // not the dateline's March 20
  // "Monday" is inside the quoted words: the quote was said on Tuesday.
  CHECK(es[5].when == "2023-03-21");
}
