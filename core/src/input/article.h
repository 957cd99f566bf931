// The input stage's product: one article, whatever shape it came in. Only
// `text` is required; every other field may be empty.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quoteline/analysis.h"
#include "quoteline/quoteline.h"

namespace quoteline::input {

struct article {
  std::string id;
  std::string headline;
  std::string published;  // ISO 8601 as precise as the source, or empty
  std::string byline;
  std::optional<struct dateline> dateline;
  std::string body;          // plain text, valid UTF-8 (HTML already reduced)
  size_t header_blocks = 0;  // leading blocks of `body` that are not paragraphs
  std::vector<diagnostic> diagnostics;
};

struct record {
  article doc;
  error failure;  // failure.code != ok: this record could not be read
};

struct reading {
  error fatal;
  bool collection = false;
  std::vector<record> records;
};

// Decodes (BOM, UTF-16, UTF-8 repair), detects the shape and reads every
// article of the input. Linear in the input size.
reading read(std::string_view bytes, const options& opts);

}  // namespace quoteline::input
