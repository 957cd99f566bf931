// The JSON writer's fast paths (escaping found sixteen or eight bytes at a
// time, short strings checked whole, keys from literals, numbers two digits
// at a time) against plain one-byte references.
#include <catch2/catch.hpp>

#include <cinttypes>
#include <cstdio>
#include <random>
#include <string>

#include "output/json_writer.h"
#include "text/utf8.h"

using namespace quoteline;

namespace {

// Escaping one byte at a time; runs of non-ASCII bytes go through repair.
std::string reference_string(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t end = i;
      while (end < s.size() && static_cast<unsigned char>(s[end]) >= 0x80) ++end;
      text::repair_utf8(s.substr(i, end - i), out);
      i = end;
      continue;
    }
    char buf[8];
    if (c == '"' || c == '\\') {
      out += '\\', out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == '<') {
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  return out + "\"";
}

const char* const kPieces[] = {"a",
                               "word ",
                               "\"",
                               "\\",
                               "<",
                               "\n",
                               "\t",
                               "\r",
                               "\x01",
                               "\x1f",
                               "\x7f",
                               "\xc3\xa9",
                               "\xe2\x80\x9c",
                               "\xf0\x9f\x98\x80",
                               "\xff",
                               "\xc0\xaf",
                               "\xed\xa0\x80",
                               "\xe2\x80",
                               "\xf4\x90\x80\x80",
                               "\x80",
                               "abcdefghijklmnop",
                               "/",
                               "\xef\xbb\xbf"};

}  // namespace

TEST_CASE("output writer: strings escape as the byte-by-byte rules say", "[output][writer]") {
  std::mt19937 rng(5);
  std::uniform_int_distribution<size_t> pick(0, sizeof kPieces / sizeof kPieces[0] - 1);
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    for (int k = round % 30; k > 0; --k) s += kPieces[pick(rng)];
    std::string out = "prefix";
    output::append_string(out, s);
    INFO("round " << round);
    REQUIRE(out == "prefix" + reference_string(s));
  }
  // Every length around the word sizes, one special byte at each place.
  for (size_t n = 0; n < 40; ++n)
    for (size_t at = 0; at <= n; ++at)
      for (const char* special : {"\"", "<", "\x05", "\xc3\xa9", "\xff"}) {
        std::string s(n, 'x');
        s.insert(at, special);
        std::string out;
        output::append_string(out, s);
        REQUIRE(out == reference_string(s));
      }
}

TEST_CASE("output writer: keys, values and numbers", "[output][writer]") {
  std::string out;
  {
    output::json_writer w(out, false);
    w.begin_object();
    w.field("a", "x\"y").field("n", int64_t(-42)).field("u", uint32_t(4000000000u));
    w.key(output::name(std::string_view("odd \"key\" <"))).number(7);
    w.key("list").begin_array();
    for (int64_t v :
         {int64_t(0), int64_t(9), int64_t(10), int64_t(99), int64_t(100), int64_t(99999),
          int64_t(100000), int64_t(999999), int64_t(1000000), int64_t(-1), INT64_MAX, INT64_MIN})
      w.number(v);
    w.boolean(true).null().string("");
    w.end_array().end_object();
  }
  CHECK(out ==
        "{\"a\":\"x\\\"y\",\"n\":-42,\"u\":4000000000,\"odd \\\"key\\\" \\u003c\":7,"
        "\"list\":[0,9,10,99,100,99999,100000,999999,1000000,-1,9223372036854775807,"
        "-9223372036854775808,true,null,\"\"]}");
  std::string pretty;
  {
    output::json_writer w(pretty, true);
    w.begin_object().field("a", 1).key("b").begin_array().number(2).end_array().end_object();
  }
  CHECK(pretty == "{\n  \"a\": 1,\n  \"b\": [\n    2\n  ]\n}");
}

TEST_CASE("output writer: a long string grows the buffer as needed", "[output][writer]") {
  std::string big;
  for (int i = 0; i < 5000; ++i) big += "<\x01\xff";
  std::string out;
  {
    output::json_writer w(out, false);
    w.string(big);
  }
  CHECK(out == reference_string(big));
}
