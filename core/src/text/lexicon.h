// Compiled word lists: sorted, lowercase keys with an optional value, made
// from core/data/ by tools/gen_lexicons.py (`make data`).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace quoteline::text {

struct lex_entry {
  std::string_view key;
  std::string_view value;
};

class lexicon {
 public:
  template <size_t N>
  constexpr explicit lexicon(const lex_entry (&entries)[N]) : begin_(entries), end_(entries + N) {}

  // Case-insensitive (ASCII) lookup; nullptr when absent.
  const lex_entry* find(std::string_view word) const {
    char buf[64];
    if (word.size() > sizeof buf) return nullptr;
    for (size_t i = 0; i < word.size(); ++i) {
      char c = word[i];
      buf[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    }
    std::string_view key(buf, word.size());
    const lex_entry* it = std::lower_bound(
        begin_, end_, key, [](const lex_entry& e, std::string_view k) { return e.key < k; });
    return it != end_ && it->key == key ? it : nullptr;
  }
  bool contains(std::string_view word) const { return find(word) != nullptr; }

 private:
  const lex_entry* begin_;
  const lex_entry* end_;
};

}  // namespace quoteline::text
