// Atoms: the tokens of one block as the date grammar sees them. Hyphenated
// words are split into their parts ("mid-December", "two-hour"), numbers
// are parsed, and every word carries its vocabulary readings.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "time/words.h"

namespace quoteline::time {

enum atom_kind : uint8_t { a_word, a_number, a_punct };

enum atom_flag : uint8_t {
  af_glued = 1,       // no space before it
  af_hyphen = 2,      // joined to the previous atom by a hyphen
  af_upper = 4,       // a word starting with a capital letter
  af_possessive = 8,  // a word that ended in 's (stripped before lookup)
  af_period = 16,     // a word directly followed by a period atom
};

// Shapes of a number atom.
enum num_shape : uint8_t { n_plain, n_clock, n_grouped, n_decimal };

struct atom {
  uint32_t start = 0, end = 0;  // byte offsets into the document text
  atom_kind kind = a_punct;
  uint8_t flags = 0;
  num_shape shape = n_plain;
  uint8_t digits = 0;    // digits before any separator
  char ch = 0;           // punctuation: the ASCII character, '\'' for a curly apostrophe
  int32_t num = -1;      // number: integer value (clock: hours), -1 when too big
  int32_t minutes = -1;  // clock numbers: the minutes
  const word_info* info = nullptr;
  bool is(uint8_t f) const { return (flags & f) != 0; }
  bool has(uint32_t f) const { return info && info->has(f); }
  bool is(kw k) const { return info && info->k == k; }
  bool punct(char c) const { return kind == a_punct && ch == c; }
};

// Appends the atoms of text[start, end) to `out` (which is cleared first).
void atomize(std::string_view text, uint32_t start, uint32_t end, std::vector<atom>& out);

}  // namespace quoteline::time
