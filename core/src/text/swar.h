// Eight bytes at a time in a plain uint64_t ("SIMD within a register"): the
// scanners of the text and output stages test whole words for the rare
// bytes they stop at. Portable C++, so the wasm build gets the same speed-up.
// Every mask is exact per byte (no carries between bytes), so any set bit
// may be used, not only the first.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

// SSE2 (every x86-64) scans sixteen bytes at a time where it exists; the
// SWAR code is the portable path, also taken when QUOTELINE_NO_SSE2 is
// defined, so native tests can check it.
#if defined(__SSE2__) && !defined(QUOTELINE_NO_SSE2)
#define QUOTELINE_SSE2 1
#include <emmintrin.h>
#endif

namespace quoteline::text::swar {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHigh = 0x8080808080808080ull;
constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;

// Byte 0 of the word is p[0] on either byte order: little endian loads as is,
// big endian is swapped so the masks below read the same way.
inline uint64_t load(const char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = __builtin_bswap64(x);
#endif
  return x;
}

// High bit of each byte equal to c.
inline uint64_t eq(uint64_t x, uint8_t c) {
  uint64_t z = x ^ (kOnes * c);
  return ~(((z & kLow7) + kLow7) | z) & kHigh;
}

// High bit of each byte below c (c <= 0x80).
inline uint64_t below(uint64_t x, uint8_t c) {
  return ~((x & kLow7) + kOnes * (0x80 - c)) & ~x & kHigh;
}

// High bit of each byte at or above 0x80.
inline uint64_t high(uint64_t x) {
  return x & kHigh;
}

// Index of the first byte flagged in a nonzero mask.
inline size_t first(uint64_t m) {
  return static_cast<size_t>(__builtin_ctzll(m)) >> 3;
}

// Number of bytes flagged in a mask.
inline uint32_t count(uint64_t m) {
  return static_cast<uint32_t>(((m >> 7) * kOnes) >> 56);
}

// The flags of a mask gathered into one bit per byte (bit k for byte k).
inline uint32_t bits(uint64_t m) {
  return static_cast<uint32_t>(((m >> 7) * 0x0102040810204080ull) >> 56);
}

// Number of set bits; a builtin where it is one instruction, else the
// classic reduction (x86-64 without POPCNT would call a library routine).
inline uint32_t popcount(uint64_t x) {
#if defined(__POPCNT__) || defined(__wasm__)
  return static_cast<uint32_t>(__builtin_popcountll(x));
#else
  x -= (x >> 1) & 0x5555555555555555ull;
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
  return static_cast<uint32_t>((x * kOnes) >> 56);
#endif
}

// High bit of each byte that is an ASCII letter or digit.
inline uint64_t alnum(uint64_t x) {
  uint64_t l = (x | kOnes * 0x20) & kLow7;
  uint64_t letter = (l + kOnes * (0x80 - 'a')) & ~(l + kOnes * (0x7F - 'z'));
  uint64_t d = x & kLow7;
  uint64_t digit = (d + kOnes * (0x80 - '0')) & ~(d + kOnes * (0x7F - '9'));
  return (letter | digit) & ~x & kHigh;
}

// The end of the run of ASCII letters and digits in s[i, end), where s holds
// `size` bytes: words are mostly such runs, and the tokenizers scan every one.
inline size_t alnum_end(const char* s, size_t size, size_t i, size_t end) {
  for (; i + 8 <= size; i += 8) {
    if (uint64_t stop = ~alnum(load(s + i)) & kHigh) return std::min(end, i + first(stop));
    if (i + 8 >= end) return end;
  }
  for (; i < end; ++i) {
    unsigned c = static_cast<unsigned char>(s[i]);
    if (!((c | 0x20u) - 'a' < 26u || c - '0' < 10u)) break;
  }
  return i;
}

}  // namespace quoteline::text::swar
