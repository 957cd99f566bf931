#include "text/tokens.h"

#include <algorithm>
#include <cstring>

#include "text/chars.h"
#include "text/swar.h"
#include "text/utf8.h"

namespace quoteline::text {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

namespace {
// Single ASCII letters joined by periods: "U.S", "D.C".
bool is_initialism(std::string_view w) {
  if (w.size() < 3 || w.size() % 2 == 0) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    bool letter = (w[i] >= 'A' && w[i] <= 'Z') || (w[i] >= 'a' && w[i] <= 'z');
    if (i % 2 == 0 ? !letter : w[i] != '.') return false;
  }
  return true;
}

// ASCII byte classes: the tokenizer decodes only the bytes above 0x7F.
enum : uint8_t { a_letter = 1, a_digit = 2, a_space = 4, a_upper = 8, a_joiner = 16 };
struct ascii_table {
  uint8_t v[128] = {};
  constexpr ascii_table() {
    for (int c = 'a'; c <= 'z'; ++c) v[c] = a_letter;
    for (int c = 'A'; c <= 'Z'; ++c) v[c] = a_letter | a_upper;
    for (int c = '0'; c <= '9'; ++c) v[c] = a_digit;
    for (unsigned char c : {' ', '\t', '\n', '\r'}) v[c] = a_space;
    for (unsigned char c : {'\'', '-', '.'}) v[c] = a_joiner;
  }
};
constexpr ascii_table kAscii{};

// Whether the code point at s[k] is a letter.
bool letter_at(std::string_view s, size_t k) {
  unsigned char b = static_cast<unsigned char>(s[k]);
  if (b < 0x80) return kAscii.v[b] & a_letter;
  return is_letter(next_cp(s, k));
}

// End of the word that starts at i (after its first code point).
size_t word_end(std::string_view s, size_t i, size_t end) {
  // Inner apostrophes, hyphens and periods join: O'Neill, co-op, U.S.
  while (i < end) {
    i = swar::alnum_end(s.data(), s.size(), i, end);
    if (i >= end || s[i] == ' ') break;  // the common end of a word
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if ((kAscii.v[b] & a_joiner) && i + 1 < end && letter_at(s, i + 1)) {
        ++i;
        continue;
      }
      break;
    }
    size_t j = i;
    uint32_t c = next_cp(s, j);
    if (is_letter(c)) {
      i = j;
      continue;
    }
    if (c == 0x2019 && j < end && letter_at(s, j)) {
      i = j;
      continue;
    }
    break;
  }
  return i;
}

size_t number_end(std::string_view s, size_t i, size_t end) {
  while (i < end) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b >= '0' && b <= '9') {
      ++i;
      continue;
    }
    if ((b == ',' || b == '.' || b == ':') && i + 1 < end && s[i + 1] >= '0' && s[i + 1] <= '9') {
      i += 2;
      continue;
    }
    break;
  }
  return i;
}
}  // namespace

void tokenize(std::string_view s, span range, std::vector<token>& out) {
  size_t i = range.start, end = range.end < s.size() ? range.end : s.size();
  bool newline = false;
  while (i < end) {
    size_t start = i;
    unsigned char b = static_cast<unsigned char>(s[i]);
    uint8_t k;
    uint32_t cp = b;
    if (b < 0x80) {
      k = kAscii.v[b];
      ++i;
    } else {
      cp = next_cp(s, i);
      k = is_space(cp)    ? a_space
          : is_letter(cp) ? (is_upper(cp) ? a_letter | a_upper : a_letter)
                          : 0;
    }
    if (k & a_space) {
      if (cp == '\n') newline = true;
      continue;
    }
    uint8_t flags = newline ? tok_newline : 0;
    newline = false;
    if (k & a_letter) {
      flags |= (k & a_upper) ? tok_word | tok_upper : tok_word;
      i = word_end(s, i, end);
      // An initialism keeps its final period ("U.S."), a word does not.
      if (i < end && s[i] == '.' && is_initialism(s.substr(start, i - start))) ++i;
    } else if (k & a_digit) {
      flags |= tok_number;
      i = number_end(s, i, end);
    } else {
      flags |= tok_punct;
    }
    // Stored in place: a token copied from the stack after field-by-field
    // stores stalls on the copy.
    token& t = out.emplace_back();
    t.at.start = static_cast<uint32_t>(start);
    t.at.end = static_cast<uint32_t>(i);
    t.flags = flags;
    if (i < end && s[i] == ' ') ++i;  // the usual single space between tokens
  }
}

std::vector<token> tokenize(std::string_view s, span range) {
  std::vector<token> out;
  tokenize(s, range, out);
  return out;
}

}  // namespace quoteline::text
