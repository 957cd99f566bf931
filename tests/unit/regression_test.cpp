// Inputs the fuzzers (fuzz/, `make fuzz`) once crashed on or found wrong,
// kept so they never come back. Each test names the target and what broke;
// the sanitizer suite (build-sanitize) is where a relapse shows.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "../../fuzz/json_valid.h"
#include "input/article.h"
#include "quoteline/quoteline.h"

using namespace quoteline;
using namespace std::string_literals;

namespace {

// Everything the CLI would print for `in`, each line checked as JSON.
std::string render(std::string_view in, const options& o = {}) {
  result r = analyze(in, o);
  std::string all;
  auto add = [&](std::string s) {
    INFO(s);
    CHECK(check::valid_json(s));
    all += s + "\n";
  };
  if (r.fatal.code != status::ok) add(to_json(r.fatal));
  for (const entry& e : r.entries)
    add(e.failure.code != status::ok ? to_json(e.failure) : to_json(e.article));
  return all;
}

const analysis& only(const result& r) {
  REQUIRE(r.fatal.code == status::ok);
  REQUIRE(r.entries.size() == 1);
  REQUIRE(r.entries[0].failure.code == status::ok);
  return r.entries[0].article;
}

}  // namespace

TEST_CASE("regression: a control-only line opening a paragraph reads no byte before the text",
          "[regression]") {
  // analyze_fuzzer, UBSan: text::build looked at text.back() of an empty
  // text when the paragraph's first line held nothing but a control.
  std::string in = "\n\x03\n$";
  result r = analyze(in);
  const analysis& a = only(r);
  CHECK(a.text.find('$') != std::string::npos);
  CHECK(a.text.front() != ' ');
  render(in);
}

TEST_CASE("regression: an empty JSON array is an empty collection, not an error", "[regression]") {
  // read_fuzzer: "[]" reads as zero records; the CLI prints nothing.
  result r = analyze("[]");
  CHECK(r.fatal.code == status::ok);
  CHECK(r.collection);
  CHECK(r.entries.empty());
}

TEST_CASE("regression: a NUL after a number is no JSON whitespace", "[regression]") {
  // read_fuzzer's RFC 8259 verdict check: "0" followed by NUL bytes was
  // accepted, as the number pass took NUL for a separator.
  CHECK(analyze("0\0\0"s, {input_format::json}).fatal.code == status::invalid_json);
  result r = analyze("{\"body\": \"a\", \"n\": 1\0}"s);
  CHECK(r.fatal.code == status::invalid_json);
  CHECK(r.fatal.position == 19);
  // The same check: a string glued to a number.
  CHECK(analyze("2\"versioncreated\"", {input_format::json}).fatal.code == status::invalid_json);
  CHECK(analyze("[1\"a\"]").fatal.code == status::invalid_json);
  // And a comma where a value belongs, which simdjson hands to the number parser.
  result c = analyze("{\n  \"uri\":, ,\n  \"headline\": \"Lh\"\n}\n");
  CHECK(c.fatal.code == status::invalid_json);
  CHECK(c.fatal.position == 10);
  for (const char* bad : {"[,1]", "[1,,2]", "{\"a\": [1], \"b\":,}"})
    CHECK(analyze(bad, {input_format::json}).fatal.code == status::invalid_json);
  // A byte-order mark opening a JSON Lines line is skipped, as simdjson does
  // (found in review).
  result bom = analyze("{\"id\": 1, \"body\": \"a\"}\n\xEF\xBB\xBF{\"id\": 2, \"body\": \"b\"}",
                       {input_format::jsonl});
  REQUIRE(bom.entries.size() == 2);
  CHECK(bom.entries[1].failure.code == status::ok);
  CHECK(bom.entries[1].article.id == "2");
  result ok = analyze("[{\"body\": \"a\", \"x\": [[], {}, 1, \"s\", true]}, {\"body\": \"b\"}]");
  CHECK(ok.fatal.code == status::ok);
  CHECK(ok.entries.size() == 2);
}

TEST_CASE("regression: a timestamp line with a 17-digit day is no timestamp and no overflow",
          "[regression]") {
  // read_fuzzer, UBSan: the timestamp reader multiplied out every digit of a
  // number before checking its length (signed overflow).
  std::string in = "Jan55555555555555. \n\nBody text.";
  result r = analyze(in);
  const analysis& a = only(r);
  CHECK(a.published.empty());
  render(in);
}

TEST_CASE("regression: interview labels are compared as views of the text", "[regression]") {
  // Sanitizer suite (ASan stack-use-after-scope): the quote stage kept a
  // view of a temporary substring of the first turn's label and compared
  // later labels with it.
  std::string in =
      "An interview\n\nThe mayor of S\xc3\xa9te spoke to us.\n\nQ: Why a bridge?\n\n"
      "A: \xe2\x80\x9c"
      "Because the ferry is slow,\xe2\x80\x9d I think.\n\nQ: When?\n\n"
      "A: In May.\n";
  result r = analyze(in);
  const analysis& a = only(r);
  CHECK_FALSE(a.quotes.empty());
  render(in);
}

TEST_CASE("regression: a dotted number with a long part is no date and no overflow",
          "[regression]") {
  // analyze_fuzzer, UBSan: the time stage read "3817.7777777777777777" as a
  // day-first dotted date and multiplied out every digit (signed overflow).
  std::string in =
      "It cost 3817.7777777777777777 in \xc2\xab"
      "2019\xc2\xbb, 07.06.2022 too.";
  result r = analyze(in);
  const analysis& a = only(r);
  for (const quoteline::timex& t : a.timexes)
    CHECK(a.text.substr(t.at.start, t.at.size()).find("7777") == std::string::npos);
  render(in);
}
