#include <catch2/catch.hpp>

#include <algorithm>

#include <fstream>
#include <sstream>

#include "input/html.h"
#include "input/json.h"
#include "input/timestamp.h"
#include "input/wire.h"
#include "quoteline/quoteline.h"

using namespace quoteline;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream f(std::string(QUOTELINE_FIXTURES) + "/input/" + name, std::ios::binary);
  REQUIRE(f.good());
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// By value: callers pass temporaries.
analysis only(const result& r) {
  REQUIRE(r.fatal.code == status::ok);
  REQUIRE(r.entries.size() == 1);
  REQUIRE(r.entries[0].failure.code == status::ok);
  return r.entries[0].article;
}

bool has_code(const analysis& a, std::string_view code) {
  for (const diagnostic& d : a.diagnostics)
    if (d.code == code) return true;
  return false;
}

std::string slice(const analysis& a, span s) {
  return a.text.substr(s.start, s.size());
}

}  // namespace

TEST_CASE("input: wire timestamps in the forms wire services print", "[input][timestamp]") {
  std::string iso;
  const std::pair<const char*, const char*> cases[] = {
      {"22 Mar 2023 10:29", "2023-03-22T10:29"},
      {"2023-03-22T10:29:00Z", "2023-03-22T10:29:00Z"},
      {"2023-03-22T10:29:00.250+03:00", "2023-03-22T10:29:00+03:00"},
      {"2023-03-22 10:29", "2023-03-22T10:29"},
      {"2023-03-22", "2023-03-22"},
      {"07/06/2022 11:02", "2022-06-07T11:02"},
      {"07/06/2022 11:02 CEST", "2022-06-07T11:02+02:00"},
      {"12/31/2022 23:59 EDT", "2022-12-31T23:59-04:00"},
      {"Wed, 22 Mar 2023 10:29:00 GMT", "2023-03-22T10:29:00Z"},
      {"March 22, 2023 6:40 p.m. (UTC+3)", "2023-03-22T18:40+03:00"},
      {"22.03.2023 10:29 UTC+5:30", "2023-03-22T10:29+05:30"},
  };
  for (auto [in, want] : cases) {
    INFO(in);
    REQUIRE(input::parse_timestamp(in, iso));
    CHECK(iso == want);
  }
  CHECK_FALSE(input::parse_timestamp("China ready to deepen cooperation", iso));
  CHECK_FALSE(input::parse_timestamp("31/02/2023 10:00", iso));
  CHECK_FALSE(input::parse_timestamp("22 Mar 2023 10:29 and more words", iso));
}

TEST_CASE("input: datelines in wire styles", "[input][dateline]") {
  text::civil anchor{2023, 3, 22};
  dateline d;
  CHECK(input::leading_dateline("BEIJING. March 22 (Interfax) - China stands", anchor, d) == 31);
  CHECK((d.place == "BEIJING" && d.date == "2023-03-22" && d.agency == "Interfax"));
  CHECK(input::leading_dateline("SKARVIK, Sept 4 (Varnet) - Text", anchor, d) > 0);
  CHECK((d.place == "SKARVIK" && d.date == "2022-09-04" && d.agency == "Varnet"));
  CHECK(input::leading_dateline("Moscow (Reuters) \xE2\x80\x94 Text", anchor, d) > 0);
  CHECK((d.place == "Moscow" && d.date.empty() && d.agency == "Reuters"));
  CHECK(input::leading_dateline("MOSCOW, March 21 /Interfax/ -- Text", anchor, d) > 0);
  CHECK((d.place == "MOSCOW" && d.date == "2023-03-21" && d.agency == "Interfax"));
  CHECK(input::leading_dateline("WASHINGTON - Text", anchor, d) > 0);
  CHECK(d.place == "WASHINGTON");
  // Year-end: a 30 December dateline on a 2 January story is last year's.
  CHECK(input::leading_dateline("OSLO, Dec 30 (NTB) - Text", {2024, 1, 2}, d) > 0);
  CHECK(d.date == "2023-12-30");
  CHECK(input::leading_dateline("The mayor - who spoke - said so", anchor, d) == 0);
  CHECK(input::leading_dateline("Xi said - and meant it", anchor, d) == 0);
}

TEST_CASE("input: the seed reads right", "[input][seed]") {
  std::ifstream f(std::string(QUOTELINE_SHARED) + "/seed/000_73de68f7b28712c7.txt");
  if (!f.good()) return;  // shared data absent: nothing to check
  std::stringstream ss;
  ss << f.rdbuf();
  result r = analyze(ss.str());
  const analysis a = only(r);
  CHECK(a.published == "2023-03-22T10:29");
  CHECK(a.headline ==
        "China ready to deepen strategic cooperation with Russia regardless of global "
        "situation - Xi Jinping");
  REQUIRE(a.dateline);
  CHECK((a.dateline->place == "BEIJING" && a.dateline->date == "2023-03-22" &&
         a.dateline->agency == "Interfax"));
  // The lead paragraph (with the dateline) and eight more.
  CHECK(a.paragraphs.size() == 9);
  CHECK(a.text.find("\"No matter how") == 397);
}

TEST_CASE("input: wire text with curly quotes, accents and an emoji", "[input][wire]") {
  result r = analyze(fixture("wire_ferry.txt"));
  const analysis a = only(r);
  CHECK(a.published == "2022-06-07T11:02+02:00");
  CHECK(a.headline == "Harbour town votes to keep its island ferry \xE2\x80\x93 mayor");
  REQUIRE(a.dateline);
  CHECK((a.dateline->place == "SKARVIK" && a.dateline->date == "2022-06-07"));
  REQUIRE(a.paragraphs.size() == 4);
  CHECK(slice(a, a.paragraphs[2]) ==
        "The ferry, which carries about 300 passengers a day, was due to stop in October.");
  // UTF-16 offsets: the emoji counts two units, each curly quote one.
  std::string json = to_json(a);
  size_t emoji = a.text.find("\xF0\x9F\x9A\xA2");
  REQUIRE(emoji != std::string::npos);
  CHECK(json.find("\"paragraphs\":[{\"start\":") != std::string::npos);
}

TEST_CASE("input: an AP dateline without a timestamp or headline", "[input][wire]") {
  const analysis a = only(analyze(fixture("wire_plain.txt")));
  CHECK(a.headline.empty());
  REQUIRE(a.dateline);
  CHECK((a.dateline->place == "NAIROBI, Kenya" && a.dateline->agency == "AP"));
  CHECK(a.paragraphs.size() == 2);
}

TEST_CASE("input: the generic JSON shape", "[input][json]") {
  result r = analyze(fixture("generic.json"));
  const analysis a = only(r);
  CHECK(a.id == "gen-001");
  CHECK(a.headline ==
        "Caf\xC3\xA9 owners \xE2\x80\x9C"
        "cautiously optimistic\xE2\x80\x9D about new rules");
  CHECK(a.published == "2024-11-03T09:15:00+01:00");
  REQUIRE(a.dateline);
  CHECK((a.dateline->place == "LYON" && a.dateline->date == "2024-11-03" &&
         a.dateline->agency == "Relay"));
  CHECK(a.byline == "Zo\xC3\xAB Martin");
  CHECK(a.paragraphs.size() == 2);
}

TEST_CASE("input: IPTC ninjs 1.x with an HTML body", "[input][json][ninjs]") {
  const analysis a = only(analyze(fixture("ninjs1.json")));
  CHECK(a.id == "urn:example:ninjs1:42");
  CHECK(a.published == "2021-05-20T14:00:00Z");
  CHECK(a.byline == "Priya Raman");
  REQUIRE(a.dateline);
  CHECK(a.dateline->place == "Leeds");
  REQUIRE(a.paragraphs.size() == 4);
  CHECK(slice(a, a.paragraphs[1]) ==
        "\xE2\x80\x9CPeople asked for it,\xE2\x80\x9D said director Sam O\xE2\x80\x99Neill.");
  CHECK(slice(a, a.paragraphs[3]) == "Second & last");
  CHECK(a.text.find("alert") == std::string::npos);  // script is not article text
  CHECK(a.text.find('<') == std::string::npos);
}

TEST_CASE("input: IPTC ninjs 2.x headlines and bodies arrays", "[input][json][ninjs]") {
  const analysis a = only(analyze(fixture("ninjs2.json")));
  CHECK(a.headline == "Bridge repairs to finish early");
  CHECK(a.byline == "Tom\xC3\xA1s Ferreira");
  CHECK(a.published == "2022-08-01T08:30:00+02:00");  // firstcreated over versioncreated
  CHECK(a.paragraphs.size() == 2);
}

TEST_CASE("input: IPTC ninjs 3.x plain-text bodies", "[input][json][ninjs]") {
  const analysis a = only(analyze(fixture("ninjs3.json")));
  CHECK(a.headline == "Orchestra names new conductor");
  CHECK(a.published == "2023-01-10T12:00:00Z");
  CHECK(a.paragraphs.size() == 2);
}

TEST_CASE("input: schema.org NewsArticle inside an @graph", "[input][json][schema]") {
  const analysis a = only(analyze(fixture("schema.jsonld")));
  CHECK(a.id == "https://example.test/news/1");
  CHECK(a.headline == "Rain delays harvest across the valley");
  CHECK(a.published == "2023-09-14T07:45:00-04:00");
  CHECK(a.byline == "Mei Lin, Ravi Kumar");
  REQUIRE(a.dateline);
  CHECK(a.dateline->place == "FRESNO, Calif.");
}

TEST_CASE("input: a JSON array is a collection; a bad record stands alone", "[input][json]") {
  result r = analyze(fixture("array.json"));
  REQUIRE(r.fatal.code == status::ok);
  CHECK(r.collection);
  REQUIRE(r.entries.size() == 3);
  CHECK(r.entries[1].article.headline == "Second");
  CHECK(r.entries[2].failure.code == status::not_an_article);
  CHECK(r.entries[2].article.id == "a3");
}

TEST_CASE("input: JSON Lines, blank lines skipped", "[input][jsonl]") {
  result r = analyze(fixture("collection.jsonl"));
  REQUIRE(r.fatal.code == status::ok);
  CHECK(r.collection);
  REQUIRE(r.entries.size() == 3);
  CHECK(r.entries[2].article.id == "l3");
}

TEST_CASE("input: HTML becomes text, nothing of the markup survives", "[input][html]") {
  std::string out;
  input::html_to_text(
      "<h1>Title</h1><p class=\"x>y\">A &amp; B&nbsp;&#x1F600;<br>next</p><!-- c -->"
      "<style>p{}</style><p>&bogus; &#0; 1 < 2</p><SCRIPT>x()</SCRIPT><p>end",
      out);
  CHECK(out == "Title\n\nA & B\xC2\xA0\xF0\x9F\x98\x80\nnext\n\n&bogus; \xEF\xBF\xBD 1 < 2\n\nend");
}

TEST_CASE("input: page furniture in an HTML body is not article text", "[input][html]") {
  std::string out;
  size_t n = input::html_to_text(
      "<nav><a href=/>Home</a> / <a href=/local>Local</a></nav>"
      "<p>Mayor Ana Ruiz opened the bridge.</p>"
      "<figure><img src=a.jpg><figcaption>\u201cA great day,\u201d said Ruiz.</figcaption>"
      "</figure><aside><p>Sign up:</p><form><button>Go</button></form></aside>"
      "<ul><li><a href=1>Bridge \u201cunsafe\u201d, says engineer</a></li>"
      "<li><a href=2>More news</a></li></ul>"
      "<div class=\"video-player\"><div><span>Watch</span></div></div>"
      "<p>\u201cIt is open,\u201d she said.</p>"
      "<ul><li>Bring water.</li><li>Walk, <a href=3>map</a>.</li></ul><footer>(c)</footer>",
      out);
  CHECK(out ==
        "Mayor Ana Ruiz opened the bridge.\n\n\u201cIt is open,\u201d she said.\n\n"
        "Bring water.\n\nWalk, map.\n\n");
  CHECK(n == 6);
  // An element never closed is read, not dropped with the rest of the body.
  out.clear();
  CHECK(input::html_to_text("<p>One.</p><figure><p>Two.</p>", out) == 0);
  CHECK(out == "One.\n\nTwo.\n\n");
  // Thousands of unclosed ones are read once each, not rescanned.
  std::string many;
  for (int k = 0; k < 20000; ++k) many += "<aside>x ";
  out.clear();
  CHECK(input::html_to_text(many, out) == 0);
  CHECK(std::count(out.begin(), out.end(), 'x') == 20000);
}

// --- hostile input ---------------------------------------------------------

TEST_CASE("hostile: truncated JSON is an error with a position", "[input][hostile]") {
  std::string in = "{\"id\": \"x\", \"body\": \"abc";
  result r = analyze(in);
  CHECK(r.fatal.code == status::invalid_json);
  CHECK(r.fatal.position == static_cast<int64_t>(in.size()));  // it ends too early
}

TEST_CASE("hostile: trailing commas are an error at the comma's follower", "[input][hostile]") {
  result r = analyze("{\"body\": \"a\",}");
  CHECK(r.fatal.code == status::invalid_json);
  CHECK(r.fatal.position == 13);
  CHECK(analyze("[{\"body\": \"a\"},]").fatal.code == status::invalid_json);
}

TEST_CASE("hostile: wrong field types give warnings or a clear error", "[input][hostile]") {
  result r = analyze("{\"body\": 12}");
  CHECK(r.entries.at(0).failure.code == status::not_an_article);
  CHECK(r.entries.at(0).failure.message.find("number") != std::string::npos);
  const analysis& a =
      only(analyze("{\"headline\": [\"a\", 1], \"published\": true, \"body\": \"Text.\"}"));
  CHECK(a.headline.empty());
  CHECK(a.published.empty());
  CHECK(has_code(a, "wrong_type"));
  CHECK(a.text == "Text.");
}

TEST_CASE("hostile: deep nesting is read to 50 levels and refused at 10,000", "[input][hostile]") {
  std::string deep50 =
      "{\"body\": \"ok\", \"x\": " + std::string(50, '[') + std::string(50, ']') + "}";
  CHECK(only(analyze(deep50)).text == "ok");
  std::string deep = std::string(10000, '[') + std::string(10000, ']');
  CHECK(analyze(deep).fatal.code == status::too_deep);
  std::string unclosed(10000, '{');
  CHECK(analyze(unclosed).fatal.code != status::ok);
}

TEST_CASE("hostile: empty and blank inputs", "[input][hostile]") {
  CHECK(analyze("").fatal.code == status::empty_input);
  CHECK(analyze(" \n\t\r\n").fatal.code == status::empty_input);
}

TEST_CASE("hostile: a NUL byte is kept out of the text with a warning", "[input][hostile]") {
  const analysis a = only(analyze(std::string("Before\0after.", 13)));
  CHECK(a.text == "Before after.");
  CHECK(has_code(a, "control_characters"));
  // Inside JSON a raw NUL is a syntax error; an escaped one is a warning.
  CHECK(analyze(std::string("{\"body\": \"a\0b\"}", 15)).fatal.code == status::invalid_json);
  CHECK(has_code(only(analyze("{\"body\": \"a\\u0000b\"}")), "control_characters"));
}

TEST_CASE("hostile: invalid and overlong UTF-8 become U+FFFD", "[input][hostile]") {
  const analysis a = only(analyze("caf\xC3 ok \xC0\xAF done \xF8"));
  CHECK(a.text == "caf\xEF\xBF\xBD ok \xEF\xBF\xBD\xEF\xBF\xBD done \xEF\xBF\xBD");
  CHECK(has_code(a, "invalid_utf8"));
  const analysis j = only(analyze("{\"body\": \"bad \xFF byte\"}"));
  CHECK(j.text == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("hostile: a UTF-16 file with a BOM is decoded", "[input][hostile]") {
  std::u16string src = u"{\"body\": \"\u201CHi\u201D \U0001F4F0\"}";
  std::string le("\xFF\xFE", 2), be("\xFE\xFF", 2);
  for (char16_t c : src) {
    le += static_cast<char>(c & 0xFF), le += static_cast<char>(c >> 8);
    be += static_cast<char>(c >> 8), be += static_cast<char>(c & 0xFF);
  }
  CHECK(only(analyze(le)).text == "\xE2\x80\x9CHi\xE2\x80\x9D \xF0\x9F\x93\xB0");
  CHECK(only(analyze(be)).text == "\xE2\x80\x9CHi\xE2\x80\x9D \xF0\x9F\x93\xB0");
  CHECK(has_code(only(analyze(le)), "utf16_input"));
}

TEST_CASE("hostile: lone surrogate escapes become U+FFFD", "[input][hostile]") {
  const analysis a = only(analyze("{\"body\": \"a\\ud800b \\udc00 \\ud83d\\udcf0 \\\\ud800\"}"));
  CHECK(a.text ==
        "a\xEF\xBF\xBD"
        "b \xEF\xBF\xBD \xF0\x9F\x93\xB0 \\ud800");
  CHECK(has_code(a, "lone_surrogate"));
}

TEST_CASE("hostile: a 60 MB body is read whole", "[input][hostile][large]") {
  std::string body;
  body.reserve(61'000'000);
  while (body.size() < 60'000'000) body += "The council met again. \"We agree,\" she said.\n\n";
  std::string json = "{\"body\": \"" + std::string() + "\"}";
  std::string in = "{\"id\": \"big\", \"body\": \"";
  for (char c : body)
    in += c == '\n' ? std::string("\\n") : c == '"' ? std::string("\\\"") : std::string(1, c);
  in += "\"}";
  const analysis a = only(analyze(in));
  CHECK(a.text.size() >= 59'000'000);
  CHECK(a.paragraphs.size() > 1'000'000);
}

TEST_CASE("hostile: a 5 MB line without a newline", "[input][hostile][large]") {
  std::string line;
  while (line.size() < 5'000'000) line += "words without end ";
  const analysis a = only(analyze(line));
  CHECK(a.paragraphs.size() == 1);
  CHECK(a.text.size() == line.size() - 1);  // the trailing space is trimmed
}

TEST_CASE("input: a numeric id is kept as written, wherever it sits", "[input][json]") {
  CHECK(only(analyze("{\"id\": 42, \"body\": \"a\"}")).id == "42");
  CHECK(only(analyze("{\"id\": 12345678901234567890123, \"body\": \"a\"}")).id ==
        "12345678901234567890123");
  // Numbers before it, nested and in earlier records, do not shift it.
  result r = analyze(
      "[{\"n\": [1, {\"m\": -2.5e3}], \"id\": 7, \"body\": \"a\"},"
      " {\"id\": 8, \"n\": 0, \"id\": 9, \"body\": \"b\"}]");
  REQUIRE(r.entries.size() == 2);
  CHECK(r.entries[0].article.id == "7");
  CHECK(r.entries[1].article.id == "8");
  result g = analyze(
      "{\"k\": 1, \"@graph\": [{\"n\": 5}, {\"@type\": \"NewsArticle\", \"id\": 6,"
      " \"articleBody\": \"x\"}, {\"@type\": \"NewsArticle\", \"n\": [3, 4], \"id\": 0.5,"
      " \"articleBody\": \"y\"}]}");
  REQUIRE(g.entries.size() == 2);
  CHECK(g.entries[0].article.id == "6");
  CHECK(g.entries[1].article.id == "0.5");
}

TEST_CASE("hostile: a malformed number is an error at the number", "[input][hostile]") {
  for (const char* bad :
       {"01", "-", "+1", "1.", ".5", "1e", "1e+", "12abc", "--1", "1.5.2", "0x10", "/1"}) {
    std::string in = std::string("{\"body\": \"a\", \"n\": ") + bad + "}";
    result r = analyze(in);
    INFO(bad);
    CHECK(r.fatal.code == status::invalid_json);
    CHECK(r.fatal.position == 19);
  }
  // Digits inside strings are not numbers, escaped quotes included.
  CHECK(only(analyze("{\"body\": \"a \\\"01\\\\\", \"id\": \"1x\"}")).id == "1x");
  // In JSON Lines the bad line alone fails, at its own offset.
  result l = analyze("{\"body\": \"a\"}\n{\"body\": \"b\", \"n\": 1.}\n{\"body\": \"c\"}",
                     {input_format::jsonl});
  REQUIRE(l.entries.size() == 3);
  CHECK(l.entries[1].failure.code == status::invalid_json);
  CHECK(l.entries[1].failure.position == 14 + 19);
  CHECK(l.entries[2].article.text == "c");
}

TEST_CASE("hostile: duplicate keys keep the first with a warning", "[input][hostile]") {
  const analysis a = only(analyze("{\"body\": \"first\", \"body\": \"second\"}"));
  CHECK(a.text == "first");
  CHECK(has_code(a, "duplicate_key"));
}

TEST_CASE("hostile: HTML and script in every field stay inert text", "[input][hostile]") {
  const char* in =
      "{\"id\": \"<img src=x onerror=alert(1)>\", \"headline\": \"<script>alert(1)</script>\","
      " \"byline\": \"<b>Eve</b>\", \"dateline\": \"<i>PLACE</i>\","
      " \"body\": \"<p>Hello</p> <script>alert(2)</script>\"}";
  const analysis a = only(analyze(in));
  CHECK(a.headline == "<script>alert(1)</script>");
  CHECK(a.byline == "<b>Eve</b>");
  CHECK(a.text == "<p>Hello</p> <script>alert(2)</script>");  // a plain body is text, kept whole
  std::string json = to_json(a);
  CHECK(json.find("<") == std::string::npos);  // "<" is escaped, no "</script>" in a page
}

TEST_CASE("hostile: oversize input is refused before any work", "[input][hostile]") {
  options o;
  o.max_input = 10;
  CHECK(analyze("A short article body.", o).fatal.code == status::input_too_large);
}

TEST_CASE("hostile: unbalanced JSON error offsets are found linearly", "[input][hostile]") {
  CHECK(input::json_error_offset("{\"a\" 1}") == 5);
  CHECK(input::json_error_offset("[1, 2") == 5);
  CHECK(input::json_error_offset("{} x") == 3);
  CHECK(input::json_error_offset("[tru]") == 1);
}
