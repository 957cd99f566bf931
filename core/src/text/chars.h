// Character classes over code points, for the scripts news text uses. Every
// code point at or above U+0080 that is not listed as space or punctuation
// counts as a letter, so unknown scripts still form words.
#pragma once

#include <cstdint>

namespace quoteline::text {

inline bool is_space(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x3000 || c == 0xFEFF;
}

inline bool is_digit(uint32_t c) {
  return c >= '0' && c <= '9';
}

inline bool is_punct(uint32_t c) {
  if (c < 0x80) return !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !is_digit(c);
  return (c >= 0xA1 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
         (c >= 0x2010 && c <= 0x205E) ||  // dashes, quotes, ellipsis, primes
         (c >= 0x3000 && c <= 0x303F) ||  // CJK punctuation and brackets
         (c >= 0xFF01 && c <= 0xFF0F) || c == 0xFFFD;
}

inline bool is_letter(uint32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return !is_space(c) && !is_punct(c) && !(c >= 0x1F000);  // emoji are symbols
}

inline bool is_upper(uint32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return (c & 1) == 0 && c != 0x138;
  if (c >= 0x391 && c <= 0x3A9) return true;  // Greek
  if (c >= 0x400 && c <= 0x42F) return true;  // Cyrillic
  return false;
}

}  // namespace quoteline::text

namespace quoteline::text {

// Byte classes for the byte-at-a-time scanners of the text and output
// stages: one table load per byte instead of a chain of comparisons.
enum byte_class : uint8_t {
  byte_break = 1,     // may start a line break: \n \v \f \r, C2 (U+0085), E2 (U+2028/9)
  byte_collapse = 2,  // stops a plain copy: space, controls, DEL, C2 (C1 controls), EF (BOM)
  byte_escape = 4,    // needs care in a JSON string: controls, " \ <, and non-ASCII
  byte_terminal = 8,  // may end a sentence: . ! ? and E2 (an ellipsis)
  byte_word = 16,     // part of the word before a period: letters, digits, ".", non-ASCII
};

struct byte_table {
  uint8_t v[256] = {};
  constexpr byte_table() {
    for (int c = 0; c < 256; ++c) {
      uint8_t f = 0;
      if ((c >= '\n' && c <= '\r') || c == 0xC2 || c == 0xE2) f |= byte_break;
      if (c <= ' ' || c == 0x7F || c == 0xC2 || c == 0xEF) f |= byte_collapse;
      if (c < 0x20 || c == '"' || c == '\\' || c == '<' || c >= 0x80) f |= byte_escape;
      if (c == '.' || c == '!' || c == '?' || c == 0xE2) f |= byte_terminal;
      if (c >= 0x80 || c == '.' || (c >= '0' && c <= '9') ||
          ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
        f |= byte_word;
      v[c] = f;
    }
  }
};

inline constexpr byte_table kBytes{};

inline bool byte_is(char c, uint8_t cls) {
  return kBytes.v[static_cast<unsigned char>(c)] & cls;
}

}  // namespace quoteline::text
