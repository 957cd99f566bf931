#include "output/json_writer.h"

#include <algorithm>
#include <cstring>

#include "text/chars.h"
#include "text/swar.h"
#include "text/utf8.h"

namespace quoteline::output {

namespace {

// `buf` past `pos` is spare room; makes sure at least `n` bytes of it exist.
char* room(std::string& buf, size_t pos, size_t n) {
  if (buf.size() - pos < n) buf.resize(std::max(pos + n, buf.size() * 2));
  return buf.data() + pos;
}

// memcpy for the short pieces JSON is made of (keys, numbers, ids, the text
// between two escapes): inline moves of overlapping words instead of a
// library call, never reading past the source.
inline void copy(char* p, const char* s, size_t n) {
  if (n > 16) {
    if (n > 64) return void(std::memcpy(p, s, n));
    for (size_t i = 0; i + 16 < n; i += 16) std::memcpy(p + i, s + i, 16);
    std::memcpy(p + n - 16, s + n - 16, 16);
  } else if (n >= 8) {
    std::memcpy(p, s, 8);
    std::memcpy(p + n - 8, s + n - 8, 8);
  } else if (n >= 4) {
    std::memcpy(p, s, 4);
    std::memcpy(p + n - 4, s + n - 4, 4);
  } else {
    for (size_t i = 0; i < n; ++i) p[i] = s[i];
  }
}

// High bit of the first byte a JSON string cannot hold as is: controls,
// '"', '\', '<' (no "</script>" inside a page), and non-ASCII, which is
// checked. Bytes after the first flagged one may be flagged wrongly (a
// borrow runs on), which is fine: only the first is used.
inline uint64_t to_escape(uint64_t x) {
  using text::swar::kOnes;
  uint64_t t = ((x ^ kOnes * '"') - kOnes) | ((x ^ kOnes * '\\') - kOnes) |
               ((x ^ kOnes * '<') - kOnes) | (x - kOnes * 0x20) | x;
  return t & text::swar::kHigh;
}

// Whether a string of at most 16 bytes needs no escaping at all: two
// overlapping word loads, no byte loop. (A wrong flag can only follow a
// right one, so "none flagged" is exact.)
inline bool plain_short(const char* b, size_t n) {
  uint64_t x;
  if (n >= 8) {
    x = to_escape(text::swar::load(b)) | to_escape(text::swar::load(b + n - 8));
  } else if (n >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, b, 4);
    std::memcpy(&hi, b + n - 4, 4);
    x = to_escape(uint64_t(lo) << 32 | hi);
  } else {
    x = 0;
    for (size_t i = 0; i < n; ++i) x |= text::byte_is(b[i], text::byte_escape);
  }
  return !x;
}

// Index of the first byte from j on that needs escaping, or n.
inline size_t next_escape(const char* b, size_t j, size_t n) {
#ifdef QUOTELINE_SSE2
  const __m128i quote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\'), lt = _mm_set1_epi8('<'),
                space = _mm_set1_epi8(0x20);
  for (; j + 16 <= n; j += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + j));
    // Signed: bytes from 0x80 up are negative, so below the space too.
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)),
                             _mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmplt_epi8(v, space)));
    if (int bits = _mm_movemask_epi8(m)) return j + static_cast<size_t>(__builtin_ctz(bits));
  }
#endif
  for (; j + 8 <= n; j += 8)
    if (uint64_t m = to_escape(text::swar::load(b + j))) return j + text::swar::first(m);
  while (j < n && !text::byte_is(b[j], text::byte_escape)) ++j;
  return j;
}

// Writes `s` as a string literal at buf[pos], returns the new end. Text is
// copied in runs between the bytes that need escaping, found eight at a
// time; valid UTF-8 is part of a run.
size_t put_string(std::string& buf, size_t pos, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const char* b = s.data();
  const size_t n = s.size();
  // Invariant: room for the rest of the input from `i` plus the closing quote.
  char* p = room(buf, pos, n + 2);
  *p++ = '"';
  size_t i = 0, j = 0;  // the run s[i, j) is still to be copied
  for (;;) {
    j = next_escape(b, j, n);
    if (j >= n) break;
    unsigned char c = static_cast<unsigned char>(b[j]);
    if (c >= 0x80) {
      if (size_t len = text::valid_utf8(s, j)) {
        j += len;
        continue;
      }
    }
    copy(p, b + i, j - i);
    p += j - i;
    pos = static_cast<size_t>(p - buf.data());
    if (c >= 0x80) {
      // Validated so that output is valid UTF-8 even if a caller slipped.
      size_t end = j;
      while (end < n && static_cast<unsigned char>(b[end]) >= 0x80) ++end;
      std::string fixed;
      text::repair_utf8(s.substr(j, end - j), fixed);
      p = room(buf, pos, fixed.size() + n - end + 1);
      std::memcpy(p, fixed.data(), fixed.size());
      p += fixed.size();
      i = j = end;
      continue;
    }
    p = room(buf, pos, n - j + 6);
    *p++ = '\\';
    switch (c) {
      case '"':
      case '\\':
        *p++ = static_cast<char>(c);
        break;
      case '\n':
        *p++ = 'n';
        break;
      case '\r':
        *p++ = 'r';
        break;
      case '\t':
        *p++ = 't';
        break;
      default:  // control characters and '<'
        std::memcpy(p, "u00", 3);
        p[3] = kHex[c >> 4];
        p[4] = kHex[c & 15];
        p += 5;
    }
    i = ++j;
  }
  copy(p, b + i, n - i);
  p += n - i;
  *p++ = '"';
  return static_cast<size_t>(p - buf.data());
}

}  // namespace

void append_string(std::string& out, std::string_view s) {
  out.resize(put_string(out, out.size(), s));
}

void json_writer::grow(size_t n) {
  size_t pos = this->pos();
  out_.resize(std::max(pos + n, out_.size() * 2));
  at(pos);
}

void json_writer::put(std::string_view s) {
  copy(room(s.size()), s.data(), s.size());
  cur_ += s.size();
}

void json_writer::newline() {
  size_t n = 1 + static_cast<size_t>(depth_) * 2;
  char* p = room(n);
  *p = '\n';
  std::memset(p + 1, ' ', n - 1);
  cur_ += n;
}

// Most strings are short and plain (names, ids, values): one check and one
// copy, without the scanning loop.
inline void json_writer::put_string(std::string_view s) {
  if (s.size() <= 16 && plain_short(s.data(), s.size())) {
    char* p = room(s.size() + 2);
    *p = '"';
    copy(p + 1, s.data(), s.size());
    p[s.size() + 1] = '"';
    cur_ += s.size() + 2;
  } else {
    at(output::put_string(out_, pos(), s));
  }
}

inline void json_writer::put_key(name key) {
  before_value();
  std::string_view k = key.text();
  if (key.is_plain()) {
    char* p = room(k.size() + 4);
    *p = '"';
    copy(p + 1, k.data(), k.size());
    std::memcpy(p + 1 + k.size(), "\": ", 3);
    cur_ += k.size() + (pretty_ ? 4 : 3);
  } else {
    at(output::put_string(out_, pos(), k));
    put(pretty_ ? std::string_view(": ") : std::string_view(":"));
  }
}

inline void json_writer::put_number(int64_t v) {
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  char* p = room(20);
  uint64_t u = static_cast<uint64_t>(v);
  if (v < 0) *p++ = '-', u = 0 - u;
  // Offsets and counts are mostly below 100,000: compares, not divisions.
  size_t n = u < 10 ? 1 : u < 100 ? 2 : u < 1000 ? 3 : u < 10000 ? 4 : u < 100000 ? 5 : 6;
  for (uint64_t t = u / 1000000; t; t /= 10) ++n;
  char* d = p + n;
  for (; u >= 100; u /= 100) d -= 2, std::memcpy(d, kPairs + u % 100 * 2, 2);
  if (u >= 10)
    d -= 2, std::memcpy(d, kPairs + u * 2, 2);
  else
    *--d = static_cast<char>('0' + u);
  cur_ = p + n;
}

json_writer& json_writer::begin_object() {
  before_value();
  put('{');
  ++depth_;
  first_ = true;
  return *this;
}

json_writer& json_writer::close(char bracket) {
  --depth_;
  if (!first_ && pretty_) newline();
  put(bracket);
  first_ = false;
  return *this;
}

json_writer& json_writer::end_object() {
  return close('}');
}

json_writer& json_writer::begin_array() {
  before_value();
  put('[');
  ++depth_;
  first_ = true;
  return *this;
}

json_writer& json_writer::end_array() {
  return close(']');
}

json_writer& json_writer::key(name k) {
  put_key(k);
  after_key_ = true;
  return *this;
}

json_writer& json_writer::string(std::string_view s) {
  before_value();
  put_string(s);
  return *this;
}

json_writer& json_writer::number(int64_t v) {
  before_value();
  put_number(v);
  return *this;
}

json_writer& json_writer::field(name k, std::string_view v) {
  put_key(k);
  put_string(v);
  return *this;
}

json_writer& json_writer::field(name k, int64_t v) {
  put_key(k);
  put_number(v);
  return *this;
}

json_writer& json_writer::boolean(bool v) {
  before_value();
  put(v ? std::string_view("true") : std::string_view("false"));
  return *this;
}

json_writer& json_writer::null() {
  before_value();
  put("null");
  return *this;
}

}  // namespace quoteline::output
