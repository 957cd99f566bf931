// JSON articles through simdjson: the generic shape, IPTC ninjs 1.x-3.x,
// schema.org NewsArticle (with @graph), arrays of them and JSON Lines.
// simdjson types stay inside input/.
#pragma once

#include <memory>
#include <string>

#include "input/article.h"

namespace quoteline::input {

// The articles of a JSON document or of JSON Lines, one record per next():
// a line is parsed only when its turn comes, so the parser's buffers hold
// one line, never the whole collection. `buf` holds `size` bytes of valid
// UTF-8 followed by at least simdjson::SIMDJSON_PADDING readable bytes, and
// must outlive the reader.
class json_reader {
 public:
  // A document that cannot be read at all sets `fatal`; an array or JSON
  // Lines sets `collection`.
  json_reader(const char* buf, size_t size, bool lines, error& fatal, bool& collection);
  ~json_reader();
  json_reader(const json_reader&) = delete;
  json_reader& operator=(const json_reader&) = delete;

  bool next(record& r);  // false once every record has been read

 private:
  struct state;
  std::unique_ptr<state> s_;
};

// Byte offset of the first syntax error in `s` (or s.size() when the JSON
// ends too early), found by a small iterative checker on the error path.
size_t json_error_offset(std::string_view s);

}  // namespace quoteline::input
