// UTF-8 handling: repair of untrusted bytes, decoding of repaired text, and
// the byte -> UTF-16 offset map used once per article at the output boundary.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/swar.h"

namespace quoteline::text {

// Copies `in` to `out`, replacing each maximal invalid subpart (overlong
// forms, surrogates, truncated sequences, bytes > F4) with U+FFFD as the
// Unicode standard recommends, so one bad byte never eats its neighbours.
// Returns the number of replacements and the byte offset of the first one.
struct repair_report {
  size_t replaced = 0;
  int64_t first = -1;
};
repair_report repair_utf8(std::string_view in, std::string& out);

// Decodes UTF-16 (LE or BE) to UTF-8; unpaired surrogates become U+FFFD.
repair_report utf16_to_utf8(std::string_view in, bool little_endian, std::string& out);

void append_utf8(std::string& out, uint32_t cp);

// Length of the well-formed UTF-8 sequence at s[i], or 0 when it is not one
// (repair_utf8 replaces exactly those). Inline: the JSON writer checks each
// non-ASCII character of its strings with it.
inline size_t valid_utf8(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  const size_t left = s.size() - i;
  if (c < 0xC2) return 0;
  if (c <= 0xDF) return left >= 2 && (b(1) & 0xC0) == 0x80 ? 2 : 0;
  if (c <= 0xEF) {
    if (left < 3 || (b(2) & 0xC0) != 0x80) return 0;
    unsigned char x = b(1);
    unsigned char lo = c == 0xE0 ? 0xA0 : 0x80,
                  hi = c == 0xED ? 0x9F : 0xBF;  // overlong, surrogates
    return x >= lo && x <= hi ? 3 : 0;
  }
  if (c <= 0xF4) {
    if (left < 4 || (b(2) & 0xC0) != 0x80 || (b(3) & 0xC0) != 0x80) return 0;
    unsigned char x = b(1);
    unsigned char lo = c == 0xF0 ? 0x90 : 0x80,
                  hi = c == 0xF4 ? 0x8F : 0xBF;  // overlong, > U+10FFFF
    return x >= lo && x <= hi ? 4 : 0;
  }
  return 0;
}

// Decodes the code point at s[i] of valid UTF-8 and advances i. Inline:
// every stage walks text with it.
inline uint32_t next_cp(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return ++i, c;
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  uint32_t cp = c & (0x3F >> (n - 1));
  size_t k = 1;
  for (; k < static_cast<size_t>(n) && i + k < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += k;
  return cp;
}
// Decodes the code point that ends just before s[i] and moves i back to it.
uint32_t prev_cp(std::string_view s, size_t& i);
// The same for the last code point before s[i] that is not a space, looking
// no further back than s[lo]; 0 (i unchanged) when there is none.
uint32_t prev_visible(std::string_view s, size_t& i, size_t lo);

// A map from byte offsets to UTF-16 offsets, built in one pass; each lookup
// is constant time. Exact for any bytes: every byte that is not a
// continuation byte starts a unit, and a byte from F0 up starts two.
class utf16_map {
 public:
  explicit utf16_map(std::string_view s);
  uint32_t operator()(uint32_t byte) const {
    if (byte > size_) byte = size_;
    const size_t b = byte >> 6;
    const uint64_t before = (uint64_t(1) << (byte & 63)) - 1;
    uint32_t units = marks_[b] + swar::popcount(starts_[b] & before);
    if (!astral_.empty()) units += swar::popcount(astral_[b] & before);
    return units;
  }

 private:
  // Per 64-byte block: the UTF-16 offset at its start, and a bit for each of
  // its bytes that starts a unit (and, only when the text has any, for each
  // byte from F0 up).
  std::vector<uint32_t> marks_;
  std::vector<uint64_t> starts_, astral_;
  uint32_t size_ = 0;
};

}  // namespace quoteline::text
