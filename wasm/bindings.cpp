// The embind layer: bytes in the wasm heap -> quoteline::analyze -> JSON
// bytes. No analysis logic lives here. JS writes the input into a buffer from
// alloc(), reads the output through view() and parses it into plain values,
// so nothing crossing the boundary needs a .delete().
#include <emscripten/bind.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "quoteline/quoteline.h"

namespace {

struct settings {
  std::string format = "auto";  // auto | text | json | jsonl
  double max_input = 0;         // bytes (the API passes the core's default)
  bool pretty = false;          // single articles only: JSON Lines stay lines
  bool array = false;           // a collection as one JSON array instead of JSON Lines
};

// The output stays in `out` (owned here) until the next analyze() or clear():
// JS decodes it, or a CLI writes it to stdout, without an extra copy.
struct outcome {
  std::string status;  // "ok" or the name of a quoteline::status
  std::string message;
  double position = -1;
  bool collection = false;
  double count = 0;   // articles (or unreadable records) in the output
  double failed = 0;  // records that could not be read (error lines)
  double output = 0;  // address of the JSON bytes in the heap
  double size = 0;
};

std::string out;

size_t alloc(size_t n) {
  return reinterpret_cast<size_t>(std::malloc(n ? n : 1));
}

emscripten::val view(size_t at, size_t n) {
  return emscripten::val(emscripten::typed_memory_view(n, reinterpret_cast<unsigned char*>(at)));
}

void clear() {
  std::string().swap(out);
}

bool parse_format(std::string_view s, quoteline::input_format& f) {
  using quoteline::input_format;
  if (s == "auto") return f = input_format::automatic, true;
  if (s == "text") return f = input_format::text, true;
  if (s == "json") return f = input_format::json, true;
  if (s == "jsonl") return f = input_format::jsonl, true;
  return false;
}

outcome refuse(const quoteline::error& e) {
  out = quoteline::to_json(e);
  outcome o;
  o.status = quoteline::to_string(e.code);
  o.message = e.message;
  o.position = double(e.position);
  o.output = double(reinterpret_cast<size_t>(out.data()));
  o.size = double(out.size());
  return o;
}

// Takes ownership of the input buffer (from alloc) and frees it before the
// output is written, so the peak heap holds the input or the output, not both.
outcome analyze(size_t at, size_t n, const settings& s) {
  char* input = reinterpret_cast<char*>(at);
  quoteline::options opts;
  opts.max_input = s.max_input >= double(SIZE_MAX) ? SIZE_MAX
                   : s.max_input > 0               ? size_t(s.max_input)
                                                   : 0;
  if (!parse_format(s.format, opts.format)) {
    std::free(input);
    return refuse({quoteline::status::invalid_options, "unknown input format: " + s.format});
  }
  quoteline::result r = quoteline::analyze(std::string_view(input, n), opts);
  std::free(input);
  if (r.fatal.code != quoteline::status::ok) return refuse(r.fatal);

  clear();
  size_t bad_records = 0;
  const char* sep = s.array ? "," : "\n";
  if (s.array) out += '[';
  for (size_t i = 0; i < r.entries.size(); ++i) {
    quoteline::entry& e = r.entries[i];
    bool bad = e.failure.code != quoteline::status::ok;
    if (i) out += sep;
    out += bad ? quoteline::to_json(e.failure)
               : quoteline::to_json(e.article, s.pretty && !r.collection);
    bad_records += bad;
    e = {};  // release each analysis once serialized
  }
  if (s.array) out += ']';

  outcome o;
  o.status = "ok";
  o.collection = r.collection;
  o.count = double(r.entries.size());
  o.failed = double(bad_records);
  o.output = double(reinterpret_cast<size_t>(out.data()));
  o.size = double(out.size());
  return o;
}

std::string version() {
  return quoteline::version();
}

}  // namespace

EMSCRIPTEN_BINDINGS(quoteline) {
  using namespace emscripten;
  value_object<settings>("Settings")
      .field("format", &settings::format)
      .field("maxInput", &settings::max_input)
      .field("pretty", &settings::pretty)
      .field("array", &settings::array);
  value_object<outcome>("Outcome")
      .field("status", &outcome::status)
      .field("message", &outcome::message)
      .field("position", &outcome::position)
      .field("collection", &outcome::collection)
      .field("count", &outcome::count)
      .field("failed", &outcome::failed)
      .field("output", &outcome::output)
      .field("size", &outcome::size);
  function("alloc", &alloc);
  function("view", &view);
  function("analyze", &analyze);
  function("clear", &clear);
  function("version", &version);
}
