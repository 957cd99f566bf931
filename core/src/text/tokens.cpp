#include "text/tokens.h"

#include "text/chars.h"
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
}  // namespace

std::vector<token> tokenize(std::string_view s, span range) {
  std::vector<token> out;
  size_t i = range.start, end = range.end < s.size() ? range.end : s.size();
  bool newline = false;
  while (i < end) {
    size_t start = i;
    uint32_t cp = next_cp(s, i);
    if (is_space(cp)) {
      if (cp == '\n') newline = true;
      continue;
    }
    token t;
    t.at.start = static_cast<uint32_t>(start);
    if (newline) t.flags |= tok_newline;
    newline = false;
    if (is_letter(cp)) {
      t.flags |= tok_word;
      if (is_upper(cp)) t.flags |= tok_upper;
      // Inner apostrophes, hyphens and periods join: O'Neill, co-op, U.S.
      while (i < end) {
        size_t j = i;
        uint32_t c = next_cp(s, j);
        if (is_letter(c) || is_digit(c)) {
          i = j;
          continue;
        }
        if ((c == '\'' || c == 0x2019 || c == '-' || c == '.') && j < end) {
          size_t k = j;
          if (is_letter(next_cp(s, k))) {
            i = j;
            continue;
          }
        }
        break;
      }
      // An initialism keeps its final period ("U.S."), a word does not.
      if (i < end && s[i] == '.' && is_initialism(s.substr(start, i - start))) ++i;
    } else if (is_digit(cp)) {
      t.flags |= tok_number;
      while (i < end) {
        size_t j = i;
        uint32_t c = next_cp(s, j);
        if (is_digit(c)) {
          i = j;
          continue;
        }
        if ((c == ',' || c == '.' || c == ':') && j < end) {
          size_t k = j;
          if (is_digit(next_cp(s, k))) {
            i = k;
            continue;
          }
        }
        break;
      }
    } else {
      t.flags |= tok_punct;
    }
    t.at.end = static_cast<uint32_t>(i);
    out.push_back(t);
  }
  return out;
}

}  // namespace quoteline::text
