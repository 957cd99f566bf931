// UTF-8 handling: repair of untrusted bytes, decoding of repaired text, and
// the byte -> UTF-16 offset map used once per article at the output boundary.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

// UTF-16 length of valid UTF-8, and a map from byte offsets to UTF-16
// offsets, built in one pass.
class utf16_map {
 public:
  explicit utf16_map(std::string_view s);
  uint32_t operator()(uint32_t byte) const;

 private:
  // UTF-16 offset at every 64th byte; the remainder is counted on demand.
  std::vector<uint32_t> marks_;
  std::string_view s_;
};

}  // namespace quoteline::text
