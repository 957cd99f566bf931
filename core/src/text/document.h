// The text stage's product: the normalized body and its structure, shared
// read-only by the quote, attribution and time stages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quoteline/analysis.h"

namespace quoteline::text {

struct document {
  std::string text;              // valid UTF-8, paragraphs joined by "\n\n"
  std::vector<span> header;      // wire-text blocks before the body (timestamp, headline)
  std::vector<span> paragraphs;  // body paragraphs, in order, never overlapping
  std::vector<span> sentences;   // in order, each inside one paragraph
  std::string_view view(span s) const { return std::string_view(text).substr(s.start, s.size()); }
};

// Normalizes a body of valid UTF-8 into a document: line ends unified, C0/C1
// controls replaced by spaces (with a warning), spaces collapsed, lines of a
// paragraph joined; paragraphs split at blank lines, form feeds and U+2029
// (or at every line when the body has no blank line at all).
// The first `header_blocks` blocks go to `header` instead of `paragraphs`.
document build(std::string_view body, std::vector<diagnostic>& diags, size_t header_blocks = 0);

// The first `n` blocks of a raw body, split by the same rules as build():
// what the wire reader inspects for a timestamp, headline and dateline.
std::vector<std::string_view> first_blocks(std::string_view body, size_t n);

// Sentence spans inside one paragraph of `text`.
void split_sentences(std::string_view text, span paragraph, std::vector<span>& out);

// Index of the sentence (or paragraph) containing byte `pos`, or -1.
int sentence_at(const document& d, uint32_t pos);
int paragraph_at(const document& d, uint32_t pos);

}  // namespace quoteline::text
