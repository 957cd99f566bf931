// The output contract: the same input always gives byte-identical output (in
// one process, across calls in any order, and between compact and pretty
// forms of the same analysis), and every output is valid JSON whatever the
// input holds: control characters, lone surrogates, broken UTF-8, markup.
#include <catch2/catch.hpp>

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../../fuzz/json_valid.h"
#include "quoteline/quoteline.h"

using namespace quoteline;
using namespace std::string_literals;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Every fixture file, sorted, recursively.
void list(const std::string& dir, std::vector<std::string>& out) {
  DIR* d = opendir(dir.c_str());
  if (!d) return;
  std::vector<std::string> names;
  while (dirent* e = readdir(d))
    if (e->d_name[0] != '.') names.push_back(e->d_name);
  closedir(d);
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) {
    std::string p = dir + "/" + n;
    if (DIR* sub = opendir(p.c_str())) {
      closedir(sub);
      list(p, out);
    } else {
      out.push_back(p);
    }
  }
}

std::vector<std::string> fixtures() {
  std::vector<std::string> out;
  list(QUOTELINE_FIXTURES, out);
  return out;
}

// What the CLI prints: one JSON value per line, each one checked.
std::string render(std::string_view in, bool pretty = false) {
  result r = analyze(in);
  std::vector<std::string> lines;
  if (r.fatal.code != status::ok) lines.push_back(to_json(r.fatal));
  for (const entry& e : r.entries)
    lines.push_back(e.failure.code != status::ok ? to_json(e.failure) : to_json(e.article, pretty));
  std::string all;
  for (const std::string& l : lines) {
    check::json_checker c(l);
    INFO("at byte " << c.where() << " of " << l);
    CHECK(c.valid());
    all += l + "\n";
  }
  return all;
}

// The body of the JSON string value of `key` in `json` (first occurrence).
std::string raw_field(const std::string& json, const std::string& key) {
  size_t at = json.find("\"" + key + "\":");
  if (at == std::string::npos) return {};
  at = json.find('"', at + key.size() + 3);
  size_t end = at + 1;
  while (end < json.size() && json[end] != '"') end += json[end] == '\\' ? 2 : 1;
  return json.substr(at + 1, end - at - 1);
}

}  // namespace

TEST_CASE("determinism: every fixture gives the same output twice, in any order", "[determinism]") {
  std::vector<std::string> files = fixtures();
  REQUIRE(files.size() >= 5);
  std::vector<std::string> first;
  for (const std::string& f : files) first.push_back(render(read_file(f)));
  // Backwards, so state left behind by one article cannot hide.
  for (size_t i = files.size(); i-- > 0;) {
    INFO(files[i]);
    CHECK(render(read_file(files[i])) == first[i]);
  }
}

TEST_CASE("determinism: pretty output is the compact output with whitespace", "[determinism]") {
  for (const std::string& f : fixtures()) {
    INFO(f);
    std::string compact = render(read_file(f), false), pretty = render(read_file(f), true);
    std::string squeezed;
    bool in_string = false;
    for (size_t i = 0; i < pretty.size(); ++i) {
      char c = pretty[i];
      if (in_string && c == '\\') {
        squeezed += c;
        squeezed += pretty[++i];
        continue;
      }
      if (c == '"') in_string = !in_string;
      if (!in_string && (c == ' ' || c == '\n')) continue;
      squeezed += c;
    }
    compact.erase(std::remove(compact.begin(), compact.end(), '\n'), compact.end());
    CHECK(squeezed == compact);
  }
}

TEST_CASE("determinism: the seed article reads the same every time", "[determinism]") {
  std::string seed = read_file(QUOTELINE_SHARED "/seed/000_73de68f7b28712c7.txt");
  if (seed.empty()) {
    WARN("skipped: ../shared/seed not present");
    return;
  }
  std::string once = render(seed);
  for (int i = 0; i < 5; ++i) CHECK(render(seed) == once);
}

TEST_CASE("output: every control character in wire text comes out escaped", "[determinism]") {
  std::string body =
      "Mayor \xe2\x80\x9c"
      "Ana\xe2\x80\x9d said:";
  for (int c = 0; c < 0x20; ++c) body += "a"s + char(c) + "b ";
  body += "\x7f caf\xc3\xa9 \xf0\x9f\x98\x80.";
  std::string in = "22 Mar 2023 10:29\n\nHeadline \x01 with \x1f controls\n\n" + body + "\n";
  std::string out = render(in);
  for (unsigned char c : out) CHECK((c >= 0x20 || c == '\n'));
}

TEST_CASE("output: control characters and lone surrogates in every JSON field stay valid",
          "[determinism]") {
  std::string nasty;
  for (int c = 1; c < 0x20; ++c) {
    char esc[8];
    std::snprintf(esc, sizeof esc, "\\u%04x", c);
    nasty += esc;
  }
  nasty += "\\u0000 \\ud800 \\udfff \\udc00\\ud800 \\ud83d\\ude00 \\\" \\\\ \\/ </script>";
  std::string in = "{\"id\":\"" + nasty + "\",\"headline\":\"" + nasty + "\",\"byline\":\"" +
                   nasty + "\",\"published\":\"" + nasty + "\",\"body\":\"\\u201cWe go,\\u201d " +
                   nasty + " said Ana.\\n\\n" + nasty + "\"}";
  std::string out = render(in);
  REQUIRE(out.find("\"error\"") == std::string::npos);
  for (unsigned char c : out) CHECK((c >= 0x20 || c == '\n'));
  // The paired surrogate survives as one character; lone halves do not.
  std::string headline = raw_field(out, "headline");
  CHECK(headline.find("\\u0001") != std::string::npos);
  CHECK(headline.find("\xf0\x9f\x98\x80") != std::string::npos);
  CHECK(headline.find("\\ud800") == std::string::npos);
  CHECK(headline.find("</") == std::string::npos);
}

TEST_CASE("output: invalid UTF-8 and lone surrogates in raw bytes become valid text",
          "[determinism]") {
  const std::string inputs[] = {
      "Bad \xff\xfe bytes, \xc0\xaf overlong, \xed\xa0\x80 surrogate, \xf4\x90\x80\x80 too big.",
      "{\"id\":\"x\",\"body\":\"Raw \xed\xb0\x80 half and \xe2\x80 cut\"}",
      "\xef\xbb\xbf\xe2\x80\x9cQuote\xe2\x80\x9d \x00 with a NUL."s,
  };
  for (const std::string& in : inputs) {
    std::string once = render(in);
    CHECK(render(in) == once);
  }
}

TEST_CASE("reader: one entry at a time gives what analyze() gives at once", "[determinism]") {
  std::vector<std::string> inputs;
  for (const std::string& f : fixtures()) inputs.push_back(read_file(f));
  // Failed records between good ones, a @graph split, an array, blank lines.
  inputs.push_back(
      "{\"id\":\"a\",\"body\":\"He said \\\"yes.\\\"\"}\n\n{\"id\":\"b\"}\n{bad\n"
      "{\"@graph\":[{\"@type\":\"NewsArticle\",\"articleBody\":\"one\"},"
      "{\"@type\":\"NewsArticle\",\"articleBody\":\"two\"}]}\n");
  inputs.push_back("[{\"body\":\"x\"},{\"title\":\"no body\"},{\"body\":\"y\"}]");
  for (const std::string& in : inputs) {
    result all = analyze(in);
    reader r(in);
    CHECK(r.fatal().code == all.fatal.code);
    CHECK(r.collection() == all.collection);
    size_t i = 0;
    for (entry e; r.next(e); ++i) {
      REQUIRE(i < all.entries.size());
      const entry& want = all.entries[i];
      CHECK(e.failure.code == want.failure.code);
      CHECK(e.failure.record == want.failure.record);
      CHECK(to_json(e.article) == to_json(want.article));
    }
    CHECK(i == all.entries.size());
    entry extra;
    CHECK_FALSE(r.next(extra));
  }
}

TEST_CASE("reader: each JSON Lines entry reads as its line would alone", "[determinism]") {
  const std::vector<std::string> lines = {
      "{\"id\":\"a\",\"body\":\"\\u201cWe will win,\\u201d Ms. Lee said on Monday.\"}",
      "{\"id\":\"b\",\"published\":\"2024-05-02\",\"body\":\"He said it would end by June.\"}",
      "{\"id\":\"c\",\"body\":\"Nothing quoted here.\"}"};
  std::string all;
  for (const std::string& l : lines) all += l + "\n";
  reader r(all);
  REQUIRE(r.collection());
  size_t i = 0;
  for (entry e; r.next(e); ++i) {
    REQUIRE(i < lines.size());
    result alone = analyze(lines[i]);
    REQUIRE(alone.entries.size() == 1);
    CHECK(to_json(e.article) == to_json(alone.entries[0].article));
  }
  CHECK(i == lines.size());
}
