// Compiled word lists: sorted, lowercase keys with an optional value, made
// from core/data/ by tools/gen_lexicons.py (`make data`).
#pragma once

#include <cstddef>
#include <string_view>

namespace quoteline::text {

struct lex_entry {
  std::string_view key;
  std::string_view value;
};

// One list as one string literal, a "key\tvalue\n" line per entry, keys in
// byte order. A literal rather than an array of string_view pairs: their
// pointers (16 bytes an entry) were most of the wasm build's data.
class lexicon {
 public:
  template <size_t N>
  constexpr lexicon(const char (&lines)[N]) : s_(lines, N - 1) {}

  class iterator {
   public:
    constexpr iterator(std::string_view s, size_t at) : s_(s), at_(at) {}
    constexpr lex_entry operator*() const { return entry_at(s_, at_); }
    constexpr iterator& operator++() {
      at_ = s_.find('\n', at_) + 1;
      return *this;
    }
    constexpr bool operator!=(const iterator& o) const { return at_ != o.at_; }

   private:
    std::string_view s_;
    size_t at_;
  };
  constexpr iterator begin() const { return iterator(s_, 0); }
  constexpr iterator end() const { return iterator(s_, s_.size()); }
  constexpr size_t size() const {
    size_t n = 0;
    for (char c : s_) n += c == '\n';
    return n;
  }

  // Case-insensitive (ASCII) lookup: a binary search over the lines.
  bool find(std::string_view word, lex_entry& out) const {
    char buf[64];
    if (word.size() > sizeof buf) return false;
    for (size_t i = 0; i < word.size(); ++i) {
      char c = word[i];
      buf[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    }
    std::string_view key(buf, word.size());
    size_t lo = 0, hi = s_.size();  // whole lines, [lo, hi)
    while (lo < hi) {
      size_t start = lo + (hi - lo) / 2;
      while (start > lo && s_[start - 1] != '\n') --start;
      lex_entry e = entry_at(s_, start);
      if (e.key < key) {
        lo = s_.find('\n', start) + 1;
      } else if (key < e.key) {
        hi = start;
      } else {
        out = e;
        return true;
      }
    }
    return false;
  }
  bool contains(std::string_view word) const {
    lex_entry e;
    return find(word, e);
  }

 private:
  // The entry whose line starts at `at`.
  static constexpr lex_entry entry_at(std::string_view s, size_t at) {
    size_t end = s.find('\n', at);
    std::string_view line = s.substr(at, end - at);
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return {line, {}};
    return {line.substr(0, tab), line.substr(tab + 1)};
  }

  std::string_view s_;
};

}  // namespace quoteline::text
