#include "text/utf8.h"

#include <algorithm>
#include <cstring>

#include "text/chars.h"
#include "text/swar.h"

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
  const size_t n = in.size();
  size_t i = 0;  // start of the bytes not yet copied
  size_t j = 0;
  while (j < n) {
    // Valid text is copied in runs as long as possible: ASCII eight bytes at
    // a time, other characters once checked.
    while (j + 8 <= n && !swar::high(swar::load(in.data() + j))) j += 8;
    if (j >= n) break;
    if (static_cast<unsigned char>(in[j]) < 0x80) {
      ++j;
      continue;
    }
    if (size_t len = valid_utf8(in, j)) {
      j += len;
      continue;
    }
    out.append(in.data() + i, j - i);
    size_t bad;
    valid_length(in, j, bad);
    if (r.first < 0) r.first = static_cast<int64_t>(j);
    ++r.replaced;
    out += kReplacement;
    i = j += bad;
  }
  out.append(in.data() + i, n - i);
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

uint32_t prev_visible(std::string_view s, size_t& i, size_t lo) {
  for (size_t k = i; k > lo;) {
    uint32_t c = prev_cp(s, k);
    if (!is_space(c)) return i = k, c;
  }
  return 0;
}

utf16_map::utf16_map(std::string_view s) : size_(static_cast<uint32_t>(s.size())) {
  const size_t blocks = s.size() / 64 + 1;  // the last holds s.size(), possibly empty
  marks_.resize(blocks);
  starts_.resize(blocks);
  uint32_t units = 0;
  for (size_t b = 0; b < blocks; ++b) {
    const size_t from = b * 64, to = std::min(from + 64, s.size());
    uint64_t starts = 0, astral = 0;
    size_t i = from;
#ifdef QUOTELINE_SSE2
    const __m128i top2 = _mm_set1_epi8(static_cast<char>(0xC0)),
                  cont = _mm_set1_epi8(static_cast<char>(0x80)),
                  top4 = _mm_set1_epi8(static_cast<char>(0xF0));
    for (; i + 16 <= to; i += 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      uint64_t c =
          static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, top2), cont)));
      uint64_t a =
          static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, top4), top4)));
      starts |= (~c & 0xFFFF) << (i - from);
      astral |= a << (i - from);
    }
#endif
    for (; i + 8 <= to; i += 8) {
      uint64_t x = swar::load(s.data() + i);
      if (!swar::high(x)) {
        starts |= uint64_t(0xFF) << (i - from);
        continue;
      }
      uint64_t cont = x & ~(x << 1) & swar::kHigh;  // 10xxxxxx
      starts |= uint64_t(swar::bits(~cont & swar::kHigh)) << (i - from);
      astral |= uint64_t(swar::bits(x & (x << 1) & (x << 2) & (x << 3) & swar::kHigh))
                << (i - from);
    }
    for (; i < to; ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      starts |= uint64_t((c & 0xC0) != 0x80) << (i - from);
      astral |= uint64_t(c >= 0xF0) << (i - from);
    }
    if (astral && astral_.empty()) astral_.resize(blocks);
    if (astral) astral_[b] = astral;
    marks_[b] = units;
    starts_[b] = starts;
    units += swar::popcount(starts) + swar::popcount(astral);
  }
}

}  // namespace quoteline::text
