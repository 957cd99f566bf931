// A small word tokenizer over UTF-8: enough structure for the cue and date
// finders, which match words, capitalized names and numbers.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "quoteline/analysis.h"

namespace quoteline::text {

enum token_flags : uint8_t {
  tok_word = 1,      // letters (any script), may hold inner ' - . as in O'Neill, U.S.
  tok_number = 2,    // digits, may hold inner , . : as in 1,700 or 10:29
  tok_punct = 4,     // any other single code point that is not space
  tok_upper = 8,     // word starting with an uppercase letter
  tok_newline = 16,  // token follows a line break inside the range
};

struct token {
  span at;
  uint8_t flags = 0;
  bool is(uint8_t f) const { return (flags & f) != 0; }
};

// Tokens of text[range]; linear in the range size.
std::vector<token> tokenize(std::string_view text, span range);
// The same tokens appended to `out`, a buffer the caller reuses across calls.
void tokenize(std::string_view text, span range, std::vector<token>& out);

// ASCII case-insensitive equality, for lexicon lookups.
bool iequals(std::string_view a, std::string_view b);

}  // namespace quoteline::text
