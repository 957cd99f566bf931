#include "time/atoms.h"

#include <algorithm>

#include "text/chars.h"
#include "text/swar.h"
#include "text/utf8.h"

namespace quoteline::time {

namespace {

void parse_number(std::string_view s, atom& a) {
  int64_t v = 0;
  int digits = 0, groups = 0;
  char sep = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (sep == 0) ++digits;
      v = v * 10 + (c - '0');
      if (v > 100000000) v = 100000000;
      ++groups;
      continue;
    }
    if (sep == 0 || sep == c) {
      if (sep == 0 && (c == ':' || c == '.')) {
        a.num = int32_t(v);
        v = 0;
      }
      sep = c;
    } else {
      sep = '?';
    }
  }
  a.digits = uint8_t(digits > 255 ? 255 : digits);
  if (sep == 0) {
    a.shape = n_plain;
    a.num = int32_t(v);
  } else if (sep == ':') {
    a.shape = n_clock;
    a.minutes = s.size() - size_t(digits) - 1 == 2 ? int32_t(v) : -1;
  } else if (sep == '.') {
    a.shape = n_decimal;
    a.minutes = s.size() - size_t(digits) - 1 == 2 ? int32_t(v) : -1;
  } else if (sep == ',') {
    a.shape = n_grouped;
    a.num = int32_t(v);
  } else {
    a.shape = n_grouped;
    a.num = -1;
  }
}

// Looks a word up, also without a possessive 's.
void read_word(std::string_view text, atom& a, bool apostrophe) {
  std::string_view w(text.data() + a.start, a.end - a.start);
  if (maybe_word(w)) {
    a.info = lookup(w);
    if (a.info) return;
  }
  if (!apostrophe) return;
  size_t n = w.size();
  if (n > 2 && (w[n - 1] == 's' || w[n - 1] == 'S') && w[n - 2] == '\'') {
    a.info = lookup(w.substr(0, n - 2));
    a.flags |= af_possessive;
  } else if (n > 4 && (w[n - 1] == 's' || w[n - 1] == 'S') &&
             w.substr(n - 4, 3) == "\xE2\x80\x99") {  // U+2019 's
    a.info = lookup(w.substr(0, n - 4));
    a.flags |= af_possessive;
  }
}

}  // namespace

namespace {

// Decodes the code point at s[i] (ASCII fast path) and advances i.
inline uint32_t cp_at(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return ++i, c;
  return text::next_cp(s, i);
}

// Byte classes for the scanning loops.
enum : uint8_t { k_letter = 1, k_digit = 2, k_space = 4, k_join = 8, k_high = 16 };

struct byte_classes {
  uint8_t of[256] = {};
  constexpr byte_classes() {
    for (int c = 0; c < 256; ++c) {
      uint8_t k = 0;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        k = k_letter;
      else if (c >= '0' && c <= '9')
        k = k_digit;
      else if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
        k = k_space;
      else if (c == '\'' || c == '-' || c == '.')
        k = k_join;
      else if (c >= 0x80)
        k = k_high;
      of[c] = k;
    }
  }
};
constexpr byte_classes kBytes;

inline uint8_t byte_class(std::string_view s, size_t i) {
  return kBytes.of[static_cast<unsigned char>(s[i])];
}

inline bool word_char(uint32_t c) {
  if (c < 0x80) return kBytes.of[c] & (k_letter | k_digit);
  return text::is_letter(c);
}

inline bool letter_at(std::string_view s, size_t i, size_t end) {
  if (i >= end) return false;
  uint8_t k = byte_class(s, i);
  if (k & k_letter) return true;
  if (!(k & k_high)) return false;
  return text::is_letter(text::next_cp(s, i));
}

// End of the word starting at i: letters and digits, with inner ' ’ - .
// before a letter. Sets `hyphen` when the word holds a hyphen.
size_t word_end(std::string_view s, size_t i, size_t n, bool& hyphen, bool& apostrophe) {
  while (i < n) {
    uint8_t k = byte_class(s, i);
    if (k & (k_letter | k_digit)) {
      ++i;
    } else if (k & k_join) {
      if (!letter_at(s, i + 1, n)) break;
      hyphen = hyphen || s[i] == '-';
      apostrophe = apostrophe || s[i] == '\'';
      ++i;
    } else if (k & k_high) {
      size_t j = i;
      uint32_t c = text::next_cp(s, j);
      if (text::is_letter(c))
        i = j;
      else if (c == 0x2019 && letter_at(s, j, n))
        i = j, apostrophe = true;
      else
        break;
    } else {
      break;
    }
  }
  return i;
}

// Single ASCII letters joined by periods: "U.S", "D.C" (as the tokenizer does).
bool initialism(std::string_view w) {
  if (w.size() < 3 || w.size() % 2 == 0) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    bool letter = (w[i] | 0x20) >= 'a' && (w[i] | 0x20) <= 'z';
    if (i % 2 == 0 ? !letter : w[i] != '.') return false;
  }
  return true;
}

}  // namespace

// One pass over the bytes, with the text stage's token rules (words keep
// inner apostrophes, hyphens and periods; numbers keep inner , . :), and
// words split at their hyphens on the way.
void atomize(std::string_view text, uint32_t start, uint32_t end, std::vector<atom>& out) {
  out.clear();
  size_t i = start, n = end < text.size() ? end : text.size();
  uint32_t prev_end = 0;
  bool pending_hyphen = false;
  while (i < n) {
    size_t at = i;
    if (byte_class(text, i) & k_space) {
      ++i;
      pending_hyphen = false;
      continue;
    }
    if (byte_class(text, i) & k_letter) {
      // Fast path for the common plain ASCII word (no inner joiner, no
      // non-ASCII byte): same atom as the general path below.
      size_t j = text::swar::alnum_end(text.data(), text.size(), i + 1, n);
      // A joiner not before a letter ends the word too ("said.", "him'"):
      // pure letters and digits are never an initialism.
      if (j >= n || !(byte_class(text, j) & (k_join | k_high)) ||
          ((byte_class(text, j) & k_join) &&
           (j + 1 >= n || !(byte_class(text, j + 1) & (k_letter | k_high))))) {
        bool glued = !out.empty() && at == prev_end;
        atom& a = out.emplace_back();
        a.start = uint32_t(i);
        a.end = uint32_t(j);
        a.kind = a_word;
        if (glued) a.flags |= af_glued;
        if (pending_hyphen) a.flags |= af_hyphen | af_glued;
        if (unsigned(static_cast<unsigned char>(text[i]) - 'A') < 26u) a.flags |= af_upper;
        std::string_view w(text.data() + i, j - i);
        if (j - i <= 8 && i + 8 <= text.size())
          a.info = lookup_short(w.data(), w.size());
        else if (maybe_word(w))
          a.info = lookup(w);
        pending_hyphen = false;
        prev_end = uint32_t(j);
        i = j < n && text[j] == ' ' ? j + 1 : j;  // the usual single space
        continue;
      }
    }
    uint32_t cp = cp_at(text, i);
    if (cp >= 0x80 && text::is_space(cp)) {
      pending_hyphen = false;
      continue;
    }
    bool glued = !out.empty() && at == prev_end;
    if (cp - '0' < 10u) {
      while (i < n) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (unsigned(c - '0') < 10u) {
          ++i;
        } else if ((c == ',' || c == '.' || c == ':') && i + 1 < n &&
                   unsigned(static_cast<unsigned char>(text[i + 1]) - '0') < 10u) {
          i += 2;
        } else {
          break;
        }
      }
      atom& a = out.emplace_back();
      a.start = uint32_t(at);
      a.end = uint32_t(i);
      a.kind = a_number;
      if (glued) a.flags |= af_glued;
      if (pending_hyphen) a.flags |= af_hyphen | af_glued;
      parse_number(text.substr(at, i - at), a);
    } else if (cp < 0x80 ? (cp | 0x20) - 'a' < 26u : text::is_letter(cp)) {
      bool upper = cp < 0x80 ? cp - 'A' < 26u : text::is_upper(cp);
      bool hyphen = false, apostrophe = false;
      i = word_end(text, i, n, hyphen, apostrophe);
      if (i < n && text[i] == '.' && initialism(text.substr(at, i - at))) ++i;
      // Split at inner hyphens: mid-December, two-hour, five-year-old.
      size_t s = at;
      bool first = true;
      for (size_t k = hyphen ? at : i; k <= i; ++k) {
        if (k < i && text[k] != '-') continue;
        atom& a = out.emplace_back();
        a.start = uint32_t(s);
        a.end = uint32_t(k);
        a.kind = a_word;
        if (!first || glued) a.flags |= af_glued;
        if (!first || pending_hyphen) a.flags |= af_hyphen | af_glued;
        unsigned char c0 = static_cast<unsigned char>(text[s]);
        if (unsigned(c0 - 'A') < 26u || (first && upper)) a.flags |= af_upper;
        read_word(text, a, apostrophe);
        first = false;
        s = k + 1;
      }
    } else {
      // A hyphen glued between two atoms joins them ("36-hour", "2024-11-03").
      if (cp == '-' && glued && i < n &&
          (word_char(static_cast<unsigned char>(text[i])) ||
           static_cast<unsigned char>(text[i]) >= 0x80)) {
        size_t j = i;
        if (word_char(cp_at(text, j))) {
          pending_hyphen = true;
          prev_end = uint32_t(i);
          continue;
        }
      }
      if (cp == '.' && glued && !out.empty() && out.back().kind == a_word)
        out.back().flags |= af_period;
      atom& a = out.emplace_back();
      a.start = uint32_t(at);
      a.end = uint32_t(i);
      a.kind = a_punct;
      a.ch = cp < 0x80 ? char(cp) : (cp == 0x2019 || cp == 0x2018) ? '\'' : '\x01';
      if (glued) a.flags |= af_glued;
    }
    pending_hyphen = false;
    prev_end = uint32_t(i);
  }
}

}  // namespace quoteline::time
