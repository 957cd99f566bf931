// The input stage's product: one article, whatever shape it came in. Only
// `text` is required; every other field may be empty.
#pragma once

#include <memory>
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

// Decodes (BOM, UTF-16, UTF-8 repair) into its own copy, detects the shape,
// then hands out one article per next(): a collection is never held as
// articles all at once. Nothing points into `bytes` once constructed.
class cursor {
 public:
  cursor(std::string_view bytes, const options& opts);
  ~cursor();
  cursor(cursor&&) noexcept;
  cursor& operator=(cursor&&) noexcept;

  const error& fatal() const { return fatal_; }
  bool collection() const { return collection_; }
  // The next record; false once all have been read (or on a fatal error).
  bool next(record& r);

 private:
  struct state;
  std::unique_ptr<state> s_;
  error fatal_;
  bool collection_ = false;
};

// Every article at once: a cursor read to its end.
reading read(std::string_view bytes, const options& opts);

}  // namespace quoteline::input
