// The text stage's word-at-a-time scanners against plain one-byte (or one
// code point) references, on random text built from the pieces that stop
// them: every kind of space, break, control, quote and broken sequence, at
// every alignment.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "text/document.h"
#include "text/utf8.h"

using namespace quoteline;

namespace {

const char* const kPieces[] = {"word",
                               "Mr.",
                               "U.S.",
                               "etc.",
                               " ",
                               "  ",
                               "\t",
                               "\n",
                               "\n\n",
                               "\r\n",
                               "\r",
                               "\f",
                               "\v",
                               "\xc2\x85",
                               "\xc2\xa0",
                               "\xc2\x80",
                               "\xc2\x9f",
                               "\xe2\x80\xa8",
                               "\xe2\x80\xa9",
                               "\xef\xbb\xbf",
                               "\xef\xbc\x81",
                               "\x01",
                               "\x7f",
                               ".",
                               "!",
                               "?",
                               "\xe2\x80\xa6",
                               "\xe2\x80\x9c",
                               "\xe2\x80\x9d",
                               "\"",
                               "<",
                               "\\",
                               "\xf0\x9f\x93\xb0",
                               "caf\xc3\xa9",
                               "The",
                               "x",
                               "A",
                               "3.5",
                               "(",
                               ")",
                               "abcdefghijklmnopq",
                               "\xe2\x80\x94"};

std::string random_text(std::mt19937& rng, size_t pieces) {
  std::string s;
  std::uniform_int_distribution<size_t> pick(0, sizeof kPieces / sizeof kPieces[0] - 1);
  for (size_t i = 0; i < pieces; ++i) s += kPieces[pick(rng)];
  return s;
}

// The normalizer's rules applied one code point at a time.
struct reference {
  enum sep { none, space, soft, hard };
  std::string out;
  std::vector<span> paras;
  std::vector<uint32_t> softs;
  sep pending = none;
  bool open = false, line_content = false, blank_seen = false;
  size_t start = 0, controls = 0;

  void close() {
    if (open && out.size() > start) paras.push_back({uint32_t(start), uint32_t(out.size())});
    open = false;
  }
  void content() {
    line_content = true;
    if (!open || pending == hard) {
      close();
      if (!paras.empty()) out += "\n\n";
      start = out.size();
      open = true;
    } else if (pending != none) {
      if (pending == soft) softs.push_back(uint32_t(out.size()));
      out += ' ';
    }
    pending = none;
  }
  void run(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      size_t at = i;
      // Valid UTF-8 is decoded; of cut sequences only the leads that may
      // start a break or a space (C2, E2, EF) are, as in build().
      unsigned char c = static_cast<unsigned char>(s[i]);
      bool decode = c < 0x80 || c == 0xC2 || c == 0xE2 || c == 0xEF || text::valid_utf8(s, i);
      uint32_t cp = decode ? text::next_cp(s, i) : (++i, 0x41);
      if (cp == '\r' && i < s.size() && s[i] == '\n') ++i;
      if (cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028) {
        pending = line_content ? std::max(pending, soft) : hard;
        if (!line_content) blank_seen = true;
        line_content = false;
      } else if (cp == '\f' || cp == '\v' || cp == 0x2029) {
        pending = hard, blank_seen = true, line_content = false;
      } else if (cp == ' ' || cp == '\t' || cp == 0xFEFF || cp < 0x20 ||
                 (cp >= 0x7F && cp < 0xA0)) {
        if (cp != ' ' && cp != '\t' && cp != 0xFEFF) ++controls;
        pending = std::max(pending, space);
      } else {
        content();
        out.append(s.substr(at, i - at));
      }
    }
    close();
    if (blank_seen || softs.empty()) return;
    // One paragraph per line.
    std::string t;
    std::vector<span> ps;
    size_t from = paras.empty() ? 0 : paras.front().start;
    for (size_t k = 0; k <= softs.size(); ++k) {
      size_t to = k < softs.size() ? softs[k] : out.size();
      if (!t.empty()) t += "\n\n";
      ps.push_back({uint32_t(t.size()), uint32_t(t.size() + to - from)});
      t.append(out, from, to - from);
      from = to + 1;
    }
    out = t, paras = ps;
  }
};

}  // namespace

TEST_CASE("text scan: build matches the one-code-point rules on random text", "[text][scan]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string s = random_text(rng, round % 60);
    if (round % 7 == 0 && !s.empty()) s.pop_back();  // cut sequences at the end too
    reference r;
    r.run(s);
    std::vector<diagnostic> diags;
    text::document d = text::build(s, diags);
    INFO("round " << round);
    REQUIRE(d.text == r.out);
    REQUIRE(d.paragraphs.size() == r.paras.size());
    for (size_t k = 0; k < r.paras.size(); ++k) {
      CHECK(d.paragraphs[k].start == r.paras[k].start);
      CHECK(d.paragraphs[k].end == r.paras[k].end);
    }
    CHECK(diags.size() == (r.controls ? 1u : 0u));
  }
}

TEST_CASE("text scan: a sentence end is found at every alignment", "[text][scan]") {
  for (size_t k = 1; k < 40; ++k) {
    std::string lead(k, 'x');
    std::vector<diagnostic> diags;
    auto two = text::build(lead + ". Next one here.", diags);
    CHECK(two.sentences.size() == 2);
    auto abbrev = text::build(lead + " Mr. Smith came.", diags);
    CHECK(abbrev.sentences.size() == 1);
    auto ellipsis = text::build(lead + "\xe2\x80\xa6 Then more.", diags);
    CHECK(ellipsis.sentences.size() == 2);
    auto quote = text::build(lead + " \xe2\x80\x9cYes.\xe2\x80\x9d He left.", diags);
    CHECK(quote.sentences.size() == 2);
    auto upper = text::build(lead + " ETC. And so on.", diags);
    CHECK(upper.sentences.size() == 1);  // abbreviations match in any case
    auto initial = text::build(lead + " J. Smith left.", diags);
    CHECK(initial.sentences.size() == 1);
    auto longer = text::build(lead + " Etcetera. And so on.", diags);
    CHECK(longer.sentences.size() == 2);
  }
}

TEST_CASE("text scan: repair copies valid text and replaces maximal subparts", "[text][scan]") {
  std::mt19937 rng(11);
  const char* const bad[] = {
      "\xff",         "\xc0\xaf", "\xed\xa0\x80", "\xe2\x80", "\xf4\x90\x80\x80",
      "\xf0\x9f\x93", "\x80",     "\xc2"};
  for (int round = 0; round < 2000; ++round) {
    std::string clean = random_text(rng, round % 40);
    std::string out;
    auto r = text::repair_utf8(clean, out);
    REQUIRE(out == clean);
    REQUIRE(r.replaced == 0);
    // One broken piece at a random place: everything else survives.
    std::string b = bad[round % 8];
    size_t at = clean.empty() ? 0 : rng() % clean.size();
    while (at > 0 && (static_cast<unsigned char>(clean[at]) & 0xC0) == 0x80) --at;
    std::string broken = clean.substr(0, at) + b + "!" + clean.substr(at);
    out.clear();
    r = text::repair_utf8(broken, out);
    CHECK(r.replaced >= 1);
    CHECK(r.first == static_cast<int64_t>(at));
    CHECK(out.substr(0, at) == clean.substr(0, at));
    CHECK(out.substr(out.size() - (clean.size() - at + 1)) == "!" + clean.substr(at));
  }
}

TEST_CASE("text scan: UTF-16 offsets match a count at every byte", "[text][scan][offsets]") {
  std::mt19937 rng(3);
  for (int round = 0; round < 300; ++round) {
    std::string s = random_text(rng, round % 80);
    if (round % 5 == 0) s += "\xf0\x9f";  // a cut astral lead counts two
    if (round % 9 == 0) s.insert(0, "\x9f\xbf");
    text::utf16_map m(s);
    uint32_t units = 0;
    for (size_t b = 0; b <= s.size() + 2; ++b) {
      INFO("round " << round << " byte " << b);
      REQUIRE(m(static_cast<uint32_t>(b)) == units);
      if (b < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[b]);
        units += ((c & 0xC0) != 0x80) + (c >= 0xF0);
      }
    }
  }
}
