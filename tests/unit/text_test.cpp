#include <catch2/catch.hpp>

#include "text/calendar.h"
#include "text/document.h"
#include "text/lexicon.h"
#include "text/tokens.h"
#include "text/utf8.h"

using namespace quoteline;

namespace {
std::string repaired(std::string_view s) {
  std::string out;
  text::repair_utf8(s, out);
  return out;
}
}  // namespace

TEST_CASE("text: invalid bytes become U+FFFD without eating their neighbours", "[text][utf8]") {
  CHECK(repaired("a\xFF"
                 "b") ==
        "a\xEF\xBF\xBD"
        "b");
  // A truncated three-byte sequence is one maximal subpart: one U+FFFD.
  CHECK(repaired("a\xE2\x80"
                 "b") ==
        "a\xEF\xBF\xBD"
        "b");
  // Overlong "/" (C0 AF) is two invalid bytes.
  CHECK(repaired("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  // An encoded surrogate (ED A0 80) is rejected byte by byte.
  CHECK(repaired("\xED\xA0\x80x") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDx");
  CHECK(repaired("caf\xC3\xA9 \xF0\x9F\x93\xB0") == "caf\xC3\xA9 \xF0\x9F\x93\xB0");
}

TEST_CASE("text: UTF-16 input decodes, pairs join and lone surrogates are replaced",
          "[text][utf8]") {
  std::string out;
  // "A" + U+1F4F0 (D83D DCF0) + lone D800, little endian
  std::string le("A\0\x3D\xD8\xF0\xDC\x00\xD8", 8);
  auto r = text::utf16_to_utf8(le, true, out);
  CHECK(out == "A\xF0\x9F\x93\xB0\xEF\xBF\xBD");
  CHECK(r.replaced == 1);
}

TEST_CASE("text: UTF-16 offsets count astral characters twice", "[text][offsets]") {
  std::string s = "\xE2\x80\x9CHi\xE2\x80\x9D \xF0\x9F\x93\xB0 caf\xC3\xA9";
  text::utf16_map m(s);
  CHECK(m(0) == 0);
  CHECK(m(3) == 1);   // after the opening curly quote
  CHECK(m(9) == 5);   // "\u201cHi\u201d " is five units
  CHECK(m(13) == 7);  // the emoji is a surrogate pair
  CHECK(m(static_cast<uint32_t>(s.size())) == 12);
  std::string big(200, 'x');
  big += "\xC3\xA9";
  CHECK(text::utf16_map(big)(202) == 201);
}

TEST_CASE("text: paragraphs split at blank lines, lines inside join", "[text][paragraphs]") {
  std::vector<diagnostic> diags;
  auto d = text::build("First line\r\ncontinues.\r\n\r\n\r\n  Second\tparagraph.  \fThird.", diags);
  REQUIRE(d.paragraphs.size() == 3);
  CHECK(d.view(d.paragraphs[0]) == "First line continues.");
  CHECK(d.view(d.paragraphs[1]) == "Second paragraph.");
  CHECK(d.view(d.paragraphs[2]) == "Third.");
  CHECK(d.text == "First line continues.\n\nSecond paragraph.\n\nThird.");
  CHECK(diags.empty());
}

TEST_CASE("text: without blank lines every line is a paragraph", "[text][paragraphs]") {
  std::vector<diagnostic> diags;
  auto d = text::build("One.\nTwo.\rThree.", diags);
  CHECK(d.paragraphs.size() == 3);
}

TEST_CASE("text: control characters become spaces with a warning", "[text]") {
  std::vector<diagnostic> diags;
  auto d = text::build(std::string("a\0b\x01"
                                   "c",
                                   5),
                       diags);
  CHECK(d.text == "a b c");
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].code == "control_characters");
  CHECK(diags[0].position == 1);
}

TEST_CASE("text: header blocks are kept apart from paragraphs", "[text]") {
  std::vector<diagnostic> diags;
  auto d = text::build("22 Mar 2023 10:29\n\nHeadline\n\nBody one.\n\nBody two.", diags, 2);
  CHECK(d.header.size() == 2);
  CHECK(d.paragraphs.size() == 2);
  CHECK(d.view(d.paragraphs[0]) == "Body one.");
}

TEST_CASE("text: sentences end at terminal punctuation, not at abbreviations",
          "[text][sentences]") {
  std::vector<diagnostic> diags;
  auto d = text::build(
      "Mr. Smith met Sen. Jones in the U.S. Capitol on Jan. 5. He left. "
      "\xE2\x80\x9CWhy?\xE2\x80\x9D she asked. \xE2\x80\x9CWe won.\xE2\x80\x9D Then J. R. Doe "
      "spoke!",
      diags);
  std::vector<std::string_view> s;
  for (span x : d.sentences) s.push_back(d.view(x));
  REQUIRE(s.size() == 5);
  CHECK(s[0] == "Mr. Smith met Sen. Jones in the U.S. Capitol on Jan. 5.");
  CHECK(s[1] == "He left.");
  CHECK(s[2] == "\xE2\x80\x9CWhy?\xE2\x80\x9D she asked.");
  CHECK(s[3] == "\xE2\x80\x9CWe won.\xE2\x80\x9D");
  CHECK(s[4] == "Then J. R. Doe spoke!");
}

TEST_CASE("text: tokens keep names, initialisms and numbers whole", "[text][tokens]") {
  std::string s = "O'Neill paid $1,700 at 10:29 in the U.S. \xC3\x89lise";
  auto t = text::tokenize(s, {0, static_cast<uint32_t>(s.size())});
  std::vector<std::string_view> w;
  for (auto& k : t) w.push_back(std::string_view(s).substr(k.at.start, k.at.size()));
  CHECK(w == std::vector<std::string_view>{"O'Neill", "paid", "$", "1,700", "at", "10:29", "in",
                                           "the", "U.S.", "\xC3\x89lise"});
  CHECK(t.back().is(text::tok_upper));
}

TEST_CASE("text: calendar arithmetic", "[text][calendar]") {
  CHECK(text::weekday(2023, 3, 22) == 3);  // a Wednesday
  int wy, w;
  text::iso_week(2021, 1, 1, wy, w);
  CHECK((wy == 2020 && w == 53));
  text::iso_week(2023, 3, 22, wy, w);
  CHECK((wy == 2023 && w == 12));
  auto c = text::civil_from_days(text::days_from_civil(2024, 2, 29) + 1);
  CHECK((c.year == 2024 && c.month == 3 && c.day == 1));
  CHECK(text::month_number("Sept.") == 9);
  CHECK(text::weekday_number("tues") == 2);
  text::civil p;
  CHECK(text::parse_iso("2023-03-22T10:29", p));
  CHECK(text::iso(p) == "2023-03-22T10:29");
  CHECK_FALSE(text::parse_iso("2023-02-30", p));
  CHECK(text::without_zone("2023-03-22T10:29:00+03:00") == "2023-03-22T10:29:00");
}

TEST_CASE("lexicon: lines of one literal, iterated and binary-searched", "[text]") {
  constexpr text::lexicon words{
      "apple\tA\n"
      "b\n"
      "banana\tB\n"
      "caf\xc3\xa9\tC\n"
      "zebra\tZ\n"};
  static_assert(words.size() == 5, "one entry a line");
  std::vector<std::string> keys, values;
  for (text::lex_entry e : words) keys.emplace_back(e.key), values.emplace_back(e.value);
  CHECK(keys == std::vector<std::string>{"apple", "b", "banana", "caf\xc3\xa9", "zebra"});
  CHECK(values == std::vector<std::string>{"A", "", "B", "C", "Z"});
  // Every key is found (any case), and nothing between or around them.
  for (size_t i = 0; i < keys.size(); ++i) {
    text::lex_entry e;
    REQUIRE(words.find(keys[i], e));
    CHECK(e.value == values[i]);
  }
  CHECK(words.contains("APPLE"));
  CHECK(words.contains("Zebra"));
  for (const char* miss : {"", "a", "apples", "ba", "bananas", "c", "caf", "zz", "\xff"})
    CHECK_FALSE(words.contains(miss));
  constexpr text::lexicon one{"only\n"};
  CHECK(one.contains("only"));
  CHECK_FALSE(one.contains("onl"));
}
