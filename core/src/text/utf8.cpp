#include "text/utf8.h"

#include <cstring>

namespace quoteline::text {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {
constexpr char kReplacement[] = "\xEF\xBF\xBD";

// Length of the valid sequence starting at s[i], or 0 with `bad` set to the
// length of the maximal invalid subpart to replace.
size_t valid_length(std::string_view s, size_t i, size_t& bad) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  bad = 1;
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  for (size_t k = 1; k < need; ++k) {
    if (i + k >= s.size()) return 0;
    unsigned char x = b(k);
    unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (x < l || x > h) return 0;
    bad = k + 1;
  }
  return need;
}
}  // namespace

repair_report repair_utf8(std::string_view in, std::string& out) {
  repair_report r;
  // libc++ (the wasm build) shrinks on a smaller reserve(): never ask for
  // less than a caller already reserved, or its padding costs a copy.
  if (out.capacity() < out.size() + in.size()) out.reserve(out.size() + in.size());
  size_t i = 0;
  while (i < in.size()) {
    // ASCII fast path: most news text is ASCII between its curly quotes.
    size_t j = i;
    // Eight bytes at a time while none has its high bit set.
    while (j + 8 <= in.size()) {
      uint64_t w;
      std::memcpy(&w, in.data() + j, 8);
      if (w & 0x8080808080808080ull) break;
      j += 8;
    }
    while (j < in.size() && static_cast<unsigned char>(in[j]) < 0x80) ++j;
    out.append(in.data() + i, j - i);
    i = j;
    if (i >= in.size()) break;
    size_t bad;
    size_t n = valid_length(in, i, bad);
    if (n) {
      out.append(in.data() + i, n);
      i += n;
    } else {
      if (r.first < 0) r.first = static_cast<int64_t>(i);
      ++r.replaced;
      out += kReplacement;
      i += bad;
    }
  }
  return r;
}

repair_report utf16_to_utf8(std::string_view in, bool le, std::string& out) {
  repair_report r;
  auto unit = [&](size_t k) {
    unsigned a = static_cast<unsigned char>(in[k]), b = static_cast<unsigned char>(in[k + 1]);
    return le ? (b << 8 | a) : (a << 8 | b);
  };
  size_t i = 0;
  for (; i + 1 < in.size(); i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < in.size()) {
      uint32_t v = unit(i + 2);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      if (r.first < 0) r.first = static_cast<int64_t>(i);
      ++r.replaced;
      u = 0xFFFD;
    }
    append_utf8(out, u);
  }
  if (i < in.size()) {  // odd trailing byte
    if (r.first < 0) r.first = static_cast<int64_t>(i);
    ++r.replaced;
    out += kReplacement;
  }
  return r;
}

uint32_t prev_cp(std::string_view s, size_t& i) {
  size_t j = i;
  do {
    --j;
  } while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80);
  size_t k = j;
  uint32_t cp = next_cp(s, k);
  i = j;
  return cp;
}

namespace {
// Each lead byte starts one UTF-16 unit, a four-byte lead two. Branch-free
// so the compiler can vectorize the block loop.
inline uint32_t units_of(const unsigned char* p, size_t n) {
  uint32_t units = 0;
  for (size_t i = 0; i < n; ++i) units += ((p[i] & 0xC0) != 0x80) + (p[i] >= 0xF0);
  return units;
}
}  // namespace

utf16_map::utf16_map(std::string_view s) : s_(s) {
  marks_.reserve(s.size() / 64 + 2);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  uint32_t units = 0;
  size_t i = 0;
  for (; i + 64 <= s.size(); i += 64) {
    marks_.push_back(units);
    units += units_of(p + i, 64);
  }
  marks_.push_back(units);  // the block holding s.size(), possibly empty
}

uint32_t utf16_map::operator()(uint32_t byte) const {
  if (byte > s_.size()) byte = static_cast<uint32_t>(s_.size());
  size_t block = byte & ~size_t(63);
  return marks_[byte >> 6] +
         units_of(reinterpret_cast<const unsigned char*>(s_.data()) + block, byte - block);
}

}  // namespace quoteline::text
