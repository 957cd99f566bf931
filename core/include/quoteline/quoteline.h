// Public entry point of the Quoteline core: bytes in, analyses out. The core
// never throws, never aborts on bad input and never prints.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quoteline/analysis.h"

namespace quoteline {

// Fatal outcomes: the input as a whole (or one record of a collection) could
// not be read. Everything recoverable rides along as a diagnostic instead.
enum class status {
  ok,
  empty_input,      // nothing but whitespace
  input_too_large,  // over options::max_input bytes
  invalid_json,     // malformed JSON (position says where)
  too_deep,         // nesting beyond the reader's limit
  not_an_article,   // valid JSON, but no body text in any known shape
  invalid_options,  // an unknown input format or option value
};

const char* to_string(status s);

struct error {
  status code = status::ok;
  std::string message;
  int64_t position = -1;  // byte offset into the input, when it applies
  int64_t record = -1;    // index of the record inside a collection
};

enum class input_format { automatic, text, json, jsonl };

// "auto", "text", "json", "jsonl": the names every front end accepts.
bool parse_format(std::string_view name, input_format& out);

struct options {
  input_format format = input_format::automatic;
  size_t max_input = size_t(512) << 20;  // refuse bigger inputs up front
};

// One article of the input: its analysis, or why it could not be read.
struct entry {
  analysis article;
  error failure;  // failure.code != ok means `article` holds only the id
};

struct result {
  error fatal;              // fatal.code != ok means `entries` is empty
  bool collection = false;  // an array or JSON Lines (print one line each)
  std::vector<entry> entries;
};

// Every article of the input, analysed. A collection's analyses are all
// held at once; reader hands them out one at a time instead.
result analyze(std::string_view input, const options& opts = {});

namespace input {
class cursor;
}

// A collection analysed one entry per next(), for callers that serialize
// and drop each analysis before the next: memory holds the decoded input
// and one analysis rather than every analysis. Nothing points into `input`
// once constructed. analyze() is this read to the end.
class reader {
 public:
  explicit reader(std::string_view input, const options& opts = {});
  ~reader();
  reader(reader&&) noexcept;
  reader& operator=(reader&&) noexcept;

  const error& fatal() const;  // fatal().code != ok: next() yields nothing
  bool collection() const;     // an array or JSON Lines (print one line each)
  bool next(entry& e);         // false once every entry has been handed out

 private:
  std::unique_ptr<input::cursor> cursor_;
};

// Serializes with UTF-16 offsets; always valid JSON, byte-for-byte
// deterministic for the same analysis.
std::string to_json(const analysis& a, bool pretty = false);
std::string to_json(const error& e);

const char* version();

}  // namespace quoteline
