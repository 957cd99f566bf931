// JSON articles through simdjson: the generic shape, IPTC ninjs 1.x-3.x,
// schema.org NewsArticle (with @graph), arrays of them and JSON Lines.
// simdjson types stay inside input/.
#pragma once

#include <string>

#include "input/article.h"

namespace quoteline::input {

// `buf` holds `size` bytes of valid UTF-8 followed by at least
// simdjson::SIMDJSON_PADDING readable bytes (read() guarantees it).
void read_json(const char* buf, size_t size, bool lines, reading& out);

// Byte offset of the first syntax error in `s` (or s.size() when the JSON
// ends too early), found by a small iterative checker on the error path.
size_t json_error_offset(std::string_view s);

}  // namespace quoteline::input
